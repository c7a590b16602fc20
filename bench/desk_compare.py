#!/usr/bin/env python3
"""Do two checkouts' runs leave the same desk and the same outputs? (What `verdicts.py` does not
cover: boards, conflicts, suggestions, feeds and pages.)

Serves `bench/synthetic.py`'s feeds (as `run_bench.py` does, 1 ms latency), runs `python run.py`
of each checkout twice from a fresh state (a first run and an unchanged rerun), and compares after
each run the desk's tables (board history, conflicts, suggestions) and every output file but the
digests, with timestamps masked. Updates arrive in the order their fetches finish, so sources
dated alike may swap places in a story from one run to the next (in any checkout, main against
itself too): the comparison is of each record's and file's parts, not of their order.

    python bench/desk_compare.py --other ../main-checkout          # this checkout against another
    python bench/desk_compare.py --other . --feeds 50              # against itself: the noise floor
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.run_bench import HOSTS, Case, environment  # noqa: E402
from bench.slow_hosts import SlowHosts  # noqa: E402

STAMP = re.compile(
    r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d(:\d\d)?(\.\d+)?([+-]\d\d:\d\d|Z)?"  # ISO 8601
    r"|\w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d [+-]\d{4}"  # RFC 822
    r"|\d{8}T\d{6}Z?"
)
PARTS = re.compile(r"[<>,\[\]{}()\n]")
DESK = [
    ("board_history", "show, row, subject, label, before, after, known_on, sources, from_article"),
    ("conflicts", "id, show, row, subject, label, sides, resolved IS NULL, reported_in IS NULL"),
    ("suggestions", "id, show, story_id, done IS NULL, record"),
]


def parts(text: str) -> list[str]:
    return sorted(PARTS.split(STAMP.sub("T", text)))


def desk(state: Path) -> list[str]:
    db = sqlite3.connect(state)
    rows = {table: [list(r) for r in db.execute(f"SELECT {columns} FROM {table} ORDER BY 1, 2, 3, 4")] for table, columns in DESK}
    db.close()
    return parts(json.dumps(rows, sort_keys=True))


def outputs(folder: Path) -> dict[str, list[str]]:
    return {
        str(path.relative_to(folder)): parts(path.read_text(errors="replace"))
        for path in sorted(folder.rglob("*"))
        if path.is_file() and "digests" not in path.parts
    }


def runs(checkout: Path, config: Path, folder: Path) -> list[tuple[list[str], dict[str, list[str]]]]:
    shutil.rmtree(folder / "state", ignore_errors=True)
    shutil.rmtree(folder / "public", ignore_errors=True)
    (folder / "state").mkdir(mode=0o700)
    seen = []
    for _ in range(2):
        command = [sys.executable, str(checkout / "run.py"), "--config", str(config), "-q", "--no-email"]
        subprocess.run(command, check=True, env=environment(), stdout=subprocess.DEVNULL)
        seen.append((desk(folder / "state" / "state.sqlite3"), outputs(folder / "public")))
    return seen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--other", type=Path, required=True, help="the checkout to compare with")
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--items", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="desk-compare-") as temporary:
        folder = Path(temporary)
        case = Case(folder, args.feeds, args.items, 0.001, 0)
        with SlowHosts(HOSTS, 0.001, case.documents) as hosts:
            config = case.write_config(hosts)
            ours, theirs = runs(ROOT, config, folder), runs(args.other.resolve(), config, folder)
    same = True
    for number, ((our_desk, our_files), (their_desk, their_files)) in enumerate(zip(ours, theirs, strict=True), 1):
        differing = sorted(name for name in our_files.keys() | their_files.keys() if our_files.get(name) != their_files.get(name))
        same = same and our_desk == their_desk and not differing
        print(
            f"run {number}: desk tables {'equal' if our_desk == their_desk else 'DIFFER'} ({len(our_desk)} parts); "
            f"{len(our_files)} output files, {len(differing)} differ{': ' + ', '.join(differing) if differing else ''}"
        )
    sys.exit(0 if same else 1)


if __name__ == "__main__":
    main()
