"""index.html and the way every output reaches the disk."""

from __future__ import annotations

import json
import os
import re
import threading
from dataclasses import replace

import html5lib
import pytest
from lxml import html as lxml_html
from output_samples import BASE_URL, NOW, SHOWS, edition, ordinary, tricky

import feeds
from feeds.files import write_atomically
from seasonwatch.models import EmailSettings, SiteSettings, SourceReport, SourceStatus


def test_index_is_valid_html_without_scripts(tmp_path):
    feeds.write_outputs(edition(ordinary() + tricky(), tmp_path), tmp_path)
    html = (tmp_path / "index.html").read_text(encoding="utf-8")
    html5lib.HTMLParser(strict=True).parse(html)  # raises on any parse error
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == len(set(ids))
    page = lxml_html.fromstring(html)
    assert not page.cssselect("script, iframe, object, embed")  # everything is there without JavaScript
    assert not [e for e in page.iter() if isinstance(e.tag, str) and any(a.startswith("on") for a in e.attrib)]


def test_index_lists_recent_stories_by_show_with_their_sources(tmp_path):
    feeds.write_outputs(edition(ordinary(), tmp_path), tmp_path)
    page = lxml_html.fromstring((tmp_path / "index.html").read_text(encoding="utf-8"))
    sections = page.cssselect("main section")
    assert [s.cssselect("h2")[0].text_content() for s in sections] == [
        "Jessica Jones · season 2",
        "The Expanse · season 3",
    ]
    jessica = sections[0]
    # under the editor's sections in article order (renewal, release date, cast, story), as the digest
    assert [h.text_content() for h in jessica.cssselect("h3.section")] == [
        "Is it renewed?",
        "When does it come out?",
        "Who is in it",
    ]
    assert [h.text_content() for h in jessica.cssselect("article h4")] == [
        "Netflix renews Jessica Jones for a third season",
        "Jessica Jones Season 2 Gets March 8 Premiere Date on Netflix",
        "J.R. Ramirez cast as Oscar Arocho in Jessica Jones season 2",
    ]
    premiere = page.get_element_by_id("sw-test-1")
    assert [a.get("href") for a in premiere.cssselect(".sources a")] == [
        "https://ledger.example/news/1",
        "https://couch.example/a?id=1&part=2",
    ]
    assert premiere.getprevious().text_content() == "When does it come out?"
    # each source with the date it published
    assert [t.get("datetime")[:10] for t in premiere.cssselect(".sources time")] == [
        s.published.date().isoformat() for s in ordinary()[0].sources
    ]


def test_index_links_every_feed_and_past_digest_and_they_exist(tmp_path):
    site = SiteSettings("Season Watch", BASE_URL, tmp_path)
    digest = feeds.compose(ordinary(), SHOWS, [], site, EmailSettings(recipients=("a@b.example",)), NOW, "sent")
    output = replace(edition(ordinary(), tmp_path), digests=[digest])
    feeds.write_outputs(output, tmp_path)
    page = lxml_html.fromstring((tmp_path / "index.html").read_text(encoding="utf-8"))
    local = {a.get("href") for a in page.cssselect("a") if not a.get("href").startswith(("http", "#"))}
    assert local == {
        "feed.xml",
        "atom.xml",
        "feed.json",
        "shows/jessica-jones.xml",
        "shows/the-expanse.xml",
        f"digests/{digest.id}.html",
    }
    for href in local:
        assert (tmp_path / href).is_file(), href
    assert (tmp_path / "digests" / f"{digest.id}.html").read_text(encoding="utf-8") == digest.html
    feeds_advertised = {link.get("href") for link in page.cssselect('link[rel="alternate"]')}
    assert {"feed.xml", "atom.xml", "feed.json", "shows/jessica-jones.xml"} <= feeds_advertised


def test_index_names_sources_that_failed_without_their_internal_reasons(tmp_path):
    failed = [
        SourceReport("Deadline", "https://d.example/feed", SourceStatus.FAILED, "timed out after 15 s"),
        SourceReport("Intranet", "http://10.0.0.7:8080/f", SourceStatus.FAILED, "cannot connect to 10.0.0.7:8080"),
        SourceReport("Fine", "https://ok.example/feed", SourceStatus.OK, items=3),
    ]
    feeds.write_outputs(replace(edition(ordinary(), tmp_path), reports=failed), tmp_path)
    footer = lxml_html.fromstring((tmp_path / "index.html").read_text(encoding="utf-8")).cssselect("footer")[0]
    assert [li.text_content() for li in footer.cssselect("ul.unread li")] == ["Deadline", "Intranet"]
    text = footer.text_content()
    assert "10.0.0.7" not in text and "8080" not in text and "timed out" not in text  # for the operator only


