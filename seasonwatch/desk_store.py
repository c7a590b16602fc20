"""The editor's desk in the state file: board history, conflicts and suggested article updates.

Kept apart from `store.py` so the desk's tables and their reading and writing sit in one place;
`Store` runs `MIGRATION` as one versioned step and calls these functions inside its own
transactions. Records go in as JSON where they are nested (sources, a conflict's sides, a
suggestion), as columns where the store looks things up.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from seasonwatch.models import (
    Attribution,
    BoardChange,
    Conflict,
    ConflictSide,
    DeskReview,
    DeskState,
    Fact,
    Suggestion,
    record_of,
)

MIGRATION = """
CREATE TABLE board_history (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    show TEXT NOT NULL,
    row TEXT NOT NULL,
    subject TEXT NOT NULL,
    label TEXT NOT NULL,
    before TEXT NOT NULL,
    after TEXT NOT NULL,
    known_on TEXT NOT NULL,
    recorded TEXT NOT NULL,
    sources TEXT NOT NULL,
    from_article INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX board_history_entry ON board_history(show, row, subject, id);
CREATE TABLE conflicts (
    id TEXT PRIMARY KEY,
    show TEXT NOT NULL,
    row TEXT NOT NULL,
    subject TEXT NOT NULL,
    label TEXT NOT NULL,
    sides TEXT NOT NULL,
    first_seen TEXT NOT NULL,
    resolved TEXT,
    reported_in TEXT
);
CREATE INDEX conflicts_open ON conflicts(show, resolved);
CREATE TABLE suggestions (
    id TEXT PRIMARY KEY,
    show TEXT NOT NULL,
    story_id TEXT NOT NULL,
    created TEXT NOT NULL,
    done TEXT,
    record TEXT NOT NULL
);
CREATE INDEX suggestions_show ON suggestions(show, created);
"""


def _ts(moment: datetime | None) -> str | None:
    return moment.astimezone(UTC).isoformat() if moment else None


def _dt(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def _shows_filter(column: str, shows: Iterable[str]) -> tuple[str, list[str]]:
    return f"{column} IN (SELECT value FROM json_each(?))", [json.dumps(list(shows))]


# ----------------------------------------------------------------------------- records as JSON


def _attribution_data(source: Attribution) -> dict[str, Any]:
    return {**record_of(source), "said_on": _ts(source.said_on)}


def _attribution(data: dict[str, Any]) -> Attribution:
    return Attribution(**{**data, "said_on": _dt(data.get("said_on"))})


def _sources_json(sources: Iterable[Attribution]) -> str:
    return json.dumps([_attribution_data(s) for s in sources])


def _sources(text: str) -> tuple[Attribution, ...]:
    return tuple(_attribution(item) for item in json.loads(text))


def _sides_json(sides: Iterable[ConflictSide]) -> str:
    return json.dumps([{"value": s.value, "text": s.text, "sources": [_attribution_data(a) for a in s.sources]} for s in sides])


def _sides(text: str) -> tuple[ConflictSide, ...]:
    return tuple(
        ConflictSide(item["value"], item["text"], tuple(_attribution(a) for a in item["sources"]))
        for item in json.loads(text)
    )


def _suggestion_json(suggestion: Suggestion) -> str:
    data = record_of(suggestion)
    data["fact"] = record_of(suggestion.fact) if suggestion.fact is not None else None
    data["quoted"] = list(suggestion.quoted)
    data["sources"] = [_attribution_data(s) for s in suggestion.sources]
    data["created"], data["done"] = _ts(suggestion.created), _ts(suggestion.done)
    return json.dumps(data)


def _readable(table: str, parse):
    """`parse` of one stored record, or an SQLite error naming the table and what is wrong, which
    the store reports in one line like any other damage to the state file."""

    def read(text: str, key: str = ""):
        try:
            return parse(text)
        except (ValueError, TypeError, KeyError) as exc:
            raise sqlite3.DatabaseError(f"table {table}{f' {key}' if key else ''}: unreadable record ({exc})") from None

    return read


def _suggestion_record(text: str) -> Suggestion:
    data = json.loads(text)
    data["fact"] = Fact(**data["fact"]) if data["fact"] else None
    data["sources"] = tuple(_attribution(s) for s in data["sources"])
    data["quoted"] = tuple(data["quoted"])
    data["created"], data["done"] = _dt(data["created"]), _dt(data["done"])
    return Suggestion(**data)


_suggestion = _readable("suggestions", _suggestion_record)
_history_sources = _readable("board_history", _sources)
_conflict_sides = _readable("conflicts", _sides)


# ----------------------------------------------------------------------------- reading


def read_state(db: sqlite3.Connection, shows: Iterable[str]) -> DeskState:
    """Each entry's latest words and since when, the open conflicts, the open suggestions."""
    state = DeskState()
    where, params = _shows_filter("show", list(shows))
    for show, row, subject, after, known_on, sources in db.execute(
        "SELECT show, row, subject, after, known_on, sources FROM board_history "
        f"WHERE id IN (SELECT max(id) FROM board_history WHERE {where} GROUP BY show, row, subject)",
        params,
    ):
        said_by = frozenset(s.source for s in _history_sources(sources))
        state.latest[(show, row, subject)] = (after, _dt(known_on), said_by)
    for conflict_id, first_seen, reported_in in db.execute(
        f"SELECT id, first_seen, reported_in FROM conflicts WHERE resolved IS NULL AND {where}", params
    ):
        state.conflicts[conflict_id] = (_dt(first_seen), reported_in is not None)
    state.open_suggestions = [
        _suggestion(record, key)
        for key, record in db.execute(
            f"SELECT id, record FROM suggestions WHERE done IS NULL AND {where} ORDER BY created", params
        )
    ]
    return state


def read_history(db: sqlite3.Connection, show: str) -> list[BoardChange]:
    """Every change of the show's board, oldest first."""
    return [
        BoardChange(
            show=row[0],
            row=row[1],
            subject=row[2],
            label=row[3],
            before=row[4],
            after=row[5],
            known_on=_dt(row[6]),
            recorded=_dt(row[7]),
            sources=_history_sources(row[8]),
            from_article=bool(row[9]),
        )
        for row in db.execute(
            "SELECT show, row, subject, label, before, after, known_on, recorded, sources, from_article "
            "FROM board_history WHERE show = ? ORDER BY id",
            (show,),
        )
    ]


def read_suggestions(db: sqlite3.Connection, show: str) -> list[Suggestion]:
    """The show's suggestions, newest first."""
    return [
        _suggestion(record, key)
        for key, record in db.execute(
            "SELECT id, record FROM suggestions WHERE show = ? ORDER BY created DESC, id", (show,)
        )
    ]


def read_conflicts(db: sqlite3.Connection, show: str, open_only: bool = True) -> list[Conflict]:
    sql = "SELECT id, show, row, subject, label, sides, first_seen, resolved FROM conflicts WHERE show = ?"
    if open_only:
        sql += " AND resolved IS NULL"
    return [
        Conflict(row[0], row[1], row[2], row[3], row[4], _conflict_sides(row[5], row[0]), _dt(row[6]), _dt(row[7]))
        for row in db.execute(sql + " ORDER BY first_seen, id", (show,))
    ]


# ----------------------------------------------------------------------------- writing


def record(db: sqlite3.Connection, review: DeskReview, when: datetime, digest_id: str | None) -> None:
    """One run's desk, inside the run's transaction: changes appended, conflicts opened, kept up
    to date or resolved, suggestions added or marked done."""
    db.executemany(
        "INSERT INTO board_history (show, row, subject, label, before, after, known_on, recorded, sources, from_article) "
        "VALUES (?,?,?,?,?,?,?,?,?,?)",
        [
            (c.show, c.row, c.subject, c.label, c.before, c.after, _ts(c.known_on), _ts(c.recorded),
             _sources_json(c.sources), int(c.from_article))
            for c in review.changes
        ],
    )  # fmt: skip
    for conflict in review.conflicts:
        # an open dispute keeps its first day and its digest (its sides may have gained sources); one
        # that was resolved and is back is a new appearance, to be reported again
        db.execute(
            "INSERT INTO conflicts (id, show, row, subject, label, sides, first_seen) VALUES (?,?,?,?,?,?,?) "
            "ON CONFLICT(id) DO UPDATE SET sides = excluded.sides, label = excluded.label, "
            "first_seen = CASE WHEN resolved IS NULL THEN first_seen ELSE excluded.first_seen END, "
            "reported_in = CASE WHEN resolved IS NULL THEN reported_in ELSE NULL END, resolved = NULL",
            (conflict.id, conflict.show, conflict.row, conflict.subject, conflict.label,
             _sides_json(conflict.sides), _ts(conflict.first_seen)),
        )  # fmt: skip
    db.executemany(
        "UPDATE conflicts SET resolved = ? WHERE id = ? AND resolved IS NULL", [(_ts(when), i) for i in review.resolved]
    )
    if digest_id is not None:
        db.executemany(
            "UPDATE conflicts SET reported_in = ? WHERE id = ? AND reported_in IS NULL",
            [(digest_id, c.id) for c in review.to_report],
        )
    for suggestion in [*review.new_suggestions, *review.refreshed, *review.done]:
        db.execute(
            "INSERT INTO suggestions (id, show, story_id, created, done, record) VALUES (?,?,?,?,?,?) "
            "ON CONFLICT(id) DO UPDATE SET done = excluded.done, record = excluded.record",
            (suggestion.id, suggestion.show, suggestion.story_id, _ts(suggestion.created), _ts(suggestion.done),
             _suggestion_json(suggestion)),
        )  # fmt: skip
