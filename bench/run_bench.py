#!/usr/bin/env python3
"""Whole runs of `python run.py` against N synthetic outlet feeds of M items on loopback hosts.

    python bench/run_bench.py                                  # the full table (takes a while)
    python bench/run_bench.py --feeds 200 --items 30           # one case
    python bench/run_bench.py --feeds 200 --history 1000,10000,100000 --no-rss2email
    python bench/run_bench.py --rss2email /path/to/venv/bin/r2e --rival-repeats 1

Each case serves the feeds from 4 loopback hosts (127.0.0.1-4) that answer after `--latency`
seconds and send ETags, then times, `--repeats` times from a fresh state: a first run, and an
unchanged rerun (every source answers 304). The ideal is ceil(N/C) x latency: C requests in
flight, each wave waits out the latency once. Phases come from the run itself
(SEASONWATCH_PHASES, see seasonwatch/phases.py): CPU seconds of the run's process per phase, and
of the parser processes ("parse"). With `--history`, the state starts with that many stories
already emitted (and ten items seen per story). rss2email, when found (`--rss2email`, else
`r2e` on PATH), reads the same feeds in the same case: `r2e run --no-send`, so it fetches and
parses but mails nothing.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import history_fill, synthetic  # noqa: E402
from bench.slow_hosts import SlowHosts  # noqa: E402
from scrapers import SOURCE_TYPES  # noqa: E402
from seasonwatch.config import load_config  # noqa: E402
from seasonwatch.pipeline import keeping  # noqa: E402

CONCURRENCY, PER_HOST, HOSTS = 16, 4, 4
PHASES = ["start-up", "gather", "parse", "history", "decide", "desk and digest", "commit", "write"]


@dataclass
class Sample:
    wall: float
    cpu: float  # user + system of the whole process tree that was waited for
    peak_mb: float
    phases: dict = field(default_factory=dict)


def environment(**extra: str) -> dict[str, str]:
    """The environment of a cron job: bytecode cached as Python caches it by default (a shell
    that sets PYTHONDONTWRITEBYTECODE would make every run compile the program again)."""
    return {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"} | extra


def timed(command: list[str], env: dict[str, str] | None = None, cwd: Path | None = None) -> tuple[float, os.struct_rusage]:
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert process.stderr is not None
    errors = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0,):
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}):\n{errors.decode(errors='replace')[-2000:]}")
    return wall, usage


def sample(command: list[str], env: dict[str, str], phases_file: Path | None = None, cwd: Path | None = None) -> Sample:
    if phases_file:
        phases_file.unlink(missing_ok=True)
    wall, usage = timed(command, env, cwd)
    phases = json.loads(phases_file.read_text()) if phases_file and phases_file.exists() else {}
    return Sample(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, phases)


def start_up(repeats: int) -> float:
    timed([sys.executable, str(ROOT / "run.py"), "--help"], environment())  # bytecode written once
    walls = [timed([sys.executable, str(ROOT / "run.py"), "--help"], environment())[0] for _ in range(max(repeats, 5))]
    return statistics.median(walls)


# ---------------------------------------------------------------------------- a case


class Case:
    def __init__(self, folder: Path, feeds: int, items: int, latency: float, history: int) -> None:
        self.folder, self.feeds, self.items, self.latency, self.history = folder, feeds, items, latency, history
        self.world = synthetic.world(feeds, items, datetime.now(UTC).replace(microsecond=0))

    def documents(self, path: str) -> tuple[bytes, str, str] | None:
        if path.startswith("/feeds/") and path.endswith(".xml"):
            number = int(path[len("/feeds/") : -len(".xml")])
            if number < self.feeds:
                return self.world.feeds[number], "application/rss+xml", f'"feed-{number}-1"'
        return None

    def write_config(self, hosts: SlowHosts) -> Path:
        (self.folder / "articles").mkdir(parents=True, exist_ok=True)
        shows = []
        for show, text in self.world.articles.items():
            name = show.lower().replace(" ", "-")
            (self.folder / "articles" / f"{name}.md").write_text(text)
            shows.append(f'[[shows]]\nname = "{show}"\nseason = {synthetic.SEASON}\narticle = "articles/{name}.md"\n')
        sources = [
            f'[[sources]]\nname = "Outlet {n}"\ntype = "feed"\nurl = "{hosts.url(n, f"/feeds/{n}.xml")}"\n'
            for n in range(self.feeds)
        ]
        config = self.folder / "config.toml"
        config.write_text(
            '[site]\ntitle = "Bench"\nbase_url = "https://bench.example/"\noutput_dir = "public"\n\n'
            '[state]\npath = "state/state.sqlite3"\n\n[log]\npath = ""\n\n'
            f"[fetch]\nconcurrency = {CONCURRENCY}\nper_host = {PER_HOST}\ntimeout = 60.0\nretries = 0\n"
            "respect_robots = false\n\n" + "\n".join(shows) + "\n" + "\n".join(sources)
        )
        return config

    def prepared_history(self, config: Path) -> Path | None:
        """A state file with the history, made once per case and copied for every repeat."""
        if not self.history:
            return None
        made = self.folder / f"history-{self.history}.sqlite3"
        if not made.exists():
            kept = keeping(load_config(config, SOURCE_TYPES))
            history_fill.fill(made, self.history, self.history * 10, datetime.now(UTC).replace(microsecond=0), kept)
        return made

    def ideal(self) -> float:
        return math.ceil(self.feeds / CONCURRENCY) * self.latency


def season_watch(case: Case, config: Path, repeats: int) -> dict[str, list[Sample]]:
    phases_file = case.folder / "phases.json"
    env = environment(SEASONWATCH_PHASES=str(phases_file))
    command = [sys.executable, str(ROOT / "run.py"), "--config", str(config), "-q", "--no-email"]
    history = case.prepared_history(config)
    runs: dict[str, list[Sample]] = {"first": [], "rerun": []}
    for _ in range(repeats):
        shutil.rmtree(case.folder / "state", ignore_errors=True)
        shutil.rmtree(case.folder / "public", ignore_errors=True)
        (case.folder / "state").mkdir(mode=0o700)
        if history:
            shutil.copy(history, case.folder / "state" / "state.sqlite3")
        runs["first"].append(sample(command, env, phases_file))
        runs["rerun"].append(sample(command, env, phases_file))
    return runs


def rss2email(case: Case, hosts: SlowHosts, r2e: str, repeats: int) -> dict[str, list[Sample]]:
    folder = case.folder / "rss2email"
    runs: dict[str, list[Sample]] = {"first": [], "rerun": []}
    for _ in range(repeats):
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir()
        config, data = folder / "r2e.cfg", folder / "r2e.json"
        base = [r2e, "-c", str(config), "-d", str(data)]
        timed([*base, "new", "bench@example.org"])
        with config.open("a") as stream:
            for n in range(case.feeds):
                stream.write(f"\n[feed.outlet{n}]\nurl = {hosts.url(n, f'/feeds/{n}.xml')}\n")
        runs["first"].append(sample([*base, "run", "--no-send"], environment()))
        runs["rerun"].append(sample([*base, "run", "--no-send"], environment()))
    return runs


# ---------------------------------------------------------------------------- the table


def _median(values: list[float]) -> float:
    return statistics.median(values) if values else 0.0


def row(case: Case, kind: str, samples: list[Sample], start: float, rival: list[Sample] | None) -> str:
    wall = _median([s.wall for s in samples])
    ideal = case.ideal()
    allowed = (1.5 if kind == "first" else 1.1) * ideal + start
    cpu = {p: _median([s.phases.get("cpu", {}).get(p, 0.0) for s in samples]) for p in PHASES}
    decided = _median([s.phases.get("counts", {}).get("updates decided", 0) for s in samples])
    decide_wall = _median([s.phases.get("wall", {}).get("decide", 0.0) for s in samples])
    per_second = decided / decide_wall if decide_wall and decided else 0.0
    per_thousand = decide_wall / decided * 1_000_000 if decided else 0.0  # ms per 1,000 updates
    parsed = _median([s.phases.get("counts", {}).get("parsed documents", 0) for s in samples])
    versus = ""
    if rival:
        theirs = _median([s.wall for s in rival])
        versus = f"{theirs:7.2f}s {theirs / wall:5.1f}x"
    phases = " ".join(f"{cpu[p]:5.2f}" for p in PHASES)
    return (
        f"{case.feeds:5d} {case.items:4d} {case.history:7d} {kind:6s} {wall:6.2f}s {ideal:5.2f}s {wall / ideal:5.2f}"
        f" {'yes' if wall <= allowed else 'NO ':3s} {_median([s.cpu for s in samples]):6.2f} {phases}"
        f" {per_second:7.0f} {per_thousand:6.0f} {_median([s.peak_mb for s in samples]):6.0f} {parsed:5.0f} {versus}"
    )


HEADER = (
    "feeds items history run     wall  ideal ratio ok?    cpu "
    + " ".join(f"{p[:5]:>5s}" for p in PHASES)
    + "  upd/s ms/1k   peakMB parsed rss2email  ratio"
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--feeds", default="50,200,800", help="comma-separated N (default 50,200,800)")
    parser.add_argument("--items", default="30,100", help="comma-separated M (default 30,100)")
    parser.add_argument("--history", default="0", help="comma-separated stories already emitted (default 0)")
    parser.add_argument("--latency", type=float, default=0.1, help="seconds before each answer (default 0.1)")
    parser.add_argument("--repeats", type=int, default=3, help="runs of each kind; medians are printed (default 3)")
    parser.add_argument("--rss2email", default=os.environ.get("RSS2EMAIL") or shutil.which("r2e"), help="r2e to compare with")
    parser.add_argument("--no-rss2email", action="store_true", help="do not run rss2email")
    parser.add_argument("--rival-repeats", type=int, help="runs of rss2email of each kind (default: --repeats)")
    args = parser.parse_args()
    r2e = None if args.no_rss2email else args.rss2email
    start = start_up(args.repeats)
    print(f"start-up (python run.py --help): {start:.3f} s, median of {max(args.repeats, 5)}")
    print(f"concurrency {CONCURRENCY}, per host {PER_HOST}, {HOSTS} hosts, latency {args.latency:g} s; medians of {args.repeats}")
    print("cpu: seconds of the whole run; by phase: the run's own process, 'parse' its parser processes")
    print(HEADER, flush=True)
    for feeds in map(int, args.feeds.split(",")):
        for items in map(int, args.items.split(",")):
            for history in map(int, args.history.split(",")):
                with tempfile.TemporaryDirectory(prefix="run-bench-") as folder:
                    case = Case(Path(folder), feeds, items, args.latency, history)
                    with SlowHosts(HOSTS, args.latency, case.documents) as hosts:
                        config = case.write_config(hosts)
                        ours = season_watch(case, config, args.repeats)
                        rival = args.rival_repeats or args.repeats
                        theirs = rss2email(case, hosts, r2e, rival) if r2e and not history else None
                    for kind in ("first", "rerun"):
                        print(row(case, kind, ours[kind], start, theirs[kind] if theirs else None), flush=True)
                    print(f"      (most-told story: {case.world.most_told} outlets)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
