#!/usr/bin/env python3
"""expect_exit.py N COMMAND...: runs COMMAND (output passes through) and
fails unless it exits with status N."""
import subprocess
import sys

expected = int(sys.argv[1])
code = subprocess.run(sys.argv[2:]).returncode
if code != expected:
    sys.exit("expected exit status %d, got %d: %s" % (expected, code, " ".join(sys.argv[2:])))
