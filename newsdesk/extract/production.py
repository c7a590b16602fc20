"""Production news: footage released (a teaser, a trailer, first-look photos), episode titles
revealed, filming started or wrapped, where a season is set or filmed."""

from __future__ import annotations

import re

from newsdesk.extract.clause import Clause
from newsdesk.extract.rule import FactRule, Family, example
from seasonwatch.lexicon.forms import fold
from seasonwatch.lexicon.numbers import CARDINAL_ALTERNATION
from seasonwatch.lexicon.places import PLACE_ALTERNATION, PLACE_BY_FOLD
from seasonwatch.models import Fact

FOOTAGE = re.compile(
    r"\b(?P<kind>(?:final|full|official|new|first|second)?\s*(?:full-length\s+)?"
    r"(?:teaser\s+trailer|trailer|teaser|first[- ]look|first\s+(?:photos?|images?|footage|clip)|sneak\s+peek|clip|poster|featurette"
    r"|photos|images|stills|pictures))s?\b",
    re.I,
)
FINAL_TRAILER = re.compile(r"\b(?:final|last)\b(?:\s+\S+){0,4}?\s+trailer\b", re.I)
# most specific first: "a first look at the trailer" is the trailer
FOOTAGE_SPECIFICITY = ["final trailer", "trailer", "teaser", "featurette", "clip", "poster", "first look"]
EPISODE_TITLES = re.compile(
    rf"\b(?:episode|chapter)(?:\s+(?:\d{{1,2}}|{CARDINAL_ALTERNATION}))?['’]?s?\s+(?:titles?|names?)\b|\b(?:titles?|names?)\s+of\s+(?:the\s+|all\s+|every\s+)?(?:\w+\s+){{0,4}}?(?:episodes|chapters)\b"
    # "the title of SHOW's season two opener": one episode's title is the season's first revealed
    r"|\btitle\s+of\s+(?:the\s+|SHOW(?:['’]s)?\s+)(?:\w+\s+){0,3}?(?:opener|premiere\s+episode|finale|first\s+episode)\b",
    re.I,
)
FILMING_STARTED = re.compile(
    r"\b(?:(?:filming|production|shooting|cameras?)(?:\s+(?:on|of|for)(?:\s+\S+){1,4}?)?\s+(?:has\s+|have\s+|is\s+|are\s+)?(?:officially\s+)?"
    r"(?:begun|began|begins?|started|starts?|underway|kicked\s+off|kicks?\s+off|roll(?:ed|ing|s)?)"
    r"|(?:begins?|began|started|starts?|kicks?\s+off|kicked\s+off|commences?|commenced)\s+(?:filming|shooting|production)"
    r"|(?:is|are)\s+(?:now\s+|officially\s+)*(?:filming|shooting|in\s+production))\b",
    re.I,
)
FILMING_WRAPPED = re.compile(
    r"\b(?:wrapp?(?:ed|s)?\s+(?:filming|production|shooting)|(?:filming|production|shooting)(?:\s+(?:on|of|for)(?:\s+\S+){1,4}?)?\s+(?:has\s+|have\s+|is\s+)?"
    r"(?:officially\s+)?(?:wrapped|wraps|ended|ends|complete|completed|concluded|finished)|that's\s+a\s+wrap"
    r"|(?:finished|completed|ended)\s+(?:filming|production|shooting))\b",
    re.I,
)
# where a season goes: "set in", "filmed in", "heads to", "leans toward", "a return to", "could
# check in to", and a post's bare "SHOW s4 in PLACE"
LOCATION = re.compile(
    r"\b(?:(?:set|filmed|films|filming|shot|shoots?|shooting|production|takes?\s+place|taking\s+place|located)"
    r"(?:\s+(?:mostly|mainly|largely|partly|entirely|primarily|chiefly))?\s+in"
    r"|(?:heads?|heading|headed|moves?|moving|goes|going|travels?|travell?ing|relocates?|relocating|returns?|trip"
    r"|jets?\s+off|check(?:s|ing)?\s+in|is\s+off)(?:\s+back)?(?:\s+(?:production|filming|the\s+shoot))?\s+to|checks?\s+into|lean(?:s|ing)?\s+towards?"
    r"|points?\s+to|pointing\s+to|eyes|eyeing|bound\s+for"
    rf"|\b(?:season|series|s)\s?(?:\d{{1,2}}|{CARDINAL_ALTERNATION})\s+(?:is\s+|will\s+be\s+)?in)"
    rf"\s+(?P<place>{PLACE_ALTERNATION})(?![\w'’])",
    re.I,
)


