"""What every source type provides: its config keys, the URL to fetch, and a pure parser."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from seasonwatch.models import Fact, FactObservation, SourceSpec, Update
from seasonwatch.options import Option


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

    def __len__(self) -> int:
        return len(self.updates) + len(self.observations)


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
