"""Facts stated in news text: premiere dates, renewals, cancellations, castings, departures.

Facts are normalized (dates by `newsdesk.dates`, seasons as numbers, people as written) so that
two outlets' facts compare equal and an article's facts can be compared with a report's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from newsdesk.dates import DateMention, find_dates
from newsdesk.text import fold, sentences
from seasonwatch.models import Fact

NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "eighteen": 18,
    "twenty": 20,
    "twenty-two": 22,
}
ORDINAL_WORDS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "final": 0,
}
_NUM = r"\d{1,2}|" + "|".join(NUMBER_WORDS)
_ORD = r"\d{1,2}(?:st|nd|rd|th)|" + "|".join(ORDINAL_WORDS)
SEASON_MENTION = re.compile(
    rf"\bseason\s+(?P<n>{_NUM})\b|\b(?P<o>{_ORD})\s+(?:and\s+(?:final|last)\s+)?season\b|\bS(?P<s>\d{{1,2}})\b(?!\s*E)",
    re.I,
)
RENEWAL_CUE = re.compile(
    r"\b(renew\w*|greenlit|green-?light\w*|picks? up|picked up|order(?:s|ed)? (?:a|another)|"
    r"will return for|(?:is|are) returning for|coming back for|gets? (?:a|another)|"
    r"is happening|officially happening|confirmed for (?:a|another))\b",
    re.I,
)
CANCEL_CUE = re.compile(
    r"\b(cancel+(?:ed|s|ation)?|axe[ds]?|pulls? the plug|not (?:be )?(?:return|renew)\w*|won't (?:return|be back)|"
    r"final season|last season|comes? to an end|(?:will )?end(?:s|ing)? with)\b",
    re.I,
)
PREMIERE_CUE = re.compile(
    r"\b(premier\w*|releas\w*|return\w*|debut\w*|arriv\w*|launch\w*|drops?|dropping|hits?|lands?|bows?|"
    r"air(?:s|ing|date)?|stream\w*|coming|comes|out on|(?:release|premiere|air) date|set for|slated|bowing|due)\b",
    re.I,
)
ORDER_CUE = re.compile(r"\b(renew\w*|order\w*|greenlit|green-?light\w*|pick\w* up|announc\w*)\b", re.I)
FINALE_CUE = re.compile(
    r"\b(finale|final episode|wrap(?:s|ped)? up (?:its|the) (?:run|season)|ends? on|concludes?)\b", re.I
)
PRODUCTION_CUE = re.compile(r"\b(film\w*|shoot\w*|production|wrapp?\w*|cameras? roll\w*|table read)\b", re.I)
EPISODE_ORDER = re.compile(
    rf"\b(?:will\s+have|has|have|had|consists?\s+of|ordered|orders?|total\s+of|run\s+of|comprising|spans?)\s+(?:a\s+|an\s+)?(?P<n>{_NUM})[ -]episodes?\b"
    rf"|\b(?P<m>{_NUM})-episode\s+(?:\w+\s+)?(?:season|order|run|series|slate)\b",
    re.I,
)
NEGATION = re.compile(
    r"\b(no|not|yet to|has not|have not|hasn't|haven't|isn't|without|unannounced|tba|tbd|unknown|undated|"
    r"no word|remains? unclear|unclear|unconfirmed)\b",
    re.I,
)

# Title-case headlines capitalize every word: these never belong to a person's name.
_FUNCTION_WORDS = (
    "For|As|In|To|On|At|Of|And|Or|The|A|An|With|From|By|Is|Are|Was|Will|Has|Have|Joins?|Joined|Cast|"
    "Casts|Taps?|Tapped|Adds?|Added|Lands?|Boards?|Exits?|Leaves|Returns?|Plays?|Set|Season|Series|"
    "Netflix|Hulu|HBO|Amazon|Apple|Disney|Peacock|Paramount|Showtime|Starz|AMC|FX|NBC|CBS|ABC|Fox|CW|BBC"
)
_NAME_TOKEN = rf"(?!(?:{_FUNCTION_WORDS})\b)(?:[A-Z][a-zA-Z'’\-]+|[A-Z]\.(?:\s?[A-Z]\.)*|(?:Mc|Mac|O')[A-Z][a-z]+)"
_NAME = rf"(?P<name>{_NAME_TOKEN}(?:\s+(?:(?:de|van|von|da|del|la|le|di|du|der)\s+)?{_NAME_TOKEN}){{1,3}})"
_ROLE = r"(?P<role>(?:the\s+|a\s+|an\s+)?[^,.;:!?()\"“”]{2,60}?)(?=\s*(?:[,.;:!?()\"“”]|$|\s+(?:in|on|for|opposite|alongside|when|who|after|and will|ahead)\b))"
# Names are matched case-sensitively (a person's name is capitalized); verbs in any case, since
# headlines are often in Title Case.
CAST_PATTERNS = [
    re.compile(
        rf"{_NAME}\s+(?i:has\s+been\s+|is\s+|was\s+|will\s+be\s+)?(?i:cast|tapped|set|hired|signed)\s+(?i:as|to\s+play)\s+{_ROLE}"
    ),
    re.compile(
        rf"{_NAME}\s+(?i:to\s+|will\s+|is\s+set\s+to\s+)?(?i:play|plays|portray|portrays|star\s+as|stars\s+as|voice|voices)\s+{_ROLE}"
    ),
    re.compile(
        rf"{_NAME}\s+(?i:has\s+|have\s+)?(?i:joins?|joined|joining|boards?|boarded|signs?\s+on\s+to|signed\s+on\s+to|is\s+joining|set\s+to\s+join|to\s+join)\b(?:[^.;]*?\b(?i:as)\s+{_ROLE})?"
    ),
    re.compile(
        rf"\b(?i:casts?|adds?|added|taps?|tapped|enlists?|enlisted|recruits?|recruited|lands?|landed|books?|booked)\s+{_NAME}(?:[^.;]*?\b(?i:as)\s+{_ROLE})?"
    ),
    re.compile(
        rf"{_NAME}\s+(?i:is\s+|will\s+be\s+|will\s+)?(?i:returning|returns|return|coming\s+back|back|reprising\s+(?:her|his|their)\s+role)\s+(?i:as)\s+{_ROLE}"
    ),
    re.compile(
        rf"{_NAME}\s+(?i:has\s+been\s+|is\s+|was\s+)?(?i:promoted|upped|bumped\s+up)\s+(?i:to\s+series\s+regular)"
    ),
]
DEPARTURE_PATTERNS = [
    re.compile(
        rf"{_NAME}\s+(?i:is\s+|has\s+)?(?i:exits?|exited|exiting|leaves|leaving|left|departs?|departed|departing|quits?|quitting|won't\s+return|will\s+not\s+return|not\s+returning)\b"
    ),
    re.compile(rf"\b(?i:exit|departure)\s+(?i:of)\s+{_NAME}"),
]
# Capitalized words that begin a name match but are not part of a person's name.
NOT_NAME_WORDS = {
    "star",
    "stars",
    "alum",
    "alumna",
    "alumnus",
    "nominee",
    "winner",
    "actor",
    "actress",
    "veteran",
    "newcomer",
    "breakout",
    "exclusive",
    "oscar",
    "emmy",
    "tony",
    "golden",
    "globe",
    "season",
    "series",
    "netflix",
    "hbo",
    "hulu",
    "amazon",
    "apple",
    "disney",
    "marvel",
    "marvel's",
    "the",
    "and",
    "with",
    "report",
    "update",
    "updated",
    "watch",
    "first",
    "new",
    "original",
    "former",
    "legend",
    "singer",
    "rapper",
    "comedian",
    "director",
    "producer",
    "writer",
    "showrunner",
    "creator",
    "also",
    "plus",
    "cast",
    "episode",
    "premiere",
    "trailer",
    "teaser",
    "photos",
    "photo",
    "video",
    "breaking",
    "news",
}
MONTH_WORDS = {
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
}


@dataclass(frozen=True)
class FactContext:
    """What the extractor must know about the show the text is about."""

    show_names: tuple[str, ...]
    season: int  # the season the article is about: the default for dates and castings


def season_numbers(text: str) -> list[int]:
    numbers = []
    for match in SEASON_MENTION.finditer(text):
        raw = (match["n"] or match["o"] or match["s"] or "").lower()
        number = _number(raw)
        if number:
            numbers.append(number)
    return numbers


def _number(raw: str) -> int | None:
    raw = raw.lower()
    if raw.isdigit():
        return int(raw)
    if raw in NUMBER_WORDS:
        return NUMBER_WORDS[raw]
    digits = re.match(r"\d+", raw)
    if digits:
        return int(digits.group())
    return ORDINAL_WORDS.get(raw) or None


def extract_facts(text: str, context: FactContext, reference: datetime | None = None) -> list[Fact]:
    """Facts stated in `text` (a headline, a summary, an article), in order, without repeats."""
    facts: list[Fact] = []
    for sentence in sentences(text):
        for fact in sentence_facts(sentence, context, reference):
            if not any(fact.same_claim(known) for known in facts):
                facts.append(fact)
    return facts


def sentence_facts(sentence: str, context: FactContext, reference: datetime | None) -> list[Fact]:
    cleaned = _without_show_numbers(sentence, context)
    seasons = season_numbers(cleaned)
    season = seasons[0] if seasons else context.season
    facts: list[Fact] = []
    negated = bool(NEGATION.search(cleaned))

    renewal = RENEWAL_CUE.search(cleaned)
    if renewal and not _production_only(cleaned):
        later = [n for n in seasons if n > 0]
        target = max(later) if later else None
        if negated and not target:
            facts.append(Fact("renewal", context.season + 1, value=""))
        elif target and not (negated and _negation_before(cleaned, renewal.start())):
            facts.append(Fact("renewal", target, value="renewed"))
    if CANCEL_CUE.search(cleaned) and not renewal:
        facts.append(Fact("cancellation", season, value="cancelled"))

    dates = find_dates(cleaned, reference)
    for mention in dates:
        kind = _date_kind(cleaned, mention)
        if kind:
            facts.append(Fact(kind, _season_near(cleaned, mention.start, context.season), value=mention.value))
    if not dates and negated and PREMIERE_CUE.search(cleaned) and re.search(r"\bdate\b", cleaned, re.I):
        facts.append(Fact("premiere", season, value=""))  # "no release date yet"

    facts.extend(_cast_facts(cleaned, season, context))
    episodes = EPISODE_ORDER.search(cleaned)
    if episodes and (number := _number(episodes["n"] or episodes["m"])):
        facts.append(Fact("episodes", season, value=str(number)))
    return facts


def _without_show_numbers(sentence: str, context: FactContext) -> str:
    """A title that holds a number ("24", "Stranger Things 2" for a season) must not read as a date
    or a season; a "Name N" spelling of a sequel season is turned into "season N"."""
    out = sentence
    for name in context.show_names:
        pattern = re.compile(rf"(?<![\w'])({re.escape(name)})(?:['’]s)?(?:\s+(?P<n>\d{{1,2}}))?\b", re.I)

        numbered = bool(re.search(r"\d", name))
        out = pattern.sub(
            lambda m, numbered=numbered: f"SHOW season {m['n']}" if m["n"] and not numbered else "SHOW", out
        )
    return out


def _season_near(sentence: str, position: int, default: int) -> int:
    """The season a date belongs to: the season mentioned closest to it ("the second season
    premieres in March, after the first season ran in 2015")."""
    best: tuple[int, int] | None = None
    for match in SEASON_MENTION.finditer(sentence):
        number = _number((match["n"] or match["o"] or match["s"] or "").lower())
        if not number:
            continue
        distance = min(abs(match.start() - position), abs(match.end() - position))
        if best is None or distance < best[0]:
            best = (distance, number)
    return best[1] if best else default


def _production_only(sentence: str) -> bool:
    return bool(PRODUCTION_CUE.search(sentence)) and not re.search(r"\brenew", sentence, re.I)


def _negation_before(sentence: str, position: int) -> bool:
    window = sentence[max(0, position - 30) : position]
    return bool(NEGATION.search(window))


def _date_kind(sentence: str, mention: DateMention) -> str | None:
    """Which event a date belongs to: the nearest cue word wins."""
    best: tuple[int, str] | None = None
    # a date next to "renewed"/"ordered" dates the order, not an episode: it is read and dropped
    cues = (("premiere", PREMIERE_CUE), ("finale", FINALE_CUE), ("production", PRODUCTION_CUE), ("ordered", ORDER_CUE))
    for kind, cue in cues:
        for match in cue.finditer(sentence):
            if match.start() >= mention.start and match.start() < mention.end:
                continue
            # the event usually comes before its date ("premieres on March 8"); a cue after the
            # date ("March 8 premiere") counts, but at a longer distance
            distance = mention.start - match.end() if match.end() <= mention.start else match.start() - mention.end + 25
            if best is None or distance < best[0]:
                best = (distance, kind)
    if best is None or best[0] > 90 or best[1] == "ordered":
        return None
    return best[1]


def _cast_facts(sentence: str, season: int, context: FactContext) -> list[Fact]:
    facts: list[Fact] = []
    show_folds = {fold(n) for n in context.show_names}
    for pattern in CAST_PATTERNS:
        for match in pattern.finditer(sentence):
            name = clean_person(match["name"], show_folds)
            if name:
                role = clean_role(match.groupdict().get("role") or "", show_folds)
                facts.append(Fact("cast", season, subject=name, value=role))
    for pattern in DEPARTURE_PATTERNS:
        for match in pattern.finditer(sentence):
            name = clean_person(match["name"], show_folds)
            if name:
                facts.append(Fact("departure", season, subject=name, value="leaves"))
    merged: dict[str, Fact] = {}
    for fact in facts:  # one fact per person, keeping the role where a pattern found one
        known = merged.get(fact.subject.casefold() + fact.kind)
        if known is None or (not known.value and fact.value):
            merged[fact.subject.casefold() + fact.kind] = fact
    return list(merged.values())


def clean_person(raw: str, show_folds: set[str]) -> str:
    tokens = raw.split()
    while tokens and (tokens[0].lower().strip("'’") in NOT_NAME_WORDS or tokens[0].lower() in MONTH_WORDS):
        tokens.pop(0)
    while tokens and tokens[-1].lower() in NOT_NAME_WORDS:
        tokens.pop()
    if len(tokens) > 3:
        tokens = tokens[-3:] if tokens[-3][0].isupper() and len(tokens[-3]) > 2 else tokens[-2:]
    name = " ".join(tokens)
    if len(tokens) < 2 or fold(name) in show_folds or any(fold(name) in s or s in fold(name) for s in show_folds):
        return ""
    if any(t.lower() in MONTH_WORDS or (t.isupper() and t.isalpha() and len(t) > 3) for t in tokens):
        return ""
    return name


def clean_role(raw: str, show_folds: set[str]) -> str:
    role = re.sub(r"^(?:the|a|an)\s+", "", raw.strip(), flags=re.I).strip(" '\"’‘“”")
    if not role or fold(role) in show_folds or len(role.split()) > 8:
        return ""
    if re.match(r"(?:series regular|recurring|guest|season|part|role|cast)\b", role, re.I):
        return ""
    return role
