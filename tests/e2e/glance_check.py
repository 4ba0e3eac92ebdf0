#!/usr/bin/env python3
"""Check the glance of a `screenshot --layout` file reads from a chair
across the table (issue 12, point 2): the two counts at least a fifth of the
screen's height, whether each week is met and each streak at least 28 px
(every line of them), in English.

usage: glance_check.py FILE.json
Prints what is wrong and exits 1."""
import json
import re
import sys

READ_PX = 28
STATE = re.compile(r"Goal met|more to go|Away this week")
# the week's streaks (the hug card's "days in a row" is not one of them)
STREAK = re.compile(r"weeks? in a row|Streak kept|Best streak|A streak starts|this week$|^\d+ weeks?$|best \d+$")


def main():
    lay = json.load(open(sys.argv[1], encoding="utf-8"))
    w, h = lay["size"]
    bad = []
    figures = [t for t in lay["texts"] if t["figure"]]
    if len(figures) != 2:
        bad.append(f"{len(figures)} big figures, expected the meals' and the walks' counts")
    for t in figures:
        if t["px"] * 5 < h:
            bad.append(f"count {t['text']!r} at {t['px']} px, less than a fifth of {h}")
    states = [t for t in lay["texts"] if STATE.search(t["text"])]
    streaks = [t for t in lay["texts"] if STREAK.search(t["text"]) and not STATE.search(t["text"])]
    if len(states) != 2:
        bad.append(f"{len(states)} met states, expected 2: {[t['text'] for t in states]}")
    if len(streaks) < 1:
        bad.append("no streak said")
    for t in states + streaks:
        if t["px"] < READ_PX:
            bad.append(f"{t['text']!r} at {t['px']} px, less than {READ_PX}")
    for b in bad:
        print(f"{sys.argv[1]}: {b}")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
