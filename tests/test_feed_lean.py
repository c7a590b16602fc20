"""The lean reader (plain RSS 2.0 and Atom 1.0 through lxml alone) reads what it takes exactly as
feedparser does, and leaves to feedparser every document it is not sure of."""

from __future__ import annotations

import gzip
from datetime import UTC, datetime
from pathlib import Path

import pytest
from conftest import CORPUS

from scrapers import feed
from scrapers.feed_lean import lean_entries
from scrapers.source_type import Document, ParseError
from scrapers.xml_text import feed_xml
from seasonwatch.models import SourceSpec

SPEC = SourceSpec("Outlet", "feed", "https://outlet.example/feed", options={"url": "https://outlet.example/feed"})
FIXTURES = Path(__file__).parent / "fixtures" / "feeds"


def _both(body: bytes, monkeypatch: pytest.MonkeyPatch) -> tuple[object, object]:
    document = Document(url=SPEC.options["url"], body=body, headers={}, fetched_at=datetime(2026, 1, 1, tzinfo=UTC))
    outcomes = []
    for lean in (True, False):
        monkeypatch.setattr(feed, "LEAN", lean)
        try:
            parsed = feed.parse(SPEC, document)
            outcomes.append((parsed.updates, dict(parsed.skipped)))
        except ParseError as exc:
            outcomes.append(str(exc))
    return outcomes[0], outcomes[1]


def _rss(item: str, channel: str = "") -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Outlet</title>'
        f"<link>https://outlet.example/</link>{channel}<item>{item}</item></channel></rss>"
    ).encode()


PLAIN = (
    "<title>Hollow Creek &amp; friends: season 2 premieres March 8</title>"
    "<link>https://outlet.example/news/1</link><guid isPermaLink='false'>hc-1</guid>"
    "<pubDate>Tue, 06 Mar 2018 15:00:00 -0500</pubDate>"
    "<description><![CDATA[<p>The <b>second</b> season arrives in spring.</p>]]></description>"
    "<dc:creator xmlns:dc='http://purl.org/dc/elements/1.1/'>Ines Varga</dc:creator>"
)


def test_a_plain_feed_is_read_lean_and_as_feedparser_reads_it(monkeypatch: pytest.MonkeyPatch) -> None:
    body = _rss(PLAIN)
    assert lean_entries(feed_xml(body)) is not None
    lean, full = _both(body, monkeypatch)
    assert lean == full
    update = lean[0][0]
    assert update.title == "Hollow Creek & friends: season 2 premieres March 8"
    assert update.author == "Ines Varga" and update.guid == "hc-1"
    assert update.published == datetime(2018, 3, 6, 20, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    "body",
    [
        _rss(PLAIN.replace("Tue, 06 Mar 2018 15:00:00 -0500", "2018-03-06 15:00")),  # no zone: the feed's own
        _rss(PLAIN.replace("https://outlet.example/news/1", "/news/1")),  # relative: resolved by feedparser
        _rss(PLAIN.replace("Hollow Creek &amp; friends", "Hollow <b>Creek</b>")),  # markup inside a field
        _rss(PLAIN + "<itunes:summary xmlns:itunes='http://www.itunes.com/dtds/podcast-1.0.dtd'>x</itunes:summary>"),
        _rss(PLAIN + "<author>ines@outlet.example (Ines Varga)</author>"),
        _rss(PLAIN + "<title>A second title</title>"),
        _rss(PLAIN).replace(b'version="2.0"', b'version="0.90"'),
        _rss(PLAIN)[:-30],  # cut short: not well-formed
        b'<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>',
    ],
    ids=["zone-less date", "relative link", "markup", "itunes", "author address", "two titles", "rss 0.90", "cut", "rdf"],
)
def test_what_the_lean_reader_is_not_sure_of_goes_to_feedparser(body: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    assert lean_entries(feed_xml(body)) is None
    lean, full = _both(body, monkeypatch)
    assert lean == full


def _documents() -> list[Path]:
    folders = [FIXTURES, CORPUS / "feeds"]
    return [
        path
        for folder in folders
        if folder.is_dir()
        for path in sorted(folder.rglob("*"))
        if path.suffix in {".rss", ".atom", ".xml", ".gz"}
    ]


@pytest.mark.parametrize("path", _documents(), ids=lambda p: p.name)
def test_every_real_document_reads_the_same_either_way(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    body = path.read_bytes()
    lean, full = _both(gzip.decompress(body) if path.suffix == ".gz" else body, monkeypatch)
    assert lean == full


def test_the_corpus_has_plain_feeds_the_lean_reader_takes() -> None:
    if not (CORPUS / "feeds").is_dir():
        pytest.skip(f"the shared corpus is not at {CORPUS}")
    taken = [p.name for p in _documents() if p.suffix != ".gz" and lean_entries(feed_xml(p.read_bytes())) is not None]
    assert len(taken) >= 5, taken
