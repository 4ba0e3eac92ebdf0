#!/usr/bin/env python3
"""faults.py BINARY WORKDIR - the faults of issue 10, on the built program.

- locked: another program holds the database; a command waits and goes on
  once it is let go; held longer, it says "locked" (exit 1); the live
  appliance ends a meal meanwhile and saves it once the lock is gone;
- read-only: a database on a read-only mount is read by report (exit 0),
  refused by simulate as read-only (exit 1), said so by run;
- disk full (a 1 MB tmpfs): simulate says the disk is full (exit 1) and
  changes nothing, then works once there is room; the live appliance ends a
  meal on the full disk and saves it once there is room;
- damaged: run keeps the file aside under a dated name, byte for byte,
  starts a fresh one and logs a meal in it;
- the wall clock (tests/reliability/wallclock.c, the monotonic clock and
  the timers left alone): stepped
  back an hour and forward a day during a meal, the meal keeps its real
  length and its real date; started at 1970, nothing is dated 1970 and the
  meal is dated once the clock is right;
- a missing font: DejaVu Sans gone and another font installed, the display
  comes up with that one and the journal says which; no font at all, run
  says so (exit 1) and the database is untouched.

What the live display says is read from FAMILYTABLE_LAYOUT (each frame's
texts as `screenshot --layout` writes them): for locked, read-only, disk
full and damaged, the banner the family sees names the cause, and goes
once the fault is gone.

Mounts need root. Prints one line per case and "N passed, N failed".
"""
import glob
import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time

BIN, WORK = sys.argv[1], os.path.abspath(sys.argv[2])
os.makedirs(WORK, exist_ok=True)
passed = failed = 0
SAVED = re.compile(r"saved session (-?\d+)\.\.(-?\d+) (\S+)")
CONF = os.path.join(WORK, "f.conf")
with open(CONF, "w") as f:
    f.write("[dock]\nnames = Anna Ben\ndebounce = 20ms\n"
            "[meal]\nmin_phones = 2\nmin_duration = 1s\ngrace = 500ms\n"
            "windows = allday 00:00-24:00\n[time]\ntimezone = Europe/Paris\n")
SCN = os.path.join(WORK, "f.scn")
with open(SCN, "w") as f:
    f.write("2026-11-23T18:55:00+01:00 dock 1 in\n2026-11-23T18:56:00+01:00 dock 2 in\n"
            "2026-11-23T19:40:00+01:00 dock 1 out\n2026-11-23T19:40:00+01:00 dock 2 out\n"
            "2026-11-24T08:00:00+01:00 hug\n")
SCN2 = os.path.join(WORK, "f2.scn")
with open(SCN2, "w") as f:
    f.write("2026-11-25T18:55:00+01:00 dock 1 in\n2026-11-25T18:56:00+01:00 dock 2 in\n"
            "2026-11-25T19:40:00+01:00 dock 1 out\n2026-11-25T19:40:00+01:00 dock 2 out\n")


def result(name, why):
    global passed, failed
    if why:
        failed += 1
        print("FAIL - %s: %s" % (name, why))
    else:
        passed += 1
        print("ok   - %s" % name)


def ft(*args, **kw):
    return subprocess.run([BIN] + list(args), capture_output=True, text=True, errors="replace", **kw)


def sh(cmd):
    return subprocess.run(cmd, shell=True, capture_output=True, text=True)


