"""Reading one update: which tracked show it is news about, what it states, what kind of piece it is.

A headline's facts define the report; the summary adds facts of other kinds and the date a
headline announces without giving it. A report that states nothing but names the person a story is
about is linked to that story.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from newsdesk.clustering import PERSON_KINDS
from newsdesk.dates import date_precision, date_within
from newsdesk.facts import PREMIERE_CUE, PRODUCTION_CUE, FactContext, extract_facts
from newsdesk.genres import genre
from newsdesk.people import names_person
from newsdesk.relevance import ShowWorld, match_show, mentions
from newsdesk.similarity import terms
from newsdesk.text import has_negation, sentences
from newsdesk.topics import classify
from seasonwatch.lexicon.forms import fold, fold_keep_case
from seasonwatch.lexicon.function_words import STOPWORDS
from seasonwatch.lexicon.not_names import NOT_WORLD
from seasonwatch.models import Fact, Fate, ShowSpec, Story, Topic, Update


@dataclass
class Report:
    """An update judged to be about a show, before novelty and clustering."""

    update: Update
    show: ShowSpec
    topic: Topic
    facts: list[Fact]
    terms: list[str]
    negated: bool
    moment: datetime
    genre: str = ""
    weak: bool = False  # the show is named, but only its facts can say the report is about it
    reason: str = ""  # why it is about the show
    linked: bool = False  # its only facts are a story's person, found by name

    @property
    def text(self) -> str:
        return f"{self.update.title}. {self.update.summary}"


@dataclass(frozen=True)
class Refusal:
    """Why an update is not news about any tracked show."""

    fate: Fate
    reason: str


@dataclass
class Reader:
    worlds: list[ShowWorld]
    contexts: dict[str, FactContext]
    drops: dict[str, frozenset[str]]  # per show: its own name's terms, which tell no story apart
    now: datetime
    refused: list[tuple[Update, Refusal]] = field(default_factory=list)

    def read(self, update: Update) -> Report | None:
        allowed = [w for w in self.worlds if not update.shows or w.show.name in update.shows]
        match = match_show(update.title, update.summary, allowed)
        if match.show is None:
            fate = Fate.UNTRACKED if match.reason == "names no tracked show" else Fate.NOT_ABOUT_SHOW
            self.refused.append((update, Refusal(fate, match.reason)))
            return None
        show = match.show
        moment = update.published or self.now
        context = self.contexts[show.name]
        title_facts = extract_facts(update.title, context, moment)
        # a summary's date without a cue word belongs to the headline's release news, if it has any
        undated = "premiere" if PREMIERE_CUE.search(update.title) and not PRODUCTION_CUE.search(update.title) else ""
        summary = update.summary
        if not match.in_title:
            # a headline about something else ("Free Guy trailer...") tells nothing of this show;
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
            facts=_most_precise(facts),
            terms=terms(f"{update.title}. {update.summary}", self.drops[show.name]),
            negated=has_negation(update.title),
            moment=moment,
            genre=genre(update.title),
            weak=match.weak,
            reason=match.reason,
        )

    def keep(self, reports: list[Report]) -> list[Report]:
        """Reports whose only tie to the show was weak and that state nothing about it are refused."""
        kept = []
        for report in reports:
            if report.weak and not report.facts:
                reason = f"{report.reason}, but states nothing about the series"
                self.refused.append((report.update, Refusal(Fate.NOT_ABOUT_SHOW, reason)))
            else:
                kept.append(report)
        return kept


def link_people(reports: list[Report], past: Iterable[Story]) -> None:
    """A report that states no fact but names the person a story is about (this morning's or an
    earlier one: "Meloni heads to Gilead: what his commander could mean") belongs to that story:
    it gets that story's person fact, so clustering and history can place it."""
    people: dict[str, dict[str, Fact]] = {}
    for story in past:
        for fact in story.facts:
            if fact.kind in PERSON_KINDS:
                people.setdefault(story.show, {})[fact.subject] = fact
    for report in reports:
        for fact in report.facts:
            if fact.kind in PERSON_KINDS:
                people.setdefault(report.show.name, {})[fact.subject] = fact
    for report in reports:
        if report.facts:
            continue
        text = fold_keep_case(report.text)
        for person, fact in people.get(report.show.name, {}).items():
            if names_person(text, person, report.show.names):
                report.facts.append(Fact(fact.kind, fact.season, fact.subject, ""))
                report.linked = True


def new_entities(text: str, show: ShowSpec, world: frozenset[str]) -> frozenset[str]:
    """Names a report mentions that the article does not: what a story without facts is about."""
    own = {fold(w) for name in show.names for w in name.split()}
    found = {
        fold(w).removesuffix("'s") for w in re.findall(r"(?<![.!?:]\s)\b[A-Z][a-z][\w'’\-]{2,}", fold_keep_case(text))
    }
    return frozenset(w for w in found if w not in own and w not in world and w not in NOT_WORLD and w not in STOPWORDS)


def _overruled(summary_fact: Fact, title_fact: Fact) -> bool:
    """The headline says what the story is: a summary's other casting or other date of the same
    kind is background ("...joins the cast alongside X, announced last week"), not this story."""
    if summary_fact.kind in PERSON_KINDS and title_fact.kind in PERSON_KINDS:
        return True
    if summary_fact.kind in ("premiere", "finale") and date_within(summary_fact.value, title_fact.value):
        return False  # "lands in March" over "Sunday 15 March": the summary says it more precisely
    return summary_fact.kind == title_fact.kind


def _full_names(summary: str, title_facts: list[Fact]) -> str:
    """ "Walter will play Dasha" under "Harriet Walter's character revealed": the summary's surname is
    the headline's person."""
    for fact in title_facts:
        if fact.kind in PERSON_KINDS and " " in fact.subject:
            first, _, surname = fact.subject.rpartition(" ")
            summary = re.sub(
                rf"(?<!{re.escape(first.split()[-1])} )\b{re.escape(surname)}\b(?!['’]s\s+[A-Z])", fact.subject, summary
            )
    return summary


def _with_role(title_fact: Fact, summary_facts: list[Fact]) -> Fact:
    """ "Harriet Walter's character revealed" + "she plays Dasha": the headline's casting, with its part."""
    if title_fact.kind in PERSON_KINDS and not title_fact.value:
        for fact in summary_facts:
            if _same_person(fact, title_fact) and fact.value:
                return fact
    return title_fact


def _same_person(a: Fact, b: Fact) -> bool:
    return a.kind == b.kind and a.kind in PERSON_KINDS and a.subject.casefold() == b.subject.casefold()


def _most_precise(facts: list[Fact]) -> list[Fact]:
    """One date per event: "December" and "this year" in one summary say December."""
    kept: dict[tuple[str, int | None, str], Fact] = {}
    order = []
    for fact in facts:
        key = fact.key
        if key not in kept:
            kept[key] = fact
            order.append(key)
        elif fact.kind in ("premiere", "finale") and date_precision(fact.value) > date_precision(kept[key].value):
            kept[key] = fact
    return [kept[key] for key in order]
