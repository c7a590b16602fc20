"""The gather stage end to end against real HTTP servers on 127.0.0.1: caching, limits,
slow and dead hosts, redirects, robots.txt, size caps, compression."""

from __future__ import annotations

import asyncio
import dataclasses
import gzip
import hashlib
import threading
from collections.abc import Callable

import pytest
from conftest import FIXTURES
from loopback import Host, InFlight, Reply, dead_url

import scrapers
from scrapers import gather
from scrapers.parsing import ParsePool
from seasonwatch.models import FetchSettings, SourceReport, SourceSpec, SourceStatus

FEED = (FIXTURES / "feeds" / "rss2_basic.rss").read_bytes()
SETTINGS = FetchSettings(concurrency=8, per_host=2, timeout=5.0, retries=0, max_bytes=100_000)


def feed(name: str, url: str) -> SourceSpec:
    return SourceSpec(name, "feed", url, options={"url": url})


def run(sources: list[SourceSpec], settings: FetchSettings = SETTINGS, validators=None, on_report=None):
    return asyncio.run(gather(sources, settings, validators, on_report=on_report))


def with_etag(body: bytes) -> Callable[[dict[str, str]], Reply]:
    """Answers 304 to a request that names the current ETag, as real outlets do."""
    etag = '"' + hashlib.sha256(body).hexdigest()[:12] + '"'

    def reply(headers: dict[str, str]) -> Reply:
        if headers.get("if-none-match") == etag:
            return Reply(304, headers={"ETag": etag})
        return Reply(200, body, {"ETag": etag, "Content-Type": "application/rss+xml; charset=utf-8"})

    return reply


@pytest.fixture
def count_parses(monkeypatch):
    """Which sources' documents were handed to the parser processes."""
    calls: list[str] = []
    original = ParsePool.read

    async def counting(self, spec, document):
        calls.append(spec.name)
        return await original(self, spec, document)

    monkeypatch.setattr(ParsePool, "read", counting)
    return calls


def test_unchanged_rerun_is_answered_304_and_nothing_is_parsed(count_parses):
    with Host() as host:
        spec = feed("Outlet", host.route("/feed", with_etag(FEED)))
        first = run([spec])
        assert first.reports[0].status == SourceStatus.OK and len(first.updates) == 2
        assert count_parses == ["Outlet"]

        second = run([spec], validators=first.validators)
        assert second.reports[0].status == SourceStatus.NOT_MODIFIED
        assert second.updates == [] and second.validators == {}
        assert count_parses == ["Outlet"]  # not parsed again
        assert host.requests[-1][1]["if-none-match"] == first.validators[scrapers.validator_key(spec)].etag


def test_an_unchanged_rerun_asks_every_source_of_a_host_over_one_connection():
    with Host() as host:
        specs = [feed(f"Outlet {n}", host.route(f"/feed{n}", with_etag(FEED))) for n in range(6)]
        settings = dataclasses.replace(SETTINGS, per_host=1)
        first = run(specs, settings)
        asked = len(host.requests)
        second = run(specs, settings, validators=first.validators)
        assert {r.status for r in second.reports} == {SourceStatus.NOT_MODIFIED}
        feeds = [peer for (path, _), peer in zip(host.requests[asked:], host.peers[asked:], strict=True) if path != "/robots.txt"]
        assert len(feeds) == 6 and len(set(feeds)) == 1  # each 304 leaves it open for the next


def test_per_host_limit_holds_under_load():
    with Host() as host:
        sources = [feed(f"S{i}", host.route(f"/feed{i}", Reply(body=FEED, delay=0.15))) for i in range(12)]
        gathered = run(sources, dataclasses.replace(SETTINGS, per_host=3, concurrency=16))
    assert all(r.status == SourceStatus.OK for r in gathered.reports)
    assert host.in_flight.most == 3  # used, and never exceeded


def test_global_limit_holds_across_hosts():
    everyone = InFlight()
    hosts = [Host(everyone) for _ in range(4)]
    for host in hosts:
        host.__enter__()
    try:
        sources = [
            feed(f"S{h}-{i}", host.route(f"/feed{i}", Reply(body=FEED, delay=0.15)))
            for h, host in enumerate(hosts)
            for i in range(4)
        ]
        gathered = run(sources, dataclasses.replace(SETTINGS, per_host=4, concurrency=5))
    finally:
        for host in hosts:
            host.__exit__()
    assert all(r.status == SourceStatus.OK for r in gathered.reports)
    assert everyone.most == 5


