"""The one gate between what a source sent and the rest of Season Watch.

Everything a source returns (its updates, its facts and the reason it failed) passes `admit`
once, in `scrapers.gather`, before the decision stage, SQLite, a template or the mail composer
sees it. The work on each item (`cleaned`) is done in the parser process that read the document,
so it runs beside the downloads instead of on the event loop; `admit` does it for anything that
did not come from there. After it:

- text is valid Unicode: lone surrogates become U+FFFD, noncharacters and control characters
  (other than tab and line breaks in HTML) are gone;
- lengths are capped (`LIMITS`), so no later stage does expensive work on a 10 MB title;
- numbers are in range: a season is 1–999, an episode count 1–9999, a date between 1900 and 2199;
- links are absolute http(s) URLs or dropped; an item's identity (guid) that is too long to keep
  is replaced by its hash, so it still tells the item apart.

What it had to change is counted and reported with the source ("title cut to 2,000 characters
(1)"): a hostile or broken outlet is named, and its other items still go through.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from urllib.parse import urlsplit

from scrapers.source_type import Parsed
from scrapers.urls import canonical_url
from seasonwatch.markup import shorten
from seasonwatch.models import Fact, FactObservation, SourceReport, Update


@dataclass(frozen=True)
class Limits:
    title: int = 2_000  # characters
    summary: int = 20_000
    html: int = 100_000
    author: int = 300
    guid: int = 2_000
    url: int = 8_192
    fact_text: int = 300  # a fact's subject (a person) or value (a role, a network)
    reason: int = 1_000  # a failed source's reason
    updates: int = 1_000  # items kept per source and run
    observations: int = 2_000  # facts kept per source and run


LIMITS = Limits()
SEASONS = range(1, 1000)
EPISODES = range(1, 10_000)
YEARS = range(1900, 2200)

_SURROGATE = re.compile("[\ud800-\udfff]")
# C0 and C1 controls and DEL; noncharacters (U+FDD0–U+FDEF and the last two code points of
# every plane): no reader, XML document or mail client wants them
_NONCHARACTERS = "\ufdd0-\ufdef" + "".join(
    f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17)
)
_INVALID_IN_TEXT = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f{_NONCHARACTERS}]")
_INVALID_IN_LINE = re.compile(f"[\x00-\x1f\x7f-\x9f{_NONCHARACTERS}]")
_URL_WHITESPACE = re.compile("[\t\n\r]")  # browsers drop these inside a URL (WHATWG URL)


class Notes(Counter[str]):
    """What the boundary changed or dropped, by what it was: for the source's report."""

    def __str__(self) -> str:
        return "; ".join(f"{what} ({count:,})" for what, count in self.items())


def admit(report: SourceReport, parsed: Parsed | None) -> tuple[SourceReport, Parsed]:
    """The source's results made safe for every later stage, and its report with what had to
    change (or what its parser skipped) added to the reason. Results the parser process made
    safe already (`cleaned`, which it does while the event loop goes on downloading) are taken
    as they are, with what cleaning them changed."""
    if parsed is not None and not parsed.clean:
        parsed = cleaned(parsed, report.url)
    notes = Notes(parsed.skipped if parsed else {})
    admitted = Parsed() if parsed is None else replace(parsed, skipped=Counter())
    detail = line(report.detail, LIMITS.reason, Notes())
    if notes:
        detail = f"{detail}; {notes}" if detail else str(notes)
    return replace(report, detail=detail, items=len(admitted)), admitted


def cleaned(parsed: Parsed, source_url: str) -> Parsed:
    """`parsed` made safe item by item, with what had to change counted with what its parser
    skipped. `source_url` stands in for a fact's own link when it has none that is valid."""
    notes = Notes(parsed.skipped)
    updates = _kept(parsed.updates, LIMITS.updates, "items beyond the first 1,000 dropped", notes)
    updates = [u for u in (_update(u, notes) for u in updates) if u is not None]
    facts = _kept(parsed.observations, LIMITS.observations, "facts beyond the first 2,000 dropped", notes)
    observations = [o for o in (_observation(o, source_url, notes) for o in facts) if o is not None]
    return Parsed(updates=updates, observations=observations, skipped=notes, clean=True)


def _kept(items: list, limit: int, note: str, notes: Notes) -> list:
    if len(items) > limit:
        notes[note] += len(items) - limit
    return items[:limit]


# ---------------------------------------------------------------------------- text