class App:
    """familytable run on a fifo dock, SDL's dummy driver."""

    def __init__(self, db, name, env=None, prefix=()):
        self.pipe = os.path.join(WORK, name + ".pipe")
        self.log = os.path.join(WORK, name + ".log")
        self.layout = os.path.join(WORK, name + ".layout.json")
        if os.path.exists(self.layout):
            os.unlink(self.layout)
        e = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy",
                 FAMILYTABLE_LAYOUT=self.layout)
        e.update(env or {})
        self.p = subprocess.Popen(list(prefix) + [BIN, "run", "--window", "--dock", "fifo:" + self.pipe,
                                                  "--db", db, "--config", CONF],
                                  stdout=open(self.log, "w"), stderr=subprocess.STDOUT, env=e)
        self.wait_for("dock: reading", 10)

    def text(self):
        with open(self.log, errors="replace") as f:
            return f.read()

    def wait_for(self, what, seconds):
        end = time.time() + seconds
        while time.time() < end:
            if re.search(what, self.text()):
                return True
            if self.p.poll() is not None:
                return False
            time.sleep(0.05)
        return False

    def send(self, text):
        try:
            fd = os.open(self.pipe, os.O_WRONLY | os.O_NONBLOCK)
            os.write(fd, text.encode())
            os.close(fd)
        except OSError:
            pass

    def meal(self, length=1.3):
        self.send("1 in\n2 in\n")
        time.sleep(length)
        self.send("1 out\n2 out\n")

    def shown(self):
        """The texts on the display now (not shortened away: a text cut
        with an ellipsis is said as such)."""
        try:
            with open(self.layout) as f:
                frame = json.load(f)
        except (OSError, ValueError):
            return []
        return [t["text"] + (" [shortened]" if t["shortened"] else "") for t in frame["texts"]]

    def wait_shown(self, what, seconds, present=True):
        """Until a text on the display matches WHAT (a regex), or with
        PRESENT false until none does; the texts then, and whether it came."""
        end = time.time() + seconds
        while True:
            texts = self.shown()
            # a banner may be drawn on two lines: the screen's texts as one
            if bool(re.search(what, " ".join(texts))) == present:
                return True, texts
            if time.time() > end or self.p.poll() is not None:
                return False, texts
            time.sleep(0.05)

    def saved(self):
        return [(int(a), int(b)) for a, b, _ in SAVED.findall(self.text())]

    def stop(self):
        if self.p.poll() is None:
            self.p.send_signal(signal.SIGTERM)
            try:
                self.p.wait(10)
            except subprocess.TimeoutExpired:
                self.p.kill()
                self.p.wait()
        return self.p.returncode


def sessions(db):
    """The sessions in the file, read from outside; on a full disk or a
    read-only mount (no -shm can be made) the file is read as it is."""
    sql = "SELECT start_ms, end_ms, class FROM session ORDER BY start_ms"
    try:
        c = sqlite3.connect(db, timeout=10)
        try:
            return c.execute(sql).fetchall()
        finally:
            c.close()
    except sqlite3.OperationalError:
        c = sqlite3.connect("file:%s?immutable=1" % db, uri=True)
        try:
            return c.execute(sql).fetchall()
        finally:
            c.close()


def fresh(db):
    for f in (db, db + "-wal", db + "-shm"):
        if os.path.exists(f):
            os.unlink(f)


def hold_lock(db, seconds, readers_too=True):
    """Another program holding the database for SECONDS: its write lock, and
    with READERS_TOO the whole file (locking_mode exclusive)."""
    code = ("import sqlite3,sys,time\n"
            "c=sqlite3.connect(sys.argv[1],isolation_level=None)\n"
            "if sys.argv[3] == '1': c.execute('PRAGMA locking_mode = EXCLUSIVE')\n"
            "c.execute('BEGIN EXCLUSIVE')\nprint('held',flush=True)\n"
            "time.sleep(float(sys.argv[2]))\nc.execute('ROLLBACK')\n")
    p = subprocess.Popen([sys.executable, "-c", code, db, str(seconds), "1" if readers_too else "0"],
                         stdout=subprocess.PIPE, text=True)
    p.stdout.readline()
    return p


