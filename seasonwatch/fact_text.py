"""Facts in words a reader understands, the same in the dry-run, the feeds and the digest."""

from __future__ import annotations

from seasonwatch.models import Fact
from seasonwatch.vocabulary import MONTH_NAMES

# by number, not by list index: month 0 must be no month, not December
_MONTH_NAME = dict(enumerate(MONTH_NAMES, start=1))


def describe_date(value: str) -> str:
    """ "2018-03-08" -> "March 8, 2018"; "2018-spring" -> "spring 2018"; "" -> "not announced"."""
    if not value:
        return "not announced"
    parts = value.split("-")
    try:
        if len(parts) == 3:
            return f"{_MONTH_NAME[int(parts[1])]} {int(parts[2])}, {parts[0]}"
        if len(parts) == 2 and parts[1].isdigit():
            return f"{_MONTH_NAME[int(parts[1])]} {parts[0]}"
    except (KeyError, ValueError):
        return value
    if len(parts) == 2:  # a season or quarter: "2018-spring", "2018-Q3"
        return f"{parts[1]} {parts[0]}"
    return value


# the reader's word for a fact kind, where it is not the kind's own name
LABELS = {"production": "filming"}


def describe_fact(fact: Fact) -> str:
    """ "Season 2 premiere: March 8, 2018"; "Cast: Janet McTeer as Alisa"; with "before → after"
    when the fact changes a known one."""
    season = f"Season {fact.season} " if fact.season else ""
    if fact.kind == "cast":
        role = f" as {fact.value}" if fact.value else ""
        return f"Cast: {fact.subject}{role}" + (f" (before: {fact.before})" if fact.before else "")
    if fact.kind == "departure":
        return f"Leaves the cast: {fact.subject}"
    if fact.kind == "showrunner":
        return f"Showrunner leaves: {fact.subject}" if fact.value == "leaves" else f"Showrunner: {fact.subject}"
    if fact.kind == "footage":
        shown = fact.value or "none yet"
        return _with_before(f"{season}footage: {shown}".capitalize(), fact, shown)
    if fact.kind == "titles":
        return f"{season}episode titles revealed".capitalize()
    if fact.kind == "filming":
        shown = fact.value or "not started"
        return _with_before(f"{season}filming: {shown}".capitalize(), fact, shown)
    if fact.kind == "renewal":
        state = "renewed" if fact.value else "not renewed yet"
        return _with_before(f"Season {fact.season}: {state}" if fact.season else f"Renewal: {state}", fact, state)
    if fact.kind == "cancellation":
        return "Cancelled" + (f" after season {fact.season}" if fact.season else "")
    if fact.kind in ("premiere", "finale", "production"):
        value = describe_date(fact.value)
        label = f"{season}{LABELS.get(fact.kind, fact.kind)}".strip()
        return _with_before(f"{label[0].upper()}{label[1:]}: {value}", fact, value)
    if fact.kind == "episodes":
        return _with_before(f"{season}episodes: {fact.value}".capitalize(), fact, fact.value)
    label = LABELS.get(fact.kind, fact.kind)
    return _with_before(f"{label.capitalize()}: {fact.value}", fact, fact.value)


def _with_before(text: str, fact: Fact, after: str) -> str:
    if fact.before and fact.before != after:
        head, _, _ = text.partition(": ")
        return f"{head}: {fact.before} → {after}"
    return text
