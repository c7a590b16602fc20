#!/usr/bin/env python3
"""Every verdict of every labelled set, as one JSON file: (set, run, update key) -> fate and story.

    python bench/verdicts.py dump before.json     # before a change meant to be for speed only
    python bench/verdicts.py check before.json    # after it: lists every item whose fate changed

A speed change must leave every verdict as it was; the aggregate scores would hide a swap.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "evaluation"))

import evaluate  # noqa: E402

SETS = [ROOT / "evaluation" / "set", ROOT / "evaluation" / "holdout", ROOT / "evaluation" / "blind",
        ROOT.parent / "shared" / "corpus" / "news-real", Path("/work/shared/corpus/news-real")]


def verdicts() -> dict[str, list]:
    found: dict[str, list] = {}
    for folder in SETS:
        if not (folder / "shows.toml").exists() or folder.name in {k.split("/")[-1] for k in found}:
            continue
        _, decisions = evaluate.run_set(evaluate.load_set(folder))
        # story ids are hashes of the first report's key: equal ids mean the same grouping
        found[folder.name] = sorted(
            [run, v.update_key, str(v.fate), v.story_id, v.rule] for run, decision in decisions for v in decision.verdicts
        )
    return found


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("action", choices=["dump", "check"])
    parser.add_argument("file", type=Path)
    args = parser.parse_args()
    now = verdicts()
    if args.action == "dump":
        args.file.write_text(json.dumps(now, indent=0))
        print(f"{sum(map(len, now.values()))} verdicts of {len(now)} sets written to {args.file}")
        return 0
    before = json.loads(args.file.read_text())
    changed = 0
    for name in sorted(set(before) | set(now)):
        old = {tuple(v[:2]): v[2:] for v in before.get(name, [])}
        new = {tuple(v[:2]): v[2:] for v in now.get(name, [])}
        for key in sorted(set(old) | set(new)):
            if old.get(key) != new.get(key):
                changed += 1
                print(f"{name} {key}: {old.get(key)} -> {new.get(key)}")
    total = sum(map(len, now.values()))
    print(f"{total} verdicts of {len(now)} sets: {changed} changed")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
