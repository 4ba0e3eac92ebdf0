#!/usr/bin/env python3
"""powercut_vm.py CACHE CUTS QEMU ARGS... - the power cuts of scripts/powercut-vm.

Boots the guest CUTS + 1 times on the same disk (QEMU ARGS, the last one
the kernel's command line, to which pcvm.round=N and pcvm.last=0|1 are
added; tests/reliability/powercut-init is its /init). Each boot but the last
runs the appliance until QEMU is killed with SIGKILL at a random instant:
some time into the feeding, and in half of the rounds right after the
program reported a meal saved (the instant its commit must already be on
the disk). Each next boot checks the cut before it:
  - e2fsck -fn finds nothing to repair once ext4's journal is replayed;
  - integrity_check is "ok" for the appliance's database and the walks';
  - every session the program reported saved ("saved session S..E", on
    the serial console before the kill) is there, once; every walk and
    hug that simulate wrote (exit 0, "PCVM: SIMULATED") is there.
Prints one line per cut and "N passed, N failed"; FT_SEED= changes the
instants (fixed by default, so a failure can be replayed).
"""
import os
import random
import re
import signal
import subprocess
import sys
import time

sys.stdout.reconfigure(line_buffering=True)  # each cut said as it comes, under make

CACHE, CUTS, QEMU = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
rng = random.Random(int(os.environ.get("FT_SEED", "20261130")))
SAVED = re.compile(r"saved session (-?\d+)\.\.(-?\d+) (\S+)")
SIMULATED = re.compile(r"^PCVM: SIMULATED walk (\d+) hug (\d+)", re.M)
ROW = re.compile(r"^PCVM: ROW (session|walk|hug) (.*)$", re.M)
BOOT_LIMIT = 180  # s from QEMU's start to the guest's checks, under TCG


def boot(n, last):
    """Start QEMU for boot N; its console goes to CACHE/boot-N.log."""
    args = QEMU[:-1] + ["%s pcvm.round=%d pcvm.last=%d" % (QEMU[-1], n, 1 if last else 0)]
    log = os.path.join(CACHE, "boot-%02d.log" % n)
    out = open(log, "wb")
    p = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT)
    out.close()
    return p, log


def text(log):
    with open(log, "rb") as f:
        return f.read().decode("utf-8", "replace").replace("\r", "")


def wait_for(p, log, what, seconds):
    """Until LOG has the line WHAT (a regex), QEMU exits or time is up."""
    end = time.time() + seconds
    pattern = re.compile(what, re.M)
    while time.time() < end:
        if pattern.search(text(log)):
            return True
        if p.poll() is not None:
            return bool(pattern.search(text(log)))
        time.sleep(0.01)
    return False


def kill(p):
    if p.poll() is None:
        p.send_signal(signal.SIGKILL)
    p.wait()


def check(log, saved, walks, hugs):
    """What the boot of LOG found on the disk, against what was reported
    saved before; None when all holds, else why not."""
    t = text(log)
    m = re.search(r"^PCVM: FSCK (\d+)", t, re.M)
    if not m or m.group(1) != "0":
        fsck = "\n".join(l for l in t.splitlines() if l.startswith("PCVM: fsck:"))
        return "e2fsck -fn exit %s after the journal's replay:\n%s" % (m.group(1) if m else "?", fsck)
    if "PCVM: FAULT" in t:
        return re.search(r"^PCVM: FAULT.*$", t, re.M).group(0)
    if "ordered" in t and "data=" in t and "data=ordered" not in t:
        return "not mounted data=ordered: " + re.search(r"^PCVM: MOUNT.*$", t, re.M).group(0)
    for db in ("/mnt/ft.db", "/mnt/walks.db"):
        m = re.search(r"^PCVM: INTEGRITY %s (.*)$" % re.escape(db), t, re.M)
        if m and m.group(1).strip() != "ok":
            return "%s: integrity_check: %s" % (db, m.group(1))
        if not m and ((db.endswith("ft.db") and saved) or (db.endswith("walks.db") and walks)):
            return "%s is gone" % db
    rows = {"session": [], "walk": [], "hug": []}
    for kind, rest in ROW.findall(t):
        rows[kind].append(tuple(int(x) for x in rest.split()[:2]))
    for s in saved:
        n = rows["session"].count(s)
        if n != 1:
            return "session %d..%d reported saved, found %d times" % (s[0], s[1], n)
    starts = {w[0] for w in rows["walk"]}
    for w in walks:
        if w not in starts:
            return "walk at %d written by simulate (exit 0) is gone" % w
    have = {h[0] for h in rows["hug"]}
    for h in hugs:
        if h not in have:
            return "hug at %d written by simulate (exit 0) is gone" % h
    return None


saved, walks, hugs = [], [], []
meals = 0
passed = failed = 0
t_start = time.time()
for n in range(CUTS + 1):
    last = n == CUTS
    t_boot = time.time()
    p, log = boot(n, last)
    if not wait_for(p, log, r"^PCVM: CHECKED", BOOT_LIMIT):
        kill(p)
        print("FAIL boot %d: no checks within %d s (log %s):\n%s" % (n, BOOT_LIMIT, log, text(log)[-800:]))
        failed += 1
        break
    up = time.time() - t_boot
    if n > 0:
        why = check(log, saved, walks, hugs)
        if why:
            failed += 1
            print("FAIL cut %d: %s" % (n, why))
        else:
            passed += 1
            print("ok   cut %d: fsck clean, integrity ok, %d sessions, %d walks, %d hugs all there (cut %s; up again in %.1f s)"
                  % (n, len(saved), len(walks), len(hugs), how, up))
    if last:
        wait_for(p, log, r"^PCVM: DONE", 30)
        kill(p)
        break
    if not wait_for(p, log, r"^PCVM: FEEDING", 30):
        kill(p)
        print("FAIL boot %d: the appliance did not start:\n%s" % (n, text(log)[-800:]))
        failed += 1
        break
    # a random instant into the feeding; in half of the rounds, then the
    # next moment a save is reported
    time.sleep(rng.uniform(1.5, 7.0))
    how = "at a random instant"
    if rng.random() < 0.5:
        before = len(SAVED.findall(text(log)))
        end = time.time() + 10
        while time.time() < end and len(SAVED.findall(text(log))) == before:
            time.sleep(0.002)
        time.sleep(rng.uniform(0, 0.05))
        how = "right after a save was reported"
    kill(p)
    t = text(log)
    found = SAVED.findall(t)
    new = [(int(a), int(b)) for a, b, _ in found]
    meals += sum(1 for _, _, c in found if c == "meal")
    saved += new
    for w, h in SIMULATED.findall(t):
        walks.append(int(w))
        hugs.append(int(h))
    how += ", %d sessions saved in that boot" % len(new)
    if "familytable:" in t and re.search(r"familytable: .*(damaged|cannot|failed)", t):
        print("# boot %d said: %s" % (n, re.search(r"familytable: .*(damaged|cannot|failed).*", t).group(0)))

print("power cuts in a QEMU guest: %d cuts, %d sessions reported saved (%d of them meals), %d walks and"
      " %d hugs written, checked after each cut; %d s"
      % (CUTS, len(saved), meals, len(walks), len(hugs), time.time() - t_start))
print("%d passed, %d failed" % (passed, failed))
sys.exit(1 if failed or passed != CUTS else 0)
