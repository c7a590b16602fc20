"""The desk's readings of reports, kept in the state: what each report of a story states is read
once, kept with the report, read back by the next run's desk instead of read again, and read
again whenever the rules, the show or the report's words are not those it was read with."""

from __future__ import annotations

import dataclasses
import sqlite3
from datetime import UTC, datetime

from conftest import DEMO_DATA

import newsdesk.board
from newsdesk.articles import read_article
from newsdesk.board import build_board, reading_of, with_readings
from newsdesk.extract import FactContext
from newsdesk.review import article_knowledge, review
from seasonwatch import story_bound
from seasonwatch.models import (
    Decision,
    DeskReview,
    DeskState,
    Fact,
    Gathered,
    ShowSpec,
    StatedFacts,
    Story,
    StorySource,
    Topic,
)
from seasonwatch.store import MIGRATIONS, SCHEMA_VERSION, Store, _statements

NOW = datetime(2026, 3, 1, 6, 15, tzinfo=UTC)
SAID = datetime(2018, 1, 17, 12, tzinfo=UTC)
JESSICA = ShowSpec("Jessica Jones", 2, ("Marvel's Jessica Jones",), DEMO_DATA / "articles" / "jessica-jones-season-2.md", "jessica-jones")
CONTEXT = FactContext(JESSICA.names, JESSICA.season)
CASTING = Fact("cast", 2, "Janet McTeer", "Alisa")


def casting_story() -> Story:
    """One casting told by three outlets, one of which says nothing the reader recognises."""
    titles = [
        ("Screen Ledger", "Janet McTeer joins Jessica Jones season 2 as Alisa"),
        ("Couch Report", "Jessica Jones season 2 casts Janet McTeer as Alisa"),
        ("Telly Times", "A new face for Jessica Jones"),
    ]
    sources = [
        StorySource(outlet, title, f"https://{outlet.lower().replace(' ', '')}.example/1", SAID, "", f"{outlet}\x1f1")
        for outlet, title in titles
    ]
    return Story("sw-1", JESSICA.name, Topic.CAST, "Cast", titles[0][1], "", [CASTING], sources, NOW, NOW, JESSICA.slug)


def board_of(stories: list[Story]):
    knowledge = article_knowledge(read_article(JESSICA.article.read_text(encoding="utf-8")), CONTEXT, NOW)
    return build_board(JESSICA, knowledge, stories, [], DeskState(), NOW)


def refusing_to_read(monkeypatch) -> None:
    def no(*args, **kwargs):
        raise AssertionError("a report with a kept reading was read again")

    newsdesk.board._said.cache_clear()
    monkeypatch.setattr(newsdesk.board, "extract_facts", no)


def test_every_outlet_of_a_story_told_by_several_is_read_once_and_the_reading_is_handed_back():
    stories, made = with_readings([casting_story()], CONTEXT, frozenset())
    assert [url for _, url, _ in made] == [s.url for s in casting_story().sources]
    assert all(story_id == "sw-1" for story_id, _, _ in made)
    stated = {s.source: s.stated for s in stories[0].sources}
    assert CASTING in stated["Screen Ledger"].facts and stated["Telly Times"].facts == ()
    # read already: nothing more to keep
    assert with_readings(stories, CONTEXT, frozenset())[1] == []


def test_a_story_with_one_outlet_or_no_facts_is_not_read():
    one = dataclasses.replace(casting_story(), sources=casting_story().sources[:1])
    factless = dataclasses.replace(casting_story(), facts=[])
    assert with_readings([one, factless], CONTEXT, frozenset()) == ([one, factless], [])


def test_a_kept_reading_is_used_instead_of_reading_the_report_and_the_board_is_the_same(monkeypatch):
    plain = board_of([casting_story()])
    read, _ = with_readings([casting_story()], CONTEXT, frozenset())
    refusing_to_read(monkeypatch)
    kept = board_of(read)
    assert kept.board == plain.board and kept.changes == plain.changes
    cast = next(e for e in kept.board.entries if e.row == "cast" and e.subject)
    # Telly Times states nothing; the two that do said it at the same moment: by name
    assert [a.source for a in cast.sources] == ["Couch Report", "Screen Ledger"]


def test_a_reading_made_with_other_rules_for_another_show_or_of_other_words_is_not_this_one():
    reader = reading_of("Title", "Summary", SAID, CONTEXT)
    assert reading_of("Title", "Summary", SAID, CONTEXT) == reader
    assert reading_of("Title", "Summary", SAID, FactContext(JESSICA.names, 3)) != reader
    assert reading_of("Title", "Summary", SAID, FactContext(("Other Show",), 2)) != reader
    assert reading_of("Title!", "Summary", SAID, CONTEXT) != reader
    assert reading_of("Title", "Summary", NOW, CONTEXT) != reader  # relative dates read against the day
    # a reading under another name (made by an older release) is made again, and kept anew
    story = casting_story()
    stale = StatedFacts("made-by-other-rules", ())
    sources = [dataclasses.replace(s, stated=stale) for s in story.sources]
    stories, made = with_readings([dataclasses.replace(story, sources=sources)], CONTEXT, frozenset())
    assert len(made) == 3 and CASTING in stories[0].sources[0].stated.facts


