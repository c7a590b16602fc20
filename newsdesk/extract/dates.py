"""Date phrases in news text, normalized so two outlets' dates compare equal.

Values: "2018-03-08" (a day), "2018-03" (a month), "2018-spring" / "2018-early" / "2018-late" /
"2018-Q2" (vague parts of a year), "2018" (a year). A date without a year ("Oct. 27") is resolved
against the item's own date: the nearest such day from a little before it to most of a year after.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from newsdesk.rules import Example, Rule
from seasonwatch import fuzzy_date
from seasonwatch.lexicon.calendar import (
    CAPITAL_MONTH_ALTERNATION,
    MONTH_ALTERNATION,
    MONTHS,
    MONTHS_OF_PART,
    PARTS_OF_YEAR,
    RELATIVE_STEPS,
    SEASONS_OF_YEAR,
    STANDALONE_MONTH_ALTERNATION,
)
from seasonwatch.lexicon.numbers import number_value

_MONTH = rf"(?P<month>{MONTH_ALTERNATION})\.?"
_CAPITAL_MONTH = CAPITAL_MONTH_ALTERNATION
_RELATIVE = RELATIVE_STEPS
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_REL_YEAR = r"(?P<rel>this|next|last) year"

@dataclass(frozen=True)
class DatePhrase(Rule):
    """One way news writes a date; `kind` says how its parts are read. Each example's `expect` is
    the list of values found in its text, read on `newsdesk.example_shows.REFERENCE` (15 January 2031)."""

    kind: str = ""
    pattern: re.Pattern[str] = re.compile(r"(?!)")


def _phrase(name: str, says: str, kind: str, pattern: re.Pattern[str], *examples: tuple) -> DatePhrase:
    """Examples as (text, values) or (text, values, "counter"): where another phrase reads it."""
    return DatePhrase(
        name, says, tuple(Example(text, values, counter=bool(rest)) for text, values, *rest in examples), kind, pattern
    )


# Tried in order; a phrase found by an earlier one is not read again by a later one.
DATE_PHRASES: tuple[DatePhrase, ...] = (
    _phrase(
        "iso-day", "a day written as 2031-03-08", "iso",
        re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),
        ("premieres 2031-03-08", ["2031-03-08"]),
        ("season 2 of 10 episodes", []),
    ),
    _phrase(
        "numeric-month-day", "a day written in numbers as US outlets do: 6/25, 6/25/2031", "numeric",
        re.compile(
            r"(?<![\w/.])(?<!season )(?<!Season )(?<!series )(?<!Series )(?<!part )(?<!Part )"
            r"(?P<nmonth>1[0-2]|0?[1-9])/(?P<nday>3[01]|[12]\d|0?[1-9])(?:/(?P<nyear>(?:20)?\d{2}))?(?![\w/])"
        ),
        ("dates season 2 for 6/25", ["2031-06-25"]),
        ("out 3/8/2032", ["2032-03-08"]),
        ("a 24/7 service", []),
        ("season 1/2 recap", []),
    ),
    _phrase(
        "month-day", "a month and a day, the year if given; without one, the nearest such day ahead", "mdy",
        re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?:,?\s+{_YEAR}\b)?", re.I),
        ("premieres March 8", ["2031-03-08"]),
        ("arrives March 8, 2032", ["2032-03-08"]),
        ("returns Oct. 27", ["2031-10-27"]),
        ("back on June 3rd", ["2031-06-03"]),
        ("aired on January 2", ["2031-01-02"]),
        ("Sept. 14, 2031 is the date", ["2031-09-14"]),
        ("on Friday, March 8", ["2031-03-08"]),
        ("the week of June 2", ["2031-06-02"]),
    ),
    _phrase(
        "day-month", "a day before its month, as British outlets write it", "dmy",
        re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}\b(?:,?\s+{_YEAR}\b)?", re.I),
        ("out on 8 March 2031", ["2031-03-08"]),
        ("from the 3rd of June", ["2031-06-03"]),
        ("Sunday 15 March", ["2031-03-15"]),
    ),
    _phrase(
        "month-year", "a month of a given year", "my",
        re.compile(rf"\b{_MONTH}\s+(?:of\s+)?{_YEAR}\b", re.I),
        ("in March 2031", ["2031-03"]),
        ("due September of 2032", ["2032-09"]),
    ),
    _phrase(
        "season-of-year", "spring, summer, fall or winter, of a year or 'this'/'next' one (a bare 'fall' is a verb too)",
        "season",
        re.compile(
            rf"\b(?:(?P<when>this|next|last)\s+)?(?P<season>spring|summer|fall|autumn|winter)\b(?:\s+(?:of\s+)?{_YEAR}\b)?",
            re.I,
        ),
        ("coming in spring 2031", ["2031-spring"]),
        ("back next summer", ["2032-summer"]),
        ("this autumn", ["2031-fall"]),
        ("in the fall of 2031", ["2031-fall"]),
        ("the leaves fall early", []),
    ),
    _phrase(
        "part-of-year", "early, mid or late in a year; 'later this year' says only the year", "part",
        re.compile(
            rf"\b(?P<part>early|mid|middle|late|later|end)(?:\s+|-)(?:in\s+|of\s+)?(?:the\s+year\s+)?(?:{_YEAR}|{_REL_YEAR})\b",
            re.I,
        ),
        ("out in late 2031", ["2031-late"]),
        ("expected early next year", ["2032-early"]),
        ("coming later this year", ["2031"]),
        ("arrives mid-2031", ["2031-mid"]),
        ("by the end of 2031", ["2031-late"]),
    ),
    _phrase(
        "quarter", "a quarter of a year", "quarter",
        re.compile(
            rf"\b(?:Q(?P<q>[1-4])|(?P<qword>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter)\s+(?:of\s+)?(?:{_YEAR}|{_REL_YEAR})\b",
            re.I,
        ),
        ("slated for Q2 2031", ["2031-Q2"]),
        ("in the third quarter of next year", ["2032-Q3"]),
    ),
    _phrase(
        "month-gone-by", "'back in April', 'last July': a month already past (but 'is back in March' is to come)",
        "pastmonth",
        re.compile(
            rf"(?<!is )(?<!are )(?<!'s )(?<!’s )(?<!be )(?<!comes )(?<!come )"
            rf"\b(?i:back in|last|this past|earlier in|earlier this|since)\s+(?i:(?:early|late|mid)[\s-]+)?"
            rf"(?P<month>{_CAPITAL_MONTH})\b\.?(?!\s*\d)"
        ),
        ("renewed back in April", ["2030-04"]),
        ("announced last December", ["2030-12"]),
        ("Hollow Creek is back in March", ["2031-03"], "counter"),
    ),
    _phrase(
        "month-to-come", "'in December', 'this June', 'early March': a capitalized month ahead ('may' is a verb)",
        "month",
        re.compile(
            rf"\b(?i:in|this|next|by|until|during|from|for|come|since|on|early|late|mid|end of|start of)\s+"
            rf"(?i:(?:early|late|mid)[\s-]+)?(?P<month>{_CAPITAL_MONTH})\b\.?(?!\s*\d)"
        ),
        ("lands in December", ["2031-12"]),
        ("this June", ["2031-06"]),
        ("expected by early March", ["2031-03"]),
        ("you may march on", []),
    ),
    _phrase(
        "month-alone", "a month named on its own before punctuation ('The streamer says December.')", "month",
        re.compile(rf"(?<=\s)(?P<month>{STANDALONE_MONTH_ALTERNATION})(?=\s*[.,;:!?]|\s*$)"),
        ("The streamer says December.", ["2031-12"]),
        ("Her name is June.", []),
    ),
    _phrase(
        "month-of-an-event", "a month before the release it dates ('sets a March return', 'a June premiere')", "month",
        re.compile(
            # not another's (the director's own release, named by its possessive)
            rf"(?<!['’]s )\b(?P<month>{_CAPITAL_MONTH})\b\.?\s+(?i:premiere|return|release|debut|launch|bow|arrival|date)s?\b"
        ),
        ("Hollow Creek sets a March return", ["2031-03"]),
        ("a June premiere for Drift", ["2031-06"]),
        ("Hollow Creek gets an April release date", ["2031-04"]),
        ("she stars in the director's July release", []),
    ),
    _phrase(
        "season-of-an-event", "a season of the year before the release it dates ('sets fall premiere', 'summer launch')",
        "nextseason",
        re.compile(
            r"(?<!['’]s )\b(?P<season>spring|summer|fall|autumn|winter)\s+(?i:premiere|return|release|debut|launch|bow|arrival|date)s?\b",
            re.I,
        ),
        ("Hollow Creek season 2 sets fall premiere", ["2031-fall"]),
        ("Drift gets a summer launch", ["2031-summer"]),
        ("Hollow Creek eyes a winter return", ["2031-winter"]),
    ),
    _phrase(
        "relative-month", "'next month', 'later this month'", "relmonth",
        re.compile(
            r"\b(?:(?P<relmonth>next|this|later this|early next|late next|end of the|end of this)\s+month)\b", re.I
        ),
        ("back next month", ["2031-02"]),
        ("coming later this month", ["2031-01"]),
    ),
    _phrase(
        "year", "a year after 'in', 'by', 'until'...; a range ('2031-32') is not one", "year",
        re.compile(
            rf"\b(?:in|by|until|during|for|from|of|around|sometime in|before|after|to)\s+(?:{_YEAR}|{_REL_YEAR})\b(?!\s*[-–]\s*\d)",
            re.I,
        ),
        ("returns in 2032", ["2032"]),
        ("pushed to 2032", ["2032"]),
        ("expected by next year", ["2032"]),
        ("the 2031-32 schedule", []),
    ),
    _phrase(
        "relative-year", "'this year', 'next year' on their own", "year",
        re.compile(rf"\b{_REL_YEAR}\b", re.I),
        ("coming this year", ["2031"]),
        ("back next year", ["2032"]),
    ),
)


@dataclass(frozen=True)
class DateMention:
    text: str
    value: str
    start: int
    end: int
    phrase: str = ""  # the name of the phrase that read it
    relative: bool = False  # read against the text's day from words that write no year ("next year")
    year_from_day: bool = False  # a day or a month written without its year ("Nov. 3"): the text's day gave it


# phrases whose every value is read against the text's own day ("next spring", "next month")
RELATIVE_KINDS = frozenset({"nextseason", "relmonth"})
# phrases that may write a day or a month without its year, which the text's day then gives
YEARLESS_KINDS = frozenset({"mdy", "dmy", "numeric", "month", "pastmonth"})
_WRITTEN_YEAR = re.compile(r"\d{4}|['’]\d{2}\b|/\d{2,4}\b")


# what every date phrase holds one of: a text with none has no date, and the phrases are not tried
_MAY_HOLD_A_DATE = re.compile(
    rf"\d|\b(?:{MONTH_ALTERNATION}|spring|summer|fall|autumn|winter|year|month|quarter)", re.I
)


def find_dates(
    text: str, reference: datetime | date | None = None, phrases: tuple[DatePhrase, ...] = DATE_PHRASES
) -> list[DateMention]:
    """Every date phrase in `text`, left to right, without overlaps."""
    if not _MAY_HOLD_A_DATE.search(text):
        return []
    ref = reference.date() if isinstance(reference, datetime) else reference or date.today()
    if not any(c.isupper() for c in text):
        # written all in lower case ("drift s3 drops in march"): months cannot be told by capitals
        text = re.sub(r"\b[a-z]", lambda m: m.group(0).upper(), text)
    # a word in capitals for emphasis ("filming in MARCH??") is the word
    text = re.sub(r"\b[A-Z]{3,}\b", lambda m: m.group(0).capitalize(), text)
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for phrase in phrases:
        for match in phrase.pattern.finditer(text):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            value = _normalize(phrase.kind, match, ref)
            if value:
                taken.append((match.start(), match.end()))
                relative = phrase.kind in RELATIVE_KINDS or bool(match.groupdict().get("rel") or match.groupdict().get("when"))
                yearless = phrase.kind in YEARLESS_KINDS and not relative and not _WRITTEN_YEAR.search(match.group(0))
                found.append(DateMention(match.group(0), value, match.start(), match.end(), phrase.name, relative, yearless))
    return sorted(found, key=lambda m: m.start)


def _normalize(kind: str, match: re.Match[str], ref: date) -> str | None:
    groups = match.groupdict()
    year = int(groups["year"]) if groups.get("year") else None
    if groups.get("rel"):
        year = ref.year + _RELATIVE[groups["rel"].lower()]
    if kind in ("iso", "mdy", "dmy"):
        month = int(groups["month"]) if kind == "iso" else _month_number(groups["month"])
        day = int(groups["day"])
        if kind != "iso" and _verb_may(groups["month"]) and not year:
            return None
        if year is None:
            return _resolve_yearless(month, day, ref)
        return _iso(year, month, day)
    if kind == "numeric":
        month, day = int(groups["nmonth"]), int(groups["nday"])
        if not groups.get("nyear"):
            return _resolve_yearless(month, day, ref)
        numeric_year = int(groups["nyear"])
        return _iso(numeric_year + 2000 if numeric_year < 100 else numeric_year, month, day)
    if kind == "my":
        if _verb_may(groups["month"]):
            return None
        return f"{year}-{_month_number(groups['month']):02d}"
    if kind == "season":
        season = SEASONS_OF_YEAR[groups["season"].lower()]
        if year is None:
            when = (groups.get("when") or "").lower()
            if not when:
                return None  # a bare "fall" is too often a verb or a noun
            year = ref.year + _RELATIVE[when]
        return f"{year}-{season}"
    if kind == "nextseason":
        return _next_season(SEASONS_OF_YEAR[groups["season"].lower()], ref)
    if kind == "part":
        part = PARTS_OF_YEAR[groups["part"].lower()]
        return f"{year}-{part}" if part else str(year)
    if kind == "quarter":
        quarter = int(groups["q"]) if groups.get("q") else number_value(groups["qword"])
        return f"{year}-Q{quarter}"
    if kind == "pastmonth":
        month = _month_number(groups["month"])
        return f"{ref.year if month <= ref.month else ref.year - 1}-{month:02d}"
    if kind == "month":
        return _resolve_month(_month_number(groups["month"]), ref)
    if kind == "relmonth":
        step = 1 if groups["relmonth"].lower().endswith("next") else 0
        month = ref.month + step
        return f"{ref.year + (month - 1) // 12}-{(month - 1) % 12 + 1:02d}"
    if kind == "year":
        return str(year)
    return None


def _next_season(season: str, ref: date) -> str:
    """A season of the year named without a year: this year's, unless it is over."""
    _, last = MONTHS_OF_PART[season]
    if season == "winter":
        return f"{ref.year}-winter"  # the winter that starts at this year's end
    return f"{ref.year if ref.month <= last else ref.year + 1}-{season}"


def _verb_may(spelled: str) -> bool:
    """ "may 5" in lower case is more often the verb than the month."""
    return spelled[0] == "m" and spelled.lower() == "may"


def _month_number(spelled: str) -> int:
    return MONTHS[spelled.lower().rstrip(".")]


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _resolve_month(month: int, ref: date) -> str:
    """A month without a year: this year's, unless it ended more than a month ago."""
    year = ref.year if month >= ref.month - 1 else ref.year + 1
    return f"{year}-{month:02d}"


def _resolve_yearless(month: int, day: int, ref: date) -> str | None:
    """The year that puts the day from 60 days before `ref` to about ten months after it."""
    for year in (ref.year, ref.year + 1, ref.year - 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if -60 <= (candidate - ref).days <= 305:
            return candidate.isoformat()
    return _iso(ref.year, month, day)


date_precision = fuzzy_date.precision
date_within = fuzzy_date.within
