"""Every story a report may belong to, past and present, in one index over one relation.

A past story (sent by an earlier run) and a story this run is making are entries of the same
index and are compared with a report by the same `sameness.relation`: a report that is the same
story as a past one is a late report of it, one that is the same as this run's story joins it.
So two reports are one story or two whether they arrive the same morning or a day apart.

A report is compared only with the entries that share a fact, a name or one of its most telling
terms with it (comparing every pair would grow with the square of a busy morning).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from newsdesk import thresholds
from newsdesk.rules import Example, Rule
from newsdesk.sameness import SPEAKS_OF_ITS_FACT, Evidence, Kinship, Relation, relation
from seasonwatch.fact_kinds import Scope, kind_of
from seasonwatch.models import Fact, Story

Member = TypeVar("Member")


@dataclass
class Entry(Generic[Member]):
    """A story the index knows: one sent before (`past`) or one this run makes, with the reports
    of this run that joined it."""

    number: int  # order of creation: past stories first, then this run's, earliest first
    evidence: Evidence
    past: Story | None = None
    members: list[Member] = field(default_factory=list)
    keys: set[tuple[str, str]] = field(default_factory=set)


@dataclass(frozen=True)
class Match(Generic[Member]):
    entry: Entry[Member]
    relation: Relation
    absorbed: tuple[Entry[Member], ...] = ()  # this run's stories the report ties to a past one


class StoryIndex(Generic[Member]):
    def __init__(self) -> None:
        self.entries: list[Entry[Member]] = []
        self._by_key: dict[tuple[str, tuple[str, str]], set[int]] = defaultdict(set)
        self._by_fact: dict[tuple[str, str, int | None, str], set[int]] = defaultdict(set)
        self._absorbed: set[int] = set()

    # ------------------------------------------------------------------ building

    def add(self, evidence: Evidence, past: Story | None = None, member: Member | None = None) -> Entry[Member]:
        entry: Entry[Member] = Entry(len(self.entries), evidence, past)
        self.entries.append(entry)
        if member is not None:
            entry.members.append(member)
        self._index(entry, evidence)
        return entry

    def join(self, entry: Entry[Member], evidence: Evidence, member: Member) -> None:
        entry.evidence = entry.evidence.joined(evidence)
        entry.members.append(member)
        self._index(entry, evidence)

    def absorb(self, into: Entry[Member], entry: Entry[Member]) -> None:
        """This run's story turns out to be a past story told again: its reports join that one."""
        for member in entry.members:
            into.members.append(member)
        into.evidence = into.evidence.joined(entry.evidence)
        entry.members = []
        self._absorbed.add(entry.number)

    def _index(self, entry: Entry[Member], evidence: Evidence) -> None:
        show = evidence.show
        for key in blocking_keys(evidence) - entry.keys:
            entry.keys.add(key)
            self._by_key[(show, key)].add(entry.number)
        for fact in (*evidence.facts, *evidence.mentions):
            self._by_fact[kind_of(fact).key_of(show, fact)].add(entry.number)

    # ------------------------------------------------------------------ looking up

    def live(self) -> Iterable[Entry[Member]]:
        return (e for e in self.entries if e.number not in self._absorbed)

    def told(self, show: str, fact: Fact) -> Entry[Member] | None:
        """The story (past, or this run's) that already told this fact, or told it more precisely."""
        for rule in TOLD:
            if (entry := rule.find(self, show, fact)) is not None:
                return entry
        return None

    def telling(self, show: str, fact: Fact) -> Entry[Member] | None:
        """The entry whose facts say this very fact, or say it more precisely: a story whose event
        it is before one that mentions it along (a count told in a story about who directs)."""
        kind = kind_of(fact)
        key = kind.key_of(show, fact)
        entries = [self.entries[n] for n in sorted(self._by_fact.get(key, ())) if n not in self._absorbed]
        for told in (lambda e: e.evidence.facts, lambda e: e.evidence.mentions):
            for entry in entries:
                if any(self._says(show, known, fact, key) for known in told(entry)):
                    return entry
        return None

    @staticmethod
    def _says(show: str, known: Fact, fact: Fact, key: tuple[str, str, int | None, str]) -> bool:
        kind = kind_of(fact)
        if kind_of(known).key_of(show, known) != key:
            return False  # (a person is the same person whatever the kind of news)
        if kind.scope is Scope.PERSON or kind.same_value(known.value, fact.value):
            return True
        return bool(fact.value) and kind.implies(known.value, fact.value)

    def contradicting(self, show: str, fact: Fact, listings: set[str]) -> Entry[Member] | None:
        """A story told by outlets (not only by the listings named) that gives this fact another
        value, neither value saying the other: two sides for the editor, no story of its own."""
        kind = kind_of(fact)
        if not fact.value or kind.scope is Scope.PERSON:
            return None
        key = kind.key_of(show, fact)
        for number in sorted(self._by_fact.get(key, ())):
            entry = self.entries[number]
            if number in self._absorbed or not self._told_by_outlets(entry, listings):
                continue
            for known in (*entry.evidence.facts, *entry.evidence.mentions):
                if kind_of(known).key_of(show, known) != key or not known.value:
                    continue
                if not (kind.implies(known.value, fact.value) or kind.implies(fact.value, known.value)):
                    return entry
        return None

    @staticmethod
    def _told_by_outlets(entry: Entry[Member], listings: set[str]) -> bool:
        past = entry.past.sources if entry.past else []
        return any(s.source not in listings for s in past) or any(
            getattr(m, "update", None) is not None for m in entry.members
        )

    def best(self, evidence: Evidence) -> Match[Member] | None:
        """The entry this evidence is the same story as, if any: the past story it is a late report
        of before this run's; this run's stories it ties to that past story are absorbed into it."""
        same: list[tuple[Entry[Member], Relation]] = []
        for entry in self._candidates(evidence):
            found = relation(entry.evidence, evidence)
            if found.kinship is Kinship.SAME:
                same.append((entry, found))
        if not same:
            return None
        past = [(e, r) for e, r in same if e.past is not None]
        # "...Premiere Date Teaser": the premiere it speaks of is its story, and this morning's
        # story of the same teaser is that premiere's too
        main = [(e, r) for e, r in same if r.rule == SPEAKS_OF_ITS_FACT]
        entry, found = max(past or main or same, key=lambda pair: (pair[1].score, -pair[0].number))
        absorbed: tuple[Entry[Member], ...] = ()
        if found.rule == SPEAKS_OF_ITS_FACT:
            absorbed = tuple(e for e, _ in same if e is not entry and e.past is None)
        elif entry.past is not None:
            # this run's stories the report is also the same as, and that are the same as the past one
            absorbed = tuple(e for e, _ in same if e.past is None and relation(entry.evidence, e.evidence).same)
        return Match(entry, found, absorbed)

    def _candidates(self, evidence: Evidence) -> list[Entry[Member]]:
        numbers: set[int] = set()
        for key in blocking_keys(evidence):
            postings = self._by_key.get((evidence.show, key), set())
            if key[0] != "fact" and len(postings) > thresholds.COMMON_TERM:
                continue  # a term or name that many stories share says nothing about which one
            numbers |= postings
        return [self.entries[n] for n in sorted(numbers - self._absorbed)]


