"""One hostile source among the ordinary ones, served by a real HTTP server on loopback, and
`python run.py` run twice as cron would: each run exits 0 within its bounds, the other sources'
stories are emitted once, the hostile source is named with its reason, every link in every
output is http(s) and the state file passes SQLite's integrity check."""

from __future__ import annotations

import json
import textwrap
from dataclasses import dataclass

import pytest
from conftest import design_config
from hostile import feed_entries, integrity, link_schemes, run_measured, source_report
from loopback import Host, Reply

TEN_MB = 10_000_000


@dataclass(frozen=True)
class Hostile:
    source: str  # the [[sources]] table's keys after name and url
    path: str
    body: bytes
    content_type: str
    reason: str  # what the run must say about the source
    robots: bytes = b""


def json_feed(title: str, summary: str = "An outlet's item.") -> bytes:
    item = {"id": "h1", "url": "https://hostile.example/h1", "title": title, "content_text": summary}
    return json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "Hostile", "items": [item]}).encode()


def tvmaze(seasons: list[object], cast: list[object]) -> bytes:
    show = {"name": "Jessica Jones", "genres": ["Drama"], "status": "Running", "url": "https://tv.example/1"}
    return json.dumps({**show, "_embedded": {"seasons": seasons, "cast": cast}}).encode()


def wiki(wikitext: str, title: object = "Jessica Jones (TV series)") -> bytes:
    return json.dumps({"parse": {"title": title, "wikitext": wikitext}}).encode()


FEED = 'type = "feed"'
TVMAZE = 'type = "tvmaze"\nshow = "Jessica Jones"'
WIKI = 'type = "wikipedia"\nshow = "Jessica Jones"\npage = "Jessica Jones (TV series)"'
CAST = [{"person": {"name": "Krysten Ritter"}, "character": {"name": "Jessica Jones"}}]
LISTING = 'type = "html"\nitem = "article"\ntitle = "h2 a"\nlink = "h2 a@href"\ndate = "time"'
DESCRIPTION_NESTED = "&lt;b&gt;" * 100_000 + "Jessica Jones season 2 news" + "&lt;/b&gt;" * 100_000
NESTED_RSS = (
    '<?xml version="1.0"?><rss version="2.0"><channel><title>Hostile</title><item><title>Deep</title>'
    f"<link>https://hostile.example/deep</link><description>{DESCRIPTION_NESTED}</description></item></channel></rss>"
).encode()
LISTING_PAGE = (
    "<html><body>"
    + "".join(
        f'<article><h2><a href="/story/{n}">Story {n} about Jessica Jones</a></h2><time>{when}</time></article>'
        for n, when in enumerate(["2 hours ago", "99999999 years ago", "yesterday"])
    )
    + "</body></html>"
).encode()
WILDCARD_ROBOTS = ("User-agent: *\nDisallow: /" + "*a" * 40 + "*b\nDisallow: /private\n").encode()

