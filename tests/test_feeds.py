"""The feeds a reader subscribes to: valid by the W3C validator's rules and the JSON Feed spec,
whatever the scraped stories hold, with every source linked and the facts spelled out."""

from __future__ import annotations

import json
from pathlib import Path

import feedparser
import pytest
from feed_rules import check_atom, check_json_feed, check_published_feeds, check_rss
from output_samples import BASE_URL, LONG_TITLE, edition, ordinary, tricky

import feeds
from feeds.entries import TITLE_LIMIT, safe_url

FEEDS = ("feed.xml", "atom.xml", "shows/jessica-jones.xml", "shows/the-expanse.xml")


@pytest.fixture
def tricky_output(tmp_path: Path) -> Path:
    feeds.write_outputs(edition(ordinary() + tricky(), tmp_path), tmp_path)
    return tmp_path


def test_every_output_is_written(tmp_path):
    written = feeds.write_outputs(edition(ordinary(), tmp_path), tmp_path)
    names = {p.relative_to(tmp_path).as_posix() for p in written}
    assert names == {"feed.xml", "atom.xml", "feed.json", "index.html", *FEEDS}


def test_ordinary_feeds_follow_the_validator_rules(tmp_path):
    feeds.write_outputs(edition(ordinary(), tmp_path), tmp_path)
    results = check_published_feeds(tmp_path, BASE_URL)
    assert set(results) == {*FEEDS, "feed.json"}
    assert results == {name: [] for name in results}


def test_tricky_stories_still_make_valid_feeds(tricky_output):
    results = check_published_feeds(tricky_output, BASE_URL)
    assert results == {name: [] for name in results}


def test_titles_are_clean_plain_text_in_every_feed(tricky_output):
    expected = {
        "sw-test-11": "Premiere date set for Jessica Jones & friends",
        "sw-test-12": "Controlchar[31m, DEL, NEL, lone surrogate, noncharacter in a title",
        "sw-test-13": "ジェシカ・ジョーンズ シーズン2 配信日決定 — مسلسل جيسيكا جونز — Джессика Джонс 🎬",
        "sw-test-17": "AT&T, Q&A and R&D: ampersands & entities <3 and a < b",
    }
    by_story = _json_items(tricky_output)
    for name in ("feed.xml", "atom.xml", "shows/jessica-jones.xml"):
        titles = {entry.id: entry.title for entry in feedparser.parse((tricky_output / name).read_bytes()).entries}
        for story_id, title in expected.items():
            assert titles[by_story[story_id]["id"]] == title, (name, story_id)
    for story_id, title in expected.items():
        assert by_story[story_id]["title"] == title


def test_very_long_text_is_cut_at_a_word(tricky_output):
    item = _json_items(tricky_output)["sw-test-14"]
    assert len(item["title"]) <= TITLE_LIMIT
    assert item["title"].endswith("…")
    assert LONG_TITLE.startswith(item["title"][:-1].rstrip())
    assert len(item["summary"]) <= 400


def test_nothing_executable_reaches_any_output(tricky_output):
    for name in (*FEEDS, "feed.json", "index.html"):
        text = (tricky_output / name).read_text(encoding="utf-8")
        for needle in ("<script", "&lt;script", "onerror", "javascript:", "data:text", '"onmouseover'):
            assert needle not in text, (name, needle)


def test_unsafe_source_links_are_dropped_and_odd_ones_encoded(tricky_output):
    item = _json_items(tricky_output)["sw-test-15"]
    urls = {s["name"]: s["url"] for s in item["_seasonwatch"]["sources"]}
    assert urls["Evil Outlet"] is None and urls["Data Outlet"] is None and urls["Relative Outlet"] is None
    assert urls["Spacey Outlet"] == "https://spacey.example/a%20path/%C3%BCn%C3%AF?q=a%20b&c=d"
    assert urls["IDN Outlet"] == "https://xn--r8jz45g.jp/%E3%83%8B%E3%83%A5%E3%83%BC%E3%82%B9"
    # the first source that can be linked becomes the entry's link
    assert item["url"] == urls["Spacey Outlet"]
    # a source without a usable link is still credited, by name, in the body
    assert "Evil Outlet: Click me" in item["content_html"]


