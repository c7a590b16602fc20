"""GATHER: sources -> updates and fact observations.

A new source type is one module here that builds a `SourceType`, plus one line in
`SOURCE_TYPES`. Everything network-related goes through `scrapers.http.HttpClient`.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

import httpx

from scrapers import boundary, feed, listing, tvmaze, wikipedia
from scrapers.http import FetchError, HttpClient, prepare_tls_context
from scrapers.parsing import ParsePool
from scrapers.source_type import Document, IncompleteParse, Parsed, ParseError, SourceType
from seasonwatch.models import (
    FetchSettings,
    Gathered,
    HttpValidators,
    ReadAhead,
    SourceReport,
    SourceSpec,
    SourceStatus,
)

SOURCE_TYPES: dict[str, SourceType] = {
    "feed": feed.SOURCE,
    "html": listing.SOURCE,
    "tvmaze": tvmaze.SOURCE,
    "wikipedia": wikipedia.SOURCE,
}

log = logging.getLogger("seasonwatch.gather")


def validator_key(spec: SourceSpec) -> str:
    """Validators belong to a source *and* the URL it asked for: a changed URL starts afresh."""
    return f"{spec.name}\x1f{SOURCE_TYPES[spec.type].request_url(spec)}"


async def gather(
    sources: Iterable[SourceSpec],
    settings: FetchSettings,
    validators: dict[str, HttpValidators] | None = None,
    *,
    transport: httpx.AsyncBaseTransport | None = None,
    on_report: Callable[[SourceReport], None] | None = None,
    read_ahead: ReadAhead | None = None,
) -> Gathered:
    """Fetch and parse every source concurrently; one failing source never stops the others,
    and none runs past `settings.deadline`. With `read_ahead`, the parser processes also read
    each update as the run asked (`Gathered.readings`)."""
    validators = validators or {}
    gathered = Gathered()
    deadline = asyncio.get_running_loop().time() + settings.deadline
    sources = list(sources)
    libraries = tuple(sorted({name for spec in sources for name in SOURCE_TYPES[spec.type].libraries}))
    pool = ParsePool(settings.parse_timeout, read_ahead=read_ahead, libraries=libraries)
    async with HttpClient(settings, transport=transport) as http, pool as parsers:

        async def one(spec: SourceSpec) -> None:
            started = time.monotonic()
            try:
                async with asyncio.timeout_at(deadline):
                    outcome = await _gather_source(spec, http, parsers, validators.get(validator_key(spec)))
            except TimeoutError:
                url = SOURCE_TYPES[spec.type].request_url(spec)
                reason = f"not finished within fetch.deadline ({settings.deadline:g} s for all sources); given up"
                outcome = _Outcome(
                    SourceReport(spec.name, url, SourceStatus.FAILED, reason, time.monotonic() - started)
                )
            # the one gate: nothing a source sent reaches the rest of the run without passing it
            report, parsed = boundary.admit(outcome.report, outcome.parsed)
            # what was read is kept even when the source is reported: news is never thrown away
            gathered.updates.extend(parsed.updates)
            gathered.observations.extend(parsed.observations)
            gathered.readings.extend(parsed.read_ahead)
            if outcome.validators:
                gathered.validators[validator_key(spec)] = outcome.validators
            gathered.reports.append(report)
            if on_report:
                on_report(report)

        await asyncio.gather(*(one(spec) for spec in sources))
        gathered.parsed, gathered.parse_cpu = parsers.documents, parsers.cpu_seconds
    gathered.reports.sort(key=lambda r: r.source.casefold())
    return gathered


@dataclass
class _Outcome:
    report: SourceReport
    parsed: Parsed | None = None
    validators: HttpValidators | None = None  # to store: only for a source read whole and well


async def _gather_source(
    spec: SourceSpec, http: HttpClient, parsers: ParsePool, validators: HttpValidators | None
) -> _Outcome:
    source_type = SOURCE_TYPES[spec.type]
    url = source_type.request_url(spec)
    started = time.monotonic()

    def report(status: SourceStatus, detail: str = "", items: int = 0) -> SourceReport:
        return SourceReport(spec.name, url, status, detail, time.monotonic() - started, items)

    problems: list[str] = []
    try:
        fetched = await http.fetch_conditionally(url, validators, accept=source_type.accept)
        if fetched.not_modified:
            return _Outcome(report(SourceStatus.NOT_MODIFIED))
        if fetched.truncated:
            problems.append(
                f"the response was larger than max_bytes ({http.settings.max_bytes:,} bytes) and was cut off"
            )
        headers = {name.lower(): value for name, value in fetched.headers.items()}
        document = Document(url=fetched.url, body=fetched.body, headers=headers, fetched_at=datetime.now(UTC))
        # in a worker process, under the source's time budget: never on the event loop
        parsed = await parsers.read(spec, document)
    except IncompleteParse as exc:
        parsed = exc.parsed
        problems.append(str(exc))
    except (FetchError, ParseError) as exc:
        return _Outcome(report(SourceStatus.FAILED, "; ".join([*problems, str(exc)])))
    except Exception as exc:  # a bug or a surprise in one source must not end the run
        log.debug("unexpected error in source %s", spec.name, exc_info=True)
        return _Outcome(report(SourceStatus.FAILED, f"unexpected {type(exc).__name__}: {exc}"))

    if problems:
        # no validators either: the next run must fetch and read the whole thing again
        items = f"{len(parsed)} {'item' if len(parsed) == 1 else 'items'} read"
        return _Outcome(report(SourceStatus.FAILED, f"{'; '.join(problems)} ({items})", len(parsed)), parsed)
    kept = fetched.validators if fetched.validators.etag or fetched.validators.last_modified else None
    return _Outcome(report(SourceStatus.OK, items=len(parsed)), parsed, kept)


__all__ = ["SOURCE_TYPES", "gather", "prepare_tls_context", "validator_key"]
