"""One story told by several outlets: grouping reports that agree, keeping apart those that differ.

Two reports are the same story when they establish the same fact (the same premiere date, the
same person cast) or, stating no deciding fact, when their words overlap enough; never when
their facts disagree (another date, another person), however alike the words are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from newsdesk.similarity import Vector, cosine
from seasonwatch.models import Fact, ShowSpec, Topic, Update

SAME_STORY_THRESHOLD = 0.38
VALUED_KINDS = {"premiere", "finale", "episodes", "production", "footage", "filming", "titles"}
PERSON_KINDS = {"cast", "departure", "showrunner"}


@dataclass
class Candidate:
    """A report that is about a tracked show and adds to its article."""

    update: Update
    show: ShowSpec
    topic: Topic
    facts: list[Fact]  # the facts that define the story (those of its topic)
    vector: Vector
    moment: datetime
    reason: str = ""
    negated: bool = False
    entities: frozenset[str] = frozenset()  # names it mentions that the article does not (Europe, Vesemir)


@dataclass
class Cluster:
    members: list[Candidate] = field(default_factory=list)

    @property
    def show(self) -> ShowSpec:
        return self.members[0].show


SHOW_KINDS = {"cancellation", "status", "network"}  # facts about the whole show, whatever season is named


def fact_index_key(show: str, fact: Fact) -> tuple[str, str, int | None, str]:
    """How facts are looked up: a person is the same person in any season; an ending is the show's."""
    if fact.kind in PERSON_KINDS:
        return (show, "person", None, fact.subject.casefold())
    if fact.kind in SHOW_KINDS:
        return (show, fact.kind, None, "")
    return (show, fact.kind, fact.season, fact.subject.casefold())


def _same_season(a: Fact, b: Fact) -> bool:
    """A fact with no season (a structured source's show-level fact) fits any season."""
    return a.season == b.season or a.season is None or b.season is None or a.kind in SHOW_KINDS


def compare_facts(a: list[Fact], b: list[Fact], a_title: str = "", b_title: str = "") -> str:
    """ "shared", "conflict" or "none" between two reports' defining facts.

    Two reports about different people are two stories (two castings), unless one names the
    other's person in its headline ("X steps in as showrunner as Y exits" and "Y has left")."""
    shared = False
    a_people = {f.subject.casefold() for f in a if f.kind in PERSON_KINDS}
    b_people = {f.subject.casefold() for f in b if f.kind in PERSON_KINDS}
    if a_people and b_people:
        if (
            not a_people & b_people
            and not _headline_names(b_title, a_people)
            and not _headline_names(a_title, b_people)
        ):
            return "conflict"
        shared = True
    for kind in {f.kind for f in a} & {f.kind for f in b} - PERSON_KINDS:
        a_kind = [f for f in a if f.kind == kind]
        b_kind = [f for f in b if f.kind == kind]
        pairs = [(fa, fb) for fa in a_kind for fb in b_kind if _same_season(fa, fb)]
        if not pairs:
            return "conflict"  # season 3 news is not season 4 news
        if kind in VALUED_KINDS and not any(same_value(fa, fb) for fa, fb in pairs):
            return "conflict"  # another date, or a more precise one: news of its own
        shared = True
    return "shared" if shared else "none"


# A report that says "the trailer" may be telling of the final trailer; never of a teaser
VALUE_WITHIN = {("footage", "trailer", "final trailer"), ("footage", "final trailer", "trailer")}


def same_value(a: Fact, b: Fact) -> bool:
    left, right = a.value.casefold(), b.value.casefold()
    return left == right or (a.kind, left, right) in VALUE_WITHIN


def _headline_names(headline: str, people: set[str]) -> bool:
    folded = headline.casefold()
    return any(person in folded for person in people)


def same_story(a_facts: list[Fact], a_vector: Vector, b_facts: list[Fact], b_vector: Vector) -> tuple[bool, float]:
    return same_story_by(compare_facts(a_facts, b_facts), cosine(a_vector, b_vector))


def same_story_by(relation: str, score: float) -> tuple[bool, float]:
    """Facts decide when they agree or disagree; words decide when there are none to compare."""
    if relation == "conflict":
        return False, score
    if relation == "shared":
        return True, max(score, 1.0)
    return score >= SAME_STORY_THRESHOLD, score


