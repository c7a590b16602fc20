#!/usr/bin/env python3
"""The floor under a run: what fetching the same feeds costs a bare httpx client, no Season Watch.

    python bench/http_floor.py                      # 50 and 200 feeds, 5 runs each
    python bench/http_floor.py --feeds 200 --repeats 9

The feeds and loopback hosts are `bench/run_bench.py`'s (4 hosts, 100 ms latency, ETags). The
client is the least a Python program can do with the HTTP library we use: start, import asyncio
and httpx, send every request with run_bench's limits (16 in flight, 4 per host), read each
answer to its end, exit. "first" sends plain GETs; "rerun" names each feed's ETag, so every
answer is a 304, as in an unchanged rerun. Nothing is parsed, decided or written, and no config
or state is read: a target below this leaves a run no time for anything but fetching.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import synthetic  # noqa: E402
from bench.run_bench import CONCURRENCY, HOSTS, PER_HOST, environment, start_up, timed  # noqa: E402
from bench.slow_hosts import SlowHosts  # noqa: E402

CLIENT = """
import asyncio, sys
import httpx

async def main(urls, conditional, concurrency, per_host):
    hosts = {}
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(limits=limits, verify=False) as client:  # plain http: no roots to load
        async def one(number, url):
            host = hosts.setdefault(httpx.URL(url).host, asyncio.Semaphore(per_host))
            headers = {"If-None-Match": f'"feed-{number}-1"'} if conditional else {}
            async with host:
                response = await client.get(url, headers=headers)
                await response.aread()
        await asyncio.gather(*(one(n, url) for n, url in enumerate(urls)))

urls, kind, concurrency, per_host = open(sys.argv[1]).read().split(), sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
asyncio.run(main(urls, kind == "rerun", concurrency, per_host))
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--feeds", default="50,200", help="comma-separated N (default 50,200)")
    parser.add_argument("--latency", type=float, default=0.1, help="seconds before each answer (default 0.1)")
    parser.add_argument("--repeats", type=int, default=5, help="runs of each kind; medians (default 5)")
    args = parser.parse_args()
    start = start_up(args.repeats)
    empty = statistics.median(timed([sys.executable, "-c", "pass"], environment())[0] for _ in range(args.repeats))
    print(f"python -c pass: {empty:.3f} s; python run.py --help: {start:.3f} s; medians of {args.repeats}")
    print("feeds  ideal  bare httpx first  bare httpx rerun  rerun target (1.1 x ideal + --help)")
    for feeds in map(int, args.feeds.split(",")):
        world = synthetic.world(feeds, 30, datetime.now(UTC).replace(microsecond=0))

        def documents(path: str, world: synthetic.World = world) -> tuple[bytes, str, str] | None:
            number = int(path.removeprefix("/feeds/").removesuffix(".xml"))
            return world.feeds[number], "application/rss+xml", f'"feed-{number}-1"'

        with (
            tempfile.TemporaryDirectory(prefix="http-floor-") as folder,
            SlowHosts(HOSTS, args.latency, documents) as hosts,
        ):
            client, urls = Path(folder) / "client.py", Path(folder) / "urls.txt"
            limits = [str(CONCURRENCY), str(PER_HOST)]
            client.write_text(CLIENT)
            urls.write_text("\n".join(hosts.url(n, f"/feeds/{n}.xml") for n in range(feeds)))
            walls = {
                kind: statistics.median(
                    timed([sys.executable, str(client), str(urls), kind, *limits], environment())[0]
                    for _ in range(args.repeats)
                )
                for kind in ("first", "rerun")
            }
        ideal = -(-feeds // CONCURRENCY) * args.latency
        print(f"{feeds:5d} {ideal:5.2f}s {walls['first']:16.3f}s {walls['rerun']:16.3f}s {1.1 * ideal + start:10.3f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
