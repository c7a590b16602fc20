"""`tvmaze` sources: one GET of <url>?embed[]=seasons&embed[]=cast, read as facts.

Facts: each season's premiere (or that none is set), finale and episode order, the network or
web channel, the show's status, seasons that exist (a listed season is a renewed one) and the
cast (person and character)."""

from __future__ import annotations

import json
from typing import Any

from scrapers.source_type import Document, Parsed, ParseError, SourceType
from seasonwatch.markup import normalize_text
from seasonwatch.models import Fact, FactObservation, SourceSpec
from seasonwatch.options import Option

EMBEDS = "embed[]=seasons&embed[]=cast"


def request_url(spec: SourceSpec) -> str:
    url = spec.options["url"]
    return f"{url}{'&' if '?' in url else '?'}{EMBEDS}"


def parse(spec: SourceSpec, document: Document) -> Parsed:
    try:
        data = json.loads(document.body.decode(document.charset or "utf-8", errors="replace"))
    except json.JSONDecodeError as exc:
        raise ParseError(f"TVmaze answer is not JSON: {exc}") from None
    if not isinstance(data, dict) or "name" not in data:
        raise ParseError("TVmaze answer is not a show (no 'name')")
    show = spec.options["show"]
    return Parsed(
        observations=[
            FactObservation(
                show=show,
                fact=fact,
                source=spec.name,
                source_url=_page_url(data, document.url),
                observed_at=document.fetched_at,
            )
            for fact in show_facts(data)
        ]
    )


def _page_url(data: dict[str, Any], fallback: str) -> str:
    url = data.get("url")
    return url if isinstance(url, str) and url.startswith("http") else fallback


def show_facts(data: dict[str, Any]) -> list[Fact]:
    facts: list[Fact] = []
    channel = data.get("network") or data.get("webChannel") or {}
    if isinstance(channel, dict) and channel.get("name"):
        facts.append(Fact("network", None, value=normalize_text(channel["name"])))
    if data.get("status"):
        facts.append(Fact("status", None, value=normalize_text(str(data["status"]))))
    embedded = data.get("_embedded") or {}
    for season in embedded.get("seasons") or []:
        number = season.get("number")
        if not isinstance(number, int):
            continue
        facts.append(Fact("renewal", number, value="renewed"))
        facts.append(Fact("premiere", number, value=_date(season.get("premiereDate"))))
        if season.get("endDate"):
            facts.append(Fact("finale", number, value=_date(season["endDate"])))
        if isinstance(season.get("episodeOrder"), int):
            facts.append(Fact("episodes", number, value=str(season["episodeOrder"])))
    for member in embedded.get("cast") or []:
        person = (member.get("person") or {}).get("name")
        character = (member.get("character") or {}).get("name", "")
        if person:
            role = normalize_text(character)
            if member.get("voice"):
                role = f"{role} (voice)" if role else "(voice)"
            facts.append(Fact("cast", None, subject=normalize_text(person), value=role))
    return facts


def _date(value: Any) -> str:
    """ISO date as given; "" when TVmaze has none set yet."""
    return value[:10] if isinstance(value, str) and len(value) >= 10 else ""


SOURCE = SourceType(
    options={
        "url": Option(str, required=True, is_url=True, help="https://api.tvmaze.com/shows/<id>"),
        "show": Option(str, required=True, is_show=True, help="the configured show these facts are about"),
    },
    url_key="url",
    request_url=request_url,
    parse=parse,
    accept="application/json",
)