@pytest.mark.parametrize(
    ("scraped", "linked"),
    [
        ("https://exa\tmple.com/path", "https://example.com/path"),  # not "example.comm"
        ("https://\nexample.com/a", "https://example.com/a"),
        ("https://example.com/a\r\n/b", "https://example.com/a/b"),
    ],
)
def test_tabs_and_line_breaks_in_a_source_link_are_dropped_as_browsers_do(scraped, linked):
    assert safe_url(scraped) == linked


@pytest.mark.parametrize(
    ("scraped", "linked"),
    [
        (
            "https://www.example.com/a/b/?utm_source=rss&q=a%20b&fbclid=z&id=7#top",
            "https://www.example.com/a/b/?q=a%20b&id=7#top",
        ),
        ("https://www.example.com/a/?utm_medium=feed&utm_campaign=RSS", "https://www.example.com/a/"),
        ("https://example.com/a?b=1&a=2&ref_page=x", "https://example.com/a?b=1&a=2&ref_page=x"),
    ],
)
def test_source_links_lose_only_their_tracking_parameters(scraped, linked):
    assert safe_url(scraped) == linked


def test_a_story_with_nothing_usable_still_makes_a_valid_entry(tricky_output):
    item = _json_items(tricky_output)["sw-test-16"]
    assert item["title"] == "(untitled)"
    assert item["url"] == BASE_URL + "index.html#sw-test-16"


def test_atom_entry_has_related_sources_categories_and_facts(tmp_path):
    feeds.write_outputs(edition(ordinary(), tmp_path), tmp_path)
    entry = feedparser.parse((tmp_path / "atom.xml").read_bytes()).entries[0]
    assert entry.link == "https://ledger.example/news/1"
    related = [(link.href, link.title) for link in entry.links if link.rel == "related"]
    assert related == [
        ("https://ledger.example/news/1", "Screen Ledger: Jessica Jones season 2 gets a date"),
        ("https://couch.example/a?id=1&part=2", "Couch & Remote: Netflix dates it"),
    ]
    assert [tag.term for tag in entry.tags] == ["Jessica Jones", "When does it come out?", "Release Date"]
    body = entry.content[0].value
    assert "Season 2 premiere: 2018 → March 8, 2018" in body
    assert "<strong>When does it come out?</strong>" in body
    assert 'href="https://couch.example/a?id=1&amp;part=2"' in body
    assert entry.summary == "Netflix has set the date for the second season."


def test_rss_item_has_every_source_linked_and_the_categories(tmp_path):
    feeds.write_outputs(edition(ordinary(), tmp_path), tmp_path)
    item = feedparser.parse((tmp_path / "feed.xml").read_bytes()).entries[0]
    assert item.link == "https://ledger.example/news/1"
    assert item.guidislink is False
    assert 'href="https://ledger.example/news/1"' in item.description
    assert 'href="https://couch.example/a?id=1&amp;part=2"' in item.description
    assert [tag.term for tag in item.tags] == ["Jessica Jones", "When does it come out?", "Release Date"]


def test_self_links_come_from_base_url(tmp_path):
    feeds.write_outputs(edition(ordinary(), tmp_path), tmp_path)
    for name in FEEDS:
        parsed = feedparser.parse((tmp_path / name).read_bytes())
        selves = [link.href for link in parsed.feed.links if link.rel == "self"]
        assert selves == [BASE_URL + name], name
    assert json.loads((tmp_path / "feed.json").read_bytes())["feed_url"] == BASE_URL + "feed.json"


def test_per_show_feeds_hold_only_their_show(tmp_path):
    feeds.write_outputs(edition(ordinary(), tmp_path), tmp_path)
    expanse = feedparser.parse((tmp_path / "shows" / "the-expanse.xml").read_bytes())
    assert [e.title for e in expanse.entries] == ["The Expanse season 3 will premiere April 11 on Syfy"]
    assert expanse.feed.title == "The Expanse season 3 — Season Watch"
    jessica = feedparser.parse((tmp_path / "shows" / "jessica-jones.xml").read_bytes())
    assert len(jessica.entries) == 3