# ---- locked ----
db = os.path.join(WORK, "locked.db")
fresh(db)
ft("simulate", "--scenario", SCN, "--config", CONF, "--db", db)
h = hold_lock(db, 1.0)
r = ft("report", "--config", CONF, "--db", db, "--week", "2026-W48", "--json")
h.wait()
result("locked for a second: report waits, then answers", None if r.returncode == 0 else r.stderr)
h = hold_lock(db, 8.0)
r = ft("report", "--config", CONF, "--db", db, "--week", "2026-W48")
h.wait()
result("locked for longer: report says locked, with the path, exit 1",
       None if r.returncode == 1 and db + ": the database is locked" in r.stderr and "damaged" not in r.stderr
       else "exit %d: %s" % (r.returncode, r.stderr))
fresh(db)
app = App(db, "locked")
app.send("1 in\n2 in\n")
time.sleep(1.2)
h = hold_lock(db, 4.0, readers_too=False)
app.send("1 out\n2 out\n")  # the meal ends while the file is locked
said, texts = app.wait_shown(r"Not saved yet: a meal \(the database is locked by another program\)\. "
                             r"Kept, and saved as soon as it can be\.", 3.5)
h.wait()
gone, after = app.wait_shown(r"locked", 8, present=False)
time.sleep(0.5)
result("run, locked: the display says the meal is kept, not saved yet, because the database is locked;"
       " the banner goes once it is saved",
       None if said and gone else "shown while locked %s; after %s" % (texts, after))
saved = app.saved()
app.stop()
rows = sessions(db)
result("run: a meal that ends while the database is locked is saved once it is let go",
       None if any(c == "meal" for _, _, c in rows) and saved
       else "saved %s, in the file %s; log: %s" % (saved, rows, app.text()[-400:]))

# ---- mounts: read-only and disk full ----
root = os.geteuid() == 0
mnt = os.path.join(WORK, "mnt")
os.makedirs(mnt, exist_ok=True)
if not root:
    result("read-only and disk full (tmpfs mounts)", "needs root to mount a tmpfs")
else:
    sh("umount %s 2>/dev/null" % mnt)
    sh("mount -t tmpfs -o size=1m tmpfs %s" % mnt)
    db = os.path.join(mnt, "ro.db")
    ft("simulate", "--scenario", SCN, "--config", CONF, "--db", db)
    sh("mount -o remount,ro %s" % mnt)
    r = ft("report", "--config", CONF, "--db", db, "--week", "2026-W48", "--json")
    result("read-only mount: report reads it (exit 0)",
           None if r.returncode == 0 and '"count": 1' in r.stdout else "exit %d: %s" % (r.returncode, r.stderr))
    r = ft("simulate", "--scenario", SCN2, "--config", CONF, "--db", db)
    result("read-only mount: simulate says read-only, with the path, exit 1",
           None if r.returncode == 1 and db + ": the database is read-only" in r.stderr
           and "damaged" not in r.stderr else "exit %d: %s" % (r.returncode, r.stderr))
    app = App(db, "ro")
    time.sleep(1)
    alive = app.p.poll() is None
    text = app.text()
    said, texts = app.wait_shown(r"Not saving right now \(the database is read-only\)\. Retrying\.", 3)
    app.stop()
    result("read-only mount: the display says read-only (not damaged)",
           None if said and not any("damaged" in t for t in texts) else "shown %s" % texts)
    result("read-only mount: run says read-only and keeps running",
           None if alive and "read-only" in text and "damaged" not in text else "alive %s: %s" % (alive, text[-400:]))
    sh("umount %s" % mnt)

    sh("mount -t tmpfs -o size=1m tmpfs %s" % mnt)
    db = os.path.join(mnt, "full.db")
    ft("simulate", "--scenario", SCN, "--config", CONF, "--db", db)
    before = sessions(db)
    sh("dd if=/dev/zero of=%s/filler bs=4k 2>/dev/null; sync" % mnt)
    r = ft("simulate", "--scenario", SCN2, "--config", CONF, "--db", db)
    result("disk full: simulate says the disk is full, with the path, exit 1",
           None if r.returncode == 1 and "the disk is full" in r.stderr and db in r.stderr
           else "exit %d: %s" % (r.returncode, r.stderr))
    result("disk full: the file is as it was", None if sessions(db) == before else "changed")
    os.unlink(os.path.join(mnt, "filler"))
    r = ft("simulate", "--scenario", SCN2, "--config", CONF, "--db", db)
    result("disk full: with room again, the same run lands",
           None if r.returncode == 0 and len(sessions(db)) == len(before) + 1 else r.stderr)
    app = App(db, "full")
    sh("dd if=/dev/zero of=%s/filler bs=1k 2>/dev/null; sync" % mnt)
    app.meal()
    said, texts = app.wait_shown(r"Not saved yet: a meal \(the disk is full\)\. "
                                 r"Kept, and saved as soon as it can be\.", 4)
    full_text = app.text()
    os.unlink(os.path.join(mnt, "filler"))
    gone, after = app.wait_shown(r"Not saved|disk is full", 8, present=False)
    result("run, disk full: the display says the meal is kept in memory because the disk is full;"
           " the banner goes once there is room and it is saved",
           None if said and gone else "shown while full %s; after %s" % (texts, after))
    time.sleep(0.5)
    saved = app.saved()
    app.stop()
    result("run: a meal that ends on a full disk is saved once there is room",
           None if saved and len(sessions(db)) == len(before) + 2
           else "saved %s; log: %s" % (saved, full_text[-400:]))
    sh("umount %s" % mnt)

