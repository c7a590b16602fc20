"""Stories as the newsdesk builds them: the reports that add to an article (candidates), the
evidence each one gives for sameness, a new story from a group of them or from a structured fact,
and a story sent before with more sources (a new value: history is never changed in place)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime

from newsdesk.headlines import clean_headline
from newsdesk.sameness import Evidence, folded_words
from newsdesk.similarity import Vector, Vectorizer, terms
from newsdesk.structured import StructuredNews
from seasonwatch.fact_kinds import describe_fact, structured_headline
from seasonwatch.lexicon.forms import fold, fold_keep_case
from seasonwatch.lexicon.function_words import STOPWORDS
from seasonwatch.lexicon.not_names import NOT_WORLD
from seasonwatch.markup import shorten
from seasonwatch.models import Fact, ShowSpec, Story, StorySource, Topic, Update, story_id

SUMMARY_LENGTH = 320


@dataclass(frozen=True)
class Candidate:
    """A report that is about a tracked show and adds to its article."""

    update: Update
    show: ShowSpec
    topic: Topic
    facts: tuple[Fact, ...]  # the facts that define the story
    vector: Vector
    moment: datetime
    reason: str = ""  # why it is new to the article
    rule: str = ""  # the rule that found it new
    entities: frozenset[str] = frozenset()  # names it mentions that the article does not
    event: tuple[Fact, ...] = ()  # the facts its headline announces
    explains: tuple[str, str] | None = None  # an explainer's (rule, reason): it may join a story, never start one
    mentions: tuple[Fact, ...] = ()  # new facts it states along, which do not decide its story
    spoken: tuple[Fact, ...] = ()  # facts it speaks of without telling ("...Premiere Date Teaser"), no value
    joined_by: str = ""  # the sameness rule that tied it to its story, and why
    joined_because: str = ""

    def evidence(self) -> Evidence:
        return Evidence(
            show=self.show.name,
            facts=self.facts,
            mentions=self.mentions,
            spoken=self.spoken,
            vectors=(self.vector,),
            entities=self.entities,
            headlines=(self.update.title,),
            words=folded_words(f"{self.update.title} {self.update.summary}"),
            topic=self.topic,
            links=frozenset({self.update.canonical_url}) if self.update.canonical_url else frozenset(),
        )


def story_terms(source: StorySource, drop: frozenset[str]) -> list[str]:
    return terms(f"{source.title}. {source.summary}", drop)


def story_evidence(
    story: Story, tellings: list[list[str]], world: frozenset[str], show: ShowSpec, vectorizer: Vectorizer
) -> Evidence:
    """A past story as sameness compares it: its facts, the words of each kept source (`tellings`,
    their terms), its new names. A compact story (past the history's bound) has its facts and its
    headline's names only."""
    if story.compact:
        text = "" if story.facts else story.headline
        return Evidence(
            show=story.show,
            facts=tuple(f for f in story.facts if not f.mentioned),
            mentions=tuple(f for f in story.facts if f.mentioned),
            entities=new_entities(text, show, world) if text else frozenset(),
            headlines=(story.headline,),
            words=folded_words(text) if text else frozenset(),
            topic=story.topic,
        )
    kept = story.sources[: len(tellings)]
    # names matter only to a story with no fact: one with facts is told apart by them
    text = "" if story.facts else " ".join([story.headline, story.summary, *(s.title for s in kept)])
    return Evidence(
        show=story.show,
        facts=tuple(f for f in story.facts if not f.mentioned),
        mentions=tuple(f for f in story.facts if f.mentioned),
        vectors=tuple(vectorizer.vector(terms) for terms in tellings),
        entities=new_entities(text, show, world) if text else frozenset(),
        headlines=tuple(dict.fromkeys((story.headline, *(s.title for s in kept)))),
        words=folded_words(text) if text else frozenset(),
        topic=story.topic,
    )


def new_entities(text: str, show: ShowSpec, world: frozenset[str]) -> frozenset[str]:
    """Names a text mentions that the article does not: what a story without facts is about."""
    own = {fold(w) for name in show.names for w in name.split()}
    found = {
        fold(w).removesuffix("'s") for w in re.findall(r"(?<![.!?:]\s)\b[A-Z][a-z][\w'’\-]{2,}", fold_keep_case(text))
    }
    return frozenset(w for w in found if w not in own and w not in world and w not in NOT_WORLD and w not in STOPWORDS)


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
        headline=structured_headline(news.show.name, fact),
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


def with_sources(story: Story, sources: list[StorySource], now: datetime) -> Story | None:
    """The story with the sources it does not list yet, or None when it gains none."""
    listed = {s.url for s in story.sources}
    added = [s for s in sources if s.url not in listed]
    if not added:
        return None
    return replace(story, sources=ordered(story.sources + added), updated=now)


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
    """Earliest first, then by outlet and link; one entry per link. Sources of the same moment (a
    listing's dates have no time of day) come in the same order whatever order they arrived in, so
    a preview lists them as the run after it does."""
    unique: dict[str, StorySource] = {}
    for source in sources:
        unique.setdefault(source.url or source.title, source)
    far_future = datetime.max

    def key(s: StorySource) -> tuple[datetime, str, str]:
        return (s.published.replace(tzinfo=None) if s.published else far_future, s.source.casefold(), s.url)

    return sorted(unique.values(), key=key)
