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

from newsdesk.extract import FactContext, extract_facts
from newsdesk.extract.dates import date_precision, date_within
from newsdesk.extract.people import names_person
from newsdesk.extract.release import PREMIERE_CUE, PRODUCTION_CUE
from newsdesk.genres import genre
from newsdesk.relevance import STATES_NOTHING, ShowWorld, match_show, mentions
from newsdesk.similarity import terms
from newsdesk.text import has_negation, sentences
from newsdesk.topics import classify, topic_of_words
from seasonwatch.fact_kinds import Scope, Values, kind_of
from seasonwatch.lexicon.forms import fold_keep_case
from seasonwatch.models import Fact, Fate, ShowSpec, Story, Topic, Update


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
    linked: bool = False  # its only facts are a story's person, found by name
    event: tuple[Fact, ...] = ()  # the facts its headline announces: what defines its story

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
        title_facts = extract_facts(update.title, context, moment)
        # a summary's date without a cue word belongs to the headline's release news, if it has any
        undated = "premiere" if PREMIERE_CUE.search(update.title) and not PRODUCTION_CUE.search(update.title) else ""
        summary = update.summary
        if not match.in_title:
            # a headline about something else ("Copper Hill trailer...") tells nothing of this show;
            # only the summary's sentences that name it do
            title_facts = []
            summary = " ".join(s for s in sentences(summary) if mentions(s, show))
        summary_facts = extract_facts(_full_names(summary, title_facts), context, moment, undated)
        title_facts = [_with_role(t, summary_facts) for t in title_facts]
        facts = title_facts + [
            f
            for f in summary_facts
            if not any(f.same_claim(t) or _same_person(f, t) or _overruled(f, t) for t in title_facts)
        ]
        return Report(
            update=update,
            show=show,
            topic=classify(update.title, update.summary, title_facts, summary_facts),
            facts=tuple(_most_precise(facts)),
            terms=terms(f"{update.title}. {update.summary}", self.drops[show.name]),
            negated=has_negation(update.title),
            moment=moment,
            genre=genre(update.title),
            weak=match.weak,
            reason=match.reason,
            event=tuple(_event(update.title, title_facts, facts)),
        )


def states_something(report: Report) -> Report | Refusal:
    """A report whose only tie to the show was weak must state a fact about it."""
    if report.weak and not report.facts:
        reason = f"{report.reason}, but states nothing about the series"
        return Refusal(report.update, Fate.NOT_ABOUT_SHOW, reason, STATES_NOTHING.name)
    return report


def link_people(reports: list[Report], past: Iterable[Story]) -> list[Report]:
    """A report that states no fact but names the person a story is about (this morning's or an
    earlier one: "Sorel heads to the valley: what her sheriff could mean") belongs to that story:
    it gets that story's person fact, so the story index can place it."""
    people: dict[str, dict[str, Fact]] = {}
    for story in past:
        for fact in story.facts:
            if _about_a_person(fact):
                people.setdefault(story.show, {})[fact.subject] = fact
    for report in reports:
        for fact in report.facts:
            if _about_a_person(fact):
                people.setdefault(report.show.name, {})[fact.subject] = fact
    by_surname: dict[str, dict[str, list[tuple[str, Fact]]]] = {}
    for show, known in people.items():
        for person, fact in known.items():
            by_surname.setdefault(show, {}).setdefault(person.split()[-1], []).append((person, fact))
    return [_linked(report, by_surname.get(report.show.name, {})) if not report.facts else report for report in reports]


def _linked(report: Report, by_surname: dict[str, list[tuple[str, Fact]]]) -> Report:
    text = fold_keep_case(report.text)
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


def _event(title: str, title_facts: list[Fact], facts: list[Fact]) -> list[Fact]:
    """What the headline announces: its own facts, or, when it gives no value ("Netflix dates
    Hollow Creek season 2"), the summary's facts of the topic its words name."""
    if title_facts:
        kinds = {f.kind for f in title_facts}
        # a trailer that comes with a date: the date is the event, the trailer supports it
        return [f for f in title_facts if not kinds & set(kind_of(f).subordinate_to)]
    topic = topic_of_words(title)
    return [f for f in facts if topic is not None and kind_of(f).topic == topic]


def _overruled(summary_fact: Fact, title_fact: Fact) -> bool:
    """The headline says what the story is: a summary's other casting or other date of the same
    kind is background ("...joins the cast alongside X, announced last week"), not this story."""
    if _about_a_person(summary_fact) and _about_a_person(title_fact):
        return True
    if _dated(summary_fact) and date_within(summary_fact.value, title_fact.value):
        return False  # "lands in March" over "Sunday 15 March": the summary says it more precisely
    return summary_fact.kind == title_fact.kind


def _full_names(summary: str, title_facts: list[Fact]) -> str:
    """ "Walter will play Dasha" under "Harriet Walter's character revealed": the summary's surname is
    the headline's person."""
    for fact in title_facts:
        if _about_a_person(fact) and " " in fact.subject:
            first, _, surname = fact.subject.rpartition(" ")
            summary = re.sub(
                rf"(?<!{re.escape(first.split()[-1])} )\b{re.escape(surname)}\b(?!['’]s\s+[A-Z])", fact.subject, summary
            )
    return summary


def _with_role(title_fact: Fact, summary_facts: list[Fact]) -> Fact:
    """ "Harriet Walter's character revealed" + "she plays Dasha": the headline's casting, with its part."""
    if _about_a_person(title_fact) and not title_fact.value:
        for fact in summary_facts:
            if _same_person(fact, title_fact) and fact.value:
                return fact
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
