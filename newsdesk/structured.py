"""Facts from structured sources (TVmaze, Wikipedia): a baseline first, news when they change.

On a source's first sight a fact that agrees with the article, or that the article need not state
(a cast list, the network), is the baseline. A fact that differs from the article or from what
the same source said last time is news once, with before and after ("Season 2 premiere: not
announced → March 8, 2031"), unless the article already says it. A fact about an earlier season
is only remembered. Each outcome is a named rule of `STRUCTURED`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from newsdesk.novelty import ArticleKnowledge, FactStatus
from newsdesk.rules import Example, Rule
from seasonwatch.fact_kinds import Scope, Values, describe_fact, kind_of
from seasonwatch.models import Fact, FactObservation, ShowSpec


@dataclass
class StructuredNews:
    show: ShowSpec
    fact: Fact  # with `before`
    observations: list[FactObservation] = field(default_factory=list)
    reason: str = ""
    rule: str = ""


@dataclass
class StructuredOutcome:
    news: list[StructuredNews] = field(default_factory=list)
    remember: list[FactObservation] = field(default_factory=list)
    baseline: list[tuple[FactObservation, str, str]] = field(default_factory=list)  # (obs, why, rule)


def comparable(fact: Fact) -> Fact:
    """What a structured fact says in an outlet's terms (a status of Ended is a cancellation)."""
    kind = kind_of(fact)
    return kind.outlet_form(fact) if kind.outlet_form else fact


def in_scope(fact: Fact, show: ShowSpec) -> bool:
    """Facts about the article's season or a later one, or about the whole show."""
    return fact.season is None or fact.season >= show.season


@dataclass(frozen=True)
class Sight:
    """One observation as the rules weigh it."""

    observation: FactObservation
    show: ShowSpec
    last: str | None  # what the same source said last time, None if it never listed it
    source_seen: bool  # the source was read before (its first sight is a baseline)
    status: FactStatus  # how it stands to the article


@dataclass(frozen=True)
class StructuredRule(Rule):
    """Returns (news, None) or (None, why it is a baseline), or None to leave it to the next rule."""

    judge: Callable[[Sight], StructuredNews | str | None] = lambda sight: None


def _news(sight: Sight, fact: Fact, reason: str, rule: str) -> StructuredNews:
    return StructuredNews(sight.show, fact, [sight.observation], reason, rule)


def _earlier_season(s: Sight) -> str | None:
    return None if in_scope(s.observation.fact, s.show) else "an earlier season: remembered"


def _unchanged(s: Sight) -> str | None:
    fact = s.observation.fact
    return "unchanged since the last run" if s.last is not None and s.last.casefold() == fact.value.casefold() else None


def _agrees(s: Sight) -> str | None:
    if s.status.known:
        return "agrees with the article"
    kind = kind_of(s.observation.fact)
    if s.last is None and kind.values is Values.ROLE and s.status.statement is not None:
        # a cast list on first sight: the article names the actor; the full name of the part is detail
        return "agrees with the article"
    return None


def _changed(s: Sight) -> StructuredNews | None:
    if s.last is None:
        return None
    fact = s.observation.fact
    changed = Fact(fact.kind, fact.season, fact.subject, fact.value, before=kind_of(fact).shown(s.last))
    return _news(s, changed, f"changed since the last run: {describe_fact(changed)}", "changed-since-the-last-run")


def _differs(s: Sight) -> StructuredNews | None:
    if s.status.fact.before:
        return _news(s, s.status.fact, f"differs from the article: {describe_fact(s.status.fact)}", "differs-from-the-article")
    return None


def _listed_first_time(s: Sight) -> StructuredNews | None:
    fact = s.observation.fact
    if s.source_seen and (fact.value or kind_of(fact).scope is Scope.PERSON):
        # the source was read before and did not list this: it is new (a cast member, an episode count)
        return _news(s, fact, "listed for the first time since the last run", "listed-for-the-first-time")
    return None


