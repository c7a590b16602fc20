"""The rules of the W3C feed validator (and of the JSON Feed 1.1 spec) that our feeds rely on,
written as our own checks so tests run on any machine without the validator.

Each `check_*` returns a list of problems ("" -> valid), so a failing test shows all of them.
What is checked, and the validator message it stands for:
- well-formed XML, and no character XML 1.0 forbids, raw or as a character reference
- RSS 2.0: channel title/link/description; each item a title or description; dates in RFC 822 with
  a four-digit year and the right day of the week ("IncorrectDOW"); guids unique, and
  isPermaLink="false" unless they are URLs
- Atom 1.0: feed id/title/updated/author; each entry id/title/updated, ids unique and valid URIs;
  dates in RFC 3339; at most one rel="alternate" per type; content type="html"
- titles and text summaries hold no HTML ("title should not contain HTML")
- HTML bodies: only harmless elements, no on* handlers, no style, no relative URLs
  ("ContainsRelRef"), no javascript:/data: URLs ("SecurityRisk")
- every URL absolute http(s) and made of URI characters only ("InvalidFullLink")
- the self link equals the location the file is published at ("SelfDoesntMatchLocation")
- JSON Feed: version, title, items; each item an id and content_html or content_text; RFC 3339
  dates; feed_url equals the location; extension keys start with "_"
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
from lxml import etree
from lxml import html as lxml_html

ATOM = "{http://www.w3.org/2005/Atom}"

# XML 1.0 Char, less the C0/C1 controls the validator and many readers choke on
_BAD_XML_CHAR = re.compile("[^\t\n\r\u0020-\u007e\u00a0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_CHAR_REF = re.compile(r"&#(x[0-9a-fA-F]+|[0-9]+);")
_RFC822 = re.compile(
    r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} "
    r"\d{2}:\d{2}:\d{2} ([+-]\d{4}|GMT|UT)$"
)
_RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
_URN_UUID = re.compile(r"^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
# the validator's test for markup in a plain-text element: an end tag, or "<" before a letter
_HTML_IN_TEXT = re.compile(r"</?[A-Za-z]|&#[x0-9]")
# RFC 3986 characters: anything else (space, quote, non-ASCII) must be percent-encoded
_URI_CHARS = re.compile(r"^[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+$")
SAFE_HTML_ELEMENTS = {
    "a", "abbr", "b", "blockquote", "br", "cite", "code", "em", "figcaption", "figure", "h2", "h3", "h4",
    "hr", "i", "img", "li", "ol", "p", "pre", "q", "s", "small", "strong", "sub", "sup", "u", "ul",
}  # fmt: skip
SAFE_HTML_ATTRIBUTES = {"href", "title", "src", "alt", "width", "height", "cite", "rel"}
KNOWN_ATOM_RELS = {"alternate", "related", "self", "enclosure", "via"}
JSON_FEED_KEYS = {
    "version", "title", "home_page_url", "feed_url", "description", "user_comment", "next_url", "icon",
    "favicon", "authors", "author", "language", "expired", "hubs", "items",
}  # fmt: skip
JSON_ITEM_KEYS = {
    "id", "url", "external_url", "title", "content_html", "content_text", "summary", "image", "banner_image",
    "date_published", "date_modified", "authors", "author", "tags", "language", "attachments",
}  # fmt: skip


# ----------------------------------------------------------------------------- pieces


def characters(data: bytes) -> list[str]:
    problems = []
    text = data.decode("utf-8")
    if (match := _BAD_XML_CHAR.search(text)) is not None:
        problems.append(f"character U+{ord(match.group()):04X} is not allowed in XML")
    for reference in _CHAR_REF.findall(text):
        value = int(reference[1:], 16) if reference.startswith("x") else int(reference)
        if value > 0x10FFFF or _BAD_XML_CHAR.match(chr(value)):
            problems.append(f"character reference &#{reference}; is not allowed in XML")
    return problems


def absolute_url(url: str | None, where: str) -> list[str]:
    if not url:
        return [f"{where}: no URL"]
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return [f"{where}: not an absolute http(s) URL: {url!r}"]
    if not _URI_CHARS.match(url):
        return [f"{where}: characters that must be percent-encoded: {url!r}"]
    return []


def plain(text: str | None, where: str, required: bool = True) -> list[str]:
    if not text or not text.strip():
        return [f"{where}: empty"] if required else []
    problems = []
    if _HTML_IN_TEXT.search(text):
        problems.append(f"{where}: should not contain HTML: {text[:80]!r}")
    if "\n" in text or "\r" in text:
        problems.append(f"{where}: more than one line")
    return problems


def rfc822(text: str | None, where: str) -> list[str]:
    if not text or not _RFC822.match(text):
        return [f"{where}: not an RFC 822 date with a four-digit year: {text!r}"]
    moment = parsedate_to_datetime(text)
    if moment.strftime("%a") != text[:3]:
        return [f"{where}: {text!r} is a {moment:%A}"]
    return []


def rfc3339(text: str | None, where: str) -> list[str]:
    if not text or not _RFC3339.match(text):
        return [f"{where}: not an RFC 3339 date-time: {text!r}"]
    try:
        datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return [f"{where}: not a real date: {text!r}"]
    return []


def html_body(markup: str | None, where: str) -> list[str]:
    if not markup or not markup.strip():
        return [f"{where}: empty"]
    problems = []
    for element in lxml_html.fragments_fromstring(markup):
        if isinstance(element, str):
            continue
        for node in element.iter():
            if not isinstance(node.tag, str):
                continue  # a comment
            if node.tag not in SAFE_HTML_ELEMENTS:
                problems.append(f"{where}: element <{node.tag}> is not allowed")
            for name, value in node.attrib.items():
                if name not in SAFE_HTML_ATTRIBUTES:
                    problems.append(f"{where}: attribute {name} on <{node.tag}> is not allowed")
                if name in ("href", "src", "cite"):
                    problems += absolute_url(value, f"{where} <{node.tag} {name}>")
    return problems


def unique(values: list[str], where: str) -> list[str]:
    seen, problems = set(), []
    for value in values:
        if value in seen:
            problems.append(f"{where}: {value!r} appears twice")
        seen.add(value)
    return problems


def parses_cleanly(data: bytes, where: str) -> list[str]:
    parsed = feedparser.parse(data)
    if parsed.bozo:
        return [f"{where}: feedparser: {parsed.get('bozo_exception')}"]
    return []


def _xml(data: bytes, problems: list[str]) -> etree._Element | None:
    try:
        return etree.fromstring(data)
    except etree.XMLSyntaxError as exc:
        problems.append(f"not well-formed XML: {exc}")
        return None


# ----------------------------------------------------------------------------- formats


def check_rss(data: bytes, location: str) -> list[str]:
    problems = characters(data) + parses_cleanly(data, "rss")
    root = _xml(data, problems)
    if root is None or root.tag != "rss" or root.get("version") != "2.0":
        return [*problems, "not RSS 2.0"]
    channel = root.find("channel")
    problems += plain(channel.findtext("title"), "channel title")
    problems += absolute_url(channel.findtext("link"), "channel link")
    if not (channel.findtext("description") or "").strip():
        problems.append("channel description: empty")
    selves = [link.get("href") for link in channel.findall(f"{ATOM}link") if link.get("rel") == "self"]
    if selves != [location]:
        problems.append(f"self link {selves} is not the location {location}")
    for tag in ("pubDate", "lastBuildDate"):
        if channel.find(tag) is not None:
            problems += rfc822(channel.findtext(tag), f"channel {tag}")
    if channel.find("ttl") is not None and not (channel.findtext("ttl") or "").isdigit():
        problems.append("ttl: not a whole number")
    guids = []
    for number, item in enumerate(channel.findall("item"), start=1):
        where = f"item {number}"
        title, description = item.findtext("title"), item.findtext("description")
        if not title and not description:
            problems.append(f"{where}: neither title nor description")
        problems += plain(title, f"{where} title")
        problems += html_body(description, f"{where} description")
        problems += absolute_url(item.findtext("link"), f"{where} link")
        problems += rfc822(item.findtext("pubDate"), f"{where} pubDate")
        guid = item.find("guid")
        if guid is None or not (guid.text or "").strip():
            problems.append(f"{where}: no guid")
        else:
            guids.append(guid.text)
            if guid.get("isPermaLink") == "false":
                if not _URN_UUID.match(guid.text):
                    problems.append(f"{where}: guid {guid.text!r} is not a urn:uuid")
            else:
                problems += absolute_url(guid.text, f"{where} permalink guid")
        for category in item.findall("category"):
            problems += plain(category.text, f"{where} category")
    return problems + unique(guids, "guid")


def check_atom(data: bytes, location: str) -> list[str]:
    problems = characters(data) + parses_cleanly(data, "atom")
    feed = _xml(data, problems)
    if feed is None or feed.tag != f"{ATOM}feed":
        return [*problems, "not Atom 1.0"]
    problems += _atom_id(feed.findtext(f"{ATOM}id"), "feed id")
    problems += plain(feed.findtext(f"{ATOM}title"), "feed title")
    problems += rfc3339(feed.findtext(f"{ATOM}updated"), "feed updated")
    selves = [link.get("href") for link in feed.findall(f"{ATOM}link") if link.get("rel") == "self"]
    if selves != [location]:
        problems.append(f"self link {selves} is not the location {location}")
    feed_author = feed.find(f"{ATOM}author/{ATOM}name") is not None
    ids = []
    for number, entry in enumerate(feed.findall(f"{ATOM}entry"), start=1):
        where = f"entry {number}"
        entry_id = entry.findtext(f"{ATOM}id")
        ids.append(entry_id or "")
        problems += _atom_id(entry_id, f"{where} id")
        problems += plain(entry.findtext(f"{ATOM}title"), f"{where} title")
        problems += rfc3339(entry.findtext(f"{ATOM}updated"), f"{where} updated")
        if entry.find(f"{ATOM}published") is not None:
            problems += rfc3339(entry.findtext(f"{ATOM}published"), f"{where} published")
        if not feed_author and entry.find(f"{ATOM}author/{ATOM}name") is None:
            problems.append(f"{where}: no author, and the feed has none")
        alternates: list[str | None] = []
        for link in entry.findall(f"{ATOM}link"):
            rel = link.get("rel", "alternate")
            if rel not in KNOWN_ATOM_RELS:
                problems.append(f"{where}: unknown link rel {rel!r}")
            if rel == "alternate":
                alternates.append(link.get("type"))
            problems += absolute_url(link.get("href"), f"{where} link rel={rel}")
        problems += unique([str(t) for t in alternates], f"{where} alternate link type")
        content = entry.find(f"{ATOM}content")
        if content is None and not alternates:
            problems.append(f"{where}: neither content nor an alternate link")
        if content is not None:
            if content.get("type") != "html":
                problems.append(f"{where}: content type is {content.get('type')!r}, not 'html'")
            problems += html_body(content.text, f"{where} content")
        summary = entry.find(f"{ATOM}summary")
        if summary is not None and summary.get("type", "text") == "text":
            problems += plain(summary.text, f"{where} summary")
        for category in entry.findall(f"{ATOM}category"):
            problems += plain(category.get("term"), f"{where} category term")
    return problems + unique(ids, "entry id")


def _atom_id(value: str | None, where: str) -> list[str]:
    if value and _URN_UUID.match(value):
        return []
    return [f"{where}: {value!r} is not a urn:uuid"]


def check_json_feed(data: bytes, location: str) -> list[str]:
    problems = []
    document = json.loads(data.decode("utf-8"))
    if document.get("version") != "https://jsonfeed.org/version/1.1":
        problems.append(f"version is {document.get('version')!r}")
    problems += plain(document.get("title"), "title")
    problems += absolute_url(document.get("home_page_url"), "home_page_url")
    if document.get("feed_url") != location:
        problems.append(f"feed_url {document.get('feed_url')!r} is not the location {location}")
    problems += [f"unknown top-level key {key!r}" for key in document if key not in JSON_FEED_KEYS and key[0] != "_"]
    for author in document.get("authors", []):
        if not isinstance(author, dict) or not ({"name", "url", "avatar"} & author.keys()):
            problems.append(f"author {author!r} has no name, url or avatar")
    items = document.get("items")
    if not isinstance(items, list):
        return [*problems, "items is not a list"]
    for number, item in enumerate(items, start=1):
        where = f"item {number}"
        problems += [f"{where}: unknown key {key!r}" for key in item if key not in JSON_ITEM_KEYS and key[0] != "_"]
        if not isinstance(item.get("id"), str) or not item["id"]:
            problems.append(f"{where}: id is not a non-empty string")
        if not isinstance(item.get("content_html"), str) and not isinstance(item.get("content_text"), str):
            problems.append(f"{where}: neither content_html nor content_text")
        if "content_html" in item:
            problems += html_body(item["content_html"], f"{where} content_html")
        if "url" in item:
            problems += absolute_url(item["url"], f"{where} url")
        problems += plain(item.get("title"), f"{where} title", required=False)
        problems += plain(item.get("summary"), f"{where} summary", required=False)
        for key in ("date_published", "date_modified"):
            if key in item:
                problems += rfc3339(item[key], f"{where} {key}")
        if not all(isinstance(tag, str) and tag for tag in item.get("tags", [])):
            problems.append(f"{where}: tags must be non-empty strings")
    return problems + unique([str(item.get("id")) for item in items], "item id")


def check_published_feeds(public: Path, base_url: str) -> dict[str, list[str]]:
    """Every feed in an output folder, each checked against where it will be published."""
    results = {}
    for path in sorted(public.rglob("*")):
        name = path.relative_to(public).as_posix()
        if name == "atom.xml":
            results[name] = check_atom(path.read_bytes(), base_url + name)
        elif name.endswith(".xml"):
            results[name] = check_rss(path.read_bytes(), base_url + name)
        elif name == "feed.json":
            results[name] = check_json_feed(path.read_bytes(), base_url + name)
    return results
