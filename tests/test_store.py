"""The state file: created on first use, versioned, and written in one transaction per run."""

from __future__ import annotations

import dataclasses
import sqlite3
from datetime import UTC, datetime

import pytest

from seasonwatch.models import (
    Decision,
    Digest,
    Fact,
    FactObservation,
    Fate,
    Gathered,
    HttpValidators,
    SourceReport,
    SourceStatus,
    Story,
    StorySource,
    Topic,
    Update,
    Verdict,
)
from seasonwatch.store import SCHEMA_VERSION, Store, StoreError

NOW = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)


def sample_run() -> tuple[Gathered, Decision]:
    update = Update("Outlet", "https://o.example/a?utm_source=x", "https://o.example/a", "g1", "Title", "Summary")
    story = Story(
        id="sw-1",
        show="Show",
        topic=Topic.CAST,
        section="Cast",
        headline="Title",
        summary="Summary",
        facts=[Fact("cast", 2, "Jane Doe", "Role")],
        sources=[StorySource("Outlet", "Title", update.url, NOW, "", update.key)],
        first_seen=NOW,
        updated=NOW,
        show_slug="show",
    )
    gathered = Gathered(
        updates=[update],
        reports=[SourceReport("Outlet", "https://o.example/feed", SourceStatus.OK, "", 0.5, 1)],
        validators={"Outlet\x1fhttps://o.example/feed": HttpValidators('"abc"', "Mon, 01 Jan 2018 00:00:00 GMT")},
        observations=[],
    )
    decision = Decision(
        new_stories=[story],
        verdicts=[Verdict("Outlet", "Title", Fate.NEW, "new", show="Show", story_id="sw-1", update_key=update.key)],
        known_facts=[
            FactObservation("Show", Fact("premiere", 2, value="2018-03-08"), "TVmaze", "https://tvmaze.example", NOW)
        ],
    )
    return gathered, decision


def test_first_open_creates_a_versioned_schema(tmp_path):
    path = tmp_path / "state" / "s.sqlite3"
    Store.open(path).close()
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_a_committed_run_is_read_back_as_history(tmp_path):
    store = Store.open(tmp_path / "s.sqlite3")
    gathered, decision = sample_run()
    store.commit_run(started=NOW, finished=NOW, gathered=gathered, decision=decision, digest=None)
    history = store.history()
    assert [s.id for s in history.stories] == ["sw-1"]
    assert history.stories[0].facts == [Fact("cast", 2, "Jane Doe", "Role")]
    assert history.update_story == {"Outlet\x1fg1": "sw-1"}
    assert history.url_story == {"https://o.example/a": "sw-1"}
    assert history.known_facts == {("Show", "TVmaze", "premiere", 2, ""): "2018-03-08"}
    assert store.validators() == {
        "Outlet\x1fhttps://o.example/feed": HttpValidators('"abc"', "Mon, 01 Jan 2018 00:00:00 GMT")
    }
    assert store.db.execute("SELECT source, status, items FROM source_runs").fetchall() == [("Outlet", "ok", 1)]


def test_a_run_that_fails_half_way_leaves_nothing(tmp_path, monkeypatch):
    store = Store.open(tmp_path / "s.sqlite3")
    gathered, decision = sample_run()

    def explode(observations):
        raise RuntimeError("killed")

    monkeypatch.setattr(store, "_remember_facts", explode)
    with pytest.raises(RuntimeError):
        store.commit_run(started=NOW, finished=NOW, gathered=gathered, decision=decision, digest=None)
    assert store.history().stories == []
    assert store.validators() == {}  # validators only once the results are committed


def test_a_newer_schema_is_refused(tmp_path):
    path = tmp_path / "s.sqlite3"
    Store.open(path).close()
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")  # as a later release would leave it
    db.close()
    with pytest.raises(StoreError, match="newer Season Watch"):
        Store.open(path)
    with pytest.raises(StoreError, match="newer Season Watch"):
        Store.open_readonly(path)  # a dry run says so too, instead of reading an empty state


def test_dry_run_store_reads_without_creating(tmp_path):
    path = tmp_path / "missing" / "s.sqlite3"
    store = Store.open_readonly(path)
    assert store.history().stories == []
    store.close()
    assert not path.exists() and not path.parent.exists()


