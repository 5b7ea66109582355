#!/usr/bin/env python3
"""Prints file, rule and fingerprint of every result of a SARIF log, sorted."""
import json, sys
rows = []
for r in json.load(open(sys.argv[1]))["runs"][0]["results"]:
    uri = r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    rows.append("%s %s %s" % (uri, r["ruleId"], r["partialFingerprints"]["primaryLocationLineHash"]))
print("\n".join(sorted(rows)))
