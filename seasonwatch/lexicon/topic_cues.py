"""Words that tell which part of a "what we know" article a piece of news adds to: in a report
(its headline and summary) and in the editor's own section titles."""

from __future__ import annotations

from seasonwatch.lexicon.forms import stems
from seasonwatch.lexicon.trades import TV_STEMS
from seasonwatch.models import Topic

# a report's words, by topic (the headline's count twice)
REPORT_CUES: dict[Topic, tuple[str, ...]] = {
    Topic.RENEWAL: tuple(
        "renewed renewal renew cancelled canceled cancel axed greenlit greenlight return returning another final "
        "ending ends".split()
    ),
    Topic.RELEASE_DATE: tuple(
        "premiere premieres premiered release date dates debut arrives arriving launch airs schedule when".split()
    ),
    Topic.CAST: tuple(
        "cast casting joins joined role actor actress star stars plays play playing character regular recurring "
        "newcomer exits".split()
    ),
    Topic.STORY: tuple(
        "trailer teaser plot story synopsis filming production photos first-look look footage clip showrunner "
        "writers episode villain".split()
    ),
}
REPORT_CUE_STEMS: dict[Topic, frozenset[str]] = {topic: stems(cues) for topic, cues in REPORT_CUES.items()}

# Words of a section title, by topic: strong cues first ("Returning cast" is about the cast, though
# "return" also hints at a renewal), then weaker ones. Matched as word beginnings (patterns: a
# "star" is no "start").
SECTION_STRONG_CUES: tuple[tuple[Topic, tuple[str, ...]], ...] = (
    (Topic.CAST, ("cast", "character", "actor", "actress", r"star(?:s|ring)?\b")),
    (Topic.RELEASE_DATE, ("release", "premiere", "date", "schedule", "launch", "debut", "air")),
    (Topic.RENEWAL, ("renew", "cancel", "greenlit", "greenlight")),
    (Topic.STORY, ("plot", "story", "trailer", "teaser", "synopsis", "spoiler", "production", "filming")),
)
SECTION_WEAK_CUES: tuple[tuple[Topic, tuple[str, ...]], ...] = (
    (Topic.RENEWAL, ("future", "another season", "coming back", "return", "next season", "status")),
    (Topic.RELEASE_DATE, ("when", "come out", "where to watch", "episodes", "streaming", "watch")),
    (Topic.CAST, ("who", "newcomer", "returning")),
    (Topic.STORY, ("what", "about", "happen", "news", "details", "expect", "theor", "behind", "first look", "photos")),
)

# words every report about any show shares: they say nothing about whether it restates an article
GENERIC_STEMS: frozenset[str] = TV_STEMS | stems("new will say says said also first one two three season series".split())
