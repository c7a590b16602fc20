"""`tvmaze` sources: one GET of <url>?embed[]=seasons&embed[]=cast, read as facts.

Facts: each season's premiere (or that none is set), finale and episode order, the network or
web channel, the show's status, seasons that exist (a listed season is a renewed one) and the
cast (person and character)."""

from __future__ import annotations

import json
import re
from collections import Counter
from typing import Any
from urllib.parse import urlsplit

from scrapers.source_type import Document, Parsed, ParseError, SourceType, each_readable, observations_of
from scrapers.xml_text import codec_name
from seasonwatch.markup import normalize_text
from seasonwatch.models import Fact, SourceSpec
from seasonwatch.options import Option

EMBEDS = "embed[]=seasons&embed[]=cast"


def request_url(spec: SourceSpec) -> str:
    url = spec.options["url"]
    return f"{url}{'&' if '?' in url else '?'}{EMBEDS}"


def parse(spec: SourceSpec, document: Document) -> Parsed:
    data = _json(document)
    skipped: Counter[str] = Counter()
    if _is_cast_list(data):  # /shows/<id>/cast: the cast alone
        facts, page = cast_facts(data, skipped), document.url
    else:
        show = _show(data)
        facts, page = show_facts(show, skipped), _page_url(show, document.url)
    parsed = observations_of(spec, facts, page, document)
    parsed.skipped = skipped
    return parsed


def _json(document: Document) -> Any:
    # JSON is UTF-8 (RFC 8259); a charset label is believed only when Python knows it
    encoding = codec_name(document.charset) or "utf-8"
    text = document.body.decode("utf-8-sig" if encoding == "utf-8" else encoding, errors="replace").strip()
    if not text:
        raise ParseError("TVmaze answered with an empty body (no show matched?)")
    try:
        return json.loads(text)
    except (ValueError, RecursionError) as exc:  # ValueError: also a number of 5,000 digits
        raise ParseError(f"TVmaze answer is not JSON we can read: {exc}") from None


def _is_cast_list(data: Any) -> bool:
    return isinstance(data, list) and bool(data) and all(isinstance(m, dict) and "person" in m for m in data)


def _show(data: Any) -> dict[str, Any]:
    """The show object, or a ParseError that says what came instead."""
    if isinstance(data, list):
        if data and all(isinstance(r, dict) and "show" in r for r in data):
            raise ParseError(
                f"TVmaze answer is a list of {len(data)} search results, not one show: use https://api.tvmaze.com/shows/<id>"
            )
        raise ParseError(
            f"TVmaze answer is a list ({len(data)} {'entry' if len(data) == 1 else 'entries'}), not one show"
        )
    if not isinstance(data, dict):
        raise ParseError("TVmaze answer is not a show")
    if "message" in data and "status" in data and isinstance(data["status"], int):
        raise ParseError(f"TVmaze error {data['status']}: {data.get('name', '')}: {data['message']}".strip())
    if "season" in data and "number" in data:
        raise ParseError(f"TVmaze answer is an episode ({data.get('name', '?')!r}), not a show")
    if not data.get("name") or not ("genres" in data or "premiered" in data or "_embedded" in data):
        raise ParseError("TVmaze answer is not a show (no name, genres or premiere)")
    return data


def _page_url(data: dict[str, Any], fallback: str) -> str:
    url = data.get("url")
    return url if isinstance(url, str) and url.startswith("http") else fallback


def show_facts(data: dict[str, Any], skipped: Counter[str] | None = None) -> list[Fact]:
    """The show's facts; a season or cast entry that cannot be read is skipped and counted in
    `skipped`, and the rest still count."""
    skipped = skipped if skipped is not None else Counter()
    facts = _flat(each_readable([data], _channel_facts, skipped, "network or status"))
    embedded = data.get("_embedded") if isinstance(data.get("_embedded"), dict) else {}
    facts.extend(_flat(each_readable(_listed(embedded.get("seasons")), _season_facts, skipped, "season")))
    facts.extend(cast_facts(_listed(embedded.get("cast")), skipped))
    return facts


def _channel_facts(data: dict[str, Any]) -> list[Fact]:
    facts = []
    channel = data.get("network") or data.get("webChannel") or {}
    if isinstance(channel, dict) and channel.get("name"):
        facts.append(Fact("network", None, value=normalize_text(_text(channel["name"]))))
    if data.get("status"):
        facts.append(Fact("status", None, value=normalize_text(_text(data["status"]))))
    return facts


def _season_facts(season: Any) -> list[Fact]:
    number = season["number"]
    if not isinstance(number, int) or isinstance(number, bool):
        raise TypeError(f"season number {number!r} is not a whole number")
    facts = [
        Fact("renewal", number, value="renewed"),
        Fact("premiere", number, value=_date(season.get("premiereDate"))),
    ]
    if season.get("endDate"):
        facts.append(Fact("finale", number, value=_date(season["endDate"])))
    order = season.get("episodeOrder")
    if isinstance(order, int) and not isinstance(order, bool):
        facts.append(Fact("episodes", number, value=str(order)))
    return facts


def cast_facts(cast: list[Any], skipped: Counter[str] | None = None) -> list[Fact]:
    """Person and character; a voice role says so. An entry that cannot be read is skipped."""
    skipped = skipped if skipped is not None else Counter()
    return each_readable(cast, _cast_fact, skipped, "cast entry")


def _cast_fact(member: Any) -> Fact | None:
    person = _text(member["person"]["name"])
    character = member.get("character") or {}
    role = normalize_text(_text(character.get("name") or ""))
    if not person.strip():
        return None
    if member.get("voice"):
        role = f"{role} (voice)" if role else "(voice)"
    return Fact("cast", None, subject=normalize_text(person), value=role)


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected text, found {type(value).__name__}")
    return value


def _listed(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _flat(groups: list[list[Fact]]) -> list[Fact]:
    return [fact for group in groups for fact in group]


def _date(value: Any) -> str:
    """ISO date as given; "" when TVmaze has none set yet."""
    return value[:10] if isinstance(value, str) and len(value) >= 10 else ""


_WEBSITE_HOSTS = {"tvmaze.com", "www.tvmaze.com"}
_SHOW_ID = re.compile(r"/shows/(\d+)")
# what api.tvmaze.com answers with one show (or its cast) for
_SHOW_ENDPOINT = re.compile(r"/(?:shows/\d+(?:/cast)?|singlesearch/shows|lookup/shows)/?")


def check_options(options: dict[str, Any]) -> tuple[str, str] | None:
    """The show's API address, not its web page: the page is HTML, found out only at fetch time."""
    url = options["url"]
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    found = _SHOW_ID.match(parts.path)
    example = f"https://api.tvmaze.com/shows/{found.group(1) if found else '<id>'}"
    if host in _WEBSITE_HOSTS:
        return "url", f"{url!r} is a TVmaze web page, not the API: use {example}"
    if host == "api.tvmaze.com" and not _SHOW_ENDPOINT.fullmatch(parts.path):
        return "url", f"{url!r} is not the address of one show in the TVmaze API: use {example}"
    return None


SOURCE = SourceType(
    options={
        "url": Option(str, required=True, is_url=True, help="https://api.tvmaze.com/shows/<id>"),
        "show": Option(str, required=True, is_show=True, help="the configured show these facts are about"),
    },
    url_key="url",
    request_url=request_url,
    parse=parse,
    accept="application/json",
    check_options=check_options,
)
