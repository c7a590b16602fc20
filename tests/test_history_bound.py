"""The history's bound, with real state files across runs: a story past it is read by its
fingerprint and never comes back as news; what the feeds and the editor's desk read stays whole."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

import scrapers
from seasonwatch.config import load_config
from seasonwatch.errors import ConfigError
from seasonwatch.models import Fate, Gathered, HistorySettings, Update
from seasonwatch.pipeline import decide_and_commit, keeping
from seasonwatch.store import SCHEMA_VERSION, Store
from seasonwatch.story_bound import Keeping

ARTICLE = """# Hollow Creek Season 2: Everything We Know

Hollow Creek returns for a second season.

## Release Date

No premiere date has been announced yet.

## Cast

Ivo Brandt returns as the lead.
"""
DAY0 = datetime(2031, 3, 1, 8, tzinfo=UTC)
# what nothing reads whole: every story past the bound keeps only its fingerprint
NOTHING_WHOLE = Keeping(HistorySettings(keep_days=7, keep_stories=100), window=1, desk_reads=lambda show, facts: False)


def _config(folder: Path, keep_days: int = 7, season: int = 2) -> object:
    (folder / "hollow-creek.md").write_text(ARTICLE)
    (folder / "config.toml").write_text(
        '[site]\nbase_url = "https://fans.example/"\nfeed_items = 1\n\n'
        f"[history]\nkeep_days = {keep_days}\nkeep_stories = 100\n\n"
        f'[[shows]]\nname = "Hollow Creek"\nseason = {season}\narticle = "hollow-creek.md"\n'
    )
    return load_config(folder / "config.toml", scrapers.SOURCE_TYPES)


def _item(outlet: str, number: int, title: str, summary: str = "", day: int = 0) -> Update:
    url = f"https://{outlet.lower().replace(' ', '-')}.example/news/{number}"
    return Update(outlet, url, url, url, title, summary, published=DAY0 + timedelta(days=day))


SHERIFF = _item("Outlet A", 1, "Nadia Sorel joins Hollow Creek season 2 as the new sheriff", "Sorel plays the sheriff.")
MAYOR = _item("Outlet B", 2, "Hollow Creek season 2 casts Tobias Wren as the mayor", "Wren plays the mayor.", 1)
DOCTOR = _item("Outlet B", 3, "Hollow Creek season 2 adds Lena Marsh as a doctor", "Marsh joins the cast.", 10)
RETOLD = _item("Outlet C", 4, "Hollow Creek: Nadia Sorel boards season 2 as sheriff", "Sorel will play the sheriff.", 11)
NAMED_ONLY = _item("Outlet D", 5, "Sorel heads to the valley: what her sheriff could mean for Hollow Creek", "", 11)


def _morning(path: Path, config, day: int, items: list[Update], kept: Keeping | None = None):
    """One run against the state file at `path`, opened afresh as a cron run opens it."""
    store = Store.open(path)
    store.keeping = kept or keeping(config)
    try:
        now = DAY0 + timedelta(days=day)
        decided, _, _ = decide_and_commit(
            store, config.shows, {"Hollow Creek": ARTICLE}, Gathered(updates=items), now, finished=now
        )
        return decided.decision
    finally:
        store.close()


def _tables(path: Path) -> tuple[list[str], list[str]]:
    db = sqlite3.connect(path)
    try:
        whole = [row[0] for row in db.execute("SELECT headline FROM stories ORDER BY seq")]
        fingerprints = [row[0] for row in db.execute("SELECT headline FROM story_fingerprints ORDER BY seq")]
        return whole, fingerprints
    finally:
        db.close()


def _fates(decision) -> dict[str, tuple[Fate, str]]:
    return {v.title: (v.fate, v.story_id) for v in decision.verdicts}


def test_a_story_past_the_bound_keeps_a_fingerprint_and_never_comes_back_as_news(tmp_path: Path) -> None:
    config, state = _config(tmp_path), tmp_path / "state.sqlite3"
    first = _morning(state, config, 0, [SHERIFF], NOTHING_WHOLE)
    sheriff_story = first.new_stories[0].id
    _morning(state, config, 1, [MAYOR], NOTHING_WHOLE)
    _morning(state, config, 10, [DOCTOR], NOTHING_WHOLE)
    whole, fingerprints = _tables(state)
    # ten days on, with a bound of 7 days and a feed window of one story: only the newest is whole
    assert whole == [DOCTOR.title]
    assert fingerprints == [SHERIFF.title, MAYOR.title]

    later = _morning(state, config, 11, [SHERIFF, RETOLD, NAMED_ONLY], NOTHING_WHOLE)
    fates = _fates(later)
    assert fates[SHERIFF.title] == (Fate.ALREADY_SENT, sheriff_story)  # the very item: by its key
    assert fates[RETOLD.title] == (Fate.LATE_REPORT, sheriff_story)  # another outlet: by the fact it told
    assert fates[NAMED_ONLY.title] == (Fate.LATE_REPORT, sheriff_story)  # by the person's name alone
    assert later.new_stories == []
    db = sqlite3.connect(state)
    sources = json.loads(db.execute("SELECT sources FROM story_fingerprints WHERE id = ?", (sheriff_story,)).fetchone()[0])
    db.close()
    assert [source[1] for source in sources] == [SHERIFF.url, RETOLD.url, NAMED_ONLY.url]  # its links, grown


def test_the_same_mornings_without_a_bound_decide_the_same(tmp_path: Path) -> None:
    fates = []
    for kept in (NOTHING_WHOLE, Keeping(HistorySettings(keep_days=36_500, keep_stories=10_000))):
        folder = tmp_path / str(len(fates))
        folder.mkdir()
        config, state = _config(folder), folder / "state.sqlite3"
        for day, items in ((0, [SHERIFF]), (1, [MAYOR]), (10, [DOCTOR])):
            _morning(state, config, day, items, kept)
        fates.append({title: fate for title, (fate, _) in _fates(_morning(state, config, 11, [SHERIFF, RETOLD], kept)).items()})
    assert fates[0] == fates[1] == {SHERIFF.title: Fate.ALREADY_SENT, RETOLD.title: Fate.LATE_REPORT}


def test_what_the_desk_and_the_feeds_read_stays_whole_and_grows_whole(tmp_path: Path) -> None:
    # the run's own rules: every cast change is on the desk's board, so castings are never compacted
    config, state = _config(tmp_path), tmp_path / "state.sqlite3"
    for day, items in ((0, [SHERIFF]), (1, [MAYOR]), (10, [DOCTOR])):
        _morning(state, config, day, items)
    assert _tables(state) == ([SHERIFF.title, MAYOR.title, DOCTOR.title], [])
    later = _morning(state, config, 11, [RETOLD])
    assert _fates(later)[RETOLD.title][0] is Fate.LATE_REPORT  # read compact, past the bound
    store = Store.open(state)
    try:
        grown = store.stories(ids=[later.grown_stories[0].id])[0]
    finally:
        store.close()
    assert not grown.compact
    assert [(s.title, s.summary) for s in grown.sources] == [
        (SHERIFF.title, SHERIFF.summary),
        (RETOLD.title, RETOLD.summary),
    ]  # the story's own text is kept, its new source added


def test_a_run_whose_items_were_all_judged_reads_only_the_stories_they_were_sent_in(tmp_path: Path) -> None:
    config, state = _config(tmp_path), tmp_path / "state.sqlite3"
    first = _morning(state, config, 0, [SHERIFF, MAYOR])
    store = Store.open(state)
    try:
        history = store.history(["Hollow Creek"], Gathered(updates=[SHERIFF]), DAY0 + timedelta(days=1))
        assert [story.id for story in history.stories] == [v.story_id for v in first.verdicts if v.title == SHERIFF.title]
        everything = store.history(["Hollow Creek"], Gathered(updates=[SHERIFF, DOCTOR]), DAY0 + timedelta(days=1))
        assert len(everything.stories) == 2  # a new item: every story within the bound is compared
    finally:
        store.close()


def test_a_state_of_the_previous_schema_is_migrated_with_its_stories_findable(tmp_path: Path) -> None:
    config, state = _config(tmp_path), tmp_path / "state.sqlite3"
    _morning(state, config, 0, [SHERIFF], NOTHING_WHOLE)
    db = sqlite3.connect(state)  # back to version 4, as an earlier release left it (without the later steps)
    db.executescript(
        "DROP TABLE story_fingerprints; DROP TABLE story_terms; DROP INDEX stories_show_sequence; "
        "DROP INDEX stories_updated; ALTER TABLE stories DROP COLUMN desk; "
        "ALTER TABLE story_sources DROP COLUMN stated; PRAGMA user_version = 4;"
    )
    db.close()
    Store.open(state).close()
    db = sqlite3.connect(state)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("SELECT term FROM story_terms").fetchall() == [("sorel",)]
    assert db.execute("SELECT desk FROM stories").fetchall() == [(1,)]  # never compacted before it is asked
    db.close()
    for day, items in ((1, [MAYOR]), (10, [DOCTOR])):
        _morning(state, config, day, items, NOTHING_WHOLE)
    assert _fates(_morning(state, config, 11, [RETOLD], NOTHING_WHOLE))[RETOLD.title][0] is Fate.LATE_REPORT


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("keep_days = 3", "[history] key 'keep_days': must be from 7 to 36500, not 3"),
        ("keep_stories = 5", "[history] key 'keep_stories': must be from 100 to 10000000, not 5"),
        ("keep = 5", "[history]"),
    ],
)
def test_the_bound_is_checked_in_the_config(tmp_path: Path, line: str, message: str) -> None:
    (tmp_path / "hollow-creek.md").write_text(ARTICLE)
    (tmp_path / "config.toml").write_text(
        f'[site]\nbase_url = "https://fans.example/"\n\n[history]\n{line}\n\n'
        '[[shows]]\nname = "Hollow Creek"\nseason = 2\narticle = "hollow-creek.md"\n'
    )
    with pytest.raises(ConfigError) as raised:
        load_config(tmp_path / "config.toml", scrapers.SOURCE_TYPES)
    assert message in str(raised.value)
