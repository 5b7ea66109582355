#!/usr/bin/env python3
"""Checks that every place that lists the prodready rules lists the same ones.

A rule is named, by string only, in

  * checks/ProdReadyTidyModule.cpp   registerCheck<NameCheck>("prodready-x")
  * lib/data/rules.json              {"id": "prodready-x", "name": "Name"}
  * lib/data/checklist.json          an item's "rules"
  * docs/checks/x.md                 the rule's page
  * README.md, section "Rules"       | [x](docs/checks/x.md) | ... |
  * test/checks/x.cpp, x-*.cpp       the rule's lit tests
  * optionally, a file with one registered check per line
    (`prodready --list-checks` of the built driver)

Usage: check_rule_lists.py SOURCE_ROOT [--registered FILE]
Prints "N rules listed consistently" or, per place, what it lacks or adds.
"""
import argparse
import json
import os
import re
import sys

PREFIX = "prodready-"


def read(root, *path):
    with open(os.path.join(root, *path), encoding="utf-8") as f:
        return f.read()


def module_checks(root):
    """Check name -> check class, from the module's registerCheck calls."""
    text = read(root, "checks", "ProdReadyTidyModule.cpp")
    return dict((name, cls) for cls, name in
                re.findall(r'registerCheck<\s*(\w+)\s*>\(\s*"([^"]+)"\s*\)', text))


def rules_json(root):
    """Rule id -> declared name, from the rule table."""
    return {r["id"]: r.get("name", "") for r in json.loads(read(root, "lib", "data", "rules.json"))["rules"]}


def checklist_rules(root):
    doc = json.loads(read(root, "lib", "data", "checklist.json"))
    return {rule for section in doc["sections"] for item in section.get("items", [])
            for rule in item.get("rules", [])}


def doc_pages(root):
    return {PREFIX + name[:-3] for name in os.listdir(os.path.join(root, "docs", "checks"))
            if name.endswith(".md")}


def readme_table(root):
    """Rules of the README's "## Rules" table; each row must link its own page."""
    section = re.search(r"^## Rules\n(.*?)(?=^## )", read(root, "README.md"), re.S | re.M)
    if not section:
        sys.exit("README.md: no '## Rules' section")
    rules, problems = set(), []
    for name, page in re.findall(r"^\|\s*\[([^\]]+)\]\(([^)]*)\)", section.group(1), re.M):
        rules.add(PREFIX + name)
        if page != "docs/checks/%s.md" % name:
            problems.append("README.md: the row of '%s' links '%s', not docs/checks/%s.md" %
                            (name, page, name))
    return rules, problems


def has_lit_test(root, rule):
    """test/checks/x.cpp or x-topic.cpp or x_test.cpp."""
    name = rule[len(PREFIX):]
    return any(re.fullmatch(re.escape(name) + r"([-_][\w-]+)?\.cpp", test)
               for test in os.listdir(os.path.join(root, "test", "checks")))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("root")
    parser.add_argument("--registered", help="one registered check per line")
    args = parser.parse_args()

    module = module_checks(args.root)
    table = rules_json(args.root)
    readme, problems = readme_table(args.root)
    places = [
        ("checks/ProdReadyTidyModule.cpp (registerCheck)", set(module)),
        ("lib/data/rules.json", set(table)),
        ("lib/data/checklist.json (items' rules)", checklist_rules(args.root)),
        ("docs/checks/<rule>.md", doc_pages(args.root)),
        ("README.md (Rules table)", readme),
    ]
    if args.registered:
        with open(args.registered, encoding="utf-8") as f:
            places.append(("registered checks (%s)" % os.path.basename(args.registered),
                           {line.strip() for line in f if line.strip()}))
    # The rule table is the reference; every other place must list the same.
    reference = places[1][1]
    for place, rules in places:
        for rule in sorted(reference - rules):
            problems.append("%s: lacks %s" % (place, rule))
        for rule in sorted(rules - reference):
            problems.append("%s: lists %s, which lib/data/rules.json does not" % (place, rule))
    for rule in sorted(reference):
        if not has_lit_test(args.root, rule):
            problems.append("test/checks: no lit test %s.cpp or %s-*.cpp" %
                            (rule[len(PREFIX):], rule[len(PREFIX):]))
    # The module's class and the table's name are the same rule.
    for rule in sorted(reference & set(module)):
        if module[rule] != table[rule] + "Check":
            problems.append("%s is %s in the module but named '%s' in lib/data/rules.json" %
                            (rule, module[rule], table[rule]))
    if problems:
        sys.exit("rule lists disagree:\n  " + "\n  ".join(problems))
    print("%d rules listed consistently" % len(reference))


if __name__ == "__main__":
    main()
