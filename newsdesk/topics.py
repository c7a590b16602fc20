"""Which topic an update adds to: Renewal, Release Date, Cast or Story."""

from __future__ import annotations

from seasonwatch.fact_kinds import FACT_KINDS, PRIORITY
from seasonwatch.lexicon.forms import stem, words
from seasonwatch.lexicon.topic_cues import REPORT_CUE_STEMS
from seasonwatch.models import Fact, Topic


def topic_from_facts(facts: list[Fact]) -> Topic | None:
    kinds = {fact.kind for fact in facts}
    for kind in PRIORITY:
        if kind in kinds:
            return FACT_KINDS[kind].topic
    return None


def topic_from_words(title: str, summary: str) -> Topic:
    return topic_of_words(title, summary) or Topic.STORY


def topic_of_words(title: str, summary: str = "") -> Topic | None:
    """The topic whose cue words the text uses most (the headline's count twice); None for none."""
    scores = {topic: 0.0 for topic in REPORT_CUE_STEMS}
    for weight, text in ((2.0, title), (1.0, summary)):
        for term in (stem(w) for w in words(text)):
            for topic, cues in REPORT_CUE_STEMS.items():
                if term in cues:
                    scores[topic] += weight
    best = max(scores.items(), key=lambda item: item[1])
    return best[0] if best[1] > 0 else None


def classify(title: str, summary: str, title_facts: list[Fact], summary_facts: list[Fact]) -> Topic:
    """The headline's facts decide first, then the summary's, then the words."""
    return topic_from_facts(title_facts) or topic_from_facts(summary_facts) or topic_from_words(title, summary)
