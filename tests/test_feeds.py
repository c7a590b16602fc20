"""The emit stage: feeds that parse cleanly whatever the stories hold, and the digest message."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from email import message_from_bytes, policy
from pathlib import Path

import feedparser

import feeds
from seasonwatch.models import (
    Edition,
    EmailSettings,
    Fact,
    ShowSpec,
    SiteSettings,
    SourceReport,
    SourceStatus,
    Story,
    StorySource,
    Topic,
)

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
SHOW = ShowSpec("Jessica Jones", 2, (), Path("a.md"), "jessica-jones")


def story(headline: str, number: int = 1, summary: str = "Short summary.") -> Story:
    return Story(
        id=f"sw-{number}",
        show=SHOW.name,
        show_slug=SHOW.slug,
        topic=Topic.RELEASE_DATE,
        section="Release Date",
        headline=headline,
        summary=summary,
        facts=[Fact("premiere", 2, value="2018-03-08", before="not announced")],
        sources=[
            StorySource("Outlet A", "A's title", f"https://a.example/{number}", datetime(2018, 1, 17, tzinfo=UTC)),
            StorySource(
                "Outlet B", "B & co's <title>", f"https://b.example/{number}?x=1&y=2", datetime(2018, 1, 18, tzinfo=UTC)
            ),
        ],
        first_seen=NOW,
        updated=NOW,
    )


def edition(stories: list[Story], tmp_path: Path) -> Edition:
    site = SiteSettings("Season Watch", "https://example.org/sw/", tmp_path)
    return Edition(site, [SHOW], stories, {SHOW.name: stories}, [], [], NOW)


TRICKY = [
    story("Premiere date set for <b>Jessica Jones</b> & friends", 1),
    story("Control\x00char\x1f in a title", 2),
    story("ジェシカ・ジョーンズ シーズン2 配信日決定 — العربية", 3),
    story("Long " + "very " * 200 + "headline", 4, summary="<script>alert(1)</script> summary & more"),
]


def test_every_feed_parses_cleanly_with_tricky_stories(tmp_path):
    written = feeds.write_outputs(edition(TRICKY, tmp_path), tmp_path)
    names = {p.relative_to(tmp_path).as_posix() for p in written}
    assert {"feed.xml", "atom.xml", "feed.json", "index.html", "shows/jessica-jones.xml"} <= names
    for name in ("feed.xml", "atom.xml", "shows/jessica-jones.xml"):
        parsed = feedparser.parse((tmp_path / name).read_bytes())
        assert not parsed.bozo, (name, parsed.get("bozo_exception"))
        assert parsed.entries[0].title == "Premiere date set for <b>Jessica Jones</b> & friends"
        assert parsed.entries[1].title == "Controlchar in a title"
        assert "ジェシカ" in parsed.entries[2].title
        assert "<script" not in (tmp_path / name).read_text(encoding="utf-8").replace("&lt;script", "")
    document = json.loads((tmp_path / "feed.json").read_text(encoding="utf-8"))
    assert document["version"] == "https://jsonfeed.org/version/1.1"
    for item in document["items"]:
        assert item["id"] and ("content_html" in item or "content_text" in item)


def test_atom_lists_every_source_as_related(tmp_path):
    feeds.write_outputs(edition(TRICKY[:1], tmp_path), tmp_path)
    entry = feedparser.parse((tmp_path / "atom.xml").read_bytes()).entries[0]
    assert [link.href for link in entry.links if link.rel == "related"] == [
        "https://a.example/1",
        "https://b.example/1?x=1&y=2",
    ]
    assert {tag.term for tag in entry.tags} == {"Jessica Jones", "Release Date"}
    assert "Season 2 premiere: not announced → March 8, 2018" in entry.content[0].value


def test_digest_message_structure(tmp_path):
    site = SiteSettings(
        "Season Watch", "https://example.org/sw/", tmp_path, unsubscribe_url="https://example.org/unsub"
    )
    email = EmailSettings(enabled=True, sender="Season Watch <digest@example.org>", recipients=("fan@example.org",))
    failed = [
        SourceReport("Deadline", "https://deadline.example/feed", SourceStatus.FAILED, "HTTP 503 Service Unavailable")
    ]
    digest = feeds.compose(TRICKY[:2], [SHOW], failed, site, email, NOW, status="pending")
    message = message_from_bytes(digest.message, policy=policy.default)
    assert message.get_content_type() == "multipart/alternative"
    assert [p.get_content_type() for p in message.iter_parts()] == ["text/plain", "text/html"]
    assert message["List-Unsubscribe"] == "<https://example.org/unsub>"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert str(message["Subject"]).strip().startswith("2 new: Premiere date set for")
    html = message.get_body(("html",)).get_content()
    text = message.get_body(("plain",)).get_content()
    assert 'style="' in html  # CSS inlined for clients that drop <style>
    assert "Deadline: HTTP 503" in text and "Deadline: HTTP 503" in html
    assert "https://b.example/1?x=1&y=2" in text and "https://b.example/1?x=1&amp;y=2" in html
    assert "&lt;b&gt;Jessica Jones&lt;/b&gt;" in html  # a scraped title never becomes markup
