"""How long gathering N feed sources takes when every answer arrives after L seconds.

With a global limit of C requests in flight, the ideal is ceil(N/C) * L: requests go out in
waves of C, each wave waiting out the latency once. This starts loopback servers that answer
after L seconds (one loopback address per host, so the per-host limit does not bind unless asked), runs
the HTTP client alone ("fetch") and the whole gather stage ("gather": fetch, parse, report) over
them, and prints both against the ideal. The difference is parsing, which is CPU work that the
GIL serializes (about 5 ms for a 20-item RSS feed with feedparser).

    python bench/fetch_bench.py                      # the default sweep
    python bench/fetch_bench.py -n 200 -l 0.1 -c 16  # one case
    python bench/fetch_bench.py --robots             # also fetch robots.txt (one more wave per host)
"""

from __future__ import annotations

import argparse
import asyncio
import math
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.slow_hosts import SlowHosts
from scrapers import gather
from scrapers.http import HttpClient
from seasonwatch.models import FetchSettings, SourceSpec, SourceStatus

FEED = (
    '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Bench</title>'
    + "".join(
        f"<item><title>Story {i}</title><link>https://bench.example/{i}</link>"
        f"<pubDate>Tue, 06 Mar 2018 15:00:00 -0500</pubDate><description>Teaser {i}</description></item>"
        for i in range(20)
    )
    + "</channel></rss>"
).encode()
DEFAULT_SWEEP = [(64, 0.2, 8), (64, 0.2, 16), (64, 0.2, 64), (200, 0.1, 16), (100, 0.5, 25)]


def _document(path: str) -> tuple[bytes, str, str] | None:
    return None if path == "/robots.txt" else (FEED, "application/rss+xml", "")


def measure(
    sources: int, latency: float, concurrency: int, hosts: int | None, robots: bool
) -> tuple[float, float, int]:
    """Seconds for the HTTP client alone, seconds for the whole gather stage, sources read."""
    hosts = hosts or sources
    settings = FetchSettings(
        concurrency=concurrency, per_host=concurrency, timeout=60, retries=0, respect_robots=robots
    )
    with SlowHosts(hosts, latency, _document) as servers:
        urls = [servers.url(i, f"/feed{i}") for i in range(sources)]

        async def fetch_all() -> None:
            async with HttpClient(settings) as http:
                await asyncio.gather(*(http.fetch_conditionally(url) for url in urls))

        started = time.perf_counter()
        asyncio.run(fetch_all())
        fetched = time.perf_counter() - started

        specs = [SourceSpec(f"S{i}", "feed", url, options={"url": url}) for i, url in enumerate(urls)]
        started = time.perf_counter()
        gathered = asyncio.run(gather(specs, settings))
        whole = time.perf_counter() - started
    return fetched, whole, sum(r.status == SourceStatus.OK for r in gathered.reports)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--sources", type=int, help="sources to fetch")
    parser.add_argument("-l", "--latency", type=float, help="seconds before each answer")
    parser.add_argument("-c", "--concurrency", type=int, help="fetch.concurrency")
    parser.add_argument("--hosts", type=int, help="spread the sources over this many hosts (default: one each)")
    parser.add_argument("--robots", action="store_true", help="respect_robots = true (robots.txt answers 404)")
    args = parser.parse_args()
    cases = [(args.sources, args.latency, args.concurrency)] if args.sources else DEFAULT_SWEEP
    print(
        f"{'N':>5} {'L (s)':>6} {'C':>4} {'ideal ceil(N/C)*L':>18} {'fetch':>7} {'ratio':>6} {'gather':>7} {'ratio':>6} {'ok':>5}"
    )
    for sources, latency, concurrency in cases:
        # with --robots, each host's robots.txt is one more request, sent before its feeds
        robots_waves = math.ceil(min(sources, args.hosts or sources) / concurrency) if args.robots else 0
        ideal = (math.ceil(sources / concurrency) + robots_waves) * latency
        fetched, whole, ok = measure(sources, latency, concurrency, args.hosts, args.robots)
        print(
            f"{sources:>5} {latency:>6.2f} {concurrency:>4} {ideal:>17.2f}s "
            f"{fetched:>6.2f}s {fetched / ideal:>6.2f} {whole:>6.2f}s {whole / ideal:>6.2f} {ok:>5}"
        )


if __name__ == "__main__":
    main()
