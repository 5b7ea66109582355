#!/usr/bin/env python3
"""Prints the codeFlows of a SARIF log's results of one rule: the result's
location, then each thread-flow step's location and message."""
import json, sys
run = json.load(open(sys.argv[1]))["runs"][0]
rule = sys.argv[2]
def where(physical):
    return "%s:%d:%d" % (physical["artifactLocation"]["uri"], physical["region"]["startLine"],
                         physical["region"]["startColumn"])
for r in sorted(run["results"], key=lambda r: where(r["locations"][0]["physicalLocation"])):
    if r["ruleId"] != rule:
        continue
    print("result", where(r["locations"][0]["physicalLocation"]))
    for flow in r.get("codeFlows", []):
        for thread in flow["threadFlows"]:
            for step in thread["locations"]:
                loc = step["location"]
                print("  step", where(loc["physicalLocation"]), loc["message"]["text"])
