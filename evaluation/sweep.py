#!/usr/bin/env python3
"""Which labelled items a threshold of `newsdesk.thresholds` decides: move it and see what changes.

    python evaluation/sweep.py SAME_STORY [--sets evaluation/set evaluation/holdout] [--factor 0.8 1.2]

Each labelled set is run as `evaluate.py` runs it, with the threshold as it is and then moved
(multiplied by each factor; an integer by -1 and +1), and every item whose fate changes is printed
with its label. The comments in `newsdesk/thresholds.py` name what this shows.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import evaluate

from newsdesk import thresholds

SETS = [Path("evaluation/set"), Path("evaluation/holdout")]


def fates(folder: Path) -> tuple[evaluate.Scores, dict[tuple[str, str], tuple[str, str, str]]]:
    """The scores, and (run, item) -> (fate, title, label) for every item of a set."""
    evaluation = evaluate.load_set(folder)
    scores, decisions = evaluate.run_set(evaluation)
    labels = {key: label for run in evaluation.runs for key, label in run.labels.items()}
    found = {}
    for run_name, decision in decisions:
        for verdict in decision.verdicts:
            label = labels.get(verdict.update_key) or "-"
            found[(run_name, verdict.update_key)] = (str(verdict.fate), verdict.title, label)
    return scores, found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("name", help="a name in newsdesk/thresholds.py, e.g. SAME_STORY")
    parser.add_argument("--sets", type=Path, nargs="+", default=SETS)
    parser.add_argument("--factor", type=float, nargs="+", default=[0.8, 1.2])
    args = parser.parse_args(argv)
    original = getattr(thresholds, args.name)
    values = [original - 1, original + 1] if isinstance(original, int) else [original * f for f in args.factor]
    for folder in args.sets:
        base_scores, base = fates(folder)
        print(f"== {folder}: {args.name} = {original} (P {base_scores.precision:.3f} R {base_scores.recall:.3f} "
              f"C {base_scores.completeness:.3f})")
        for value in values:
            setattr(thresholds, args.name, type(original)(round(value, 3)))
            try:
                scores, moved = fates(folder)
            finally:
                setattr(thresholds, args.name, original)
            changed = [(key, base[key], moved[key]) for key in base if key in moved and base[key][0] != moved[key][0]]
            print(f"  {args.name} = {round(value, 3)}: P {scores.precision:.3f} R {scores.recall:.3f} "
                  f"C {scores.completeness:.3f}; {len(changed)} items change")
            for (run_name, _), (before, title, label), (after, _, _) in changed:
                print(f"    {run_name} [{label}] {title[:70]!r}: {before} -> {after}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
