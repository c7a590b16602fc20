"""The plain records that flow between the stages: gather -> decide -> emit.

Nothing here knows how it was produced or how it will be shown; every stage imports this
module and none imports another stage.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, fields
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any


class Topic(StrEnum):
    """What part of a "Season N: everything we know" article a story adds to."""

    RENEWAL = "Renewal"
    RELEASE_DATE = "Release Date"
    CAST = "Cast"
    STORY = "Story"


# --------------------------------------------------------------------------- configuration



def record_of(instance: object) -> dict:
    """A flat dataclass's fields as a dict, in field order: what `dataclasses.asdict` gives for a
    record whose values are all plain (strings, numbers, datetimes), without its deep copy of each
    value (a tenth of the desk's commit)."""
    return {f.name: getattr(instance, f.name) for f in fields(instance)}

@dataclass(frozen=True)
class ShowSpec:
    name: str
    season: int
    aliases: tuple[str, ...]
    article: Path
    slug: str

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class SourceSpec:
    name: str
    type: str
    url: str
    shows: tuple[str, ...] = ()  # empty: matched against every show
    options: dict[str, Any] = field(default_factory=dict)  # the type's own keys


@dataclass(frozen=True)
class FetchSettings:
    concurrency: int = 16
    per_host: int = 4
    timeout: float = 15.0
    retries: int = 2
    max_bytes: int = 5_000_000
    user_agent: str = "SeasonWatch/1.0 (+https://example.org/seasonwatch/)"
    respect_robots: bool = True
    max_redirects: int = 5
    parse_timeout: float = 10.0  # seconds to read one source's document
    deadline: float = 600.0  # seconds for the whole gather stage


# --------------------------------------------------------------------------- gathered records


@dataclass(frozen=True)
class Update:
    """One item an outlet published: a feed entry, a listing-page teaser."""

    source: str
    url: str
    canonical_url: str
    guid: str
    title: str
    summary: str  # plain text
    html: str = ""  # sanitized HTML
    published: datetime | None = None  # UTC
    author: str = ""
    shows: tuple[str, ...] = ()  # the source's `shows` limit; empty means any show

    @property
    def key(self) -> str:
        """Identity of the item at its source, stable across re-fetches."""
        ident = self.guid or self.canonical_url or self.url or self.title
        return f"{self.source}\x1f{ident}"


@dataclass(frozen=True)
class Fact:
    """One thing known about a season: a premiere date, a renewal, a cast member.

    `value` is normalized so that two sources stating the same thing compare equal:
    ISO dates ("2018-03-08"), vague dates ("2018", "2018-spring", "2018-late"),
    numbers as digits, roles as written.
    """

    kind: str  # one of seasonwatch.fact_kinds.FACT_KINDS
    season: int | None = None
    subject: str = ""  # a person, for cast facts
    value: str = ""
    before: str = ""  # the value this one replaces, when it changes a known fact
    # stated along in a story, not its event (a casting that mentions when the season premieres):
    # it was told, but it does not decide which story a report is
    mentioned: bool = field(default=False, compare=False)
    # a date read against the report's own day from words that write none ("next year", "this
    # spring"): as good as the day the report carries, which a relisted item gets wrong
    relative: bool = field(default=False, compare=False)
    # a day or a month the report wrote without its year ("Sets Nov. 3 Return"): the year is the one
    # that puts it ahead of the report's own day, unless the item writes it elsewhere
    year_from_day: bool = field(default=False, compare=False)
    # the report names no season: the fact took the article's ("goes back to Sicily"), which a
    # place the article gives an earlier season may not be
    season_assumed: bool = field(default=False, compare=False)

    @property
    def key(self) -> tuple[str, int | None, str]:
        return (self.kind, self.season, self.subject.casefold())

    def same_claim(self, other: Fact) -> bool:
        return self.key == other.key and self.value.casefold() == other.value.casefold()


@dataclass(frozen=True)
class FactObservation:
    """A fact read from a structured source (TVmaze, Wikipedia)."""

    show: str
    fact: Fact
    source: str
    source_url: str
    observed_at: datetime

    @property
    def key(self) -> str:
        """Identity of one statement by the source, like `Update.key` for items: a changed value
        is a new statement."""
        fact = self.fact
        return f"{self.source}\x1f{self.show}|{fact.kind}|{fact.season}|{fact.subject.casefold()}|{fact.value}"


@dataclass(frozen=True)
class HttpValidators:
    etag: str = ""
    last_modified: str = ""


class SourceStatus(StrEnum):
    OK = "ok"
    NOT_MODIFIED = "not modified"
    FAILED = "failed"


@dataclass(frozen=True)
class SourceReport:
    source: str
    url: str
    status: SourceStatus
    detail: str = ""  # the reason, for a failure
    seconds: float = 0.0
    items: int = 0


@dataclass(frozen=True)
class ReadAhead:
    """A reading of each update that the run asks the gather stage to make where documents are
    parsed, beside the downloads, rather than after them. `reader` names a function
    ("module:name") that is called once per parser process with `setup` and returns the function
    that reads one update; what it returns comes back in `Gathered.readings`, each reading holding
    its update as `.update`. Only the stage that named the function reads what it made; any
    update without one (a source read in the run's own process, a reading that failed or ran out
    of time) it reads itself."""

    reader: str
    setup: tuple = ()


@dataclass(repr=False)
class Gathered:
    # a short repr, not thousands of updates: Python 3.11's asyncio.run formats the repr of its
    # task's result when it puts back the Ctrl-C handler (the handler holds the task), and the
    # full dataclass repr of a first run's gathering took a tenth of a second
    updates: list[Update] = field(default_factory=list)
    observations: list[FactObservation] = field(default_factory=list)
    reports: list[SourceReport] = field(default_factory=list)
    # validators to store once what was fetched with them has been committed
    validators: dict[str, HttpValidators] = field(default_factory=dict)
    parsed: int = 0  # documents read by the parsers (none when every source answered 304)
    parse_cpu: float = 0.0  # CPU seconds the parser processes spent reading them
    readings: list = field(default_factory=list)  # what a ReadAhead made, for the stage that asked

    def __repr__(self) -> str:
        return (
            f"Gathered({len(self.updates)} updates, {len(self.observations)} observations, "
            f"{len(self.reports)} reports, {len(self.readings)} readings)"
        )


# --------------------------------------------------------------------------- decided records


@dataclass(frozen=True)
class StatedFacts:
    """What one report states, as the editor's desk read it (its headline and summary), kept in
    the state so a later run need not read the report again. `reader` names the reading: the
    extractor's rules and the show's names and season it read for; a reading by other rules or
    for other names is not this one and is made again."""

    reader: str
    facts: tuple[Fact, ...]


@dataclass(frozen=True)
class StorySource:
    source: str
    title: str
    url: str
    published: datetime | None = None
    summary: str = ""
    update_key: str = ""
    # the desk's reading of this report, when one was kept; not part of what the source is
    stated: StatedFacts | None = field(default=None, compare=False)


@dataclass
class Story:
    """One piece of news about one show, with every outlet that reported it."""

    id: str
    show: str
    topic: Topic
    section: str  # the editor's own section title
    headline: str
    summary: str
    facts: list[Fact]
    sources: list[StorySource]  # earliest first
    first_seen: datetime
    updated: datetime
    show_slug: str = ""
    summary_html: str = ""
    # read in its compact form (past the history's bound): its facts, headline, each source's
    # outlet, link, date and item key, but no summaries or source headlines
    compact: bool = False

    @property
    def link(self) -> str:
        return self.sources[0].url if self.sources else ""


def story_id(show: str, seed: str) -> str:
    """A stable identifier for a new story; stored with it and never recomputed."""
    digest = hashlib.sha256(f"{show}\x1f{seed}".encode()).hexdigest()[:20]
    return f"sw-{digest}"


class Fate(StrEnum):
    NEW = "new story"
    SAME_STORY = "same story"
    LATE_REPORT = "late report"
    ALREADY_SENT = "already sent"
    IN_ARTICLE = "already in the article"
    NO_NEWS = "no news"
    NOT_ABOUT_SHOW = "not about the show"
    UNTRACKED = "no tracked show"
    BASELINE = "baseline"
    CONFLICT = "conflicts with a story"
    SEEN = "seen before"


@dataclass(frozen=True)
class Verdict:
    """What the newsdesk decided about one gathered update, and why (for --dry-run -v)."""

    source: str
    title: str
    fate: Fate
    reason: str
    show: str = ""
    topic: str = ""
    facts: tuple[Fact, ...] = ()
    story_id: str = ""
    update_key: str = ""
    rule: str = ""  # the named rule of the newsdesk that decided it


@dataclass
class History:
    """What earlier runs emitted and learned, as the newsdesk needs it."""

    stories: list[Story] = field(default_factory=list)
    update_story: dict[str, str] = field(default_factory=dict)  # update key -> story id
    url_story: dict[str, str] = field(default_factory=dict)  # canonical URL -> story id
    seen: dict[str, tuple[str, datetime]] = field(default_factory=dict)  # update key -> (fate, when), no story
    known_facts: dict[tuple[str, str, str, int | None, str], str] = field(default_factory=dict)
    # (show, source, kind, season, subject case-folded) -> what that source said last


@dataclass(frozen=True)
class HistorySettings:
    """How much of the past a run reads whole ([history] in the config). A story past both bounds
    (first seen more than `keep_days` ago, or older than the newest `keep_stories`) is compared
    with new reports by its fingerprint (facts, headline, links, item keys) and, unless the
    feeds' window or the editor's desk reads it, is kept only in that form."""

    keep_days: int = 365
    keep_stories: int = 2000


@dataclass
class Decision:
    new_stories: list[Story] = field(default_factory=list)
    grown_stories: list[Story] = field(default_factory=list)  # emitted before, one more source
    verdicts: list[Verdict] = field(default_factory=list)
    known_facts: list[FactObservation] = field(default_factory=list)  # to remember


# --------------------------------------------------------------------------- emitted records


@dataclass(frozen=True)
class SiteSettings:
    title: str
    base_url: str
    output_dir: Path
    feed_items: int = 50
    unsubscribe_url: str = ""


@dataclass(frozen=True)
class EmailSettings:
    enabled: bool = False
    smtp_host: str = "localhost"
    smtp_port: int = 587
    security: str = "starttls"  # none | starttls | ssl
    username_env: str = ""
    password_env: str = ""
    sender: str = "Season Watch <digest@example.org>"
    recipients: tuple[str, ...] = ()
    outbox_dir: Path = Path("outbox")
    timeout: float = 30.0  # seconds for each answer of the server
    deadline: float = 120.0  # seconds for the whole conversation, but for the wait below
    final_reply_timeout: float = 600.0  # seconds to wait for the answer to the message (RFC 5321)
    resend_unconfirmed_after: float = 0.0  # hours; 0: a digest whose outcome is unknown goes again only on `resend`


@dataclass
class Digest:
    """One run's news as a message, composed once and kept until delivered."""

    id: str  # UTC timestamp, also the file name under digests/
    created: datetime
    subject: str
    html: str
    text: str
    message: bytes  # the whole RFC 5322 message
    story_ids: list[str]
    status: str = "pending"  # pending | sent | not sent | failed


@dataclass
class Edition:
    """Everything the outputs show, read from the state after a run."""

    site: SiteSettings
    shows: list[ShowSpec]
    stories: list[Story]  # the rolling window for all shows, newest first
    stories_by_show: dict[str, list[Story]]
    digests: list[Digest]  # newest first
    reports: list[SourceReport]  # of the latest run
    generated: datetime
    desks: dict[str, ShowDesk] = field(default_factory=dict)  # by show name: boards, timelines, suggestions


# --------------------------------------------------------------------------- the editor's desk


@dataclass(frozen=True)
class Attribution:
    """Who says what a board entry says: an outlet's report, a structured source or the article."""

    source: str  # "Screen Ledger", "TVmaze", "the article"
    url: str = ""
    said_on: datetime | None = None  # an outlet's publication, a structured source's reading; None: the article
    title: str = ""  # the report's headline, or the article's own sentence
    kind: str = "outlet"  # outlet | listing (TVmaze, Wikipedia) | article


@dataclass(frozen=True)
class ConflictSide:
    value: str  # normalized, as facts are
    text: str  # in words: a date as fuzzy_date describes it, "13"
    sources: tuple[Attribution, ...]


@dataclass(frozen=True)
class Conflict:
    """Sources that disagree about one board entry. It stays open, each side shown, until one side
    changes: it is never settled by picking one."""

    id: str  # the show, the entry and the values in dispute: the same dispute keeps its id
    show: str
    row: str
    subject: str
    label: str
    sides: tuple[ConflictSide, ...]
    first_seen: datetime
    resolved: datetime | None = None


@dataclass(frozen=True)
class BoardEntry:
    """One line of a show's status board: what is known about one thing, and who says so."""

    row: str  # premiere | episodes | network | renewal | showrunner | cast | footage | filming
    subject: str  # a person or a kind of footage, for rows that list several; "" otherwise
    label: str  # "Season 2 premiere"
    value: str  # normalized; "" when nothing is known
    text: str  # in words: a described date, "not announced", "13 or 10: sources disagree"
    sources: tuple[Attribution, ...]
    known_since: datetime | None
    conflict: Conflict | None = None


@dataclass(frozen=True)
class BoardChange:
    """One change of a board entry, kept forever: the board's history and the show's timeline."""

    show: str
    row: str
    subject: str
    label: str
    before: str  # the entry's words before ("" when it is new)
    after: str
    known_on: datetime  # the day it became known
    recorded: datetime  # the run that saw it
    sources: tuple[Attribution, ...]
    from_article: bool = False  # only the article says it: not news, left off the timeline


@dataclass
class Board:
    show: str
    slug: str
    season: int
    entries: list[BoardEntry] = field(default_factory=list)
    rows: dict[str, str] = field(default_factory=dict)  # each row's title, in board order

    @property
    def conflicts(self) -> list[Conflict]:
        return [entry.conflict for entry in self.entries if entry.conflict is not None]


@dataclass(frozen=True)
class Suggestion:
    """A change the article may want, from one fact of one story; the article itself is never touched."""

    id: str
    show: str
    story_id: str
    fact: Fact | None  # None for a story that states no fact
    section: str  # the editor's section it makes stale or incomplete
    action: str  # "replace" a sentence | "add" to the section
    quoted: tuple[str, ...]  # the sentences it contradicts or makes more precise; for "add", the one it follows
    relation: str  # "contradicted by" | "made more precise by" | "extended by"
    news: str  # what the story says, in words, as describe_fact writes it
    proposed: str  # the replacement or addition, in plain words
    sources: tuple[Attribution, ...]
    created: datetime
    done: datetime | None = None  # when a later version of the article stated it
    caution: str = ""  # "TVmaze lists 10: sources disagree"


@dataclass
class DeskState:
    """What the state remembers of the desk, as the next run needs it."""

    latest: dict[tuple[str, str, str], tuple[str, datetime, frozenset[str]]] = field(default_factory=dict)
    # (show, row, subject) -> (the entry's words, the day they became known, the sources that said them)
    conflicts: dict[str, tuple[datetime, bool]] = field(default_factory=dict)  # open: id -> (first seen, reported)
    open_suggestions: list[Suggestion] = field(default_factory=list)


@dataclass
class DeskReview:
    """What the desk decided in one run: the boards, their changes, conflicts and suggestions."""

    boards: dict[str, Board] = field(default_factory=dict)  # by show name
    changes: list[BoardChange] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)  # open now
    resolved: list[str] = field(default_factory=list)  # conflict ids no longer in dispute
    to_report: list[Conflict] = field(default_factory=list)  # open and never in a digest yet
    new_suggestions: list[Suggestion] = field(default_factory=list)  # from this run's new stories
    refreshed: list[Suggestion] = field(default_factory=list)  # open ones, with today's sources and cautions
    done: list[Suggestion] = field(default_factory=list)  # marked done this run
    # reports the desk read this run that the state kept no reading of: story id, url, reading
    readings: list[tuple[str, str, StatedFacts]] = field(default_factory=list)


@dataclass
class ShowDesk:
    """One show's desk as the outputs show it: its board, timeline and suggestions."""

    board: Board
    history: list[BoardChange]  # oldest first
    suggestions: list[Suggestion]  # newest first, open and done
