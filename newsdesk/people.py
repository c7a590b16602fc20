"""People in TV news: castings (person and role), departures and showrunners.

Names are matched case-sensitively (a person's name is capitalized) while the verbs around them
may be in any case, since headlines are often in Title Case.
"""

from __future__ import annotations

import re

from seasonwatch.lexicon.calendar import CALENDAR_WORDS
from seasonwatch.lexicon.forms import alternation, fold
from seasonwatch.lexicon.networks import is_network
from seasonwatch.lexicon.not_names import NAME_BREAKERS, NOT_PERSON_WORDS
from seasonwatch.models import Fact

# a name token starts at a word's start ("HBO Max" holds no "BO Max") and is no word of a Title
# Case headline or network ("Joins", "Netflix")
_NAME_TOKEN = rf"(?<![\w])(?!{alternation(NAME_BREAKERS)}\b)(?:[A-Z][a-zA-Z'’\-]+|[A-Z]\.(?:\s?[A-Z]\.)*|(?:Mc|Mac|O')[A-Z][a-z]+)"
_NAME = rf"(?P<name>{_NAME_TOKEN}(?:\s+(?:(?:de|van|von|da|del|la|le|di|du|der)\s+)?{_NAME_TOKEN}){{1,3}})"
# a role may hold a title's abbreviation ("Mrs. Winslow", "Dr. Owens") but ends at other punctuation
_ROLE = (
    r"(?P<role>(?:the\s+|a\s+|an\s+)?(?:(?:Mrs?|Ms|Dr|St|Sgt|Capt|Prof|Jr|Sr)\.\s*|[^,.;:!?()\"“”]){2,60}?)"
    r"(?=\s*(?:[,.;:!?()\"“”]|$|\s+(?:in|on|for|opposite|alongside|when|who|after|and will|ahead)\b))"
)
_ROLE_BEFORE = r"(?P<role>[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*){0,3})"
CAST_PATTERNS = [
    # "Harriet Walter's season 3 character revealed"
    re.compile(rf"{_NAME}['’]s\s+(?:\S+\s+){{0,3}}?(?i:character|role|part)\b"),
    re.compile(
        rf"{_NAME}\s+(?i:has\s+been\s+|is\s+|was\s+|will\s+be\s+)?(?i:cast|tapped|signed|booked|hired)\s+(?i:in|for|on|to\s+join)\b"
    ),
    re.compile(rf"{_ROLE_BEFORE}\s*,?\s+(?i:played|portrayed|voiced)\s+(?i:by)\s+{_NAME}"),
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
SHOWRUNNER_PATTERNS = [
    re.compile(
        rf"{_NAME}\s+(?i:is\s+|has\s+been\s+|will\s+be\s+|to\s+be\s+)?(?i:named|tapped|hired|set|promoted|takes?\s+over|remains|stays|returns)?\s*(?i:as\s+)?(?i:the\s+)?(?i:new\s+)?(?i:showrunner|head\s+writer)"
    ),
    re.compile(rf"(?i:new\s+)?(?i:showrunner|head\s+writer)\s*[,:]?\s+{_NAME}"),
    # "Scott Reynolds steps in as 'Jessica Jones' showrunner"
    re.compile(
        rf"{_NAME}\s+(?i:steps\s+in|takes\s+over|comes\s+aboard|is\s+named|named|tapped)\s+(?i:as)\s+[‘'\"]?SHOW[’'\"]?(?:['’]s)?\s+(?i:showrunner)"
    ),
]
DIRECTOR_PATTERNS = [
    re.compile(
        rf"{_NAME}\s+(?i:to|will|is\s+set\s+to|is\s+to|set\s+to|is\s+going\s+to|has\s+been\s+tapped\s+to|tapped\s+to)\s+(?i:direct|helm)\b"
    ),
    re.compile(rf"{_NAME}\s+(?i:directs|is\s+directing|will\s+be\s+directing|helms|is\s+helming)\b"),
    re.compile(rf"\b(?i:directed|helmed)\s+(?i:by)\s+{_NAME}"),
]
DEPARTURE_PATTERNS = [
    re.compile(
        rf"{_NAME}\s+(?i:is\s+|has\s+)?(?i:exits?|exited|exiting|leaves|leaving|left|departs?|departed|departing|quits?|quitting|won't\s+return|will\s+not\s+return|not\s+returning)\b"
    ),
    re.compile(rf"\b(?i:exit|departure)\s+(?i:of)\s+{_NAME}"),
]
def people_facts(sentence: str, season: int, show_names: tuple[str, ...]) -> list[Fact]:
    facts: list[Fact] = []
    show_folds = {fold(n) for n in show_names}
    for pattern in CAST_PATTERNS:
        for match in pattern.finditer(sentence):
            name = clean_person(match["name"], show_folds)
            if name:
                # a role named before "played by" may trail a Title Case headline: keep its last words
                raw_role = re.split(r"\b(?:Is|Are|As|The|A|An|Of|Who|Meet)\b", match.groupdict().get("role") or "")[-1]
                role = clean_role(raw_role, show_folds)
                facts.append(Fact("cast", season, subject=name, value=role))
    for pattern in DEPARTURE_PATTERNS:
        for match in pattern.finditer(sentence):
            name = clean_person(match["name"], show_folds)
            if name:
                facts.append(Fact("departure", season, subject=name, value="leaves"))
    for pattern in DIRECTOR_PATTERNS:
        for match in pattern.finditer(sentence):
            name = clean_person(match["name"], show_folds)
            if name:
                facts.append(Fact("director", season, subject=name, value="directs"))
    for pattern in SHOWRUNNER_PATTERNS:
        for match in pattern.finditer(sentence):
            name = clean_person(match["name"], show_folds)
            if name:
                facts.append(Fact("showrunner", season, subject=name, value="showrunner"))
    if any(f.kind == "showrunner" for f in facts):
        # beside a new showrunner, whoever leaves is the old one, not a cast member
        facts = [Fact("showrunner", f.season, f.subject, "leaves") if f.kind == "departure" else f for f in facts]
    merged: dict[str, Fact] = {}
    for fact in facts:  # one fact per person, keeping the role where a pattern found one
        known = merged.get(fact.subject.casefold() + fact.kind)
        if known is None or (not known.value and fact.value):
            merged[fact.subject.casefold() + fact.kind] = fact
    return list(merged.values())


_ANY_NAME = re.compile(_NAME)


def names_person(text: str, person: str, show_names: tuple[str, ...]) -> bool:
    """Does `text` (case kept) name `person`, in full or by a surname that is not part of the show's
    own name ("Jones" says nothing in a Jessica Jones story)?"""
    if re.search(rf"\b{re.escape(person)}\b", text):
        return True
    surname = person.split()[-1]
    show_words = {w for name in show_names for w in name.split()}
    return len(surname) >= 4 and surname not in show_words and bool(re.search(rf"\b{re.escape(surname)}\b", text))


def named_people(text: str, show_names: tuple[str, ...]) -> list[str]:
    """People a text names in full ("Holly Hunter", "J.R. Ramirez"), whatever it says of them."""
    show_folds = {fold(n) for n in show_names}
    found = []
    for match in _ANY_NAME.finditer(text):
        name = clean_person(match["name"], show_folds)
        if name and name not in found:
            found.append(name)
    return found


def clean_person(raw: str, show_folds: set[str]) -> str:
    tokens = raw.split()
    while tokens and (tokens[0].lower().strip("'’") in NOT_PERSON_WORDS or tokens[0].lower() in CALENDAR_WORDS):
        tokens.pop(0)
    while tokens and tokens[-1].lower() in NOT_PERSON_WORDS:
        tokens.pop()
    if len(tokens) > 3:
        tokens = tokens[-3:] if tokens[-3][0].isupper() and len(tokens[-3]) > 2 else tokens[-2:]
    name = " ".join(tokens)
    folded = fold(name)
    # the show's own name, or a name that holds it or is part of it ("Jessica Jones", "Marvel's Jessica Jones")
    if len(tokens) < 2 or any(folded in s or s in folded for s in show_folds) or is_network(name):
        return ""
    if any(t.lower() in CALENDAR_WORDS or (t.isupper() and t.isalpha() and len(t) > 3) for t in tokens):
        return ""
    return name


def clean_role(raw: str, show_folds: set[str]) -> str:
    role = re.sub(r"^(?:the|a|an)\s+", "", raw.strip(), flags=re.I).strip(" '\"’‘“”")
    if not role or fold(role) in show_folds or len(role.split()) > 8:
        return ""
    if re.match(r"(?:series regular|recurring|guest|season|part|role|cast)\b", role, re.I):
        return ""
    return role
