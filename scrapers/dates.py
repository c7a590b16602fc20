"""Dates from structured fields (pubDate, <time datetime>, JSON), always returned in UTC."""

from __future__ import annotations

from datetime import UTC, datetime

from dateutil import parser as dateparser


def parse_date_field(text: str) -> datetime | None:
    """ISO 8601, RFC 822 variants, "March 8, 2018", Unix timestamps (s or ms). None if unreadable.

    A date without a zone is taken as UTC: feeds that omit it are usually in UTC, and a
    few hours matter less here than a date at all."""
    text = (text or "").strip()
    if not text:
        return None
    if text.isdigit() and len(text) >= 9:
        stamp = int(text)
        try:
            return datetime.fromtimestamp(stamp / 1000 if stamp > 10**11 else stamp, tz=UTC)
        except (OverflowError, OSError, ValueError):
            return None
    try:
        moment = dateparser.parse(text, fuzzy=True)
    except (ValueError, OverflowError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    try:
        return moment.astimezone(UTC)
    except (OverflowError, ValueError):
        return None
