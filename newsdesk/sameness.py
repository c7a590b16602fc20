"""Is this the same story? One answer, the same for two reports of one morning and for a report
and a story sent days before.

Evidence is built the same way for a report, a story (this run's or a past one) and a structured
fact: the facts it establishes, the words it is told in, the new names it mentions. `relation`
compares an earlier piece of evidence with a later one through the ordered rules of `SAMENESS`:
the facts decide when they agree or disagree (another date, another person keep stories apart),
the words only when there are no facts to compare.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property

from newsdesk import thresholds
from newsdesk.rules import Example, Rule
from newsdesk.similarity import Vector, cosine
from seasonwatch.fact_kinds import FACT_KINDS, Scope, kind_of
from seasonwatch.models import Fact, Topic


class Kinship(StrEnum):
    SAME = "same"
    CONFLICT = "conflict"  # they tell different stories, however alike their words
    UNRELATED = "unrelated"


@dataclass(frozen=True)
class Relation:
    kinship: Kinship
    score: float  # how strongly: a shared fact scores 1 or more, words their cosine
    rule: str
    reason: str

    @property
    def same(self) -> bool:
        return self.kinship is Kinship.SAME


@dataclass(frozen=True)
class Evidence:
    """What a report, a story or a structured fact says, as sameness compares it."""

    show: str
    facts: tuple[Fact, ...] = ()  # what decides its story: its event
    mentions: tuple[Fact, ...] = ()  # facts stated along: told, but deciding nothing
    spoken: tuple[Fact, ...] = ()  # facts a report speaks of without telling them (no value)
    vectors: tuple[Vector, ...] = ()  # one per telling (a story has one per source it keeps)
    entities: frozenset[str] = frozenset()  # new names it mentions (the article does not)
    headlines: tuple[str, ...] = ()
    words: frozenset[str] = frozenset()  # folded words: names written without capitals
    topic: Topic | None = None
    links: frozenset[str] = frozenset()  # canonical links of its reports

    def joined(self, other: Evidence) -> Evidence:
        """A story's evidence after one more report joins it."""
        return Evidence(
            show=self.show,
            facts=merged_facts(self.facts, other.facts),
            mentions=merged_facts(self.mentions, other.mentions),
            spoken=self.spoken,
            vectors=(self.vectors + other.vectors)[: thresholds.VECTORS_PER_STORY],
            entities=self.entities | other.entities,
            headlines=self.headlines + other.headlines,
            words=self.words | other.words,
            topic=self.topic or other.topic,
            links=self.links | other.links,
        )

    @cached_property
    def people(self) -> frozenset[str]:
        return frozenset(f.subject.casefold() for f in self.facts if kind_of(f).scope is Scope.PERSON)


def merged_facts(known: Iterable[Fact], more: Iterable[Fact]) -> tuple[Fact, ...]:
    """One fact per claim, the one with a value where some lack it."""
    merged: list[Fact] = list(known)
    for fact in more:
        same = next((i for i, m in enumerate(merged) if m.key == fact.key), None)
        if same is None:
            merged.append(fact)
        elif not merged[same].value and fact.value:
            merged[same] = fact
    return tuple(merged)


@dataclass
class _Comparison:
    """What the fact rules found so far: facts shared, and those the later evidence tells vaguer;
    and what several rules read, worked out once."""

    earlier: Evidence
    later: Evidence
    shared: list[str] = field(default_factory=list)
    vaguer: list[str] = field(default_factory=list)

    @cached_property
    def kind_pairs(self) -> list[tuple[str, list[tuple[Fact, Fact]]]]:
        return _kind_pairs(self)

    @cached_property
    def word_score(self) -> float:
        return max((cosine(a, b) for a in self.earlier.vectors for b in self.later.vectors), default=0.0)


@dataclass(frozen=True)
class SamenessRule(Rule):
    """Returns a Relation when it decides, None to leave it to the next rule."""

    decide: Callable[[_Comparison], Relation | None] = lambda comparison: None


