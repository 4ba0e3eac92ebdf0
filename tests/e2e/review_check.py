#!/usr/bin/env python3
"""The review's pages read whole (issue 12, points 3 and 4): on top of
layout_check.py's checks, no text cut with an ellipsis, every text at the
layout's smallest size or more (13 px at 800x480, scaled with the screen),
and the texts the caller names present.

usage: review_check.py FILE.json [TEXT...]
Prints what is wrong and exits 1."""
import json
import sys

MIN_PX = 13  # UI_MIN_TEXT_PX at 800x480


def main():
    path, wanted = sys.argv[1], sys.argv[2:]
    lay = json.load(open(path, encoding="utf-8"))
    w, h = lay["size"]
    scale = min(w / 480, h / 800) if h > w else min(w / 800, h / 480)
    least = max(MIN_PX, round(MIN_PX * scale))
    bad = []
    texts = [t["text"] for t in lay["texts"]]
    for t in lay["texts"]:
        if "…" in t["text"] or t.get("shortened"):
            bad.append(f"cut: {t['text']!r}")
        if t["px"] < least:
            bad.append(f"{t['text']!r} at {t['px']} px, under {least}")
    for want in wanted:
        if not any(want in t for t in texts):
            bad.append(f"no {want!r} among {texts}")
    for b in bad:
        print(f"{path}: {b}")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