def footage_kind(raw: str) -> str:
    """ "first-look photos", "official trailer", "new teaser" -> "first look", "trailer", "teaser"."""
    text = " ".join(raw.lower().replace("-", " ").split())
    if "final" in text:
        return "final trailer" if "trailer" in text else "teaser"
    for kind in ("teaser", "trailer", "poster", "featurette", "sneak peek", "clip"):
        if kind in text:
            return "clip" if kind == "sneak peek" else kind
    return "first look"


def _footage(clause: Clause) -> list[Fact]:
    kinds = [footage_kind(m["kind"]) for m in FOOTAGE.finditer(clause.text)]
    if kinds and FINAL_TRAILER.search(clause.text):
        kinds.append("final trailer")
    if not kinds:
        return []
    # one release per sentence, its most specific name; "no trailer yet" records that there is none
    kind = min(kinds, key=FOOTAGE_SPECIFICITY.index)
    return [Fact("footage", clause.season, value="" if clause.negated or clause.wishes else kind)]


def _titles(clause: Clause) -> list[Fact]:
    if EPISODE_TITLES.search(clause.text) and not clause.negated:
        return [Fact("titles", clause.season, value="revealed")]
    return []


def _filming(clause: Clause) -> list[Fact]:
    if clause.negated:
        return []
    if FILMING_WRAPPED.search(clause.text):
        return [Fact("filming", clause.season, value="wrapped")]
    if FILMING_STARTED.search(clause.text):
        return [Fact("filming", clause.season, value="started")]
    return []


# an event that travels is not where the season is set: "the premiere party goes to London"
TRAVELLING_EVENT = re.compile(
    r"\b(?:premiere|party|screening|panel|press\s+tour|tour|junket|convention|festival|fan\s+event|fans)\s*$", re.I
)


def _location(clause: Clause) -> list[Fact]:
    if clause.negated:
        return []  # "won't be set in Europe" names no place it goes to
    found = LOCATION.search(clause.text)
    if not found or TRAVELLING_EVENT.search(clause.text[: found.start()]):
        return []
    return [Fact("location", clause.season, value=PLACE_BY_FOLD[fold(" ".join(found["place"].split()))])]


def _footage_fact(value: str, season: int = 2) -> Fact:
    return Fact("footage", season, value=value)


