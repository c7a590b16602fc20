"""The calendar as news writes it: months, weekdays, seasons and parts of the year."""

from __future__ import annotations

from seasonwatch.lexicon.forms import alternation

# each month's name and the abbreviations outlets use, in calendar order
MONTH_SPELLINGS: tuple[tuple[str, ...], ...] = (
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
    ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
    ("october", "oct"), ("november", "nov"), ("december", "dec"),
)  # fmt: skip
MONTH_NAMES: tuple[str, ...] = tuple(spellings[0].capitalize() for spellings in MONTH_SPELLINGS)
MONTHS: dict[str, int] = {
    spelling: number for number, spellings in enumerate(MONTH_SPELLINGS, start=1) for spelling in spellings
}
# longest first: "sept" before "sep", "march" before "mar"
MONTH_ALTERNATION = "|".join(sorted(MONTHS, key=len, reverse=True))
# capitalized, for texts where "may" and "march" may be verbs: only "May" and "March" are months
CAPITAL_MONTH_ALTERNATION = "|".join(name.capitalize() for name in sorted(MONTHS, key=len, reverse=True))
# month names that may stand alone at a sentence's end ("Netflix says December."): not the short
# ones and not "June", which is as often a person
STANDALONE_MONTH_ALTERNATION = "|".join(
    name.capitalize() for name in sorted(MONTHS, key=len, reverse=True) if len(name) > 3 and name != "june"
)

WEEKDAYS: tuple[str, ...] = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAY_PATTERN = alternation(WEEKDAYS)

# words of the calendar, folded: a capitalized "March" or "Friday" names no person or place
CALENDAR_WORDS: frozenset[str] = frozenset(
    [name.casefold() for name in MONTH_NAMES] + [day.casefold() for day in WEEKDAYS]
)
# abbreviated months end with a full stop that does not end a sentence ("Oct. 27")
MONTH_ABBREVIATIONS: frozenset[str] = frozenset(s for spellings in MONTH_SPELLINGS for s in spellings[1:])

# Month names of the languages outlets publish in (French, Spanish, Italian, German, Portuguese,
# Dutch), whole and abbreviated, by month. Read only when no English month is there, so "Mar"
# and "Mai" never clash; a word merely starting like one ("marzo") is not English.
FOREIGN_MONTH_SPELLINGS: tuple[str, ...] = (
    "janvier janv enero ene gennaio gen januar janeiro januari",
    "février févr fév fevrier fevr fev febrero febbraio februar fevereiro februari",
    "mars marzo märz mär mrz março marco maart mrt",
    "avril avr abril abr aprile",
    "mai mayo maggio mag maio mei",
    "juin junio giugno giu juni junho",
    "juillet juil julio luglio lug juli julho",
    "août aoû aout agosto ago augustus",
    "septembre septiembre settembre set setembro",
    "octobre octubre ottobre ott oktober okt outubro out",
    "novembre noviembre novembro",
    "décembre déc decembre diciembre dic dicembre dezember dez dezembro",
)  # fmt: skip
# foreign spelling -> the English abbreviation dateutil reads
FOREIGN_MONTHS: dict[str, str] = {
    word: MONTH_NAMES[number][:3] for number, spellings in enumerate(FOREIGN_MONTH_SPELLINGS) for word in spellings.split()
}

# seasons of the year and their canonical names
SEASONS_OF_YEAR: dict[str, str] = {"spring": "spring", "summer": "summer", "fall": "fall", "autumn": "fall", "winter": "winter"}
# parts of a year; "later this year" means after today, not late in the year: it says only the year
PARTS_OF_YEAR: dict[str, str] = {"early": "early", "mid": "mid", "middle": "mid", "late": "late", "later": "", "end": "late"}
# the first and last month of each vague part of a year (winter runs over the new year)
MONTHS_OF_PART: dict[str, tuple[int, int]] = {
    "spring": (3, 5),
    "summer": (6, 8),
    "fall": (9, 11),
    "winter": (12, 2),
    "early": (1, 4),
    "mid": (5, 8),
    "late": (9, 12),
    "Q1": (1, 3),
    "Q2": (4, 6),
    "Q3": (7, 9),
    "Q4": (10, 12),
}
# "this year", "next month": how far a relative word moves from today
RELATIVE_STEPS: dict[str, int] = {"this": 0, "next": 1, "last": -1}
