"""What every source type provides: its config keys, the URL to fetch, and a pure parser."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar

from seasonwatch.models import Fact, FactObservation, SourceSpec, Update
from seasonwatch.options import Option

T = TypeVar("T")
R = TypeVar("R")


class ParseError(Exception):
    """The document cannot be read as this source type; str() says why in one line."""


class IncompleteParse(ParseError):
    """Part of the document was read and is kept, but the source is reported failed: a layout
    change that loses some items must be heard about, not pass as "less news"."""

    def __init__(self, reason: str, parsed: Parsed) -> None:
        super().__init__(reason)
        self.parsed = parsed


@dataclass(frozen=True)
class Document:
    """A fetched response body, with what a parser needs to read it right."""

    url: str  # the final URL, after redirects
    body: bytes
    headers: Mapping[str, str]
    fetched_at: datetime

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    @property
    def charset(self) -> str | None:
        for part in self.headers.get("content-type", "").split(";")[1:]:
            name, _, value = part.partition("=")
            if name.strip().lower() == "charset" and value.strip():
                return value.strip().strip("\"'")
        return None


@dataclass
class Parsed:
    updates: list[Update] = field(default_factory=list)
    observations: list[FactObservation] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)  # why items or facts were left out, counted
    clean: bool = False  # made safe by the boundary already (boundary.cleaned), in the parser process
    read_ahead: list = field(default_factory=list)  # the run's ReadAhead of these updates, if it asked

    def __len__(self) -> int:
        return len(self.updates) + len(self.observations)


# What reading one malformed item raises: a field of the wrong type (a string where an object
# belongs), a number out of range, a missing key. Never a reason to lose the rest of the source.
UNREADABLE = (AttributeError, TypeError, ValueError, KeyError, IndexError, OverflowError, RecursionError)


def each_readable(items: Iterable[T], read: Callable[[T], R | None], skipped: Counter[str], what: str) -> list[R]:
    """`read` applied to every item; an item it cannot read is skipped and counted under
    "`what` that cannot be read" instead of failing the source. None from `read` skips an item
    on purpose (nothing to count)."""
    results = []
    for item in items:
        try:
            result = read(item)
        except UNREADABLE:
            skipped[f"{what} that cannot be read skipped"] += 1
            continue
        if result is not None:
            results.append(result)
    return results


def observations_of(spec: SourceSpec, facts: list[Fact], page_url: str, document: Document) -> Parsed:
    """A structured source's facts, each an observation of the show the source is configured for:
    the first of `spec.shows`, which the config fills from the type's `is_show` option (whatever
    that option is called)."""
    if not spec.shows:
        raise ParseError(f"source {spec.name!r} names no show its facts are about")
    return Parsed(
        observations=[
            FactObservation(
                show=spec.shows[0],
                fact=fact,
                source=spec.name,
                source_url=page_url,
                observed_at=document.fetched_at,
            )
            for fact in facts
        ]
    )


def no_option_problems(options: dict[str, Any]) -> tuple[str, str] | None:
    return None


@dataclass(frozen=True)
class SourceType:
    """A kind of source: one module in scrapers/ makes one of these, one registry line adds it."""

    options: dict[str, Option]
    url_key: str  # the option holding the address reported for the source
    request_url: Callable[[SourceSpec], str]
    parse: Callable[[SourceSpec, Document], Parsed]
    accept: str = "*/*"
    check_options: Callable[[dict[str, Any]], tuple[str, str] | None] = no_option_problems
    # what `parse` imports where it reads rather than at the top of its module (the run's own
    # process never reads a document): imported once in the parser processes' fork server
    libraries: tuple[str, ...] = ()
