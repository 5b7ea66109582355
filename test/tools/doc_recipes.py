#!/usr/bin/env python3
"""Checks that the recipes a Markdown page shows are the files tests run.

Every fenced code block (```) of the pages given must follow, after blank
lines only, a line of the form

    Recipe `PATH`, run by `TEST`:            (or: run by `TEST1` and `TEST2`)

and hold PATH's text exactly (PATH and TEST relative to the repository
root). Each TEST must exist and name PATH, so a recipe cannot drift from
what the test runs, and no block is shown that no test runs.

Usage: doc_recipes.py [--root DIR] [--update] PAGE.md...
  --update rewrites the blocks from the files (after editing a recipe file).
Prints 'ok PAGE: N recipes' per page; exits 1 listing every problem.
"""
import argparse, os, re, sys

RECIPE = re.compile(r"^Recipe `([^`]+)`, run by `([^`]+)`(?: and `([^`]+)`)?:$")
FENCE = re.compile(r"^(\s*)```")


def process(root, page, update):
    problems = []
    lines = open(page).read().split("\n")
    out = []
    count = 0
    i = 0
    while i < len(lines):
        line = lines[i]
        fence = FENCE.match(line)
        if not fence:
            out.append(line)
            i += 1
            continue
        start = i
        indent = fence.group(1)
        end = i + 1
        while end < len(lines) and not lines[end].startswith(indent + "```"):
            end += 1
        if end == len(lines):
            problems.append("%s:%d: unterminated code block" % (page, start + 1))
            out += lines[start:]
            break
        body = [l[len(indent):] if l.startswith(indent) else l for l in lines[start + 1:end]]
        j = start - 1
        while j >= 0 and not lines[j].strip():
            j -= 1
        marker = RECIPE.match(lines[j].strip()) if j >= 0 else None
        if not marker:
            problems.append("%s:%d: a code block that is not a tested recipe (no 'Recipe `FILE`, "
                            "run by `TEST`:' line before it)" % (page, start + 1))
            out += lines[start:end + 1]
            i = end + 1
            continue
        path, tests = marker.group(1), [t for t in marker.group(2, 3) if t]
        count += 1
        full = os.path.join(root, path)
        if not os.path.isfile(full):
            problems.append("%s:%d: no file %s" % (page, start + 1, path))
            out += lines[start:end + 1]
            i = end + 1
            continue
        text = open(full).read()
        expected = text[:-1] if text.endswith("\n") else text
        if "\n".join(body) != expected:
            if update:
                body = expected.split("\n")
            else:
                problems.append("%s:%d: the block differs from %s (doc_recipes.py --update "
                                "copies the file)" % (page, start + 1, path))
        for test in tests:
            test_path = os.path.join(root, test)
            if not os.path.isfile(test_path):
                problems.append("%s:%d: no test %s" % (page, start + 1, test))
            elif path not in open(test_path).read():
                problems.append("%s:%d: %s does not name %s" % (page, start + 1, test, path))
        out.append(line)
        out += [indent + l if l else l for l in body]
        out.append(lines[end])
        i = end + 1
    if update:
        new = "\n".join(out)
        if new != "\n".join(lines):
            open(page, "w").write(new)
            print("updated %s" % page)
    return count, problems


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--root", default=os.path.join(os.path.dirname(__file__), "..", ".."))
    parser.add_argument("--update", action="store_true")
    parser.add_argument("pages", nargs="+")
    args = parser.parse_args()
    all_problems = []
    for page in args.pages:
        count, problems = process(args.root, page, args.update)
        all_problems += problems
        if not problems:
            print("ok %s: %d recipes" % (os.path.basename(page), count))
    for problem in all_problems:
        print(problem)
    return 1 if all_problems else 0


if __name__ == "__main__":
    sys.exit(main())
