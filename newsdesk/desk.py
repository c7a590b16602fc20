"""DECIDE: gathered updates and facts -> stories that are new, once, with every source.

For each update: is it about a tracked show (relevance), what does it add to (topic), what does
it state (facts), does the article already say it (novelty), which other reports tell the same
story (clustering), and was that story sent before (history). Structured facts join in as
baseline, news or confirmation of an outlet's story.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from newsdesk.articles import Article, read_article
from newsdesk.clustering import PERSON_KINDS, Candidate, Cluster, cluster, compare_facts
from newsdesk.facts import PREMIERE_CUE, FactContext, extract_facts
from newsdesk.genres import genre
from newsdesk.headlines import clean_headline
from newsdesk.history import HistoryIndex
from newsdesk.novelty import ArticleKnowledge
from newsdesk.people import names_person
from newsdesk.relevance import ShowWorld, match_show
from newsdesk.similarity import Vectorizer, terms
from newsdesk.structured import StructuredNews, comparable, in_scope, judge_observations
from newsdesk.structured import headline as structured_headline
from newsdesk.text import content_terms, fold_keep_case, has_negation
from newsdesk.topics import classify, topic_from_facts
from seasonwatch.fact_text import describe_fact
from seasonwatch.markup import shorten
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
    story_id,
)

SUMMARY_LENGTH = 320


@dataclass
class Report:
    """An update judged to be about a show, before novelty and clustering."""

    update: Update
    show: ShowSpec
    topic: Topic
    facts: list[Fact]
    terms: list[str]
    negated: bool
    moment: datetime
    genre: str = ""
    weak: bool = False  # the show is named, but only its facts can say the report is about it
    reason: str = ""  # why it is about the show
    linked: bool = False  # its only facts are a story's person, found by name


def decide(
    shows: Sequence[ShowSpec],
    articles: Mapping[str, str],
    updates: Sequence[Update],
    observations: Sequence[FactObservation],
    history: History,
    now: datetime,
) -> Decision:
    desk = _Desk(shows, articles, history, now)
    return desk.run(updates, observations)


def name_terms(show: ShowSpec) -> frozenset[str]:
    """The show's own name is in every report about it: it says nothing about which story."""
    return frozenset(t for name in show.names for t in content_terms(name))


