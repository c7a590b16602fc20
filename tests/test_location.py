"""Where a season is set or filmed is news of its own: told in different words by several outlets
it is one story, filed where the editor writes of locations; a place the article already gives
the show is not news, unless a report gives it to a later season."""

from __future__ import annotations

from newsdesk import rulebooks
from newsdesk.desk import decide
from newsdesk.example_shows import HOLLOW_CREEK, REFERENCE
from seasonwatch.models import Fact, History, Story

ARTICLE = """# Hollow Creek season 2: what we know

## When can we watch it?
The streamer says only that it arrives in 2031.

## Who's in it?
Clara Voss returns as the sheriff.

## Where next?
No location has been chosen. The first season was filmed in Portugal, around a valley town.

## The story
The flood is the mystery the new season picks up.
"""


def _stories(*texts: str, article: str = ARTICLE) -> list[Story]:
    updates = [rulebooks._update(text, number) for number, text in enumerate(texts, start=1)]
    decision = decide([HOLLOW_CREEK], {HOLLOW_CREEK.name: article}, updates, [], History(), REFERENCE)
    return decision.new_stories


def test_one_place_told_in_other_words_is_one_story_filed_where_the_article_writes_of_locations() -> None:
    [story] = _stories(
        "Ada Brook Leans Toward Iceland for Hollow Creek Season 2 || Nothing is locked, she said on a podcast.",
        "Hollow Creek season 2 could check in to Iceland",
        "hollow creek s2 in iceland. please be reykjavik",
    )
    assert Fact("location", 2, value="Iceland") in story.facts
    assert len(story.sources) == 3
    assert story.section == "Where next?"


def test_two_places_are_two_stories() -> None:
    stories = _stories("Hollow Creek Season 2 Heads to Iceland", "Hollow Creek season 2 will be set in Morocco")
    assert sorted(f.value for s in stories for f in s.facts if f.kind == "location") == ["Iceland", "Morocco"]


def test_a_place_the_article_names_is_no_news_when_no_season_is_said() -> None:
    assert _stories("Hollow Creek goes back to Portugal || The valley drama returns to its roots.") == []


def test_the_same_place_given_to_a_later_season_is_news() -> None:
    [story] = _stories("Hollow Creek season 2 will be set in Portugal again")
    assert [(f.value, f.before) for f in story.facts if f.kind == "location"] == [("Portugal", "not announced")]


def test_a_denied_place_is_no_location() -> None:
    stories = _stories("Hollow Creek season 2 will not be set in Iceland, the showrunner says")
    assert [f for s in stories for f in s.facts if f.kind == "location"] == []