def _same_link(c: _Comparison) -> Relation | None:
    if c.earlier.links & c.later.links:
        # the same article listed twice (a feed and a listing page)
        return Relation(Kinship.SAME, 2.0, "same-link", "the same link")
    return None


def _different_people(c: _Comparison) -> Relation | None:
    a, b = c.earlier.people, c.later.people
    if not (a and b):
        return None
    if a & b:
        c.shared.append("person")
        return None
    # "Jane Doe takes over as showrunner as John Roe exits" and "John Roe has left": one story
    if _headlines_name(c.later.headlines, a) or _headlines_name(c.earlier.headlines, b):
        c.shared.append("person its headline names")
        return None
    return Relation(Kinship.CONFLICT, 0.0, "different-people", "about different people")


def _kind_pairs(c: _Comparison) -> list[tuple[str, list[tuple[Fact, Fact]]]]:
    """For each kind of fact both tell (people aside), the pairs of facts about the same season."""
    earlier, later = (
        _by_kind(_as_told(c.earlier.facts, c.later.facts)),
        _by_kind(_as_told(c.later.facts, c.earlier.facts)),
    )
    return [
        (name, [(a, b) for a in earlier[name] for b in later[name] if _same_season(a, b)])
        for name in sorted(earlier.keys() & later.keys())
        if FACT_KINDS[name].scope is not Scope.PERSON
    ]


def _as_told(facts: tuple[Fact, ...], other: tuple[Fact, ...]) -> list[Fact]:
    """A fact of a kind another kind tells (a finale on the premiere's day, for a season dropped
    whole) is that kind's, when the other side tells it so."""
    told = []
    for fact in facts:
        kind = kind_of(fact)
        if kind.told_as and any(
            o.kind == kind.told_as and o.value == fact.value and o.season == fact.season for o in other
        ):
            fact = Fact(kind.told_as, fact.season, fact.subject, fact.value)
        told.append(fact)
    return told


def _by_kind(facts: Iterable[Fact]) -> dict[str, list[Fact]]:
    grouped: dict[str, list[Fact]] = {}
    for fact in facts:
        grouped.setdefault(fact.kind, []).append(fact)
    return grouped


def _another_season(c: _Comparison) -> Relation | None:
    for name, pairs in c.kind_pairs:
        if not pairs:
            return Relation(Kinship.CONFLICT, 0.0, "another-season", f"{FACT_KINDS[name].label} of another season")
    return None


def _another_value(c: _Comparison) -> Relation | None:
    for name, pairs in c.kind_pairs:
        kind = FACT_KINDS[name]
        if not kind.telling or any(kind.same_value(a.value, b.value) for a, b in pairs):
            c.shared.append(kind.label)
        elif any(b.value and kind.implies(a.value, b.value) for a, b in pairs):
            c.vaguer.append(kind.label)  # a month after its day: the same premiere, told vaguer
        else:
            return Relation(Kinship.CONFLICT, 0.0, "another-value", f"another {kind.label}")
    return None


def _score_of_shared(c: _Comparison) -> float:
    # of several stories sharing a fact with a report, the one that told more of its facts is its story
    claims = sum(1 for f in c.later.facts if any(f.same_claim(e) for e in c.earlier.facts))
    return max(_word_score(c), 1.0) + thresholds.SHARED_CLAIM_BONUS * claims


def _vaguer_value(c: _Comparison) -> Relation | None:
    if c.vaguer and not c.shared:
        return Relation(
            Kinship.SAME, _score_of_shared(c), "vaguer-value", f"the same {c.vaguer[0]}, told less precisely"
        )
    return None


def _shared_fact(c: _Comparison) -> Relation | None:
    if c.shared:
        return Relation(Kinship.SAME, _score_of_shared(c), "shared-fact", f"the same {c.shared[0]}")
    return None


SPEAKS_OF_ITS_FACT = "speaks-of-its-fact"


