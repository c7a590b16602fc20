"""A state file with a long past: K stories emitted over three years and U items seen.

Written through `Store.commit_run`, a batch at a time, exactly as the runs of a config would have
written it (`keeping`: the history's bound and what the desk reads apply as they would have).
Whatever K, the tracked shows have the same thousand stories in it, spread over the three years
(the older 400 about their previous season): the rest of a longer history is about shows the site
no longer follows. So rows for 1k, 10k and 100k stories differ in the size of the history alone,
not in what the desk has to show for the tracked shows. A third of the stories are castings (each
of its own invented person), a few are dates, the rest interviews and features with no fact; every
story has three outlets' items, and the other items seen were judged not news.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from pathlib import Path

from bench.synthetic import SEASON, TRACKED, UNTRACKED
from seasonwatch.models import Decision, Fact, Fate, Gathered, Story, StorySource, Topic, Update, Verdict
from seasonwatch.store import Store
from seasonwatch.story_bound import Keeping

BATCH = 5_000  # stories per commit
TRACKED_STORIES = 1_000  # the tracked shows' own past, whatever the history's size
PREVIOUS_SEASON = 400  # the oldest of them are about the season before
_SYLLABLES = ["ka", "lo", "mir", "ven", "tho", "sa", "rel", "dun", "bri", "ost", "ga", "wen", "li", "mor"]


def fill(path: Path, stories: int, seen: int, now: datetime, keeping: Keeping, seed: int = 8) -> None:
    rng = random.Random(seed)
    store = Store.open(path)
    store.keeping = keeping
    try:
        start = now - timedelta(days=3 * 365)
        step = (now - timedelta(days=1) - start) / max(stories, 1)
        every = max(1, stories // TRACKED_STORIES)  # one story in `every` is a tracked show's
        per_story_seen = seen // max(stories, 1)
        for first in range(0, stories, BATCH):
            made = []
            for n in range(first, min(first + BATCH, stories)):
                tracked = n % every == 0 and n // every < TRACKED_STORIES
                # a tracked show's story is the same in every history: drawn from its own number
                draw = random.Random(f"tracked-{n // every}") if tracked else rng
                made.append(_story(n, n // every if tracked else -1, draw, start + step * n))
            updates = [u for story in made for u in _updates(story, per_story_seen)]
            verdicts = [_verdict(u, story) for story in made for u in _updates(story, per_story_seen)]
            store.history(shows=[], gathered=Gathered())  # as a run reads it before it commits
            store.commit_run(
                started=made[-1].first_seen,
                finished=made[-1].first_seen,
                gathered=Gathered(updates=updates),
                decision=Decision(new_stories=made, verdicts=verdicts),
                digest=None,
            )
    finally:
        store.close()


def _surname(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(3)).capitalize()


def _story(number: int, tracked: int, rng: random.Random, moment: datetime) -> Story:
    """Story `number`; `tracked` is its number among the tracked shows' stories (-1: not theirs)."""
    show = TRACKED[tracked % len(TRACKED)] if tracked >= 0 else UNTRACKED[number % len(UNTRACKED)]
    season = SEASON - 1 if 0 <= tracked < PREVIOUS_SEASON else SEASON
    person = f"{_surname(rng)} {_surname(rng)}"
    roll = rng.random()
    facts: list[Fact] = []
    if roll < 0.33:
        facts, headline, topic = [Fact("cast", season, person, "")], f"{person} joins {show} season {season}", Topic.CAST
    elif roll < 0.35:  # a season's dates: a few per season
        day = moment.date() + timedelta(days=90)
        facts = [Fact("premiere", season, value=day.isoformat())]
        headline, topic = f"{show} season {season} premieres {day:%B} {day.day}", Topic.RELEASE_DATE
    else:
        headline, topic = f"{person} on what comes next for {show}", Topic.STORY
    sources = [
        StorySource(f"Outlet {o}", f"{headline} ({o})", f"https://outlet{o}.example/old/{number}", moment, update_key=f"Outlet {o}\x1fold-{number}-{o}")
        for o in range(3)
    ]
    return Story(
        id=f"old{number}",
        show=show,
        topic=topic,
        section=str(topic),
        headline=headline,
        summary=f"{headline}, outlets reported.",
        facts=facts,
        sources=sources,
        first_seen=moment,
        updated=moment,
        show_slug=show.lower().replace(" ", "-"),
    )


def _updates(story: Story, seen: int) -> list[Update]:
    told = [Update(s.source, s.url, s.url, s.update_key.split("\x1f")[1], s.title, "") for s in story.sources]
    judged = [
        Update("Outlet 9", f"https://outlet9.example/other/{story.id}-{n}", "", f"seen-{story.id}-{n}", "Other news", "")
        for n in range(max(0, seen - len(told)))
    ]
    return told + judged


def _verdict(update: Update, story: Story) -> Verdict:
    if update.guid.startswith("old-"):
        return Verdict(update.source, update.title, Fate.NEW, "", story_id=story.id, update_key=update.key)
    return Verdict(update.source, update.title, Fate.UNTRACKED, "", update_key=update.key)
