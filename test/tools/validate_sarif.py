#!/usr/bin/env python3
"""Validates SARIF logs with two independent judges:

  1. the official OASIS SARIF 2.1.0 JSON schema (test/tools/sarif-schema-2.1.0.json),
  2. Microsoft's SARIF Multitool `validate` with GitHub's ingestion rules
     (GH1001-GH1007) enabled by test/tools/github.config.xml.

Exits non-zero and prints every problem if either judge reports an error or
a warning. The Multitool always exits 0, so its own SARIF output is read.

Usage: validate_sarif.py FILE.sarif [FILE.sarif ...]
"""
import json
import os
import subprocess
import sys
import tempfile

import jsonschema

HERE = os.path.dirname(os.path.abspath(__file__))
SCHEMA = os.path.join(HERE, "sarif-schema-2.1.0.json")
CONFIG = os.path.join(HERE, "github.config.xml")
MULTITOOL = os.path.join(HERE, "node_modules", "@microsoft", "sarif-multitool-linux",
                         "Sarif.Multitool")


def schema_problems(log):
    with open(SCHEMA) as f:
        schema = json.load(f)
    validator = jsonschema.Draft4Validator(schema)
    return ["schema: %s at %s" % (e.message, "/".join(map(str, e.absolute_path)))
            for e in validator.iter_errors(log)]


def reference_problems(log):
    """What neither judge checks: relationships and taxa point at taxa that
    exist in the run, and ruleIndex points at the rule named by ruleId."""
    problems = []
    for run in log.get("runs", []):
        taxa = {}
        for taxonomy in run.get("taxonomies", []):
            taxa[taxonomy["name"]] = {t["id"] for t in taxonomy.get("taxa", [])}
        rules = run["tool"]["driver"].get("rules", [])
        for rule in rules:
            for rel in rule.get("relationships", []):
                target = rel["target"]
                component = target.get("toolComponent", {}).get("name")
                if target["id"] not in taxa.get(component, set()):
                    problems.append("rule %s relates to missing taxon %s/%s" % (
                        rule["id"], component, target["id"]))
        for i, result in enumerate(run.get("results", [])):
            index = result.get("ruleIndex")
            if index is not None and (index >= len(rules) or rules[index]["id"] != result["ruleId"]):
                problems.append("result %d: ruleIndex %s does not name %s" % (i, index, result["ruleId"]))
            for taxon in result.get("taxa", []):
                component = taxon.get("toolComponent", {}).get("name")
                if taxon["id"] not in taxa.get(component, set()):
                    problems.append("result %d: missing taxon %s/%s" % (i, component, taxon["id"]))
    return problems


def multitool_problems(path):
    if not os.path.exists(MULTITOOL):
        return ["multitool: not installed at %s (run scripts/install-deps.sh)" % MULTITOOL]
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "validation.sarif")
        # The judge is not ours: keep a sanitizer runtime preloaded for
        # prodready (scripts/test.sh --sanitize) out of it.
        env = {k: v for k, v in os.environ.items() if k != "LD_PRELOAD"}
        proc = subprocess.run(
            [MULTITOOL, "validate", path, "-c", CONFIG, "--rule-kind", "Sarif;Ghas",
             "--level", "Error;Warning", "-o", out, "--log", "ForceOverwrite"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env)
        if not os.path.exists(out):
            return ["multitool: produced no output:\n" + proc.stdout.decode(errors="replace")]
        with open(out) as f:
            report = json.load(f)
    problems = []
    for run in report.get("runs", []):
        for result in run.get("results", []):
            if result.get("level", "warning") in ("error", "warning"):
                text = result.get("message", {}).get("text") or json.dumps(result.get("message"))
                problems.append("multitool %s %s: %s" % (result.get("level", "warning"),
                                                         result.get("ruleId"), text))
        for inv in run.get("invocations", []):
            for note in inv.get("toolExecutionNotifications", []):
                if note.get("level") == "error":
                    problems.append("multitool failed: %s" % note.get("message", {}).get("text"))
    return problems


def main():
    failed = False
    for path in sys.argv[1:]:
        with open(path, encoding="utf-8") as f:
            log = json.load(f)
        problems = schema_problems(log) + reference_problems(log) + multitool_problems(path)
        for p in problems:
            print("%s: %s" % (path, p))
        failed |= bool(problems)
        if not problems:
            print("%s: valid (schema, references, multitool: 0 errors, 0 warnings)" % path)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
