"""A state file with a long past: K stories emitted over three years and U items seen.

Written through `Store.commit_run`, a batch at a time, exactly as runs would have written it (the
history's bound applies as it would have). The older stories are about earlier seasons of the
tracked shows, the newest thousand about the season the articles cover; most are castings, each
of a different person, the rest dates and renewals; every story has three outlets' items and the
other items seen were judged not to be news.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from pathlib import Path

from bench.synthetic import SEASON, TRACKED
from seasonwatch.models import Decision, Fact, Fate, Gathered, Story, StorySource, Topic, Update, Verdict
from seasonwatch.store import Store

BATCH = 5_000  # stories per commit
CURRENT = 1_000  # the newest stories are about the tracked season
_SYLLABLES = ["ka", "lo", "mir", "ven", "tho", "sa", "rel", "dun", "bri", "ost", "ga", "wen", "li", "mor"]


def fill(path: Path, stories: int, seen: int, now: datetime, seed: int = 8) -> None:
    rng = random.Random(seed)
    store = Store.open(path)
    try:
        start = now - timedelta(days=3 * 365)
        step = (now - timedelta(days=1) - start) / max(stories, 1)
        per_story_seen = seen // max(stories, 1)
        for first in range(0, stories, BATCH):
            numbers = range(first, min(first + BATCH, stories))
            made = [_story(n, rng, start + step * n, n >= stories - CURRENT) for n in numbers]
            updates = [u for story in made for u in _updates(story, per_story_seen)]
            verdicts = [_verdict(u, story) for story in made for u in _updates(story, per_story_seen)]
            store.history()  # as a run reads it before it commits
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


def _story(number: int, rng: random.Random, moment: datetime, current: bool) -> Story:
    show = TRACKED[number % len(TRACKED)]
    season = SEASON if current else SEASON - 1
    roll = rng.random()
    if roll < 0.8:
        person = f"{rng.choice(['Mara', 'Jonah', 'Lena', 'Omar', 'Priya'])} {_surname(rng)}"
        fact, headline, topic = Fact("cast", season, person, ""), f"{person} joins {show} season {season}", Topic.CAST
    elif roll < 0.9:
        day = moment.date() + timedelta(days=90)
        fact = Fact("premiere", season, value=day.isoformat())
        headline, topic = f"{show} season {season} premieres {day:%B} {day.day}", Topic.RELEASE
    else:
        fact, headline, topic = Fact("renewal", season + 1, value="renewed"), f"{show} renewed", Topic.RENEWAL
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
        facts=[fact],
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