def names_shared(a: Candidate, b: Candidate) -> bool:
    """Do two reports name the same new thing? A post in lower case names it without capitals."""
    if a.entities & b.entities:
        return True
    if not a.entities:
        return bool(b.entities & _folded_words(a))
    if not b.entities:
        return bool(a.entities & _folded_words(b))
    return False


def _folded_words(candidate: Candidate) -> set[str]:
    return set(re.findall(r"[a-z][\w'-]+", f"{candidate.update.title} {candidate.update.summary}".casefold()))


BLOCKING_TERMS = 8


def blocking_keys(candidate: Candidate) -> set[tuple[str, str]]:
    """What a report must share with a cluster to be compared with it: a fact, a telling term."""
    keys = {("fact", f"{f.kind}|{f.season}|{f.subject.casefold()}") for f in candidate.facts}
    # people: by surname, whether a report states a fact about them or only names them in its headline
    keys.update(
        ("name", f.subject.split()[-1].casefold()) for f in candidate.facts if f.kind in PERSON_KINDS and f.subject
    )
    own = {w.casefold() for name in candidate.show.names for w in name.split()}
    keys.update(
        ("name", w.casefold())
        for w in re.findall(r"\b[A-Z][a-z]{3,}\b", candidate.update.title)
        if w.casefold() not in own
    )
    keys.update(("name", entity) for entity in candidate.entities)
    if not candidate.entities and not candidate.facts:
        # a lower-case post has no capitals to find names by: any of its words may be one
        keys.update(("name", word) for word in _folded_words(candidate) if len(word) > 3)
    top = sorted(candidate.vector, key=candidate.vector.__getitem__, reverse=True)[:BLOCKING_TERMS]
    keys.update(("term", term) for term in top)
    return keys


def _fit(candidate: Candidate, group: Cluster) -> float | None:
    """How well a report fits a cluster: its best same-story score with a member, or None when it
    tells another story than one of them, or another topic without a shared fact or name."""
    title = candidate.update.title
    relations = [compare_facts(candidate.facts, m.facts, title, m.update.title) for m in group.members]
    if "conflict" in relations:
        return None
    verdicts = [
        same_story_by(relation, cosine(candidate.vector, m.vector))
        for relation, m in zip(relations, group.members, strict=True)
    ]
    if not candidate.facts:
        # stating no fact, two reports that name the same new thing ("Europe") tell one story
        verdicts += [(True, 1.0) for m in group.members if not m.facts and names_shared(candidate, m)]
    if group.members[0].topic != candidate.topic and not any(score >= 1.0 for _, score in verdicts):
        return None
    matches = [score for same, score in verdicts if same]
    return max(matches) if matches else None


def cluster(candidates: list[Candidate]) -> list[Cluster]:
    """Greedy, earliest report first: each joins the cluster it matches best, or starts one.

    A report is compared only with the clusters of its show that share a fact or one of its most
    telling terms with it: two reports that share neither almost never reach the threshold, and
    comparing every pair would grow with the square of a busy morning."""
    clusters: list[Cluster] = []
    by_url: dict[tuple[str, str], Cluster] = {}
    by_key: dict[tuple[str, tuple[str, str]], list[Cluster]] = {}
    for candidate in sorted(candidates, key=lambda c: c.moment):
        show = candidate.show.name
        keys = blocking_keys(candidate)
        best: tuple[float, Cluster | None] = (0.0, None)
        same_link = by_url.get((show, candidate.update.canonical_url)) if candidate.update.canonical_url else None
        if same_link is not None:
            best = (2.0, same_link)  # the same article listed twice (a feed and a listing page)
        else:
            nearby = {id(group): group for key in keys for group in by_key.get((show, key), [])}
            for group in nearby.values():
                score = _fit(candidate, group)
                if score is not None and score > best[0]:
                    best = (score, group)
        group = best[1]
        if group is None:
            group = Cluster([candidate])
            clusters.append(group)
        else:
            group.members.append(candidate)
        if candidate.update.canonical_url:
            by_url[(show, candidate.update.canonical_url)] = group
        for key in keys:
            by_key.setdefault((show, key), []).append(group)
    return clusters
