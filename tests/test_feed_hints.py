"""A `feed` source whose address is a web page: the reason says which feed the page names itself."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from scrapers.feed import parse
from scrapers.source_type import Document, ParseError
from seasonwatch.models import SourceSpec

SPEC = SourceSpec("Outlet", "feed", "https://outlet.example/tv/", options={"url": "https://outlet.example/tv/"})


def page(head: str) -> Document:
    body = f"<!DOCTYPE html><html><head><title>TV news</title>{head}</head><body><h1>TV</h1></body></html>"
    return Document("https://outlet.example/tv/", body.encode(), {"content-type": "text/html"}, datetime.now(UTC))


def test_a_front_page_that_names_its_feed_says_which_url_to_set():
    head = (
        '<link rel="stylesheet" href="/site.css">'
        '<link rel="alternate" type="application/rss+xml" title="TV news" href="/tv/feed/">'
    )
    with pytest.raises(ParseError) as caught:
        parse(SPEC, page(head))
    assert str(caught.value) == (
        "not a feed: the address answers with an HTML page that names its feed: set url = 'https://outlet.example/tv/feed/'"
    )


def test_a_page_naming_no_feed_keeps_the_general_reason():
    with pytest.raises(ParseError) as caught:
        parse(SPEC, page('<link rel="alternate" hreflang="fr" href="/fr/tv/">'))
    assert str(caught.value) == (
        "not a feed: the address answers with an HTML page (a front page, a login or a block page?)"
    )
