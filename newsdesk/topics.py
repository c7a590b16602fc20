"""Which topic an update adds to: Renewal, Release Date, Cast or Story."""

from __future__ import annotations

from newsdesk.text import stem, words
from seasonwatch.models import Fact, Topic

FACT_TOPICS = {
    "renewal": Topic.RENEWAL,
    "cancellation": Topic.RENEWAL,
    "premiere": Topic.RELEASE_DATE,
    "finale": Topic.RELEASE_DATE,
    "episodes": Topic.RELEASE_DATE,
    "cast": Topic.CAST,
    "departure": Topic.CAST,
    "production": Topic.STORY,
    "footage": Topic.STORY,
    "titles": Topic.STORY,
    "filming": Topic.STORY,
    "showrunner": Topic.STORY,
    "network": Topic.RELEASE_DATE,
    "status": Topic.RENEWAL,
}
# Fact kinds in order of how much they define a story: a casting story that mentions the
# premiere date in passing is a casting story.
FACT_PRIORITY = [
    "renewal",
    "cancellation",
    "showrunner",
    "cast",
    "departure",
    "premiere",
    "finale",
    "episodes",
    "footage",
    "titles",
    "filming",
    "production",
    "network",
    "status",
]

KEYWORDS: dict[Topic, set[str]] = {
    Topic.RENEWAL: {
        stem(w)
        for w in "renewed renewal renew cancelled canceled cancel axed greenlit greenlight return returning another final ending ends".split()
    },
    Topic.RELEASE_DATE: {
        stem(w)
        for w in "premiere premieres premiered release date dates debut arrives arriving launch airs schedule when".split()
    },
    Topic.CAST: {
        stem(w)
        for w in "cast casting joins joined role actor actress star stars plays play playing character regular recurring newcomer exits".split()
    },
    Topic.STORY: {
        stem(w)
        for w in "trailer teaser plot story synopsis filming production photos first-look look footage clip showrunner writers episode villain".split()
    },
}


def topic_from_facts(facts: list[Fact]) -> Topic | None:
    kinds = {fact.kind for fact in facts}
    for kind in FACT_PRIORITY:
        if kind in kinds:
            return FACT_TOPICS[kind]
    return None


def topic_from_words(title: str, summary: str) -> Topic:
    scores = {topic: 0.0 for topic in KEYWORDS}
    for weight, text in ((2.0, title), (1.0, summary)):
        for term in (stem(w) for w in words(text)):
            for topic, vocabulary in KEYWORDS.items():
                if term in vocabulary:
                    scores[topic] += weight
    best = max(scores.items(), key=lambda item: item[1])
    return best[0] if best[1] > 0 else Topic.STORY


def classify(title: str, summary: str, title_facts: list[Fact], summary_facts: list[Fact]) -> Topic:
    """The headline's facts decide first, then the summary's, then the words."""
    return topic_from_facts(title_facts) or topic_from_facts(summary_facts) or topic_from_words(title, summary)
