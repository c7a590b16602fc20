"""`html` sources: a listing page read with CSS selectors ("sel@attr" takes an attribute)."""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

from scrapers.dates import parse_date_field
from scrapers.source_type import Document, IncompleteParse, Parsed, ParseError, SourceType, each_readable
from scrapers.urls import canonical_url
from seasonwatch.markup import normalize_text, sanitize_html
from seasonwatch.models import SourceSpec, Update
from seasonwatch.options import Option

if TYPE_CHECKING:
    from bs4 import Tag

# BeautifulSoup and soupsieve (about 0.1 s to import) are imported where a listing page is read
# or its selectors checked: a run whose config has no `html` source never loads them

_ATTRIBUTE = re.compile(r"^(?P<selector>.*?)@(?P<attribute>[A-Za-z_:][-A-Za-z0-9_:.]*)$")


def split_selector(spec: str) -> tuple[str, str | None]:
    """ "h3 a@href" -> ("h3 a", "href"); "@href" -> ("", "href") meaning the item element itself."""
    match = _ATTRIBUTE.match(spec.strip())
    if match:
        return match["selector"].strip(), match["attribute"]
    return spec.strip(), None


def request_url(spec: SourceSpec) -> str:
    return spec.options["url"]


def check_options(options: dict[str, Any]) -> tuple[str, str] | None:
    for key in ("item", "title", "link", "summary", "date"):
        value = options.get(key)
        if not value:
            continue
        selector, _ = split_selector(value)
        if not selector and key == "item":
            return key, "needs a CSS selector"
        if selector:
            import soupsieve

            try:
                soupsieve.compile(selector)
            except soupsieve.SelectorSyntaxError as exc:
                return key, f"not a valid CSS selector {selector!r}: {str(exc).splitlines()[0]}"
    return None


def _select_value(item: Tag, spec: str | None, as_html: bool = False) -> str:
    if not spec:
        return ""
    selector, attribute = split_selector(spec)
    node = item.select_one(selector) if selector else item
    if node is None:
        return ""
    if attribute:
        value = node.get(attribute, "")
        return normalize_text(" ".join(value) if isinstance(value, list) else str(value))
    if as_html:
        return node.decode_contents()
    return normalize_text(node.get_text(" "))


def parse(spec: SourceSpec, document: Document) -> Parsed:
    from bs4 import BeautifulSoup, Tag

    soup = BeautifulSoup(document.body, "lxml", from_encoding=document.charset)
    base = document.url
    base_tag = soup.find("base", href=True)
    if isinstance(base_tag, Tag):
        base = urljoin(base, str(base_tag["href"]))
    options = spec.options
    items = soup.select(options["item"])
    if not items:
        raise ParseError(f"item selector {options['item']!r} matched nothing on the page (has the layout changed?)")
    missing = {"title": 0, "link": 0}

    def read(item: Tag) -> Update | None:
        title = _select_value(item, options["title"])
        url = _absolute_link(base, _select_value(item, options["link"]))
        missing["title"] += not title
        missing["link"] += not url
        return _update(spec, item, title, url, document) if title and url else None

    skipped: Counter[str] = Counter()
    updates = each_readable(items, read, skipped, "item")
    parsed = Parsed(updates=updates, skipped=skipped)
    problem = _missing_reason(missing, len(items), options)
    if problem and not updates:
        raise ParseError(problem)
    if problem:
        raise IncompleteParse(problem, parsed)
    return parsed


def _absolute_link(base: str, link: str) -> str:
    """The item's address, or "" when it has none a reader could open ("#", "javascript:…")."""
    if not link or link.startswith("#"):
        return ""
    url = urljoin(base, link)
    return url if urlsplit(url).scheme in ("http", "https") else ""


def _update(spec: SourceSpec, item: Tag, title: str, url: str, document: Document) -> Update:
    options = spec.options
    summary_html = _select_value(item, options.get("summary"), as_html=True)
    return Update(
        source=spec.name,
        url=url,
        canonical_url=canonical_url(url),
        guid=canonical_url(url),
        title=title,
        summary=_select_value(item, options.get("summary")),
        html=sanitize_html(summary_html, base_url=url),
        published=parse_date_field(_select_value(item, options.get("date")), now=document.fetched_at),
        shows=spec.shows,
    )


def _missing_reason(missing: dict[str, int], total: int, options: dict[str, Any]) -> str:
    """ "3 of the 12 items matched by 'article' have no link ('h2 a@href' found nothing)", or ""."""
    parts = []
    for key, count in missing.items():
        if not count:
            continue
        lacking = f"none has a {key}" if count == total else f"{count} have no {key}"
        if count == 1 and total > 1:
            lacking = f"1 has no {key}"
        parts.append(f"of the {total} items matched by {options['item']!r}, {lacking} ({options[key]!r} found nothing)")
    return "; ".join(parts)


SOURCE = SourceType(
    options={
        "url": Option(str, required=True, is_url=True, help="the listing page"),
        "item": Option(str, required=True, help="CSS selector of one listed story"),
        "title": Option(str, required=True, help="selector of the headline inside an item"),
        "link": Option(str, required=True, help='selector of the link, e.g. "h3 a@href"'),
        "summary": Option(str, default="", help="selector of the teaser text"),
        "date": Option(str, default="", help='selector of the date, e.g. "time@datetime"'),
    },
    url_key="url",
    request_url=request_url,
    parse=parse,
    accept="text/html, application/xhtml+xml;q=0.9, */*;q=0.5",
    libraries=("bs4", "soupsieve", "nh3", "dateutil.parser"),
    check_options=check_options,
)