def test_version_1_state_is_migrated_keeping_known_facts_per_source(tmp_path):
    from seasonwatch.store import MIGRATIONS, _statements

    path = tmp_path / "old.sqlite3"
    db = sqlite3.connect(path, isolation_level=None)
    for statement in _statements(MIGRATIONS[0]):
        db.execute(statement)
    db.execute("PRAGMA user_version=1")
    for person in ("Jane Doe", "Zoë ÅSTRÖM", "Jo Strauß"):
        db.execute(
            "INSERT INTO facts VALUES ('Show', 'cast', -1, ?, 'Role', 'TVmaze', 'https://t.example', '2026-01-01T00:00:00+00:00')",
            (person,),
        )
    db.close()
    store = Store.open(path)
    # folded as the lookups fold, so a known cast member is not news again after the upgrade
    assert store.history().known_facts == {
        ("Show", "TVmaze", "cast", None, person.casefold()): "Role"
        for person in ("Jane Doe", "Zoë ÅSTRÖM", "Jo Strauß")
    }


def test_a_locked_state_file_is_a_store_error_not_a_traceback(tmp_path):
    path = tmp_path / "s.sqlite3"
    store = Store.open(path)
    store.db.execute("PRAGMA busy_timeout=50")  # instead of waiting the 30 s a real run waits
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")  # another program writing, or a reader on a network share
    gathered, decision = sample_run()
    try:
        with pytest.raises(StoreError, match=r"s\.sqlite3: cannot write the state file: database is locked"):
            store.commit_run(started=NOW, finished=NOW, gathered=gathered, decision=decision, digest=None)
        with pytest.raises(StoreError, match="cannot write the state file: database is locked"):
            store.mark_digest("2026-01-02T030405Z", "sent")
        with pytest.raises(StoreError, match=r"cannot read the (history|stories): database is locked"):
            store.history()
    finally:
        other.execute("ROLLBACK")
    store.commit_run(started=NOW, finished=NOW, gathered=gathered, decision=decision, digest=None)
    assert [s.id for s in store.history().stories] == ["sw-1"]


def test_an_error_inside_a_transaction_rolls_back_and_is_a_store_error(tmp_path):
    store = Store.open(tmp_path / "s.sqlite3")
    with (
        pytest.raises(StoreError, match="cannot write the state file: no such table: nowhere"),
        store.transaction() as db,
    ):
        db.execute(
            "INSERT INTO runs (started, finished, updates, new_stories, grown_stories, failed_sources) VALUES ('a','b',0,0,0,0)"
        )
        db.execute("INSERT INTO nowhere VALUES (1)")
    assert store.db.execute("SELECT count(*) FROM runs").fetchone()[0] == 0
    assert not store.db.in_transaction


def test_commits_are_durable_and_leave_no_extra_files(tmp_path):
    path = tmp_path / "s.sqlite3"
    store = Store.open(path)
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert store.db.execute("PRAGMA synchronous").fetchone()[0] == 3  # EXTRA: FULL and the folder synced
    gathered, decision = sample_run()
    store.commit_run(started=NOW, finished=NOW, gathered=gathered, decision=decision, digest=None)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.sqlite3"]
    store.close()


def test_a_state_file_in_wal_mode_from_an_earlier_release_is_converted(tmp_path):
    path = tmp_path / "s.sqlite3"
    Store.open(path).close()
    old = sqlite3.connect(path)
    old.execute("PRAGMA journal_mode=WAL")
    old.close()
    store = Store.open(path)
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    store.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.sqlite3"]


def test_reading_back_does_not_grow_with_the_number_of_stories(tmp_path):
    """One SQL variable per story broke every run once the history outgrew SQLite's limit on
    variables (32,766 by default); here the limit is lowered instead of writing 33,000 stories."""
    store = Store.open(tmp_path / "s.sqlite3")
    gathered, decision = sample_run()
    template = decision.new_stories[0]
    stories = [
        dataclasses.replace(
            template,
            id=f"sw-{n}",
            sources=[dataclasses.replace(template.sources[0], url=f"https://o.example/{n}")],
        )
        for n in range(60)
    ]
    digests = [
        Digest(f"2026-01-{n + 1:02d}T000000Z", NOW, "Subject", "<p>x</p>", "x", b"message", [], "sent")
        for n in range(20)
    ]
    for n, digest in enumerate(digests):
        store.commit_run(
            started=NOW,
            finished=NOW,
            gathered=gathered,
            decision=Decision(new_stories=stories[n * 3 : n * 3 + 3]),
            digest=digest,
        )
    store.db.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 10)

    history = store.history(shows=["Show"])
    assert len(history.stories) == 60
    assert all(len(story.sources) == 1 for story in history.stories)
    assert {story.sources[0].url for story in history.stories} == {f"https://o.example/{n}" for n in range(60)}
    assert len(store.stories(ids=[f"sw-{n}" for n in range(50)])) == 50
    recent = store.stories(shows=["Show"], limit=5)
    assert len(recent) == 5 and all(story.sources for story in recent)
    assert len(store.digests(ids=[d.id for d in digests])) == 20


