#!/usr/bin/env python3
"""Summarises `clearmark check` output (JSON lines): how many listings have a high or
medium finding, and the words, kinds and severities found most often.

    clearmark check --snapshot S tmp/wild.jsonl | scripts/findings-summary.py [--top 25]
"""
import argparse
import collections
import json
import sys


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--top", type=int, default=25)
    a = p.parse_args()
    listings = flagged = 0
    words: collections.Counter = collections.Counter()
    kinds: collections.Counter = collections.Counter()
    for line in sys.stdin:
        report = json.loads(line)
        if "findings" not in report:
            continue
        listings += 1
        counted = [f for f in report["findings"] if f["severity"] in ("high", "medium")]
        flagged += bool(counted)
        for f in counted:
            words[f["text"].lower()] += 1
            kinds[f"{f['kind']}/{f['severity']}"] += 1
    share = 100 * flagged / listings if listings else 0
    print(f"listings {listings}, with a high/medium finding {flagged} ({share:.1f}%)")
    print("by kind: " + ", ".join(f"{k} {n}" for k, n in kinds.most_common()))
    print("words: " + ", ".join(f"{w} ×{n}" for w, n in words.most_common(a.top)))


if __name__ == "__main__":
    main()
