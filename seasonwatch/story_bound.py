"""The history's bound in the state file: which past stories a run reads whole, and the compact
form (a fingerprint) every older story keeps so it never comes back as news.

A story is within the bound while it was updated in the last `keep_days` and is among the newest
`keep_stories`. A run reads those whole; of older ones it reads only the fingerprints its new
items could match (`story_terms`: a person's surname, the names of a headline without facts, and
every story with a fact about a season or the show), in the compact form (`Story.compact`). A
story past the bound that neither the feeds' window nor the editor's desk reads is then kept only
as a fingerprint (`story_fingerprints`): its facts, headline, and each source's outlet, link,
date and item key. Its items stay in `updates`, so none is ever judged again.

Kept apart from `store.py` like `desk_store.py`: `Store` runs `migrate` as one versioned step and
calls these functions inside its own transactions.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from seasonwatch.fact_kinds import Scope, kind_of
from seasonwatch.lexicon.forms import fold
from seasonwatch.lexicon.function_words import STOPWORDS
from seasonwatch.lexicon.not_names import NOT_WORLD
from seasonwatch.models import Fact, HistorySettings, Story, StorySource, Topic, record_of

ANY_REPORT = "*"  # the term of a fingerprint every run with new items compares
_WORD = re.compile(r"[^\W\d_]+")
_NAME = re.compile(r"\b[^\W\d_a-z][^\W\d_]{3,}")  # a capitalised word of four letters or more


def migrate(db: sqlite3.Connection) -> None:
    """Version 5: fingerprints, the terms that find them, and the desk's mark on stories."""
    for statement in (
        """CREATE TABLE story_fingerprints (
            id TEXT PRIMARY KEY,
            show TEXT NOT NULL,
            show_slug TEXT NOT NULL,
            topic TEXT NOT NULL,
            section TEXT NOT NULL,
            headline TEXT NOT NULL,
            facts TEXT NOT NULL,
            sources TEXT NOT NULL,  -- JSON: [outlet, link, published, item key] per source
            first_seen TEXT NOT NULL,
            updated TEXT NOT NULL,
            seq INTEGER NOT NULL
        )""",
        "CREATE TABLE story_terms (term TEXT NOT NULL, story_id TEXT NOT NULL, PRIMARY KEY (term, story_id)) WITHOUT ROWID",
        # 1 until the desk's rules say otherwise: a story is never compacted before they are asked
        "ALTER TABLE stories ADD COLUMN desk INTEGER NOT NULL DEFAULT 1",
        "CREATE INDEX stories_show_sequence ON stories(show, seq)",
        "CREATE INDEX stories_updated ON stories(updated)",
    ):
        db.execute(statement)
    rows = db.execute("SELECT id, show, headline, facts FROM stories").fetchall()
    for story_id, show, headline, facts in rows:
        add_terms(db, story_id, show, headline, [Fact(**f) for f in json.loads(facts)])


def story_terms(show: str, headline: str, facts: Sequence[Fact]) -> set[str]:
    """What a new item must say for an old story of `show` to be compared with it (folded): the
    story index compares a report with a past story only through a shared fact or name, and for a
    compact story those are its facts' people and, without facts, the names in its headline
    (as `newsdesk.stories.new_entities` finds them: not the show's own, not a word of the trade)."""
    terms = set()
    for fact in facts:
        if kind_of(fact).scope is Scope.PERSON and fact.subject.split():
            terms.add(fold(fact.subject.split()[-1]))
        else:
            terms.add(ANY_REPORT)  # few per show: a season's dates, renewals, the network
    if not facts:
        own = {fold(word) for word in show.split()}
        names = {fold(word) for word in _NAME.findall(headline)}
        terms.update(name for name in names if name not in own and name not in NOT_WORLD and name not in STOPWORDS)
    return terms


def words_of(texts: Iterable[str]) -> list[str]:
    """The folded words of new items, as `story_terms` are matched against them."""
    # each distinct word folded once: a morning of 25,000 items has a few thousand words
    written = {word for text in texts for word in _WORD.findall(text)}
    return sorted({fold(word) for word in written} | {ANY_REPORT})


def add_terms(db: sqlite3.Connection, story_id: str, show: str, headline: str, facts: Sequence[Fact]) -> None:
    db.executemany(
        "INSERT OR IGNORE INTO story_terms (term, story_id) VALUES (?, ?)",
        [(term, story_id) for term in sorted(story_terms(show, headline, facts))],
    )


# ---------------------------------------------------------------------------- what is kept whole


