#!/usr/bin/env python3
"""Compares the results of two SARIF logs (prodready's): every result,
whole (rule, level, message, locations, fingerprints, fixes...), as a
multiset. Prints "identical: N result(s)" and exits 0, or the results only
one side has and exits 1.

  compare_sarif.py COLD.sarif WARM.sarif
"""
import json
import sys


def results(path):
    with open(path) as f:
        log = json.load(f)
    return sorted(json.dumps(r, sort_keys=True)
                  for run in log["runs"] for r in run.get("results", []))


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: compare_sarif.py A.sarif B.sarif")
    a, b = results(sys.argv[1]), results(sys.argv[2])
    if a == b:
        print("identical: %d result(s)" % len(a))
        return 0
    only_a = [r for r in a if r not in b]
    only_b = [r for r in b if r not in a]
    print("differ: %d vs %d result(s)" % (len(a), len(b)))
    for r in only_a:
        print("only in %s: %s" % (sys.argv[1], r))
    for r in only_b:
        print("only in %s: %s" % (sys.argv[2], r))
    return 1


if __name__ == "__main__":
    sys.exit(main())
