#!/usr/bin/env python3
"""Check one `screenshot --layout` file: well formed, the screen and size
asked for, every text inside the screen and drawn at a size, and every touch
target at least 9 mm on a 7-inch panel of that many pixels (issue 12, point
6: a finger is about 9 mm wide).

usage: layout_check.py FILE.json SCREEN WxH
Prints what is wrong and exits 1."""
import json
import math
import sys

PANEL_INCHES = 7.0
TARGET_MM = 9.0


def mm_per_px(w, h):
    # the panel's diagonal is 7 inches whatever its resolution
    return PANEL_INCHES * 25.4 / math.hypot(w, h)


def check(path, screen, w, h):
    lay = json.load(open(path, encoding="utf-8"))
    bad = []
    if lay.get("screen") != screen:
        bad.append(f"screen {lay.get('screen')!r}, asked {screen!r}")
    if lay.get("size") != [w, h]:
        bad.append(f"size {lay.get('size')}, asked {[w, h]}")
    if not lay.get("texts"):
        bad.append("no text at all")
    for t in lay["texts"]:
        x, y, tw, th = t["box"]
        if not t["text"] or t["px"] <= 0:
            bad.append(f"text {t!r}: empty or no size")
        if x < 0 or y < 0 or x + tw > w or y + th > h:
            bad.append(f"text {t['text']!r} at {t['box']} leaves the {w}x{h} screen")
    scale = mm_per_px(w, h)
    if not lay.get("targets"):
        bad.append("no touch target at all")
    for t in lay["targets"]:
        x, y, tw, th = t["box"]
        short = min(tw, th) * scale
        if short < TARGET_MM:
            bad.append(f"target {t['action']} {t['box']} is {short:.1f} mm, less than {TARGET_MM} mm")
        if x < 0 or y < 0 or x + tw > w or y + th > h:
            bad.append(f"target {t['action']} at {t['box']} leaves the screen")
    return bad


def main():
    path, screen, size = sys.argv[1:4]
    w, h = (int(v) for v in size.split("x"))
    bad = check(path, screen, w, h)
    for b in bad:
        print(f"{path}: {b}")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
