#!/usr/bin/env python3
"""Runs a task of a VS Code tasks.json as VS Code would, and matches its
output with the problem matcher it names.

Usage: vscode-task.py TASKS.json LABEL WORKSPACE FILE

The task must be a process task whose matcher is based on VS Code's builtin
$gcc (its pattern is copied below from VS Code's problemMatcher.ts) with
absolute file locations (prodready prints absolute paths). ${workspaceFolder}
and ${file} are replaced as VS Code replaces them. Prints every problem the
matcher finds ('problem FILE:LINE:COL SEVERITY MESSAGE') and fails when an
output line that reports a prodready finding is not matched, or when a
matched file is not an absolute path of an existing file.
"""
import json, os, re, subprocess, sys

GCC = re.compile(r"^(.*?):(\d+):(\d*):?\s+(?:fatal\s+)?(warning|error):\s+(.*)$")

tasks_path, label, workspace, current = sys.argv[1:5]
tasks = json.load(open(tasks_path))
assert tasks["version"] == "2.0.0", "tasks.json version"
task = next(t for t in tasks["tasks"] if t["label"] == label)
assert task["type"] == "process", "a process task (no shell quoting to get wrong)"
matcher = task["problemMatcher"]
assert matcher["base"] == "$gcc", "the matcher extends $gcc"
assert matcher["fileLocation"] == "absolute", "prodready prints absolute paths"


def substitute(text):
    return text.replace("${workspaceFolder}", workspace).replace("${file}", current)


command = [substitute(task["command"])] + [substitute(a) for a in task["args"]]
print("command " + " ".join(a.replace(workspace, "WORKSPACE") for a in command))
run = subprocess.run(command, cwd=workspace, capture_output=True, text=True)
print("status %d" % run.returncode)
# VS Code matches the terminal's text: stdout and stderr alike.
unmatched = 0
for line in (run.stdout + run.stderr).splitlines():
    m = GCC.match(line)
    if m:
        path = m.group(1)
        if not (os.path.isabs(path) and os.path.isfile(path)):
            sys.exit("matched file is not an absolute path of a file: " + path)
        print("problem %s:%s:%s %s %s" % (os.path.relpath(path, workspace), m.group(2),
                                          m.group(3), m.group(4), m.group(5)))
    elif "[prodready-" in line and re.search(r":\d+:\d+: (warning|error):", line):
        print("UNMATCHED " + line)
        unmatched += 1
sys.exit(1 if unmatched else 0)
