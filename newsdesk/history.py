"""Stories emitted before, indexed so a new report is compared with a few, not all of them.

A report finds its past story by its own identity (the same item re-fetched, the same link
re-posted with tracking parameters), by a fact the story established, or by words: candidates come
from an inverted index over each story's facts and its most telling terms.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from newsdesk.clustering import PERSON_KINDS, VALUED_KINDS, same_story
from newsdesk.dates import date_within
from newsdesk.similarity import Vector, Vectorizer, terms
from seasonwatch.models import Fact, History, Story

INDEX_TERMS = 12  # a story is found through its dozen most telling terms
COMMON_TERM = 40  # a term shared by more past stories of a show says nothing about which one


@dataclass
class PastStory:
    story: Story
    vector: Vector


@dataclass(frozen=True)
class HistoryMatch:
    story: Story
    how: str  # "item", "link", "fact", "words", "vaguer"


def story_terms(story: Story, drop: frozenset[str]) -> list[str]:
    titles = " ".join(s.title for s in story.sources[:3])
    return terms(f"{story.headline}. {story.summary} {titles}", drop)


class HistoryIndex:
    def __init__(self, history: History, vectorizer: Vectorizer, drops: dict[str, frozenset[str]]) -> None:
        self.history = history
        self.by_id: dict[str, PastStory] = {}
        self._by_fact: dict[tuple[str, str, int | None, str], list[PastStory]] = defaultdict(list)
        self._by_term: dict[tuple[str, str], list[PastStory]] = defaultdict(list)
        for story in history.stories:
            past = PastStory(story, vectorizer.vector(story_terms(story, drops.get(story.show, frozenset()))))
            self.by_id[story.id] = past
            for fact in story.facts:
                self._by_fact[(story.show, fact.kind, fact.season, fact.subject.casefold())].append(past)
            for term in sorted(past.vector, key=past.vector.__getitem__, reverse=True)[:INDEX_TERMS]:
                self._by_term[(story.show, term)].append(past)

    def by_identity(self, update_keys: list[str], canonical_urls: list[str]) -> HistoryMatch | None:
        for key in update_keys:
            if key in self.history.update_story and self.history.update_story[key] in self.by_id:
                return HistoryMatch(self.by_id[self.history.update_story[key]].story, "item")
        for url in canonical_urls:
            if url and url in self.history.url_story and self.history.url_story[url] in self.by_id:
                return HistoryMatch(self.by_id[self.history.url_story[url]].story, "link")
        return None

    def find(self, show: str, facts: list[Fact], vector: Vector) -> HistoryMatch | None:
        candidates: dict[str, PastStory] = {}
        for fact in facts:
            for past in self._by_fact.get((show, fact.kind, fact.season, fact.subject.casefold()), []):
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
            if same and score > best[0]:
                best = (score, HistoryMatch(past.story, "fact" if score >= 1.0 else "words"))
        return best[1]


def _vaguer_than(new: list[Fact], old: list[Fact]) -> bool:
    """Every dated fact of the report is a vaguer form of one the past story established
    ("in 2018" after "March 8, 2018" was sent)."""
    dated = [f for f in new if f.kind in VALUED_KINDS]
    if not dated or len(dated) != len([f for f in new if f.kind not in PERSON_KINDS]):
        return False
    return all(any(o.key == f.key and o.value != f.value and date_within(o.value, f.value) for o in old) for f in dated)
