"""Stories for the emit-stage tests: ordinary ones, and the kind of thing the scraped web really
sends (markup in titles, ampersands, control characters, other scripts, endless text, hostile URLs)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from seasonwatch.models import Edition, Fact, ShowSpec, SiteSettings, Story, StorySource, Topic

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
BASE_URL = "https://example.org/tv/season-watch/"
JESSICA = ShowSpec("Jessica Jones", 2, ("Marvel's Jessica Jones",), Path("jj.md"), "jessica-jones")
EXPANSE = ShowSpec("The Expanse", 3, (), Path("ex.md"), "the-expanse")
SHOWS = [JESSICA, EXPANSE]


def source(name: str, title: str, url: str, day: int = 17) -> StorySource:
    return StorySource(name, title, url, datetime(2018, 1, day, 15, 30, tzinfo=UTC))


def story(
    number: int,
    headline: str,
    show: ShowSpec = JESSICA,
    topic: Topic = Topic.RELEASE_DATE,
    section: str = "When does it come out?",
    summary: str = "Netflix has set the date for the second season.",
    facts: list[Fact] | None = None,
    sources: list[StorySource] | None = None,
    first_seen: datetime = NOW,
    updated: datetime | None = None,
) -> Story:
    return Story(
        id=f"sw-test-{number}",
        show=show.name,
        show_slug=show.slug,
        topic=topic,
        section=section,
        headline=headline,
        summary=summary,
        facts=facts if facts is not None else [Fact("premiere", 2, value="2018-03-08", before="2018")],
        sources=sources
        if sources is not None
        else [
            source("Screen Ledger", "Jessica Jones season 2 gets a date", f"https://ledger.example/news/{number}"),
            source("Couch & Remote", "Netflix dates it", f"https://couch.example/a?id={number}&part=2", 18),
        ],
        first_seen=first_seen,
        updated=updated or first_seen,
    )


def ordinary() -> list[Story]:
    """Four stories over two shows and three sections, in the newest-first order the state returns."""
    return [
        story(1, "Jessica Jones Season 2 Gets March 8 Premiere Date on Netflix"),
        story(
            2,
            "J.R. Ramirez cast as Oscar Arocho in Jessica Jones season 2",
            topic=Topic.CAST,
            section="Who is in it",
            summary="He plays the superintendent of Jessica's building.",
            facts=[Fact("cast", 2, "J.R. Ramirez", "Oscar Arocho")],
            sources=[source("Telly Times", "Ramirez joins Jessica Jones", "https://telly.example/ramirez", 16)],
        ),
        story(
            3,
            "The Expanse season 3 will premiere April 11 on Syfy",
            show=EXPANSE,
            section="Release date",
            facts=[Fact("premiere", 3, value="2018-04-11")],
            sources=[source("Couch Report", "Expanse returns in April", "https://couchreport.example/expanse")],
        ),
        story(
            4,
            "Netflix renews Jessica Jones for a third season",
            topic=Topic.RENEWAL,
            section="Is it renewed?",
            facts=[Fact("renewal", 3, value="yes")],
            sources=[source("StreamWire", "Renewed!", "https://streamwire.example/jj3", 20)],
        ),
    ]


LONG_TITLE = "Everything we know about Jessica Jones season 2 " + "and then some more " * 300
LONG_SUMMARY = "Lorem ipsum about the new season. " * 800


def tricky() -> list[Story]:
    """What a careless or hostile source can put in a story."""
    return [
        story(
            11,
            "Premiere date set for <b>Jessica Jones</b> & friends <img src=x onerror=alert(1)>",
            summary="<script>alert('x')</script>Netflix & <i>Marvel</i> set the date &amp; time.",
        ),
        story(12, "Control\x00char\x1b[31m, DEL\x7f, NEL\x85, lone\ud800 surrogate, non\ufffecharacter in a title"),
        story(
            13,
            "ジェシカ・ジョーンズ シーズン2 配信日決定 — مسلسل جيسيكا جونز — Джессика Джонс 🎬",
            summary="Zoë Łukasz-Ørsted talks «season 2» über alles; e\u0301 combining.",
            facts=[Fact("cast", 2, "Zoë Łukasz-Ørsted", "<i>The Neighbour</i> & friend")],
        ),
        story(14, LONG_TITLE, summary=LONG_SUMMARY),
        story(
            15,
            "Hostile links in every source",
            sources=[
                source("Evil <b>Outlet</b>", "Click <a href='javascript:alert(1)'>me</a>", "javascript:alert(1)"),
                source("Data Outlet", "data: URL", "data:text/html;base64,PHNjcmlwdD4="),
                source("Relative Outlet", "A relative link", "/news/relative"),
                source("Spacey Outlet", "Spaces and ünïcode", "https://spacey.example/a path/ünï?q=a b&c=d"),
                source("IDN Outlet", "A host in Japanese", "https://例え.jp/ニュース"),
                source("Quote Outlet", "A quote in the URL", 'https://quote.example/x"onmouseover="alert(1)'),
            ],
        ),
        story(16, "   ", summary="", facts=[], sources=[]),  # nothing usable at all
        story(17, "AT&T, Q&A and R&D: ampersands &amp; entities &lt;3 and a < b"),
    ]


def edition(stories: list[Story], output_dir: Path, feed_items: int = 50) -> Edition:
    site = SiteSettings("Season Watch", BASE_URL, output_dir, feed_items=feed_items)
    by_show = {show.name: [s for s in stories if s.show == show.name] for show in SHOWS}
    return Edition(site, SHOWS, stories, by_show, [], [], NOW)
