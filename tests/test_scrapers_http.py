"""The HTTP client at unit level (respx): retries, Retry-After, redirects, robots.txt rules,
compression and the reasons a user reads when a source fails."""

from __future__ import annotations

import asyncio
import dataclasses
import gzip
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import httpx
import pytest
import respx
from conftest import FIXTURES

from scrapers import gather
from scrapers import http as scrapers_http
from scrapers.robots import parse_robots
from seasonwatch.models import FetchSettings, SourceSpec, SourceStatus

SETTINGS = FetchSettings(concurrency=4, per_host=2, timeout=2.0, retries=2, max_bytes=10_000, respect_robots=False)
FEED = (FIXTURES / "feeds" / "rss2_basic.rss").read_bytes()
URL = "https://a.example/feed"


@pytest.fixture
def waits(monkeypatch):
    """The pauses the client asked for, without waiting them out."""
    asked: list[float] = []
    real_sleep = asyncio.sleep

    async def sleep(seconds: float, *args, **kwargs):
        asked.append(seconds)
        await real_sleep(0)

    monkeypatch.setattr(scrapers_http.asyncio, "sleep", sleep)
    return asked


def encoded(raw: bytes) -> httpx.Response:
    """A gzip-encoded response as the wire carries it (not decoded ahead of the client)."""
    return httpx.Response(200, headers={"Content-Encoding": "gzip"}, stream=httpx.ByteStream(raw))


def one(settings: FetchSettings = SETTINGS, url: str = URL):
    gathered = asyncio.run(gather([SourceSpec("A", "feed", url, options={"url": url})], settings))
    return gathered.reports[0], gathered


@respx.mock
def test_retry_after_seconds_is_waited_for(waits):
    respx.get(URL).mock(
        side_effect=[httpx.Response(429, headers={"Retry-After": "7"}), httpx.Response(200, content=FEED)]
    )
    report, gathered = one()
    assert report.status == SourceStatus.OK and len(gathered.updates) == 2
    assert waits == [7.0]


@respx.mock
def test_retry_after_as_a_date_is_waited_for(waits):
    when = format_datetime(datetime.now(UTC) + timedelta(seconds=30), usegmt=True)
    respx.get(URL).mock(
        side_effect=[httpx.Response(503, headers={"Retry-After": when}), httpx.Response(200, content=FEED)]
    )
    assert one()[0].status == SourceStatus.OK
    assert 25 < waits[0] <= 30


@respx.mock
def test_a_retry_after_longer_than_a_run_waits_is_reported_not_waited(waits):
    route = respx.get(URL).respond(503, headers={"Retry-After": "3600"})
    report, _ = one()
    assert report.status == SourceStatus.FAILED
    assert report.detail == (
        "HTTP 503 Service Unavailable; the server asks to wait 3600 s before retrying, longer than we wait in a run"
    )
    assert route.call_count == 1 and waits == []


@respx.mock
def test_server_errors_are_retried_with_growing_backoff_then_reported(waits):
    route = respx.get(URL).respond(502)
    report, _ = one()
    assert route.call_count == 3
    assert report.detail == "HTTP 502 Bad Gateway after 3 attempts"
    assert len(waits) == 2 and 0.25 <= waits[0] < 0.75 and 0.5 <= waits[1] < 1.5  # 0.5 s, 1 s, with jitter


@respx.mock
def test_network_errors_are_retried(waits):
    respx.get(URL).mock(side_effect=[httpx.ReadError("reset"), httpx.Response(200, content=FEED)])
    assert one()[0].status == SourceStatus.OK
    assert len(waits) == 1


@respx.mock
def test_client_errors_are_not_retried(waits):
    route = respx.get(URL).respond(404)
    report, _ = one()
    assert report.detail == "HTTP 404 Not Found" and route.call_count == 1


@respx.mock
def test_dead_host_reason_names_the_host(waits):
    respx.get(URL).mock(side_effect=httpx.ConnectError("[Errno 111] Connection refused"))
    report, _ = one()
    assert report.detail == "cannot connect to a.example: connection refused (3 attempts)"


@respx.mock
def test_too_many_redirects_lists_the_chain():
    for i in range(7):
        respx.get(f"https://a.example/{i}").respond(302, headers={"Location": f"/{i + 1}"})
    report, _ = one(url="https://a.example/0")
    assert report.detail.startswith("more than 5 redirects (max_redirects): https://a.example/0 → https://a.example/1")
    assert report.detail.endswith("https://a.example/5 → https://a.example/6")


@respx.mock
def test_redirect_without_location_or_to_another_scheme_is_named():
    respx.get("https://a.example/nowhere").respond(301)
    respx.get("https://a.example/ftp").respond(301, headers={"Location": "ftp://a.example/feed"})
    assert one(url="https://a.example/nowhere")[0].detail == (
        "HTTP 301 redirect from https://a.example/nowhere without a Location header"
    )
    assert one(url="https://a.example/ftp")[0].detail == (
        "redirected to 'ftp://a.example/feed', which is not an http(s) address"
    )


@respx.mock
def test_corrupt_compressed_body_is_a_readable_failure():
    respx.get(URL).mock(return_value=encoded(b"this is not gzip"))
    report, _ = one()
    assert report.status == SourceStatus.FAILED
    assert report.detail.startswith("the response from a.example could not be decompressed")