def test_a_reading_is_part_of_no_source_identity():
    source = casting_story().sources[0]
    assert dataclasses.replace(source, stated=StatedFacts("r", (CASTING,))) == source


def test_readings_are_committed_with_the_run_read_back_by_the_desk_and_survive_a_story_growing(tmp_path):
    store = Store.open(tmp_path / "s.sqlite3")
    story = casting_story()
    store.commit_run(started=NOW, finished=NOW, gathered=Gathered(), decision=Decision(new_stories=[story]), digest=None)
    desk = store.desk_stories([JESSICA.name])
    assert [s.stated for s in desk[0].sources] == [None, None, None]  # not read yet
    _, made = with_readings(desk, CONTEXT, frozenset())
    store.commit_run(started=NOW, finished=NOW, gathered=Gathered(), decision=Decision(), digest=None, review=DeskReview(readings=made))
    desk = store.desk_stories([JESSICA.name])
    assert [s.stated for s in desk[0].sources] == [stated for _, _, stated in made]
    assert with_readings(desk, CONTEXT, frozenset())[1] == []  # the next run reads nothing again
    # the decision's stories do not carry the readings: a story that grows keeps those it had
    assert all(s.stated is None for s in store.stories(ids=["sw-1"])[0].sources)
    late = StorySource("Late Outlet", "Janet McTeer to play Alisa in Jessica Jones", "https://late.example/1", NOW, "", "late\x1f1")
    grown = store.stories(ids=["sw-1"])[0]
    grown = dataclasses.replace(grown, sources=[*grown.sources, late])
    store.commit_run(started=NOW, finished=NOW, gathered=Gathered(), decision=Decision(grown_stories=[grown]), digest=None)
    desk = store.desk_stories([JESSICA.name])
    assert [s.stated for s in desk[0].sources[:3]] == [stated for _, _, stated in made]
    assert desk[0].sources[3].stated is None
    assert [url for _, url, _ in with_readings(desk, CONTEXT, frozenset())[1]] == ["https://late.example/1"]
    store.close()


def test_an_unreadable_kept_reading_is_no_reading(tmp_path):
    store = Store.open(tmp_path / "s.sqlite3")
    store.commit_run(started=NOW, finished=NOW, gathered=Gathered(), decision=Decision(new_stories=[casting_story()]), digest=None)
    store.db.execute("UPDATE story_sources SET stated = '{\"reader\": 1}'")
    assert [s.stated for s in store.desk_stories([JESSICA.name])[0].sources] == [None, None, None]
    store.close()


def test_a_state_from_before_kept_readings_migrates_and_its_stories_are_read_again(tmp_path, monkeypatch):
    before = MIGRATIONS.index(story_bound.migrate) + 1  # the version that came before readings were kept
    path = tmp_path / "old.sqlite3"
    db = sqlite3.connect(path, isolation_level=None)
    db.create_function("casefold", 1, str.casefold)
    db.create_function("utc_now", 0, lambda: "2026-01-01T00:00:00+00:00")
    for step in MIGRATIONS[:before]:
        if callable(step):
            step(db)
        else:
            for statement in _statements(step):
                db.execute(statement)
    db.execute(f"PRAGMA user_version={before}")
    db.execute(
        "INSERT INTO stories (id, show, show_slug, topic, section, headline, summary, summary_html, facts, first_seen, updated, seq) "
        "VALUES ('sw-1', 'Jessica Jones', 'jessica-jones', 'Cast', 'Cast', 'h', '', '', "
        "'[{\"kind\": \"cast\", \"season\": 2, \"subject\": \"Janet McTeer\", \"value\": \"Alisa\", \"before\": \"\"}]', "
        "'2026-03-01T06:15:00+00:00', '2026-03-01T06:15:00+00:00', 1)"
    )
    for position, source in enumerate(casting_story().sources):
        db.execute(
            "INSERT INTO story_sources (story_id, position, source, title, url, published, summary, update_key) VALUES (?,?,?,?,?,?,?,?)",
            ("sw-1", position, source.source, source.title, source.url, SAID.isoformat(), "", source.update_key),
        )
    db.close()
    store = Store.open(path)
    assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    desk = store.desk_stories([JESSICA.name])
    assert [s.source for s in desk[0].sources] == ["Screen Ledger", "Couch Report", "Telly Times"]  # nothing lost
    assert all(s.stated is None for s in desk[0].sources)
    out = review([JESSICA], {JESSICA.name: JESSICA.article.read_text(encoding="utf-8")}, desk, [], [], DeskState(), NOW)
    assert len(out.readings) == 3
    store.commit_run(started=NOW, finished=NOW, gathered=Gathered(), decision=Decision(), digest=None, review=out)
    refusing_to_read(monkeypatch)
    again = review([JESSICA], {JESSICA.name: JESSICA.article.read_text(encoding="utf-8")}, store.desk_stories([JESSICA.name]), [], [], DeskState(), NOW)
    assert again.readings == [] and again.boards == out.boards
    store.close()
