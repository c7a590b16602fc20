"""DECIDE: gathered updates and facts -> stories that are new, once, with every source.

For each update: was it judged before (history), is it about a tracked show and what does it
state (reading), does the article already say it (novelty), which other reports tell the same
story (clustering), and was that story sent before (history again). Structured facts join in as a
baseline, as news of their own, or as one more source of an outlet's story.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from newsdesk.articles import Article, read_article
from newsdesk.clustering import Candidate, Cluster, cluster, compare_facts
from newsdesk.facts import FactContext
from newsdesk.history import HistoryIndex
from newsdesk.novelty import ArticleKnowledge
from newsdesk.reading import Reader, Report, link_people, new_entities
from newsdesk.relevance import ShowWorld
from newsdesk.similarity import Vectorizer
from newsdesk.stories import (
    merged_facts,
    observation_sources,
    source_of,
    story_from_fact,
    story_from_reports,
    with_sources,
)
from newsdesk.structured import StructuredNews, comparable, in_scope, judge_observations
from newsdesk.text import content_terms
from newsdesk.topics import topic_from_facts
from seasonwatch.fact_kinds import describe_fact
from seasonwatch.models import (
    Decision,
    Fact,
    FactObservation,
    Fate,
    History,
    ShowSpec,
    Story,
    StorySource,
    Topic,
    Update,
    Verdict,
)


def decide(
    shows: Sequence[ShowSpec],
    articles: Mapping[str, str],
    updates: Sequence[Update],
    observations: Sequence[FactObservation],
    history: History,
    now: datetime,
) -> Decision:
    return _Desk(shows, articles, history, now).run(updates, observations)


def name_terms(show: ShowSpec) -> frozenset[str]:
    """The show's own name is in every report about it: it says nothing about which story."""
    return frozenset(t for name in show.names for t in content_terms(name))


