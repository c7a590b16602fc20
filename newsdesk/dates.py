"""Date phrases in news text, normalized so two outlets' dates compare equal.

Values: "2018-03-08" (a day), "2018-03" (a month), "2018-spring" / "2018-early" / "2018-late" /
"2018-Q2" (vague parts of a year), "2018" (a year). A date without a year ("Oct. 27") is resolved
against the item's own date: the nearest such day from a little before it to most of a year after.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from seasonwatch.fuzzy_date import FuzzyDate
from seasonwatch.lexicon.calendar import (
    CAPITAL_MONTH_ALTERNATION,
    MONTH_ALTERNATION,
    MONTHS,
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

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")),
    ("mdy", re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?:,?\s+{_YEAR}\b)?", re.I)),
    ("dmy", re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}\b(?:,?\s+{_YEAR}\b)?", re.I)),
    ("my", re.compile(rf"\b{_MONTH}\s+(?:of\s+)?{_YEAR}\b", re.I)),
    (
        "season",
        re.compile(
            rf"\b(?:(?P<when>this|next|last)\s+)?(?P<season>spring|summer|fall|autumn|winter)\b(?:\s+(?:of\s+)?{_YEAR}\b)?",
            re.I,
        ),
    ),
    (
        "part",
        re.compile(
            rf"\b(?P<part>early|mid|middle|late|later|end)(?:\s+|-)(?:in\s+|of\s+)?(?:the\s+year\s+)?(?:{_YEAR}|{_REL_YEAR})\b",
            re.I,
        ),
    ),
    (
        "quarter",
        re.compile(
            rf"\b(?:Q(?P<q>[1-4])|(?P<qword>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter)\s+(?:of\s+)?(?:{_YEAR}|{_REL_YEAR})\b",
            re.I,
        ),
    ),
    (
        # "back in April", "last July", "earlier in March": a month already past
        "pastmonth",
        re.compile(
            # "renewed back in April" is past; "is back in March" is a return to come
            rf"(?<!is )(?<!are )(?<!'s )(?<!’s )(?<!be )(?<!comes )(?<!come )"
            rf"\b(?i:back in|last|this past|earlier in|earlier this|since)\s+(?i:(?:early|late|mid)[\s-]+)?"
            rf"(?P<month>{_CAPITAL_MONTH})\b\.?(?!\s*\d)"
        ),
    ),
    (
        # "in December", "this June", "early March": a month without a year; the month
        # must be capitalized ("may" is a verb)
        "month",
        re.compile(
            rf"\b(?i:in|this|next|by|until|during|from|for|come|since|on|early|late|mid|end of|start of)\s+"
            rf"(?i:(?:early|late|mid)[\s-]+)?(?P<month>{_CAPITAL_MONTH})\b\.?(?!\s*\d)"
        ),
    ),
    (
        # "Netflix says December.": a month named on its own, before punctuation
        "month",
        re.compile(
            rf"(?<=\s)(?P<month>{STANDALONE_MONTH_ALTERNATION})"
            r"(?=\s*[.,;:!?]|\s*$)"
        ),
    ),
    (
        "relmonth",
        re.compile(
            r"\b(?:(?P<relmonth>next|this|later this|early next|late next|end of the|end of this)\s+month)\b", re.I
        ),
    ),
    (
        "year",
        re.compile(
            rf"\b(?:in|by|until|during|for|from|of|around|sometime in|before|after)\s+(?:{_YEAR}|{_REL_YEAR})\b(?!\s*[-–]\s*\d)",
            re.I,
        ),
    ),
    (
        "year",  # "coming this year", "back next year"
        re.compile(rf"\b{_REL_YEAR}\b", re.I),
    ),
]


@dataclass(frozen=True)
class DateMention:
    text: str
    value: str
    start: int
    end: int


def find_dates(text: str, reference: datetime | date | None = None) -> list[DateMention]:
    """Every date phrase in `text`, left to right, without overlaps."""
    ref = reference.date() if isinstance(reference, datetime) else reference or date.today()
    if not any(c.isupper() for c in text):
        # written all in lower case ("ozark s3 drops in march"): months cannot be told by capitals
        text = re.sub(r"\b[a-z]", lambda m: m.group(0).upper(), text)
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in PATTERNS:
        for match in pattern.finditer(text):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            value = _normalize(kind, match, ref)
            if value:
                taken.append((match.start(), match.end()))
                found.append(DateMention(match.group(0), value, match.start(), match.end()))
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


def date_precision(value: str) -> int:
    """How precise a normalized date is: day 3, month 2, part of a year 1, year 0, none -1."""
    parsed = FuzzyDate.parse(value)
    return parsed.precision if parsed else -1


def date_within(precise: str, vague: str) -> bool:
    """Is `vague` a less precise way of saying `precise`?"""
    a, b = FuzzyDate.parse(precise), FuzzyDate.parse(vague)
    return a is not None and b is not None and a.within(b)
