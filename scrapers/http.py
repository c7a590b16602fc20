"""The one HTTP client every source goes through: limits, retries, caching, size caps, robots.

Politeness and resilience live here so source types stay pure parsers:
- at most `concurrency` requests in flight overall and `per_host` per host;
- one deadline per attempt (a slow host cannot hold a slot beyond its own timeout);
- retries with exponential backoff and jitter on network errors, 5xx and 429, honouring Retry-After;
- conditional GET from stored validators (304: nothing to parse);
- bodies streamed and cut at `max_bytes`; a bounded number of redirects; compressed responses;
- robots.txt fetched once per host per run and obeyed when asked.
"""

from __future__ import annotations

import asyncio
import email.utils
import random
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from seasonwatch.models import FetchSettings, HttpValidators

RETRY_STATUSES = {429, 500, 502, 503, 504, 520, 521, 522, 523, 524}
LONGEST_RETRY_WAIT = 60.0  # seconds; a server asking for longer is reported, not waited for
ROBOTS_MAX_BYTES = 512_000


class FetchError(Exception):
    """A source could not be fetched; str() is the one-line reason shown to the user."""


@dataclass(frozen=True)
class Fetched:
    url: str
    status: int
    headers: httpx.Headers
    body: bytes
    validators: HttpValidators
    truncated: bool = False

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class HttpClient:
    def __init__(self, settings: FetchSettings, transport: httpx.AsyncBaseTransport | None = None) -> None:
        self.settings = settings
        self._client = httpx.AsyncClient(
            transport=transport,
            follow_redirects=True,
            max_redirects=settings.max_redirects,
            timeout=httpx.Timeout(settings.timeout),
            limits=httpx.Limits(max_connections=settings.concurrency, max_keepalive_connections=settings.concurrency),
            headers={"User-Agent": settings.user_agent},
        )
        self._slots = asyncio.Semaphore(settings.concurrency)
        self._host_slots: dict[str, asyncio.Semaphore] = defaultdict(lambda: asyncio.Semaphore(settings.per_host))
        self._robots: dict[str, RobotFileParser | None] = {}
        self._robots_locks: dict[str, asyncio.Lock] = defaultdict(asyncio.Lock)

    async def __aenter__(self) -> HttpClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self._client.aclose()

    # ------------------------------------------------------------------ public

    async def fetch_conditionally(
        self, url: str, validators: HttpValidators | None = None, accept: str = "*/*"
    ) -> Fetched:
        """GET `url`, sending the stored validators; raises FetchError with a readable reason."""
        if self.settings.respect_robots and not await self._robots_allow(url):
            raise FetchError(f"robots.txt of {_origin(url)} disallows {urlsplit(url).path or '/'} for our user agent")
        headers = {"Accept": accept}
        if validators and validators.etag:
            headers["If-None-Match"] = validators.etag
        if validators and validators.last_modified:
            headers["If-Modified-Since"] = validators.last_modified
        return await self._get_with_retries(url, headers, self.settings.max_bytes)

    # ------------------------------------------------------------------ retries

    async def _get_with_retries(self, url: str, headers: dict[str, str], max_bytes: int) -> Fetched:
        retries = self.settings.retries
        for attempt in range(retries + 1):
            last = attempt == retries
            try:
                fetched = await self._get_once(url, headers, max_bytes)
            except FetchError:
                raise
            except (httpx.TransportError, TimeoutError) as exc:
                if last:
                    raise FetchError(_describe_network_error(exc, self.settings.timeout)) from None
                await asyncio.sleep(_backoff(attempt))
                continue
            except httpx.TooManyRedirects:
                raise FetchError(f"more than {self.settings.max_redirects} redirects (a redirect loop?)") from None
            except httpx.InvalidURL as exc:
                raise FetchError(f"invalid URL: {exc}") from None

            if fetched.status in RETRY_STATUSES:
                reason = f"HTTP {fetched.status} {_phrase(fetched.status)}"
                wait = _retry_after(fetched.headers.get("retry-after"))
                if wait is not None and wait > LONGEST_RETRY_WAIT:
                    raise FetchError(f"{reason}; the server asks to wait {wait:.0f} s before retrying")
                if last:
                    raise FetchError(f"{reason} after {retries + 1} attempts")
                await asyncio.sleep(wait if wait is not None else _backoff(attempt))
                continue
            if fetched.status >= 400:
                raise FetchError(f"HTTP {fetched.status} {_phrase(fetched.status)}")
            return fetched
        raise AssertionError("unreachable")  # pragma: no cover

    async def _get_once(self, url: str, headers: dict[str, str], max_bytes: int) -> Fetched:
        host = urlsplit(url).netloc.lower()
        async with self._slots, self._host_slots[host]:
            # the deadline starts once we hold the slots: waiting in line is not the host's fault
            async with asyncio.timeout(self.settings.timeout):
                async with self._client.stream("GET", url, headers=headers) as response:
                    body, truncated = b"", False
                    if response.status_code != 304 and response.status_code < 400:
                        body, truncated = await _read_capped(response, max_bytes)
                    return Fetched(
                        url=str(response.url),
                        status=response.status_code,
                        headers=response.headers,
                        body=body,
                        validators=HttpValidators(
                            etag=response.headers.get("etag", ""),
                            last_modified=response.headers.get("last-modified", ""),
                        ),
                        truncated=truncated,
                    )

    # ------------------------------------------------------------------ robots.txt

    async def _robots_allow(self, url: str) -> bool:
        origin = _origin(url)
        async with self._robots_locks[origin]:
            if origin not in self._robots:
                self._robots[origin] = await self._load_robots(origin)
        rules = self._robots[origin]
        return rules is None or rules.can_fetch(self.settings.user_agent, url)

    async def _load_robots(self, origin: str) -> RobotFileParser | None:
        """None means no rules apply. Per RFC 9309: 4xx allows everything, 5xx disallows."""
        rules = RobotFileParser()
        try:
            fetched = await self._get_once(f"{origin}/robots.txt", {"Accept": "text/plain"}, ROBOTS_MAX_BYTES)
        except (httpx.HTTPError, TimeoutError):
            return None  # the request itself will meet and report the same network trouble
        if fetched.status >= 500:
            rules.disallow_all = True
            return rules
        if fetched.status >= 400:
            return None
        rules.parse(fetched.body.decode("utf-8", errors="replace").splitlines())
        return rules


async def _read_capped(response: httpx.Response, max_bytes: int) -> tuple[bytes, bool]:
    chunks: list[bytes] = []
    size = 0
    async for chunk in response.aiter_bytes():
        if size + len(chunk) > max_bytes:
            chunks.append(chunk[: max_bytes - size])
            return b"".join(chunks), True
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks), False


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _backoff(attempt: int) -> float:
    """Exponential with full jitter: 0.5 s, 1 s, 2 s ... scaled by a random factor in [0.5, 1.5)."""
    return min(0.5 * 2**attempt, 30.0) * (0.5 + random.random())


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def _phrase(status: int) -> str:
    try:
        return httpx.codes(status).phrase
    except ValueError:
        return ""


def _describe_network_error(exc: BaseException, timeout: float) -> str:
    if isinstance(exc, TimeoutError | httpx.TimeoutException):
        return f"no complete answer within {timeout:g} s (timeout)"
    if isinstance(exc, httpx.ConnectError):
        return f"cannot connect: {exc or 'connection refused'}"
    return f"network error: {type(exc).__name__}: {exc}".rstrip(": ")
