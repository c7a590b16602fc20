"""`wikipedia` sources: a page's wikitext through the MediaWiki API, read as facts.

One request: action=parse&prop=wikitext. From it: each season's release dates and episode
count (the {{Series overview}} table), the network (the infobox), renewal and cancellation
statements in the prose, and the cast list ("* [[Person]] as Character")."""

from __future__ import annotations

import json
import re
from collections import Counter
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlencode

from scrapers.source_type import Document, Parsed, ParseError, SourceType, each_readable, observations_of
from seasonwatch.lexicon.calendar import MONTHS
from seasonwatch.lexicon.numbers import ORDINALS, number_value
from seasonwatch.markup import normalize_text
from seasonwatch.models import Fact, SourceSpec
from seasonwatch.options import Option

if TYPE_CHECKING:
    from mwparserfromhell.nodes import Template
    from mwparserfromhell.wikicode import Wikicode

# mwparserfromhell is imported where wikitext is read: a run with no `wikipedia` source never
# loads it

_ORDINAL = r"(?P<ordinal>\d{1,2}(?:st|nd|rd|th)|" + "|".join(ORDINALS) + r")"
_ORDERED = r"\b(?:renew(?:ed|s|al|ing)|picked\s+(?:\w+\s+){0,2}?up)\b[^.]{0,120}?\b(?:for|with)\s+"
_SEASON = r"(?:\d+-episode\s+)?" + _ORDINAL + r"(?:\s+and\s+final)?\s+season"
# "renewed the series for a 13-episode second season", "picked it up for a fifth and final season",
# "ordered a second season"
RENEWAL = re.compile(rf"(?:{_ORDERED}|\bordered\s+)(?:an?|its)\s+{_SEASON}", re.I)
RENEWAL_NUMBERED = re.compile(_ORDERED + r"season\s+(?P<ordinal>\d{1,2})\b", re.I)
CANCELLATION = re.compile(
    r"\b(?:cancel+ed|cancel+ation)\b[^.]{0,80}?\bafter\s+(?:its\s+|the\s+)?(?P<count>\w+)\s+seasons?", re.I
)
CANCELLED = re.compile(r"\b(?:the series|the show)\s+(?:was|had been|has been)\s+cancel+ed\b", re.I)
CAST_LINE = re.compile(r"^\*+\s*(?P<person>[^*\n]+?)\s+as\s+(?P<role>[^\n]+)$", re.M)


def request_url(spec: SourceSpec) -> str:
    params = {
        "action": "parse",
        "format": "json",
        "formatversion": "2",
        "prop": "wikitext",
        "redirects": "1",
        "page": spec.options["page"],
    }
    return f"{spec.options['api']}?{urlencode(params)}"


def parse(spec: SourceSpec, document: Document) -> Parsed:
    page = _parse_object(document)
    wikitext = page.get("wikitext")
    if isinstance(wikitext, dict):  # formatversion=1 wraps it: {"*": "..."}
        wikitext = wikitext.get("*")
    if not isinstance(wikitext, str):
        raise ParseError("MediaWiki answer carries no wikitext (was prop=wikitext asked for?)")
    # with redirects=1 the title is that of the page redirected to: link to that one
    title = page.get("title")
    if not isinstance(title, str) or not title.strip():
        title = spec.options["page"]
    skipped: Counter[str] = Counter()
    parsed = observations_of(spec, page_facts(wikitext, skipped), _page_url(spec.options["api"], title), document)
    parsed.skipped = skipped
    return parsed


def _parse_object(document: Document) -> dict[str, Any]:
    """The "parse" object of an action=parse answer, or a ParseError naming the API's own error."""
    try:
        data = json.loads(document.body.decode("utf-8-sig", errors="replace"))
    except (ValueError, RecursionError) as exc:  # ValueError: also a number of 5,000 digits
        raise ParseError(f"MediaWiki answer is not JSON we can read: {exc}") from None
    if not isinstance(data, dict):
        raise ParseError("MediaWiki answer is not a JSON object")
    error = data.get("error") or next(iter(data.get("errors") or []), None)  # errorformat=bc / plaintext
    if isinstance(error, dict):
        info = error.get("info") or error.get("text") or error.get("*") or ""
        raise ParseError(f"MediaWiki API error {error.get('code', '?')}: {info}".strip())
    page = data.get("parse")
    if not isinstance(page, dict):
        raise ParseError("MediaWiki answer has no 'parse' object (is this an action=parse response?)")
    return page


def _page_url(api: str, title: str) -> str:
    root = api.rsplit("/w/api.php", 1)[0] if "/w/api.php" in api else api.rsplit("/", 1)[0]
    return f"{root}/wiki/{quote(title.replace(' ', '_'))}"


def page_facts(wikitext: str, skipped: Counter[str] | None = None) -> list[Fact]:
    """The page's facts, each once; a template or cast line that cannot be read is skipped and
    counted in `skipped`, and the rest still count."""
    skipped = skipped if skipped is not None else Counter()
    import mwparserfromhell

    code = mwparserfromhell.parse(wikitext)
    found = [
        fact
        for facts in each_readable(code.filter_templates(recursive=True), _template_facts, skipped, "template")
        for fact in facts
    ]
    found.extend(_statement_facts(_plain(code)))
    found.extend(_cast_facts(code, skipped))
    unique: dict[tuple[Any, ...], Fact] = {}
    for fact in found:
        unique.setdefault((fact.key, fact.value), fact)
    return list(unique.values())


