"""Turning scraped markup into safe HTML and comparable plain text.

Shared by the gather stage (which cleans what it reads) and the emit stage (which never trusts
what it is given): one allowlist, in one place.
"""

from __future__ import annotations

import html
import re
import unicodedata
from urllib.parse import urljoin, urlsplit

ALLOWED_TAGS = {
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "cite",
    "code",
    "em",
    "figcaption",
    "figure",
    "h2",
    "h3",
    "h4",
    "hr",
    "i",
    "img",
    "li",
    "ol",
    "p",
    "pre",
    "q",
    "s",
    "small",
    "strong",
    "sub",
    "sup",
    "u",
    "ul",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "abbr": {"title"},
    "q": {"cite"},
    "blockquote": {"cite"},
}
BLOCK_TAGS = [
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "section",
    "article",
    "header",
    "footer",
    "figure",
    "figcaption",
    "dd",
    "dt",
]
URL_ATTRIBUTES = {"href", "src", "cite"}
SAFE_SCHEMES = {"http", "https", "mailto"}

# C0/C1 control characters other than tab/newline/carriage return: invalid in XML 1.0
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_SPACE = re.compile(r"\s+")


def strip_control_characters(text: str) -> str:
    return _CONTROL.sub("", text)


def normalize_text(text: str) -> str:
    """Entities decoded, Unicode composed, control characters dropped, whitespace collapsed.

    Curly quotes and dashes stay as the author wrote them; the newsdesk folds them when it
    compares."""
    return _collapse(html.unescape(text or ""))


def html_to_text(markup: str) -> str:
    """The words a reader would see, as one line of plain text."""
    if not markup:
        return ""
    if "<" not in markup and "&" not in markup:
        return normalize_text(markup)
    import lxml.html  # here, not at the top: a run's own process needs it only after its requests
    from lxml import etree

    try:
        root = lxml.html.fragment_fromstring(strip_control_characters(markup), create_parent="div")
    except (etree.ParserError, ValueError):
        return normalize_text(markup)
    for hidden in list(root.iter("script", "style", "noscript", "template")):
        hidden.drop_tree()
    # words in separate blocks must not run together; words around <em> must not come apart
    for element in root.iter(*BLOCK_TAGS, "br"):
        element.tail = " " + (element.tail or "")
        if element.tag != "br":
            element.text = " " + (element.text or "")
    # unescaped once more: feeds often escape twice ("&amp;#8217;"), and a reader never wants to see that
    return normalize_text(root.text_content())


def _collapse(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("\u00a0", " ").replace("\u200b", "")
    return _SPACE.sub(" ", strip_control_characters(text)).strip()


def sanitize_html(markup: str, base_url: str = "") -> str:
    """Allowlisted HTML: no script, style, iframe, event handlers or javascript:/data: URLs.

    Relative links are made absolute against `base_url` so they still work in a feed reader."""
    if not markup:
        return ""

    def keep_url(tag: str, attribute: str, value: str) -> str | None:
        if attribute not in URL_ATTRIBUTES:
            return value
        absolute = urljoin(base_url, value.strip()) if base_url else value.strip()
        scheme = urlsplit(absolute).scheme.lower()
        return absolute if scheme in SAFE_SCHEMES else None

    import nh3

    cleaned = nh3.clean(
        strip_control_characters(markup),
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=SAFE_SCHEMES,
        attribute_filter=keep_url,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )
    return cleaned.strip()


def shorten(text: str, limit: int) -> str:
    """Cut plain text at a word boundary, marking the cut."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit * 0.6:
        cut = cut[:space]
    return cut.rstrip(" ,;:-") + "…"
