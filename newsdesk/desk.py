"""DECIDE: gathered updates and facts -> stories that are new, once, with every source.

The steps, in order, each from values to values:
1. profiles: each show's article read into sections and statements, its world of names;
2. identity: an item judged before, or the very item a story was made of, keeps that fate;
3. reading: which tracked show an update is news about (relevance rules) and what it states;
4. the word weights of the whole batch, built once from every text compared;
5. novelty: what the article already says is no news (fact-status and restatement rules), nor are
   roundups and explainers without a new fact (no-news rules);
6. sameness: each report, earliest first, joins the story it is the same as (sameness rules over
   one index of past stories and this run's), or starts one;
7. structured facts: a baseline, one more source of a story, or news of their own;
8. the decision: new stories, past stories with more sources (new values), a verdict per item.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from newsdesk import thresholds
from newsdesk.articles import Article, read_article
from newsdesk.board import stated
from newsdesk.extract import FactContext
from newsdesk.genres import EXPLAINER_RULE, NAMES_NO_SEASON, SPEAKS_OF_A_FACT, no_news
from newsdesk.novelty import (
    RETOLD,
    ArticleKnowledge,
    ReportWords,
    Statement,
    read_statements,
    retold_with_a_relative_date,
)
from newsdesk.reading import Reader, Refusal, Report, link_people, states_something
from newsdesk.relevance import ShowWorld
from newsdesk.sameness import Evidence, merged_facts
from newsdesk.similarity import Vectorizer
from newsdesk.stories import (
    Candidate,
    new_entities,
    observation_sources,
    source_of,
    story_evidence,
    story_from_fact,
    story_from_reports,
    story_terms,
    with_sources,
)
from newsdesk.story_index import Entry, StoryIndex
from newsdesk.structured import StructuredNews, StructuredOutcome, comparable, in_scope, judge_observations
from newsdesk.text import content_terms
from newsdesk.topics import topic_from_facts
from seasonwatch.fact_kinds import FACT_KINDS, describe_fact, kind_of, kinds_spoken_of
from seasonwatch.models import (
    Decision,
    Fact,
    FactObservation,
    Fate,
    History,
    ShowSpec,
    StatedFacts,
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
    readings: Sequence[object] = (),
) -> Decision:
    """`readings` are what `read_ahead` made of some of `updates` (beside the downloads): those
    updates are not read again."""
    profiles = _profiles(shows, articles, now)
    verdicts: list[Verdict] = []
    fresh = []
    stories_by_id = {story.id: story for story in history.stories}
    for update in _unique(updates):
        if (known := _identity(update, history, stories_by_id)) is not None:
            verdicts.append(known)
        else:
            fresh.append(update)
    reader = _reader(profiles, now)
    reports: list[Report] = []
    for reading in link_people(_about_shows(reader, fresh, verdicts, readings), history.stories):
        kept = states_something(reading)
        if isinstance(kept, Refusal):
            verdicts.append(_refused(kept))
        else:
            reports.append(kept)

    past = [story for story in history.stories if story.show in profiles]
    # each past story's kept tellings, as terms: read once, for the word weights and its evidence
    # (a story past the history's bound is read compact, without words to weigh)
    told = {
        story.id: []
        if story.compact
        else [story_terms(s, profiles[story.show].drop) for s in story.sources[: thresholds.VECTORS_PER_STORY]]
        for story in past
    }
    vectorizer = Vectorizer(
        [r.terms for r in reports]
        + [s.terms for p in profiles.values() for s in p.statements]
        + [terms for tellings in told.values() for terms in tellings]
    )
    knowledge = {name: p.knowledge(vectorizer) for name, p in profiles.items()}
    index: StoryIndex[Candidate | StructuredNews] = StoryIndex()
    for story in past:
        profile = profiles[story.show]
        index.add(story_evidence(story, told[story.id], profile.world.names, profile.show, vectorizer), past=story)

    candidates = []
    for report in reports:
        judged = _against_article(report, knowledge[report.show.name], vectorizer, profiles[report.show.name])
        if isinstance(judged, Verdict):
            verdicts.append(judged)
        else:
            candidates.append(judged)
    # a report that only speaks of its fact waits for this morning's reports that tell it
    for candidate in sorted(candidates, key=lambda c: (_awaits_its_fact(c), c.moment)):
        if (verdict := _place(index, candidate)) is not None:
            verdicts.append(verdict)

    outcome = judge_observations(
        list(observations), {n: p.show for n, p in profiles.items()}, knowledge, history.known_facts
    )
    structured_verdicts = _structured(index, profiles, outcome)
    decision = _decision(index, profiles, verdicts, structured_verdicts, now)
    decision.known_facts = outcome.remember
    return decision


def read_ahead(shows: Sequence[ShowSpec], articles: Mapping[str, str], now: datetime) -> Callable[[Update], object]:
    """The reading `decide` makes of one update for these shows, articles and time, to be made
    elsewhere first (the run's parser processes, as the documents come in): decide takes it in
    `readings` instead of reading the update again. A report about a show carries the desk's
    reading of it too (`readings_made_ahead`). Named in a `ReadAhead` as
    "newsdesk.desk:read_ahead"."""
    reader = _reader(_profiles(shows, articles, now), now)

    def read(update: Update) -> Report | Refusal:
        made = reader.read(update)
        if isinstance(made, Report) and update.published is not None:
            # as the desk reads the report once it is a story's source (board.with_readings)
            source = source_of(update)
            context = FactContext(made.show.names, made.show.season)
            made = replace(made, stated=stated(source.title, source.summary, update.published, context))
        return made

    return read


def readings_made_ahead(readings: Sequence[object]) -> dict[str, StatedFacts]:
    """The desk's readings among `readings` (what `read_ahead` made), by name, for the review."""
    return {r.stated.reader: r.stated for r in readings if isinstance(r, Report) and r.stated is not None}


# ---------------------------------------------------------------- 1. profiles


def _profiles(shows: Sequence[ShowSpec], articles: Mapping[str, str], now: datetime) -> dict[str, ShowProfile]:
    return {show.name: ShowProfile.of(show, articles.get(show.name, ""), now) for show in shows}


def _reader(profiles: dict[str, ShowProfile], now: datetime) -> Reader:
    return Reader(
        [p.world for p in profiles.values()],
        {name: p.context for name, p in profiles.items()},
        {name: p.drop for name, p in profiles.items()},
        now,
    )


@dataclass(frozen=True)
class ShowProfile:
    """What the newsdesk knows of one show before it reads a single update."""

    show: ShowSpec
    article: Article
    world: ShowWorld
    context: FactContext
    drop: frozenset[str]  # the show's own name: in every report about it, it tells no story apart
    statements: list[Statement]

    @classmethod
    def of(cls, show: ShowSpec, text: str, now: datetime) -> ShowProfile:
        article = read_article(text, fallback_title=f"{show.name} season {show.season}")
        world = ShowWorld.from_article(show, [s for part in article.all_sections for s in part.sentences])
        context = FactContext(show.names, show.season)
        drop = frozenset(t for name in show.names for t in content_terms(name))
        return cls(show, article, world, context, drop, read_statements(article, context, drop, now))

    def knowledge(self, vectorizer: Vectorizer) -> ArticleKnowledge:
        return ArticleKnowledge(self.statements, self.context, vectorizer, self.world.names)

    def section(self, topic: Topic) -> str:
        found = self.article.section_for(topic)
        return found.title if found else str(topic)

    def placement(self, facts: Sequence[Fact], default: Topic) -> tuple[Topic, str]:
        """The topic and the editor's section a story adds to: where the article itself discusses
        its kind of fact, if it does, else the section of its topic."""
        topic = topic_from_facts(list(facts)) or default
        lead = next((f for f in facts if kind_of(f).topic == topic), None)
        section = self.article.section_discussing(lead.kind) if lead else None
        if section is not None:  # a free title ("Where next?") keeps the fact's own topic
            return section.topic or topic, section.title
        return topic, self.section(topic)


# ---------------------------------------------------------------- 2-3. identity and reading


def _identity(update: Update, history: History, stories_by_id: dict[str, Story]) -> Verdict | None:
    seen = history.seen.get(update.key)
    if seen is not None:
        # judged once, in an earlier run, against the article as it was then
        return _verdict(update, Fate.SEEN, f"judged on {seen[1]:%Y-%m-%d}: {seen[0]}", rule="judged-before")
    story_id = history.update_story.get(update.key) or history.url_story.get(update.canonical_url or "")
    story = stories_by_id.get(story_id) if story_id else None
    if story is not None:
        reason = f"already sent in '{story.headline}'"
        return _verdict(
            update,
            Fate.ALREADY_SENT,
            reason,
            show=story.show,
            topic=story.section,
            story_id=story.id,
            rule="already-sent",
        )
    return None


def _about_shows(
    reader: Reader, updates: list[Update], verdicts: list[Verdict], readings: Sequence[object] = ()
) -> list[Report]:
    # a reading made ahead is of the very update it holds (its update came back with it, in one
    # piece, from the process that read both); any other update is read here
    ahead = {id(r.update): r for r in readings if isinstance(r, (Report, Refusal))}
    reports = []
    for update in updates:
        made = ahead.get(id(update))
        read = made if made is not None and made.update is update else reader.read(update)
        if isinstance(read, Refusal):
            verdicts.append(_refused(read))
        else:
            reports.append(read)
    return reports


def _refused(refusal: Refusal) -> Verdict:
    return _verdict(refusal.update, refusal.fate, refusal.reason, rule=refusal.rule)


# ---------------------------------------------------------------- 5. novelty


# no-news rules under which a report may still join a story this morning or an earlier one
JOIN_ONLY = frozenset({NAMES_NO_SEASON.name, SPEAKS_OF_A_FACT.name})


def _against_article(
    report: Report, knowledge: ArticleKnowledge, vectorizer: Vectorizer, profile: ShowProfile
) -> Candidate | Verdict:
    vector = vectorizer.vector(report.terms)
    words = frozenset(t for t in report.terms if "_" not in t)
    novelty = knowledge.judge(list(report.facts), ReportWords(report.text, vector, report.negated, words))
    about = {"show": report.show.name, "topic": profile.section(report.topic), "facts": report.facts}
    if not novelty.is_new:
        return _verdict(report.update, Fate.IN_ARTICLE, novelty.reason, rule=novelty.rule, **about)
    if retold_with_a_relative_date(report.event, novelty.new_facts):
        said = ", ".join(describe_fact(f) for f in report.event)
        reason = f"retells what the article says ({said}); its only new date is read from words like 'next year'"
        return _verdict(report.update, Fate.IN_ARTICLE, reason, rule=RETOLD.name, **about)
    explains: tuple[str, str] | None = None
    refusal = no_news(
        report.update.title, report.genre, novelty.new_facts, report.headline_facts, report.update.summary
    )
    if refusal is not None:
        joins = refusal[0] in JOIN_ONLY or (refusal[0] == EXPLAINER_RULE and novelty.new_facts)
        if not joins:
            rule, reason = refusal
            return _verdict(report.update, Fate.NO_NEWS, reason, rule=rule, **about)
        explains = refusal  # what it states or explains: a source of that story, never a story
    return Candidate(
        update=report.update,
        show=report.show,
        topic=report.topic,
        facts=tuple(novelty.new_facts),
        vector=vector,
        moment=report.moment,
        reason=novelty.reason,
        rule=novelty.rule,
        entities=new_entities(report.text, report.show, profile.world.names),
        event=tuple(f for f in novelty.new_facts if any(f.key == e.key for e in report.event)),
        explains=explains,
        spoken=_spoken_of(report),
    )


# ---------------------------------------------------------------- 6. sameness


def _awaits_its_fact(candidate: Candidate) -> bool:
    """ "...Premiere Date Teaser" with no date: a source of the premiere's story, if this morning
    has one, rather than the teaser's story that the date would then have to join."""
    return candidate.explains is not None or bool(candidate.spoken)


def _spoken_of(report: Report) -> tuple[Fact, ...]:
    """The facts a report speaks of without telling them: its headline's; its summary's too when
    it tells nothing ("To announce the premiere date, the cast...")."""
    facts = report.facts
    told = {f.kind for f in facts}
    text = report.update.title if facts else f"{report.update.title} {report.update.summary}"
    season = facts[0].season if facts else report.show.season
    return tuple(Fact(kind, season) for kind in kinds_spoken_of(text) if kind not in told)


def _deciding(index: StoryIndex, candidate: Candidate) -> tuple[Fact, ...]:
    """The facts that decide a report's story. Facts a story already told (an earlier one, or this
    morning's) are known: they decide only when the report tells nothing else. When what its
    headline announces is told, it is a report of that story, whatever its summary adds."""
    show = candidate.show.name
    untold = tuple(f for f in candidate.facts if index.told(show, f) is None)
    event_told = bool(candidate.event) and all(index.told(show, f) is not None for f in candidate.event)
    if event_told:
        return candidate.event
    # what the headline announces decides, with what its summary tells of one event with it (the
    # date under a teaser's headline, the teaser under a date's); the rest is told along (a count
    # in a story about who directs)
    untold_event = [f for f in candidate.event if f in untold]
    if untold_event:
        return tuple(f for f in untold if f in untold_event or any(_one_event(f, e) for e in untold_event))
    return untold or candidate.event or candidate.facts


def _one_event(a: Fact, b: Fact) -> bool:
    """Told together, are they one story: news of one topic (a premiere with its finale), or under a
    main event (a trailer that comes with a date)?"""
    first, second = kind_of(a), kind_of(b)
    return first.topic == second.topic or a.kind in second.subordinate_to or b.kind in first.subordinate_to


def _place(index: StoryIndex, candidate: Candidate) -> Verdict | None:
    deciding = _deciding(index, candidate)
    # what it states along is told too, without deciding the story (a date mentioned in a casting)
    mentions = tuple(replace(f, mentioned=True) for f in candidate.facts if f not in deciding)
    # filed under what its headline announces ("...premiere date teaser": the date's section)
    announced = [f for f in deciding if f in candidate.event] or list(deciding)
    candidate = replace(
        candidate, facts=deciding, mentions=mentions, topic=topic_from_facts(announced) or candidate.topic
    )
    evidence = candidate.evidence()
    match = index.best(evidence)
    if match is None and candidate.explains:
        rule, reason = candidate.explains
        facts = candidate.facts
        return _verdict(candidate.update, Fate.NO_NEWS, reason, rule=rule, show=candidate.show.name, facts=facts)
    if match is None:
        index.add(evidence, member=candidate)
        return None
    joined_by, tie = (
        ("with-a-late-report", "itself a late report")
        if match.entry.past is not None
        else ("with-its-main-event", "which speaks of its main event")
    )
    for entry in match.absorbed:
        for member in entry.members:
            if isinstance(member, Candidate):
                why = f"tied to it by '{candidate.update.title}', {tie}"
                entry.members[entry.members.index(member)] = replace(member, joined_by=joined_by, joined_because=why)
        index.absorb(match.entry, entry)
    joined = replace(candidate, joined_by=match.relation.rule, joined_because=match.relation.reason)
    index.join(match.entry, evidence, joined)
    return None


# ---------------------------------------------------------------- 7. structured facts


def _structured(index: StoryIndex, profiles: dict[str, ShowProfile], outcome: StructuredOutcome) -> list[Verdict]:
    shows = {name: p.show for name, p in profiles.items()}
    verdicts = []
    for obs, why, rule in outcome.baseline:
        in_view = in_scope(obs.fact, shows[obs.show])
        entry = index.told(obs.show, comparable(obs.fact)) if in_view else None
        if entry is not None and obs.source_url not in {s.url for s in _sources_of(entry)}:
            # nothing new to the source's readers, but it confirms a story: one more source
            index.join(
                entry, _fact_evidence(obs.show, comparable(obs.fact)), StructuredNews(shows[obs.show], obs.fact, [obs])
            )
            continue
        verdicts.append(
            Verdict(
                obs.source, describe_fact(obs.fact), Fate.BASELINE, why, show=obs.show, update_key=obs.key, rule=rule
            )
        )
    listings = {obs.source for obs, _, _ in outcome.baseline} | {o.source for n in outcome.news for o in n.observations}
    for news in outcome.news:
        said = comparable(news.fact)
        evidence = _fact_evidence(news.show.name, said)
        entry = index.told(news.show.name, said)
        contradicted = index.contradicting(news.show.name, said, listings) if entry is None else None
        if contradicted is not None:
            # outlets told another value, and none this one: the editor checks both sides (the desk
            # shows them), and neither is a story of its own
            verdicts += _conflict_verdicts(news, contradicted)
            continue
        if entry is None and (match := index.best(evidence)) is not None:
            entry = match.entry
        if entry is not None:
            index.join(entry, evidence, news)
        else:
            index.add(evidence, member=news)
    return verdicts


def _conflict_verdicts(news: StructuredNews, entry: Entry) -> list[Verdict]:
    story = entry.past
    told = next(
        (f for f in (*entry.evidence.facts, *entry.evidence.mentions) if f.key == comparable(news.fact).key), None
    )
    headline = (
        story.headline
        if story
        else next((m.update.title for m in entry.members if isinstance(m, Candidate)), "a story of this run")
    )
    said = kind_of(news.fact).shown(told.value) if told else "another value"
    reason = (
        f"conflicts with '{headline}' ({said}): {describe_fact(news.fact)}; "
        "not a story of its own: the editor's board shows both sides"
    )
    return [
        Verdict(obs.source, describe_fact(news.fact), Fate.CONFLICT, reason, show=news.show.name,
                facts=(news.fact,), update_key=obs.key, rule="conflicts-with-a-story")
        for obs in news.observations
    ]  # fmt: skip


def _fact_evidence(show: str, fact: Fact) -> Evidence:
    return Evidence(show=show, facts=(fact,), topic=FACT_KINDS[fact.kind].topic)


def _sources_of(entry: Entry) -> list[StorySource]:
    sources = list(entry.past.sources) if entry.past else []
    for member in entry.members:
        sources += observation_sources(member) if isinstance(member, StructuredNews) else [source_of(member.update)]
    return sources


# ---------------------------------------------------------------- 8. the decision


def _decision(
    index: StoryIndex,
    profiles: dict[str, ShowProfile],
    verdicts: list[Verdict],
    structured_verdicts: list[Verdict],
    now: datetime,
) -> Decision:
    decision = Decision(verdicts=verdicts)
    for entry in index.live():
        if not entry.members:
            continue
        if entry.past is None:
            story = _new_story(entry, profiles[entry.evidence.show], now)
            decision.new_stories.append(story)
            decision.verdicts += _member_verdicts(entry, story, sent_before=False)
        else:
            grown = with_sources(entry.past, _sources_of(entry)[len(entry.past.sources) :], now)
            if grown is not None:
                decision.grown_stories.append(grown)
            decision.verdicts += _member_verdicts(entry, grown or entry.past, sent_before=True)
    decision.verdicts += structured_verdicts
    return decision


def _new_story(entry: Entry, profile: ShowProfile, now: datetime) -> Story:
    members = entry.members
    reports = [m for m in members if isinstance(m, Candidate)]
    # the story's facts are its reports' (its event first, then what they state along); a structured
    # source that confirms it adds a source only
    facts = list(merged_facts((), [f for r in reports for f in r.facts]))
    mentioned = [
        f for f in merged_facts((), [f for r in reports for f in r.mentions]) if all(f.key != d.key for d in facts)
    ]
    if not reports:
        news = members[0]
        topic, section = profile.placement([comparable(news.fact)], Topic.STORY)
        story = story_from_fact(news, topic, section, now)
        extra = [s for m in members[1:] for s in observation_sources(m)]
        return with_sources(story, extra, now) or story
    topic, section = profile.placement(facts, reports[0].topic)
    story = story_from_reports(profile.show, reports, facts + mentioned, topic, section, now)
    extra = [s for m in members if isinstance(m, StructuredNews) for s in observation_sources(m)]
    return with_sources(story, extra, now) or story


def _member_verdicts(entry: Entry, story: Story, sent_before: bool) -> list[Verdict]:
    verdicts = []
    first_report = True
    for member in entry.members:
        if isinstance(member, StructuredNews):
            verdicts += _fact_verdicts(member, story, sent_before, first=not entry.past and member is entry.members[0])
            continue
        if sent_before:
            fate = Fate.LATE_REPORT
            reason = f"late report of '{story.headline}', sent {story.first_seen:%Y-%m-%d}; added as a source"
            reason += f" ({member.joined_because})" if member.joined_because else ""
            rule = member.joined_by
        elif first_report:
            fate, reason, rule = Fate.NEW, member.reason, member.rule
        else:
            first = next(m for m in entry.members if isinstance(m, Candidate))
            reason = f"same story as '{story.headline}' ({first.update.source}): {member.joined_because}"
            fate, rule = Fate.SAME_STORY, member.joined_by
        first_report = False
        verdicts.append(
            _verdict(
                member.update,
                fate,
                reason,
                show=story.show,
                topic=story.section,
                facts=member.facts,
                story_id=story.id,
                rule=rule,
            )
        )
    return verdicts


def _fact_verdicts(news: StructuredNews, story: Story, sent_before: bool, first: bool) -> list[Verdict]:
    if first:
        fate, reason, rule = Fate.NEW, news.reason, news.rule
    elif sent_before:
        fate, reason, rule = (
            Fate.LATE_REPORT,
            f"confirms '{story.headline}', sent {story.first_seen:%Y-%m-%d}",
            "confirms",
        )
    else:
        fate, reason, rule = Fate.SAME_STORY, f"confirms '{story.headline}'", "confirms"
    return [
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
            rule=rule,
        )
        for obs in news.observations
    ]


def _verdict(update: Update, fate: Fate, reason: str, **about: object) -> Verdict:
    return Verdict(source=update.source, title=update.title, fate=fate, reason=reason, update_key=update.key, **about)  # type: ignore[arg-type]


def _unique(updates: Sequence[Update]) -> list[Update]:
    seen: set[str] = set()
    unique = []
    for update in updates:
        if update.key not in seen:
            seen.add(update.key)
            unique.append(update)
    return unique
