"""Every example of every rule of the newsdesk, run through the real code.

A rule carries the examples it must hold for (invented shows and people, never a labelled set's):
a change that alters what a rule does fails here by name, with the example it broke.
"""

from __future__ import annotations

import re

import pytest

from newsdesk.rulebooks import RULEBOOKS

CASES = [(book, rule, example) for book in RULEBOOKS for rule, example in book.examples()]


@pytest.mark.parametrize(
    ("book", "rule", "example"),
    CASES,
    ids=[f"{book.name}/{rule.name}/{example.text[:40]}" for book, rule, example in CASES],
)
def test_rule_example(book, rule, example):
    book.trial(rule, example)


def test_every_rule_has_examples_and_a_plain_name():
    for book in RULEBOOKS:
        for rule in book.rules:
            assert rule.examples, f"{book.name}: {rule.name} has no examples"
            assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", rule.name), rule.name
            assert rule.says, f"{book.name}: {rule.name} says nothing of itself"


def test_rule_names_are_unique_within_a_book():
    for book in RULEBOOKS:
        names = [rule.name for rule in book.rules]
        assert len(names) == len(set(names)), book.name


def test_the_table_holds_at_least_three_hundred_examples():
    assert len(CASES) >= 300, len(CASES)