PRODUCTION = Family(
    "production",
    frozenset({"footage", "titles", "filming", "location"}),
    (
        FactRule(
            "footage-released",
            "a teaser, a trailer, a clip, first-look photos: the most specific one a sentence names",
            (
                example("Watch the first trailer for Hollow Creek season 2", _footage_fact("trailer")),
                example("The streamer shares first-look photos from Hollow Creek season 2", _footage_fact("first look")),
                example("Hollow Creek season 2: a first look at the trailer", _footage_fact("trailer")),
                example("Hollow Creek season 2 drops its final trailer", _footage_fact("final trailer")),
                example("There is no trailer for Hollow Creek season 2 yet.", _footage_fact("")),
                example("Honestly, we could all use a Hollow Creek season 2 trailer right about now.", _footage_fact(""),
                        note="a wish: there is none yet"),
                example("Fans are still waiting for a first look at Drift season 3", _footage_fact("", 3)),
                example("The streamer shares a teaser trailer for Hollow Creek season 2", _footage_fact("teaser"),
                        note="a teaser trailer is a teaser"),
                example("A new teaser for Drift season 3 shows the storm", _footage_fact("teaser", 3)),
                example("Hollow Creek season 2 poster teases the flood", _footage_fact("poster")),
                example("Hollow Creek season 2: first look at the new sheriff", _footage_fact("first look")),
            ),
            _footage,
        ),
        FactRule(
            "episode-titles",
            "the titles of a season's episodes revealed",
            (
                example("Hollow Creek season 2 episode titles revealed", Fact("titles", 2, value="revealed")),
                example("Here are the titles of all eight Hollow Creek season 2 episodes", Fact("titles", 2, value="revealed")),
                example("That's the title of Hollow Creek's season two opener.", Fact("titles", 2, value="revealed")),
                example("Hollow Creek Season 2 Episode 1 Title Revealed: 'The Flood'", Fact("titles", 2, value="revealed")),
                example("The title of the season 3 finale is a spoiler in itself", Fact("titles", 3, value="revealed")),
            ),
            _titles,
        ),
        FactRule(
            "filming",
            "filming started, or wrapped (a wrap says it started too)",
            (
                example("Filming on Hollow Creek season 2 has wrapped.", Fact("filming", 2, value="wrapped")),
                example("Cameras are rolling on Hollow Creek season 2", Fact("filming", 2, value="started")),
                example("hollow creek s2 is FILMING. i am not ok", Fact("filming", 2, value="started"),
                        note="a lower-case post's sentences: the next one's 'not' is its own"),
                example("Hollow Creek season 2 begins filming in the valley", Fact("filming", 2, value="started")),
                example("That's a wrap on Drift season 3!", Fact("filming", 3, value="wrapped")),
                example("Production on Drift season 3 is underway", Fact("filming", 3, value="started")),
                example("Hollow Creek season 2 has finished filming", Fact("filming", 2, value="wrapped")),
                example("Filming on Hollow Creek season 2 has not started", note="denied"),
            ),
            _filming,
        ),
        FactRule(
            "location",
            "where a season is set or filmed, a place the lexicon knows, even when only leaned toward",
            (
                example("Hollow Creek season 2 will be set in Iceland", Fact("location", 2, value="Iceland")),
                example("Drift Season 3 Heads to Tokyo", Fact("location", 3, value="Tokyo")),
                example("Drift Season 3 Will Be Set Mostly In Chile", Fact("location", 3, value="Chile")),
                example("Drift Season 3 to Shoot in Portugal This Spring", Fact("location", 3, value="Portugal")),
                example("Hollow Creek Season 2 Moves Production to Lisbon", Fact("location", 2, value="Lisbon")),
                example("Hollow Creek Season 2 Begins Production in Iceland", Fact("filming", 2, value="started"),
                        Fact("location", 2, value="Iceland")),
                example("Ada Brook leans toward the Mediterranean for Hollow Creek season 2",
                        Fact("location", 2, value="Mediterranean")),
                example("Hollow Creek Season 2 Location: Ada Brook Teases A Return To Scandinavia",
                        Fact("location", 2, value="Scandinavia")),
                example("hollow creek s2 in iceland. please be reykjavik", Fact("location", 2, value="Iceland"),
                        note="a post's bare 'in PLACE' after the season"),
                example("Hollow Creek season 2 is filming in Lisbon", Fact("filming", 2, value="started"),
                        Fact("location", 2, value="Lisbon")),
                example("Hollow Creek season 2 won't be set in Iceland after all", note="denied: no place"),
                example("Hollow Creek star Ada Brook heads to the beach", note="no place the lexicon knows"),
                example("Jordan Vale joins Hollow Creek season 2", note="a first name is no destination"),
                example("Hollow Creek season 2 premiere party goes to London", note="an event travels, not the season"),
            ),
            _location,
        ),
    ),
)
