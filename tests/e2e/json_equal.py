#!/usr/bin/env python3
"""Compare two report JSON files as SPEC §5 and examples/README.md say:
key order and the order of `members` do not matter; numbers and strings do.
Prints the differing keys and exits 1 when they differ."""
import json
import sys


def norm(o, key=None):
    if isinstance(o, dict):
        return {k: norm(v, k) for k, v in o.items()}
    if isinstance(o, list):
        items = [norm(x) for x in o]
        return sorted(items) if key == "members" else items
    return o


def main():
    got, want = (norm(json.load(open(p, encoding="utf-8"))) for p in sys.argv[1:3])
    # more keys may be added, none removed or renamed: compare want's keys
    bad = [k for k in want if got.get(k) != want[k]]
    for k in bad:
        print(f"{sys.argv[1]}: {k}\n  got:  {json.dumps(got.get(k), ensure_ascii=False)}\n"
              f"  want: {json.dumps(want[k], ensure_ascii=False)}")
    sys.exit(1 if bad else 0)


main()
