#!/usr/bin/env python3
"""Writes REPO/.pre-commit-config.yaml from the recipe of docs/ci.md
(RECIPE: docs/ci/pre-commit-config.yaml), its repository replaced by the
git repository HOOKS and its rev by HOOKS' current commit; the rest is the
recipe's text as is."""
import subprocess, sys
hooks, repo, recipe = sys.argv[1], sys.argv[2], sys.argv[3]
rev = subprocess.check_output(["git", "-C", hooks, "rev-parse", "HEAD"]).decode().strip()
text = open(recipe).read()
for old, new in [("repo: https://github.com/prodready/prodready", "repo: " + hooks),
                 ("rev: main", "rev: " + rev)]:
    if text.count(old) != 1:
        sys.exit("pre-commit-setup: %r is not in the recipe once" % old)
    text = text.replace(old, new)
open(repo + "/.pre-commit-config.yaml", "w").write(text)
