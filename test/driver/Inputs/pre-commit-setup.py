#!/usr/bin/env python3
"""Writes REPO/.pre-commit-config.yaml using the prodready hook of the git
repository HOOKS at its current commit."""
import subprocess, sys
hooks, repo = sys.argv[1], sys.argv[2]
rev = subprocess.check_output(["git", "-C", hooks, "rev-parse", "HEAD"]).decode().strip()
open(repo + "/.pre-commit-config.yaml", "w").write(
    "repos:\n  - repo: %s\n    rev: %s\n    hooks:\n      - id: prodready\n" % (hooks, rev))