def test_a_busy_host_does_not_hold_global_slots_other_hosts_need():
    """Sources queued for a host at its per-host limit must not sit on global slots meanwhile:
    the busy host's first request is answered only once the other host has been asked."""
    other_asked = threading.Event()
    waited: list[bool] = []

    def busy_reply(headers: dict[str, str]) -> Reply:
        waited.append(other_asked.wait(timeout=3))  # False: the other host was kept waiting
        return Reply(body=FEED)

    def other_reply(headers: dict[str, str]) -> Reply:
        other_asked.set()
        return Reply(body=FEED)

    everyone = InFlight()
    with Host(everyone) as busy, Host(everyone) as other:
        sources = [feed(f"Busy {i}", busy.route(f"/feed{i}", busy_reply)) for i in range(4)]
        sources.append(feed("Other", other.route("/feed", other_reply)))
        settings = dataclasses.replace(SETTINGS, concurrency=2, per_host=1, timeout=20.0, respect_robots=False)
        gathered = run(sources, settings)
    assert all(r.status == SourceStatus.OK for r in gathered.reports)
    assert waited == [True] * 4
    assert busy.in_flight.most == 1 and everyone.most <= 2


def test_slow_and_dead_hosts_do_not_hold_up_healthy_ones():
    finished: list[SourceReport] = []
    with Host() as healthy, Host() as slow:
        slow.route("/feed", Reply(hang=True))
        sources = [
            feed("Slow", slow.url("/feed")),
            feed("Dead", dead_url()),
            *(feed(f"Healthy {i}", healthy.route(f"/feed{i}", Reply(body=FEED))) for i in range(4)),
        ]
        settings = dataclasses.replace(SETTINGS, timeout=2.0, respect_robots=False, per_host=4)
        gathered = run(sources, settings, on_report=finished.append)
    order = [r.source for r in finished]
    status = {r.source: r for r in gathered.reports}
    # every healthy source was done before the slow host's own timeout ran out
    assert order.index("Slow") > max(order.index(f"Healthy {i}") for i in range(4))
    assert all(status[f"Healthy {i}"].status == SourceStatus.OK for i in range(4))
    assert "no complete answer within 2 s" in status["Slow"].detail
    assert status["Dead"].status == SourceStatus.FAILED and "cannot connect" in status["Dead"].detail


def test_a_slow_robots_txt_costs_its_host_one_timeout_and_names_the_cause():
    with Host() as slow:
        slow.route("/robots.txt", Reply(hang=True))
        slow.route("/a", Reply(body=FEED))
        slow.route("/b", Reply(body=FEED))
        gathered = run(
            [feed("A", slow.url("/a")), feed("B", slow.url("/b"))], dataclasses.replace(SETTINGS, timeout=1.0)
        )
    assert slow.paths() == ["/robots.txt"]  # asked once for both sources, then nothing else
    for report in gathered.reports:
        assert report.status == SourceStatus.FAILED
        host = slow.base_url.removeprefix("http://")
        assert (
            report.detail == f"{host} sent no complete answer within 1 s (while asking for {slow.base_url}/robots.txt)"
        )


def test_robots_txt_is_fetched_once_per_host_and_obeyed():
    with Host() as host:
        host.route("/robots.txt", Reply(body=b"User-agent: *\nDisallow: /\nAllow: /feeds/\n"))
        allowed = feed("Allowed", host.route("/feeds/main", Reply(body=FEED)))
        also = feed("Also allowed", host.route("/feeds/other", Reply(body=FEED)))
        blocked = feed("Blocked", host.route("/private/feed", Reply(body=FEED)))
        gathered = run([allowed, also, blocked])
    status = {r.source: r for r in gathered.reports}
    assert status["Allowed"].status == status["Also allowed"].status == SourceStatus.OK
    assert status["Blocked"].status == SourceStatus.FAILED
    assert "does not allow /private/feed" in status["Blocked"].detail and "Disallow: /" in status["Blocked"].detail
    assert host.paths().count("/robots.txt") == 1
    assert "/private/feed" not in host.paths()
    assert all(headers["user-agent"] == SETTINGS.user_agent for _, headers in host.requests)