CASES = {
    "json feed title with a lone surrogate": Hostile(
        FEED, "/feed.json", json_feed("Jessica Jones \ud800 season 2"),
        "application/feed+json", "title with characters that are not valid text repaired (1)",
    ),
    "tvmaze cast name with a lone surrogate": Hostile(
        TVMAZE, "/shows/1", tvmaze([], [{"person": {"name": "Jane \ud800 Doe"}}]),
        "application/json", "name with characters that are not valid text repaired (1)",
    ),
    "tvmaze season number past 64 bits": Hostile(
        TVMAZE, "/shows/2", tvmaze([{"number": 99999999999999999999, "premiereDate": "2018-03-08"}], CAST),
        "application/json", "fact with a season number outside 1–999 skipped (2)",
    ),
    "tvmaze cast entries of the wrong type": Hostile(
        TVMAZE, "/shows/3", tvmaze([{"number": 2}], [*CAST, {"person": "Carrie-Anne Moss"}, "Rachael Taylor"]),
        "application/json", "cast entry that cannot be read skipped (2)",
    ),
    "wikitext with a lone surrogate": Hostile(
        WIKI, "/w/api.php", wiki("== Cast ==\n* [[Jane Doe]] as Trish \ud800 Walker\n"),
        "application/json", "fact value with characters that are not valid text repaired (1)",
    ),
    "wikitext cancelled after 20 digits of seasons": Hostile(
        WIKI, "/w/api.php", wiki("The series was renewed for a second season. It was cancelled after 99999999999999999999 seasons."),
        "application/json", "",
    ),
    "a wikitext field of the wrong type": Hostile(
        WIKI, "/w/api.php", wiki("== Cast ==\n* [[Jane Doe]] as Trish Walker\n", title=42), "application/json", "",
    ),
    "a 10 MB title without spaces": Hostile(
        FEED, "/long.json", json_feed("Jessica" + "x" * TEN_MB), "application/feed+json", "title cut to 2,000 characters (1)",
    ),
    "a 10 MB title with spaces": Hostile(
        FEED, "/words.json", json_feed("Jessica Jones season 2 " + "word " * (TEN_MB // 5)), "application/feed+json",
        "title cut to 2,000 characters (1)",
    ),
    "escaped HTML nested 100,000 deep": Hostile(FEED, "/deep.rss", NESTED_RSS, "application/rss+xml", ""),
    "robots.txt wildcards against a long path": Hostile(
        FEED, "/private/" + "a" * 20_000, json_feed("x"), "application/feed+json",
        "robots.txt of http://127.0.0.1", robots=WILDCARD_ROBOTS,
    ),
    "wikitext that parses in super-linear time": Hostile(
        WIKI, "/w/api.php", wiki("<ref>" * 50_000), "application/json", "took longer than fetch.parse_timeout (2 s)",
    ),
    "a listing item dated 99999999 years ago": Hostile(LISTING, "/news", LISTING_PAGE, "text/html", ""),
}  # fmt: skip


def hostile_config(sample_url: str, hostile: Hostile, url: str) -> str:
    key = "api" if "wikipedia" in hostile.source else "url"
    extra = textwrap.dedent(
        f"""
        [[sources]]
        name = "Hostile"
        {key} = "{url}"
        """
    )
    text = design_config(sample_url).replace("max_bytes = 5000000", "max_bytes = 20000000\nparse_timeout = 2")
    return text + extra + hostile.source + "\n"


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_one_hostile_source_cannot_stop_stall_or_poison_a_run(project_dir, sample_server, case):
    hostile = CASES[case]
    with Host() as host:
        if hostile.robots:
            host.route("/robots.txt", Reply(body=hostile.robots, headers={"Content-Type": "text/plain"}))
        url = host.route(hostile.path, Reply(body=hostile.body, headers={"Content-Type": hostile.content_type}))
        config = project_dir / "config.toml"
        config.write_text(hostile_config(sample_server.base_url, hostile, url), encoding="utf-8")
        runs = [run_measured(config), run_measured(config)]

    public, state = project_dir / "public", project_dir / "state" / "seasonwatch.sqlite3"
    for finished in runs:
        assert finished.returncode == 0, finished.stderr
        assert finished.peak_mb < 400, f"the run's process peaked at {finished.peak_mb:.0f} MB"
    status, detail = source_report(state, "Hostile")
    assert hostile.reason in detail, (status, detail)
    if hostile.reason and status == "failed":
        assert f"source Hostile failed: {detail}" in runs[1].stderr  # named with its reason, to the operator

    entries = feed_entries(public)
    titles = [title for _, title in entries]
    assert any("March 8" in title for title in titles) and any("Strathairn" in title for title in titles)
    assert len({entry_id for entry_id, _ in entries}) == len(entries)  # each story once
    assert "nothing new" in runs[1].stdout  # the second run emits nothing again
    assert link_schemes(public) <= {"http", "https"}
    assert integrity(state) == "ok"
