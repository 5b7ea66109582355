#!/usr/bin/env python3
"""Runs N copies of a command at once and waits for them all; exits with
the first non-zero status. Used to have several drivers build and store the
same preambles concurrently.

  preamble-race.py N CMD ARGS...
"""
import subprocess
import sys

n = int(sys.argv[1])
procs = [subprocess.Popen(sys.argv[2:], stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL) for _ in range(n)]
codes = [p.wait() for p in procs]
print("ran %d: exit codes %s" % (n, sorted(set(codes))))
sys.exit(next((c for c in codes if c), 0))
