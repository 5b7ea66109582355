#!/usr/bin/env python3
"""signal-during-run.py SIGNAL OUTPUT TMPDIR COMMAND...: starts COMMAND with
TMPDIR set, sends SIGNAL (INT, TERM or KILL) to the driver alone once its
workers run, and checks: the driver's exit status, that no worker survives
it, that TMPDIR is left empty (not for KILL) and OUTPUT holds what it held
before."""
import os, signal, subprocess, sys, time

name, output, tmpdir, cmd = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
sig = getattr(signal, "SIG" + name)
before = open(output, "rb").read()
env = dict(os.environ, TMPDIR=tmpdir)
proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                        env=env, start_new_session=True)

def children(pid):
    out = subprocess.run(["pgrep", "-P", str(pid)], stdout=subprocess.PIPE).stdout
    return [int(p) for p in out.split()]

deadline = time.time() + 60
workers = []
while time.time() < deadline and not workers:
    workers = children(proc.pid)
    time.sleep(0.05)
time.sleep(0.5)
workers = children(proc.pid)
if proc.poll() is not None or not workers:
    sys.exit("the run finished before the signal; give it more work")
os.kill(proc.pid, sig)
try:
    proc.wait(timeout=30)
except subprocess.TimeoutExpired:
    os.killpg(proc.pid, signal.SIGKILL)
    sys.exit("the driver did not stop within 30 s of SIG%s" % name)
# Workers of a SIGKILLed driver die through PR_SET_PDEATHSIG.
deadline = time.time() + 10
alive = workers
while alive and time.time() < deadline:
    alive = [w for w in alive if os.path.exists("/proc/%d" % w)
             and not open("/proc/%d/stat" % w).read().split(")")[-1].split()[0] == "Z"]
    time.sleep(0.05)
if alive:
    os.killpg(proc.pid, signal.SIGKILL)
    sys.exit("worker(s) %s survived the driver" % alive)
print("exit status %d" % (proc.returncode if proc.returncode >= 0 else 128 - proc.returncode))
if name != "KILL" and os.listdir(tmpdir):
    sys.exit("temporary files left behind: %s" % os.listdir(tmpdir))
after = open(output, "rb").read()
if after != before:
    sys.exit("%s changed: %r" % (output, after[:200]))
print("workers stopped; %s untouched" % output)
sys.stdout.flush()
sys.stderr.write(proc.stderr.read().decode(errors="replace"))
