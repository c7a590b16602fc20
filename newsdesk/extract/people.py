"""People in TV news: castings (person and role), departures, directors and showrunners.

Names are matched case-sensitively (a person's name is capitalized) while the verbs around them
may be in any case, since headlines are often in Title Case.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from newsdesk.extract.clause import Clause
from newsdesk.extract.rule import FactRule, Family, example
from seasonwatch.lexicon.calendar import CALENDAR_WORDS
from seasonwatch.lexicon.forms import alternation, fold
from seasonwatch.lexicon.negation import WILL_NOT
from seasonwatch.lexicon.networks import is_network
from seasonwatch.lexicon.not_names import NAME_BREAKERS, NOT_PERSON_WORDS
from seasonwatch.models import Fact

# a name token starts at a word's start (a network's name holds no person's name inside it) and
# is no word of a Title Case headline or a network (see the rules' examples)
_NAME_TOKEN = rf"(?<![\w])(?!{alternation(NAME_BREAKERS)}\b)(?:[A-Z][a-zA-Z'’\-]+|[A-Z]\.(?:\s?[A-Z]\.)*|(?:Mc|Mac|O')[A-Z][a-z]+)"
_NAME = rf"(?P<name>{_NAME_TOKEN}(?:\s+(?:(?:de|van|von|da|del|la|le|di|du|der)\s+)?{_NAME_TOKEN}){{1,3}})"
# a role may hold a title's abbreviation ("Mrs. Winslow", "Dr. Owens") but ends at other punctuation
_ROLE = (
    r"(?P<role>(?:the\s+|a\s+|an\s+)?(?:(?:Mrs?|Ms|Dr|St|Sgt|Capt|Prof|Jr|Sr)\.\s*|[^,.;:!?()\"“”]){2,60}?)"
    # ...and it ends where the sentence goes on to something else ("as Grandmama and the streamer says")
    r"(?=\s*(?:[,.;:!?()\"“”]|$|\s+(?i:in|on|for|opposite|alongside|when|who|after|and will|ahead)\b|\s+SHOW\b"
    r"|\s+and\s+(?:the\s+)?[A-Z]\w*\s+(?:says|said|confirms|reveals|is|will|has)\b))"
)
_ROLE_BEFORE = r"(?P<role>[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*){0,3})"


def _patterns(*patterns: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in patterns)


# "Jane Doe's season 3 character revealed"
# ...and the part, when the headline goes on to say it: "...role revealed: she plays the ferryman"
CHARACTER_REVEALED = _patterns(
    rf"{_NAME}['’]s\s+(?:\S+\s+){{0,3}}?(?i:character|role|part)\b"
    rf"(?:[^.;:]*?[:;,–—-]\s*(?i:she|he|they)\s+(?i:plays|is\s+playing|will\s+play|is)\s+{_ROLE})?",
    # "Jane Doe's character in SHOW season two is a ferry pilot named Mara Quill": the name is the part
    rf"{_NAME}['’]s\s+(?i:character|role|part)\b[^.;:]*?\s(?i:is|will\s+be)\s+(?:(?i:a|an|the)\s+)?(?:[\w’'-]+\s+){{0,4}}?"
    rf"(?i:named|called)\s+(?P<role>[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){{0,2}})",
)
CAST_IN = _patterns(
    rf"{_NAME}\s+(?i:has\s+been\s+|is\s+|was\s+|will\s+be\s+)?(?i:cast|tapped|signed|booked|hired)\s+(?i:in|for|on|to\s+join)\b"
)
# "First Look: Jane Doe as the Widow", "first photos of Jane Doe as the widow"
FIRST_LOOK_AS = _patterns(
    rf"(?i:first[\s-]+look|first\s+(?:photos?|images?|stills?))\s*(?i:at|of)?\s*[:\-–—]?\s*{_NAME}\s+(?i:as)\s+{_ROLE}"
)
PLAYED_BY = _patterns(
    rf"{_ROLE_BEFORE}\s*,?\s+(?i:will\s+be\s+|is\s+|was\s+|to\s+be\s+)?(?i:played|portrayed|voiced)\s+(?i:by)\s+{_NAME}"
)
CAST_AS = _patterns(
    rf"{_NAME}\s+(?i:has\s+been\s+|is\s+|was\s+|will\s+be\s+)?(?i:cast|tapped|set|hired|signed)\s+(?i:as|to\s+play)\s+{_ROLE}",
    rf"{_NAME}\s+[‘'\"]?(?i:to\s+|will\s+|is\s+set\s+to\s+|(?:is\s+)?(?:reportedly\s+)?)?(?i:play|plays|playing|portray|portrays|portraying|star\s+as|stars\s+as|voice|voices|voicing)\s+{_ROLE}",
    # a Title Case headline's "Ezra Vance Is Sheriff Dale in 'Hollow Creek'": a named part
    rf"{_NAME}\s+(?:Is|Will\s+Be|is|will\s+be)\s+(?P<role>(?:(?:Mrs?|Ms|Dr)\.\s*)?[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){{0,3}})\s+(?i:in)\s+[‘'\"]?SHOW",
)
JOINS = _patterns(
    rf"{_NAME}\s+(?i:has\s+|have\s+)?(?i:joins?|joined|joining|boards?|boarded|signs?\s+on\s+to|signed\s+on\s+to|is\s+joining|set\s+to\s+join|to\s+join)\b(?:[^.;]*?\b(?i:as)\s+{_ROLE})?",
    # (a show's "Cast" is its cast: "Hollow Creek Cast Reunite For A Table Read")
    rf"\b(?:(?<!SHOW\s)(?i:cast)|(?i:casts|adds?|added|taps?|tapped|enlists?|enlisted|recruits?|recruited|lands?|landed|books?|booked))\s+{_NAME}(?:[^.;]*?\b(?i:as)\s+{_ROLE})?",
    # "adds three to its cast, including Jane Doe"
    rf"\b(?i:casts|adds?|added|taps?|tapped|books?|booked)\s+(?:\S+\s+){{0,4}}?(?i:including)\s+{_NAME}",
)
RETURNS_AS = _patterns(
    rf"{_NAME}\s+(?i:is\s+|will\s+be\s+|will\s+)?(?i:returning|returns|return|coming\s+back|back|reprising\s+(?:her|his|their)\s+role)\s+(?i:as)\s+{_ROLE}",
    # "Clara Voss is back for season 2", "Clara Voss returns for SHOW season 2": no part named
    rf"{_NAME}\s+(?i:is\s+|will\s+be\s+|will\s+)?(?i:returning|returns|return|coming\s+back|back)\s+(?i:for|in)\s+(?:[‘'\"]?SHOW[’'\"]?\s+)?(?i:season|series|S\d)",
)
PROMOTED = _patterns(
    rf"{_NAME}\s+(?i:has\s+been\s+|is\s+|was\s+)?(?i:promoted|upped|bumped\s+up)\s+(?i:to\s+series\s+regular)"
)
SHOWRUNNER = _patterns(
    rf"{_NAME}\s+(?i:is\s+|has\s+been\s+|will\s+be\s+|to\s+be\s+)?(?i:named|tapped|hired|set|promoted|takes?\s+over|remains|stays|returns)?\s*(?i:as\s+)?(?i:the\s+)?(?i:new\s+)?(?:[‘'\"]?SHOW[’'\"]?(?:['’]s)?\s+)?(?i:showrunner|head\s+writer)",
    rf"(?i:new\s+)?(?i:showrunner|head\s+writer)\s*[,:]?\s+{_NAME}",
    # "Jane Doe steps in as 'Hollow Creek' showrunner"
    rf"{_NAME}\s+(?i:steps\s+in|takes\s+over|comes\s+aboard|is\s+named|named|tapped)\s+(?i:as)\s+[‘'\"]?SHOW[’'\"]?(?:['’]s)?\s+(?i:showrunner)",
)
DIRECTOR = _patterns(
    rf"{_NAME}\s+(?i:to|will|is\s+set\s+to|is\s+to|set\s+to|is\s+going\s+to|has\s+been\s+tapped\s+to|tapped\s+to)\s+(?i:direct|helm)\b",
    rf"{_NAME}\s+(?i:directs|is\s+directing|will\s+be\s+directing|helms|is\s+helming)\b",
    rf"\b(?i:directed|helmed)\s+(?i:by)\s+{_NAME}",
)
DEPARTURE = _patterns(
    rf"{_NAME}\s+(?i:is\s+|has\s+)?(?i:exits?|exited|exiting|leaves|leaving|left|departs?|departed|departing|quits?|quitting|steps?\s+down|stepped\s+down|stepping\s+down|{WILL_NOT}\s+(?:be\s+)?return(?:ing)?)\b",
    rf"\b(?i:exit|departure)\s+(?i:of)\s+{_NAME}",
)


# the others of a list of names ("Nadia Sorel, Ezra Vance and Ada Brook join..."): a pattern names
# the one beside its verb; the list before or after it names the rest, with no part of their own
_PERSON = _NAME.replace("(?P<name>", "(?:", 1)
_LISTED_BEFORE = re.compile(rf"(?:{_PERSON}\s*,\s*)*{_PERSON}\s*,?\s+and\s+$")
_LISTED_AFTER = re.compile(rf"(?:\s*,\s*{_PERSON})*\s*,?\s+and\s+{_PERSON}")
_LIST_REACH = 120  # characters either side a list is looked for in


def _listed_with(text: str, match: re.Match[str]) -> tuple[list[str], list[str]]:
    """The raw names listed before and after the one a pattern matched."""
    before = _LISTED_BEFORE.search(text[max(0, match.start("name") - _LIST_REACH) : match.start("name")])
    after = _LISTED_AFTER.match(text[match.end("name") : match.end("name") + _LIST_REACH])
    return ([m.group(0) for m in re.finditer(_PERSON, before.group(0))] if before else [],
            [m.group(0) for m in re.finditer(_PERSON, after.group(0))] if after else [])  # fmt: skip


def _people(patterns: tuple[re.Pattern[str], ...], kind: str, value: str = "") -> Callable[[Clause], list[Fact]]:
    """A finder of one kind of fact about people: the person each pattern names, with the part
    where the pattern reads one (a cast member's role), or the kind's fixed value."""

    def find(clause: Clause) -> list[Fact]:
        show_folds = clause.show_folds
        found = []
        for pattern in patterns:
            for match in pattern.finditer(clause.text):
                name = clean_person(match["name"], show_folds)
                if not name:
                    continue
                role = value
                if not value:
                    # a role named before "played by" may trail a Title Case headline: keep its last words
                    raw = re.split(r"\b(?:Is|Are|As|The|A|An|Of|Who|Meet)\b", match.groupdict().get("role") or "")[-1]
                    role = clean_role(raw, show_folds)
                before, after = _listed_with(clause.text, match)
                for other in before:
                    if listed := clean_person(other, show_folds):
                        found.append(Fact(kind, clause.season, subject=listed, value=value))
                found.append(Fact(kind, clause.season, subject=name, value=role))
                for other in after:
                    if listed := clean_person(other, show_folds):
                        found.append(Fact(kind, clause.season, subject=listed, value=value))
        return found

    return find


def one_per_person(facts: list[Fact]) -> list[Fact]:
    """Beside a new showrunner, whoever leaves is the old one, not a cast member; a showrunner who
    leaves is no new one; and one fact per person and kind, keeping the role where a pattern found one."""
    showrunners = {f.subject.casefold() for f in facts if f.kind == "showrunner" and f.value == "showrunner"}
    leaving = {f.subject.casefold() for f in facts if f.kind == "departure"}
    new_one = bool(showrunners - leaving)
    # "Showrunner Lena Morrow steps down": the showrunner who leaves is no new one
    facts = [f for f in facts if not (f.kind == "showrunner" and f.subject.casefold() in leaving)]
    facts = [
        Fact("showrunner", f.season, f.subject, "leaves")
        if f.kind == "departure" and (new_one or f.subject.casefold() in showrunners)
        else f
        for f in facts
    ]
    merged: dict[str, Fact] = {}
    for fact in facts:
        known = merged.get(fact.subject.casefold() + fact.kind)
        if known is None or (not known.value and fact.value):
            merged[fact.subject.casefold() + fact.kind] = fact
    return list(merged.values())


def _cast(person: str, role: str = "", season: int = 2) -> Fact:
    return Fact("cast", season, person, role)


PEOPLE = Family(
    "people",
    frozenset({"cast", "departure", "director", "showrunner"}),
    (
        FactRule(
            "character-revealed",
            "a person's character or part revealed",
            (
            example("Nadia Sorel's Hollow Creek character revealed", _cast("Nadia Sorel")),
            example("Hollow Creek Season 2: Who Is Nadia Sorel's Character?", _cast("Nadia Sorel"),
                    note="a question asking who takes the casting as given"),
            example("Nadia Sorel's Hollow Creek role revealed: she plays the ferryman's widow",
                    _cast("Nadia Sorel", "ferryman's widow")),
            example("Nadia Sorel's character in Hollow Creek season two is a ferry pilot named Mara Quill.",
                    _cast("Nadia Sorel", "Mara Quill"), note="the name the part is given"),
        ),
            _people(CHARACTER_REVEALED, "cast"),
            ("character", "role", "part"),
        ),
        FactRule(
            "cast-in",
            "a person cast, tapped or hired for the show",
            (
                example("Nadia Sorel has been cast in Hollow Creek season 2", _cast("Nadia Sorel")),
                example("Ezra Vance tapped for Hollow Creek season 2", _cast("Ezra Vance")),
            ),
            _people(CAST_IN, "cast"),
            ("cast", "tapped", "signed", "booked", "hired"),
        ),
        FactRule(
            "first-look-as",
            "first-look photos of a person as a part: the part is revealed",
            (
                example("Hollow Creek Season 2 First Look: Nadia Sorel as the Ferryman's Widow",
                        _cast("Nadia Sorel", "Ferryman's Widow")),
                example("First photos of Ezra Vance as Sheriff Dale in Hollow Creek season 2", _cast("Ezra Vance", "Sheriff Dale")),
            ),
            _people(FIRST_LOOK_AS, "cast"),
            ("first",),
        ),
        FactRule(
            "role-played-by",
            "a part named first, then who plays it",
            (example("Sheriff Dale Moss will be played by Ezra Vance", _cast("Ezra Vance", "Sheriff Dale Moss")),),
            _people(PLAYED_BY, "cast"),
            ("played", "portrayed", "voiced"),
        ),
        FactRule(
            "cast-as-a-part",
            "a person cast as, or to play, a part",
            (
                example("Ezra Vance cast as Sheriff Dale in Hollow Creek season 2", _cast("Ezra Vance", "Sheriff Dale")),
                example("Nadia Sorel to play the mayor's daughter in Hollow Creek", _cast("Nadia Sorel", "mayor's daughter")),
                example("Ezra Vance will voice the narrator in Hollow Creek season 2", _cast("Ezra Vance", "narrator")),

                example("Lena Morrow Will Play Wren's Sister In The Lantern Season 2", _cast("Lena Morrow", "Wren's Sister")),
                example("Hollow Creek Season 2: Ezra Vance Reportedly Playing Sheriff Dale", _cast("Ezra Vance", "Sheriff Dale")),
                example("Ezra Vance 'to play Sheriff Dale' in Hollow Creek series two", _cast("Ezra Vance", "Sheriff Dale")),
                example("Ezra Vance Is Dr. Moss in ‘Hollow Creek’ Season 2", _cast("Ezra Vance", "Dr. Moss")),
                example("Aoife O’Dea to play the ferryman in Hollow Creek", _cast("Aoife O'Dea", "ferryman"),
                        note="one apostrophe in a name, whatever the outlet's"),
                example("Ezra Vance is the best thing in Hollow Creek", note="not a part"),
            ),
            _people(CAST_AS, "cast"),
            ("cast", "tapped", "set", "hired", "signed", "play", "portray", "star", "voice", " is ", " will be "),
        ),
        FactRule(
            "joins-the-cast",
            "a person joins or boards the show, or the show adds a person (with the part, if named)",
            (
                example("Nadia Sorel joins Hollow Creek season 2", _cast("Nadia Sorel")),
                example("Hollow Creek adds Ezra Vance as the new sheriff", _cast("Ezra Vance", "new sheriff")),
                example("EXCLUSIVE: Lena Morrow Boards Hollow Creek Season 2", _cast("Lena Morrow")),
                example("HBO Max joins the co-production of Hollow Creek season 2", note="a service is no person"),
                example("Lena Morrow boards Drift season 3 as a rival skipper", _cast("Lena Morrow", "rival skipper", 3)),
                example("Drift recruits Felix Arbuckle for season 3", _cast("Felix Arbuckle", "", 3)),
                example("Felix Arbuckle set to join Drift season 3", _cast("Felix Arbuckle", "", 3)),
                example("Nadia Sorel signs on to Hollow Creek season 2", _cast("Nadia Sorel")),
                example("Hollow Creek taps Ezra Vance for the mayor's part", _cast("Ezra Vance")),
                example("Hollow Creek Cast Recreate Famous Barn Dance From Home", note="the show's cast, no casting"),
                example("Hollow Creek Season 2 Adds Ezra Vance's Famous Scowl to Cast", _cast("Ezra Vance"),
                        note="the name ends at its possessive"),
                example("Sky Atlantic boards Hollow Creek season 2", note="a channel is no person"),
                example("Hollow Creek Season 2 Adds Three to Cast, Including Nadia Sorel", _cast("Nadia Sorel")),
                example("Nadia Sorel and Ezra Vance join Hollow Creek season 2", _cast("Nadia Sorel"), _cast("Ezra Vance")),
                example("Nadia Sorel, Ezra Vance and Ada Brook Join Hollow Creek Season 2",
                        _cast("Nadia Sorel"), _cast("Ezra Vance"), _cast("Ada Brook")),
                example("Hollow Creek Season 2 Adds Nadia Sorel and Ezra Vance", _cast("Nadia Sorel"), _cast("Ezra Vance")),
            ),
            _people(JOINS, "cast"),
            ("join", "board", "sign", "cast", "add", "tap", "enlist", "recruit", "land", "book"),
        ),
        FactRule(
            "returns-as",
            "a person coming back as a part",
            (
                example("Mara Quill returns as Ada Finch in Hollow Creek season 2", _cast("Mara Quill", "Ada Finch")),
                example("Odile Brandt returns as Grandmama and the Streamer says she is back",
                        _cast("Odile Brandt", "Grandmama"), note="the part ends where the sentence moves on"),
                example("Ezra Vance Back for ‘Hollow Creek’ Season 2", _cast("Ezra Vance"), note="no part named"),
            ),
            _people(RETURNS_AS, "cast"),
            ("return", "back", "repris"),
        ),
        FactRule(
            "promoted-to-regular",
            "a recurring player promoted to series regular",
            (example("Cyrus Hale promoted to series regular for Hollow Creek season 2", _cast("Cyrus Hale")),),
            _people(PROMOTED, "cast"),
            ("promoted", "upped", "bumped"),
        ),
        FactRule(
            "leaves-the-cast",
            "a person exits, leaves or will not return",
            (
                example("Cyrus Hale exits Hollow Creek", Fact("departure", 2, "Cyrus Hale", "leaves")),
                example("Lena Morrow won't return for Hollow Creek season 2", Fact("departure", 2, "Lena Morrow", "leaves")),
                example("Mara Quill steps down from Hollow Creek", Fact("departure", 2, "Mara Quill", "leaves")),
                example("Priya Castellan exits The Lantern ahead of season 2", Fact("departure", 2, "Priya Castellan", "leaves")),
                example("Mara Quill is leaving Hollow Creek", Fact("departure", 2, "Mara Quill", "leaves")),
            ),
            _people(DEPARTURE, "departure", "leaves"),
            ("exit", "leav", "left", "depart", "quit", "return", "step"),
        ),
        FactRule(
            "directs",
            "a person to direct the season or its episodes",
            (
                example("Tobias Renn to direct every episode of Hollow Creek season 2",
                        Fact("director", 2, "Tobias Renn", "directs")),
                example("Hollow Creek Season 2: Mara Quill Will Direct The Finale", Fact("director", 2, "Mara Quill", "directs")),
                example("The opener is directed by Odile Brandt.", Fact("director", 2, "Odile Brandt", "directs")),
            ),
            _people(DIRECTOR, "director", "directs"),
            ("direct", "helm"),
        ),
        FactRule(
            "showrunner",
            "a person named showrunner; beside one, whoever leaves is the old showrunner",
            (
                example("Lena Morrow remains showrunner of Hollow Creek", Fact("showrunner", 2, "Lena Morrow", "showrunner")),
                example(
                    "Lena Morrow named Hollow Creek showrunner as Cyrus Hale exits",
                    Fact("showrunner", 2, "Cyrus Hale", "leaves"),
                    Fact("showrunner", 2, "Lena Morrow", "showrunner"),
                ),
            ),
            _people(SHOWRUNNER, "showrunner", "showrunner"),
            ("showrunner", "head writer"),
        ),
    ),
    finish=one_per_person,
)  # fmt: skip


_ANY_NAME = re.compile(_NAME)


def names_person(text: str, person: str, show_names: tuple[str, ...]) -> bool:
    """Does `text` (case kept) name `person`, in full or by a surname that is not part of the show's
    own name ("Creek" says nothing in a Hollow Creek story)?"""
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
    # one spelling of a name whatever the outlet's apostrophe ("O’Hara" is "O'Hara"), so a person
    # is the same person in every report and listing
    tokens = raw.replace("’", "'").split()
    for i, token in enumerate(tokens[:-1]):
        if re.search(r"['’]s$", token):
            # "adds Nadia Sorel's steely glare": the name ends at its possessive
            tokens = [*tokens[:i], token[:-2]]
            break
    if "SHOW" in tokens:  # "SHOW Showrunner Lena Morrow": the name starts after the show's
        tokens = tokens[len(tokens) - tokens[::-1].index("SHOW") :]
    while tokens and (tokens[0].lower().strip("'’") in NOT_PERSON_WORDS or tokens[0].lower() in CALENDAR_WORDS):
        tokens.pop(0)
    while tokens and tokens[-1].lower() in NOT_PERSON_WORDS:
        tokens.pop()
    if len(tokens) > 3:
        tokens = tokens[-3:] if tokens[-3][0].isupper() and len(tokens[-3]) > 2 else tokens[-2:]
    name = " ".join(tokens)
    folded = fold(name)
    # the show's own name, or a name that holds it or is part of it ("Hollow Creek", "Hollow Creek: The Series")
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
