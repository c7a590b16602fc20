"""`feed` sources: RSS 0.9x/1.0/2.0, Atom 0.3/1.0 (through feedparser) and JSON Feed."""

from __future__ import annotations

import calendar
import io
import json
import time
from collections import Counter
from dataclasses import dataclass, replace
from datetime import UTC, datetime, tzinfo
from html import escape
from typing import Any
from urllib.parse import urljoin

from scrapers import xml_text
from scrapers.dates import parse_date_field, zone_of
from scrapers.source_type import Document, Parsed, ParseError, SourceType, each_readable
from scrapers.urls import canonical_url
from seasonwatch.markup import html_to_text, normalize_text, sanitize_html, shorten
from seasonwatch.models import SourceSpec, Update
from seasonwatch.options import Option

ACCEPT = (
    "application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, "
    "application/xml;q=0.8, text/xml;q=0.8, application/json;q=0.7, */*;q=0.5"
)
UNTITLED_LENGTH = 120  # an item without a title is headed by the start of its text
# plain RSS 2.0 and Atom 1.0 read by lxml alone (feed_lean), the rest by feedparser; False reads
# every document with feedparser (bench/parser_agreement.py compares the two)
LEAN = True


@dataclass(frozen=True)
class Entry:
    """One feed item as read, before it is cleaned into an Update."""

    id: str
    url: str
    title: str  # HTML unless title_is_text
    summary_html: str
    content_html: str
    published: datetime | None
    author: str
    title_is_text: bool = False

    @property
    def is_empty(self) -> bool:
        return not (self.title.strip() or self.url.strip() or self.summary_html.strip() or self.content_html.strip())


def request_url(spec: SourceSpec) -> str:
    return spec.options["url"]


def parse(spec: SourceSpec, document: Document) -> Parsed:
    skipped: Counter[str] = Counter()
    entries = (
        parse_json_feed(document.body, document.url, skipped)
        if _looks_like_json(document)
        else parse_xml_feed(document.body, document.url, document.charset, skipped)
    )
    present = [entry for entry in _unique_ids(entries) if not entry.is_empty]
    updates = each_readable(present, lambda entry: _update(spec, entry, document.url), skipped, "item")
    return Parsed(updates=updates, skipped=skipped)


def _unique_ids(entries: list[Entry]) -> list[Entry]:
    """Entries whose id another entry of the same document shares lose it.

    An item's identity is its id (guid) when it has one, so a CMS that stamps one guid on every
    item would have every item after the first taken for the first, in this run and forever
    after. An id that does not tell items apart is no id: those entries are known by their link.
    """
    ids = [normalize_text(entry.id) for entry in entries]  # as Update.guid will hold them
    counts = Counter(ident for ident in ids if ident)
    return [replace(entry, id="") if counts[ident] > 1 else entry for entry, ident in zip(entries, ids, strict=True)]


def _looks_like_json(document: Document) -> bool:
    if "json" in document.content_type:
        return True
    return document.body.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"{"


# ---------------------------------------------------------------------------- RSS and Atom


def parse_xml_feed(
    body: bytes, url: str, http_charset: str | None = None, skipped: Counter[str] | None = None
) -> list[Entry]:
    # Repaired and re-encoded as UTF-8 first, so the charset of the Content-Type is honoured and
    # feedparser's strict parser accepts what real servers send.
    response_headers = {"content-location": url, "content-type": "application/xml; charset=utf-8"}
    # A stream, never bytes or str: given those, feedparser may treat them as a path or URL to open.
    # Sanitizing is ours (one allowlist for every output), so feedparser's is off; so is its
    # rewriting of relative URLs inside content (a third of its time): sanitize_html makes them
    # absolute against the item's link. Item links themselves are still resolved by feedparser.
    # imported here: the parser processes have them already (SOURCE.libraries, preloaded), and a
    # run's own process is spared them before its first request
    import feedparser

    from scrapers import feed_lean

    xml = xml_text.feed_xml(body, http_charset)
    lean = feed_lean.lean_entries(xml) if LEAN else None
    if lean is not None:
        feed, entries = lean
    else:
        result = feedparser.parse(
            io.BytesIO(xml), response_headers=response_headers, sanitize_html=False, resolve_relative_uris=False
        )
        if not result.version and not result.entries:
            raise ParseError(_not_a_feed(body, result, url))
        feed, entries = result.feed, result.entries
    zone = _feed_zone(feed)
    return each_readable(entries, lambda entry: _entry_fields(entry, zone), _counter(skipped), "item")


