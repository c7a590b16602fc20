"""The one HTTP client every source goes through: limits, retries, caching, size caps, robots.

Politeness and resilience live here so source types stay pure parsers:
- at most `concurrency` requests in flight overall and `per_host` per host, redirect hops included;
- one deadline per attempt, counted once a slot is held (a slow host cannot hold a slot beyond
  its own timeout, and waiting in line is not charged to the host);
- retries with exponential backoff and jitter on network errors, 5xx and 429, honouring Retry-After;
- conditional GET from stored validators (304: nothing to parse);
- bodies streamed and cut at `max_bytes` after decompression (a gzip bomb stops at the cap);
  gzip and deflate negotiated, and a .gz file served as-is unwrapped;
- redirects followed by hand, so every hop obeys robots.txt and the per-host limit, and a loop is
  named as one; a public source may not redirect to a loopback, private or link-local address,
  nor to a name that does not resolve (an outlet must not be able to point the cron host at its
  own network's services); each name is resolved once per run and connections go to the
  address that was judged, so a second DNS answer cannot lead elsewhere;
- robots.txt fetched once per host per run (RFC 9309) and obeyed when asked.
"""

from __future__ import annotations

import asyncio
import email.utils
import ipaddress
import random
import socket
import ssl
import threading
import urllib.request
import zlib
from collections import defaultdict
from collections.abc import Awaitable, Callable, Iterable
from concurrent.futures import Future
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

from scrapers import robots
from seasonwatch.models import FetchSettings, HttpValidators

RETRY_STATUSES = {429, 500, 502, 503, 504, 520, 521, 522, 523, 524}
REDIRECT_STATUSES = {301, 302, 303, 307, 308}
LONGEST_RETRY_WAIT = 60.0  # seconds; a server asking for longer is reported, not waited for
GZIP_MAGIC = b"\x1f\x8b"


class FetchError(Exception):
    """A source could not be fetched; str() is the one-line reason shown to the user."""


class RedirectError(FetchError):
    """Too many redirects, a loop, or a redirect nowhere."""