def test_json_feed_has_the_spec_fields_and_our_data(tmp_path):
    feeds.write_outputs(edition(ordinary(), tmp_path), tmp_path)
    document = json.loads((tmp_path / "feed.json").read_text(encoding="utf-8"))
    assert document["version"] == "https://jsonfeed.org/version/1.1"
    assert document["title"] and document["home_page_url"] == BASE_URL
    item = document["items"][1]
    assert item["title"] == "J.R. Ramirez cast as Oscar Arocho in Jessica Jones season 2"
    assert item["id"].startswith("urn:uuid:")
    assert item["content_html"] and item["date_published"].endswith("+00:00")
    data = item["_seasonwatch"]
    assert data["facts"] == [
        {
            "kind": "cast",
            "season": 2,
            "subject": "J.R. Ramirez",
            "value": "Oscar Arocho",
            "before": "",
            "text": "Cast: J.R. Ramirez as Oscar Arocho",
        }
    ]
    assert data["section"] == "Who is in it" and data["topic"] == "Cast"


def test_the_rules_catch_what_the_validator_would_flag():
    """The checks themselves: each rule fails on a feed that breaks it."""
    rss = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>
<title>T</title><link>/relative</link><description>d</description>
<atom:link href="https://elsewhere.example/feed.xml" rel="self" type="application/rss+xml"/>
<item><title>A &lt;b&gt;bold&lt;/b&gt; title</title><link>https://a.example/1</link>
<description>&lt;p onclick="x()"&gt;hi &lt;a href="/rel"&gt;x&lt;/a&gt;&lt;/p&gt;&lt;script&gt;x&lt;/script&gt;</description>
<guid isPermaLink="false">not-a-urn</guid><pubDate>Mon, 01 Mar 2026 12:00:00 +0000</pubDate></item>
<item><title>B</title><link>https://a.example/2</link><description>b</description>
<guid isPermaLink="false">not-a-urn</guid><pubDate>1 March 2026</pubDate></item>
</channel></rss>"""
    problems = " | ".join(check_rss(rss, "https://example.org/feed.xml"))
    for expected in (
        "channel link: not an absolute",
        "self link",
        "item 1 title: should not contain HTML",
        "attribute onclick",
        "element <script>",
        "<a href>: not an absolute",
        "not a urn:uuid",
        "is a Sunday",
        "item 2 pubDate: not an RFC 822",
        "guid: 'not-a-urn' appears twice",
    ):
        assert expected in problems, expected
    atom = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><id>https://x.example/</id><title>T</title>
<updated>2026-03-01 12:00</updated><link rel="self" href="https://example.org/atom.xml"/>
<entry><id>urn:uuid:1</id><title>E</title><updated>2026-03-01T12:00:00Z</updated>
<link rel="alternate" href="https://a.example/1"/><link rel="alternate" href="https://a.example/2"/></entry>
</feed>"""
    problems = " | ".join(check_atom(atom, "https://example.org/atom.xml"))
    for expected in ("feed id", "feed updated: not an RFC 3339", "entry 1: no author", "alternate link type"):
        assert expected in problems, expected
    assert any("U+0001" in p for p in check_rss(rss.replace(b"<title>B", b"<title>\x01B"), "x"))
    bad_json = json.dumps({"version": "1", "items": [{"title": "x", "colour": "red"}]}).encode()
    problems = " | ".join(check_json_feed(bad_json, "https://example.org/feed.json"))
    for expected in ("version", "feed_url", "id is not", "neither content_html", "unknown key 'colour'"):
        assert expected in problems, expected


def _json_items(output: Path) -> dict[str, dict]:
    document = json.loads((output / "feed.json").read_text(encoding="utf-8"))
    return {item["_seasonwatch"]["story_id"]: item for item in document["items"]}