def test_a_show_with_no_stories_yet_says_so(tmp_path):
    stories = [s for s in ordinary() if s.show == "Jessica Jones"]
    feeds.write_outputs(edition(stories, tmp_path), tmp_path)
    page = lxml_html.fromstring((tmp_path / "index.html").read_text(encoding="utf-8"))
    assert "Nothing new yet." in page.get_element_by_id("show-the-expanse").getparent().text_content()


# ----------------------------------------------------------------------------- writing files


def test_write_atomically_replaces_and_leaves_nothing_behind(tmp_path):
    target = tmp_path / "deep" / "feed.xml"
    write_atomically(target, "old")
    write_atomically(target, b"new")
    assert target.read_bytes() == b"new"
    assert sorted(p.name for p in target.parent.iterdir()) == ["feed.xml"]
    assert oct(target.stat().st_mode & 0o777) == "0o644"  # a web server can read it


def test_a_failed_write_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "feed.xml"
    write_atomically(target, "complete old feed")

    def no_rename(source: str, destination: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", no_rename)
    with pytest.raises(OSError):
        write_atomically(target, "new feed that never lands")
    assert target.read_text() == "complete old feed"
    assert [p.name for p in tmp_path.iterdir()] == ["feed.xml"]


def test_a_reader_never_sees_half_a_file(tmp_path):
    """A reader polling while feeds are rewritten sees a whole old or a whole new file, never a mix."""
    target = tmp_path / "feed.xml"
    versions = [(f"<v{n}>" + "x" * 400_000 + f"</v{n}>").encode() for n in range(2)]
    write_atomically(target, versions[0])
    reads, torn = [0], [0]
    done = threading.Event()

    def read() -> None:
        while not done.is_set() and reads[0] < 5000:
            reads[0] += 1
            torn[0] += target.read_bytes() not in versions

    reader = threading.Thread(target=read)
    reader.start()
    try:
        for n in range(40):
            write_atomically(target, versions[n % 2])
    finally:
        done.set()
        reader.join()
    assert reads[0] > 0 and torn[0] == 0


def test_desk_pages_keep_scraped_text_plain_and_links_safe(tmp_path):
    from seasonwatch.models import Attribution, Board, BoardChange, BoardEntry, ShowDesk, Suggestion

    hostile = Attribution("Evil <b>Outlet</b>", "javascript:alert(1)", NOW, "[click](javascript:alert(1)) <script>x</script>")
    fine = Attribution("Ledger", "https://ledger.example/a?utm_source=x&id=1", NOW, "A title")
    entry = BoardEntry("cast", "x", "<img src=x onerror=alert(1)>", "Role", "joins as *Role*", (hostile, fine), NOW)
    board = Board("Jessica Jones", "jessica-jones", 2, [entry], {"cast": "Cast changes since the article"})
    change = BoardChange("Jessica Jones", "cast", "x", entry.label, "", entry.text, NOW, NOW, (hostile, fine))
    suggestion = Suggestion(
        "sg-1", "Jessica Jones", "sw-1", None, "Cast", "add", ("# A heading? [x](javascript:y)",), "extended by",
        "Evil headline <i>", "1. Not a list *or emphasis*", (hostile, fine), NOW,
    )  # fmt: skip
    desk = ShowDesk(board, [change], [suggestion])
    feeds.write_outputs(replace(edition(ordinary(), tmp_path), desks={"Jessica Jones": desk}), tmp_path)
    for page in ("index.html", "shows/jessica-jones.html"):
        text = (tmp_path / page).read_text(encoding="utf-8")
        html5lib.HTMLParser(strict=True).parse(text)
        tree = lxml_html.fromstring(text)
        assert not tree.cssselect("script, img")
        hrefs = [a.get("href") for a in tree.cssselect("a")]
        assert "https://ledger.example/a?id=1" in hrefs and not [h for h in hrefs if h.startswith("javascript")]
    markdown = (tmp_path / "suggestions" / "jessica-jones.md").read_text(encoding="utf-8")
    assert "](javascript" not in markdown.replace("\\](javascript", "")  # escaped: never a link
    assert "> \\# A heading? \\[x\\](javascript:y)" in markdown
    assert "**1\\. Not a list \\*or emphasis\\***" in markdown
    assert "[Ledger](<https://ledger.example/a?id=1>)" in markdown
    board_json = json.loads((tmp_path / "shows" / "jessica-jones.json").read_text(encoding="utf-8"))
    urls = {s["url"] for e in board_json["rows"][0]["entries"] for s in e["sources"]}
    assert urls == {"", "https://ledger.example/a?id=1"}  # a javascript: link is no link at all
    assert board_json["rows"][0]["entries"][0]["sources"][0]["name"] == "Evil Outlet"  # markup reduced to its words