@dataclass(frozen=True)
class Fetched:
    url: str  # the final URL, after redirects
    status: int
    headers: httpx.Headers
    body: bytes
    validators: HttpValidators
    truncated: bool = False
    attempts: int = 1

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class HttpClient:
    def __init__(self, settings: FetchSettings, transport: httpx.AsyncBaseTransport | None = None) -> None:
        self.settings = settings
        # With a proxy, the proxy resolves names and connects (httpx honours HTTP(S)_PROXY and
        # ALL_PROXY): names are then judged by what they look like too. Without one, every
        # connection goes to the address that was resolved, once, and judged.
        self.proxied = transport is None and bool(proxies_in_environment())
        if transport is None and not self.proxied:
            transport = PinnedTransport(self._addresses, settings.concurrency)
        self._client = httpx.AsyncClient(
            transport=transport,
            verify=tls_context() if transport is None else True,  # proxied: httpx's own transports
            follow_redirects=False,  # followed by hand: robots.txt and limits apply to every hop
            timeout=httpx.Timeout(settings.timeout),
            limits=httpx.Limits(max_connections=settings.concurrency, max_keepalive_connections=settings.concurrency),
            headers={"User-Agent": settings.user_agent},
        )
        self._slots = asyncio.Semaphore(settings.concurrency)
        self._host_slots: dict[str, asyncio.Semaphore] = defaultdict(lambda: asyncio.Semaphore(settings.per_host))
        # per origin: its rules, or the reason robots.txt could not be read
        self._robots: dict[str, robots.RobotsRules | str] = {}
        self._robots_locks: dict[str, asyncio.Lock] = defaultdict(asyncio.Lock)
        self._resolved: dict[str, list[str] | str] = {}  # host -> its addresses, or why it has none
        self._resolving: dict[str, asyncio.Lock] = defaultdict(asyncio.Lock)

    async def __aenter__(self) -> HttpClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self._client.aclose()

    # ------------------------------------------------------------------ public

    async def fetch_conditionally(
        self, url: str, validators: HttpValidators | None = None, accept: str = "*/*"
    ) -> Fetched:
        """GET `url`, sending the stored validators; raises FetchError with a readable reason."""
        headers = {"Accept": accept}
        if validators and validators.etag:
            headers["If-None-Match"] = validators.etag
        if validators and validators.last_modified:
            headers["If-Modified-Since"] = validators.last_modified
        fetched = await self._follow(
            url, headers, self.settings.max_bytes, self.settings.retries, obey_robots=self.settings.respect_robots
        )
        if fetched.status >= 400:
            raise FetchError(_status_reason(fetched))
        return fetched

    # ------------------------------------------------------------------ redirects

    async def _follow(
        self, url: str, headers: dict[str, str], max_bytes: int, retries: int, obey_robots: bool
    ) -> Fetched:
        chain = [url]
        while True:
            if obey_robots:
                await self._check_robots(url)
            fetched = await self._get_with_retries(url, headers, max_bytes, retries)
            if fetched.status not in REDIRECT_STATUSES:
                return fetched
            url = _redirect_target(fetched, chain, self.settings.max_redirects)
            await self._refuse_inward_redirect(chain, url)
            chain.append(url)

    async def _refuse_inward_redirect(self, chain: list[str], target: str) -> None:
        """A source at a public address may not send us to an internal one: an outlet's redirect
        must not point the cron host at services only its own network can reach. Sources the
        operator configured on internal addresses (and the demo and tests on loopback) may."""
        host = urlsplit(target).hostname or ""
        if host == (urlsplit(chain[-1]).hostname or ""):
            return  # the same host as the hop before: no further inside than it was
        if await self._internal(urlsplit(chain[0]).hostname or "", unresolved=""):
            return
        inside = await self._internal(host, unresolved="a name this host cannot resolve")
        if not inside and self.proxied:
            inside = internal_name(host)
        if inside:
            raise RedirectError(
                f"redirect from {chain[0]} to {target} refused: {host} is {inside}, "
                "and a public source may not point at internal addresses"
            )

    async def _internal(self, host: str, unresolved: str) -> str:
        """Why `host` is internal ("a loopback address (127.0.0.1)"), "" when it is public, or
        `unresolved` when it has no address here. With a proxy, a name is resolved here only to
        be judged: the proxy resolves it again."""
        addresses = await self._addresses(host)
        if isinstance(addresses, str):
            return unresolved
        return next(filter(None, map(internal_kind, addresses)), "")

    async def _addresses(self, host: str) -> list[str] | str:
        """The addresses of `host`, resolved once per run and kept: what is judged is what is
        connected to (a second lookup could answer otherwise). A str says why there are none."""
        async with self._resolving[host]:
            if host not in self._resolved:
                try:
                    self._resolved[host] = await asyncio.wait_for(resolve(host), self.settings.timeout) or "no address"
                except (OSError, TimeoutError, UnicodeError) as exc:
                    self._resolved[host] = (
                        _connect_detail(str(exc)) if not isinstance(exc, TimeoutError) else "timed out"
                    )
        return self._resolved[host]

    # ------------------------------------------------------------------ retries

    async def _get_with_retries(self, url: str, headers: dict[str, str], max_bytes: int, retries: int) -> Fetched:
        """The response after up to `retries` more attempts; raises FetchError for network trouble."""
        for attempt in range(retries + 1):
            last = attempt == retries
            try:
                fetched = await self._get_once(url, headers, max_bytes)
            except (httpx.UnsupportedProtocol, httpx.InvalidURL) as exc:
                raise FetchError(f"cannot fetch {url!r}: {exc}") from None
            except httpx.DecodingError as exc:
                raise FetchError(f"the response from {_host(url)} could not be decompressed: {exc}") from None
            except (httpx.TransportError, TimeoutError) as exc:
                if last:
                    raise FetchError(_network_reason(exc, url, self.settings.timeout, attempt + 1)) from None
                await asyncio.sleep(_backoff(attempt))
                continue
            fetched = replace(fetched, attempts=attempt + 1)
            if fetched.status not in RETRY_STATUSES or last:
                return fetched
            wait = _retry_after(fetched.headers.get("retry-after"))
            if wait is not None and wait > LONGEST_RETRY_WAIT:
                return fetched  # reported with the wait it asked for
            await asyncio.sleep(wait if wait is not None else _backoff(attempt))
        raise AssertionError("unreachable")  # pragma: no cover

    async def _get_once(self, url: str, headers: dict[str, str], max_bytes: int) -> Fetched:
        # the host's slot first: a request queued behind its own busy host must not sit on a
        # global slot meanwhile, or a few busy hosts would stall every other one
        async with self._host_slots[_host(url)], self._slots:
            # the deadline starts once we hold the slots: waiting in line is not the host's fault
            async with asyncio.timeout(self.settings.timeout):
                async with self._client.stream("GET", url, headers=headers) as response:
                    body, truncated = b"", False
                    if 200 <= response.status_code < 300:
                        body, truncated = await _read_capped(response, max_bytes)
                        body, truncated = _unwrap_gzip(body, max_bytes, truncated)
                    elif response.status_code == 304:
                        # a 304 has no body whatever its headers say (RFC 9110 15.4.5, and h11
                        # reads it so): reading that empty body ends the response, so the
                        # connection goes back to the pool for the next request to the host
                        # instead of being closed (a rerun would connect anew for every source)
                        await response.aread()
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

    async def _check_robots(self, url: str) -> None:
        origin = _origin(url)
        async with self._robots_locks[origin]:
            if origin not in self._robots:
                self._robots[origin] = await self._load_robots(origin)
        rules = self._robots[origin]
        if isinstance(rules, str):
            raise FetchError(rules)
        blocking = rules.blocking_rule(url)
        if blocking is not None:
            path = urlsplit(url).path or "/"
            raise FetchError(
                f"robots.txt of {origin} does not allow {path} for {self.settings.user_agent.split()[0]} ({blocking})"
            )

    async def _load_robots(self, origin: str) -> robots.RobotsRules | str:
        """The rules, or why nothing may be fetched. Per RFC 9309: a 4xx (no robots.txt) allows
        everything; a 5xx, 429 or an unreachable server means "do not crawl" for now."""
        try:
            fetched = await self._follow(
                f"{origin}/robots.txt", {"Accept": "text/plain"}, robots.MAX_BYTES, retries=0, obey_robots=False
            )
        except RedirectError:
            return robots.ALLOW_ALL  # RFC 9309: too many redirects counts as "unavailable"
        except FetchError as exc:
            # the host's own trouble, named as such: it would meet the feed request too
            return f"{exc} (while asking for {origin}/robots.txt)"
        if fetched.status >= 500 or fetched.status == 429:
            return (
                f"robots.txt of {origin} answered HTTP {fetched.status} {_phrase(fetched.status)}; "
                "until it can be read, nothing there may be fetched (RFC 9309)"
            )
        if fetched.status >= 400:
            return robots.ALLOW_ALL
        return robots.parse_robots(fetched.body.decode("utf-8", errors="replace"), self.settings.user_agent)