class _Desk:
    def __init__(self, shows: Sequence[ShowSpec], articles: Mapping[str, str], history: History, now: datetime) -> None:
        self.shows = {show.name: show for show in shows}
        self.history = history
        self.now = now
        self.drops = {show.name: name_terms(show) for show in shows}
        self.contexts = {show.name: FactContext(show.names, show.season) for show in shows}
        self.articles: dict[str, Article] = {
            show.name: read_article(articles.get(show.name, ""), fallback_title=f"{show.name} season {show.season}")
            for show in shows
        }
        self.worlds = [
            ShowWorld.from_article(
                show, [s for section in self.articles[show.name].all_sections for s in section.sentences]
            )
            for show in shows
        ]
        self.knowledge = {
            name: ArticleKnowledge(article, self.contexts[name], now, self.drops[name], world.names)
            for (name, article), world in zip(self.articles.items(), self.worlds, strict=True)
        }
        self.decision = Decision()
        self.index = HistoryIndex(history, self.drops)

    # ------------------------------------------------------------------ the run

    def run(self, updates: Sequence[Update], observations: Sequence[FactObservation]) -> Decision:
        reports = self._read_reports(_unique(updates))
        vectorizer = Vectorizer(
            [r.terms for r in reports]
            + [s.terms for k in self.knowledge.values() for s in k.statements]
            + self.index.documents()
        )
        for knowledge in self.knowledge.values():
            knowledge.vectorize(vectorizer)
        self.index.vectorize(vectorizer)

        candidates = []
        for report in reports:
            candidate = self._against_article(report, vectorizer)
            if candidate is not None:
                candidates.append(candidate)
        stories_this_run: list[tuple[Cluster, Story]] = []
        for group in cluster(candidates):
            story = self._against_history(group)
            if story is not None:
                stories_this_run.append((group, story))
        self._structured(observations, stories_this_run)
        return self.decision

    def _verdict(self, update: Update, fate: Fate, reason: str, **extra: object) -> None:
        self.decision.verdicts.append(
            Verdict(source=update.source, title=update.title, fate=fate, reason=reason, update_key=update.key, **extra)  # type: ignore[arg-type]
        )

    # ------------------------------------------------------------------ relevance, topic, facts

    def _read_reports(self, updates: list[Update]) -> list[Report]:
        reports = [r for r in (self._read_report(u) for u in updates) if r is not None]
        self._link_people(reports)
        kept = []
        for report in reports:
            if report.weak and not report.facts:
                self._verdict(
                    report.update, Fate.NOT_ABOUT_SHOW, f"{report.reason}, but states nothing about the series"
                )
            else:
                kept.append(report)
        return kept

    def _read_report(self, update: Update) -> Report | None:
        seen = self.history.seen.get(update.key)
        if seen is not None:
            # judged once, in an earlier run, against the article as it was then
            self._verdict(update, Fate.SEEN, f"judged on {seen[1]:%Y-%m-%d}: {seen[0]}")
            return None
        past = self.index.identity(update)
        if past is not None:
            self._verdict(
                update,
                Fate.ALREADY_SENT,
                f"already sent in '{past.headline}'",
                show=past.show,
                topic=past.section,
                story_id=past.id,
            )
            return None
        allowed = [w for w in self.worlds if not update.shows or w.show.name in update.shows]
        match = match_show(update.title, update.summary, allowed)
        if match.show is None:
            fate = Fate.UNTRACKED if match.reason == "names no tracked show" else Fate.NOT_ABOUT_SHOW
            self._verdict(update, fate, match.reason)
            return None
        show = match.show
        moment = update.published or self.now
        context = self.contexts[show.name]
        title_facts = extract_facts(update.title, context, moment)
        # a summary's date without a cue word belongs to the headline's release news, if it has any
        undated = "premiere" if PREMIERE_CUE.search(update.title) else ""
        summary_facts = extract_facts(update.summary, context, moment, undated)
        facts = title_facts + [
            f
            for f in summary_facts
            if not any(f.same_claim(t) or _same_person(f, t) or _overruled(f, t) for t in title_facts)
        ]
        text = f"{update.title}. {update.summary}"
        return Report(
            update=update,
            show=show,
            topic=classify(update.title, update.summary, title_facts, summary_facts),
            facts=facts,
            terms=terms(text, self.drops[show.name]),
            negated=has_negation(update.title),
            moment=moment,
            genre=genre(update.title),
            weak=match.weak,
            reason=match.reason,
        )

    def _link_people(self, reports: list[Report]) -> None:
        """A report that states no fact but names the person a story is about (this morning's or
        an earlier one: "Meloni heads to Gilead: what his commander could mean") belongs to that
        story: it gets that story's person fact, so clustering and history can place it."""
        people: dict[str, dict[str, Fact]] = {}
        for story in self.history.stories:
            for fact in story.facts:
                if fact.kind in PERSON_KINDS:
                    people.setdefault(story.show, {})[fact.subject] = fact
        for report in reports:
            for fact in report.facts:
                if fact.kind in PERSON_KINDS:
                    people.setdefault(report.show.name, {})[fact.subject] = fact
        for report in reports:
            if report.facts:
                continue
            text = fold_keep_case(f"{report.update.title}. {report.update.summary}")
            for person, fact in people.get(report.show.name, {}).items():
                if names_person(text, person, report.show.names):
                    report.facts.append(Fact(fact.kind, fact.season, fact.subject, ""))
                    report.linked = True

    # ------------------------------------------------------------------ novelty

    def _against_article(self, report: Report, vectorizer: Vectorizer) -> Candidate | None:
        knowledge = self.knowledge[report.show.name]
        vector = vectorizer.vector(report.terms)
        novelty = knowledge.judge(
            report.facts,
            vector,
            report.negated,
            f"{report.update.title}. {report.update.summary}",
            frozenset(t for t in report.terms if "_" not in t),
        )
        facts_text = tuple(report.facts)
        if not novelty.is_new:
            self._verdict(
                report.update,
                Fate.IN_ARTICLE,
                novelty.reason,
                show=report.show.name,
                topic=self._section(report.show, report.topic),
                facts=facts_text,
            )
            return None
        # Facts an earlier story already told are known too: they decide the story only when the
        # report tells nothing else (then it is a late report of that story)
        untold = [f for f in novelty.new_facts if self.index.sent(report.show.name, f) is None]
        facts = untold or novelty.new_facts
        if report.genre == "roundup" or (report.genre == "explainer" and not facts):
            what = "a roundup of several shows" if report.genre == "roundup" else "an explainer or opinion piece"
            self._verdict(
                report.update,
                Fate.NO_NEWS,
                f"{what} that breaks no news of its own",
                show=report.show.name,
                topic=self._section(report.show, report.topic),
                facts=tuple(report.facts),
            )
            return None
        topic = topic_from_facts(facts) or report.topic
        return Candidate(
            report.update, report.show, topic, facts, vector, report.moment, novelty.reason, report.negated
        )

    def _section(self, show: ShowSpec, topic: Topic) -> str:
        section = self.articles[show.name].section_for(topic)
        return section.title if section else str(topic)

    # ------------------------------------------------------------------ history

    def _against_history(self, group: Cluster) -> Story | None:
        members = sorted(group.members, key=lambda c: c.moment)
        facts = _merged_facts(members)
        match = None
        for member in members:
            match = self.index.find(group.show.name, facts or member.facts, member.vector)
            if match:
                break
        if match is None:
            story = self._new_story(group.show, members, facts)
            self.decision.new_stories.append(story)
            for position, member in enumerate(members):
                if position == 0:
                    self._verdict(
                        member.update,
                        Fate.NEW,
                        member.reason,
                        show=story.show,
                        topic=story.section,
                        facts=tuple(member.facts),
                        story_id=story.id,
                    )
                else:
                    self._verdict(
                        member.update,
                        Fate.SAME_STORY,
                        f"same story as '{story.headline}' ({members[0].update.source})",
                        show=story.show,
                        topic=story.section,
                        facts=tuple(member.facts),
                        story_id=story.id,
                    )
            return story
        past = match.story
        # a vaguer report ("back in June" after "June 21") reports the same story, later: one more source
        grown = self._grow(past, [_source_of(m.update) for m in members])
        for member in members:
            self._verdict(
                member.update,
                Fate.LATE_REPORT,
                f"late report of '{past.headline}', sent {past.first_seen:%Y-%m-%d}; added as a source",
                show=past.show,
                topic=past.section,
                facts=tuple(member.facts),
                story_id=past.id,
            )
        return grown

    def _grow(self, past: Story, sources: list[StorySource]) -> Story:
        known_urls = {s.url for s in past.sources}
        added = [s for s in sources if s.url not in known_urls]
        story = next((s for s in self.decision.grown_stories if s.id == past.id), None)
        if story is None:
            story = past
            if added:
                self.decision.grown_stories.append(story)
        if added:
            story.sources = _ordered(story.sources + added)
            story.updated = self.now
        return story

    def _new_story(self, show: ShowSpec, members: list[Candidate], facts: list[Fact]) -> Story:
        first = members[0]
        topic = topic_from_facts(facts) or first.topic
        summary = next((m.update.summary for m in members if m.update.summary), "")
        return Story(
            id=story_id(show.name, first.update.key),
            show=show.name,
            show_slug=show.slug,
            topic=topic,
            section=self._section(show, topic),
            headline=clean_headline(first.update.title, first.update.source),
            summary=shorten(summary, SUMMARY_LENGTH),
            summary_html="",
            facts=facts,
            sources=_ordered([_source_of(m.update) for m in members]),
            first_seen=self.now,
            updated=self.now,
        )

    # ------------------------------------------------------------------ structured facts

    def _structured(self, observations: Sequence[FactObservation], this_run: list[tuple[Cluster, Story]]) -> None:
        outcome = judge_observations(list(observations), self.shows, self.knowledge, self.history.known_facts)
        self.decision.known_facts = outcome.remember
        for obs, why in outcome.baseline:
            story = (
                self._told_by(obs.show, comparable(obs.fact), this_run)
                if in_scope(obs.fact, self.shows[obs.show])
                else None
            )
            if story is not None and obs.source_url not in {s.url for s in story.sources}:
                # nothing new to the source's readers, but it confirms a story: one more source
                self._attach_observations(StructuredNews(self.shows[obs.show], obs.fact, [obs]), story, this_run)
                continue
            self.decision.verdicts.append(
                Verdict(obs.source, describe_fact(obs.fact), Fate.BASELINE, why, show=obs.show, update_key=obs.key)
            )
        for news in outcome.news:
            self._structured_news(news, this_run)

    def _told_by(self, show: str, fact: Fact, this_run: list[tuple[Cluster, Story]]) -> Story | None:
        """The story, this run's or an earlier one, that already tells this structured fact."""
        if fact.kind == "finale":
            # a season released in one go ends the day it starts: its finale is its premiere
            premiere = self._told_by(show, Fact("premiere", fact.season, value=fact.value), this_run)
            if premiere is not None:
                return premiere
        for _, story in this_run:
            if story.show == show and compare_facts([fact], story.facts) == "shared":
                return story
        return self.index.sent(show, fact)

    def _attach_observations(self, news: StructuredNews, story: Story, this_run: list[tuple[Cluster, Story]]) -> None:
        sources = [
            StorySource(obs.source, describe_fact(news.fact), obs.source_url, obs.observed_at, update_key=obs.key)
            for obs in news.observations
        ]
        if any(story is told for _, told in this_run) or story in self.decision.new_stories:
            story.sources = _ordered(
                story.sources + [s for s in sources if s.url not in {x.url for x in story.sources}]
            )
            self._fact_verdicts(news, Fate.SAME_STORY, f"confirms '{story.headline}'", story)
        else:
            grown = self._grow(story, sources)
            self._fact_verdicts(
                news, Fate.LATE_REPORT, f"confirms '{grown.headline}', sent {grown.first_seen:%Y-%m-%d}", grown
            )

    def _structured_news(self, news: StructuredNews, this_run: list[tuple[Cluster, Story]]) -> None:
        fact = news.fact
        told = self._told_by(news.show.name, comparable(fact), this_run)
        if told is None:
            match = self.index.find(news.show.name, [comparable(fact)], {})
            told = match.story if match is not None else None
        if told is not None:
            self._attach_observations(news, told, this_run)
            return
        topic = topic_from_facts([comparable(fact)]) or Topic.STORY
        sources = [
            StorySource(obs.source, describe_fact(fact), obs.source_url, obs.observed_at, update_key=obs.key)
            for obs in news.observations
        ]
        story = Story(
            id=story_id(news.show.name, f"{fact.kind}|{fact.season}|{fact.subject.casefold()}|{fact.value}"),
            show=news.show.name,
            show_slug=news.show.slug,
            topic=topic,
            section=self._section(news.show, topic),
            headline=structured_headline(news.show, fact),
            summary=f"{' and '.join(sorted({o.source for o in news.observations}))} now "
            f"list{'s' if len(news.observations) == 1 else ''}: {describe_fact(fact)}.",
            summary_html="",
            facts=[fact],
            sources=_ordered(sources),
            first_seen=self.now,
            updated=self.now,
        )
        self.decision.new_stories.append(story)
        this_run.append((Cluster([]), story))
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