def test_robots_txt_of_a_redirect_target_is_obeyed():
    with Host() as origin, Host() as elsewhere:
        elsewhere.route("/robots.txt", Reply(body=b"User-agent: SeasonWatch\nDisallow: /feed\n"))
        elsewhere.route("/feed", Reply(body=FEED))
        origin.route("/feed", Reply(301, headers={"Location": elsewhere.url("/feed")}))
        gathered = run([feed("Moved", origin.url("/feed"))])
    assert gathered.reports[0].status == SourceStatus.FAILED
    assert f"robots.txt of {elsewhere.base_url} does not allow /feed" in gathered.reports[0].detail
    assert "/feed" not in elsewhere.paths()


def test_redirects_are_followed_and_a_loop_is_named():
    with Host() as host:
        host.route("/old", Reply(308, headers={"Location": "/new"}))
        host.route("/new", Reply(body=FEED))
        host.route("/a", Reply(302, headers={"Location": "/b"}))
        host.route("/b", Reply(302, headers={"Location": "/a"}))
        gathered = run([feed("Moved", host.url("/old")), feed("Loop", host.url("/a"))])
    status = {r.source: r for r in gathered.reports}
    assert status["Moved"].status == SourceStatus.OK and len(gathered.updates) == 2
    assert status["Loop"].status == SourceStatus.FAILED
    assert status["Loop"].detail == f"redirect loop: {host.url('/a')} → {host.url('/b')} → {host.url('/a')}"


def test_oversized_body_is_cut_reported_and_what_arrived_is_kept():
    padding = b"<!--" + b"x" * 200_000 + b"-->"
    big = FEED.replace(b"</item>", b"</item>" + padding, 1)
    with Host() as host:
        spec = feed("Big", host.route("/feed", Reply(body=big, headers={"ETag": '"big"'})))
        gathered = run([spec])
    report = gathered.reports[0]
    assert report.status == SourceStatus.FAILED
    assert "larger than max_bytes (100,000 bytes)" in report.detail and "(1 item read)" in report.detail
    assert [u.title for u in gathered.updates] == ["Night Shift & Co. renewed for a third season"]
    assert gathered.validators == {}  # fetched whole again next time


def test_compressed_bodies_are_read():
    with Host() as host:
        encoded = feed(
            "Encoded", host.route("/enc", Reply(body=gzip.compress(FEED), headers={"Content-Encoding": "gzip"}))
        )
        as_file = feed(
            "As a file",
            host.route("/feed.gz", Reply(body=gzip.compress(FEED), headers={"Content-Type": "application/gzip"})),
        )
        gathered = run([encoded, as_file])
    assert [r.status for r in gathered.reports] == [SourceStatus.OK, SourceStatus.OK]
    assert len(gathered.updates) == 4
    assert "gzip" in host.requests[-1][1]["accept-encoding"]


def test_retry_after_is_honoured_then_the_feed_is_read():
    answers = iter([Reply(503, headers={"Retry-After": "1"}), Reply(body=FEED)])
    with Host() as host:
        spec = feed("Busy", host.route("/feed", lambda headers: next(answers)))
        gathered = run([spec], dataclasses.replace(SETTINGS, retries=1))
    assert gathered.reports[0].status == SourceStatus.OK
    assert host.paths().count("/feed") == 2


def test_a_listing_that_loses_links_is_reported_and_its_complete_items_kept():
    page = (
        b"<html><body><article><h2>Kept</h2><a href='/kept'>read</a></article>"
        b"<article><h2>Lost</h2></article></body></html>"
    )
    with Host() as host:
        url = host.route("/news", Reply(body=page, headers={"Content-Type": "text/html; charset=utf-8"}))
        options = {"url": url, "item": "article", "title": "h2", "link": "a@href"}
        gathered = run([SourceSpec("Listing", "html", url, options=options)])
    report = gathered.reports[0]
    assert report.status == SourceStatus.FAILED and report.items == 1
    assert report.detail == "of the 2 items matched by 'article', 1 has no link ('a@href' found nothing) (1 item read)"
    assert [u.url for u in gathered.updates] == [host.url("/kept")]