@dataclass(frozen=True)
class Keeping:
    """What the state keeps whole: the history's bound, each show's newest `window` stories (the
    feeds), and what the editor's desk reads (`desk_reads(show, facts)`; `desk_key` names the
    answers it gives, the tracked seasons, so a changed season asks it again)."""

    history: HistorySettings = field(default_factory=HistorySettings)
    window: int = 50
    desk_reads: Callable[[str, Sequence[Fact]], bool] | None = None  # None: the desk reads every story
    desk_key: str = ""

    def cutoff(self, now: datetime) -> str:
        return (now - timedelta(days=self.history.keep_days)).astimezone(UTC).isoformat()


def within(db: sqlite3.Connection, keeping: Keeping, now: datetime) -> str:
    """A condition on `stories` that holds for the stories within the bound."""
    newest = db.execute("SELECT coalesce(max(seq), 0) FROM stories").fetchone()[0]
    least = int(newest) - keeping.history.keep_stories
    return f"(stories.updated >= '{keeping.cutoff(now)}' AND stories.seq > {least})"


def mark_desk(db: sqlite3.Connection, keeping: Keeping, ids: Iterable[str] | None = None) -> None:
    """Ask the desk's rules which stories it reads: those `ids`, or every story when the rules'
    answers changed since they were last asked."""
    if keeping.desk_reads is None:
        return
    asked = db.execute("SELECT value FROM meta WHERE key = 'desk_key'").fetchone()
    if asked is None or asked[0] != keeping.desk_key:
        ids = None
        db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('desk_key', ?)", (keeping.desk_key,))
    elif ids is None:
        return
    sql, params = "SELECT id, show, facts FROM stories", []
    if ids is not None:
        sql, params = sql + " WHERE id IN (SELECT value FROM json_each(?))", [json.dumps(list(ids))]
    marks = [
        (int(keeping.desk_reads(show, [Fact(**f) for f in json.loads(facts)])), story_id)
        for story_id, show, facts in db.execute(sql, params).fetchall()
    ]
    db.executemany("UPDATE stories SET desk = ? WHERE id = ?", marks)


def compact(db: sqlite3.Connection, keeping: Keeping, now: datetime) -> int:
    """Keep only the fingerprint of each story past the bound that nothing reads whole: not the
    desk, not a feed's window, not an open suggestion. Returns how many were compacted."""
    ids = [
        row[0]
        for row in db.execute(
            f"SELECT id FROM stories WHERE desk = 0 AND NOT {within(db, keeping, now)} "
            "AND id NOT IN (SELECT story_id FROM suggestions WHERE done IS NULL) "
            "AND id NOT IN (SELECT id FROM (SELECT id, row_number() OVER (PARTITION BY show ORDER BY seq DESC) AS n "
            "FROM stories) WHERE n <= ?)",
            (keeping.window,),
        )
    ]
    for story_id in ids:
        sources = [
            list(row)
            for row in db.execute(
                "SELECT source, url, published, update_key FROM story_sources WHERE story_id = ? ORDER BY position",
                (story_id,),
            )
        ]
        db.execute(
            "INSERT INTO story_fingerprints (id, show, show_slug, topic, section, headline, facts, sources, first_seen, updated, seq) "
            "SELECT id, show, show_slug, topic, section, headline, facts, ?, first_seen, updated, seq FROM stories WHERE id = ?",
            (json.dumps(sources), story_id),
        )
        db.execute("DELETE FROM story_sources WHERE story_id = ?", (story_id,))
        db.execute("DELETE FROM stories WHERE id = ?", (story_id,))
    return len(ids)


# ---------------------------------------------------------------------------- compact stories

COMPACT_COLUMNS = "id, show, show_slug, topic, section, headline, facts, first_seen, updated"


def compact_story(row: Sequence, sources: list[StorySource], parse: Callable[[str], datetime | None]) -> Story:
    return Story(
        id=row[0],
        show=row[1],
        show_slug=row[2],
        topic=Topic(row[3]),
        section=row[4],
        headline=row[5],
        summary="",
        facts=[Fact(**f) for f in json.loads(row[6])],
        sources=sources,
        first_seen=parse(row[7]),
        updated=parse(row[8]),
        compact=True,
    )


def fingerprint_sources(text: str, parse: Callable[[str], datetime | None]) -> list[StorySource]:
    return [StorySource(source, "", url, parse(published), "", key) for source, url, published, key in json.loads(text)]


def fingerprint_json(sources: Sequence[StorySource], stamp: Callable[[datetime | None], str | None]) -> str:
    return json.dumps([[s.source, s.url, stamp(s.published), s.update_key] for s in sources])


def facts_json(facts: Sequence[Fact]) -> str:
    return json.dumps([record_of(f) for f in facts])
