"""A report that speaks of a fact without telling it ("...Premiere Date Teaser") is a source of the
story that tells that fact, and ties that morning's story of the same teaser to it."""

from __future__ import annotations

from datetime import timedelta

from newsdesk import rulebooks
from newsdesk.desk import decide
from newsdesk.example_shows import ARTICLES, REFERENCE
from seasonwatch.models import Fate, History

TEASER = "Hollow Creek season 2 gets a teaser trailer || The cast dances in it."
DATE_TEASER = "Hollow Creek Season 2 Premiere Date Teaser Is Here || The cast shares a short clip from home."
DATE = "Hollow Creek Season 2 Release Date || It arrives March 8, 2031."


def _decide(texts: list[str], history: History | None = None, days: int = 0):
    show = rulebooks._show_of(" ".join(texts))
    updates = [rulebooks._update(t, i) for i, t in enumerate(texts)]
    return decide(
        [show], {show.name: ARTICLES[show.name]}, updates, [], history or History(), REFERENCE + timedelta(days=days)
    )


def test_a_teaser_of_the_date_and_the_date_are_one_story_under_the_date_whatever_their_order() -> None:
    for order in ([TEASER, DATE_TEASER, DATE], [DATE_TEASER, TEASER, DATE], [DATE, TEASER, DATE_TEASER]):
        decision = _decide(order)
        [story] = decision.new_stories
        assert story.topic.value == "Release Date"
        assert {f.kind for f in story.facts} >= {"premiere", "footage"}
        assert len(story.sources) == 3


def test_a_date_the_morning_after_a_teaser_was_sent_is_news_of_its_own() -> None:
    # the teaser's story went out without the date: the date is not a late report of it
    day_one = _decide([DATE_TEASER])
    history = History(
        stories=day_one.new_stories,
        update_story={v.update_key: v.story_id for v in day_one.verdicts if v.story_id},
    )
    day_two = _decide([DATE], history, days=1)
    assert [v.fate for v in day_two.verdicts] == [Fate.NEW]


def test_a_teaser_alone_is_still_a_teaser_story() -> None:
    [story] = _decide([DATE_TEASER]).new_stories
    assert [(f.kind, f.value) for f in story.facts] == [("footage", "teaser")]


DIRECTOR = "Ezra Vance to Direct Hollow Creek Season 2 Premiere || The eight-episode season is his first on the show."
COUNT = "Hollow Creek Season 2 Will Have Eight Episodes || The streamer confirmed the order."


def test_a_count_told_along_in_a_story_about_who_directs_does_not_make_the_count_s_story_its_own() -> None:
    for order in ([DIRECTOR, COUNT], [COUNT, DIRECTOR]):
        stories = _decide(order).new_stories
        by_event = {s.headline: len(s.sources) for s in stories}
        assert len(stories) == 2, by_event
        assert all(sources == 1 for sources in by_event.values()), by_event


ROLE_IN_STILLS = "Nadia Sorel Plays Mara in Hollow Creek Season 2 || The streamer revealed her part in new stills."
STILLS = "Hollow Creek Season 2 Stills Are Here || The first photos show Nadia Sorel as Mara."


def test_stills_that_reveal_a_part_are_the_casting_s_story() -> None:
    [story] = _decide([ROLE_IN_STILLS, STILLS]).new_stories
    assert story.topic.value == "Cast"
    assert len(story.sources) == 2
