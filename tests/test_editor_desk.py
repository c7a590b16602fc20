"""The editor's desk over whole runs on the project's own articles and sample sources (served on
loopback): the board and its conflicts, suggested article updates, and the pages, JSON and
digest that carry them."""

from __future__ import annotations

import email
import hashlib
import io
import json
import shutil
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from email import policy
from pathlib import Path

import html5lib
import jsonschema
import pytest
from conftest import DEMO_DATA, ROOT, design_config
from lxml import html as lxml_html

from feeds.board_json import SCHEMA, SCHEMA_VERSION
from seasonwatch.commands import load as load_config  # the config as the command line loads it
from seasonwatch.console import Console
from seasonwatch.pipeline import RunOptions, RunResult, run

DAY1 = datetime(2026, 3, 1, 6, 15, tzinfo=UTC)
JJ_ARTICLE = "articles/jessica-jones-season-2.md"


class Mornings:
    """`python run.py` in-process, one morning after another, against a chosen day of sources."""

    def __init__(self, project: Path, sample_server) -> None:
        self.project = project
        self.server = sample_server
        (project / "config.toml").write_text(design_config(sample_server.base_url), encoding="utf-8")
        self.config = load_config(project / "config.toml")
        self.day = 0

    def run(self, sources: Path) -> RunResult:
        self.server.root = sources
        result = run(
            self.config, RunOptions(now=DAY1 + timedelta(days=self.day)), Console(0, io.StringIO(), io.StringIO())
        )
        self.day += 1
        return result

    def board(self, slug: str = "jessica-jones") -> dict:
        return json.loads((self.project / "public" / "shows" / f"{slug}.json").read_text(encoding="utf-8"))

    def suggestions(self, slug: str = "jessica-jones") -> list[dict]:
        return self.board(slug)["suggestions"]

    def entry(self, row: str, slug: str = "jessica-jones", subject: str = "") -> dict:
        rows = {r["row"]: r for r in self.board(slug)["rows"]}
        return next(e for e in rows[row]["entries"] if e["subject"] == subject)


@pytest.fixture
def mornings(project_dir, sample_server) -> Mornings:
    return Mornings(project_dir, sample_server)


def digest_text(result: RunResult) -> str:
    message = email.message_from_bytes(result.digest.message, policy=policy.default)
    return message.get_body(("plain",)).get_content().replace("\r\n", "\n")


def tvmaze_lists(episodes: int, tmp_path: Path) -> Path:
    """Day 2's sources, with TVmaze listing another episode count for season 2."""
    day = tmp_path / "sources-day3"
    shutil.copytree(DEMO_DATA / "day2", day)
    listing = json.loads((day / "shows" / "1370.json").read_text(encoding="utf-8"))
    next(s for s in listing["_embedded"]["seasons"] if s["number"] == 2)["episodeOrder"] = episodes
    (day / "shows" / "1370.json").write_text(json.dumps(listing), encoding="utf-8")
    return day


# ----------------------------------------------------------------------------- suggestions


def test_a_contradiction_is_found_and_quoted_with_its_sentence(mornings):
    mornings.run(DEMO_DATA / "day1")
    premiere = next(s for s in mornings.suggestions() if "premieres" in s["proposed"])
    assert premiere["section"] == "Release Date"
    assert premiere["action"] == "replace"
    assert premiere["relation"] == "contradicted by"
    assert "No premiere date has been announced yet." in premiere["quoted"]
    assert premiere["proposed"] == "Season 2 premieres on March 8, 2018."
    assert {"Screen Ledger", "Couch Report", "Telly Times"} <= {s["name"] for s in premiere["sources"]}

    markdown = (mornings.project / "public" / "suggestions" / "jessica-jones.md").read_text(encoding="utf-8")
    assert "> No premiere date has been announced yet\\." not in markdown  # a period needs no escape
    assert "> No premiere date has been announced yet." in markdown
    assert "Contradicted by: Season 2 premiere: 2018 → March 8, 2018, per [Screen Ledger](<https://" in markdown
    assert "Suggested replacement: **Season 2 premieres on March 8, 2018.**" in markdown