def _speaks_of_its_fact(c: _Comparison) -> Relation | None:
    # "...Premiere Date Teaser" or "...Return Production" with no date: the report speaks of the
    # fact the earlier story told; what it tells besides (the teaser) comes along with that fact
    for spoken in c.later.spoken:
        told = any(f.kind == spoken.kind and f.value and _same_season(f, spoken) for f in c.earlier.facts)
        if told and all(spoken.kind in kind_of(f).subordinate_to for f in c.later.facts):
            label = FACT_KINDS[spoken.kind].label
            return Relation(Kinship.SAME, 1.0, SPEAKS_OF_ITS_FACT, f"it speaks of the {label} the story told")
    return None


def _same_new_names(c: _Comparison) -> Relation | None:
    # stating no fact, two reports that name the same new thing (a place, a character) tell one story
    if not c.later.facts and not c.earlier.facts and _names_shared(c.earlier, c.later):
        return Relation(Kinship.SAME, 1.0, "same-new-names", "they name the same new thing")
    return None


def _other_topic(c: _Comparison) -> Relation | None:
    if c.earlier.topic is not None and c.later.topic is not None and c.earlier.topic != c.later.topic:
        return Relation(Kinship.UNRELATED, 0.0, "another-topic", "another topic, with no fact in common")
    return None


def _similar_words(c: _Comparison) -> Relation | None:
    score = _word_score(c)
    if score >= thresholds.SAME_STORY:
        return Relation(Kinship.SAME, score, "similar-words", f"told in similar words ({score:.2f})")
    return Relation(Kinship.UNRELATED, score, "unrelated", f"nothing in common ({score:.2f})")


def _word_score(c: _Comparison) -> float:
    return c.word_score


def _same_season(a: Fact, b: Fact) -> bool:
    """A fact with no season (a structured source's show-level fact) fits any season."""
    return a.season == b.season or a.season is None or b.season is None or kind_of(a).scope is Scope.SHOW


def _headlines_name(headlines: tuple[str, ...], people: frozenset[str]) -> bool:
    """Does a headline name one of these people, as whole words ("Ann Lee" is not in "Ann Leeson")?"""
    return any(_has_words(headline.casefold(), person) for headline in headlines for person in people)


