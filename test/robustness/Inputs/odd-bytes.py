#!/usr/bin/env python3
"""Writes a C++ file with Latin-1 bytes in a comment and a string literal."""
import sys
src = (b"// caf\xe9 \xff\xfe comment\n"
       b"const char *label = \"na\xefve \xe9t\xe9\";\n"
       b"void g();\n"
       b"void f() { try { g(); } catch (...) {} }\n")
open(sys.argv[1], "wb").write(src)
