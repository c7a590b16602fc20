"""Facts from structured sources (TVmaze, Wikipedia): a baseline first, news when they change.

On a source's first sight a fact that agrees with the article, or that the article need not state
(a cast list, the network), is the baseline. A fact that differs from the article or from what
the same source said last time is news once, with before and after ("Season 2 premiere: not
announced → March 8, 2018"), unless the article already says it. A fact about an earlier season
is only remembered.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from newsdesk.novelty import ArticleKnowledge
from seasonwatch.fact_kinds import describe_fact
from seasonwatch.fuzzy_date import describe as describe_date
from seasonwatch.models import Fact, FactObservation, ShowSpec

# Kinds worth telling when the article says nothing about them yet; the rest is baseline.
NEWS_WHEN_ARTICLE_SILENT = {"premiere", "renewal", "cancellation"}


@dataclass
class StructuredNews:
    show: ShowSpec
    fact: Fact  # with `before`
    observations: list[FactObservation] = field(default_factory=list)
    reason: str = ""


@dataclass
class StructuredOutcome:
    news: list[StructuredNews] = field(default_factory=list)
    remember: list[FactObservation] = field(default_factory=list)
    baseline: list[tuple[FactObservation, str]] = field(default_factory=list)


def comparable(fact: Fact) -> Fact:
    """What a structured fact says in an outlet's terms: a status of Ended is a cancellation."""
    if fact.kind == "status" and fact.value.casefold() in ("ended", "cancelled", "canceled"):
        return Fact("cancellation", None, value="cancelled", before=fact.before)
    return fact


def in_scope(fact: Fact, show: ShowSpec) -> bool:
    """Facts about the article's season or a later one, or about the whole show."""
    return fact.season is None or fact.season >= show.season


def judge_observations(
    observations: list[FactObservation],
    shows: dict[str, ShowSpec],
    knowledge: dict[str, ArticleKnowledge],
    known_facts: dict[tuple[str, str, str, int | None, str], str],
) -> StructuredOutcome:
    """Each source is compared with what that same source said last time: a source that did not
    answer this run changes nothing, two sources that word a role differently never flip-flop, and a
    source added later starts with a baseline of its own."""
    outcome = StructuredOutcome()
    sources_seen = {(show, source) for (show, source, _, _, _) in known_facts}
    news: dict[tuple[str, str, int | None, str, str], StructuredNews] = {}
    for obs in observations:
        if obs.show not in shows:
            continue
        show, fact = shows[obs.show], obs.fact
        outcome.remember.append(obs)
        known = known_facts.get((obs.show, obs.source, fact.kind, fact.season, fact.subject.casefold()))
        verdict = _judge(obs, show, knowledge[obs.show], known, (obs.show, obs.source) in sources_seen)
        if isinstance(verdict, str):
            outcome.baseline.append((obs, verdict))
            continue
        # two sources telling the same change are one piece of news with two sources
        key = (obs.show, fact.kind, fact.season, fact.subject.casefold(), fact.value.casefold())
        if key in news:
            news[key].observations.append(obs)
        else:
            news[key] = verdict
    outcome.news = list(news.values())
    return outcome


def _judge(
    obs: FactObservation, show: ShowSpec, article: ArticleKnowledge, known: str | None, source_seen: bool
) -> StructuredNews | str:
    """News about one observation, or the reason it is a baseline."""
    fact, kind = obs.fact, obs.fact.kind
    if not in_scope(fact, show):
        return "an earlier season: remembered"
    if known is not None and known.casefold() == fact.value.casefold():
        return "unchanged since the last run"
    status = article.status(fact)
    if status.known:
        return "agrees with the article"
    if known is None and kind == "cast" and status.statement is not None:
        # a cast list on first sight: the article names the actor; the full name of the part is detail
        return "agrees with the article"
    if known is not None:
        changed = Fact(fact.kind, fact.season, fact.subject, fact.value, before=_shown(kind, known))
        return StructuredNews(show, changed, [obs], f"changed since the last run: {describe_fact(changed)}")
    if status.fact.before:
        return StructuredNews(show, status.fact, [obs], f"differs from the article: {describe_fact(status.fact)}")
    if source_seen and (fact.value or kind == "cast"):
        # the source was read before and did not list this: it is new (a cast member, an episode count)
        return StructuredNews(show, fact, [obs], "listed for the first time since the last run")
    if not source_seen and kind in NEWS_WHEN_ARTICLE_SILENT and fact.value:
        before = "not announced" if kind == "premiere" else ""
        return StructuredNews(
            show,
            Fact(fact.kind, fact.season, fact.subject, fact.value, before=before),
            [obs],
            "the article does not say this yet",
        )
    return "first sight: baseline"


def _shown(kind: str, value: str) -> str:
    if kind in ("premiere", "finale"):
        return describe_date(value)
    return value or "not set"


def headline(show: ShowSpec, fact: Fact) -> str:
    season = f" season {fact.season}" if fact.season else ""
    if fact.kind == "premiere":
        if not fact.value:
            return f"{show.name}{season} no longer has a premiere date"
        return f"{show.name}{season} premiere: {describe_date(fact.value)}"
    if fact.kind == "finale":
        return f"{show.name}{season} finale: {describe_date(fact.value)}"
    if fact.kind == "renewal":
        return (
            f"{show.name} renewed for season {fact.season}" if fact.value else f"{show.name}{season} renewal withdrawn"
        )
    if fact.kind == "cancellation":
        return f"{show.name} cancelled"
    if fact.kind == "cast":
        role = f" as {fact.value}" if fact.value else ""
        return f"{fact.subject} joins {show.name}{role}"
    if fact.kind == "episodes":
        return f"{show.name}{season} will have {fact.value} episodes"
    return f"{show.name}: {describe_fact(fact)}"
