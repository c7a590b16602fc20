"""The editor's desk as every output shows it: boards, conflicts, timelines and suggestions.

Like `entries.StoryView` for stories: scraped text (headlines, roles, the article's sentences) is
made plain and scraped links checked here, once, so the page, the JSON, the digest and the
suggestions file all show the same clean thing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from feeds.entries import PresentedEdition, plain_text, safe_url
from feeds.files import write_atomically
from seasonwatch.models import (
    Attribution,
    Board,
    BoardChange,
    BoardEntry,
    Conflict,
    ConflictSide,
    DeskReview,
    Edition,
    ShowDesk,
    ShowSpec,
    Suggestion,
)

TIMELINE_ON_INDEX = 6  # the latest changes per show on index.html; the show's page has them all
TEXT_LIMIT = 300  # an article sentence or a headline, as quoted
# rows a compact board always shows; the others only once some source says something about them
ALWAYS_COMPACT = {"renewal", "premiere"}


@dataclass(frozen=True)
class SourceView:
    name: str
    url: str  # "" when there is nothing safe to link
    said_on: datetime | None
    title: str
    kind: str  # outlet | listing | article


@dataclass(frozen=True)
class SideView:
    value: str
    text: str
    sources: tuple[SourceView, ...]


@dataclass(frozen=True)
class ConflictView:
    id: str
    row: str
    subject: str
    label: str
    sides: tuple[SideView, ...]
    first_seen: datetime


@dataclass(frozen=True)
class EntryView:
    row: str
    subject: str
    label: str
    value: str
    text: str
    sources: tuple[SourceView, ...]
    known_since: datetime | None
    conflict: ConflictView | None


@dataclass(frozen=True)
class RowView:
    row: str
    label: str
    entries: tuple[EntryView, ...]
    listed: bool  # a row of several entries (people, kinds of footage)

    @property
    def summary(self) -> str:
        """The row in one line, for the compact board."""
        if not self.listed:
            return self.entries[0].text
        named = [e for e in self.entries if e.subject]
        if not named:
            return self.entries[0].text
        return ", ".join(_short(e) for e in named)

    @property
    def disputed(self) -> bool:
        return any(e.conflict is not None for e in self.entries)

    @property
    def known(self) -> bool:
        return any(e.sources for e in self.entries)


def compact(rows: Iterable[RowView]) -> tuple[RowView, ...]:
    """The rows of a compact board: what is known, and always whether it is renewed and when it comes."""
    return tuple(row for row in rows if row.known or row.row in ALWAYS_COMPACT)


def _short(entry: EntryView) -> str:
    """A listed entry in a word or two: "+ J.R. Ramirez" joins, "− Janet McTeer" leaves, "Teaser"."""
    if entry.row != "cast":
        return entry.label
    return f"{'−' if entry.text == 'leaves' else '+'} {entry.label}"


@dataclass(frozen=True)
class TimelineItem:
    day: datetime
    label: str
    before: str
    after: str
    sources: tuple[SourceView, ...]


@dataclass(frozen=True)
class SuggestionView:
    id: str
    section: str
    action: str
    quoted: tuple[str, ...]
    relation: str
    news: str
    proposed: str
    sources: tuple[SourceView, ...]
    created: datetime
    done: datetime | None
    caution: str


@dataclass(frozen=True)
class DeskView:
    show: ShowSpec
    rows: tuple[RowView, ...]
    conflicts: tuple[ConflictView, ...]
    timeline: tuple[TimelineItem, ...]  # newest first
    suggestions: tuple[SuggestionView, ...]  # newest first

    @property
    def open_suggestions(self) -> tuple[SuggestionView, ...]:
        return tuple(s for s in self.suggestions if s.done is None)

    @property
    def compact_rows(self) -> tuple[RowView, ...]:
        return compact(self.rows)

    @property
    def recent_timeline(self) -> tuple[TimelineItem, ...]:
        return self.timeline[:TIMELINE_ON_INDEX]


def source_view(source: Attribution) -> SourceView:
    return SourceView(
        name=plain_text(source.source) or "Source",
        url=safe_url(source.url),
        said_on=source.said_on,
        title=plain_text(source.title, TEXT_LIMIT),
        kind=source.kind,
    )


def _sources(sources: Iterable[Attribution]) -> tuple[SourceView, ...]:
    return tuple(source_view(s) for s in sources)


def _side(side: ConflictSide) -> SideView:
    return SideView(plain_text(side.value), plain_text(side.text), _sources(side.sources))


def conflict_view(conflict: Conflict) -> ConflictView:
    return ConflictView(
        id=conflict.id,
        row=conflict.row,
        subject=conflict.subject,
        label=plain_text(conflict.label),
        sides=tuple(_side(s) for s in conflict.sides),
        first_seen=conflict.first_seen,
    )


def entry_view(entry: BoardEntry) -> EntryView:
    return EntryView(
        row=entry.row,
        subject=entry.subject,
        label=plain_text(entry.label),
        value=plain_text(entry.value),
        text=plain_text(entry.text),
        sources=_sources(entry.sources),
        known_since=entry.known_since,
        conflict=conflict_view(entry.conflict) if entry.conflict else None,
    )


def rows_of(board: Board) -> tuple[RowView, ...]:
    entries = [entry_view(e) for e in board.entries]
    rows = []
    for row, label in board.rows.items():
        mine = tuple(e for e in entries if e.row == row)
        if mine:
            rows.append(RowView(row, plain_text(label), mine, listed=len(mine) > 1 or bool(mine[0].subject)))
    return tuple(rows)


def on_timeline(change: BoardChange) -> bool:
    """What became known beyond the article: not the article's own baseline, not a row that is
    still empty, not an entry dropped."""
    return bool(change.after and change.sources and not change.from_article)


def timeline_of(history: list[BoardChange]) -> tuple[TimelineItem, ...]:
    """Newest first; of two changes known the same day, the one recorded later first."""
    dated = [
        ((c.known_on, position), TimelineItem(c.known_on, plain_text(c.label), plain_text(c.before), plain_text(c.after), _sources(c.sources)))
        for position, c in enumerate(history)
        if on_timeline(c)
    ]
    return tuple(item for _, item in sorted(dated, key=lambda pair: pair[0], reverse=True))


def suggestion_view(suggestion: Suggestion) -> SuggestionView:
    return SuggestionView(
        id=suggestion.id,
        section=plain_text(suggestion.section),
        action=suggestion.action,
        quoted=tuple(plain_text(q, TEXT_LIMIT) for q in suggestion.quoted),
        relation=suggestion.relation,
        news=plain_text(suggestion.news, TEXT_LIMIT),
        proposed=plain_text(suggestion.proposed, TEXT_LIMIT),
        sources=_sources(suggestion.sources),
        created=suggestion.created,
        done=suggestion.done,
        caution=plain_text(suggestion.caution),
    )


def desk_view(show: ShowSpec, desk: ShowDesk) -> DeskView:
    return DeskView(
        show=show,
        rows=rows_of(desk.board),
        conflicts=tuple(conflict_view(c) for c in desk.board.conflicts),
        timeline=timeline_of(desk.history),
        suggestions=tuple(suggestion_view(s) for s in desk.suggestions),
    )


def desks_of(shows: list[ShowSpec], desks: dict[str, ShowDesk]) -> list[DeskView]:
    """The desks of `shows` that have one, in config order."""
    return [desk_view(show, desks[show.name]) for show in shows if show.name in desks]


def edition_desks(edition: Edition) -> list[DeskView]:
    """desks_of the edition's shows, made once for all the outputs of a presented edition."""
    if not isinstance(edition, PresentedEdition):
        return desks_of(edition.shows, edition.desks)
    if edition.desk_views is None:
        edition.desk_views = desks_of(edition.shows, edition.desks)
    return edition.desk_views


