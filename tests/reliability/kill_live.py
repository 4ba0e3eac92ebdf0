#!/usr/bin/env python3
"""kill_live.py BINARY WORKDIR [KILLS] - kill -9 at random instants while the
live appliance docks phones (issue 10, SPEC 2.9).

`familytable run --window --dock fifo:PIPE` on SDL's dummy video driver, a
configuration where a meal lasts a second (min_duration 1s, grace 500ms, one
window all day). A driver writes "SLOT in/out" lines in real time: meals
with dips, phones taken out. At a random instant the program is killed with
SIGKILL and started again, KILLS times. After each kill the database file is
checked from outside: integrity_check is ok; every session the program's
journal said was saved ("saved session START..END") is there, once; no two
sessions overlap (nothing written twice). Some rounds restart with the
phones still docked: the session open at the kill must resume (SPEC 2.9),
so a session saved later starts before the kill. A last round takes the
phones out and stops the program cleanly: nothing stays open.

Prints one line per failure and "N passed, N failed" (N rounds).
"""
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import time

BIN, WORK = sys.argv[1], sys.argv[2]
KILLS = int(sys.argv[3]) if len(sys.argv) > 3 else 100
SEED = int(os.environ.get("FT_SEED", "20261130"))
rng = random.Random(SEED)

os.makedirs(WORK, exist_ok=True)
PIPE, DB, CONF = (os.path.join(WORK, n) for n in ("dock.pipe", "live.db", "live.conf"))
for f in (DB, DB + "-wal", DB + "-shm"):
    if os.path.exists(f):
        os.unlink(f)
with open(CONF, "w") as f:
    f.write("[dock]\nnames = Anna Ben Chloe\ndebounce = 20ms\n"
            "[meal]\nmin_phones = 2\nmin_duration = 1s\ngrace = 500ms\n"
            "windows = allday 00:00-24:00\n")

SAVED = re.compile(r"saved session (-?\d+)\.\.(-?\d+) (\S+)")
saved = []          # (start, end) the journal reported, over every round
failures = []


def start(n):
    log = open(os.path.join(WORK, "round-%03d.log" % n), "w")
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    p = subprocess.Popen([BIN, "run", "--window", "--dock", "fifo:" + PIPE, "--db", DB,
                          "--config", CONF], stdout=log, stderr=log, env=env)
    deadline = time.time() + 10
    while time.time() < deadline:
        with open(log.name) as r:
            if "dock: reading" in r.read():
                return p, log
        if p.poll() is not None:
            break
        time.sleep(0.02)
    return p, log


def send(text):
    """Write lines to the pipe; the program may be gone (then they are lost,
    as a phone moved while the appliance is off)."""
    try:
        fd = os.open(PIPE, os.O_WRONLY | os.O_NONBLOCK)
    except OSError:
        return
    try:
        os.write(fd, text.encode())
    except OSError:
        pass
    finally:
        os.close(fd)


def read_saved(log_name):
    with open(log_name) as r:
        return [(int(a), int(b)) for a, b, _ in SAVED.findall(r.read())]


def check_db(what):
    db = sqlite3.connect(DB, timeout=10)
    try:
        ok = db.execute("PRAGMA integrity_check").fetchone()[0]
        if ok != "ok":
            return "%s: integrity_check: %s" % (what, ok)
        for s, e in saved:
            n = db.execute("SELECT count(*) FROM session WHERE start_ms = ? AND end_ms = ?",
                           (s, e)).fetchone()[0]
            if n != 1:
                return "%s: session %d..%d reported saved, found %d times" % (what, s, e, n)
        twice = db.execute("SELECT count(*) FROM session a JOIN session b ON a.id < b.id"
                           " AND a.start_ms < b.end_ms AND b.start_ms < a.end_ms").fetchone()[0]
        if twice:
            return "%s: %d pairs of sessions overlap (written twice)" % (what, twice)
    finally:
        db.close()
    return None


def meal(until, dip):
    """One meal: two phones in, a dip maybe, both out, past grace."""
    send("1 in\n2 in\n")
    time.sleep(rng.uniform(1.1, 1.5))
    if dip and time.time() < until:
        send("2 out\n")
        time.sleep(0.15)
        send("2 in\n")
        time.sleep(0.2)
    send("1 out\n2 out\n")
    time.sleep(0.7)


passed = 0
resume_rounds = set(rng.sample(range(1, KILLS), min(5, KILLS - 1))) if KILLS > 1 else set()
for n in range(KILLS):
    p, log = start(n)
    if p.poll() is not None:
        failures.append("round %d: the program did not start: %s" % (n, open(log.name).read()[-300:]))
        break
    docked_kill = n in resume_rounds
    if docked_kill:
        # phones docked, the session open, then the power of the process goes
        send("1 in\n2 in\n")
        time.sleep(rng.uniform(0.6, 1.5))
        kill_at = time.time()
        p.send_signal(signal.SIGKILL)
    else:
        until = time.time() + rng.uniform(0.3, 3.0)
        while time.time() < until:
            meal(until, rng.random() < 0.5)
        p.send_signal(signal.SIGKILL)
    p.wait()
    log.close()
    saved += read_saved(log.name)
    why = check_db("round %d (kill -9)" % n)
    if why is None and docked_kill:
        # back with the phones still docked: the open session resumes
        p, log = start(1000 + n)
        send("1 in\n2 in\n")
        time.sleep(1.2)
        send("1 out\n2 out\n")
        time.sleep(0.8)
        p.send_signal(signal.SIGKILL)
        p.wait()
        log.close()
        after = read_saved(log.name)
        saved += after
        if not any(s < kill_at * 1000 < e for s, e in after):
            why = "round %d: the session open at the kill did not resume (saved after: %s)" % (n, after)
        else:
            why = check_db("round %d (resumed)" % n)
    if why:
        failures.append(why)
    else:
        passed += 1

# The end: phones out, a clean stop; every saved session there, none open.
p, log = start(9999)
send("1 out\n2 out\n3 out\n")
time.sleep(1.0)
p.send_signal(signal.SIGTERM)
rc = p.wait()
log.close()
saved += read_saved(log.name)
why = check_db("after a clean stop")
if why is None:
    db = sqlite3.connect(DB)
    still_open = db.execute("SELECT count(*) FROM open_session").fetchone()[0]
    meals = db.execute("SELECT count(*) FROM session WHERE class = 'meal'").fetchone()[0]
    db.close()
    if rc != 0:
        why = "the clean stop exited %d" % rc
    elif still_open:
        why = "a session is still open after the phones were taken out"
    else:
        print("kill -9 live: %d kills, %d sessions reported saved, all there once; %d meals in the file"
              % (KILLS, len(saved), meals))
if why:
    failures.append(why)
for f in failures:
    print("FAIL " + f)
print("%d passed, %d failed" % (passed, len(failures)))
sys.exit(1 if failures else 0)
