"""An item's facts: what its headline states defines the story, its summary adds the rest.

The summary adds facts of other kinds, the person a headline names by surname, the part an
actor plays, and the date a headline announces without giving it ("...sets a return date" over
"It comes back on March 8"). What the headline announces is the item's event: what decides
which story it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime

from newsdesk.extract import FactContext, extract_facts
from newsdesk.extract.dates import date_precision, date_within
from newsdesk.extract.episodes import COUNT_ANNOUNCED
from newsdesk.extract.release import PREMIERE_CUE, PRODUCTION_CUE
from newsdesk.extract.seasons import season_numbers
from newsdesk.topics import topic_of_words
from seasonwatch.fact_kinds import Scope, Values, kind_of, kinds_spoken_of
from seasonwatch.models import Fact


@dataclass(frozen=True)
class ItemFacts:
    headline: tuple[Fact, ...]  # stated by the headline (with the part the summary gives)
    summary: tuple[Fact, ...]  # stated by the summary
    all: tuple[Fact, ...]  # the headline's, then what the summary adds; one date per event
    event: tuple[Fact, ...]  # what the headline announces


def item_facts(title: str, summary: str, context: FactContext, moment: datetime) -> ItemFacts:
    """`title` is "" when the headline is about something else and only the summary names the show."""
    title_facts = extract_facts(title, context, moment) if title else []
    # a summary's date without a cue word belongs to the headline's release news, if it has any
    announced = _announced(title)
    summary_facts = extract_facts(_full_names(summary, title_facts, title), _headline_season(title, context), moment, announced)
    title_facts = [_with_year_written(_with_role(t, summary_facts), summary_facts) for t in title_facts]
    facts = title_facts + [
        f for f in summary_facts if not any(f.same_claim(t) or _same_person(f, t) or _overruled(f, t) for t in title_facts)
    ]
    facts = _most_precise(facts)
    if not season_numbers(title) and not season_numbers(summary):
        title_facts, summary_facts, facts = (_season_assumed(found) for found in (title_facts, summary_facts, facts))
    return ItemFacts(tuple(title_facts), tuple(summary_facts), tuple(facts), tuple(_event(title, title_facts, facts)))


def _season_assumed(facts: list[Fact]) -> list[Fact]:
    return [replace(fact, season_assumed=True) for fact in facts]


def _announced(title: str) -> str:
    """The kind of fact a headline announces without giving it: a summary's bare value is of it."""
    if PREMIERE_CUE.search(title) and not PRODUCTION_CUE.search(title):
        return "premiere"
    return "episodes" if COUNT_ANNOUNCED.search(title) else ""


def _headline_season(title: str, context: FactContext) -> FactContext:
    """A headline about an earlier season only ("Hollow Creek season 1 finale: what time it airs")
    makes it the season the summary speaks of where it names none ("The last episode lands on 5 March")."""
    named = season_numbers(title)
    if named and max(named) < context.season:
        return replace(context, season=max(named))
    return context


def _event(title: str, title_facts: list[Fact], facts: list[Fact]) -> list[Fact]:
    """What the headline announces: its own facts, with those of a kind it speaks of without
    giving ("...Premiere Date Teaser" over a summary's date); or, when it gives no value ("Netflix
    dates Hollow Creek season 2"), the summary's facts of the topic its words name."""
    spoken = [k for k in kinds_spoken_of(title) if not any(f.kind == k for f in title_facts)]
    announced = [*title_facts, *(f for f in facts if f.kind in spoken and f not in title_facts)]
    if announced:
        kinds = {f.kind for f in announced}
        # a trailer that comes with a date: the date is the event, the trailer supports it
        return [f for f in announced if not kinds & set(kind_of(f).subordinate_to)]
    topic = topic_of_words(title)
    return [f for f in facts if topic is not None and kind_of(f).topic == topic]


def _overruled(summary_fact: Fact, title_fact: Fact) -> bool:
    """The headline says what the story is: a summary's other casting or other date of the same
    kind is background ("...joins the cast alongside X, announced last week"), not this story."""
    if _about_a_person(summary_fact) and _about_a_person(title_fact):
        return True
    if _dated(summary_fact) and date_within(summary_fact.value, title_fact.value):
        return False  # a month in the headline, its day in the summary: the summary says it more precisely
    return summary_fact.kind == title_fact.kind


_ROLE_OF_ONE = re.compile(r"['’]s\s+(?:\S+\s+){0,4}?(?:role|character|part)\b", re.I)
_PRONOUN_PLAYS = re.compile(r"\b(?:[Ss]he|[Hh]e|[Tt]hey)\s+(?=(?:plays|will\s+play|is\s+playing|portrays)\b)")
# "She's Mara, the sheriff's sister": a capitalized name after "she's" is the part
_PRONOUN_IS_NAMED = re.compile(r"\b(?:[Ss]he|[Hh]e)['’]s\s+(?=[A-Z][a-z])")


def _full_names(summary: str, title_facts: list[Fact], title: str) -> str:
    """ "Sorel will play Dale" under "Nadia Sorel's character revealed": the summary's surname,
    or under a headline about one person's part its "she plays" or "she's Dale", is the headline's
    person."""
    people = [f for f in title_facts if _about_a_person(f)]
    if len(people) == 1 and _ROLE_OF_ONE.search(title):
        # "...'s Role Revealed" over "she plays Mara": the one person the headline names
        summary = _PRONOUN_PLAYS.sub(f"{people[0].subject} ", summary)
        summary = _PRONOUN_IS_NAMED.sub(f"{people[0].subject} plays ", summary)
    for fact in title_facts:
        if _about_a_person(fact) and " " in fact.subject:
            first, _, surname = fact.subject.rpartition(" ")
            summary = re.sub(
                rf"(?<!{re.escape(first.split()[-1])} )\b{re.escape(surname)}\b(?!['’]s\s+[A-Z])", fact.subject, summary
            )
    return summary


def _with_role(title_fact: Fact, summary_facts: list[Fact]) -> Fact:
    """ "Nadia Sorel's character revealed" + "she plays Dale": the headline's casting, with its part."""
    if _about_a_person(title_fact) and not title_fact.value:
        for fact in summary_facts:
            if _same_person(fact, title_fact) and fact.value:
                return fact
    return title_fact


def _with_year_written(title_fact: Fact, summary_facts: list[Fact]) -> Fact:
    """ "Sets Nov. 3 Return" over "returns November 3, 2031": the same day, its year written."""
    if title_fact.year_from_day:
        return next((f for f in summary_facts if f.same_claim(title_fact) and not f.year_from_day), title_fact)
    return title_fact


def _same_person(a: Fact, b: Fact) -> bool:
    return a.kind == b.kind and _about_a_person(a) and a.subject.casefold() == b.subject.casefold()


def _most_precise(facts: list[Fact]) -> list[Fact]:
    """One date per event: "December" and "this year" in one summary say December."""
    kept: dict[tuple[str, int | None, str], Fact] = {}
    order = []
    for fact in facts:
        key = fact.key
        if key not in kept:
            kept[key] = fact
            order.append(key)
        elif _dated(fact) and date_precision(fact.value) > date_precision(kept[key].value):
            kept[key] = fact
    return [kept[key] for key in order]


def _about_a_person(fact: Fact) -> bool:
    return kind_of(fact).scope is Scope.PERSON


def _dated(fact: Fact) -> bool:
    return kind_of(fact).values is Values.DATE
