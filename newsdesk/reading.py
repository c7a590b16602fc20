"""Reading one update: which tracked show it is news about, what it states, what kind of piece it is.

A headline's facts define the report; the summary adds facts of other kinds and the date a
headline announces without giving it. A report that states nothing but names the person a story is
about is linked to that story.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime

from newsdesk.extract import FactContext
from newsdesk.extract.item import item_facts
from newsdesk.extract.people import names_person
from newsdesk.extract.seasons import season_numbers
from newsdesk.genres import genre
from newsdesk.relevance import (
    ABOUT_AN_EARLIER_SEASON,
    STATES_NOTHING,
    ShowWorld,
    match_show,
    mentions,
    shouted,
    uncased,
)
from newsdesk.similarity import terms
from newsdesk.text import has_negation, sentences
from newsdesk.topics import classify
from seasonwatch.fact_kinds import Scope, kind_of
from seasonwatch.lexicon.forms import fold_keep_case
from seasonwatch.models import Fact, Fate, ShowSpec, StatedFacts, Story, Topic, Update


@dataclass(frozen=True)
class Report:
    """An update judged to be about a show, before it is compared with the article and with stories."""

    update: Update
    show: ShowSpec
    topic: Topic
    facts: tuple[Fact, ...]
    terms: list[str]
    negated: bool
    moment: datetime
    genre: str = ""
    weak: bool = False  # the show is named, but only its facts can say the report is about it
    reason: str = ""  # why it is about the show
    linked: bool = False  # it gained a story's person, found by name
    event: tuple[Fact, ...] = ()  # the facts its headline announces: what defines its story
    headline_facts: tuple[Fact, ...] = ()  # all its headline states
    stated: StatedFacts | None = None  # the desk's reading of it, when made ahead (newsdesk.desk.read_ahead)

    @property
    def text(self) -> str:
        return f"{self.update.title}. {self.update.summary}"


@dataclass(frozen=True)
class Refusal:
    """Why an update is not news about any tracked show."""

    update: Update
    fate: Fate
    reason: str
    rule: str


@dataclass(frozen=True)
class Reader:
    worlds: list[ShowWorld]
    contexts: dict[str, FactContext]
    drops: dict[str, frozenset[str]]  # per show: its own name's terms, which tell no story apart
    now: datetime

    def read(self, update: Update) -> Report | Refusal:
        allowed = [w for w in self.worlds if not update.shows or w.show.name in update.shows]
        match = match_show(update.title, update.summary, allowed)
        if match.show is None:
            fate = Fate.UNTRACKED if match.rule == "names-no-tracked-show" else Fate.NOT_ABOUT_SHOW
            return Refusal(update, fate, match.reason, match.rule)
        show = match.show
        moment = update.published or self.now
        context = self.contexts[show.name]
        summary = update.summary
        # a headline that names the show, or people and places of its world ("Ada and Dale return
        # <day>" over "The streamer dates Hollow Creek season 2"), is about it
        headline_about = match.in_title or match.world_in_title
        if not headline_about:
            # a headline about something else ("Copper Hill trailer...") tells nothing of this show;
            # only the summary's sentences that name it do
            summary = " ".join(s for s in sentences(summary) if mentions(s, show))
        facts = item_facts(update.title if headline_about else "", summary, context, moment)
        return Report(
            update=update,
            show=show,
            topic=classify(update.title, update.summary, list(facts.headline), list(facts.summary)),
            facts=facts.all,
            terms=terms(f"{update.title}. {update.summary}", self.drops[show.name]),
            negated=has_negation(update.title),
            moment=moment,
            genre=genre(update.title),
            weak=match.weak,
            reason=match.reason,
            event=facts.event,
            headline_facts=facts.headline,
        )


def states_something(report: Report) -> Report | Refusal:
    """A report whose only tie to the show was weak must state a fact about it; one whose headline
    speaks only of earlier seasons must state one about the tracked season or a later one."""
    if report.weak and not report.facts:
        reason = f"{report.reason}, but states nothing about the series"
        return Refusal(report.update, Fate.NOT_ABOUT_SHOW, reason, STATES_NOTHING.name)
    named = season_numbers(report.update.title)
    tracked = report.show.season
    if named and max(named) < tracked and not any(f.season is None or f.season >= tracked for f in report.facts):
        seasons = " and ".join(str(n) for n in sorted(set(named)))
        reason = f"about season {seasons}, not season {tracked}, and states nothing about season {tracked}"
        return Refusal(report.update, Fate.NOT_ABOUT_SHOW, reason, ABOUT_AN_EARLIER_SEASON.name)
    return report


def link_people(reports: list[Report], past: Iterable[Story]) -> list[Report]:
    """A report that states no fact but names the person a story is about (this morning's or an
    earlier one: "Sorel heads to the valley: what her sheriff could mean") belongs to that story:
    it gets that story's person fact, so the story index can place it."""
    people: dict[str, dict[str, Fact]] = {}
    for story in past:
        for fact in story.facts:
            if kind_of(fact).scope is Scope.PERSON:
                people.setdefault(story.show, {})[fact.subject] = fact
    for report in reports:
        for fact in report.facts:
            if kind_of(fact).scope is Scope.PERSON:
                people.setdefault(report.show.name, {})[fact.subject] = fact
    by_surname: dict[str, dict[str, list[tuple[str, Fact]]]] = {}
    for show, known in people.items():
        for person, fact in known.items():
            by_surname.setdefault(show, {}).setdefault(person.split()[-1], []).append((person, fact))
    return [
        _linked(report, by_surname.get(report.show.name, {}))
        if not report.facts
        else _headline_person(report, people.get(report.show.name, {}))
        for report in reports
    ]


def _headline_person(report: Report, people: dict[str, Fact]) -> Report:
    """A report whose headline names, in full, the person of a story ("Nadia Sorel checks in for
    season 2") is about that person, whatever else its summary states: the person is its event."""
    title = fold_keep_case(report.update.title)
    told = {f.subject.casefold() for f in report.facts if kind_of(f).scope is Scope.PERSON}
    # a headline in capitals or in lower case names people so too ("JANE DOE ON THE SET")
    flags = re.I if uncased(title) or shouted(title) else 0
    written = title.casefold() if flags else title
    named = [
        Fact(fact.kind, fact.season, fact.subject, "")
        for person, fact in people.items()
        if person.casefold() not in told
        and (person.casefold() if flags else person) in written
        and re.search(rf"\b{re.escape(person)}\b", title, flags)
    ]
    if not named:
        return report
    return replace(report, facts=(*named, *report.facts), event=(*named, *report.event), linked=True)


def _linked(report: Report, by_surname: dict[str, list[tuple[str, Fact]]]) -> Report:
    text = fold_keep_case(report.text)
    if uncased(text):  # a post in lower case names people in lower case too
        text = text.title()
    # a word prefilter: only people whose surname the text holds are looked for in full
    written = set(re.findall(r"[^\W\d_]+", text))
    facts = [
        Fact(fact.kind, fact.season, fact.subject, "")
        for surname, known in by_surname.items()
        if surname in written or not surname.isalpha()
        for person, fact in known
        if names_person(text, person, report.show.names)
    ]
    return replace(report, facts=tuple(facts), linked=True) if facts else report


