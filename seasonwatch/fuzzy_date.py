"""A date as news states it: a day, a month, a part of a year ("spring 2019", "late 2019", "Q2
2019") or a year alone, with how precise it is and which dates it contains.

Stored in the string form facts have always had, so no state migration is needed: "2018-03-08",
"2018-03", "2018-spring", "2018-early", "2018-Q2", "2018". Every stage reads and writes dates
through this one type, so a value is never parsed by slicing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from seasonwatch.lexicon.calendar import MONTH_NAMES, MONTHS_OF_PART

_FORM = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?|-(?P<part>[A-Za-z]\w*))?")

DAY, MONTH, PART, YEAR, NONE = 3, 2, 1, 0, -1


@dataclass(frozen=True)
class FuzzyDate:
    year: int
    month: int | None = None
    day: int | None = None
    part: str = ""  # a season of the year, "early", "mid", "late" or a quarter "Q1".."Q4"

    @classmethod
    def parse(cls, value: str) -> FuzzyDate | None:
        """The stored form back into a date; None for "" or anything that is not one."""
        match = _FORM.fullmatch(value or "")
        if match is None:
            return None
        year = int(match["year"])
        if match["part"]:
            return cls(year, part=match["part"]) if match["part"] in MONTHS_OF_PART else None
        month = int(match["month"]) if match["month"] else None
        day = int(match["day"]) if match["day"] else None
        if month is not None and not 1 <= month <= 12:
            return None
        if day is not None:
            try:
                date(year, month or 1, day)
            except ValueError:
                return None
        return cls(year, month, day)

    @classmethod
    def of_day(cls, day: date) -> FuzzyDate:
        return cls(day.year, day.month, day.day)

    def __str__(self) -> str:
        if self.part:
            return f"{self.year}-{self.part}"
        if self.month is None:
            return str(self.year)
        if self.day is None:
            return f"{self.year}-{self.month:02d}"
        return f"{self.year}-{self.month:02d}-{self.day:02d}"

    @property
    def precision(self) -> int:
        """Day 3, month 2, part of a year 1, year 0."""
        if self.day is not None:
            return DAY
        if self.month is not None:
            return MONTH
        return PART if self.part else YEAR

    def months(self) -> tuple[int, int]:
        """The first and last month it may fall in (a winter runs over the new year: (12, 2))."""
        if self.month is not None:
            return self.month, self.month
        return MONTHS_OF_PART.get(self.part, (1, 12))

    def within(self, vague: FuzzyDate) -> bool:
        """Is `vague` a less precise way of saying this date ("2018-03-08" within "2018-spring",
        "2018-03" or "2018")? Equal dates are within each other; a day is never within another day."""
        if self == vague:
            return True
        if self.precision <= vague.precision or self.year != vague.year:
            return False
        if vague.precision == YEAR:
            return True
        if vague.month is not None:
            return self.month == vague.month
        month = self.month if self.month is not None else None
        low, high = vague.months()
        if month is None:
            return False  # a part of a year is never within another part
        return low <= month <= high if low <= high else month >= low or month <= high

    def last_month(self) -> tuple[int, int]:
        """(year, month) of the last month it may fall in: the latest it can still be to come."""
        if self.month is not None:
            return self.year, self.month
        low, high = self.months()
        return (self.year + 1, high) if high < low else (self.year, high)

    def describe(self) -> str:
        """ "March 8, 2018", "March 2018", "spring 2018", "2018"."""
        if self.day is not None and self.month is not None:
            return f"{MONTH_NAMES[self.month - 1]} {self.day}, {self.year}"
        if self.month is not None:
            return f"{MONTH_NAMES[self.month - 1]} {self.year}"
        if self.part:
            return f"{self.part} {self.year}"
        return str(self.year)


@lru_cache(maxsize=4096)
def parsed(value: str) -> FuzzyDate | None:
    """`FuzzyDate.parse`, remembered: the same few values are compared many times a run."""
    return FuzzyDate.parse(value)


def precision(value: str) -> int:
    """The precision of a stored date value; NONE (-1) for no date."""
    date = parsed(value)
    return date.precision if date else NONE


def within(precise: str, vague: str) -> bool:
    """`FuzzyDate.within` on stored values; False when either is not a date."""
    a, b = parsed(precise), parsed(vague)
    return a is not None and b is not None and a.within(b)


def neighbours(a: str, b: str) -> bool:
    """Two days at most a day apart: one release as two regions date it (the 13th in one, the 14th
    in the next time zone)."""
    x, y = parsed(a), parsed(b)
    if x is None or y is None or x.precision != DAY or y.precision != DAY:
        return False
    return abs((date(x.year, x.month or 1, x.day or 1) - date(y.year, y.month or 1, y.day or 1)).days) <= 1


def describe(value: str) -> str:
    """ "2018-03-08" -> "March 8, 2018"; "" -> "not announced"; anything else as it is."""
    if not value:
        return "not announced"
    date = parsed(value)
    return date.describe() if date else value