def test_an_extension_goes_under_the_right_section(mornings):
    mornings.run(DEMO_DATA / "day1")
    ramirez = next(s for s in mornings.suggestions() if "Ramirez" in s["proposed"])
    assert (ramirez["section"], ramirez["action"], ramirez["relation"]) == ("Cast", "add", "extended by")
    assert ramirez["quoted"] == ["Janet McTeer has joined the cast in a role Netflix is keeping secret."]
    assert ramirez["proposed"] == "J.R. Ramirez joins the cast as Oscar Arocho."
    assert [s["name"] for s in ramirez["sources"]] == ["Telly Times"]
    # the other article is plain text with numbered titles ("2. Cast"): the same section by its own title
    strathairn = next(s for s in mornings.suggestions("the-expanse") if "Strathairn" in s["proposed"])
    assert (strathairn["section"], strathairn["action"]) == ("Cast", "add")
    assert strathairn["quoted"] == ["Elizabeth Mitchell joins as Anna Volovodov, a Methodist pastor."]
    assert {s["name"] for s in strathairn["sources"]} == {"Screen Ledger", "StreamWire"}


def test_nothing_is_suggested_for_stories_that_only_restate_the_article(mornings):
    result = mornings.run(DEMO_DATA / "day1")
    restating = {v.title for v in result.decision.verdicts if v.fate == "already in the article"}
    assert "Janet McTeer Is Part of Jessica Jones Season 2" in restating
    assert "The Expanse: Syfy confirms a 13-episode third season" in restating
    told = json.dumps(mornings.board()["suggestions"] + mornings.board("the-expanse")["suggestions"])
    assert "McTeer joins" not in told and "has 13 episodes" not in told.replace("Season 2 has 13", "")
    # one suggestion per new fact of a new story, and none beyond them
    facts = sum(len(s.facts) for s in result.decision.new_stories)
    assert len(mornings.suggestions()) + len(mornings.suggestions("the-expanse")) == facts


def test_a_suggestion_is_marked_done_after_the_article_is_edited(mornings):
    mornings.run(DEMO_DATA / "day1")
    article = mornings.project / JJ_ARTICLE
    ramirez = next(s for s in mornings.suggestions() if "Ramirez" in s["proposed"])
    assert ramirez["done"] is None

    mornings.run(DEMO_DATA / "day2")  # the article unchanged: still open
    assert next(s for s in mornings.suggestions() if s["id"] == ramirez["id"])["done"] is None

    edited = article.read_text(encoding="utf-8").replace(
        "Janet McTeer has joined the cast", "J.R. Ramirez plays Oscar Arocho, the building's superintendent. Janet McTeer has joined the cast"
    )
    article.write_text(edited, encoding="utf-8")
    fingerprint = hashlib.sha256(article.read_bytes()).hexdigest()
    mornings.run(DEMO_DATA / "day2")
    after = {s["id"]: s for s in mornings.suggestions()}
    assert after[ramirez["id"]]["done"] == (DAY1 + timedelta(days=2)).isoformat()
    assert all(s["done"] is None for i, s in after.items() if i != ramirez["id"])  # the others still stand
    assert hashlib.sha256(article.read_bytes()).hexdigest() == fingerprint  # the article is never modified
    markdown = (mornings.project / "public" / "suggestions" / "jessica-jones.md").read_text(encoding="utf-8")
    assert "Done: the article states it since Mar 3, 2026." in markdown


# ----------------------------------------------------------------------------- conflicts