def write_each_desk(edition: Edition, output_dir: Path, name: str, render: Callable[[DeskView], str]) -> list[Path]:
    """One file per show with a desk: `name` with "{slug}" filled in, relative to `output_dir`."""
    return [
        write_atomically(output_dir / name.replace("{slug}", desk.show.slug), render(desk), root=output_dir)
        for desk in edition_desks(edition)
    ]


@dataclass(frozen=True)
class DigestDesk:
    """What a digest carries of the desk: the compact boards, new conflicts, new suggestions."""

    boards: tuple[tuple[ShowSpec, tuple[RowView, ...]], ...]
    conflicts: tuple[tuple[ShowSpec, ConflictView], ...]
    suggestions: tuple[tuple[ShowSpec, tuple[SuggestionView, ...]], ...]

    def __bool__(self) -> bool:
        return bool(self.boards)


def digest_desk(review: DeskReview | None, shows: list[ShowSpec]) -> DigestDesk:
    if review is None:
        return DigestDesk((), (), ())
    boards = tuple((show, compact(rows_of(review.boards[show.name]))) for show in shows if show.name in review.boards)
    by_name = {show.name: show for show in shows}
    conflicts = tuple((by_name[c.show], conflict_view(c)) for c in review.to_report if c.show in by_name)
    suggestions = tuple(
        (show, tuple(suggestion_view(s) for s in review.new_suggestions if s.show == show.name))
        for show in shows
        if any(s.show == show.name for s in review.new_suggestions)
    )
    return DigestDesk(boards, conflicts, suggestions)
