#!/usr/bin/env python3
"""Would fetching from two processes bring an unchanged rerun's fetching near the ideal?

Loopback hosts in this process (`--hosts`, each answering after `--latency` seconds, with an ETag:
every request names it and is answered 304, as on an unchanged rerun); the HTTP client
(`scrapers.http.HttpClient`, as a run uses it) in child processes, either

- **one**: one child fetches every source (concurrency C, per_host P), or
- **two**: two children, each fetching the sources of half the hosts (concurrency C/2 each,
  per_host P): the same limits on every host and overall, two event loops instead of one.

Prints, median of `--repeats`, the wall time from starting the children until the last one ends,
the longest child's time inside its event loop (against the ideal ceil(N/C) x L), its import
time, and the CPU of all children.

    python bench/fetch_processes.py                       # 200 sources
    python bench/fetch_processes.py -n 800 --repeats 3
    python bench/fetch_processes.py --checkout ../other   # another checkout's client
"""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.slow_hosts import SlowHosts  # noqa: E402

CHILD = r"""
import asyncio, json, sys, time
began = time.perf_counter()
sys.path.insert(0, sys.argv[1])
from scrapers.http import HttpClient
from seasonwatch.models import FetchSettings, HttpValidators
urls, concurrency, per_host = json.loads(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
settings = FetchSettings(concurrency=concurrency, per_host=per_host, timeout=60, retries=0, respect_robots=False)

async def fetch_all():
    async with HttpClient(settings) as http:
        return await asyncio.gather(*(http.fetch_conditionally(u, HttpValidators(f'"{u}"')) for u in urls))

imported = time.perf_counter()
fetched = asyncio.run(fetch_all())
print(json.dumps({"import": imported - began, "loop": time.perf_counter() - imported,
                  "cpu": time.process_time(), "not_modified": sum(f.status == 304 for f in fetched)}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--sources", type=int, default=200)
    parser.add_argument("-l", "--latency", type=float, default=0.1)
    parser.add_argument("-c", "--concurrency", type=int, default=16)
    parser.add_argument("--per-host", type=int, default=4)
    parser.add_argument("--hosts", type=int, default=4, help="an even number: half of them to each child")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--checkout", type=Path, default=ROOT, help="whose scrapers.http to run (default: this one)")
    args = parser.parse_args()
    # a cron job's environment: bytecode cached (see bench/README.md)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

    def document(path: str) -> tuple[bytes, str, str]:
        return b"<rss/>", "application/rss+xml", f'"{servers.url(int(path[1:]), path)}"'

    with SlowHosts(args.hosts, args.latency, document) as servers:
        urls = [servers.url(i, f"/{i}") for i in range(args.sources)]
        halves = [set(range(args.hosts // 2)), set(range(args.hosts // 2, args.hosts))]
        by_host = [[u for i, u in enumerate(urls) if i % args.hosts in half] for half in halves]

        def run(groups: list[list[str]], concurrency: int) -> tuple[float, list[dict]]:
            started = time.perf_counter()
            children = [
                subprocess.Popen(
                    [sys.executable, "-c", CHILD, str(args.checkout.resolve()), json.dumps(group), str(concurrency), str(args.per_host)],
                    stdout=subprocess.PIPE,
                    env=env,
                )
                for group in groups
            ]
            reports = [json.loads(child.communicate()[0]) for child in children]
            return time.perf_counter() - started, reports

        results: dict[str, list[tuple[float, list[dict]]]] = {"one": [], "two": []}
        for _ in range(args.repeats):  # alternately, so both meet the same machine
            results["one"].append(run([urls], args.concurrency))
            results["two"].append(run(by_host, args.concurrency // 2))

    ideal = math.ceil(args.sources / args.concurrency) * args.latency
    print(
        f"N={args.sources} L={args.latency} C={args.concurrency} per_host={args.per_host} hosts={args.hosts}; "
        f"ideal {ideal:.2f}s; medians of {args.repeats}"
    )
    for mode, runs in results.items():
        wall = statistics.median(r[0] for r in runs)
        loop = statistics.median(max(c["loop"] for c in r[1]) for r in runs)
        imported = statistics.median(max(c["import"] for c in r[1]) for r in runs)
        cpu = statistics.median(sum(c["cpu"] for c in r[1]) for r in runs)
        answered = min(sum(c["not_modified"] for c in r[1]) for r in runs)
        print(
            f"{mode}: wall {wall:.2f}s, event loop {loop:.2f}s ({loop / ideal:.2f} x ideal), "
            f"import {imported:.2f}s, cpu {cpu:.2f}s, 304s {answered}"
        )


if __name__ == "__main__":
    main()