# ---- damaged ----
db = os.path.join(WORK, "damaged.db")
fresh(db)
for g in glob.glob(db + ".damaged-*"):
    os.unlink(g)
ft("simulate", "--scenario", SCN, "--config", CONF, "--db", db)
with open(db, "r+b") as f:
    f.seek(0)
    f.write(b"\x5a" * 200)  # the header gone
with open(db, "rb") as f:
    damaged = f.read()
app = App(db, "damaged")
said, texts = app.wait_shown(r"The saved history was damaged\. It is kept as damaged\.db\.damaged-[0-9TZ]+; "
                             r"a fresh one was started\.", 3)
app.meal()
time.sleep(1.2)
result("damaged: the display says so, with the name the file is kept under",
       None if said else "shown %s" % texts)
saved = app.saved()
text = app.text()
app.stop()
aside = glob.glob(db + ".damaged-*")
ok = len(aside) == 1 and open(aside[0], "rb").read() == damaged
result("damaged: run keeps the file aside under a dated name, byte for byte",
       None if ok and "kept aside as" in text else "aside %s; log: %s" % (aside, text[-300:]))
result("damaged: a fresh database, and the next meal is saved in it",
       None if saved and len(sessions(db)) == 1 else "saved %s, rows %s" % (saved, sessions(db) if os.path.exists(db) else None))

# ---- the wall clock ----
# tests/reliability/wallclock.so moves CLOCK_REALTIME only (an offset in ms,
# or "=MS" for an instant that then runs on), read from a file on each call.
WALLCLOCK = os.environ.get("FT_WALLCLOCK_SO")
if not WALLCLOCK or not os.path.exists(WALLCLOCK):
    result("the wall clock", "no wallclock.so (make check-reliability builds it)")
