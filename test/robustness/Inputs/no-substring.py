#!/usr/bin/env python3
"""no-substring.py SECRETS FILE...: fails if any FILE (or any file below a
directory) contains any 8-character substring of any line of SECRETS."""
import os, sys
secrets = [l.strip().encode() for l in open(sys.argv[1], "rb").read().decode().splitlines() if l.strip()]
paths = []
for p in sys.argv[2:]:
    if os.path.isdir(p):
        paths += [os.path.join(d, f) for d, _, fs in os.walk(p) for f in fs]
    else:
        paths.append(p)
bad = 0
for path in paths:
    data = open(path, "rb").read()
    for s in secrets:
        for i in range(len(s) - 7):
            if s[i:i + 8] in data:
                print("%s: contains %r (from %r)" % (path, s[i:i + 8], s[:4]))
                bad += 1
                break
print("checked %d file(s): %s" % (len(paths), "LEAK" if bad else "clean"))
sys.exit(1 if bad else 0)