class _Desk:
    def __init__(self, shows: Sequence[ShowSpec], articles: Mapping[str, str], history: History, now: datetime) -> None:
        self.shows = {show.name: show for show in shows}
        self.history = history
        self.now = now
        drops = {show.name: name_terms(show) for show in shows}
        contexts = {show.name: FactContext(show.names, show.season) for show in shows}
        self.articles: dict[str, Article] = {
            show.name: read_article(articles.get(show.name, ""), fallback_title=f"{show.name} season {show.season}")
            for show in shows
        }
        worlds = [
            ShowWorld.from_article(show, [s for part in self.articles[show.name].all_sections for s in part.sentences])
            for show in shows
        ]
        self.knowledge = {
            world.show.name: ArticleKnowledge(
                self.articles[world.show.name], contexts[world.show.name], drops[world.show.name], world.names, now
            )
            for world in worlds
        }
        self.reader = Reader(worlds, contexts, drops, now)
        self.worlds = {world.show.name: world.names for world in worlds}
        self.index = HistoryIndex(history, drops)
        self.decision = Decision()
        self.this_run: list[Story] = []  # stories this run made or grew, for structured facts to find

    def run(self, updates: Sequence[Update], observations: Sequence[FactObservation]) -> Decision:
        reports = self._read(_unique(updates))
        vectorizer = Vectorizer(
            [r.terms for r in reports]
            + [s.terms for k in self.knowledge.values() for s in k.statements]
            + self.index.documents()
        )
        for knowledge in self.knowledge.values():
            knowledge.vectorize(vectorizer)
        self.index.vectorize(vectorizer)
        candidates = [c for c in (self._against_article(r, vectorizer) for r in reports) if c is not None]
        for group in cluster(candidates):
            self._against_history(group)
        self._structured(observations)
        return self.decision

    def _verdict(self, update: Update, fate: Fate, reason: str, **extra: object) -> None:
        self.decision.verdicts.append(
            Verdict(source=update.source, title=update.title, fate=fate, reason=reason, update_key=update.key, **extra)  # type: ignore[arg-type]
        )

    def _section(self, show: ShowSpec, topic: Topic) -> str:
        section = self.articles[show.name].section_for(topic)
        return section.title if section else str(topic)

    def _placement(self, show: ShowSpec, facts: list[Fact], default: Topic) -> tuple[Topic, str]:
        """The topic and the editor's section a story adds to: where the article itself discusses
        its kind of fact, if it does, else the section of its topic."""
        topic = topic_from_facts(facts) or default
        lead = next((f for f in facts if topic_from_facts([f]) == topic), None)
        section = self.articles[show.name].section_discussing(lead.kind) if lead else None
        if section is not None and section.topic is not None:
            return section.topic, section.title
        return topic, self._section(show, topic)

    # ------------------------------------------------------------------ reading

    def _read(self, updates: list[Update]) -> list[Report]:
        reports = []
        for update in updates:
            seen = self.history.seen.get(update.key)
            past = self.index.identity(update)
            if seen is not None:
                # judged once, in an earlier run, against the article as it was then
                self._verdict(update, Fate.SEEN, f"judged on {seen[1]:%Y-%m-%d}: {seen[0]}")
            elif past is not None:
                reason = f"already sent in '{past.headline}'"
                self._verdict(update, Fate.ALREADY_SENT, reason, show=past.show, topic=past.section, story_id=past.id)
            elif (report := self.reader.read(update)) is not None:
                reports.append(report)
        link_people(reports, self.history.stories)
        reports = self.reader.keep(reports)
        for update, refusal in self.reader.refused:
            self._verdict(update, refusal.fate, refusal.reason)
        return reports

    # ------------------------------------------------------------------ novelty

    def _against_article(self, report: Report, vectorizer: Vectorizer) -> Candidate | None:
        knowledge = self.knowledge[report.show.name]
        vector = vectorizer.vector(report.terms)
        words = frozenset(t for t in report.terms if "_" not in t)
        novelty = knowledge.judge(report.facts, vector, report.negated, report.text, words)
        about = {
            "show": report.show.name,
            "topic": self._section(report.show, report.topic),
            "facts": tuple(report.facts),
        }
        if not novelty.is_new:
            self._verdict(report.update, Fate.IN_ARTICLE, novelty.reason, **about)
            return None
        # Facts an earlier story already told are known too: they decide the story only when the
        # report tells nothing else (then it is a late report of that story)
        untold = [f for f in novelty.new_facts if self.index.sent(report.show.name, f) is None]
        facts = untold or novelty.new_facts
        if report.genre == "roundup" or (report.genre == "explainer" and not facts):
            # a roundup's facts belong to its many shows; an explainer breaks no news unless it tells
            # something the article does not say
            what = "a roundup of several shows" if report.genre == "roundup" else "an explainer or opinion piece"
            self._verdict(report.update, Fate.NO_NEWS, f"{what} that breaks no news of its own", **about)
            return None
        topic = topic_from_facts(facts) or report.topic
        entities = new_entities(report.text, report.show, self.worlds[report.show.name])
        return Candidate(
            report.update, report.show, topic, facts, vector, report.moment, novelty.reason, report.negated, entities
        )

    # ------------------------------------------------------------------ history

    def _against_history(self, group: Cluster) -> None:
        members = sorted(group.members, key=lambda c: c.moment)
        facts = merged_facts(members)
        match = None
        for member in members:
            match = self.index.find(group.show.name, facts, member.vector, member.entities)
            if match:
                break
        if match is None:
            topic, section = self._placement(group.show, facts, members[0].topic)
            story = story_from_reports(group.show, members, facts, topic, section, self.now)
            self.decision.new_stories.append(story)
            self.this_run.append(story)
            for position, member in enumerate(members):
                fate, reason = (
                    (Fate.NEW, member.reason)
                    if position == 0
                    else (Fate.SAME_STORY, f"same story as '{story.headline}' ({members[0].update.source})")
                )
                self._verdict(
                    member.update,
                    fate,
                    reason,
                    show=story.show,
                    topic=story.section,
                    facts=tuple(member.facts),
                    story_id=story.id,
                )
            return
        # a late report, or a vaguer one ("back in June" after "June 21"): one more source of the story
        past = match.story
        self._grow(past, [source_of(m.update) for m in members])
        reason = f"late report of '{past.headline}', sent {past.first_seen:%Y-%m-%d}; added as a source"
        for member in members:
            self._verdict(
                member.update,
                Fate.LATE_REPORT,
                reason,
                show=past.show,
                topic=past.section,
                facts=tuple(member.facts),
                story_id=past.id,
            )

    def _grow(self, story: Story, sources: list[StorySource]) -> None:
        """One more source for a story: this run's gains it in place, a past one is also re-emitted."""
        gained = with_sources(story, sources, self.now)
        already_grown = any(s is story for s in self.decision.grown_stories)
        if gained and not self._made_this_run(story) and not already_grown:
            self.decision.grown_stories.append(story)
            self.this_run.append(story)

    def _made_this_run(self, story: Story) -> bool:
        return any(s is story for s in self.decision.new_stories)

    # ------------------------------------------------------------------ structured facts

    def _structured(self, observations: Sequence[FactObservation]) -> None:
        outcome = judge_observations(list(observations), self.shows, self.knowledge, self.history.known_facts)
        self.decision.known_facts = outcome.remember
        for obs, why in outcome.baseline:
            in_view = in_scope(obs.fact, self.shows[obs.show])
            story = self._told_by(obs.show, comparable(obs.fact)) if in_view else None
            if story is not None and obs.source_url not in {s.url for s in story.sources}:
                # nothing new to the source's readers, but it confirms a story: one more source
                self._confirm(StructuredNews(self.shows[obs.show], obs.fact, [obs]), story)
                continue
            self.decision.verdicts.append(
                Verdict(obs.source, describe_fact(obs.fact), Fate.BASELINE, why, show=obs.show, update_key=obs.key)
            )
        for news in outcome.news:
            self._structured_news(news)

    def _told_by(self, show: str, fact: Fact) -> Story | None:
        """The story, this run's or an earlier one, that already tells this structured fact."""
        if fact.kind == "finale":
            # a season released in one go ends the day it starts: its finale is its premiere
            premiere = self._told_by(show, Fact("premiere", fact.season, value=fact.value))
            if premiere is not None:
                return premiere
        for story in self.this_run:
            if story.show == show and compare_facts([fact], story.facts) == "shared":
                return story
        return self.index.sent(show, fact)

    def _confirm(self, news: StructuredNews, story: Story) -> None:
        sent_before = not self._made_this_run(story)
        self._grow(story, observation_sources(news))
        if sent_before:
            self._fact_verdicts(
                news, Fate.LATE_REPORT, f"confirms '{story.headline}', sent {story.first_seen:%Y-%m-%d}", story
            )
        else:
            self._fact_verdicts(news, Fate.SAME_STORY, f"confirms '{story.headline}'", story)

    def _structured_news(self, news: StructuredNews) -> None:
        said = comparable(news.fact)
        told = self._told_by(news.show.name, said)
        if told is None:
            match = self.index.find(news.show.name, [said], {})
            told = match.story if match is not None else None
        if told is not None:
            self._confirm(news, told)
            return
        topic, section = self._placement(news.show, [said], Topic.STORY)
        story = story_from_fact(news, topic, section, self.now)
        self.decision.new_stories.append(story)
        self.this_run.append(story)
        self._fact_verdicts(news, Fate.NEW, news.reason, story)

    def _fact_verdicts(self, news: StructuredNews, fate: Fate, reason: str, story: Story) -> None:
        for obs in news.observations:
            self.decision.verdicts.append(
                Verdict(
                    obs.source,
                    describe_fact(news.fact),
                    fate,
                    reason,
                    show=story.show,
                    topic=story.section,
                    facts=(news.fact,),
                    story_id=story.id,
                    update_key=obs.key,
                )
            )


def _unique(updates: Sequence[Update]) -> list[Update]:
    seen: set[str] = set()
    unique = []
    for update in updates:
        if update.key not in seen:
            seen.add(update.key)
            unique.append(update)
    return unique