def _article_silent(s: Sight) -> StructuredNews | None:
    fact, kind = s.observation.fact, kind_of(s.observation.fact)
    if not s.source_seen and kind.news_when_article_silent and fact.value:
        before = kind.none_yet if kind.values is Values.DATE else ""
        told = Fact(fact.kind, fact.season, fact.subject, fact.value, before=before)
        return _news(s, told, "the article does not say this yet", "the-article-is-silent")
    return None


def _baseline(s: Sight) -> str:
    return "first sight: baseline"


STRUCTURED: tuple[StructuredRule, ...] = (
    StructuredRule(
        "an-earlier-season",
        "a fact about a season before the article's is only remembered",
        (Example("premiere 1 2029-10-02", "baseline"),),
        _earlier_season,
    ),
    StructuredRule(
        "unchanged-since-the-last-run",
        "what the same source said last time is no news",
        (
            Example("premiere 2 2031-03-08 | was 2031-03-08", "baseline"),
            Example("cast - Nadia Sorel=Sheriff Dale | was Sheriff Dale", "baseline"),
        ),
        _unchanged,
    ),
    StructuredRule(
        "agrees-with-the-article",
        "a fact the article states, or an actor of its cast list, is no news",
        (
            Example("premiere 2 2031", "baseline", "the article says 2031"),
            Example("cast - Mara Quill=Ada Finch", "baseline"),
            Example("cast - Tobias Renn=Wade Harrow", "baseline", "first sight of a roster: the part is detail"),
        ),
        _agrees,
    ),
    StructuredRule(
        "changed-since-the-last-run",
        "a value that changed since the same source's last run is news once, with before and after",
        (
            Example("premiere 2 2031-03-08 | was ", "news"),
            Example("episodes 2 10 | was 8", "news"),
            Example("renewal 3 renewed | was ", "news"),
        ),
        _changed,
    ),
    StructuredRule(
        "differs-from-the-article",
        "on first sight, a value that contradicts or sharpens what the article states is news",
        (
            Example("premiere 2 2031-04-12 | new source", "news"),
            Example("premiere 2 2031-03-08 | new source", "news", "a day where the article has only the year"),
        ),
        _differs,
    ),
    StructuredRule(
        "listed-for-the-first-time",
        "a fact a source read before did not list (a new cast member, an episode count) is news",
        (
            Example("cast - Nadia Sorel=Sheriff Dale | seen", "news"),
            Example("episodes 2 10 | seen", "news"),
        ),
        _listed_first_time,
    ),
    StructuredRule(
        "the-article-is-silent",
        "a source's first sight of a premiere, renewal or ending the article does not state is news",
        (
            Example("renewal 3 renewed | new source", "news"),
            Example("cancellation - cancelled | new source", "news"),
        ),
        _article_silent,
    ),
    StructuredRule(
        "first-sight-baseline",
        "anything else a source lists on first sight is the baseline",
        (
            Example("network - Streamflix | new source", "baseline"),
            Example("episodes 2 10 | new source", "baseline"),
            Example("cast - Nadia Sorel=Sheriff Dale | new source", "baseline"),
        ),
        _baseline,
    ),
)


def judge_observation(sight: Sight) -> StructuredNews | tuple[str, str]:
    """News about one observation, or (why it is a baseline, the rule)."""
    for rule in STRUCTURED:
        found = rule.judge(sight)
        if isinstance(found, StructuredNews):
            return found
        if isinstance(found, str):
            return found, rule.name
    raise AssertionError("the last structured rule always decides")  # pragma: no cover


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
        fact = obs.fact
        outcome.remember.append(obs)
        last = known_facts.get((obs.show, obs.source, fact.kind, fact.season, fact.subject.casefold()))
        sight = Sight(obs, shows[obs.show], last, (obs.show, obs.source) in sources_seen, knowledge[obs.show].status(fact))
        verdict = judge_observation(sight)
        if isinstance(verdict, tuple):
            outcome.baseline.append((obs, *verdict))
            continue
        # two sources telling the same change are one piece of news with two sources
        key = (obs.show, fact.kind, fact.season, fact.subject.casefold(), fact.value.casefold())
        if key in news:
            news[key].observations.append(obs)
        else:
            news[key] = verdict
    outcome.news = list(news.values())
    return outcome
