#!/usr/bin/env python3
"""The edit loop's benchmark (scripts/bench.sh --edit-loop): for each unit,
the CPU time of a cold analysis (`prodready --no-cache`) against a
re-analysis after an edit of a function body, with the unit's precompiled
preamble reused (lib/core/PreambleStore.h). Each unit is copied to a work
directory with its compile command, so the sources are never touched.

  bench-edit-loop.py --driver PRODREADY --out DIR [--reps R] UNIT:DB...

UNIT is a source file, DB the compile_commands.json that has it. CPU is
user + system of the driver and its workers (RUSAGE_CHILDREN), one job.
Writes DIR/edit-loop.md and DIR/edit-loop.json and prints the table.
"""
import argparse
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "test", "lsp", "Inputs"))
from lsp_client import Client, uri  # noqa: E402


def cpu_of(cmd, cwd):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        sys.exit("failed (%d): %s\n%s" % (proc.returncode, " ".join(cmd), proc.stderr))
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, proc.stderr


def workspace(unit, db, out):
    """A copy of UNIT and a database with its command, in OUT/<name>."""
    entries = json.load(open(db))
    unit = os.path.abspath(unit)
    entry = next(e for e in entries
                 if os.path.abspath(os.path.join(e["directory"], e["file"])) == unit)
    work = os.path.abspath(os.path.join(out, "edit-loop", os.path.splitext(os.path.basename(unit))[0]))
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    copy = os.path.join(work, os.path.basename(unit))
    shutil.copy(unit, copy)
    # The copy keeps the original's directory on the include path (quoted
    # includes next to it).
    args = entry.get("arguments") or entry["command"].split()
    args = [a for a in args]
    args = [copy if os.path.abspath(os.path.join(entry["directory"], a)) == unit else a
            for a in args]
    args.insert(1, "-I" + os.path.dirname(unit))
    json.dump([{"directory": entry["directory"], "file": copy, "arguments": args}],
              open(os.path.join(work, "compile_commands.json"), "w"), indent=1)
    return work, copy


def edit_body(path, n):
    """Adds a statement to the first block opened after the includes (a
    function body, or a block in one)."""
    lines = open(path).read().split("\n")
    start = max(i for i, l in enumerate(lines) if l.startswith("#include")) + 1
    for i in range(start, len(lines)):
        if re.search(r"\)\s*(const\s*)?(noexcept\s*)?(->\s*[\w:<>]+\s*)?\{\s*$", lines[i]):
            lines.insert(i + 1, "  (void)%d; // prodready edit-loop benchmark" % n)
            open(path, "w").write("\n".join(lines))
            return
    sys.exit("no function body to edit in " + path)


def measure(driver, unit, db, out, reps):
    work, copy = workspace(unit, db, out)
    base = [driver, "-p", work, "--source-root", work, "--fail-on=none", "-j1"]
    cold = [cpu_of(base + ["--no-cache", copy], work)[0] for _ in range(reps)]
    cache = base + ["--cache", os.path.join(work, "cache"), "--preamble=always", copy]
    build, said = cpu_of(cache, work)
    if "preamble.built: 1" not in said:
        sys.exit("the first run built no preamble:\n" + said)
    warm = []
    for n in range(reps):
        edit_body(copy, n)
        cpu, said = cpu_of(cache, work)
        if "preamble.reused: 1" not in said:
            sys.exit("the re-analysis did not reuse the preamble:\n" + said)
        warm.append(cpu)
    pch = sum(os.path.getsize(os.path.join(work, "cache", "preamble", f))
              for f in os.listdir(os.path.join(work, "cache", "preamble")))
    return {"unit": os.path.relpath(unit), "cold": statistics.median(cold),
            "cold_runs": cold, "first_with_build": build,
            "reanalysis": statistics.median(warm), "reanalysis_runs": warm,
            "ratio": statistics.median(warm) / statistics.median(cold),
            "store_bytes": pch}


def lsp_latency(driver, unit, db, out, reps, options):
    """Wall time from didOpen, then from each body edit, to the
    diagnostics of `prodready lsp` (the editor's wait)."""
    work, copy = workspace(unit, db, out)
    text = open(copy).read()
    client = Client([driver, "lsp", "-p", work, "--debounce-ms=0",
                     "--cache=" + os.path.join(work, "lsp-cache")] + options, cwd=work)
    client.request("initialize", {"processId": None, "rootUri": uri(work), "capabilities": {}})
    client.notify("initialized", {})

    def wait(version):
        client.wait_notification("textDocument/publishDiagnostics", timeout=600,
                                 where=lambda p: p.get("version") == version)

    start = time.time()
    client.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri(copy), "languageId": "cpp", "version": 1, "text": text}})
    wait(1)
    opened = time.time() - start
    edits = []
    for n in range(reps):
        edit_body(copy, 100 + n)
        start = time.time()
        client.notify("textDocument/didChange", {
            "textDocument": {"uri": uri(copy), "version": n + 2},
            "contentChanges": [{"text": open(copy).read()}]})
        wait(n + 2)
        edits.append(time.time() - start)
    client.request("shutdown", None)
    client.notify("exit", None)
    client.finish()
    return opened, edits


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--driver", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--lsp", action="store_true",
                        help="also the language server's latency on the first unit")
    parser.add_argument("units", nargs="+", help="UNIT:DB")
    args = parser.parse_args()
    for spec in args.units:
        unit, _, db = spec.rpartition(":")
        if not unit or not os.path.isfile(unit) or not os.path.isfile(db):
            parser.error("%s: expected UNIT:DB, an existing source file and "
                         "its compile_commands.json" % spec)
    if args.reps < 1:
        parser.error("--reps must be at least 1")
    rows = []
    for spec in args.units:
        unit, db = spec.rsplit(":", 1)
        rows.append(measure(os.path.abspath(args.driver), unit, db, args.out, args.reps))
    md = ["| unit | cold CPU (s) | first run, building the preamble (s) | "
          "re-analysis after a body edit (s) | re-analysis / cold | store (MB) |",
          "| --- | --- | --- | --- | --- | --- |"]
    for r in rows:
        md.append("| %s | %.2f | %.2f | %.2f | %.0f%% | %.1f |" % (
            r["unit"], r["cold"], r["first_with_build"], r["reanalysis"],
            100 * r["ratio"], r["store_bytes"] / 1e6))
    if args.lsp:
        unit, db = args.units[0].rsplit(":", 1)
        md.append("")
        md.append("| `prodready lsp`, %s | open (s) | each body edit (s, wall) |" %
                  os.path.relpath(unit))
        md.append("| --- | --- | --- |")
        for label, options in (("preamble", []), ("--no-preamble", ["--no-preamble"])):
            opened, edits = lsp_latency(os.path.abspath(args.driver), unit, db,
                                        args.out, args.reps, options)
            md.append("| %s | %.2f | %s |" % (label, opened,
                                               ", ".join("%.2f" % e for e in edits)))
            rows.append({"lsp": label, "open": opened, "edits": edits})
    md.append("")
    md.append("Medians of %d run(s), one job; CPU = user + system of the driver "
              "and its worker; load average at the end: %.2f." %
              (args.reps, os.getloadavg()[0]))
    text = "\n".join(md) + "\n"
    os.makedirs(args.out, exist_ok=True)
    open(os.path.join(args.out, "edit-loop.md"), "w").write(text)
    json.dump(rows, open(os.path.join(args.out, "edit-loop.json"), "w"), indent=1)
    print(text, end="")


if __name__ == "__main__":
    main()
