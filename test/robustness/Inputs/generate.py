#!/usr/bin/env python3
"""Generates large or deeply nested C++ for robustness tests.
  generate.py lines N FILE   N small functions, then one swallowed exception
  generate.py nested N FILE  N-deep nested templates and macros around one
"""
import sys
kind, n, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
out = []
if kind == "lines":
    out.append("void g();")
    out.append("int v0 = 0;")
    for i in range(1, n):
        out.append("int v%d = v%d + 1;" % (i, i - 1))
    out.append("void f() {")
    out.append("  int x = v%d;" % (n - 1))
    out.append("  try { g(); } catch (int) {}")
    out.append("}")
else:
    out.append("void g();")
    out.append("template <int N> struct Nest { using type = typename Nest<N - 1>::type; };")
    out.append("template <> struct Nest<0> { using type = int; };")
    out.append("#define WRAP0(x) x")
    for i in range(1, 40):
        out.append("#define WRAP%d(x) WRAP%d(x)" % (i, i - 1))
    out.append("using Deep = Nest<%d>::type;" % n)
    out.append("void f() { WRAP39(try { g(); } catch (Deep) {}) }")
open(path, "w").write("\n".join(out) + "\n")
