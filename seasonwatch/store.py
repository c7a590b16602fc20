"""The state of Season Watch in one SQLite file: what was seen, emitted, learned and sent.

Everything a run learns is committed in one transaction (`commit_run`), so a run killed
half-way leaves the state as it was before the run, and the next run does the work again.
The schema carries a version (PRAGMA user_version); `MIGRATIONS` brings an older file up to date.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import sqlite3
import stat
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

from seasonwatch import desk_store, story_bound
from seasonwatch.errors import StoreError
from seasonwatch.models import (
    Board,
    Conflict,
    Decision,
    DeskReview,
    DeskState,
    Digest,
    Fact,
    FactObservation,
    Fate,
    Gathered,
    History,
    HttpValidators,
    ShowDesk,
    StatedFacts,
    Story,
    StorySource,
    Topic,
    record_of,
)

# In the SQLite header (PRAGMA application_id): "SWst", Season Watch state
APPLICATION_ID = 0x53577374
SQLITE_HEADER = b"SQLite format 3\x00"
# How long a real run waits for another program's lock on the state, and how often it tries to
# record a delivery's outcome (which must not be lost) before it writes it to the journal instead
BUSY_TIMEOUT = 30.0
OUTCOME_TRIES = 3
OUTCOME_PAUSE = 2.0  # seconds between tries
JOURNAL_RESERVE = 64 * 1024  # bytes set aside for the journal while there is room
RECOVER = "see 'Recovering the state file' in the README"

MIGRATIONS: list[str | Callable[[sqlite3.Connection], None]] = [
    # version 1
    """
    CREATE TABLE http_validators (
        source TEXT PRIMARY KEY,
        url TEXT NOT NULL,
        etag TEXT NOT NULL DEFAULT '',
        last_modified TEXT NOT NULL DEFAULT '',
        stored_at TEXT NOT NULL
    );
    CREATE TABLE runs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        started TEXT NOT NULL,
        finished TEXT NOT NULL,
        updates INTEGER NOT NULL,
        new_stories INTEGER NOT NULL,
        grown_stories INTEGER NOT NULL,
        failed_sources INTEGER NOT NULL
    );
    CREATE TABLE source_runs (
        run_id INTEGER NOT NULL REFERENCES runs(id),
        source TEXT NOT NULL,
        url TEXT NOT NULL,
        status TEXT NOT NULL,
        detail TEXT NOT NULL,
        seconds REAL NOT NULL,
        items INTEGER NOT NULL,
        PRIMARY KEY (run_id, source)
    );
    CREATE TABLE updates (
        key TEXT PRIMARY KEY,
        source TEXT NOT NULL,
        url TEXT NOT NULL,
        canonical_url TEXT NOT NULL,
        title TEXT NOT NULL,
        first_seen TEXT NOT NULL,
        fate TEXT NOT NULL,
        story_id TEXT
    );
    CREATE INDEX updates_canonical ON updates(canonical_url);
    CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        show TEXT NOT NULL,
        show_slug TEXT NOT NULL,
        topic TEXT NOT NULL,
        section TEXT NOT NULL,
        headline TEXT NOT NULL,
        summary TEXT NOT NULL,
        summary_html TEXT NOT NULL,
        facts TEXT NOT NULL,
        first_seen TEXT NOT NULL,
        updated TEXT NOT NULL
    );
    CREATE INDEX stories_recent ON stories(first_seen);
    CREATE TABLE story_sources (
        story_id TEXT NOT NULL REFERENCES stories(id),
        position INTEGER NOT NULL,
        source TEXT NOT NULL,
        title TEXT NOT NULL,
        url TEXT NOT NULL,
        published TEXT,
        summary TEXT NOT NULL,
        update_key TEXT NOT NULL,
        PRIMARY KEY (story_id, position)
    );
    CREATE TABLE facts (
        show TEXT NOT NULL,
        kind TEXT NOT NULL,
        season INTEGER NOT NULL,  -- -1 for facts about the whole show
        subject TEXT NOT NULL,
        value TEXT NOT NULL,
        source TEXT NOT NULL,
        source_url TEXT NOT NULL,
        observed_at TEXT NOT NULL,
        PRIMARY KEY (show, kind, season, subject)
    );
    CREATE TABLE digests (
        id TEXT PRIMARY KEY,
        created TEXT NOT NULL,
        subject TEXT NOT NULL,
        html TEXT NOT NULL,
        text TEXT NOT NULL,
        message BLOB NOT NULL,
        story_ids TEXT NOT NULL,
        status TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT NOT NULL DEFAULT '',
        sent_at TEXT
    );
    """,
    # version 2: known facts are kept per source, so one source's outage or wording never reads
    # as another's change; subjects are stored case-folded, as they are looked up
    """
    CREATE TABLE facts_by_source (
        show TEXT NOT NULL,
        source TEXT NOT NULL,
        kind TEXT NOT NULL,
        season INTEGER NOT NULL,  -- -1 for facts about the whole show
        subject TEXT NOT NULL,
        value TEXT NOT NULL,
        source_url TEXT NOT NULL,
        observed_at TEXT NOT NULL,
        PRIMARY KEY (show, source, kind, season, subject)
    );
    INSERT OR REPLACE INTO facts_by_source (show, source, kind, season, subject, value, source_url, observed_at)
        SELECT show, source, kind, season, casefold(subject), value, source_url, observed_at FROM facts;
    DROP TABLE facts;
    ALTER TABLE facts_by_source RENAME TO facts;
    """,
    # version 3: the file says it is ours and when it was set up, so an emptied or foreign file
    # is refused instead of taken for a first run; stories carry a sequence number, so the feeds
    # keep their order when the clock steps back; a delivery attempt is recorded before it is
    # made (two phases: "sending", then its outcome)
    f"""
    PRAGMA application_id = {APPLICATION_ID};
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    INSERT INTO meta (key, value) VALUES ('initialised', utc_now());
    ALTER TABLE stories ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
    UPDATE stories SET seq = numbered.n
        FROM (SELECT id, row_number() OVER (ORDER BY first_seen, rowid) AS n FROM stories) AS numbered
        WHERE numbered.id = stories.id;
    CREATE INDEX stories_sequence ON stories(seq);
    ALTER TABLE digests ADD COLUMN message_id TEXT NOT NULL DEFAULT '';
    ALTER TABLE digests ADD COLUMN attempt_started TEXT;
    """,
    # version 4: the editor's desk: board history, conflicts between sources, suggested article updates
    desk_store.MIGRATION,
    # version 5: the history's bound: fingerprints of old stories, the terms that find them
    story_bound.migrate,
    # version 6: what each report states as the editor's desk read it (JSON: the reading's name
    # and its facts; NULL until the desk reads it), so a run does not read every report again
    "ALTER TABLE story_sources ADD COLUMN stated TEXT;",
]
SCHEMA_VERSION = len(MIGRATIONS)



P = ParamSpec("P")
R = TypeVar("R")


def _sql_errors(doing: str) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Turns an SQLite error ("database is locked", "disk I/O error", a damaged file) in a Store
    method into a StoreError: one line for the operator, not a traceback."""

    def wrap(method: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(method)
        def guarded(*args: P.args, **kwargs: P.kwargs) -> R:
            try:
                return method(*args, **kwargs)
            except sqlite3.Error as exc:
                store = args[0]
                raise StoreError(f"{getattr(store, 'path', None) or 'state'}: cannot {doing}: {exc}") from None

        return guarded

    return wrap


def _ts(moment: datetime | None) -> str | None:
    return moment.astimezone(UTC).isoformat() if moment else None


def _dt(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def _stated_json(stated: StatedFacts) -> str:
    return json.dumps({"reader": stated.reader, "facts": [record_of(f) for f in stated.facts]})


def _stated(text: str) -> StatedFacts | None:
    """A kept reading; one this release cannot read is no reading (the desk reads the report
    again), never a damaged state."""
    try:
        data = json.loads(text)
        return StatedFacts(data["reader"], tuple(Fact(**f) for f in data["facts"]))
    except (ValueError, TypeError, KeyError):
        return None


class Store:
    def __init__(self, connection: sqlite3.Connection, path: Path | None) -> None:
        self.db = connection
        self.path = path
        self.note = ""  # for --dry-run: why it reads no state
        self._latest_run: int | None = None  # the last run committed when the history was read
        self.keeping = story_bound.Keeping()  # what stays whole: the run sets it from its config

    # ----------------------------------------------------------------- opening

    @classmethod
    def open(cls, path: Path) -> Store:
        """Open the state file for a real run: created (private to its owner) when there is none,
        migrated when it is older, refused when it is empty, truncated or not ours."""
        try:
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            if not os.path.lexists(path):
                _create(path)
            _refuse_if_not_ours(path)
            _make_private(path)
            db = sqlite3.connect(path, timeout=BUSY_TIMEOUT, isolation_level=None)
            # A rollback journal, not WAL: one writer at a time is all a cron job needs, and a
            # read-only open of a WAL file creates -wal and -shm files, which --dry-run must not.
            # (Files of earlier releases are in WAL mode: this converts them.)
            db.execute("PRAGMA journal_mode=DELETE")
            # EXTRA: FULL, plus a sync of the folder once the journal is deleted, which is the
            # commit in DELETE mode. A power loss right after a digest was mailed and marked
            # sent must not bring the journal back and roll the mark back (a second copy).
            db.execute("PRAGMA synchronous=EXTRA")
            db.execute("PRAGMA foreign_keys=ON")
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(f"{path}: cannot open the state file: {exc}") from None
        store = cls(db, path)
        store._check_identity()
        store._migrate()
        store._apply_journal()
        return store

    @classmethod
    def open_readonly(cls, path: Path) -> Store:
        """For --dry-run: read what exists, write nothing, create nothing. A state file of an
        earlier release is migrated in memory; `note` says when there is no state to read."""
        if not os.path.lexists(path):
            store = cls(sqlite3.connect(":memory:", isolation_level=None), None)
            store._migrate()
            store.note = f"no state file at {path} yet: this is what a first run would emit"
            return store
        _refuse_if_not_ours(path)
        try:
            db = sqlite3.connect(_read_only_uri(path), uri=True, timeout=BUSY_TIMEOUT, isolation_level=None)
            store = cls(db, path)
            store._check_identity()
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version < SCHEMA_VERSION:
                # an earlier release's file: brought up to date in a copy in memory, never on disk
                memory = sqlite3.connect(":memory:", isolation_level=None)
                db.backup(memory)
                db.close()
                store = cls(memory, path)
        except sqlite3.Error as exc:
            raise StoreError(f"{path}: cannot read the state file: {exc}") from None
        store._migrate()
        return store

    def close(self) -> None:
        self.db.close()

    def _check_identity(self) -> None:
        """Ours: our application id, or (written before it existed) our schema version and tables."""
        try:
            application = self.db.execute("PRAGMA application_id").fetchone()[0]
            version = self.db.execute("PRAGMA user_version").fetchone()[0]
            tables = {row[0] for row in self.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            initialised = (
                "meta" in tables and self.db.execute("SELECT 1 FROM meta WHERE key = 'initialised'").fetchone()
            )
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a Season Watch state file ({exc}); {RECOVER}") from None
        if application == APPLICATION_ID and initialised:
            return
        if application == 0 and 1 <= version < 3 and {"digests", "stories", "updates"} <= tables:
            return  # an earlier release's file, from before the application id: migrated below
        if application == APPLICATION_ID:
            raise StoreError(f"{self.path}: the state file has lost its record of being set up (damaged?); {RECOVER}")
        raise StoreError(
            f"{self.path}: not a Season Watch state file (an SQLite database of another program, "
            f"application id {application}, schema {version}); {RECOVER}"
        )

    def _migrate(self) -> None:
        # SQL's lower() folds ASCII only ("ÅSTRÖM", "Strauß" stay): migrations fold as lookups do
        self.db.create_function("casefold", 1, str.casefold, deterministic=True)
        self.db.create_function("utc_now", 0, lambda: datetime.now(UTC).isoformat(timespec="seconds"))
        try:
            version = self.db.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a Season Watch state file: {exc}") from None
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: written by a newer Season Watch (schema {version}, this one knows {SCHEMA_VERSION})"
            )
        for number in range(version, SCHEMA_VERSION):
            step = MIGRATIONS[number]
            with self.transaction():
                if callable(step):
                    step(self.db)
                else:
                    for statement in _statements(step):
                        self.db.execute(statement)
                self.db.execute(f"PRAGMA user_version={number + 1}")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """All or nothing; an SQLite error on the way is a StoreError and nothing is kept."""
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path or 'state'}: cannot write the state file: {exc}") from None
        try:
            yield self.db
            self.db.execute("COMMIT")
        except BaseException as exc:
            if self.db.in_transaction:
                with contextlib.suppress(sqlite3.Error):
                    self.db.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise StoreError(f"{self.path or 'state'}: cannot write the state file: {exc}") from None
            raise

    # ----------------------------------------------------------------- reading

    @_sql_errors("read the HTTP validators")
    def validators(self) -> dict[str, HttpValidators]:
        rows = self.db.execute("SELECT source, url, etag, last_modified FROM http_validators")
        return {f"{source}\x1f{url}": HttpValidators(etag, modified) for source, url, etag, modified in rows}

    @_sql_errors("read the history")
    def history(
        self, shows: Iterable[str] | None = None, gathered: Gathered | None = None, now: datetime | None = None
    ) -> History:
        """What the newsdesk needs to judge `gathered` at `now`: the earlier fate of its items, and
        the past stories their news may belong to: those within the bound whole, older ones in
        their compact form when a new item names what they told. Without `gathered`, everything."""
        history = History()
        self._latest_run = self.db.execute("SELECT coalesce(max(id), 0) FROM runs").fetchone()[0]
        if gathered is None:
            self._identity(history, self.db.execute("SELECT key, canonical_url, story_id, fate, first_seen FROM updates"))
            history.stories = self._sorted([*self.stories(shows=shows), *self._compact(shows=shows)])
        else:
            self._read_identity(history, gathered)
            history.stories = self._past(history, shows, gathered, now or datetime.now(UTC))
        for show, source, kind, season, subject, value in self.db.execute(
            "SELECT show, source, kind, season, subject, value FROM facts"
        ):
            history.known_facts[(show, source, kind, None if season < 0 else season, subject)] = value
        return history

    @staticmethod
    def _identity(history: History, rows: Iterable[tuple]) -> None:
        for key, canonical_url, story_id, fate, first_seen in rows:
            if story_id is None:
                history.seen[key] = (fate, _dt(first_seen))
                continue
            history.update_story[key] = story_id
            if canonical_url:
                history.url_story[canonical_url] = story_id

    def _read_identity(self, history: History, gathered: Gathered) -> None:
        """The rows of this run's items, looked up by key and by link (indexed), never all rows."""
        keys = json.dumps([update.key for update in gathered.updates])
        urls = json.dumps(sorted({update.canonical_url for update in gathered.updates if update.canonical_url}))
        columns = "key, canonical_url, story_id, fate, first_seen"
        rows = self.db.execute(
            f"SELECT rowid, {columns} FROM updates WHERE key IN (SELECT value FROM json_each(?)) "
            f"UNION SELECT rowid, {columns} FROM updates WHERE story_id > '' "  # an item of a story
            "AND canonical_url IN (SELECT value FROM json_each(?)) ORDER BY 1",
            (keys, urls),
        )
        # in the table's order, as a whole read has them: of two rows with one link, the later wins
        self._identity(history, (row[1:] for row in rows))

    def _past(self, history: History, shows: Iterable[str] | None, gathered: Gathered, now: datetime) -> list[Story]:
        """The past stories this run compares with: only those its items were sent in when every
        item was judged before; else every story within the bound, whole, and the older ones a
        new item names, compact."""
        shows = list(shows) if shows is not None else None
        referenced = set(history.update_story.values()) | set(history.url_story.values())
        known = {story.id: story for story in self.stories(ids=referenced, shows=shows)}
        fresh = [
            update
            for update in gathered.updates
            if update.key not in history.seen
            and (history.update_story.get(update.key) or history.url_story.get(update.canonical_url or "")) not in known
        ]
        if not fresh and not gathered.observations:
            return self._sorted(known.values())
        # a state with no story past its bound has no terms to match: no need to read every word
        any_terms = self.db.execute("SELECT EXISTS (SELECT 1 FROM story_terms)").fetchone()[0]
        words = story_bound.words_of(f"{update.title} {update.summary}" for update in fresh) if any_terms else []
        past = {story.id: story for story in [*known.values(), *self._compact(shows=shows, words=words, now=now)]}
        past.update((story.id, story) for story in self.stories(shows=shows, within=now))
        return self._sorted(past.values())

    def _sorted(self, stories: Iterable[Story]) -> list[Story]:
        """In the order `stories()` gives (the order they were found in), whatever their form."""
        chosen = list(stories)
        ids = json.dumps([story.id for story in chosen])
        order = dict(
            self.db.execute(
                "SELECT id, seq FROM stories WHERE id IN (SELECT value FROM json_each(?)) "
                "UNION ALL SELECT id, seq FROM story_fingerprints WHERE id IN (SELECT value FROM json_each(?))",
                (ids, ids),
            )
        )
        return sorted(chosen, key=lambda story: (-order.get(story.id, 0), story.id))

    def _compact(
        self,
        shows: Iterable[str] | None = None,
        words: list[str] | None = None,
        now: datetime | None = None,
        ids: Iterable[str] | None = None,
    ) -> list[Story]:
        """Stories past the bound in their compact form: fingerprints and, when `now` is given, the
        stories kept whole for the desk or the feeds that are past the bound at `now`; only
        those with a term among `words`, when given, or with those `ids`."""
        matching = " AND id IN (SELECT story_id FROM story_terms WHERE term IN (SELECT value FROM json_each(?)))"
        extra = [json.dumps(words)] if words is not None else []
        columns = story_bound.COMPACT_COLUMNS
        sql, params = _select(f"SELECT {columns}, sources FROM story_fingerprints", show=shows, id=ids)
        sql = _and(sql, matching if words is not None else "")
        found = [
            story_bound.compact_story(row, story_bound.fingerprint_sources(row[-1], _dt), _dt)
            for row in self.db.execute(sql, [*params, *extra])
        ]
        if now is None:
            return found
        sql, params = _select(f"SELECT {columns} FROM stories", show=shows, id=ids)
        sql = _and(sql, f" AND NOT {story_bound.within(self.db, self.keeping, now)}" + (matching if words is not None else ""))
        rows = self.db.execute(sql, [*params, *extra]).fetchall()
        sources: dict[str, list[StorySource]] = {row[0]: [] for row in rows}
        for story_id, source, url, published, key in self.db.execute(
            "SELECT story_id, source, url, published, update_key FROM story_sources "
            "WHERE story_id IN (SELECT value FROM json_each(?)) ORDER BY story_id, position",
            (json.dumps(list(sources)),),
        ):
            sources[story_id].append(StorySource(source, "", url, _dt(published), "", key))
        return found + [story_bound.compact_story(row, sources[row[0]], _dt) for row in rows]

    @_sql_errors("read the known facts")
    def known_facts(self, shows: Iterable[str] | None = None) -> list[FactObservation]:
        """What each structured source said last about each fact, with where and when."""
        chosen, params = _select(
            "SELECT show, kind, season, subject, value, source, source_url, observed_at FROM facts", show=shows
        )
        return [
            FactObservation(show, Fact(kind, None if season < 0 else season, subject, value), source, url, _dt(seen))
            for show, kind, season, subject, value, source, url, seen in self.db.execute(chosen, params)
        ]

    @_sql_errors("read the editor's desk")
    def desk_state(self, shows: Iterable[str]) -> DeskState:
        return desk_store.read_state(self.db, shows)

    @_sql_errors("read the editor's desk")
    def show_desk(self, board: Board) -> ShowDesk:
        """A show's current board with its history and its suggestions, as the outputs show them."""
        return ShowDesk(
            board, desk_store.read_history(self.db, board.show), desk_store.read_suggestions(self.db, board.show)
        )

    @_sql_errors("read the conflicts")
    def conflicts(self, show: str, open_only: bool = True) -> list[Conflict]:
        return desk_store.read_conflicts(self.db, show, open_only)

    @_sql_errors("read the stories")
    def stories(
        self,
        shows: Iterable[str] | None = None,
        limit: int | None = None,
        ids: Iterable[str] | None = None,
        within: datetime | None = None,
        readings: bool = False,
    ) -> list[Story]:
        """Stories whole, newest first: of `shows`, the `limit` newest, those `ids` (a story past
        the bound that is kept only as a fingerprint comes in its compact form, last), or those
        within the bound at `within`; with the desk's kept reading of each report when `readings`
        (only the desk uses them: others need not pay for reading them)."""
        ids = list(ids) if ids is not None else None
        chosen, params = _select("FROM stories", show=shows, id=ids)
        if within is not None:
            chosen = _and(chosen, f" AND {story_bound.within(self.db, self.keeping, within)}")
        chosen += " ORDER BY seq DESC, id"  # the order they were found in, whatever the clock said
        if limit is not None:
            chosen += f" LIMIT {int(limit)}"
        columns = "id, show, show_slug, topic, section, headline, summary, summary_html, facts, first_seen, updated"
        stories = [
            Story(
                id=row[0],
                show=row[1],
                show_slug=row[2],
                topic=Topic(row[3]),
                section=row[4],
                headline=row[5],
                summary=row[6],
                summary_html=row[7],
                facts=[Fact(**f) for f in json.loads(row[8])],
                sources=[],
                first_seen=_dt(row[9]),
                updated=_dt(row[10]),
            )
            for row in self.db.execute(f"SELECT {columns} {chosen}", params)
        ]
        by_id = {story.id: story for story in stories}
        if by_id:
            # their sources through the same selection as a subquery: one '?' per story would
            # break past SQLite's limit on variables (32,766) once the history is that long
            stated = "stated" if readings else "NULL"
            for row in self.db.execute(
                f"SELECT story_id, source, title, url, published, summary, update_key, {stated} FROM story_sources "
                f"WHERE story_id IN (SELECT id {chosen}) ORDER BY story_id, position",
                params,
            ):
                by_id[row[0]].sources.append(
                    StorySource(
                        source=row[1],
                        title=row[2],
                        url=row[3],
                        published=_dt(row[4]),
                        summary=row[5],
                        update_key=row[6],
                        stated=_stated(row[7]) if row[7] else None,
                    )
                )
        if ids:
            missing = set(ids) - set(by_id)
            stories += self._compact(shows=shows, ids=missing) if missing else []
        return stories

    @_sql_errors("read the stories")
    def desk_stories(self, shows: Iterable[str]) -> list[Story]:
        """The stories the editor's desk reads, whole: those whose facts its rules list, and
        those of open suggestions (a story the desk does not read is left out: it would change
        nothing on a board)."""
        shows = list(shows)
        keeping = self.keeping
        asked = self.db.execute("SELECT value FROM meta WHERE key = 'desk_key'").fetchone()
        if keeping.desk_reads is None:
            return self.stories(shows=shows, readings=True)
        suggested = "id IN (SELECT story_id FROM suggestions WHERE done IS NULL)"
        if asked is not None and asked[0] == keeping.desk_key:
            chosen, params = _select("SELECT id FROM stories", show=shows)
            ids = [row[0] for row in self.db.execute(_and(chosen, f" AND (desk = 1 OR {suggested})"), params)]
        else:  # the marks are of other seasons (a read-only look before a run asks again): ask now
            chosen, params = _select("SELECT id, show, facts, " + suggested + " FROM stories", show=shows)
            ids = [
                story_id
                for story_id, show, facts, open_one in self.db.execute(chosen, params)
                if open_one or keeping.desk_reads(show, [Fact(**f) for f in json.loads(facts)])
            ]
        return self.stories(ids=ids, readings=True) if ids else []

    @_sql_errors("read the digests")
    def digests(
        self, status: str | None = None, newest: int | None = None, ids: Iterable[str] | None = None
    ) -> list[Digest]:
        """Digests oldest first: all, or those with `status`, or the `newest` few, or those `ids`."""
        if newest is not None:
            ids = self.digest_ids()[-newest:] if newest > 0 else []
        sql, params = _select(
            "SELECT id, created, subject, html, text, message, story_ids, status FROM digests",
            status=[status] if status else None,
            id=ids,
        )
        # in the order they were composed: ids of runs in the same second ("…Z", "…Z-2") do not
        # sort, and `created` goes back with the clock
        sql += " ORDER BY rowid"
        return [
            Digest(
                id=row[0],
                created=_dt(row[1]),
                subject=row[2],
                html=row[3],
                text=row[4],
                message=bytes(row[5]),
                story_ids=json.loads(row[6]),
                status=row[7],
            )
            for row in self.db.execute(sql, params)
        ]

    @_sql_errors("read the recent stories")
    def recent_stories(self, shows: Iterable[str], per_show: int) -> list[Story]:
        """The `per_show` newest stories of each show, newest first (as `stories` orders them),
        read together: the feeds' windows for every show at once, and for all shows (its newest
        `per_show` are among these)."""
        chosen, params = _select("FROM stories", show=shows)
        ids = [
            row[0]
            for row in self.db.execute(
                "SELECT id FROM (SELECT id, row_number() OVER (PARTITION BY show ORDER BY seq DESC, id) AS n "
                f"{chosen}) WHERE n <= ?",
                [*params, int(per_show)],
            )
        ]
        return self.stories(ids=ids)

    # ----------------------------------------------------------------- writing

    @_sql_errors("record the run")
    def commit_run(
        self,
        *,
        started: datetime,
        finished: datetime,
        gathered: Gathered,
        decision: Decision,
        digest: Digest | None,
        review: DeskReview | None = None,
    ) -> int:
        """Record everything one run learned, atomically. Returns the run's number. Refused when
        another run committed since this one read the history (two runs at once: the lock file
        was removed under the first), so a story is never decided and sent by both."""
        with self.transaction() as db:
            latest = db.execute("SELECT coalesce(max(id), 0) FROM runs").fetchone()[0]
            if self._latest_run is not None and latest != self._latest_run:
                raise StoreError(
                    f"{self.path}: another run recorded its results while this one ran (was the lock file "
                    "removed?); this run keeps nothing and the next run does its work again"
                )
            failed = sum(1 for r in gathered.reports if r.status == "failed")
            cursor = db.execute(
                "INSERT INTO runs (started, finished, updates, new_stories, grown_stories, failed_sources) VALUES (?,?,?,?,?,?)",
                (
                    _ts(started),
                    _ts(finished),
                    len(gathered.updates),
                    len(decision.new_stories),
                    len(decision.grown_stories),
                    failed,
                ),
            )
            run_id = cursor.lastrowid
            db.executemany(
                "INSERT OR REPLACE INTO source_runs (run_id, source, url, status, detail, seconds, items) VALUES (?,?,?,?,?,?,?)",
                [
                    (run_id, r.source, r.url, str(r.status), r.detail, round(r.seconds, 3), r.items)
                    for r in gathered.reports
                ],
            )
            for story in decision.new_stories:
                self._insert_story(story)
            for story in decision.grown_stories:
                self._replace_sources(story)
            by_key = {update.key: update for update in gathered.updates}
            for verdict in decision.verdicts:
                update = by_key.get(verdict.update_key)
                if update is None or verdict.fate == Fate.SEEN:
                    continue  # an update judged in an earlier run keeps that judgement
                db.execute(
                    "INSERT INTO updates (key, source, url, canonical_url, title, first_seen, fate, story_id) VALUES (?,?,?,?,?,?,?,?) "
                    "ON CONFLICT(key) DO UPDATE SET fate = excluded.fate, story_id = coalesce(updates.story_id, excluded.story_id)",
                    (
                        update.key,
                        update.source,
                        update.url,
                        update.canonical_url,
                        update.title,
                        _ts(finished),
                        str(verdict.fate),
                        verdict.story_id or None,
                    ),
                )
            self._remember_facts(decision.known_facts)
            for key, validators in gathered.validators.items():
                source, url = key.split("\x1f", 1)
                db.execute(
                    "INSERT OR REPLACE INTO http_validators (source, url, etag, last_modified, stored_at) VALUES (?,?,?,?,?)",
                    (source, url, validators.etag, validators.last_modified, _ts(finished)),
                )
            if digest is not None:
                db.execute(
                    "INSERT INTO digests (id, created, subject, html, text, message, story_ids, status) VALUES (?,?,?,?,?,?,?,?)",
                    (
                        digest.id,
                        _ts(digest.created),
                        digest.subject,
                        digest.html,
                        digest.text,
                        digest.message,
                        json.dumps(digest.story_ids),
                        digest.status,
                    ),
                )
            if review is not None:
                desk_store.record(db, review, finished, digest.id if digest else None)
                self._keep_readings(review.readings)
            # the desk is asked about the new stories first: one it reads is never compacted
            story_bound.mark_desk(db, self.keeping, [story.id for story in decision.new_stories])
            story_bound.compact(db, self.keeping, started)
        return int(run_id)

    def _insert_story(self, story: Story) -> None:
        story_bound.add_terms(self.db, story.id, story.show, story.headline, story.facts)
        self.db.execute(
            "INSERT INTO stories (id, show, show_slug, topic, section, headline, summary, summary_html, facts, first_seen, updated, seq) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?, (SELECT coalesce(max(seq), 0) + 1 FROM stories))",
            (
                story.id,
                story.show,
                story.show_slug,
                str(story.topic),
                story.section,
                story.headline,
                story.summary,
                story.summary_html,
                json.dumps([record_of(f) for f in story.facts]),
                _ts(story.first_seen),
                _ts(story.updated),
            ),
        )
        self._replace_sources(story)

    def _replace_sources(self, story: Story) -> None:
        if story.compact:
            # a story past the bound that gained a source: its stored sources are in `story`
            # without their text (see pipeline.whole_growth), so only the new ones are added
            self._grow_compact(story)
            return
        self.db.execute("UPDATE stories SET updated = ? WHERE id = ?", (_ts(story.updated), story.id))
        # the decision's stories come without the desk's readings: the kept ones stay with their report
        kept = dict(
            self.db.execute("SELECT url, stated FROM story_sources WHERE story_id = ? AND stated IS NOT NULL", (story.id,))
        )
        self.db.execute("DELETE FROM story_sources WHERE story_id = ?", (story.id,))
        self.db.executemany(
            "INSERT INTO story_sources (story_id, position, source, title, url, published, summary, update_key, stated) "
            "VALUES (?,?,?,?,?,?,?,?,?)",
            [
                (story.id, position, s.source, s.title, s.url, _ts(s.published), s.summary, s.update_key,
                 _stated_json(s.stated) if s.stated else kept.get(s.url))
                for position, s in enumerate(story.sources)
            ],
        )  # fmt: skip

    def _keep_readings(self, readings: Iterable[tuple[str, str, StatedFacts]]) -> None:
        self.db.executemany(
            "UPDATE story_sources SET stated = ? WHERE story_id = ? AND url = ?",
            [(_stated_json(stated), story_id, url) for story_id, url, stated in readings],
        )

    def _grow_compact(self, story: Story) -> None:
        stored = self.db.execute("SELECT 1 FROM story_fingerprints WHERE id = ?", (story.id,)).fetchone()
        if stored:
            self.db.execute(
                "UPDATE story_fingerprints SET sources = ?, updated = ? WHERE id = ?",
                (story_bound.fingerprint_json(story.sources, _ts), _ts(story.updated), story.id),
            )
            return
        raise StoreError(f"{self.path}: story {story.id} is whole in the state but was grown in its compact form")

    def _remember_facts(self, observations: Iterable[FactObservation]) -> None:
        for obs in observations:
            fact = obs.fact
            self.db.execute(
                "INSERT OR REPLACE INTO facts (show, kind, season, subject, value, source, source_url, observed_at) VALUES (?,?,?,?,?,?,?,?)",
                (
                    obs.show,
                    fact.kind,
                    -1 if fact.season is None else fact.season,
                    fact.subject.casefold(),
                    fact.value,
                    obs.source,
                    obs.source_url,
                    _ts(obs.observed_at),
                ),
            )

    @_sql_errors("read the digests")
    def digest_ids(self) -> list[str]:
        return [row[0] for row in self.db.execute("SELECT id FROM digests ORDER BY rowid")]

    @_sql_errors("read the digests")
    def unused_digest_id(self, wanted: str) -> str:
        """`wanted` (a UTC timestamp), or with a suffix when a run in the same second took it."""
        candidate, number = wanted, 1
        while self.db.execute("SELECT 1 FROM digests WHERE id = ?", (candidate,)).fetchone():
            number += 1
            candidate = f"{wanted}-{number}"
        return candidate

    @_sql_errors("record the digest's delivery")
    def mark_digest(self, digest_id: str, status: str, error: str = "", attempted: bool = True) -> None:
        """Record a delivery's outcome: "sent", "pending" (to retry), "failed" (never retried) or
        "unconfirmed" (the server may have it), with the reason; `attempted` False when the
        attempt was counted already (claimed) or never made (a digest given up)."""
        with self.transaction():
            self.mark_digest_in_transaction(digest_id, status, error, attempted)

    def mark_digest_in_transaction(self, digest_id: str, status: str, error: str, attempted: bool = False) -> None:
        self.db.execute(
            "UPDATE digests SET status = ?, attempts = attempts + ?, last_error = ?, sent_at = CASE WHEN ? = 'sent' THEN ? ELSE sent_at END WHERE id = ?",
            (status, int(attempted), error, status, _ts(datetime.now(UTC)), digest_id),
        )

    # ----------------------------------------------------------------- delivery, in two phases

    @_sql_errors("record a delivery attempt")
    def claim_delivery(self, digest_id: str, message_id: str, resend: bool = False) -> bool:
        """Record, before anything is sent, that `digest_id` is being sent now (status
        "sending"). False when it is not this run's to send: not pending any more (another run
        took it), unless `resend` (the operator asked, holding the run lock) takes it whatever
        its status. Raises StoreError when the state cannot record it: then nothing may be sent."""
        allowed = "" if resend else "AND status = 'pending'"
        with self.transaction() as db:
            cursor = db.execute(
                "UPDATE digests SET status = 'sending', attempts = attempts + 1, message_id = ?, attempt_started = ? "
                f"WHERE id = ? {allowed}",
                (message_id, _ts(datetime.now(UTC)), digest_id),
            )
        return cursor.rowcount == 1

    def record_outcome(self, digest_id: str, status: str, error: str = "") -> bool:
        """Record how a claimed attempt ended. A busy or full state is tried again a few times,
        then the outcome goes to the delivery journal beside the state file, which the next run
        applies first. False only when neither could keep it: the digest then stays "sending",
        which the next run treats as unconfirmed (never sent again blindly)."""
        for attempt in range(OUTCOME_TRIES):
            try:
                self.mark_digest(digest_id, status, error, attempted=False)
                return True
            except StoreError:
                if attempt + 1 < OUTCOME_TRIES:
                    time.sleep(OUTCOME_PAUSE)
        return self._journal(digest_id, status, error)

    @_sql_errors("read the digests")
    def settle_interrupted(self) -> list[str]:
        """Digests left "sending" by a run that ended before it recorded the outcome (killed, or
        its state unwritable): unconfirmed now, since the server may have taken them. Called by
        a run holding the lock, so no other run is sending them."""
        ids = [row[0] for row in self.db.execute("SELECT id FROM digests WHERE status = 'sending' ORDER BY rowid")]
        for digest_id in ids:
            self.mark_digest(
                digest_id,
                "unconfirmed",
                "the run that sent it ended before it could record the outcome",
                attempted=False,
            )
        return ids

    @_sql_errors("read the digests")
    def unconfirmed(self) -> list[tuple[Digest, datetime | None, str]]:
        """Digests whose outcome is unknown, oldest first, with when the attempt began and why."""
        rows = dict(
            (row[0], (_dt(row[1]), row[2]))
            for row in self.db.execute(
                "SELECT id, attempt_started, last_error FROM digests WHERE status = 'unconfirmed' ORDER BY rowid"
            )
        )
        return [(digest, *rows[digest.id]) for digest in self.digests(ids=list(rows))]

    @property
    def journal_path(self) -> Path | None:
        return self.path.with_name(self.path.name + ".deliveries") if self.path else None

    def reserve_journal(self) -> None:
        """Set aside room for the journal while the disk has some: a record then overwrites the
        reserve in place and needs no new space even on a full disk."""
        journal = self.journal_path
        if journal is None or journal.exists():
            return
        with contextlib.suppress(OSError):
            fd = os.open(journal, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
            try:
                os.write(fd, b"\0" * JOURNAL_RESERVE)
                os.fsync(fd)
            finally:
                os.close(fd)

    def _journal(self, digest_id: str, status: str, error: str) -> bool:
        journal = self.journal_path
        if journal is None:
            return False
        record = json.dumps({"digest": digest_id, "status": status, "error": error, "at": _ts(datetime.now(UTC))})
        try:
            fd = os.open(journal, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o600)
            try:
                used = os.pread(fd, os.fstat(fd).st_size, 0).split(b"\0", 1)[0]
                os.pwrite(fd, record.encode("utf-8") + b"\n", len(used))
                os.fsync(fd)
            finally:
                os.close(fd)
        except OSError:
            return False
        return True

    def _apply_journal(self) -> None:
        """Outcomes an earlier run could only write to the journal, recorded now; the journal
        is emptied in place (its room kept for the next time)."""
        journal = self.journal_path
        if journal is None or not journal.exists():
            return
        try:
            with journal.open("r+b") as stream:
                used = stream.read().split(b"\0", 1)[0]
                records = [json.loads(line) for line in used.decode("utf-8", "replace").splitlines() if line.strip()]
                with self.transaction():
                    for record in records:
                        self.mark_digest_in_transaction(record["digest"], record["status"], record["error"])
                stream.seek(0)
                stream.write(b"\0" * len(used))
                stream.flush()
                os.fsync(stream.fileno())
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise StoreError(f"{journal}: cannot read the delivery journal: {exc}; {RECOVER}") from None

    @_sql_errors("read a digest's delivery")
    def digest_delivery(self, digest_id: str) -> tuple[int, str]:
        """(attempts, last error) of one digest."""
        row = self.db.execute("SELECT attempts, last_error FROM digests WHERE id = ?", (digest_id,)).fetchone()
        return (row[0], row[1]) if row else (0, "")

    # ----------------------------------------------------------------- for `seasonwatch status`

    @_sql_errors("read the runs")
    def last_run(self) -> dict[str, Any] | None:
        row = self.db.execute(
            "SELECT started, finished, updates, new_stories, grown_stories, failed_sources FROM runs ORDER BY id DESC LIMIT 1"
        ).fetchone()
        keys = ("started", "finished", "updates", "new_stories", "grown_stories", "failed_sources")
        return dict(zip(keys, row, strict=True)) if row else None

    @_sql_errors("read the sources' runs")
    def latest_source_runs(self) -> dict[str, dict[str, Any]]:
        """Each source's outcome in the latest run that fetched it, and when it was last ok."""
        rows = self.db.execute(
            "SELECT sr.source, sr.url, sr.status, sr.detail, sr.items, sr.seconds, r.started, "
            "(SELECT max(r2.started) FROM source_runs s2 JOIN runs r2 ON r2.id = s2.run_id "
            " WHERE s2.source = sr.source AND s2.status = 'ok') "
            "FROM source_runs sr JOIN runs r ON r.id = sr.run_id "
            "WHERE sr.run_id = (SELECT max(run_id) FROM source_runs s3 WHERE s3.source = sr.source)"
        )
        keys = ("url", "status", "detail", "items", "seconds", "checked", "last_ok")
        return {row[0]: dict(zip(keys, row[1:], strict=True)) for row in rows}

    @_sql_errors("read the stories")
    def story_counts(self) -> dict[str, tuple[int, str]]:
        """Show -> (stories, when the latest was first seen)."""
        rows = self.db.execute(
            "SELECT show, count(*), max(first_seen) FROM (SELECT show, first_seen FROM stories "
            "UNION ALL SELECT show, first_seen FROM story_fingerprints) GROUP BY show"
        )
        return {show: (count, latest) for show, count, latest in rows}

    @_sql_errors("read the digests")
    def digest_deliveries(self, newest: int) -> list[dict[str, Any]]:
        """The `newest` digests, newest first, with their delivery record."""
        rows = self.db.execute(
            "SELECT id, created, subject, status, attempts, last_error, sent_at FROM digests "
            "ORDER BY created DESC, rowid DESC LIMIT ?",
            (int(newest),),
        )
        keys = ("id", "created", "subject", "status", "attempts", "last_error", "sent_at")
        return [dict(zip(keys, row, strict=True)) for row in rows]


def _create(path: Path) -> None:
    """A new state file, set up beside its final name and renamed into place whole: a file at
    `path` is then always one that was set up, so an empty one is never our own doing (a run
    killed during its first commit would otherwise leave exactly that)."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.new")
    with contextlib.suppress(FileNotFoundError):
        temporary.unlink()
    os.close(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600))
    try:
        store = Store(sqlite3.connect(temporary, isolation_level=None), temporary)
        try:
            store.db.execute("PRAGMA journal_mode=DELETE")
            store._migrate()
        finally:
            store.close()
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise


def _refuse_if_not_ours(path: Path) -> None:
    """Refuse, before SQLite sees it, a state file that is empty, not an SQLite file or shorter
    than its own header says: SQLite would take an empty file for a new database and start
    afresh (every story sent again), and read a truncated one until it met the missing part."""
    try:
        with path.open("rb") as stream:
            header = stream.read(100)
            size = os.fstat(stream.fileno()).st_size
    except OSError as exc:
        raise StoreError(f"{path}: cannot read the state file: {exc.strerror or exc}") from None
    if size == 0:
        raise StoreError(
            f"{path}: the state file is empty (0 bytes): its history is gone, and starting afresh would send "
            f"readers every recent story again; nothing was fetched or sent; {RECOVER}"
        )
    if not header.startswith(SQLITE_HEADER) or len(header) < 100:
        raise StoreError(f"{path}: not a Season Watch state file (not an SQLite database); {RECOVER}")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    counted = header[92:96] == header[24:28]  # the page count is valid only when these agree
    hot_journal = os.path.exists(f"{path}-journal")  # SQLite rolls it back first: sizes may differ meanwhile
    if counted and not hot_journal and pages * page_size > size:
        raise StoreError(
            f"{path}: the state file is truncated ({size:,} of {pages * page_size:,} bytes); "
            f"nothing was fetched or sent; {RECOVER}"
        )


def _make_private(path: Path) -> None:
    """The state holds every digest with its recipients: readable by its owner alone (0600), as
    are the .eml copies. Files of earlier releases were created 0644."""
    info = path.stat()
    if info.st_uid == os.geteuid() and stat.S_IMODE(info.st_mode) & 0o077:
        os.chmod(path, stat.S_IMODE(info.st_mode) & 0o700)


def _read_only_uri(path: Path) -> str:
    """A URI that reads `path` without creating or changing any file.

    A file in WAL mode (written by an earlier release, not converted by a real run yet) would
    get -wal and -shm files from a plain read-only open; when no -wal file exists, everything
    is in the main file and it is opened as immutable instead."""
    uri = f"{path.resolve().as_uri()}?mode=ro"
    try:
        with path.open("rb") as stream:
            header = stream.read(20)
    except OSError:
        return uri  # connecting says why
    in_wal_mode = header.startswith(b"SQLite format 3\x00") and header[18:20] == b"\x02\x02"
    if in_wal_mode and not path.with_name(path.name + "-wal").exists():
        return uri + "&immutable=1"
    return uri


def _select(sql: str, **columns: Iterable[str] | None) -> tuple[str, list[str]]:
    """`sql` with a WHERE that keeps rows whose column is one of the values given for it
    (a column given None is not filtered). Each list is one JSON parameter, however long: one
    '?' per value would break past SQLite's limit on variables."""
    where, params = [], []
    for column, values in columns.items():
        if values is not None:
            where.append(f"{column} IN (SELECT value FROM json_each(?))")
            params.append(json.dumps(list(values)))
    return (sql + " WHERE " + " AND ".join(where) if where else sql), params


def _and(sql: str, condition: str) -> str:
    """`sql` with one more condition (" AND …"), whether or not it has a WHERE yet."""
    if not condition:
        return sql
    return sql + condition if " WHERE " in sql else sql + " WHERE " + condition.removeprefix(" AND ")


def _statements(script: str) -> list[str]:
    """Split a migration into statements so they run inside our own transaction
    (executescript would commit first)."""
    statements, buffer = [], ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                statements.append(buffer.strip())
            buffer = ""
    return statements
