"""DECIDE: a show's status board from everything the state knows, and where its sources disagree.

The article's sentences, the outlets' stories and the structured sources' latest facts are read
as claims: who says what about one entry of the board (the season's premiere, its episode count,
a cast member). Each source counts once per entry, with the latest thing it said. Claims that
agree make one entry naming every source; claims that cannot both be true make a conflict that
shows each side and its sources, and is never settled by picking one.

Every choice that depends on the kind of fact is in `KINDS`, at the top: which board row it
fills, the row's label, which seasons count, how a value reads, and how a suggested article
sentence is worded (used by `newsdesk.suggestions`).
"""

from __future__ import annotations

import functools
import hashlib
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

import seasonwatch
from newsdesk.extract import FactContext, extract_facts
from newsdesk.novelty import ArticleKnowledge
from newsdesk.structured import comparable
from seasonwatch.code_digest import code_digest
from seasonwatch.fact_kinds import describe_fact
from seasonwatch.fuzzy_date import describe as describe_date
from seasonwatch.fuzzy_date import precision as date_precision
from seasonwatch.fuzzy_date import within as date_within
from seasonwatch.models import (
    Attribution,
    Board,
    BoardChange,
    BoardEntry,
    Conflict,
    ConflictSide,
    DeskState,
    Fact,
    FactObservation,
    ShowSpec,
    StatedFacts,
    Story,
    StorySource,
)

# how claims of one row become entries
SINGLE = "single"  # one value; claims that cannot both be true are a conflict
RENEWAL = "renewal"  # renewed for a later season, cancelled, or both (a conflict unless it is the last season)
PROGRESS = "progress"  # states that follow one another (filming started, then wrapped): the furthest holds
LIST = "list"  # one entry per person or kind of footage

# which facts of a kind count for the tracked season's board
SEASON = "season"  # the tracked season's
LATER = "later"  # a later season's (a renewal)
SHOW = "show"  # any: facts about the whole show


def _when(value: str) -> str:
    """ "on March 8, 2018", "in spring 2018": how a sentence gives a date."""
    return f"{'on' if date_precision(value) == 3 else 'in'} {describe_date(value)}"


def _role(fact: Fact) -> str:
    return f" as {fact.value}" if fact.value else ""


@dataclass(frozen=True)
class KindRule:
    row: str  # the board row it fills ("" for a kind with no row of its own)
    label: str  # the row's title; {season} is the tracked season
    shape: str  # SINGLE | RENEWAL | PROGRESS | LIST
    scope: str  # SEASON | LATER | SHOW
    from_article: bool  # does the article's own statement count as a claim
    from_listings: bool  # do TVmaze's and Wikipedia's facts of this kind count
    empty: str  # the entry's words when nobody says anything yet
    words: Callable[[Fact], str]  # a value in words, as the board shows it
    propose: Callable[[Fact, ShowSpec], str]  # the sentence a suggestion proposes for the article
    ends: bool = False  # in a RENEWAL row: it ends the show rather than orders a season


KINDS: dict[str, KindRule] = {
    "renewal": KindRule(
        "renewal", "Renewal", RENEWAL, LATER, True, True, "unknown",
        lambda f: f"renewed for season {f.season}" if f.value else "not renewed yet",
        lambda f, show: f"{show.name} has been renewed for season {f.season}.",
    ),
    "cancellation": KindRule(
        "renewal", "Renewal", RENEWAL, SHOW, True, True, "unknown",
        lambda f: f"cancelled after season {f.season}" if f.season else "cancelled",
        lambda f, show: f"{show.name} has been cancelled" + (f"; season {f.season} is its last." if f.season else "."),
        ends=True,
    ),
    "premiere": KindRule(
        "premiere", "Season {season} premiere", SINGLE, SEASON, True, True, "not announced",
        lambda f: describe_date(f.value),
        lambda f, show: f"Season {f.season} premieres {_when(f.value)}." if f.value else
        f"Season {f.season} has no premiere date at the moment.",
    ),
    "episodes": KindRule(
        "episodes", "Season {season} episodes", SINGLE, SEASON, True, True, "unknown",
        lambda f: f.value,
        lambda f, show: f"Season {f.season} has {f.value} episodes.",
    ),
    "network": KindRule(
        "network", "Network or platform", SINGLE, SHOW, True, True, "unknown",
        lambda f: f.value,
        lambda f, show: f"{show.name} airs on {f.value}.",
    ),
    "showrunner": KindRule(
        "showrunner", "Showrunner", LIST, SHOW, True, True, "not named",
        lambda f: "leaves" if f.value == "leaves" else "showrunner",
        lambda f, show: f"{f.subject} steps down as showrunner." if f.value == "leaves" else
        f"{f.subject} is the showrunner.",
    ),
    "cast": KindRule(
        "cast", "Cast changes since the article", LIST, SHOW, False, False, "no change yet",
        lambda f: f"joins{_role(f)}",
        lambda f, show: f"{f.subject} joins the cast{_role(f)}.",
    ),
    "departure": KindRule(
        "cast", "Cast changes since the article", LIST, SHOW, False, False, "no change yet",
        lambda f: "leaves",
        lambda f, show: f"{f.subject} leaves the cast.",
    ),
    "footage": KindRule(
        "footage", "Trailers and first looks", LIST, SEASON, True, True, "none yet",
        lambda f: "released" if f.value else "none yet",
        lambda f, show: f"First-look images from season {f.season} are out." if f.value == "first look" else
        f"A {f.value} for season {f.season} is out.",
    ),
    "filming": KindRule(
        "filming", "Filming", PROGRESS, SEASON, True, True, "no word yet",
        lambda f: f.value or "not started",
        lambda f, show: f"Filming on season {f.season} has {'wrapped' if f.value == 'wrapped' else 'begun'}.",
    ),
    "location": KindRule(
        "location", "Where season {season} is set", SINGLE, SEASON, True, False, "no word yet",
        lambda f: f.value,
        lambda f, show: f"Reports place season {f.season} in {f.value}.",
    ),
    "finale": KindRule(
        "", "Season {season} finale", SINGLE, SEASON, True, True, "not announced",
        lambda f: describe_date(f.value),
        lambda f, show: f"The season {f.season} finale airs {_when(f.value)}.",
    ),
    "titles": KindRule(
        "", "Episode titles", SINGLE, SEASON, True, True, "not revealed",
        lambda f: f.value,
        lambda f, show: f"The episode titles of season {f.season} have been revealed.",
    ),
}  # fmt: skip
DATE_ROWS = {"premiere"}  # values compared as dates: "2018" is a vaguer way of saying "2018-03-08"
PROGRESS_ORDER = ["", "started", "wrapped"]
# the board's rows in the order an editor reads them: is it coming back, when, how much, where, who, what
ROWS = list(dict.fromkeys(rule.row for rule in KINDS.values() if rule.row))
THE_ARTICLE = "the article"
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class Claim:
    rule: KindRule
    fact: Fact
    source: Attribution
    said: datetime  # when the source said it: its latest claim about an entry is the one that counts

    @property
    def subject(self) -> str:
        """Which entry of its row: a person, a kind of footage, or the row's only entry."""
        if self.rule.shape != LIST:
            return ""
        return (self.fact.subject or self.fact.value).casefold()


# ----------------------------------------------------------------------------- claims


def in_scope(rule: KindRule, fact: Fact, season: int) -> bool:
    if rule.scope == SEASON:
        return fact.season is None or fact.season == season
    if rule.scope == LATER:
        return fact.season is not None and fact.season > season
    return True


def article_claims(show: ShowSpec, knowledge: ArticleKnowledge) -> list[Claim]:
    claims = []
    for statement in knowledge.statements:
        for fact in statement.facts:
            rule = KINDS.get(fact.kind)
            if rule and rule.row and rule.from_article and in_scope(rule, fact, show.season):
                source = Attribution(THE_ARTICLE, title=statement.sentence, kind="article")
                claims.append(Claim(rule, fact, source, EPOCH))
    return claims


def stated_by(story: Story, fact: Fact, context: FactContext, listings: frozenset[str]) -> list[Attribution]:
    """The outlets of `story` that state `fact` in their own headline or summary; all of them when
    none does in words the reader recognises (the story still stands for all). TVmaze and
    Wikipedia speak through their own latest facts, not through the stories they confirmed."""
    outlets = _outlets(story, listings)
    # a story's only outlet is the one telling it: no need to read it again
    own = [s for s in outlets if len(outlets) == 1 or _states(story, s, fact, context)]
    return [
        Attribution(s.source, s.url, s.published or story.first_seen, s.title, "outlet") for s in (own or outlets)
    ]


def _outlets(story: Story, listings: frozenset[str]) -> list[StorySource]:
    return [s for s in story.sources if s.source not in listings]


def _states(story: Story, source: StorySource, fact: Fact, context: FactContext) -> bool:
    # the same person, in a role worded another way, is the same news
    return any(
        said.key == fact.key and (said.value.casefold() == fact.value.casefold() or KINDS[fact.kind].shape == LIST)
        for said in _stated(story, source, context)
    )


def _stated(story: Story, source: StorySource, context: FactContext) -> tuple[Fact, ...]:
    """What one report states: the reading the state kept of it when that reading is this one,
    else read now."""
    when = source.published or story.first_seen
    kept = source.stated
    if kept is not None and kept.reader == reading_of(source.title, source.summary, when, context):
        return kept.facts
    return _said(source.title, source.summary, when, context)


@functools.lru_cache(maxsize=4096)
def _said(title: str, summary: str, when: datetime, context: FactContext) -> tuple[Fact, ...]:
    """What one report states, read once however many of its story's facts ask (and every run of
    a long-lived process, such as the tests, reads the same reports)."""
    return tuple(extract_facts(f"{title}. {summary}", context, when))


def stated(title: str, summary: str, when: datetime, context: FactContext) -> StatedFacts:
    """The desk's reading of one report, named (`reading_of`), as the state keeps it."""
    return StatedFacts(reading_of(title, summary, when, context), _said(title, summary, when, context))


def with_readings(
    stories: Iterable[Story],
    context: FactContext,
    listings: frozenset[str],
    made_ahead: Mapping[str, StatedFacts] | None = None,
) -> tuple[list[Story], list[tuple[str, str, StatedFacts]]]:
    """`stories` with a reading on every report `stated_by` reads (each outlet of a story with
    facts told by more than one), and the readings the state did not keep yet (story id, report
    link, reading), for the state to keep: the next run reads its reports no more. `made_ahead`:
    readings this run made already, by name (in the parser processes: `newsdesk.desk.read_ahead`)."""
    out, made = [], []
    for story in stories:
        outlets = _outlets(story, listings)
        if not story.facts or len(outlets) < 2:
            out.append(story)
            continue
        sources = []
        for source in story.sources:
            if source.source not in listings:
                when = source.published or story.first_seen
                reader = reading_of(source.title, source.summary, when, context)
                if source.stated is None or source.stated.reader != reader:
                    stated = (made_ahead or {}).get(reader) or StatedFacts(
                        reader, _said(source.title, source.summary, when, context)
                    )
                    made.append((story.id, source.url, stated))
                    source = replace(source, stated=stated)
            sources.append(source)
        out.append(replace(story, sources=sources))
    return out, made


def reading_of(title: str, summary: str, when: datetime, context: FactContext) -> str:
    """The name of what `_said` reads from these arguments with these rules: two equal names,
    one reading, whatever run made the first."""
    key = "\x1f".join([_rules_digest(), title, summary, when.isoformat(), str(context.season), *context.show_names])
    return hashlib.sha256(key.encode()).hexdigest()[:32]


@functools.cache
def _rules_digest() -> str:
    """A digest of the source of the extractor's rules and everything they read: a kept reading
    counts only while the code that made it is the code that runs. Every module of the newsdesk
    and of the spine (lexicon, dates, models) counts, so no import the rules gain later is missed;
    a change elsewhere in them costs one reading of each report again, once."""
    roots = (Path(__file__).parent, Path(seasonwatch.__file__).parent)
    return code_digest(roots, (".py",), seed=repr(sys.version_info[:2]).encode())


def story_claims(show: ShowSpec, stories: Iterable[Story], listings: frozenset[str]) -> list[Claim]:
    context = FactContext(show.names, show.season)
    claims = []
    for story in stories:
        for fact in story.facts:
            rule = KINDS.get(fact.kind)
            if rule and rule.row and in_scope(rule, fact, show.season):
                plain = replace(fact, before="")
                claims.extend(Claim(rule, plain, a, a.said_on or story.first_seen) for a in stated_by(story, plain, context, listings))
    return claims


def listing_claims(show: ShowSpec, observations: Iterable[FactObservation]) -> list[Claim]:
    claims = []
    for obs in observations:
        fact = comparable(obs.fact)
        rule = KINDS.get(fact.kind)
        if rule and rule.row and rule.from_listings and in_scope(rule, fact, show.season):
            source = Attribution(obs.source, obs.source_url, obs.observed_at, describe_fact(fact), "listing")
            claims.append(Claim(rule, fact, source, obs.observed_at))
    return claims


def _latest_per_source(claims: list[Claim]) -> list[Claim]:
    """One claim per source and entry: the latest it made (the article's most precise)."""
    latest: dict[tuple[str, str, str], Claim] = {}
    for claim in claims:
        key = (claim.rule.row, claim.subject, claim.source.source)
        held = latest.get(key)
        if held is None or (claim.said, _precision(claim)) >= (held.said, _precision(held)):
            latest[key] = claim
    return list(latest.values())


def _precision(claim: Claim) -> int:
    return date_precision(claim.fact.value) if claim.rule.row in DATE_ROWS else int(bool(claim.fact.value))


# ----------------------------------------------------------------------------- entries


@dataclass(frozen=True)
class Draft:
    """An entry before the state says since when it is known."""

    row: str
    subject: str
    label: str
    value: str
    text: str
    sources: tuple[Attribution, ...]
    sides: tuple[ConflictSide, ...] = ()


def _sources(claims: Iterable[Claim]) -> tuple[Attribution, ...]:
    """Earliest first, the article last: it is the baseline every source is compared with."""
    # said at the same moment: by name and link, so the order never depends on the claims' order
    ranked = sorted(claims, key=lambda c: (c.source.kind == "article", c.said, c.source.source, c.source.url))
    unique = {c.source.source: c.source for c in ranked}
    return tuple(unique.values())


def _side(claims: list[Claim]) -> ConflictSide:
    first = claims[0]
    return ConflictSide(first.fact.value, first.rule.words(first.fact), _sources(claims))


def _maximal(values: list[str], dated: bool) -> list[str]:
    """The values no other value says more precisely: each is a side of its own."""
    distinct = list(dict.fromkeys(v.casefold() for v in values))
    if not dated:
        return distinct
    return [v for v in distinct if not any(w != v and date_within(w, v) for w in distinct)]


def _single(row: str, label: str, claims: list[Claim]) -> Draft:
    rule = claims[0].rule
    valued = [c for c in claims if c.fact.value]
    if not valued:
        return Draft(row, "", label, "", rule.empty, _sources(claims))
    sides = [
        [c for c in valued if c.fact.value.casefold() == value]
        for value in _maximal([c.fact.value for c in valued], row in DATE_ROWS)
    ]
    # the side first said first (then by value): the same board whatever order its claims come in
    sides.sort(key=lambda side: (min(c.said for c in side), side[0].fact.value.casefold()))
    if len(sides) == 1:
        first = sides[0][0]
        return Draft(row, "", label, first.fact.value, rule.words(first.fact), _sources(sides[0]))
    return _disputed(row, "", label, [_side(side) for side in sides])


def _disputed(row: str, subject: str, label: str, sides: list[ConflictSide]) -> Draft:
    text = " or ".join(side.text for side in sides) + " (sources disagree)"
    value = " | ".join(side.value for side in sides)
    sources = tuple({a.source: a for side in sides for a in side.sources}.values())
    return Draft(row, subject, label, value, text, sources, tuple(sides))


def _renewal(label: str, claims: list[Claim], season: int) -> Draft:
    renewals = [c for c in claims if not c.rule.ends and c.fact.value]
    endings = [c for c in claims if c.rule.ends]
    if not renewals and not endings:
        return Draft("renewal", "", label, "", f"unknown: no word on season {season + 1} yet", _sources(claims))
    top = max((c.fact.season or 0 for c in renewals), default=0)
    renewed = [c for c in renewals if c.fact.season == top]
    if not endings:
        return Draft("renewal", "", label, f"season {top}", renewed[0].rule.words(renewed[0].fact), _sources(renewed))
    last = max((c.fact.season or 0 for c in endings), default=0)
    ended = [c for c in endings if (c.fact.season or 0) == last]
    if not renewals or top < last:
        return Draft("renewal", "", label, "cancelled", ended[0].rule.words(ended[0].fact), _sources(ended))
    if top == last:  # "season 3 will be its last": renewed, and the end is known
        return Draft("renewal", "", label, f"season {top}", f"renewed for season {top}, its last", _sources(renewed + ended))
    return _disputed("renewal", "", label, [_side(renewed), _side(ended)])


def _progress(label: str, claims: list[Claim]) -> Draft:
    rank = max(PROGRESS_ORDER.index(c.fact.value) if c.fact.value in PROGRESS_ORDER else 0 for c in claims)
    furthest = [c for c in claims if c.fact.value == PROGRESS_ORDER[rank]]
    if rank == 0:
        return Draft(furthest[0].rule.row, "", label, "", furthest[0].rule.empty, _sources(furthest))
    return Draft(furthest[0].rule.row, "", label, furthest[0].fact.value, furthest[0].rule.words(furthest[0].fact), _sources(furthest))


def _listed(row: str, label: str, claims: list[Claim]) -> list[Draft]:
    by_subject: dict[str, list[Claim]] = {}
    for claim in claims:
        by_subject.setdefault(claim.subject, []).append(claim)
    # the article's entries in its own order, then the others as they became known: the same
    # board whatever order the stories come in (this run's first, or as the state lists them)
    def place(numbered: tuple[int, tuple[str, list[Claim]]]) -> tuple:
        index, (subject, said) = numbered
        if any(c.source.kind == "article" for c in said):
            return (0, index, "")
        return (1, min(c.said for c in said), subject)

    drafts = []
    for _, (subject, said) in sorted(enumerate(by_subject.items()), key=place):
        latest = max(said, key=lambda c: c.said)
        if not subject:
            continue  # "no trailer yet": only worth saying when nothing else is listed
        name = latest.fact.subject or latest.fact.value.capitalize()
        agreeing = [c for c in said if c.fact.kind == latest.fact.kind]
        drafts.append(Draft(row, subject, name, latest.fact.value, latest.rule.words(latest.fact), _sources(agreeing)))
    if not drafts:
        rule = claims[0].rule
        drafts.append(Draft(row, "", label, "", rule.empty, _sources(c for c in claims if not c.subject)))
    return drafts


def drafts(show: ShowSpec, claims: list[Claim]) -> list[Draft]:
    """Every row of the board, in ROWS order, from the claims about it."""
    by_row: dict[str, list[Claim]] = {}
    for claim in _latest_per_source(claims):
        by_row.setdefault(claim.rule.row, []).append(claim)
    out: list[Draft] = []
    for row in ROWS:
        rule = next(r for r in KINDS.values() if r.row == row)
        label = rule.label.format(season=show.season)
        said = by_row.get(row, [])
        if not said:
            empty = f"unknown: no word on season {show.season + 1} yet" if row == "renewal" else rule.empty
            out.append(Draft(row, "", label, "", empty, ()))
        elif rule.shape == SINGLE:
            out.append(_single(row, label, said))
        elif rule.shape == RENEWAL:
            out.append(_renewal(label, said, show.season))
        elif rule.shape == PROGRESS:
            out.append(_progress(label, said))
        else:
            out.extend(_listed(row, label, said))
    return out


def row_labels(show: ShowSpec) -> dict[str, str]:
    """Each row's title, in board order."""
    return {row: next(r for r in KINDS.values() if r.row == row).label.format(season=show.season) for row in ROWS}


# ----------------------------------------------------------------------------- the board


def conflict_id(show: str, draft: Draft) -> str:
    values = "\x1f".join(sorted(side.value.casefold() for side in draft.sides))
    return "cf-" + hashlib.sha256(f"{show}\x1f{draft.row}\x1f{draft.subject}\x1f{values}".encode()).hexdigest()[:16]


@dataclass
class BoardOutcome:
    board: Board
    changes: list[BoardChange]
    conflicts: list[Conflict]


def build_board(
    show: ShowSpec,
    knowledge: ArticleKnowledge,
    stories: Sequence[Story],
    observations: Sequence[FactObservation],
    state: DeskState,
    now: datetime,
) -> BoardOutcome:
    """The show's board now, what changed since the state's, and the conflicts open on it."""
    listings = frozenset(o.source for o in observations)
    from_article = article_claims(show, knowledge)
    claims = from_article + story_claims(show, stories, listings) + listing_claims(show, observations)
    # what the article alone says: a first board's "before", and what is no news on a timeline
    baseline = {(d.row, d.subject): d.text for d in drafts(show, from_article) if d.sources}
    board, changes, conflicts = Board(show.name, show.slug, show.season, rows=row_labels(show)), [], []
    current = [_with_article(d, knowledge, show.season) for d in drafts(show, claims)]
    for draft in current:
        since, change = _change(show, draft, state, baseline, now)
        if change is not None:
            changes.append(change)
        conflict = None
        if draft.sides:
            identity = conflict_id(show.name, draft)
            first_seen = state.conflicts.get(identity, (now, False))[0]
            conflict = Conflict(identity, show.name, draft.row, draft.subject, draft.label, draft.sides, first_seen)
            conflicts.append(conflict)
        entry = BoardEntry(draft.row, draft.subject, draft.label, draft.value, draft.text, draft.sources, since, conflict)
        board.entries.append(entry)
    listed = {(d.row, d.subject) for d in current}
    for (name, row, subject), (words, _, _) in state.latest.items():
        if name == show.name and (row, subject) not in listed and words:
            changes.append(BoardChange(name, row, subject, board.rows.get(row, row), words, "", now, now, ()))
    return BoardOutcome(board, changes, conflicts)


def _change(
    show: ShowSpec, draft: Draft, state: DeskState, baseline: dict[tuple[str, str], str], now: datetime
) -> tuple[datetime, BoardChange | None]:
    """Since when the entry says what it says, and its change when that is new to the state."""
    key = (draft.row, draft.subject)
    before, since, said_by = state.latest.get((show.name, *key), (None, None, frozenset()))
    if before == draft.text and since is not None:
        return since, None
    since = _became_known(draft, now, said_by, since)
    was = before if before is not None else baseline.get(key, "")  # a first board starts from the article
    only_article = all(a.kind == "article" for a in draft.sources) or baseline.get(key) == draft.text
    change = BoardChange(
        show.name, draft.row, draft.subject, draft.label, "" if was == draft.text else was, draft.text, since, now,
        draft.sources, only_article,
    )  # fmt: skip
    return since, change


def _with_article(draft: Draft, knowledge: ArticleKnowledge, season: int) -> Draft:
    """A cast change the article has taken in since names the article among its sources."""
    if draft.row != "cast" or not draft.subject:
        return draft
    kind = "departure" if draft.text == "leaves" else "cast"
    status = knowledge.status(Fact(kind, season, draft.label, draft.value))
    if not status.known or status.statement is None:
        return draft
    return replace(draft, sources=(*draft.sources, Attribution(THE_ARTICLE, title=status.statement.sentence, kind="article")))


def _became_known(draft: Draft, now: datetime, said_before: frozenset[str], known_before: datetime | None) -> datetime:
    """The day the entry's new value became known: the day the first source that brought it said
    it (sources that already said it before the change do not date it), never before the change
    it follows; for a conflict, the day its latest side was first said; for the article, the run's."""
    if draft.sides:
        firsts = [min((a.said_on or now for a in side.sources), default=now) for side in draft.sides]
        return max(firsts)
    dated = [a for a in draft.sources if a.said_on is not None]
    bringing = [a.said_on for a in dated if a.source not in said_before] or [a.said_on for a in dated]
    since = min(bringing) if bringing else now
    return max(since, known_before) if known_before else since