def test_a_conflict_between_an_outlet_and_tvmaze_appears_once_and_stays_until_one_side_changes(mornings, tmp_path):
    first = mornings.run(DEMO_DATA / "day1")
    [conflict] = mornings.board()["conflicts"]
    assert conflict["label"] == "Season 2 episodes"
    sides = {side["text"]: [s["name"] for s in side["sources"]] for side in conflict["sides"]}
    assert sides == {"13": ["Screen Ledger"], "10": ["TVmaze"]}
    assert mornings.entry("episodes")["text"] == "13 or 10 (sources disagree)"
    text = digest_text(first)
    assert text.count("NEW CONFLICTS BETWEEN SOURCES") == 1
    assert "Jessica Jones: Season 2 episodes\n  - 13: Screen Ledger\n  - 10: TVmaze" in text

    second = mornings.run(DEMO_DATA / "day2")  # nothing changed on either side
    assert second.digest is not None  # a digest with other news...
    assert "NEW CONFLICTS" not in digest_text(second)  # ...that does not list the conflict again
    assert "13 or 10 (sources disagree)" in digest_text(second)  # the board still shows it
    assert [c["id"] for c in mornings.board()["conflicts"]] == [conflict["id"]]
    assert mornings.board()["conflicts"][0]["first_seen"] == conflict["first_seen"]

    mornings.run(tvmaze_lists(13, tmp_path))  # TVmaze now agrees with the outlet
    assert mornings.board()["conflicts"] == []
    episodes = mornings.entry("episodes")
    assert episodes["text"] == "13" and {s["name"] for s in episodes["sources"]} == {"Screen Ledger", "TVmaze"}
    with sqlite3.connect(mornings.config.state_path) as db:
        assert db.execute("SELECT resolved IS NOT NULL FROM conflicts WHERE id = ?", (conflict["id"],)).fetchone() == (1,)
    changes = [(t["before"], t["after"]) for t in mornings.board()["timeline"] if t["label"] == "Season 2 episodes"]
    assert changes == [("13 or 10 (sources disagree)", "13"), ("", "13 or 10 (sources disagree)")]


def test_a_conflict_is_never_settled_by_picking_a_side(mornings):
    mornings.run(DEMO_DATA / "day1")
    suggestion = next(s for s in mornings.suggestions() if s["proposed"] == "Season 2 has 13 episodes.")
    assert suggestion["caution"] == "Sources disagree: 13 (Screen Ledger) or 10 (TVmaze). Check before you edit."
    assert mornings.entry("episodes")["value"] == "13 | 10"


# ----------------------------------------------------------------------------- the board


def test_the_board_names_sources_and_the_day_each_entry_became_known(mornings):
    mornings.run(DEMO_DATA / "day1")
    premiere = mornings.entry("premiere")
    assert premiere["text"] == "March 8, 2018"
    assert premiere["known_since"] == "2018-01-17T14:02:00+00:00"  # Screen Ledger's report, the first
    assert [s["name"] for s in premiere["sources"]] == ["Screen Ledger", "Couch Report", "Telly Times"]
    mornings.run(DEMO_DATA / "day2")
    premiere = mornings.entry("premiere")
    assert [s["name"] for s in premiere["sources"]][-2:] == ["StreamWire", "TVmaze"]  # a late report, a listing
    assert premiere["known_since"] == "2018-01-17T14:02:00+00:00"
    assert mornings.entry("cast", subject="terry chen")["text"] == "joins as Pryce Cheng"
    assert mornings.entry("renewal")["text"] == "unknown: no word on season 3 yet"
    assert mornings.entry("network")["text"] == "Netflix"
    assert mornings.entry("filming", "the-expanse")["text"] == "wrapped"
    assert [s["name"] for s in mornings.entry("filming", "the-expanse")["sources"]] == ["the article"]
    timeline = [(t["label"], t["before"], t["after"]) for t in mornings.board()["timeline"]]
    assert ("Season 2 premiere", "2018", "March 8, 2018") in timeline
    assert ("Terry Chen", "", "joins as Pryce Cheng") in timeline
    assert not any(label == "Filming" for label, _, _ in timeline)  # nothing beyond the article


