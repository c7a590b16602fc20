"""A story is filed under the section where the editor writes about its kind of fact; where the
article does not, under the section of the fact's own topic."""

from __future__ import annotations

from newsdesk import rulebooks
from newsdesk.desk import decide
from newsdesk.example_shows import REFERENCE
from seasonwatch.models import History

FILMING = "Hollow Creek season 2 begins filming in the valley"
WRITES_OF_FILMING = """# Hollow Creek season 2: what we know

## When can we watch it?
Nothing is dated. Filming has not started, and the streamer says only that it arrives in 2031.

## Who's in it?
Clara Voss returns as the sheriff.

## The story
The flood is the mystery the new season picks up.
"""
SILENT_ON_FILMING = WRITES_OF_FILMING.replace("Filming has not started, and the", "The")


def _filed_under(article: str) -> str:
    show = rulebooks._show_of(FILMING)
    decision = decide([show], {show.name: article}, [rulebooks._update(FILMING)], [], History(), REFERENCE)
    [story] = decision.new_stories
    return story.section


def test_filming_is_filed_where_the_article_writes_of_filming() -> None:
    assert _filed_under(WRITES_OF_FILMING) == "When can we watch it?"


def test_filming_is_filed_under_the_story_when_the_article_is_silent_on_it() -> None:
    assert _filed_under(SILENT_ON_FILMING) == "The story"
