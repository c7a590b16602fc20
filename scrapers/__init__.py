"""GATHER: sources -> updates and fact observations.

A new source type is one module here that builds a `SourceType`, plus one line in
`SOURCE_TYPES`. Everything network-related goes through `scrapers.http.HttpClient`.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Iterable
from datetime import UTC, datetime

import httpx

from scrapers import feed, listing, tvmaze, wikipedia
from scrapers.http import FetchError, HttpClient
from scrapers.source_type import Document, IncompleteParse, ParseError, SourceType
from seasonwatch.models import FetchSettings, Gathered, HttpValidators, SourceReport, SourceSpec, SourceStatus

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
) -> Gathered:
    """Fetch and parse every source concurrently; one failing source never stops the others."""
    validators = validators or {}
    gathered = Gathered()
    async with HttpClient(settings, transport=transport) as http:

        async def one(spec: SourceSpec) -> None:
            report = await _gather_source(spec, http, validators.get(validator_key(spec)), gathered)
            gathered.reports.append(report)
            if on_report:
                on_report(report)

        await asyncio.gather(*(one(spec) for spec in sources))
    gathered.reports.sort(key=lambda r: r.source.casefold())
    return gathered


async def _gather_source(
    spec: SourceSpec, http: HttpClient, validators: HttpValidators | None, gathered: Gathered
) -> SourceReport:
    source_type = SOURCE_TYPES[spec.type]
    url = source_type.request_url(spec)
    started = time.monotonic()

    def report(status: SourceStatus, detail: str = "", items: int = 0) -> SourceReport:
        return SourceReport(spec.name, url, status, detail, time.monotonic() - started, items)

    problems: list[str] = []
    try:
        fetched = await http.fetch_conditionally(url, validators, accept=source_type.accept)
        if fetched.not_modified:
            return report(SourceStatus.NOT_MODIFIED)
        if fetched.truncated:
            problems.append(
                f"the response was larger than max_bytes ({http.settings.max_bytes:,} bytes) and was cut off"
            )
        document = Document(url=fetched.url, body=fetched.body, headers=fetched.headers, fetched_at=datetime.now(UTC))
        # parsing is CPU work: off the event loop, so slow parses never stall other downloads
        parsed = await asyncio.to_thread(source_type.parse, spec, document)
    except IncompleteParse as exc:
        parsed = exc.parsed
        problems.append(str(exc))
    except (FetchError, ParseError) as exc:
        return report(SourceStatus.FAILED, "; ".join([*problems, str(exc)]))
    except Exception as exc:  # a bug or a surprise in one source must not end the run
        log.debug("unexpected error in source %s", spec.name, exc_info=True)
        return report(SourceStatus.FAILED, f"unexpected {type(exc).__name__}: {exc}")

    # what was read is kept even when the source is reported: news is never thrown away
    gathered.updates.extend(parsed.updates)
    gathered.observations.extend(parsed.observations)
    if problems:
        # no validators either: the next run must fetch and read the whole thing again
        items = f"{len(parsed)} {'item' if len(parsed) == 1 else 'items'} read"
        return report(SourceStatus.FAILED, f"{'; '.join(problems)} ({items})", len(parsed))
    if fetched.validators.etag or fetched.validators.last_modified:
        gathered.validators[validator_key(spec)] = fetched.validators
    return report(SourceStatus.OK, items=len(parsed))


__all__ = ["SOURCE_TYPES", "gather", "validator_key"]