def _not_a_feed(body: bytes, result: Any, url: str) -> str:
    start = body[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith((b"<!doctype html", b"<html")):
        advertised = _advertised_feed(body, url)
        if advertised:
            return f"not a feed: the address answers with an HTML page that names its feed: set url = {advertised!r}"
        return "not a feed: the address answers with an HTML page (a front page, a login or a block page?)"
    exc = result.get("bozo_exception")
    why = f" (the XML parser says: {getattr(exc, 'getMessage', lambda: exc)()})" if result.get("bozo") and exc else ""
    return f"not a feed: no RSS, Atom or JSON Feed document found{why}"


_FEED_TYPES = {"application/rss+xml", "application/atom+xml", "application/feed+json", "application/rdf+xml"}


def _advertised_feed(body: bytes, url: str) -> str:
    """The feed a page names as its own (<link rel="alternate" type="application/rss+xml">), or ""."""
    from lxml import etree
    from lxml import html as lxml_html

    try:
        page = lxml_html.document_fromstring(body)
    except (ValueError, etree.ParserError):
        return ""
    for link in page.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        kind = (link.get("type") or "").split(";")[0].strip().lower()
        href = (link.get("href") or "").strip()
        if "alternate" in rel and kind in _FEED_TYPES and href:
            return urljoin(url, href)
    return ""


def _feed_zone(feed: Any) -> tzinfo | None:
    """The zone the feed writes its own dates in: items that omit theirs are likely in it too."""
    for key in ("published", "updated"):
        zone = zone_of(dict.get(feed, key) or "")
        if zone is not None:
            return zone
    return None


def _entry_fields(entry: Any, zone: tzinfo | None) -> Entry:
    content = ""
    if entry.get("content"):
        content = max((c.get("value", "") for c in entry["content"]), key=len)
    summary = entry.get("summary", "")
    # FeedBurner and similar proxies keep the outlet's own address here: better for readers and
    # for recognising the same article elsewhere
    link = entry.get("feedburner_origlink") or entry.get("link", "") or _first_alternate(entry)
    author = (entry.get("author_detail") or {}).get("name") or entry.get("author", "")
    return Entry(
        id=entry.get("id", ""),
        url=link,
        title=entry.get("title", ""),
        title_is_text=(entry.get("title_detail") or {}).get("type") == "text/plain",
        summary_html=summary or content,
        content_html=content or summary,
        published=_published(entry, zone),
        author=author,
    )


def _published(entry: Any, zone: tzinfo | None) -> datetime | None:
    for key in ("published", "updated", "created"):
        # dict.get: feedparser's own get() maps a missing "published" to "updated", with a warning
        raw = dict.get(entry, key) or ""
        # feedparser reads RFC 822 and ISO 8601 exactly; our reader also takes local month
        # names and zone-less dates (then in the feed's zone)
        moment = _struct_to_datetime(dict.get(entry, f"{key}_parsed")) if zone_of(raw) or not raw else None
        moment = moment or parse_date_field(raw, zone=zone)
        if moment is not None:
            return moment
    return None


def _first_alternate(entry: Any) -> str:
    for link in entry.get("links", []):
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return link["href"]
    return ""


def _struct_to_datetime(value: time.struct_time | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(value), tz=UTC)
    except (OverflowError, ValueError, OSError):
        return None


# ---------------------------------------------------------------------------- JSON Feed


def parse_json_feed(body: bytes, base_url: str, skipped: Counter[str] | None = None) -> list[Entry]:
    """JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1)."""
    try:
        data = json.loads(body.decode("utf-8-sig"))
    except (ValueError, RecursionError) as exc:  # ValueError: bad UTF-8, bad JSON, a 5,000-digit number
        raise ParseError(f"not valid JSON: {exc}") from None
    if not isinstance(data, dict) or not str(data.get("version", "")).startswith("https://jsonfeed.org/version/"):
        raise ParseError("JSON document is not a JSON Feed (no jsonfeed.org version)")
    items = data.get("items")
    if not isinstance(items, list):
        raise ParseError("JSON Feed has no 'items' list")
    feed_authors = _json_authors(data)
    skipped = _counter(skipped)
    if not_objects := sum(not isinstance(item, dict) for item in items):
        skipped["item that is not a JSON object skipped"] += not_objects
    return each_readable(
        [item for item in items if isinstance(item, dict)],
        lambda item: _json_entry(item, base_url, feed_authors),
        skipped,
        "item",
    )


def _counter(skipped: Counter[str] | None) -> Counter[str]:
    return skipped if skipped is not None else Counter()


def _json_entry(item: dict[str, Any], base_url: str, feed_authors: str) -> Entry:
    # title, summary and content_text are plain text in JSON Feed: escaped before they meet HTML
    text_html = _text_as_html(_string(item.get("content_text")))
    content = _string(item.get("content_html")) or text_html
    url = _string(item.get("url")) or _string(item.get("external_url"))
    return Entry(
        id=_string(item.get("id")),
        url=urljoin(base_url, url) if url else "",
        title=_string(item.get("title")),
        title_is_text=True,
        summary_html=escape(_string(item.get("summary"))) or content,
        content_html=content,
        published=parse_date_field(_string(item.get("date_published")) or _string(item.get("date_modified"))),
        author=_json_authors(item) or feed_authors,
    )


def _json_authors(data: dict[str, Any]) -> str:
    authors = data.get("authors") or ([data["author"]] if isinstance(data.get("author"), dict) else [])
    if not isinstance(authors, list):
        return ""
    return ", ".join(_string(a.get("name")) for a in authors if isinstance(a, dict) and _string(a.get("name")))


def _string(value: Any) -> str:
    if isinstance(value, str):
        return value
    return str(value) if isinstance(value, int | float) and not isinstance(value, bool) else ""


def _text_as_html(text: str) -> str:
    return "".join(f"<p>{escape(p.strip())}</p>" for p in text.split("\n\n") if p.strip())


# ---------------------------------------------------------------------------- to updates


def _update(spec: SourceSpec, entry: Entry, document_url: str) -> Update:
    url = entry.url.strip()
    summary = html_to_text(entry.summary_html)
    title = normalize_text(entry.title) if entry.title_is_text else html_to_text(entry.title)
    if not title:
        # RSS allows an item with only a description; it still needs a headline
        title = shorten(summary, UNTITLED_LENGTH) if summary else url
    if summary == title:
        summary = ""
    return Update(
        source=spec.name,
        url=url,
        canonical_url=canonical_url(url),
        guid=normalize_text(entry.id),
        title=title,
        summary=summary,
        html=sanitize_html(entry.content_html, base_url=url or document_url),
        published=entry.published,
        author=normalize_text(entry.author),
        shows=spec.shows,
    )


SOURCE = SourceType(
    options={"url": Option(str, required=True, is_url=True, help="the feed's address")},
    url_key="url",
    request_url=request_url,
    parse=parse,
    accept=ACCEPT,
    libraries=("feedparser", "scrapers.feed_lean", "lxml.html", "nh3", "dateutil.parser"),
)
