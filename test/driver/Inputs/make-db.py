#!/usr/bin/env python3
"""Writes compile_commands.json for the files under DIR/src (argument form)."""
import json, os, sys
root = os.path.abspath(sys.argv[1])
extra = sys.argv[2:]
entries = []
for name in sorted(os.listdir(os.path.join(root, "src"))):
    if name.endswith(".cpp"):
        entries.append({"directory": root, "file": "src/" + name,
                        "arguments": ["clang++", "-std=c++20", "-Iinclude"] + extra + ["-c", "src/" + name]})
json.dump(entries, open(os.path.join(root, "compile_commands.json"), "w"), indent=1)