def _template_facts(template: Template) -> list[Fact]:
    name = _template_name(template)
    if name.startswith("infobox television") or name.startswith("infobox tv"):
        return _infobox_facts(template)
    if name == "series overview":
        return _overview_facts(template)
    return []


def _statement_facts(prose: str) -> list[Fact]:
    """Renewals and cancellations as the article's prose states them."""
    facts = []
    for pattern in (RENEWAL, RENEWAL_NUMBERED):
        for match in pattern.finditer(prose):
            season = _season_number(match["ordinal"])
            if season:
                facts.append(Fact("renewal", season, value="renewed"))
    # "after several seasons" names no season: then it is the plain cancellation below
    counted = [count for match in CANCELLATION.finditer(prose) if (count := _season_number(match["count"]))]
    facts.extend(Fact("cancellation", count, value="cancelled") for count in counted)
    if not counted and CANCELLED.search(prose):
        facts.append(Fact("cancellation", None, value="cancelled"))
    return facts


def _template_name(template: Template) -> str:
    return normalize_text(str(template.name)).casefold().replace("_", " ")


def _param(template: Template, name: str) -> Wikicode | None:
    return template.get(name).value if template.has(name) else None


def _infobox_facts(template: Template) -> list[Fact]:
    facts = []
    network = _param(template, "network") or _param(template, "channel")
    if network is not None:
        names = [n for n in (_plain(network).split("\n")) if n.strip()]
        if names:
            facts.append(Fact("network", None, value=normalize_text(names[0])))
    return facts


def _overview_facts(template: Template) -> list[Fact]:
    facts = []
    for number in range(1, 41):
        start = _param(template, f"start{number}")
        episodes = _param(template, f"episodes{number}")
        if start is None and episodes is None:
            if number > 1 and not template.has(f"color{number}"):
                break
            continue
        facts.append(Fact("renewal", number, value="renewed"))
        facts.append(Fact("premiere", number, value=_date_value(start) if start is not None else ""))
        end = _param(template, f"end{number}")
        if end is not None and _date_value(end):
            facts.append(Fact("finale", number, value=_date_value(end)))
        count = _plain(episodes).strip() if episodes is not None else ""
        if count.isdigit():
            facts.append(Fact("episodes", number, value=count))
    return facts


def _date_value(value: Wikicode) -> str:
    """{{Start date|2018|3|8}} -> 2018-03-08; "March 8, 2018" -> 2018-03-08; "2018" -> 2018; TBA -> ""."""
    for template in value.filter_templates():
        if _template_name(template) in ("start date", "end date", "film date", "start date and age", "dts"):
            parts = [str(p.value).strip() for p in template.params if not p.showkey][:3]
            numbers = [p for p in parts if p.isdigit()]
            if numbers:
                return "-".join([numbers[0], *(n.zfill(2) for n in numbers[1:3])])
    return date_from_text(_plain(value))


def date_from_text(text: str) -> str:
    text = normalize_text(text).replace(",", " ")
    match = re.search(r"\b(\d{4})-(\d{2})-(\d{2})\b", text)
    if match:
        return match.group(0)
    words = text.lower().split()
    year = next((w for w in words if re.fullmatch(r"(19|20)\d{2}", w)), None)
    if not year:
        return ""
    month = next((MONTHS[w.rstrip(".")] for w in words if w.rstrip(".") in MONTHS), None)
    day = next((int(w) for w in words if w.isdigit() and 1 <= int(w) <= 31 and w != year), None)
    if month and day:
        return f"{year}-{month:02d}-{day:02d}"
    if month:
        return f"{year}-{month:02d}"
    return year


def _plain(code: Wikicode) -> str:
    """Readable text: links become their labels, references and templates go away."""
    text = code.strip_code(normalize=True, collapse=True, keep_template_params=False)
    return re.sub(r"[ \t]+", " ", text)


def _cast_facts(code: Wikicode, skipped: Counter[str]) -> list[Fact]:
    facts = []
    for section in code.get_sections(levels=[2, 3], include_headings=True):
        heading = (
            section.filter_headings()[0].title.strip_code().strip().casefold() if section.filter_headings() else ""
        )
        if "cast" in heading:
            facts.extend(each_readable(CAST_LINE.finditer(str(section)), _cast_fact, skipped, "cast line"))
    return facts


def _cast_fact(match: re.Match[str]) -> Fact | None:
    import mwparserfromhell  # loaded already: page_facts read the page with it

    person = _plain(mwparserfromhell.parse(match["person"])).strip()
    role_code = mwparserfromhell.parse(re.split(r"<ref|:|;|\(|,", match["role"], maxsplit=1)[0])
    role = _plain(role_code).strip(" .'\"")
    if person and len(person) < 60:
        return Fact("cast", None, subject=normalize_text(person), value=normalize_text(role))
    return None


def _season_number(word: str | None) -> int | None:
    if not word:
        return None
    value = number_value(word)
    if value is not None:
        return value
    digits = re.match(r"\d{1,9}(?!\d)", word)  # a number of more digits is no season count
    return int(digits.group()) if digits else None


SOURCE = SourceType(
    options={
        "api": Option(str, required=True, is_url=True, help="the wiki's api.php"),
        "page": Option(str, required=True, help="the page title"),
        "show": Option(str, required=True, is_show=True, help="the configured show these facts are about"),
    },
    url_key="api",
    request_url=request_url,
    parse=parse,
    accept="application/json",
    libraries=("mwparserfromhell",),
)
