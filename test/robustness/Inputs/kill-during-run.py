#!/usr/bin/env python3
"""kill-during-run.py OUTPUT COMMAND...: starts COMMAND, kills it (SIGKILL)
while its workers are still analysing, and checks that OUTPUT still holds
what it held before."""
import os, signal, subprocess, sys, time

output, cmd = sys.argv[1], sys.argv[2:]
before = open(output, "rb").read()
proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                        start_new_session=True)
# Wait until a worker process exists (the driver forks one per unit).
deadline = time.time() + 30
while time.time() < deadline:
    children = subprocess.run(["pgrep", "-P", str(proc.pid)], stdout=subprocess.PIPE).stdout
    if children.strip():
        break
    time.sleep(0.01)
time.sleep(0.2)
if proc.poll() is not None:
    sys.exit("the run finished before it could be killed; give it more work")
os.killpg(proc.pid, signal.SIGKILL)
proc.wait()
after = open(output, "rb").read()
if after != before:
    sys.exit("%s changed: %r" % (output, after[:200]))
print("killed while running; %s still holds the previous content" % output)