def _has_words(text: str, phrase: str) -> bool:
    """`phrase` in `text` as whole words (no regular expression: this runs for every pair)."""
    start = text.find(phrase)
    while start >= 0:
        end = start + len(phrase)
        if (start == 0 or not text[start - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
            return True
        start = text.find(phrase, start + 1)
    return False


def _names_shared(a: Evidence, b: Evidence) -> bool:
    """Do two reports name the same new thing? A post in lower case names it without capitals."""
    if a.entities & b.entities:
        return True
    if not a.entities:
        return bool(b.entities & a.words)
    if not b.entities:
        return bool(a.entities & b.words)
    return False


def folded_words(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"[a-z][\w'-]+", text.casefold()))


def _pair(first: str, second: str) -> str:
    return f"{first} >> {second}"


# The rules, in the order they are tried: the first that decides gives the relation.
SAMENESS: tuple[SamenessRule, ...] = (
    SamenessRule(
        "same-link",
        "the same article, listed by a feed and a listing page",
        (
            Example(
                _pair("Hollow Creek season 2 trailer @hc-trailer", "Hollow Creek: watch the trailer @hc-trailer"),
                "same",
            ),
        ),
        _same_link,
    ),
    SamenessRule(
        "different-people",
        "castings or exits of different people are different stories",
        (
            Example(
                _pair("Nadia Sorel joins Hollow Creek season 2", "Ezra Vance joins Hollow Creek season 2"), "conflict"
            ),
            Example(_pair("Cyrus Hale exits Hollow Creek", "Lena Morrow cast in Hollow Creek season 2"), "conflict"),
            Example(_pair("Felix Arbuckle joins Drift season 3", "Lena Morrow joins Drift season 3"), "conflict"),
            Example(
                _pair(
                    "Lena Morrow named Hollow Creek showrunner as Cyrus Hale exits",
                    "Cyrus Hale steps down from Hollow Creek",
                ),
                "same",
                "the earlier headline names the later one's person",
                counter=True,
            ),
            Example(
                _pair(
                    "Cyrus Hale exits Hollow Creek as showrunner",
                    "Lena Morrow replaces Cyrus Hale as Hollow Creek showrunner",
                ),
                "same",
                "a successor named 'replacing' the first: the same story, same morning or next",
                counter=True,
            ),
        ),
        _different_people,
    ),
    SamenessRule(
        "another-season",
        "the same kind of fact about another season is another story",
        (
            Example(_pair("Hollow Creek renewed for season 3", "Hollow Creek renewed for season 4"), "conflict"),
            Example(
                _pair("Hollow Creek season 2 has ten episodes", "Hollow Creek season 3 has eight episodes"), "conflict"
            ),
        ),
        _another_season,
    ),
    SamenessRule(
        "another-value",
        "another date, another episode count, another stage of filming is news of its own",
        (
            Example(
                _pair("Hollow Creek season 2 premieres March 8", "Hollow Creek season 2 premieres April 2"), "conflict"
            ),
            Example(
                _pair("Hollow Creek season 2 arrives in March", "Hollow Creek season 2 premieres March 8"),
                "conflict",
                "the later report is more precise: a date of its own",
            ),
            Example(
                _pair("Hollow Creek season 2 teaser is out", "Watch the Hollow Creek season 2 trailer"), "conflict"
            ),
            Example(_pair("Drift season 3 premieres October 4", "Drift season 3 moved to November 1"), "conflict"),
        ),
        _another_value,
    ),
    SamenessRule(
        "vaguer-value",
        "a later report that tells a known fact less precisely is one more source of it",
        (
            Example(_pair("Hollow Creek season 2 premieres March 8", "Hollow Creek is back in March"), "same"),
            Example(
                _pair("Hollow Creek season 2 premieres March 8, 2031", "Hollow Creek season 2 arrives in spring 2031"),
                "same",
            ),
            Example(
                _pair("Hollow Creek season 2 premieres March 8", "Hollow Creek season 2 lands March 9 in the UK"),
                "same",
                "one release, dated a day apart by two regions",
                counter=True,
            ),
            Example(_pair("Drift season 3 premieres October 4", "Drift season 3 arrives this fall"), "same"),
        ),
        _vaguer_value,
    ),
    SamenessRule(
        "shared-fact",
        "reports that establish the same fact (the same date, the same person cast) are one story",
        (
            Example(
                _pair(
                    "Nadia Sorel joins Hollow Creek season 2",
                    "Nadia Sorel Back for Hollow Creek Season 2 as the Shoot Continues in Marlow",
                ),
                "same",
                "filming news told with a casting is the casting's story",
            ),
            Example(
                _pair(
                    "Nadia Sorel Joins Hollow Creek Season 2 in First Photos",
                    "NADIA SOREL ON THE HOLLOW CREEK SET. the first photos are out",
                ),
                "same",
                "a headline in capitals names the person in capitals",
            ),
            Example(
                _pair(
                    "Hollow Creek season 2 gets a March 8 premiere",
                    "The streamer dates Hollow Creek season 2 for March 8, 2031",
                ),
                "same",
            ),
            Example(
                _pair("Nadia Sorel joins Hollow Creek season 2", "Hollow Creek adds Nadia Sorel as the new sheriff"),
                "same",
            ),
            Example(_pair("Hollow Creek renewed for a third season", "Hollow Creek will return for season 3"), "same"),
            Example(
                _pair("Hollow Creek season 2 trailer arrives", "Hollow Creek season 2 gets a first trailer"), "same"
            ),
            Example(_pair("Drift season 3 premieres October 4", "Drift returns Oct. 4 for season three"), "same"),
            Example(
                _pair("Drift season 3 has ten episodes", "The streamer orders ten episodes of Drift season 3"), "same"
            ),
            Example(
                _pair(
                    "Hollow Creek season 2 premieres March 8",
                    "Hollow Creek Season 2 Premiere Date Teaser Is Here || The streamer dates it for March 8.",
                ),
                "same",
                "the date the headline speaks of is its event, the teaser supports it",
            ),
            Example(
                _pair(
                    "Drift season 3 premieres October 4",
                    "Drift Season 3 Gets Premiere Date || It opens October 4 and ends November 8.",
                ),
                "same",
                "the headline speaks of the premiere: the finale comes along",
            ),
            Example(
                _pair(
                    "Hollow Creek renewed for a third season", "Hollow Creek Renewed for Season 3, Will Return in 2032"
                ),
                "same",
                "a return date that comes with a renewal is the renewal's story",
            ),
            Example(
                _pair(
                    "Drift season 3 has ten episodes",
                    "Drift Season 3 Episode Count Confirmed || Ten episodes again, the same as season 2.",
                ),
                "same",
                "a headline announcing a count makes the summary's bare count the season's",
            ),
        ),
        _shared_fact,
    ),
    SamenessRule(
        SPEAKS_OF_ITS_FACT,
        "a report whose headline speaks of a fact a story told, and tells nothing else of its own, is its source",
        (
            Example(
                _pair(
                    "Hollow Creek season 2 premieres March 8, 2031",
                    "Hollow Creek Season 2 Premiere Date Teaser Is Here || The cast shares a short clip from home.",
                ),
                "same",
                "the teaser comes with the date it speaks of",
            ),
            Example(
                _pair(
                    "Drift season 3 begins filming in May",
                    "Drift Season 3 Return and Production Plans || What the streamer has said so far.",
                ),
                "same",
            ),
            Example(
                _pair(
                    "Hollow Creek season 2 premieres March 8, 2031",
                    "Nadia Sorel joins Hollow Creek ahead of the premiere date",
                ),
                "conflict",
                "a casting speaks of the date in passing: a story of its own",
                counter=True,
            ),
        ),
        _speaks_of_its_fact,
    ),
    SamenessRule(
        "same-new-names",
        "stating no fact, reports that name the same new place or character tell one story",
        (
            Example(
                _pair(
                    "Hollow Creek season 2 heads to Saltmere || The valley town is left behind.",
                    "Hollow Creek season 2 moves the story to Saltmere || Fans react to the new setting.",
                ),
                "same",
            ),
        ),
        _same_new_names,
    ),
    SamenessRule(
        "another-topic",
        "stating no common fact, reports about different topics are different stories",
        (
            Example(
                _pair(
                    "Nadia Sorel joins Hollow Creek season 2", "Hollow Creek season 2 trailer teases Nadia's arrival"
                ),
                "unrelated",
            ),
        ),
        _other_topic,
    ),
    SamenessRule(
        "similar-words",
        "stating no fact to compare, reports told in similar words are one story",
        (
            Example(
                _pair(
                    "Hollow Creek season 2 will split the valley families apart",
                    "The valley families will be split apart in Hollow Creek season 2",
                ),
                "same",
            ),
            Example(
                _pair(
                    "Hollow Creek season 2 will split the valley families apart",
                    "Hollow Creek season 2 will go back to the old mill",
                ),
                "unrelated",
            ),
        ),
        _similar_words,
    ),
)


def relation(earlier: Evidence, later: Evidence) -> Relation:
    """How a later piece of evidence stands to an earlier one: the same story, a different one
    (a conflict), or unrelated. A story is always earlier than a report matched against it."""
    comparison = _Comparison(earlier, later)
    for rule in SAMENESS:
        if (found := rule.decide(comparison)) is not None:
            return found
    raise AssertionError("the last sameness rule always decides")  # pragma: no cover