# ---------------------------------------------------------------------- helpers


async def _read_capped(response: httpx.Response, max_bytes: int) -> tuple[bytes, bool]:
    chunks: list[bytes] = []
    size = 0
    async for chunk in response.aiter_bytes():  # decompressed bytes: the cap bounds what we hold
        if size + len(chunk) > max_bytes:
            chunks.append(chunk[: max_bytes - size])
            return b"".join(chunks), True
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks), False


def _unwrap_gzip(body: bytes, max_bytes: int, truncated: bool) -> tuple[bytes, bool]:
    """A feed published as a .gz file (no Content-Encoding) is still the feed; cap it too."""
    if not body.startswith(GZIP_MAGIC):
        return body, truncated
    inflater = zlib.decompressobj(wbits=31)
    try:
        inner = inflater.decompress(body, max_bytes + 1)
    except zlib.error:
        return body, truncated  # not gzip after all: the parser says what it is
    if len(inner) > max_bytes:
        return inner[:max_bytes], True
    return inner, truncated


def _redirect_target(fetched: Fetched, chain: list[str], max_redirects: int) -> str:
    location = fetched.headers.get("location", "").strip()
    if not location:
        raise RedirectError(f"HTTP {fetched.status} redirect from {fetched.url} without a Location header")
    target = urljoin(fetched.url, location)
    if urlsplit(target).scheme not in ("http", "https"):
        raise RedirectError(f"redirected to {target!r}, which is not an http(s) address")
    if target in chain:
        raise RedirectError(f"redirect loop: {' → '.join([*chain, target])}")
    if len(chain) > max_redirects:
        raise RedirectError(f"more than {max_redirects} redirects (max_redirects): {' → '.join([*chain, target])}")
    return target


