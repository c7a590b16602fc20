"""Stories emitted before, indexed so a new report is compared with a few, not all of them.

A report finds its past story by its own identity (the same item re-fetched, the same link
re-posted with tracking parameters), by a fact the story established, or by words: candidates come
from an inverted index over each story's facts and its most telling terms.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from newsdesk.clustering import PERSON_KINDS, VALUED_KINDS, fact_index_key, same_story
from newsdesk.dates import date_within
from newsdesk.similarity import Vector, Vectorizer, terms
from seasonwatch.lexicon.forms import fold, fold_keep_case
from seasonwatch.models import Fact, History, Story, Update

INDEX_TERMS = 12  # a story is found through its dozen most telling terms
COMMON_TERM = 40  # a term shared by more past stories of a show says nothing about which one


@dataclass
class PastStory:
    story: Story
    terms: list[str]
    vector: Vector = field(default_factory=dict)


@dataclass(frozen=True)
class HistoryMatch:
    story: Story
    how: str  # "fact", "words", "vaguer"


def story_terms(story: Story, drop: frozenset[str]) -> list[str]:
    titles = " ".join(s.title for s in story.sources[:3])
    return terms(f"{story.headline}. {story.summary} {titles}", drop)


class HistoryIndex:
    def __init__(self, history: History, drops: dict[str, frozenset[str]]) -> None:
        self.history = history
        self.by_id: dict[str, PastStory] = {}
        self._by_fact: dict[tuple[str, str, int | None, str], list[PastStory]] = defaultdict(list)
        self._by_term: dict[tuple[str, str], list[PastStory]] = defaultdict(list)
        for story in history.stories:
            past = PastStory(story, story_terms(story, drops.get(story.show, frozenset())))
            self.by_id[story.id] = past
            for fact in story.facts:
                self._by_fact[fact_index_key(story.show, fact)].append(past)

    def documents(self) -> list[list[str]]:
        """Every past story's terms, for the batch's word weights."""
        return [p.terms for p in self.by_id.values()]

    def vectorize(self, vectorizer: Vectorizer) -> None:
        """Weigh each past story's words and index its most telling terms."""
        for past in self.by_id.values():
            past.vector = vectorizer.vector(past.terms)
            for term in sorted(past.vector, key=past.vector.__getitem__, reverse=True)[:INDEX_TERMS]:
                self._by_term[(past.story.show, term)].append(past)

    def identity(self, update: Update) -> Story | None:
        """The story this very item (re-fetched, or re-posted with tracking parameters) went into."""
        known = self.history.update_story.get(update.key) or self.history.url_story.get(update.canonical_url or "")
        past = self.by_id.get(known) if known else None
        return past.story if past else None

    def sent(self, show: str, fact: Fact) -> Story | None:
        """The past story that already told this fact (or told it more precisely)."""
        key = fact_index_key(show, fact)
        for past in self._by_fact.get(key, []):
            for told in past.story.facts:
                if fact_index_key(show, told) != key:
                    continue
                if fact.kind in PERSON_KINDS or told.value.casefold() == fact.value.casefold():
                    return past.story
                if fact.kind in VALUED_KINDS and date_within(told.value, fact.value):
                    return past.story
        return None

    def find(
        self, show: str, facts: list[Fact], vector: Vector, entities: frozenset[str] = frozenset()
    ) -> HistoryMatch | None:
        candidates: dict[str, PastStory] = {}
        for fact in facts:
            for past in self._by_fact.get(fact_index_key(show, fact), []):
                candidates[past.story.id] = past
        for term in sorted(vector, key=vector.__getitem__, reverse=True)[: INDEX_TERMS * 2]:
            postings = self._by_term.get((show, term), [])
            if len(postings) <= COMMON_TERM:
                for past in postings:
                    candidates[past.story.id] = past
        best: tuple[float, HistoryMatch | None] = (0.0, None)
        for past in candidates.values():
            if facts and _vaguer_than(facts, past.story.facts):
                return HistoryMatch(past.story, "vaguer")
            same, score = same_story(facts, vector, past.story.facts, past.vector)
            if not facts and not past.story.facts and entities & _names_in(past.story):
                same, score = True, 1.0  # stating no fact, it names the new thing the past story was about
            # several past stories may share a fact with a report that tells two: the one that told
            # more of them is its story
            score += 0.1 * sum(1 for f in facts if any(f.same_claim(told) for told in past.story.facts))
            if same and score > best[0]:
                best = (score, HistoryMatch(past.story, "fact" if score >= 1.0 else "words"))
        return best[1]


def _names_in(story: Story) -> set[str]:
    text = " ".join([story.headline, story.summary, *(s.title for s in story.sources)])
    return {fold(w).removesuffix("'s") for w in re.findall(r"\b[A-Z][a-z][\w'’\-]{2,}", fold_keep_case(text))}


def _vaguer_than(new: list[Fact], old: list[Fact]) -> bool:
    """Every dated fact of the report is a vaguer form of one the past story established
    ("in 2018" after "March 8, 2018" was sent)."""
    dated = [f for f in new if f.kind in VALUED_KINDS]
    if not dated or len(dated) != len([f for f in new if f.kind not in PERSON_KINDS]):
        return False
    return all(any(o.key == f.key and o.value != f.value and date_within(o.value, f.value) for o in old) for f in dated)
