"""Dates from structured fields (pubDate, <time datetime>, JSON, a listing's date line), in UTC.

Real fields come in many spellings: RFC 822 with local month names ("Seg, 24 Set 2018"), ISO 8601,
"Sat, Dec 16 2023 02:02:33 PM", "08.03.2018", Unix timestamps, "3 hours ago". A field that does not
look like a date ("Season 2", "by Jane Doe") gives None rather than a guess: dateutil's fuzzy mode
would otherwise fill the missing parts from today and invent one.
"""

from __future__ import annotations

import email.utils
import re
from datetime import UTC, datetime, timedelta, tzinfo

from seasonwatch.lexicon.calendar import FOREIGN_MONTHS, MONTH_ALTERNATION

# Zone abbreviations seen in feeds; dateutil knows only UTC/GMT by itself.
ZONES: dict[str, int] = {
    "UT": 0,
    "UTC": 0,
    "GMT": 0,
    "Z": 0,
    "EST": -5,
    "EDT": -4,
    "CST": -6,
    "CDT": -5,
    "MST": -7,
    "MDT": -6,
    "PST": -8,
    "PDT": -7,
    "AKST": -9,
    "AKDT": -8,
    "HST": -10,
    "BST": 1,
    "CET": 1,
    "CEST": 2,
    "MET": 1,
    "MEST": 2,
    "EET": 2,
    "EEST": 3,
    "WET": 0,
    "WEST": 1,
    "MSK": 3,
    "JST": 9,
    "KST": 9,
    "AEST": 10,
    "AEDT": 11,
}
# dateutil makes each offset a tzoffset named so, as it would for a tzinfo given
TZINFOS = {name: hours * 3600 for name, hours in ZONES.items()}

_WEEKDAY_PREFIX = re.compile(r"^\s*[^\W\d_]{2,12}\.?,\s*")
_WORD = re.compile(r"[^\W\d_]+\.?")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_ENGLISH_MONTH = re.compile(rf"\b(?:{MONTH_ALTERNATION})\b", re.I)
# A date written in numbers only: "08.03.2018", "3/8/2018", "2018/03/08"
_NUMERIC_DATE = re.compile(r"(?<!\d)(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}[./-]\d{1,2}[./-]\d{1,2})(?!\d)")
_RFC822 = re.compile(
    r"^(?:[A-Za-z]{3},?\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{2,4}\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:[+-]\d{4}|[A-Za-z]{1,5}))?$"
)
_DOTTED = re.compile(r"^\s*\d{1,2}\.\d{1,2}\.\d{2,4}\b")
_RELATIVE = re.compile(
    r"\b(?P<count>\d{1,6}|an?|one)\s+(?P<unit>second|sec|minute|min|hour|hr|day|week|month|year)s?\s+ago\b", re.I
)
LONGEST_DATE_FIELD = 300  # characters: a longer field is a paragraph, not a date (and not worth parsing)
_UNIT_SECONDS = {
    "second": 1,
    "sec": 1,
    "minute": 60,
    "min": 60,
    "hour": 3600,
    "hr": 3600,
    "day": 86400,
    "week": 604800,
    "month": 30 * 86400,
    "year": 365 * 86400,
}


def parse_date_field(text: str, *, now: datetime | None = None, zone: tzinfo | None = None) -> datetime | None:
    """A moment in UTC, or None when `text` does not say one.

    `now` (UTC) anchors "3 hours ago", "yesterday" and dates without a year; `zone` is the zone
    assumed when the field names none (a feed's own zone, else UTC)."""
    text = " ".join((text or "")[: LONGEST_DATE_FIELD * 2].split())
    if not text or len(text) > LONGEST_DATE_FIELD:
        return None
    if text.isdigit():
        return _from_timestamp(int(text)) if 9 <= len(text) <= 13 else None
    if now is not None and (relative := _relative(text, now)) is not None:
        return relative
    moment = _strict(text) or _lenient(text, now)
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone or UTC)
    try:
        return moment.astimezone(UTC)
    except (OverflowError, ValueError):
        return None


def zone_of(text: str) -> tzinfo | None:
    """The zone a date field is written in (for items of the same feed that omit theirs)."""
    moment = _strict(" ".join((text or "").split()))
    return moment.tzinfo if moment is not None else None


def _from_timestamp(stamp: int) -> datetime | None:
    try:
        return datetime.fromtimestamp(stamp / 1000 if stamp > 10**11 else stamp, tz=UTC)
    except (OverflowError, OSError, ValueError):
        return None


def _relative(text: str, now: datetime) -> datetime | None:
    lowered = text.casefold()
    if lowered in ("just now", "now"):
        return now
    if lowered.startswith("today"):
        return now
    if lowered.startswith("yesterday"):
        return now - timedelta(days=1)
    match = _RELATIVE.search(text)
    if not match:
        return None
    count = int(match["count"]) if match["count"].isdigit() else 1
    try:
        return now - timedelta(seconds=count * _UNIT_SECONDS[match["unit"].lower()])
    except OverflowError:  # "999999 years ago" is before the year 1: no date at all
        return None


def _strict(text: str) -> datetime | None:
    """RFC 822 (pubDate) and ISO 8601 (Atom, JSON Feed, <time datetime>): the common, exact cases."""
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00") if text.endswith("Z") else text)
    except ValueError:
        pass
    if not _RFC822.match(text):
        return None
    try:
        moment = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    # parsedate reads an unknown zone as UTC; "-0000" means "zone unknown": treat both as naive
    if moment.tzinfo is not None and moment.utcoffset() == timedelta(0) and not _names_utc(text):
        moment = moment.replace(tzinfo=None)
    return moment


def _names_utc(text: str) -> bool:
    return bool(re.search(r"(?:\+0000|\bUTC?\b|\bGMT\b|\bZ\b)\s*$", text))


def _lenient(text: str, now: datetime | None) -> datetime | None:
    text = _WEEKDAY_PREFIX.sub("", text)
    if not _ENGLISH_MONTH.search(text):
        text = _WORD.sub(lambda m: FOREIGN_MONTHS.get(m.group().rstrip(".").casefold(), m.group()), text)
    has_year = bool(_YEAR.search(text))
    if not _ENGLISH_MONTH.search(text) and not (has_year and _NUMERIC_DATE.search(text)):
        return None  # "Season 2", "by Jane", "premieres 2018", "12 Brumaire 2018": no day here
    anchor = now or datetime.now(UTC)
    default = datetime(anchor.year, 1, 1)
    # dateutil is imported here, in the parser processes (preloaded there: feed.SOURCE.libraries),
    # not at the top: a run's own process reads no date before its requests go out
    from dateutil import parser as dateparser

    try:
        moment = dateparser.parse(
            text, fuzzy=True, default=default, dayfirst=bool(_DOTTED.match(text)), tzinfos=TZINFOS
        )
    except (ValueError, OverflowError, TypeError):
        return None
    if not has_year and moment.replace(tzinfo=None) > anchor.replace(tzinfo=None) + timedelta(days=2):
        moment = moment.replace(year=moment.year - 1)  # the year's last days, read in its first: last year's
    return moment