async def resolve(host: str) -> list[str]:
    """The addresses a host name stands for (an address stands for itself)."""
    host = host.strip("[]")
    try:
        return [str(ipaddress.ip_address(host))]
    except ValueError:
        pass
    if host == "localhost" or host.endswith(".localhost"):
        return ["127.0.0.1"]  # RFC 6761: always loopback, whatever a resolver says
    infos = await asyncio.get_running_loop().getaddrinfo(host, None, type=socket.SOCK_STREAM)
    return [str(info[4][0]) for info in infos]


# IPv6 prefixes that carry an IPv4 address in their last 32 bits: NAT64 (RFC 6052, RFC 8215)
# and the deprecated IPv4-compatible form. Such an address reaches what the IPv4 one does.
EMBEDDED_IPV4 = [ipaddress.ip_network(prefix) for prefix in ("64:ff9b::/96", "64:ff9b:1::/48", "::/96")]
# Names that exist only inside a network: with a proxy (which resolves names itself) a public
# source may not point at them, resolvable here or not
INTERNAL_SUFFIXES = (
    ".internal",
    ".local",
    ".localhost",
    ".localdomain",
    ".lan",
    ".home",
    ".home.arpa",
    ".corp",
    ".intranet",
    ".private",
)


def internal_kind(address: str) -> str:
    """What kind of internal address this is, or "" for a public one. An IPv6 address that
    carries an IPv4 one (mapped, NAT64, 6to4, Teredo, IPv4-compatible) is judged by that."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return ""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped  # ::ffff:a.b.c.d is that IPv4 address itself
    embedded = _embedded_ipv4(ip)
    if embedded is not None and (inner := internal_kind(str(embedded))):
        return f"{inner[:-1]}, inside {ip})"
    for kind, test in (
        ("a loopback", ip.is_loopback),
        ("a link-local", ip.is_link_local),
        ("a private", ip.is_private),
        ("an unspecified", ip.is_unspecified),
    ):
        if test:
            return f"{kind} address ({ip})"
    return "" if ip.is_global or embedded is not None else f"a non-public address ({ip})"


def _embedded_ipv4(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    if not isinstance(ip, ipaddress.IPv6Address):
        return None
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip.teredo is not None:
        return ip.teredo[1]  # the client's address
    if any(ip in network for network in EMBEDDED_IPV4) and int(ip) > 1:  # not "::" or "::1"
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def internal_name(host: str) -> str:
    """Why a host name looks like one only a local network resolves, or ""."""
    name = host.rstrip(".").lower()
    try:
        ipaddress.ip_address(name.strip("[]"))
        return ""  # an address, judged as one
    except ValueError:
        pass
    if "." not in name:
        return "a single-label name, which only a local network resolves (and the proxy may)"
    if name.endswith(INTERNAL_SUFFIXES) or name.startswith(("intranet.", "metadata.")):
        return "a name of a local network, which the proxy may reach"
    return ""


def proxies_in_environment() -> dict[str, str]:
    """The proxies httpx would use, from HTTP_PROXY, HTTPS_PROXY and ALL_PROXY."""
    return {
        scheme: url
        for scheme, url in urllib.request.getproxies_environment().items()
        if scheme in ("http", "https", "all") and url
    }


_tls_context: Future[ssl.SSLContext] | None = None


def prepare_tls_context() -> None:
    """Start building the TLS context (httpx's: certifi's roots, or SSL_CERT_FILE/SSL_CERT_DIR) in
    a thread. Loading the roots takes about 20 ms and lets go of the GIL, so a run that calls this
    first gets it beside its own start-up instead of before its first request."""
    global _tls_context
    if _tls_context is None:
        _tls_context = Future()
        # Not a daemon: a run that stops early (a damaged state file, say) would otherwise tear the
        # interpreter down under OpenSSL still reading the roots, and crash on the way out.
        threading.Thread(target=_build_tls_context, args=(_tls_context,), name="seasonwatch-tls").start()


def _build_tls_context(into: Future[ssl.SSLContext]) -> None:
    try:
        into.set_result(httpx.create_ssl_context())
    except BaseException as exc:  # raised where the context is asked for, as httpx would
        into.set_exception(exc)


def tls_context() -> ssl.SSLContext:
    """The TLS context every client of this process shares (built now if nobody prepared it)."""
    prepare_tls_context()
    assert _tls_context is not None
    return _tls_context.result()


class PinnedTransport(httpx.AsyncHTTPTransport):
    """httpx's own transport, connecting to the addresses the client resolved and judged."""

    def __init__(self, addresses: Callable[[str], Awaitable[list[str] | str]], connections: int) -> None:
        super().__init__(
            verify=tls_context(),
            limits=httpx.Limits(max_connections=connections, max_keepalive_connections=connections),
        )
        # httpcore's pool takes a network backend; httpx does not pass one through
        self._pool._network_backend = PinnedBackend(addresses)