else:
    stamp = os.path.join(WORK, "wallclock")

    def clock_app(name, first):
        with open(stamp, "w") as f:
            f.write(first)
        db = os.path.join(WORK, name + ".db")
        fresh(db)
        return db, App(db, name, {"LD_PRELOAD": WALLCLOCK, "FT_WALLCLOCK_FILE": stamp})

    for name, step in (("back an hour", "-3600000"), ("forward a day", "86400000")):
        db, app = clock_app("clock" + step, "0")
        t0 = time.time() * 1000
        app.send("1 in\n2 in\n")
        time.sleep(0.8)
        with open(stamp, "w") as f:
            f.write(step)
        time.sleep(0.8)
        app.send("1 out\n2 out\n")
        time.sleep(1.2)
        t1 = time.time() * 1000
        rows = sessions(db)
        app.stop()
        ok = len(rows) == 1 and 1400 <= rows[0][1] - rows[0][0] <= 2400 and t0 - 500 <= rows[0][0] <= t1
        result("wall clock stepped %s during a meal: its real length and date" % name,
               None if ok else "rows %s (real %d..%d)" % (rows, t0, t1))

    db, app = clock_app("clock-1970", "=0")
    app.send("1 in\n2 in\n")
    time.sleep(1.3)
    app.send("1 out\n2 out\n")
    time.sleep(1.0)
    early = sessions(db)
    t0 = time.time() * 1000
    with open(stamp, "w") as f:
        f.write("0")
    # the kernel tells the program the clock was set (a timerfd cancelled on
    # a clock change); the preload cannot, so a comment line wakes it
    app.send("# the clock was set\n")
    trusted = app.wait_for("clock trusted", 15)
    time.sleep(1.0)
    rows = sessions(db)
    app.stop()
    ok = trusted and not early and len(rows) == 1 and t0 - 60000 <= rows[0][0] <= t0
    result("wall clock at 1970 until it is set: nothing dated 1970, the meal dated once it is right",
           None if ok else "trusted %s, before %s, after %s (now %d)" % (trusted, early, rows, t0))

# ---- a missing font ----
# DejaVu Sans hidden (a tmpfs over the font folders, in a mount namespace of
# its own): with another font installed the display comes up with it and
# the journal says which; with none at all, exit 1 and a message saying so.
db = os.path.join(WORK, "font.db")
fresh(db)
ft("simulate", "--scenario", SCN, "--config", CONF, "--db", db)
with open(db, "rb") as f:
    before = f.read()
if not root:
    result("a missing font", "needs root to hide the font folders (unshare -m)")
else:
    other = os.path.join(WORK, "OtherSans.ttf")  # any font but under another name and folder
    sh("cp /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf %s" % other)
    hide = ("mount -t tmpfs tmpfs /usr/share/fonts && "
            "{ [ ! -d /usr/local/share/fonts ] || mount -t tmpfs tmpfs /usr/local/share/fonts; } && ")
    layout = os.path.join(WORK, "font.layout.json")
    if os.path.exists(layout):
        os.unlink(layout)
    r = subprocess.run(["unshare", "-m", "sh", "-c",
                        hide + "mkdir -p /usr/share/fonts/truetype/other && cp \"$3\" /usr/share/fonts/truetype/other/ && "
                        "SDL_VIDEODRIVER=dummy FAMILYTABLE_LAYOUT=\"$4\" exec timeout --preserve-status -s TERM 3 "
                        "\"$0\" run --window --dock none --db \"$1\" --config \"$2\"",
                        BIN, db, CONF, other, layout], capture_output=True, text=True, timeout=30)
    try:
        with open(layout) as f:
            drawn = json.load(f)["texts"]
    except (OSError, ValueError):
        drawn = []
    result("no DejaVu Sans, another font installed: the display comes up with it, the journal names it",
           None if r.returncode == 0 and drawn
           and "DejaVu Sans is missing; the display uses /usr/share/fonts/truetype/other/OtherSans.ttf" in r.stderr
           else "exit %d, %d texts drawn: %s" % (r.returncode, len(drawn), r.stderr[-300:]))
    with open(db, "rb") as f:
        before = f.read()
    r = subprocess.run(["unshare", "-m", "sh", "-c",
                        hide + "SDL_VIDEODRIVER=dummy exec timeout 20 \"$0\" run --window --dock none "
                        "--db \"$1\" --config \"$2\"",
                        BIN, db, CONF], capture_output=True, text=True, timeout=30)
    with open(db, "rb") as f:
        after = f.read()
    result("no font at all: run says so, naming DejaVu's file, exit 1, the database untouched",
           None if r.returncode == 1 and "no font to draw with: /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
           in r.stderr and after == before
           else "exit %d: %s" % (r.returncode, r.stderr[-300:]))

print("%d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
