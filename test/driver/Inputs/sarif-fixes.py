#!/usr/bin/env python3
"""Prints each SARIF result's fix as `file:line rule start-end "text"`
(regions as line:column), one line per replacement, sorted."""
import json, sys
log = json.load(open(sys.argv[1]))
lines = []
for run in log["runs"]:
    for result in run["results"]:
        loc = result["locations"][0]["physicalLocation"]
        where = "%s:%d" % (loc["artifactLocation"]["uri"], loc["region"]["startLine"])
        for fix in result.get("fixes", []):
            for change in fix["artifactChanges"]:
                for rep in change["replacements"]:
                    r = rep["deletedRegion"]
                    lines.append('%s %s %d:%d-%d:%d %s' % (
                        where, result["ruleId"], r["startLine"], r["startColumn"],
                        r["endLine"], r["endColumn"], json.dumps(rep["insertedContent"]["text"])))
print("\n".join(sorted(lines)))
