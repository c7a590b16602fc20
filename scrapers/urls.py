"""One spelling per article URL, so a re-post with tracking parameters is recognised."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from seasonwatch.links import is_tracking_parameter

DEFAULT_PORTS = {"http": "80", "https": "443"}


def canonical_url(url: str) -> str:
    """Lower-case scheme and host, no default port, no fragment, no tracking parameters,
    no trailing slash on the path (but "/" for the root), remaining parameters sorted."""
    url = (url or "").strip()
    if not url:
        return ""
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if host.startswith("www."):
        host = host[4:]
    port = parts.port if _has_valid_port(parts) else None
    netloc = host if port is None or DEFAULT_PORTS.get(scheme) == str(port) else f"{host}:{port}"
    path = parts.path or "/"
    if len(path) > 1 and path.endswith("/"):
        path = path.rstrip("/")
    query = sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not is_tracking_parameter(k))
    return urlunsplit((scheme, netloc, path, urlencode(query), ""))


def _has_valid_port(parts) -> bool:  # type: ignore[no-untyped-def]
    try:
        return parts.port is not None
    except ValueError:
        return False
