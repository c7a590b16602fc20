"""The first pass of `match_show` (an update whose text cannot hold any tracked show's name is
passed over) says so only where the full word test would: the verdicts are the same with it."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk import relevance
from newsdesk.relevance import ShowWorld, match_show
from seasonwatch.models import ShowSpec

SHOWS = [
    ShowSpec(name="Hollow Creek", season=2, aliases=("Creek",), article=Path("hollow-creek.md"), slug="hollow-creek"),
    ShowSpec(name="The Lantern", season=3, aliases=(), article=Path("the-lantern.md"), slug="the-lantern"),
    ShowSpec(name="Drift", season=3, aliases=(), article=Path("drift.md"), slug="drift"),
]

TEXTS = [
    ("Hollow Creek Season 2 Casts Nadia Sorel", ""),
    ("HOLLOW CREEK RENEWED. i am screaming", ""),
    ("hollow creek s2 trailer just dropped", ""),
    ("Lantern`s new season sets a date", "The streamer has news."),
    ("Copper Hill returns in May", "No tracked show here, only a creek in the summary."),
    ("Cooking at sea: tips for a long night", "How to sleep on a moving boat."),
    ("Drifting apart: a finale review", ""),
    ("Hóllow Créek season 2", "Accents fold: the full test reads this one."),
    ("", ""),
]


@pytest.fixture
def worlds() -> list[ShowWorld]:
    return [ShowWorld.from_article(show, []) for show in SHOWS]


@pytest.mark.parametrize(("title", "summary"), TEXTS)
def test_the_first_pass_agrees_with_the_full_test(title: str, summary: str, worlds, monkeypatch) -> None:
    with_pass = match_show(title, summary, worlds)
    monkeypatch.setattr(relevance, "_surely_names_no_show", lambda *_: False)
    assert match_show(title, summary, worlds) == with_pass


def test_the_first_pass_skips_only_texts_without_a_name_word(worlds) -> None:
    assert relevance._surely_names_no_show("Cooking at sea", "How to sleep on a boat.", worlds)
    assert not relevance._surely_names_no_show("Drifting apart", "", worlds)  # "drift" is in it
    assert not relevance._surely_names_no_show("Hóllow Créek", "", worlds)  # not ASCII: not skipped


@pytest.mark.parametrize(
    ("title", "show"),
    [
        ("Lantern S2 premieres April 10", "The Lantern"),
        ("Castellan: Lantern S2 sets an April 10 return", "The Lantern"),
        ("Ezra Vance cast as the ferryman in Lantern Season 2", "The Lantern"),
        ("Green Lantern Season 2 Premieres in May", None),  # another title that ends in the word
        ("the green lantern s2 premieres in may", None),
    ],
)
def test_a_title_without_its_the_names_the_show_only_as_a_name_of_its_own(title: str, show, worlds) -> None:
    match = match_show(title, "", worlds)
    assert (match.show.name if match.show else None) == show, match.reason