def test_a_state_from_before_the_desk_gains_its_tables_and_keeps_its_facts(tmp_path):
    from seasonwatch import desk_store
    from seasonwatch.store import MIGRATIONS, _statements

    before_desk = MIGRATIONS.index(desk_store.MIGRATION)  # its own step, whatever number it gets
    path = tmp_path / "old.sqlite3"
    db = sqlite3.connect(path, isolation_level=None)
    db.create_function("casefold", 1, str.casefold)
    db.create_function("utc_now", 0, lambda: "2026-01-01T00:00:00+00:00")
    for script in MIGRATIONS[:before_desk]:
        for statement in _statements(script):
            db.execute(statement)
    db.execute(f"PRAGMA user_version={before_desk}")
    db.execute(
        "INSERT INTO facts VALUES ('Show', 'TVmaze', 'premiere', 2, '', '2018-03-08', 'https://t.example', '2026-01-01T00:00:00+00:00')"
    )
    db.close()
    store = Store.open(path)
    tables = {row[0] for row in store.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"board_history", "conflicts", "suggestions"} <= tables
    assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert [o.fact.value for o in store.known_facts()] == ["2018-03-08"]  # nothing lost on the way
    assert store.desk_state(["Show"]).latest == {}
    store.close()


def test_the_desk_is_committed_with_the_run_and_read_back(tmp_path):
    from seasonwatch.models import (
        Attribution,
        BoardChange,
        Conflict,
        ConflictSide,
        DeskReview,
        Suggestion,
    )

    store = Store.open(tmp_path / "s.sqlite3")
    gathered, decision = sample_run()
    outlet = Attribution("Outlet", "https://o.example/a", NOW, "Title", "outlet")
    listing = Attribution("TVmaze", "https://tvmaze.example", NOW, "Season 2 episodes: 10", "listing")
    sides = (ConflictSide("13", "13", (outlet,)), ConflictSide("10", "10", (listing,)))
    conflict = Conflict("cf-1", "Show", "episodes", "", "Season 2 episodes", sides, NOW)
    suggestion = Suggestion(
        "sg-1", "Show", "sw-1", Fact("cast", 2, "Jane Doe", "Role"), "Cast", "add", ("Someone joins.",),
        "extended by", "Cast: Jane Doe as Role", "Jane Doe joins the cast as Role.", (outlet,), NOW,
    )  # fmt: skip
    change = BoardChange("Show", "episodes", "", "Season 2 episodes", "", "13 or 10", NOW, NOW, (outlet, listing))
    review = DeskReview(changes=[change], conflicts=[conflict], to_report=[conflict], new_suggestions=[suggestion])
    digest = Digest("d1", NOW, "s", "<p>", "t", b"m", ["sw-1"])
    store.commit_run(started=NOW, finished=NOW, gathered=gathered, decision=decision, digest=digest, review=review)

    state = store.desk_state(["Show"])
    assert state.latest == {("Show", "episodes", ""): ("13 or 10", NOW, frozenset({"Outlet", "TVmaze"}))}
    assert state.conflicts == {"cf-1": (NOW, True)}  # reported in digest d1: not reported again
    assert state.open_suggestions == [suggestion]
    assert store.conflicts("Show") == [conflict]

    later = NOW.replace(day=3)
    done = dataclasses.replace(suggestion, done=later)
    store.commit_run(
        started=later, finished=later, gathered=Gathered(), decision=Decision(), digest=None,
        review=DeskReview(resolved=["cf-1"], done=[done]),
    )  # fmt: skip
    assert store.desk_state(["Show"]).conflicts == {} and store.desk_state(["Show"]).open_suggestions == []
    assert [c.resolved for c in store.conflicts("Show", open_only=False)] == [later]
    store.close()


def test_a_damaged_desk_record_is_one_line_naming_its_table(tmp_path):
    store = Store.open(tmp_path / "s.sqlite3")
    store.db.execute(
        "INSERT INTO suggestions (id, show, story_id, created, record) VALUES ('sg-9', 'Show', 'sw-1', '2026-01-01', '{not json')"
    )
    with pytest.raises(StoreError, match=r"cannot read the editor's desk: table suggestions sg-9: unreadable record"):
        store.desk_state(["Show"])
    store.close()