class PinnedBackend(httpcore.AsyncNetworkBackend):
    def __init__(self, addresses: Callable[[str], Awaitable[list[str] | str]]) -> None:
        self._addresses = addresses
        self._network = httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        addresses = await self._addresses(host)
        if isinstance(addresses, str):
            raise httpcore.ConnectError(f"{host}: {addresses}")
        failure: Exception | None = None
        for address in addresses:
            try:
                return await self._network.connect_tcp(
                    address, port, timeout=timeout, local_address=local_address, socket_options=socket_options
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                failure = exc
        assert failure is not None
        raise failure

    async def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.AsyncNetworkStream:
        return await self._network.connect_unix_socket(path, timeout=timeout, socket_options=socket_options)

    async def sleep(self, seconds: float) -> None:
        await self._network.sleep(seconds)


def _host(url: str) -> str:
    return urlsplit(url).netloc.lower()


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc.lower()}"


def _backoff(attempt: int) -> float:
    """Exponential with jitter: 0.5 s, 1 s, 2 s ... scaled by a random factor in [0.5, 1.5)."""
    return min(0.5 * 2**attempt, 30.0) * (0.5 + random.random())


def _retry_after(value: str | None) -> float | None:
    """Retry-After in seconds: a number of seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def _phrase(status: int) -> str:
    try:
        return httpx.codes(status).phrase
    except ValueError:
        return ""


def _status_reason(fetched: Fetched) -> str:
    reason = f"HTTP {fetched.status} {_phrase(fetched.status)}".rstrip()
    wait = _retry_after(fetched.headers.get("retry-after")) if fetched.status in RETRY_STATUSES else None
    if wait is not None and wait > LONGEST_RETRY_WAIT:
        return f"{reason}; the server asks to wait {wait:.0f} s before retrying, longer than we wait in a run"
    if fetched.attempts > 1:
        return f"{reason} after {fetched.attempts} attempts"
    return reason


CONNECT_ERRORS = {
    "Connection refused": "connection refused",
    "All connection attempts failed": "connection refused or host unreachable",
    "Name or service not known": "host name not found",
    "nodename nor servname": "host name not found",
    "No address associated with hostname": "host name not found",
    "Temporary failure in name resolution": "host name lookup failed (DNS)",
    "Network is unreachable": "network unreachable",
    "CERTIFICATE_VERIFY_FAILED": "its TLS certificate is not valid",
}


def _connect_detail(message: str) -> str:
    for needle, plain in CONNECT_ERRORS.items():
        if needle in message:
            return plain
    return message or "connection failed"


def _network_reason(exc: BaseException, url: str, timeout: float, attempts: int) -> str:
    host = _host(url)
    tries = f" ({attempts} attempts)" if attempts > 1 else ""
    if isinstance(exc, TimeoutError | httpx.TimeoutException):
        return f"{host} sent no complete answer within {timeout:g} s{tries}"
    if isinstance(exc, httpx.ConnectError):
        return f"cannot connect to {host}: {_connect_detail(str(exc))}{tries}"
    if isinstance(exc, httpx.RemoteProtocolError):
        return f"{host} closed the connection without a complete answer{tries}"
    return f"network error talking to {host}: {type(exc).__name__}: {exc}{tries}".rstrip(": ")
