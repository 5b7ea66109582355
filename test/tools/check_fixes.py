#!/usr/bin/env python3
"""Applies one prodready check's fix-its to a copy of a lit test file through
BOTH front ends -- `clang-tidy --fix` with the plugin and `prodready --fix` --
and checks that

  * the two fixed files are identical,
  * the fixed text matches the file's CHECK-FIXES lines (FileCheck; the
    CHECK lines themselves are blanked in the copies so they cannot match),
  * the fixed file still compiles (clang++ -fsyntax-only with the same flags),
  * analysing the fixed file again reports nothing for the check, except what
    CHECK-REMAINING lines expect (findings that have no certain fix-it).

Usage (from lit):
  %check_fixes [-check-suffixes=,S] FILE CHECK WORKDIR [-config=YAML] [-- ARGS]

-check-suffixes adds prefixes: `,CXX` checks CHECK-FIXES and CHECK-FIXES-CXX.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys

CHECK_LINE = re.compile(r"//\s*CHECK-[A-Z0-9-]+:[^\r\n]*")


def run(cmd):
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return proc.returncode, proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace")


def filecheck(test_file, prefix, text, label):
    proc = subprocess.run(
        ["FileCheck", test_file, "--check-prefixes=" + prefix, "--dump-input=fail"] +
        (["--implicit-check-not={{warning|error}}:"] if "CHECK-REMAINING" in prefix else []),
        input=text.encode(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    if proc.returncode != 0:
        sys.exit("%s: FileCheck (%s) failed:\n%s\n--- input was:\n%s" % (
            label, prefix, proc.stdout.decode(errors="replace"), text))


def has_prefix(test_file, prefix):
    with open(test_file, encoding="utf-8", errors="replace") as f:
        return any(re.search(r"\b%s(-NEXT|-SAME|-NOT|-DAG)?:" % re.escape(prefix), line)
                   for line in f)


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
    parser.add_argument("--clangxx", required=True)
    parser.add_argument("--inputs", required=True)
    parser.add_argument("-config", default=None)
    parser.add_argument("-check-suffixes", default="")
    parser.add_argument("-std", default="c++20")
    parser.add_argument("file")
    parser.add_argument("check")
    parser.add_argument("workdir")
    args = parser.parse_args(argv)

    flags = []
    if not any(a.startswith("-std=") for a in compile_args):
        flags.append("-std=" + args.std)
    flags += ["-isystem", args.inputs] + compile_args
    common = ["--checks=-*," + args.check]
    if args.config is not None:
        common.append("--config=" + args.config)

    with open(args.file, encoding="utf-8") as f:
        source = CHECK_LINE.sub("//", f.read())
    ext = os.path.splitext(args.file)[1] or ".cpp"
    if "-x" in compile_args and compile_args[compile_args.index("-x") + 1] == "c":
        ext = ".c"
    os.makedirs(args.workdir, exist_ok=True)
    copies = {}
    for front in ("tidy", "driver"):
        copies[front] = os.path.join(args.workdir, "fixed-by-" + front + ext)
        with open(copies[front], "w", encoding="utf-8") as f:
            f.write(source)

    rc, out, err = run([args.tidy, "--load=" + args.plugin, "--quiet", "--fix"] + common +
                       [copies["tidy"], "--"] + flags)
    if "error: " in err and "Error parsing" in err:
        sys.exit("clang-tidy rejected the configuration:\n" + err)
    rc, out, err = run([args.driver, "--quiet", "--no-cache", "--fail-on=none", "--fix"] +
                       common + [copies["driver"], "--"] + flags)
    if rc not in (0, 1):
        sys.exit("driver --fix failed with exit code %d:\n%s%s" % (rc, out, err))
    if "warning: " in err:
        sys.exit("driver --fix reported a problem:\n" + err)

    fixed = {}
    for front, path in copies.items():
        with open(path, encoding="utf-8") as f:
            fixed[front] = f.read()
    if fixed["tidy"] != fixed["driver"]:
        diff = run(["diff", "-u", copies["tidy"], copies["driver"]])[1]
        sys.exit("clang-tidy --fix and prodready --fix disagree:\n" + diff)
    if fixed["tidy"] == source:
        sys.exit("no fix-it was applied")
    suffixes = [("-" + x.strip() if x.strip() else "")
                for x in (args.check_suffixes.split(",") if args.check_suffixes else [""])]
    filecheck(args.file, ",".join("CHECK-FIXES" + x for x in suffixes), fixed["tidy"],
              "fixed file")

    rc, out, err = run([args.clangxx, "-fsyntax-only"] + flags + [copies["tidy"]])
    if rc != 0:
        sys.exit("the fixed file does not compile:\n%s%s\n--- fixed file:\n%s" % (
            out, err, fixed["tidy"]))

    # Analysed again, the fixed file has no finding of the check left but
    # those that have no certain fix.
    rc, out_t, err = run([args.tidy, "--load=" + args.plugin, "--quiet"] + common +
                         [copies["tidy"], "--"] + flags)
    rc, out_d, err = run([args.driver, "--quiet", "--no-cache", "--fail-on=none"] + common +
                         [copies["driver"], "--"] + flags)
    for label, text in (("clang-tidy plugin, fixed file", out_t),
                        ("prodready driver, fixed file", out_d)):
        remaining = [p for p in ("CHECK-REMAINING" + x for x in suffixes)
                     if has_prefix(args.file, p)]
        if remaining:
            filecheck(args.file, ",".join(remaining), text, label)
        elif re.search(r": (warning|error): ", text):
            sys.exit("%s: findings remain after the fix:\n%s" % (label, text))


if __name__ == "__main__":
    main()