def valid_unicode(text: str, keep_line_breaks: bool = False) -> str:
    """`text` with lone surrogates replaced (U+FFFD) and controls and noncharacters dropped."""
    text = _SURROGATE.sub("\ufffd", text)
    return (_INVALID_IN_TEXT if keep_line_breaks else _INVALID_IN_LINE).sub("", text)


def line(value: object, limit: int, notes: Notes, what: str = "") -> str:
    """One line of plain text, at most `limit` characters (cut at a word, marked with "…")."""
    if not isinstance(value, str):
        return ""
    # cut before cleaning, so a 10 MB title costs no more than a long one; cleaning only shortens
    text = value[: limit * 2 + 64]
    if what and (_SURROGATE.search(text) or _INVALID_IN_LINE.search(text)):
        notes[f"{what} with characters that are not valid text repaired"] += 1
    text = valid_unicode(text).strip()
    if len(text) > limit:
        if what:
            notes[f"{what} cut to {limit:,} characters"] += 1
        text = shorten(text, limit)
    return text


def _html(value: object, notes: Notes) -> str:
    """Sanitized HTML (the parsers sanitize it): a body past the limit is dropped, not cut,
    since a cut could end inside a tag."""
    if not isinstance(value, str):
        return ""
    if len(value) > LIMITS.html:
        notes[f"HTML body over {LIMITS.html:,} characters dropped"] += 1
        return ""
    return valid_unicode(value, keep_line_breaks=True)


def http_url(value: object) -> str:
    """An absolute http(s) URL, or "" when `value` is not one (or is too long to be one)."""
    if not isinstance(value, str):
        return ""
    url = _URL_WHITESPACE.sub("", value.strip())
    if not url or len(url) > LIMITS.url or _INVALID_IN_LINE.search(url) or _SURROGATE.search(url):
        return ""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number in range
    except ValueError:
        return ""
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname or " " in url:
        return ""
    return url


def _guid(value: object) -> str:
    ident = line(value, 10 * LIMITS.guid, Notes())
    if len(ident) > LIMITS.guid:
        # still tells the item apart, and the same item keeps the same identity every run
        return "sha256:" + hashlib.sha256(ident.encode("utf-8")).hexdigest()
    return ident


def _moment(value: object, notes: Notes) -> datetime | None:
    if not isinstance(value, datetime):
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    if value.year not in YEARS:
        notes[f"date outside {YEARS.start}–{YEARS.stop - 1} dropped"] += 1
        return None
    return value


# ---------------------------------------------------------------------------- records


def _update(update: Update, notes: Notes) -> Update | None:
    url = http_url(update.url)
    if update.url and not url:
        notes["link that is not an absolute http(s) URL dropped"] += 1
    title = line(update.title, LIMITS.title, notes, "title")
    if not title and not url:
        notes["item without a title or a link skipped"] += 1
        return None
    return Update(
        source=update.source,
        url=url,
        canonical_url=canonical_url(url),
        guid=_guid(update.guid),
        title=title or url,
        summary=line(update.summary, LIMITS.summary, notes, "summary"),
        html=_html(update.html, notes),
        published=_moment(update.published, notes),
        author=line(update.author, LIMITS.author, notes, "author"),
        shows=update.shows,
    )


def _observation(observation: FactObservation, fallback_url: str, notes: Notes) -> FactObservation | None:
    fact = _fact(observation.fact, notes)
    if fact is None:
        return None
    return replace(
        observation,
        fact=fact,
        source_url=http_url(observation.source_url) or fallback_url,
        observed_at=_moment(observation.observed_at, Notes()) or datetime.now(UTC),
    )


def _fact(fact: Fact, notes: Notes) -> Fact | None:
    season = fact.season
    if season is not None and (not isinstance(season, int) or isinstance(season, bool) or season not in SEASONS):
        notes[f"fact with a season number outside {SEASONS.start}–{SEASONS.stop - 1} skipped"] += 1
        return None
    value = line(fact.value, LIMITS.fact_text, notes, "fact value")
    if fact.kind == "episodes" and not (value.isdecimal() and len(value) < 6 and int(value) in EPISODES):
        notes[f"episode count outside {EPISODES.start}–{EPISODES.stop - 1} skipped"] += 1
        return None
    return Fact(
        kind=fact.kind,
        season=season,
        subject=line(fact.subject, LIMITS.fact_text, notes, "name"),
        value=value,
        before=line(fact.before, LIMITS.fact_text, notes),
    )