# ---------------------------------------------------------------------- small pieces


def _unique(updates: Sequence[Update]) -> list[Update]:
    seen: set[str] = set()
    out = []
    for update in updates:
        if update.key not in seen:
            seen.add(update.key)
            out.append(update)
    return out


def _overruled(summary_fact: Fact, title_fact: Fact) -> bool:
    """The headline says what the story is: a summary's other casting or other date of the same
    kind is background ("...joins the cast alongside X, announced last week"), not this story."""
    people = ("cast", "departure", "showrunner")
    if summary_fact.kind in people and title_fact.kind in people:
        return True
    return summary_fact.kind == title_fact.kind


def _same_person(a: Fact, b: Fact) -> bool:
    return a.kind == b.kind and a.kind in ("cast", "departure") and a.subject.casefold() == b.subject.casefold()


def _merged_facts(members: list[Candidate]) -> list[Fact]:
    merged: list[Fact] = []
    for member in members:
        for fact in member.facts:
            same = next((m for m in merged if m.key == fact.key), None)
            if same is None:
                merged.append(fact)
            elif not same.value and fact.value:
                merged[merged.index(same)] = fact
    return merged


def _source_of(update: Update) -> StorySource:
    return StorySource(
        source=update.source,
        title=update.title,
        url=update.url,
        published=update.published,
        summary=shorten(update.summary, SUMMARY_LENGTH),
        update_key=update.key,
    )


def _ordered(sources: list[StorySource]) -> list[StorySource]:
    """Earliest first; one entry per link."""
    unique: dict[str, StorySource] = {}
    for source in sources:
        unique.setdefault(source.url or source.title, source)
    far_future = datetime.max.replace(tzinfo=None)
    return sorted(unique.values(), key=lambda s: s.published.replace(tzinfo=None) if s.published else far_future)
