"""The gather stage: each source type's parser against recorded documents written for the
project (paired with their expected parse), and the HTTP client's behaviour with respx."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
import respx
from conftest import DEMO_DATA, FIXTURES

from scrapers import SOURCE_TYPES, gather
from scrapers.source_type import Document, ParseError
from scrapers.urls import canonical_url
from seasonwatch.models import FetchSettings, HttpValidators, SourceSpec, SourceStatus

FETCHED_AT = datetime(2026, 1, 1, tzinfo=UTC)


def document(path: Path, url: str, content_type: str = "") -> Document:
    headers = {"content-type": content_type} if content_type else {}
    return Document(url=url, body=path.read_bytes(), headers=headers, fetched_at=FETCHED_AT)


@pytest.mark.parametrize("name", ["rss2_basic.rss", "atom_basic.atom", "jsonfeed_basic.json", "rss1_rdf.xml"])
def test_feed_parses_as_expected(name):
    path = FIXTURES / "feeds" / name
    expected = json.loads(path.with_name(path.name.rsplit(".", 1)[0] + ".expected.json").read_text(encoding="utf-8"))
    spec = SourceSpec(
        "Fixture", "feed", "https://fixture.example/feed", options={"url": "https://fixture.example/feed"}
    )
    updates = SOURCE_TYPES["feed"].parse(spec, document(path, "https://fixture.example/feed.xml")).updates
    got = [
        {
            "title": u.title,
            "url": u.url,
            "canonical_url": u.canonical_url,
            "guid": u.guid,
            "published": u.published.isoformat() if u.published else None,
            "summary": u.summary,
        }
        for u in updates
    ]
    assert got == expected


def test_feed_html_is_sanitized():
    spec = SourceSpec(
        "Fixture", "feed", "https://fixture.example/feed", options={"url": "https://fixture.example/feed"}
    )
    update = (
        SOURCE_TYPES["feed"]
        .parse(spec, document(FIXTURES / "feeds" / "rss2_basic.rss", "https://fixture.example/feed.xml"))
        .updates[0]
    )
    assert "<b>renewed</b>" in update.html
    for bad in ("script", "onclick", "javascript:"):
        assert bad not in update.html


def test_not_a_feed_fails_loudly():
    spec = SourceSpec("Fixture", "feed", "https://x.example/", options={"url": "https://x.example/"})
    with pytest.raises(ParseError):
        SOURCE_TYPES["feed"].parse(
            spec, Document("https://x.example/", b"<html><body>Hello</body></html>", {}, FETCHED_AT)
        )


def test_listing_page_with_selectors_resolves_links():
    options = {
        "url": "http://127.0.0.1/telly-times/news.html",
        "item": "article.teaser",
        "title": "h2 a",
        "link": "h2 a@href",
        "summary": "p.dek",
        "date": "time@datetime",
    }
    spec = SourceSpec("Telly Times", "html", options["url"], options=options)
    updates = (
        SOURCE_TYPES["html"]
        .parse(spec, document(DEMO_DATA / "day1" / "telly-times" / "news.html", options["url"]))
        .updates
    )
    assert [u.title for u in updates][:2] == [
        "Jessica Jones season 2: Netflix shares a first teaser and a March 8 date",
        "J.R. Ramirez cast as Oscar Arocho in Jessica Jones season 2",
    ]
    assert updates[0].url == "http://127.0.0.1/2018/01/jessica-jones-teaser-march-date"
    assert updates[0].published == datetime(2018, 1, 17, 17, 20, tzinfo=UTC)


def test_listing_selector_that_matches_nothing_fails_with_the_reason():
    options = {
        "url": "http://127.0.0.1/x",
        "item": "div.story",
        "title": "h2",
        "link": "a@href",
        "summary": "",
        "date": "",
    }
    spec = SourceSpec("Telly Times", "html", options["url"], options=options)
    with pytest.raises(ParseError, match="matched nothing"):
        SOURCE_TYPES["html"].parse(spec, document(DEMO_DATA / "day1" / "telly-times" / "news.html", options["url"]))


def test_tvmaze_facts():
    spec = SourceSpec(
        "TVmaze",
        "tvmaze",
        "https://api.tvmaze.com/shows/1370",
        ("Jessica Jones",),
        {"url": "https://api.tvmaze.com/shows/1370", "show": "Jessica Jones"},
    )
    facts = {
        (o.fact.kind, o.fact.season, o.fact.subject): o.fact.value
        for o in SOURCE_TYPES["tvmaze"]
        .parse(spec, document(DEMO_DATA / "day2" / "shows" / "1370.json", spec.url))
        .observations
    }
    assert facts[("premiere", 2, "")] == "2018-03-08"
    assert facts[("episodes", 2, "")] == "10"  # TVmaze lists fewer than the outlets report: the demo's conflict
    assert facts[("network", None, "")] == "Netflix"
    assert facts[("cast", None, "Krysten Ritter")] == "Jessica Jones"
    assert SOURCE_TYPES["tvmaze"].request_url(spec) == "https://api.tvmaze.com/shows/1370?embed[]=seasons&embed[]=cast"


def test_wikipedia_facts():
    options = {"api": "https://en.wikipedia.org/w/api.php", "page": "The Expanse (TV series)", "show": "The Expanse"}
    spec = SourceSpec("Wikipedia", "wikipedia", options["api"], ("The Expanse",), options)
    observations = (
        SOURCE_TYPES["wikipedia"]
        .parse(spec, document(DEMO_DATA / "day2" / "w" / "api.php.json", options["api"]))
        .observations
    )
    facts = {(o.fact.kind, o.fact.season, o.fact.subject): o.fact.value for o in observations}
    assert facts[("premiere", 3, "")] == "2018-04-11"
    assert facts[("premiere", 1, "")] == "2015-12-14"
    assert facts[("renewal", 3, "")] == "renewed"
    assert facts[("network", None, "")] == "Syfy"
    assert facts[("cast", None, "Shohreh Aghdashloo")] == "Chrisjen Avasarala"
    assert observations[0].source_url == "https://en.wikipedia.org/wiki/The_Expanse_%28TV_series%29"


def test_canonical_url_drops_tracking_and_noise():
    assert (
        canonical_url("HTTPS://WWW.Example.com:443/a/b/?utm_source=x&b=2&a=1&fbclid=z#top")
        == "https://example.com/a/b?a=1&b=2"
    )
    assert canonical_url("http://example.com") == "http://example.com/"


# ---------------------------------------------------------------------------- HTTP, with respx

SETTINGS = FetchSettings(concurrency=4, per_host=2, timeout=2.0, retries=2, max_bytes=10_000, respect_robots=True)
FEED = (FIXTURES / "feeds" / "rss2_basic.rss").read_bytes()


def feed_source(name: str, url: str) -> SourceSpec:
    return SourceSpec(name, "feed", url, options={"url": url})


@respx.mock
def test_conditional_get_sends_validators_and_304_parses_nothing():
    respx.get("https://a.example/robots.txt").respond(404)
    route = respx.get("https://a.example/feed").respond(304)
    spec = feed_source("A", "https://a.example/feed")
    validators = {"A\x1fhttps://a.example/feed": HttpValidators('"v1"', "Wed, 01 Jan 2025 00:00:00 GMT")}
    gathered = asyncio.run(gather([spec], SETTINGS, validators))
    request = route.calls.last.request
    assert request.headers["If-None-Match"] == '"v1"'
    assert request.headers["If-Modified-Since"] == "Wed, 01 Jan 2025 00:00:00 GMT"
    assert gathered.reports[0].status == SourceStatus.NOT_MODIFIED
    assert gathered.updates == [] and gathered.validators == {}


@respx.mock
def test_one_broken_source_never_stops_the_others():
    respx.get("https://a.example/robots.txt").respond(404)
    respx.get("https://b.example/robots.txt").respond(404)
    respx.get("https://a.example/feed").respond(200, content=FEED)
    respx.get("https://b.example/feed").mock(side_effect=httpx.ConnectError("connection refused"))
    gathered = asyncio.run(
        gather([feed_source("A", "https://a.example/feed"), feed_source("B", "https://b.example/feed")], SETTINGS)
    )
    status = {r.source: (r.status, r.detail) for r in gathered.reports}
    assert status["A"][0] == SourceStatus.OK
    assert status["B"][0] == SourceStatus.FAILED and "cannot connect" in status["B"][1]
