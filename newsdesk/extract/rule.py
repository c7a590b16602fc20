"""A fact extractor as a named rule: it reads one clause and returns the facts it finds there."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from newsdesk.extract.clause import Clause
from newsdesk.rules import Example, Rule
from seasonwatch.models import Fact


@dataclass(frozen=True)
class FactRule(Rule):
    """`find` returns the facts the rule reads in a clause; each example's `expect` is the list of
    facts of its family's kinds that the whole extraction finds in the example's text."""

    find: Callable[[Clause], list[Fact]] = lambda clause: []
    # words one of which its patterns cannot match without (lower case): a clause with none of
    # them is not read at all, which spares the patterns' work on most sentences
    needs: tuple[str, ...] = ()

    def reads(self, clause: Clause) -> bool:
        return not self.needs or any(word in clause.lowered for word in self.needs)


@dataclass(frozen=True)
class Family:
    """Extractors of related kinds, tried in order; later ones may read what earlier ones found."""

    name: str
    kinds: frozenset[str]
    rules: tuple[FactRule, ...]
    finish: Callable[[list[Fact]], list[Fact]] = list  # what the family does with all it found


def facts(*found: Fact) -> list[Fact]:
    return list(found)


def example(text: str, *expect: Fact, note: str = "", article: bool = False) -> Example:
    return Example(text, list(expect), note, article=article)
