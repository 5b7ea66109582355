#!/usr/bin/env python3
"""odd-names.py DIR: a project whose file names are not UTF-8 (Latin-1
bytes), or hold a backslash, with a compilation database naming them as
raw bytes (as build tools write them) and one malformed entry."""
import os, sys
root = os.fsencode(os.path.abspath(sys.argv[1]))
src = os.path.join(root, b"src")
os.makedirs(src, exist_ok=True)
body = b"void g();\nvoid f() { try { g(); } catch (...) {} }\n"
open(os.path.join(src, b"caf\xe9.cpp"), "wb").write(b'#include "h\xe9der.h"\n' + body)
open(os.path.join(src, b"h\xe9der.h"), "wb").write(b"inline void h() { try { h(); } catch (...) {} }\n")
open(os.path.join(src, b"back\\slash.cpp"), "wb").write(body)
entries = [b'{"directory": "%s", "file": "src/caf\xe9.cpp", "arguments": ["c++", "-std=c++20", "-c", "src/caf\xe9.cpp"]}' % root,
           b'{"directory": "%s", "file": "src/back\\\\slash.cpp", "arguments": ["c++", "-std=c++20", "-c", "src/back\\\\slash.cpp"]}' % root,
           b'{"directory": 7, "file": "src/x.cpp", "command": "c++ -c src/x.cpp"}']
open(os.path.join(root, b"compile_commands.json"), "wb").write(b"[" + b",\n".join(entries) + b"]\n")