_CAPITALIZED = re.compile(r"\b[A-Z][a-z]{3,}\b")


def blocking_keys(evidence: Evidence) -> set[tuple[str, str]]:
    """What a report must share with a story to be compared with it: a fact, a name, a telling term."""
    keys = {("fact", "|".join(map(str, kind_of(f).key_of(evidence.show, f)))) for f in evidence.facts + evidence.spoken}
    # people: by surname, whether a report states a fact about them or only names them in its headline
    keys.update(
        ("name", f.subject.split()[-1].casefold())
        for f in evidence.facts
        if kind_of(f).scope is Scope.PERSON and f.subject
    )
    own = {w.casefold() for w in evidence.show.split()}
    for headline in evidence.headlines:
        keys.update(("name", w.casefold()) for w in _CAPITALIZED.findall(headline) if w.casefold() not in own)
    keys.update(("name", entity) for entity in evidence.entities)
    if not evidence.entities and not evidence.facts:
        # a lower-case post has no capitals to find names by: any of its words may be one
        keys.update(("name", word) for word in evidence.words if len(word) > 3)
    for vector in evidence.vectors:
        top = sorted(vector, key=vector.__getitem__, reverse=True)[: thresholds.BLOCKING_TERMS]
        keys.update(("term", term) for term in top)
    return keys


# ---------------------------------------------------------------- has a story told this fact?


@dataclass(frozen=True)
class TellingRule(Rule):
    """Finds the story that already told a fact, by one way of telling it."""

    find: Callable[[StoryIndex, str, Fact], Entry | None] = lambda index, show, fact: None


def _told_as_such(index: StoryIndex, show: str, fact: Fact) -> Entry | None:
    return index.telling(show, fact)


def _told_as_another_kind(index: StoryIndex, show: str, fact: Fact) -> Entry | None:
    kind = kind_of(fact)
    if kind.told_as and fact.value:
        return index.telling(show, Fact(kind.told_as, fact.season, value=fact.value))
    return None


TOLD: tuple[TellingRule, ...] = (
    TellingRule(
        "told-before",
        "a story (sent before, or this run's) established the fact, or established it more precisely",
        (
            Example("Hollow Creek season 2 premieres March 8 >> premiere 2 2031-03-08", True),
            Example("Hollow Creek season 2 premieres March 8 >> premiere 2 2031-03", True),
            Example("Hollow Creek season 2 arrives in March >> premiere 2 2031-03-08", False),
            Example("Nadia Sorel joins Hollow Creek season 2 >> cast 2 Nadia Sorel", True),
            Example("Filming on Hollow Creek season 2 has wrapped >> filming 2 started", True),
            Example("Hollow Creek renewed for season 3 >> renewal 3 renewed", True),
            Example("Felix Arbuckle joins Drift season 3 >> cast 3 Felix Arbuckle", True),
            Example("Felix Arbuckle joins Drift season 3 >> cast 3 Lena Morrow", False),
        ),
        _told_as_such,
    ),
    TellingRule(
        "told-as-another-kind",
        "a season released in one go ends the day it starts: a finale on the premiere's day is told",
        (
            Example("Hollow Creek season 2 premieres March 8 >> finale 2 2031-03-08", True),
            Example("Hollow Creek season 2 premieres March 8 >> finale 2 2031-04-12", False),
        ),
        _told_as_another_kind,
    ),
)
