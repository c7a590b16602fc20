"""`feed` sources: RSS 0.9x/1.0/2.0, Atom 0.3/1.0 (through feedparser) and JSON Feed."""

from __future__ import annotations

import calendar
import io
import json
import time
from datetime import UTC, datetime
from typing import Any

import feedparser

from scrapers.dates import parse_date_field
from scrapers.source_type import Document, Parsed, ParseError, SourceType
from scrapers.urls import canonical_url
from seasonwatch.markup import html_to_text, normalize_text, sanitize_html
from seasonwatch.models import SourceSpec, Update
from seasonwatch.options import Option

ACCEPT = (
    "application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, "
    "application/xml;q=0.8, text/xml;q=0.8, application/json;q=0.7, */*;q=0.5"
)


def request_url(spec: SourceSpec) -> str:
    return spec.options["url"]


def parse(spec: SourceSpec, document: Document) -> Parsed:
    read = parse_json_feed if _looks_like_json(document) else parse_xml_feed
    entries = read(document.body, document.url, document.headers)
    return Parsed(updates=[_update(spec, entry) for entry in entries])


def _looks_like_json(document: Document) -> bool:
    if "json" in document.content_type:
        return True
    return document.body.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"{"


def parse_xml_feed(body: bytes, url: str, headers: Any = None) -> list[dict[str, Any]]:
    response_headers = {"content-location": url}
    if headers is not None and headers.get("content-type"):
        response_headers["content-type"] = headers["content-type"]
    # A stream, never bytes or str: given those, feedparser may treat them as a path or URL to open.
    # Sanitizing is ours (one allowlist for every output), so feedparser's is off.
    result = feedparser.parse(
        io.BytesIO(body), response_headers=response_headers, sanitize_html=False, resolve_relative_uris=True
    )
    if not result.entries and not result.feed.get("title") and result.get("bozo"):
        raise ParseError(f"not a readable feed: {_bozo_reason(result)}")
    if not result.version and not result.entries:
        raise ParseError("not a feed (no RSS, Atom or JSON Feed document found)")
    return [_entry_fields(entry, url) for entry in result.entries]


def _bozo_reason(result: Any) -> str:
    exc = result.get("bozo_exception")
    return str(getattr(exc, "getMessage", lambda: exc)()) if exc else "malformed document"


def _entry_fields(entry: Any, base_url: str) -> dict[str, Any]:
    content = ""
    if entry.get("content"):
        content = max((c.get("value", "") for c in entry.content), key=len)
    summary = entry.get("summary", "")
    link = entry.get("link", "") or _first_alternate(entry)
    return {
        "id": entry.get("id", ""),
        "url": link,
        "title": entry.get("title", ""),
        "summary_html": summary or content,
        "content_html": content or summary,
        "published": _struct_to_datetime(entry.get("published_parsed") or entry.get("updated_parsed"))
        or parse_date_field(entry.get("published") or entry.get("updated") or entry.get("date") or ""),
        "author": entry.get("author", ""),
        "base_url": base_url,
    }


def _first_alternate(entry: Any) -> str:
    for link in entry.get("links", []):
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return link["href"]
    return ""


def parse_json_feed(body: bytes, base_url: str, headers: Any = None) -> list[dict[str, Any]]:
    """JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1)."""
    try:
        data = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ParseError(f"not valid JSON: {exc}") from None
    if not isinstance(data, dict) or not str(data.get("version", "")).startswith("https://jsonfeed.org/version/"):
        raise ParseError("JSON document is not a JSON Feed (no jsonfeed.org version)")
    items = data.get("items")
    if not isinstance(items, list):
        raise ParseError("JSON Feed has no 'items' list")
    entries = []
    for item in items:
        if not isinstance(item, dict):
            continue
        authors = item.get("authors") or ([item["author"]] if isinstance(item.get("author"), dict) else [])
        html = item.get("content_html") or ""
        text = item.get("content_text") or ""
        entries.append(
            {
                "id": str(item.get("id", "")),
                "url": item.get("url") or item.get("external_url") or "",
                "title": item.get("title") or "",
                "summary_html": item.get("summary") or html or text,
                "content_html": html or text,
                "published": parse_date_field(item.get("date_published") or item.get("date_modified") or ""),
                "author": ", ".join(a.get("name", "") for a in authors if isinstance(a, dict) and a.get("name")),
                "base_url": base_url,
            }
        )
    return entries


def _update(spec: SourceSpec, entry: dict[str, Any]) -> Update:
    url = entry["url"]
    title = html_to_text(entry["title"])
    summary = html_to_text(entry["summary_html"])
    if summary == title:
        summary = ""
    return Update(
        source=spec.name,
        url=url,
        canonical_url=canonical_url(url),
        guid=normalize_text(entry["id"]),
        title=title,
        summary=summary,
        html=sanitize_html(entry["content_html"], base_url=url or entry["base_url"]),
        published=entry["published"],
        author=normalize_text(entry["author"]),
        shows=spec.shows,
    )


def _struct_to_datetime(value: time.struct_time | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(value), tz=UTC)
    except (OverflowError, ValueError, OSError):
        return None


SOURCE = SourceType(
    options={"url": Option(str, required=True, is_url=True, help="the feed's address")},
    url_key="url",
    request_url=request_url,
    parse=parse,
    accept=ACCEPT,
)
