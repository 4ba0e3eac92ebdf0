#!/usr/bin/env python3
"""kill_simulate.py BINARY WORKDIR [KILLS] - kill -9 during `simulate`
writes (issue 10).

A long history (meals with dips, walks by duration and by start/stop,
hugs, calls) is cut into scenario files that follow each other. Each is run
with `familytable simulate` on one database and killed with SIGKILL at a
random instant, again and again, until KILLS kills have landed; a run that
was killed is started again. After every kill the file is checked from
outside: integrity_check is ok and it holds exactly what the runs that
finished wrote (a run lands whole or not at all). At the end the database
holds exactly what one clean pass writes: nothing lost, nothing twice.

Prints one line per failure and "N passed, N failed" (N kills).
"""
import datetime
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time

BIN, WORK = sys.argv[1], sys.argv[2]
KILLS = int(sys.argv[3]) if len(sys.argv) > 3 else 100
rng = random.Random(int(os.environ.get("FT_SEED", "20261130")))
os.makedirs(WORK, exist_ok=True)
CONF = os.path.join(WORK, "sim.conf")
with open(CONF, "w") as f:
    f.write("[dock]\nnames = Anna Ben Chloe Dan\n[time]\ntimezone = Europe/Paris\n")


def stamp(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S") + "Z"


def part(first_day, days):
    lines = []
    for d in range(days):
        day = first_day + datetime.timedelta(days=d)
        if d % 3 == 0:
            lines.append("%s walk %d" % (stamp(day.replace(hour=8)), 20 + d % 40))
        elif d % 3 == 1:
            lines.append("%s walk start" % stamp(day.replace(hour=7)))
            lines.append("%s walk stop" % stamp(day.replace(hour=7, minute=35)))
        else:
            lines.append("%s tap call" % stamp(day.replace(hour=12)))
        t = day.replace(hour=18, minute=0)
        lines.append("%s dock 1 in" % stamp(t))
        lines.append("%s dock 2 in" % stamp(t))
        lines.append("%s dock 3 in" % stamp(t + datetime.timedelta(minutes=2)))
        lines.append("%s dock 2 out" % stamp(t + datetime.timedelta(minutes=20)))
        lines.append("%s dock 3 out" % stamp(t + datetime.timedelta(minutes=20, seconds=1)))
        lines.append("%s dock 2 in" % stamp(t + datetime.timedelta(minutes=21)))
        lines.append("%s dock 1 out" % stamp(t + datetime.timedelta(minutes=45)))
        lines.append("%s dock 2 out" % stamp(t + datetime.timedelta(minutes=45)))
        lines.append("%s hug" % stamp(t + datetime.timedelta(hours=2)))
    return "\n".join(lines) + "\n"


PARTS = []
start = datetime.datetime(2026, 1, 5)
for i in range(80):
    path = os.path.join(WORK, "part-%02d.scn" % i)
    with open(path, "w") as f:
        f.write(part(start + datetime.timedelta(days=28 * i), 28))
    PARTS.append(path)


def simulate(db, scn):
    return subprocess.Popen([BIN, "simulate", "--scenario", scn, "--config", CONF, "--db", db],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def rows(db):
    """The logged rows, table by table. A table the file does not have yet
    (killed after the file was made, before the first migration committed)
    holds nothing: that file is as empty as no file, which is right only
    before the first run landed, and the comparisons below say so."""
    c = sqlite3.connect(db, timeout=10)
    try:
        have = {r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        out = []
        for table, cols in (("session", "start_ms, end_ms, class, day, kind, phones, interruptions"),
                            ("session_member", "session_id, slot, name"),
                            ("walk", "start_ms, end_ms, day"), ("hug", "t_ms, day"),
                            ("tap", "t_ms, day, kind")):
            if table not in have:
                out.append((table, []))
                continue
            out.append((table, sorted(c.execute("SELECT %s FROM %s" % (cols, table)).fetchall())))
        return out
    finally:
        c.close()


def integrity(db):
    c = sqlite3.connect(db, timeout=10)
    try:
        return c.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        c.close()


def fresh(db):
    for f in (db, db + "-wal", db + "-shm"):
        if os.path.exists(f):
            os.unlink(f)


# The clean pass: what the history is, and how long a part takes.
ref = os.path.join(WORK, "clean.db")
fresh(ref)
after_part = []
took = []
for scn in PARTS:
    t0 = time.time()
    p = simulate(ref, scn)
    _, err = p.communicate()
    took.append(time.time() - t0)
    if p.returncode != 0:
        print("FAIL the clean pass: %s" % err.decode()[-300:])
        print("0 passed, 1 failed")
        sys.exit(1)
    after_part.append(rows(ref))
longest = max(took)

db = os.path.join(WORK, "killed.db")
fresh(db)
failures = []
kills = passed = 0
done = []  # rows after the last part that finished
for i, scn in enumerate(PARTS):
    # the kills still to land, spread over the parts left
    quota = -(-(KILLS - kills) // (len(PARTS) - i))
    landed = 0
    while True:
        p = simulate(db, scn)
        if landed < quota and kills < KILLS:
            time.sleep(rng.uniform(0, took[i] * 0.75))
            p.send_signal(signal.SIGKILL)
        _, err = p.communicate()
        if p.returncode == 0:
            break
        if p.returncode != -signal.SIGKILL:
            failures.append("part %d: exit %d: %s" % (i, p.returncode, err.decode()[-300:]))
            break
        kills += 1
        landed += 1
        if not os.path.exists(db):
            passed += 1  # killed before the file was made: nothing to check
            continue
        ok = integrity(db)
        now = rows(db)
        if ok != "ok":
            failures.append("kill %d (part %d): integrity_check: %s" % (kills, i, ok))
        elif now == after_part[i]:
            passed += 1  # killed after its commit: the run landed whole
            break
        elif now != (after_part[i - 1] if i else [(t, []) for t, _ in after_part[0]]):
            failures.append("kill %d (part %d): the file holds part of a run" % (kills, i))
        else:
            passed += 1
    if rows(db) != after_part[i]:
        failures.append("part %d: after it finished, the file differs from the clean pass" % i)
        break

if rows(db) == after_part[-1] and not failures:
    print("kill -9 simulate: %d kills over %d runs of %d parts (%.0f ms the longest);"
          " the file equals one clean pass" % (kills, kills + len(PARTS), len(PARTS), longest * 1000))
elif not failures:
    failures.append("the end: the file differs from one clean pass")
if kills < KILLS:
    failures.append("only %d kills landed (the runs are too quick to kill)" % kills)
for f in failures:
    print("FAIL " + f)
print("%d passed, %d failed" % (passed, len(failures)))
sys.exit(1 if failures else 0)
