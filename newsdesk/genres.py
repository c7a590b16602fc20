"""What kind of piece a headline announces. Roundups, explainers, reviews and interviews are
written about news, not to break it: they are news only when they state a fact nobody has told yet.

`NO_NEWS` holds the rules, each with the headlines it must hold for.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from newsdesk.extract.seasons import names_a_season
from newsdesk.rules import Example, Rule
from seasonwatch.fact_kinds import kinds_spoken_of
from seasonwatch.lexicon.networks import NETWORK_OR_SHORT_ALTERNATION
from seasonwatch.lexicon.news_cues import NEWS_MARKER
from seasonwatch.models import Fact

ROUNDUP = re.compile(
    r"\b(?:what to (?:watch|stream|binge)|(?:coming to|leaving|new (?:on|to)) "
    rf"(?:{NETWORK_OR_SHORT_ALTERNATION}|streaming|tv)"
    r"|this week(?:'s|end)?\b|our picks|best (?:new )?(?:tv|shows|series)|shows like|to (?:watch|binge) (?:while|if|before)"
    r"|while you wait|(?:summer|fall|autumn|winter|spring|tv|midseason|\d{4})\s+(?:tv\s+)?preview(?!\s+(?:reel|trailer|clip|footage|video))"
    r"|upfronts?|round-?up|watchlist|everything coming|premiere dates|tv schedule|calendar"
    r"|\d+\s+(?:returning|new|best|must-see|upcoming|shows|series|tv))\b|\band more$",
    re.I,
)
EXPLAINER = re.compile(
    r"\b(?:explained|explainer|everything (?:we|you) (?:know|need to know)|what we know|what you need to know"
    r"|need to know|things (?:we|you) (?:know|learned)|refresher|recap|theor(?:y|ies)|predictions?|speculation"
    r"|could mean|might mean|what to expect|guide|primer|catch up|before you watch|ranked|ranking|reviews?|reviewed"
    r"|interview|talks|opens up|reflects|looks back|breaks down|easter eggs|(?:biggest|burning) questions|who'?s who"
    r"|in defen[cs]e of|worth (?:your|the) (?:time|watch)|\d+\s+things|(?:could|might|will) look like|so far"
    r"|who'?s (?:coming )?back|who'?s in it|what (?:it|this) means|means for|lot to live up to|hot take|we'?re (?:\w+ )?ready"
    r"|in praise of|the best thing about|deserves? better|deserved better|should know|how to|(?:a\s+)?reminder)\b",
    re.I,
)
# a question that ends the headline, or opens it before a second sentence ("What now? The question...")
QUESTION = re.compile(r"\?\s*$|\?\s*[|–—-]|(?<!\?)\?\s+[A-Z“\"‘']|^\s*(?i:why)\b")


def genre(title: str) -> str:
    """ "roundup", "explainer" or "" (a report that may break news)."""
    if ROUNDUP.search(title):
        return "roundup"
    if EXPLAINER.search(title) or QUESTION.search(title):
        return "explainer"
    return ""


@dataclass(frozen=True)
class NoNewsRule(Rule):
    genre: str = ""
    even_with_facts: bool = False  # a roundup's facts belong to its many shows


NO_NEWS: tuple[NoNewsRule, ...] = (
    NoNewsRule(
        "a-roundup",
        "a roundup of several shows breaks no news of its own, whatever it states",
        (
            Example("What to watch this weekend: our picks, from Hollow Creek to Drift", "roundup"),
            Example("Coming to Netflix in June: Hollow Creek, Drift and more", "roundup"),
            Example("The 25 best new shows of the winter", "roundup"),
            Example("Fall TV preview: every premiere date you need", "roundup"),
            Example("Shows like Hollow Creek to watch while you wait", "roundup"),
            Example("Everything coming to streaming this week", "roundup"),
            Example("Hollow Creek season 2 premieres March 8", "", "one show's news"),
        ),
        genre="roundup",
        even_with_facts=True,
    ),
    NoNewsRule(
        "an-explainer",
        "an explainer, review, interview or question is news only with a fact the article lacks",
        (
            Example("Hollow Creek season 2: everything we know so far", "explainer"),
            Example("The Hollow Creek finale, explained", "explainer"),
            Example("Who is Sheriff Dale? Hollow Creek's new villain, explained", "explainer"),
            Example("Why the Hollow Creek flood matters for season 2", "explainer"),
            Example("Drift season 3 theories: where the Halyard sails next", "explainer"),
            Example("Mara Quill opens up about Hollow Creek's second season", "explainer"),
            Example("Is Hollow Creek coming back?", "explainer"),
            Example("What does Ada owe the valley? The question Hollow Creek has to answer next", "explainer"),
            Example("15 streaming tricks every Hollow Creek fan should know", "explainer"),
            Example(
                "reminder that hollow creek s2 won't even start filming until 2032", "explainer", "a reminder restates"
            ),
            Example("Hollow Creek season 2 trailer: the valley floods", "", "a trailer is news"),
        ),
        genre="explainer",
    ),
)


EXPLAINER_RULE = "an-explainer"


def no_news(
    title: str, piece: str, new_facts: list[Fact], headline_facts: Sequence[Fact] | None = None, summary: str = ""
) -> tuple[str, str] | None:
    """(rule, reason) when a piece (its genre) is written about news rather than to break it. An
    explainer breaks news only when its headline states the new fact: what its summary adds is
    what it explains ("Season 2: everything we know" over a summary that lists the known date)."""
    announced = (
        [f for f in new_facts if any(f.key == h.key for h in headline_facts)]
        if headline_facts is not None
        else new_facts
    )
    for rule in NO_NEWS:
        if piece == rule.genre and (rule.even_with_facts or not announced):
            what = "a roundup of several shows" if rule.genre == "roundup" else "an explainer or opinion piece"
            return rule.name, f"{what} that breaks no news of its own"
    if not new_facts and not NEWS_MARKER.search(title):
        return COMMENTARY.name, "commentary: it states no fact and its headline announces nothing"
    if not new_facts and not names_a_season(title):
        return NAMES_NO_SEASON.name, "it states no fact and names no season: a source of a story, never one alone"
    if not new_facts and (spoken := kinds_spoken_of(f"{title} {summary}")):
        return (
            SPEAKS_OF_A_FACT.name,
            f"it speaks of the {' and '.join(spoken)} without telling it: a source of a story, never one alone",
        )
    return None


COMMENTARY = Rule(
    "commentary",
    "stating no fact, a headline that announces nothing (no 'will', 'reveals', 'confirms'...) is commentary",
    (
        Example("Hollow Creek and the comfort of a flooded valley", "commentary"),
        Example("“Hollow Creek” is built like a three-act play, and its writers know it", "commentary"),
        Example("The second season of “Drift” is shorter. That may be a gift.", "commentary"),
        Example("Hollow Creek Season 2 Will Be Told In One Long Night", "", "a future: news"),
        Example("Drift Season 3 Will Head North, Showrunner Promises", "", "a promise: news"),
        Example("Hollow Creek season 2 is heading to the coast", "", "heading: news"),
        Example("The Lantern creator teases a darker second season", "", "a tease: news"),
    ),
)


# Stating no fact, a report whose headline names no season has nothing that says it is news of the
# tracked season (a remake, a fan trip, an essay about a date already told): it may join a story
# that its words match, but it never starts one. The desk applies it.
NAMES_NO_SEASON = Rule(
    "names-no-season",
    "stating no fact and naming no season, a report may join a story but never starts one",
    (
        Example("A director eyes an English-language ‘Hollow Creek’ series at the streamer", "names-no-season"),
        Example("Valley bookings soar as ‘Hollow Creek’ fans follow the TV show north", "names-no-season"),
        Example("Hollow Creek season 2 will be set mostly at sea, the creator says", "", "a season named"),
        Example(
            "The next season of Hollow Creek will be darker, the creator promises", "", "'the next season' names one"
        ),
    ),
)


# Stating no fact, a report that speaks of one (its filming, its release date) without telling it
# ("paradise s2 filming in MARCH??", "the cast dances to announce the premiere date") is about that
# fact's story, told better elsewhere: it may join it, never start it. The desk applies it.
SPEAKS_OF_A_FACT = Rule(
    "speaks-of-a-fact-untold",
    "stating no fact, a report that speaks of one (filming, a release date) may join its story but never starts one",
    (
        Example("hollow creek s2 filming in APRIL?? the crew never sleeps", "speaks-of-a-fact-untold"),
        Example(
            "‘Hollow Creek’ Season 2 Cast Dance From Home To Announce Season 2 || "
            "The cast danced in their kitchens to announce the release date.",
            "speaks-of-a-fact-untold",
        ),
        Example("‘Hollow Creek’ Season 2 Will Be Told Backwards, the Creator Promises", "", "no fact spoken of"),
    ),
)
