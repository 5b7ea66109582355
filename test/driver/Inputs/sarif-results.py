#!/usr/bin/env python3
"""Prints a SARIF log's file count and results, one per line, sorted."""
import json, sys
run = json.load(open(sys.argv[1]))["runs"][0]
print("files", run["invocations"][0]["properties"]["filesAnalysed"])
rows = []
for r in run["results"]:
    loc = r["locations"][0]["physicalLocation"]
    rows.append("%s:%d:%d %s %s" % (loc["artifactLocation"]["uri"], loc["region"]["startLine"],
                                    loc["region"]["startColumn"], r["ruleId"],
                                    r["partialFingerprints"]["primaryLocationLineHash"]))
print("\n".join(sorted(rows)))