def test_board_pages_parse_as_html5_and_the_json_validates_against_its_schema(mornings):
    mornings.run(DEMO_DATA / "day1")
    mornings.run(DEMO_DATA / "day2")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    public = mornings.project / "public"
    for show in mornings.config.shows:
        document = json.loads((public / "shows" / f"{show.slug}.json").read_text(encoding="utf-8"))
        jsonschema.validate(document, schema, cls=jsonschema.Draft202012Validator)
        assert document["version"] == SCHEMA_VERSION
        page = (public / "shows" / f"{show.slug}.html").read_text(encoding="utf-8")
        html5lib.HTMLParser(strict=True).parse(page)
        tree = lxml_html.fromstring(page)
        assert not tree.cssselect("script")
        assert [dt.text_content() for dt in tree.cssselect(".board dt")][:2] == [
            "Renewal",
            f"Season {show.season} premiere",
        ]
    index = (public / "index.html").read_text(encoding="utf-8")
    html5lib.HTMLParser(strict=True).parse(index)
    cards = lxml_html.fromstring(index).cssselect(".glance .card")
    assert [c.cssselect("h2")[0].text_content() for c in cards] == ["Jessica Jones · season 2", "The Expanse · season 3"]
    assert "13 or 10 (sources disagree)" in cards[0].text_content()
    timeline = lxml_html.fromstring(index).get_element_by_id("show-jessica-jones").getparent().cssselect(".timeline li")
    assert any("Terry Chen" in li.text_content() for li in timeline)


def test_the_digest_carries_the_board_and_new_conflicts_in_both_parts(mornings):
    result = mornings.run(DEMO_DATA / "day1")
    message = email.message_from_bytes(result.digest.message, policy=policy.default)
    html = message.get_body(("html",)).get_content()
    text = message.get_body(("plain",)).get_content().replace("\r\n", "\n")
    html5lib.HTMLParser(strict=True).parse(html)
    tree = lxml_html.fromstring(html)
    board_rows = [td.text_content() for td in tree.cssselect(".board-box .board-label")]
    assert board_rows.count("Renewal") == 2 and "Season 2 episodes" in board_rows
    assert tree.cssselect(".conflicts h2")[0].text_content() == "New conflicts between sources"
    assert "background-color" in tree.cssselect(".conflicts")[0].get("style", "")  # inlined for Gmail
    assert html.index("Status boards") < html.index("In this digest")  # at the top
    assert text.index("STATUS BOARDS") < text.index("NEW CONFLICTS") < text.index("== Jessica Jones, season 2 ==")
    assert "Suggested: Season 2 premieres on March 8, 2018." in text
    assert "== Suggested article updates ==" in text


def test_the_demo_shows_each_board_and_timeline_and_marks_the_overnight_edit_done(tmp_path):
    result = subprocess.run(
        [sys.executable, str(ROOT / "run.py"), "--demo", "-q"], cwd=tmp_path, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    demo = tmp_path / "seasonwatch-demo"
    public = demo / "public"
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    index = lxml_html.fromstring((public / "index.html").read_text(encoding="utf-8"))
    for slug in ("jessica-jones", "the-expanse"):
        html5lib.HTMLParser(strict=True).parse((public / "shows" / f"{slug}.html").read_text(encoding="utf-8"))
        jsonschema.validate(json.loads((public / "shows" / f"{slug}.json").read_text(encoding="utf-8")), schema)
        assert index.cssselect(f'.glance a[href="shows/{slug}.html"]')
        assert index.get_element_by_id(f"show-{slug}").getparent().cssselect(".timeline li")
    suggestions = json.loads((public / "shows" / "jessica-jones.json").read_text(encoding="utf-8"))["suggestions"]
    done = [s["proposed"] for s in suggestions if s["done"]]
    assert done == ["J.R. Ramirez joins the cast as Oscar Arocho."]
    # the demo's own article copy was edited as an editor would; the shipped one is untouched
    assert "J.R. Ramirez" in (demo / JJ_ARTICLE).read_text(encoding="utf-8")
    assert "J.R. Ramirez" not in (DEMO_DATA / JJ_ARTICLE).read_text(encoding="utf-8")
