#!/usr/bin/env python3
"""Runs one prodready check on a lit test file through BOTH front ends -- the
clang-tidy plugin and the prodready driver -- and checks that

  * each front end's diagnostics match the file's CHECK-MESSAGES lines exactly
    (FileCheck with --implicit-check-not for any other warning or error), and
  * the two front ends report identical diagnostics (file, line, column,
    severity, message, check name), notes included, except that the driver
    reports a rule at the level lib/data/rules.json declares for it: a rule
    declared `error` is an error there and a warning in clang-tidy (which
    knows only WarningsAsErrors). The driver's errors of such rules are
    checked, then read as warnings for the comparison and the CHECK lines.

Usage (from lit):
  %check_prodready [-check-suffix=S[,T]] FILE CHECK [-config=YAML] [-- ARGS]
"""
import argparse
import json
import os
import re
import subprocess
import sys

DIAG = re.compile(r"^(.*?):(\d+):(\d+): (warning|error|note): (.*)$")


def run(cmd):
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return proc.returncode, proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace")


def diagnostics(text):
    return [m.groups() for m in map(DIAG.match, text.splitlines()) if m]


RULES = os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir, os.pardir,
                     "lib", "data", "rules.json")
RULE_NAME = re.compile(r"\[([^\],]+)\]$")


def declared_errors():
    with open(RULES, encoding="utf-8") as f:
        return {r["id"] for r in json.load(f)["rules"] if r.get("level") == "error"}


def as_clang_tidy_reports(text, error_rules):
    """The driver's text with each finding of a rule declared `error` read
    as the warning clang-tidy reports; exits when such a finding is not an
    error in the driver."""
    lines = []
    for line in text.splitlines(keepends=True):
        m = DIAG.match(line.rstrip("\n"))
        name = RULE_NAME.search(m.group(5)) if m else None
        if name and name.group(1) in error_rules:
            if m.group(4) != "error":
                sys.exit("prodready driver: rules.json declares %s an error, but the driver "
                         "reported:\n%s" % (name.group(1), line))
            prefix = "%s:%s:%s: " % m.group(1, 2, 3)
            line = prefix + "warning" + line[len(prefix) + len("error"):]
        lines.append(line)
    return "".join(lines)


def filecheck(text, test_file, prefix, label):
    with_prefix = False
    with open(test_file, encoding="utf-8", errors="replace") as f:
        for line in f:
            if re.search(r"\b%s(-NEXT|-SAME|-NOT|-DAG)?:" % re.escape(prefix), line):
                with_prefix = True
                break
    if not with_prefix:
        found = [d for d in diagnostics(text) if d[3] in ("warning", "error")]
        if found:
            sys.exit("%s: expected no diagnostics, got:\n%s" % (label, text))
        return
    proc = subprocess.run(
        ["FileCheck", test_file, "--check-prefix=" + prefix,
         "--implicit-check-not={{warning|error}}:", "--dump-input=fail"],
        input=text.encode(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    if proc.returncode != 0:
        sys.exit("%s: FileCheck (%s) failed:\n%s\n--- output was:\n%s" % (
            label, prefix, proc.stdout.decode(errors="replace"), text))


def main():
    argv = sys.argv[1:]
    compile_args = []
    if "--" in argv:
        cut = argv.index("--")
        argv, compile_args = argv[:cut], argv[cut + 1:]
    parser = argparse.ArgumentParser()
    parser.add_argument("--tidy", required=True)
    parser.add_argument("--plugin", required=True)
    parser.add_argument("--driver", required=True)
    parser.add_argument("--inputs", required=True)
    parser.add_argument("-check-suffix", "-check-suffixes", default="")
    parser.add_argument("-config", default=None)
    parser.add_argument("-std", default="c++20")
    parser.add_argument("file")
    parser.add_argument("check")
    args = parser.parse_args(argv)

    flags = []
    if not any(a.startswith("-std=") for a in compile_args):
        flags.append("-std=" + args.std)
    flags += ["-isystem", args.inputs] + compile_args
    common = ["--checks=-*," + args.check]
    if args.config is not None:
        common.append("--config=" + args.config)

    rc_t, out_t, err_t = run([args.tidy, "--load=" + args.plugin, "--quiet"] +
                             common + [args.file, "--"] + flags)
    rc_d, out_d, err_d = run([args.driver, "--quiet", "--fail-on=none"] +
                             common + [args.file, "--"] + flags)
    if rc_d not in (0, 1):
        sys.exit("driver failed with exit code %d:\n%s%s" % (rc_d, out_d, err_d))
    if "error: " in err_t and "Error parsing" in err_t:
        sys.exit("clang-tidy rejected the configuration:\n" + err_t)

    out_d = as_clang_tidy_reports(out_d, declared_errors())
    prefixes = ["CHECK-MESSAGES" + ("-" + s.strip() if s.strip() else "")
                for s in (args.check_suffix.split(",") if args.check_suffix else [""])]
    for prefix in prefixes:
        filecheck(out_t, args.file, prefix, "clang-tidy plugin")
        filecheck(out_d, args.file, prefix, "prodready driver")

    tidy_diags, driver_diags = diagnostics(out_t), diagnostics(out_d)
    if tidy_diags != driver_diags:
        sys.exit("plugin and driver disagree:\n--- plugin:\n%s\n--- driver:\n%s" % (
            "\n".join(map(str, tidy_diags)), "\n".join(map(str, driver_diags))))


if __name__ == "__main__":
    main()
