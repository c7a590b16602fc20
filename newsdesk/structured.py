"""Facts from structured sources (TVmaze, Wikipedia): a baseline first, news when they change.

On first sight a fact that agrees with the article, or that the article need not state (a cast
list, the network), is the baseline. A fact that differs from the article or from the last
known value is news once, with before and after ("Season 2 premiere: not announced → March 8,
2018"). A fact about an earlier season is only remembered.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from newsdesk.novelty import ArticleKnowledge
from seasonwatch.fact_text import describe_date, describe_fact
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
    known_facts: dict[tuple[str, str, int | None, str], str],
) -> StructuredOutcome:
    outcome = StructuredOutcome()
    grouped: dict[tuple[str, str, int | None, str], list[FactObservation]] = {}
    for obs in observations:
        if obs.show in shows:
            grouped.setdefault((obs.show, obs.fact.kind, obs.fact.season, obs.fact.subject.casefold()), []).append(obs)
    shows_known = {show for (show, _, _, _) in known_facts}

    for (show_name, kind, season, subject), group in grouped.items():
        show = shows[show_name]
        fact = group[0].fact
        values = {o.fact.value for o in group}
        if len(values) > 1:
            # sources disagree: trust the most precise (a date over "not set")
            fact = max((o.fact for o in group), key=lambda f: len(f.value))
            group = [o for o in group if o.fact.value == fact.value]
        outcome.remember.extend(group[:1])
        known = known_facts.get((show_name, kind, season, subject))
        if not in_scope(fact, show):
            outcome.baseline.extend((o, "an earlier season: remembered") for o in group)
            continue
        if known is not None:
            if known.casefold() == fact.value.casefold():
                outcome.baseline.extend((o, "unchanged since the last run") for o in group)
                continue
            before = _shown(kind, known)
            changed = Fact(fact.kind, fact.season, fact.subject, fact.value, before=before)
            outcome.news.append(
                StructuredNews(show, changed, group, f"changed since the last run: {describe_fact(changed)}")
            )
            continue
        status = knowledge[show_name].status(fact)
        if status.known:
            outcome.baseline.extend((o, "agrees with the article") for o in group)
        elif status.fact.before:
            outcome.news.append(
                StructuredNews(show, status.fact, group, f"differs from the article: {describe_fact(status.fact)}")
            )
        elif show_name in shows_known and (fact.value or kind == "cast"):
            # the source was read before and did not list this: it is new (a cast member, an episode count)
            outcome.news.append(StructuredNews(show, fact, group, "listed for the first time since the last run"))
        elif kind in NEWS_WHEN_ARTICLE_SILENT and fact.value:
            before = "not announced" if kind == "premiere" else ""
            outcome.news.append(
                StructuredNews(
                    show,
                    Fact(fact.kind, fact.season, fact.subject, fact.value, before=before),
                    group,
                    "the article does not say this yet",
                )
            )
        else:
            outcome.baseline.extend((o, "first sight: baseline") for o in group)
    return outcome


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
