"""Rules as data: every judgement of the newsdesk is taken by a named rule that carries its examples.

A rule book is an ordered table of rules and a way to try one of its examples through the real
code. `tests/test_rule_examples.py` tries every example of every book, so a rule cannot change
behaviour without its examples saying so, and `-v` names the rule behind each verdict.

Examples use invented shows and people (see `newsdesk.example_shows`), never those of a labelled
evaluation set: a rule must hold for reasons, not for the items it was tuned on.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Example:
    """What a rule reads and what must come of it. `text` is a headline, or "headline || summary",
    or a sentence; `expect` is the book's own kind of outcome (a show's name, facts, a verdict)."""

    text: str
    expect: Any = None
    note: str = ""
    counter: bool = False  # where the rule must not decide: the outcome comes from another rule, or none
    article: bool = False  # the text is a sentence of the show's article, not of a report


@dataclass(frozen=True)
class Rule:
    name: str
    says: str  # the rule in one line: what -v prints beside its reason, what the README lists
    examples: tuple[Example, ...] = ()


@dataclass(frozen=True)
class RuleBook:
    """One table of rules, in the order they are tried, and how an example of it is tried."""

    name: str
    rules: Sequence[Rule]
    trial: Callable[[Rule, Example], None]  # raises AssertionError when the example does not hold
    about: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def examples(self) -> list[tuple[Rule, Example]]:
        return [(rule, example) for rule in self.rules for example in rule.examples]


def split_example(text: str) -> tuple[str, str]:
    """ "headline || summary" -> (headline, summary)."""
    title, _, summary = text.partition(" || ")
    return title.strip(), summary.strip()