@respx.mock
def test_the_size_cap_applies_to_decompressed_bytes():
    bomb = gzip.compress(b"<rss>" + b" " * 5_000_000)  # 5 MB of spaces in a few kilobytes
    respx.get(URL).mock(return_value=encoded(bomb))
    report, _ = one()
    assert report.status == SourceStatus.FAILED and "larger than max_bytes (10,000 bytes)" in report.detail


@respx.mock
def test_robots_txt_that_fails_with_5xx_stops_the_host():
    respx.get("https://a.example/robots.txt").respond(503)
    feed = respx.get(URL).respond(200, content=FEED)
    report, _ = one(dataclasses.replace(SETTINGS, respect_robots=True))
    assert report.detail == (
        "robots.txt of https://a.example answered HTTP 503 Service Unavailable; "
        "until it can be read, nothing there may be fetched (RFC 9309)"
    )
    assert not feed.called


@respx.mock
def test_missing_robots_txt_allows_everything():
    respx.get("https://a.example/robots.txt").respond(404)
    respx.get(URL).respond(200, content=FEED)
    report, _ = one(dataclasses.replace(SETTINGS, respect_robots=True))
    assert report.status == SourceStatus.OK


USER_AGENT = "SeasonWatch/1.0 (+https://example.org/seasonwatch/)"


@pytest.mark.parametrize(
    ("robots_txt", "path", "allowed"),
    [
        ("User-agent: *\nDisallow: /\nAllow: /feed/\n", "/feed/rss", True),  # longest rule wins
        ("User-agent: *\nDisallow: /\nAllow: /feed/\n", "/news", False),
        ("User-agent: *\nAllow: /p\nDisallow: /p\n", "/page", True),  # Allow wins a tie
        ("User-agent: *\nDisallow: /*.php$\n", "/index.php", False),  # wildcards and end anchor
        ("User-agent: *\nDisallow: /*.php$\n", "/index.php?x=1", True),
        ("User-agent: seasonwatch\nDisallow: /feed\n\nUser-agent: *\nDisallow:\n", "/feed", False),  # our group
        ("User-agent: SeasonWatch\nDisallow:\n\nUser-agent: *\nDisallow: /\n", "/feed", True),  # ours overrides *
        ("User-agent: Googlebot\nDisallow: /\n", "/feed", True),  # someone else's group
        ("User-agent: a\nUser-agent: seasonwatch\nDisallow: /x\n", "/x/feed", False),  # groups share rules
        ("# comment\nUser-agent: * # all\nDisallow: /private # no\n", "/private/feed", False),
        ("User-agent: *\nDisallow: /\n", "/robots.txt", True),
        ("User-agent: *\nDisallow: /caf%C3%A9\n", "/café/feed", False),  # percent-encoding compared decoded
    ],
)
def test_robots_rules_follow_rfc_9309(robots_txt, path, allowed):
    rules = parse_robots(robots_txt, USER_AGENT)
    assert (rules.blocking_rule(f"https://a.example{path}") is None) == allowed


PUBLIC = {"outlet.example": ["93.184.216.34"], "cdn.example": ["151.101.1.1"], "intranet.example": ["10.0.0.5"]}


@pytest.fixture
def dns(monkeypatch):
    """Names resolved from a table, never through the network."""

    async def resolve(host: str) -> list[str]:
        if host in PUBLIC:
            return PUBLIC[host]
        return await real_resolve(host)  # addresses and localhost, which need no lookup

    real_resolve = scrapers_http.resolve
    monkeypatch.setattr(scrapers_http, "resolve", resolve)


@pytest.mark.parametrize(
    ("target", "why"),
    [
        ("http://127.0.0.1:8080/admin", "127.0.0.1 is a loopback address (127.0.0.1)"),
        ("http://localhost/server-status", "localhost is a loopback address (127.0.0.1)"),
        ("http://169.254.169.254/latest/meta-data/", "169.254.169.254 is a link-local address (169.254.169.254)"),
        ("http://intranet.example/wiki", "intranet.example is a private address (10.0.0.5)"),
        ("http://[::ffff:192.168.1.1]/", "::ffff:192.168.1.1 is a private address (192.168.1.1)"),
    ],
)
@respx.mock
def test_a_public_source_may_not_redirect_inward(dns, target, why):
    respx.get("https://outlet.example/feed").respond(302, headers={"Location": target})
    inside = respx.get(target).respond(200, content=FEED)
    report, _ = one(url="https://outlet.example/feed")
    assert report.status == SourceStatus.FAILED
    assert report.detail == (
        f"redirect from https://outlet.example/feed to {target} refused: {why}, "
        "and a public source may not point at internal addresses"
    )
    assert not inside.called


@respx.mock
def test_public_to_public_and_internal_to_internal_redirects_are_followed(dns):
    respx.get("https://outlet.example/feed").respond(301, headers={"Location": "https://cdn.example/feed"})
    respx.get("https://cdn.example/feed").respond(200, content=FEED)
    respx.get("http://intranet.example/feed").respond(302, headers={"Location": "http://127.0.0.1:8080/feed"})
    respx.get("http://127.0.0.1:8080/feed").respond(200, content=FEED)
    assert one(url="https://outlet.example/feed")[0].status == SourceStatus.OK
    assert one(url="http://intranet.example/feed")[0].status == SourceStatus.OK


def test_the_tls_context_built_ahead_still_checks_certificates_and_names():
    import ssl

    from scrapers import http

    http.prepare_tls_context()
    context = http.tls_context()
    assert context is http.tls_context()  # one per process, built once
    assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname
