"""Fact kinds as data: what each kind of fact is about, how it compares, how it reads.

Every stage reads a fact's meaning here: the gather stage produces facts of these kinds, the
decision stage compares them by their `scope` and `values`, the outputs describe them with
`describe`. A new kind of fact is one entry in `FACT_KINDS` plus the extractor that finds it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from seasonwatch import fuzzy_date
from seasonwatch.models import Fact, Topic


class Scope(StrEnum):
    SEASON = "season"  # about one season: its premiere, its episode count
    SHOW = "show"  # about the whole show, whatever season is named: its ending, its network
    PERSON = "person"  # about a person, the same person in any season


class Values(StrEnum):
    """How two values of a kind compare."""

    DATE = "date"  # fuzzy dates: equal, or one within the other
    COUNT = "count"  # a number
    STAGE = "stage"  # one of ordered stages: a later stage implies the earlier ones
    LABEL = "label"  # a word or name, compared as written
    ROLE = "role"  # a person's part, as written


@dataclass(frozen=True)
class FactKind:
    name: str
    topic: Topic
    scope: Scope
    values: Values
    label: str  # the reader's word for it
    none_yet: str  # how "no value yet" reads ("not announced", "none yet")
    telling: bool = False  # two reports of it with different values tell different stories
    news_when_article_silent: bool = False  # a structured source's first sight of it is news
    stages: tuple[str, ...] = ()  # for STAGE values, in order
    within: tuple[tuple[str, str], ...] = ()  # value pairs where one may be told as the other
    discussed_by: str = ""  # a pattern of words that shows where an article discusses it
    spoken_of_by: str = ""  # a pattern of words that speak of it without telling it ("the release date")
    outlet_form: Callable[[Fact], Fact] | None = None  # how a structured source's value reads in news
    told_as: str = ""  # another kind whose fact of the same value tells this one too
    # kinds that, told in the same headline, are its main event (a trailer that comes with a date
    # is the date's story, a return date that comes with a renewal the renewal's)
    subordinate_to: tuple[str, ...] = ()
    known_when_named: bool = False  # an article that names the person (the place) already tells it
    implied_by_article_season: bool = False  # said of the article's season or an earlier one, it goes without saying

    def key_of(self, show: str, fact: Fact) -> tuple[str, str, int | None, str]:
        """How a fact is looked up: a person in any season; a show-wide fact whatever season is named."""
        if self.scope is Scope.PERSON:
            return (show, "person", None, fact.subject.casefold())
        if self.scope is Scope.SHOW:
            return (show, self.name, None, "")
        return (show, self.name, fact.season, fact.subject.casefold())

    def most_precise(self, facts: list[Fact]) -> Fact:
        """Of facts of this kind, the one that says most (the most precise date, the longest value)."""
        if self.values is Values.DATE:
            return max(facts, key=lambda fact: fuzzy_date.precision(fact.value))
        return max(facts, key=lambda fact: len(fact.value))

    def shown(self, value: str) -> str:
        """A value as a reader sees it, "none yet" forms included."""
        if self.values is Values.DATE:
            return fuzzy_date.describe(value)
        return value or self.none_yet

    def same_value(self, a: str, b: str) -> bool:
        left, right = a.casefold(), b.casefold()
        if self.values is Values.DATE and fuzzy_date.neighbours(left, right):
            return True  # one release, dated a day apart by two regions
        return left == right or (left, right) in self.within or (right, left) in self.within

    def implies(self, known: str, value: str) -> bool:
        """Does a known value say this one too (a wrap says filming started; a day says its month)?"""
        if self.same_value(known, value) or not value:
            return True
        if self.values is Values.DATE:
            return fuzzy_date.within(known, value)
        if self.values is Values.STAGE and known in self.stages and value in self.stages:
            return self.stages.index(known) >= self.stages.index(value)
        return False


def _season(fact: Fact) -> str:
    return f"Season {fact.season} " if fact.season else ""


def _with_before(text: str, fact: Fact, after: str) -> str:
    if fact.before and fact.before != after:
        head, _, _ = text.partition(": ")
        return f"{head}: {fact.before} → {after}"
    return text


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _ended_is_cancelled(fact: Fact) -> Fact:
    """A structured status of "Ended" says what an outlet's "cancelled" says."""
    if fact.value.casefold() in ("ended", "cancelled", "canceled"):
        return Fact("cancellation", None, value="cancelled", before=fact.before)
    return fact


FACT_KINDS: dict[str, FactKind] = {
    kind.name: kind
    for kind in (
        FactKind("renewal", Topic.RENEWAL, Scope.SEASON, Values.LABEL, "renewal", "not renewed yet",
                 news_when_article_silent=True, implied_by_article_season=True),
        FactKind("cancellation", Topic.RENEWAL, Scope.SHOW, Values.LABEL, "cancellation", "not cancelled",
                 news_when_article_silent=True),
        FactKind("showrunner", Topic.STORY, Scope.PERSON, Values.LABEL, "showrunner", "not named",
                 known_when_named=True),
        FactKind("director", Topic.STORY, Scope.PERSON, Values.LABEL, "director", "not named"),
        FactKind("cast", Topic.CAST, Scope.PERSON, Values.ROLE, "cast", "role not announced", known_when_named=True),
        FactKind("departure", Topic.CAST, Scope.PERSON, Values.LABEL, "departure", "stays"),
        FactKind("premiere", Topic.RELEASE_DATE, Scope.SEASON, Values.DATE, "premiere", "not announced",
                 telling=True, news_when_article_silent=True, spoken_of_by=r"\b(?:premiere|release|return|air)\s+date\b",
                 subordinate_to=("renewal",)),  # "renewed, will return in 2032" is the renewal's story
        FactKind("finale", Topic.RELEASE_DATE, Scope.SEASON, Values.DATE, "finale", "not announced", telling=True,
                 told_as="premiere"),  # a season released in one go ends the day it starts
        FactKind("episodes", Topic.RELEASE_DATE, Scope.SEASON, Values.COUNT, "episodes", "not announced",
                 telling=True, discussed_by=r"\bepisodes?\b", spoken_of_by=r"\bepisode\s+(?:count|order)\b"),
        FactKind("footage", Topic.STORY, Scope.SEASON, Values.LABEL, "footage", "none yet", telling=True,
                 within=(("trailer", "final trailer"),), subordinate_to=("premiere", "finale", "cast")),
        FactKind("titles", Topic.STORY, Scope.SEASON, Values.LABEL, "episode titles", "not revealed", telling=True),
        FactKind("filming", Topic.STORY, Scope.SEASON, Values.STAGE, "filming", "not started", telling=True,
                 stages=("started", "wrapped"), spoken_of_by=r"\b(?:film(?:ing|s)?|shoot(?:ing|s)?|production)\b",
                 # "When is it coming? ... Filming got under way in <month>": filed where the editor writes of it
                 discussed_by=r"\b(?:filming|filmed|shoot(?:ing)?|production\s+(?:dates?|starts?|began|begins|has|is|on)|cameras?)\b",
                 # "X back for season 4 as the shoot goes on": the casting is the story
                 subordinate_to=("cast", "departure", "premiere", "renewal")),
        # where a season is set or filmed: a different place is a different story; told beside a
        # casting or a date, the casting or the date is the story
        FactKind("location", Topic.STORY, Scope.SEASON, Values.LABEL, "location", "not announced", telling=True,
                 known_when_named=True,
                 spoken_of_by=r"\blocations?\b",
                 discussed_by=r"\b(?:locations?|set\s+in|setting|destinations?|countr(?:y|ies)|resorts?)\b",
                 subordinate_to=("cast", "departure", "premiere", "renewal", "filming")),
        FactKind("network", Topic.RELEASE_DATE, Scope.SHOW, Values.LABEL, "network", "not set"),
        FactKind("status", Topic.RENEWAL, Scope.SHOW, Values.LABEL, "status", "not set",
                 outlet_form=_ended_is_cancelled),
    )
}  # fmt: skip
# the order in which kinds define a story: a casting story that mentions the premiere in passing
# is a casting story
PRIORITY: tuple[str, ...] = tuple(FACT_KINDS)


_SPOKEN_OF = [(k.name, re.compile(k.spoken_of_by, re.I)) for k in FACT_KINDS.values() if k.spoken_of_by]


def kinds_spoken_of(text: str) -> list[str]:
    """The kinds of fact a text speaks of without, perhaps, telling them ("filming in March??")."""
    return [name for name, words in _SPOKEN_OF if words.search(text)]


def kind_of(fact: Fact) -> FactKind:
    return FACT_KINDS[fact.kind]


def describe_fact(fact: Fact) -> str:
    """ "Season 2 premiere: March 8, 2018"; "Cast: Jane Doe as Alisa"; with "before → after" when
    the fact changes a known one."""
    return _DESCRIBE.get(fact.kind, _describe_value)(fact)


def _describe_value(fact: Fact) -> str:
    kind = FACT_KINDS.get(fact.kind)
    label = kind.label if kind else fact.kind
    return _with_before(f"{_capital(label)}: {fact.value}", fact, fact.value)


def _describe_date(fact: Fact) -> str:
    value = fuzzy_date.describe(fact.value)
    label = f"{_season(fact)}{kind_of(fact).label}".strip()
    return _with_before(f"{_capital(label)}: {value}", fact, value)


def _describe_stage(fact: Fact) -> str:
    shown = kind_of(fact).shown(fact.value)
    return _with_before(_capital(f"{_season(fact)}{kind_of(fact).label}: {shown}"), fact, shown)


def _describe_renewal(fact: Fact) -> str:
    state = "renewed" if fact.value else "not renewed yet"
    return _with_before(f"Season {fact.season}: {state}" if fact.season else f"Renewal: {state}", fact, state)


def _describe_cast(fact: Fact) -> str:
    role = f" as {fact.value}" if fact.value else ""
    return f"Cast: {fact.subject}{role}" + (f" (before: {fact.before})" if fact.before else "")


_DESCRIBE: dict[str, Callable[[Fact], str]] = {
    "cast": _describe_cast,
    "departure": lambda fact: f"Leaves the cast: {fact.subject}",
    "director": lambda fact: _capital(f"{_season(fact)}director: {fact.subject}"),
    "showrunner": lambda fact: (
        f"Showrunner leaves: {fact.subject}" if fact.value == "leaves" else f"Showrunner: {fact.subject}"
    ),
    "footage": _describe_stage,
    "titles": lambda fact: _capital(f"{_season(fact)}episode titles revealed"),
    "filming": _describe_stage,
    "location": lambda fact: _with_before(_capital(f"{_season(fact)}location: {fact.value}"), fact, fact.value),
    "renewal": _describe_renewal,
    "cancellation": lambda fact: "Cancelled" + (f" after season {fact.season}" if fact.season else ""),
    "premiere": _describe_date,
    "finale": _describe_date,
    "episodes": lambda fact: _with_before(_capital(f"{_season(fact)}episodes: {fact.value}"), fact, fact.value),
}


def structured_headline(show: str, fact: Fact) -> str:
    """A headline for news that only a structured source (TVmaze, Wikipedia) told."""
    season = f" season {fact.season}" if fact.season else ""
    write = _HEADLINES.get(fact.kind)
    return write(show, season, fact) if write else f"{show}: {describe_fact(fact)}"


_HEADLINES: dict[str, Callable[[str, str, Fact], str]] = {
    "premiere": lambda show, season, fact: (
        f"{show}{season} premiere: {fuzzy_date.describe(fact.value)}"
        if fact.value
        else f"{show}{season} no longer has a premiere date"
    ),
    "finale": lambda show, season, fact: f"{show}{season} finale: {fuzzy_date.describe(fact.value)}",
    "renewal": lambda show, season, fact: (
        f"{show} renewed for season {fact.season}" if fact.value else f"{show}{season} renewal withdrawn"
    ),
    "cancellation": lambda show, season, fact: f"{show} cancelled",
    "cast": lambda show, season, fact: f"{fact.subject} joins {show}" + (f" as {fact.value}" if fact.value else ""),
    "episodes": lambda show, season, fact: f"{show}{season} will have {fact.value} episodes",
}
