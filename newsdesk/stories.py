"""Stories as the newsdesk builds them: a new one from a group of reports or a structured fact,
and a story sent before with one more source."""

from __future__ import annotations

from datetime import datetime

from newsdesk.clustering import Candidate
from newsdesk.headlines import clean_headline
from newsdesk.structured import StructuredNews
from newsdesk.structured import headline as structured_headline
from seasonwatch.fact_kinds import describe_fact
from seasonwatch.markup import shorten
from seasonwatch.models import Fact, ShowSpec, Story, StorySource, Topic, Update, story_id

SUMMARY_LENGTH = 320


def story_from_reports(
    show: ShowSpec, members: list[Candidate], facts: list[Fact], topic: Topic, section: str, now: datetime
) -> Story:
    """Earliest report first: its headline, the first summary any of them has, every source."""
    first = members[0]
    summary = next((m.update.summary for m in members if m.update.summary), "")
    return Story(
        id=story_id(show.name, first.update.key),
        show=show.name,
        show_slug=show.slug,
        topic=topic,
        section=section,
        headline=clean_headline(first.update.title, first.update.source),
        summary=shorten(summary, SUMMARY_LENGTH),
        summary_html="",
        facts=facts,
        sources=ordered([source_of(m.update) for m in members]),
        first_seen=now,
        updated=now,
    )


def story_from_fact(news: StructuredNews, topic: Topic, section: str, now: datetime) -> Story:
    fact = news.fact
    names = sorted({o.source for o in news.observations})
    return Story(
        id=story_id(news.show.name, f"{fact.kind}|{fact.season}|{fact.subject.casefold()}|{fact.value}"),
        show=news.show.name,
        show_slug=news.show.slug,
        topic=topic,
        section=section,
        headline=structured_headline(news.show, fact),
        summary=f"{' and '.join(names)} now list{'s' if len(names) == 1 else ''}: {describe_fact(fact)}.",
        summary_html="",
        facts=[fact],
        sources=ordered(observation_sources(news)),
        first_seen=now,
        updated=now,
    )


def observation_sources(news: StructuredNews) -> list[StorySource]:
    return [
        StorySource(obs.source, describe_fact(news.fact), obs.source_url, obs.observed_at, update_key=obs.key)
        for obs in news.observations
    ]


def with_sources(story: Story, sources: list[StorySource], now: datetime) -> bool:
    """Add the sources the story does not list yet; True if it gained any."""
    listed = {s.url for s in story.sources}
    added = [s for s in sources if s.url not in listed]
    if added:
        story.sources = ordered(story.sources + added)
        story.updated = now
    return bool(added)


def merged_facts(members: list[Candidate]) -> list[Fact]:
    """The facts of a group of reports, one per claim, the one with a value where some lack it."""
    merged: list[Fact] = []
    for member in members:
        for fact in member.facts:
            same = next((m for m in merged if m.key == fact.key), None)
            if same is None:
                merged.append(fact)
            elif not same.value and fact.value:
                merged[merged.index(same)] = fact
    return merged


def source_of(update: Update) -> StorySource:
    return StorySource(
        source=update.source,
        title=update.title,
        url=update.url,
        published=update.published,
        summary=shorten(update.summary, SUMMARY_LENGTH),
        update_key=update.key,
    )


def ordered(sources: list[StorySource]) -> list[StorySource]:
    """Earliest first; one entry per link."""
    unique: dict[str, StorySource] = {}
    for source in sources:
        unique.setdefault(source.url or source.title, source)
    far_future = datetime.max
    return sorted(unique.values(), key=lambda s: s.published.replace(tzinfo=None) if s.published else far_future)
