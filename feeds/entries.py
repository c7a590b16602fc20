"""What one story says in any output: clean text, safe links, categories and a stable id.

Every output (RSS, Atom, JSON Feed, the page, the digest) renders a `StoryView`, never a raw
`Story`: scraped text is made plain and scraped URLs checked here, once, so no output can
forget to, and all of them say the same thing. The outputs of one run share their views
(`views_of`), so each story is presented once and its entry body rendered once, however many
feeds carry it.
"""

from __future__ import annotations

import html
import re
import unicodedata
import uuid
from dataclasses import dataclass, field, fields
from datetime import datetime
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING
from urllib.parse import quote, urljoin, urlsplit

from jinja2 import Environment

from feeds.templating import environment
from seasonwatch.fact_kinds import describe_fact
from seasonwatch.links import without_tracking
from seasonwatch.markup import html_to_text, sanitize_html, shorten, strip_control_characters
from seasonwatch.models import Edition, SiteSettings, SourceReport, SourceStatus, Story

if TYPE_CHECKING:
    from feeds.desk_views import DeskView

# a fixed namespace: a story's id maps to the same URN forever, whatever base_url becomes
STORY_NAMESPACE = uuid.UUID("6f0b9c1e-3c0e-4b7a-9a61-5e2f8c4d7a10")

# long enough for any real headline; a longer one is a scraping accident and would swamp a reader's list
TITLE_LIMIT = 200
SUMMARY_LIMIT = 400

# lone surrogates cannot be encoded at all; noncharacters are not allowed in XML
_UNENCODABLE = re.compile("[\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")
# "<b>", "</i>", "<!--", "<br/>": text that carries markup, as opposed to "a < b" or "<3"
_MARKUP = re.compile(r"<(?:[A-Za-z][A-Za-z0-9-]*[\s/>]|/[A-Za-z]|!--)")
# what may stay unescaped in a URL; everything else (spaces, quotes, non-ASCII) is percent-encoded
_URL_SAFE = "!#$%&'()*+,/:;=?@[]~"
LINKABLE_SCHEMES = {"http", "https"}


def entry_urn(story: Story) -> str:
    return f"urn:uuid:{uuid.uuid5(STORY_NAMESPACE, story.id)}"


def plain_text(text: str, limit: int | None = None) -> str:
    """Scraped text as one clean line: entities decoded (text that still carries "&amp;" was
    escaped once too often on its way here), markup reduced to its words, no control characters,
    nothing XML or UTF-8 cannot carry, whitespace collapsed, cut at a word boundary past `limit`."""
    text = html.unescape(text or "")
    if _MARKUP.search(text):
        text = html_to_text(text)
    text = _UNENCODABLE.sub("", strip_control_characters(text))
    text = unicodedata.normalize("NFC", " ".join(text.split()))
    return shorten(text, limit) if limit else text


def clean_title(text: str) -> str:
    """Titles are plain text: one line, no markup, no control characters, a sane length."""
    return plain_text(text, TITLE_LIMIT)


_URL_WHITESPACE = str.maketrans("", "", "\t\r\n")


@lru_cache(maxsize=8192)  # a story's links appear in every output and desk view: made safe once
def safe_url(url: str) -> str:
    """An absolute http(s) URL fit for an href in any output, without the outlet's tracking
    parameters (a reader's link is not a campaign's), or "" when it is not one."""
    # tabs and line breaks go, wherever they are, as browsers drop them: urlsplit drops them too,
    # and the path below is cut from `url` by the length of what urlsplit kept
    url = (url or "").translate(_URL_WHITESPACE)
    url = without_tracking(_UNENCODABLE.sub("", strip_control_characters(url)).strip())
    try:
        parts = urlsplit(url)
        host, port = parts.hostname or "", parts.port
    except ValueError:  # a malformed port or IPv6 literal
        return ""
    if parts.scheme.lower() not in LINKABLE_SCHEMES or not host:
        return ""
    netloc = parts.netloc
    if not netloc.isascii():
        # an internationalized host name goes into its ASCII (punycode) form, not percent-encoding
        try:
            netloc = host.encode("idna").decode("ascii") + (f":{port}" if port else "")
        except UnicodeError:
            return ""
    rest = url[len(parts.scheme) + 3 + len(parts.netloc) :]
    return f"{parts.scheme.lower()}://{netloc}{quote(rest, safe=_URL_SAFE)}"


def site_url(site: SiteSettings, path: str) -> str:
    return urljoin(site.base_url, path)


def site_title(site: SiteSettings) -> str:
    """The site's name as every output shows it; the configured title is text a user typed, and
    may be empty."""
    return plain_text(site.title) or "Season Watch"


def failed_sources(reports: list[SourceReport]) -> list[tuple[str, str]]:
    """(source, why) for each source that failed in the run, as the page and the digest list them."""
    return [
        (plain_text(r.source), plain_text(r.detail) or "failed") for r in reports if r.status == SourceStatus.FAILED
    ]


@dataclass(frozen=True)
class SourceLink:
    name: str
    title: str
    url: str  # "" when the source gave no URL that is safe to link
    published: datetime | None


@dataclass(frozen=True)
class StoryView:
    """A story as every output shows it."""

    id: str  # the story's own id: also its anchor in the page and the digest
    urn: str  # the feed entry id, the same forever
    show: str
    section: str  # the editor's title of the article section it adds to
    topic: str
    headline: str
    summary: str
    facts: tuple[str, ...]  # in words, as seasonwatch.fact_kinds.describe_fact writes them
    sources: tuple[SourceLink, ...]  # earliest first
    link: str  # the earliest source that can be linked; the page's anchor when none can
    first_seen: datetime
    updated: datetime
    story: Story  # the record itself, for outputs that publish facts as data

    @property
    def categories(self) -> list[str]:
        terms = [self.show, self.section]
        if self.topic not in terms:
            terms.append(self.topic)
        return [term for term in terms if term]

    @cached_property
    def body(self) -> str:
        """The entry body, rendered on first use and kept: every feed carrying the story shares it."""
        return entry_html(self)


def present(story: Story, site: SiteSettings) -> StoryView:
    sources = tuple(
        SourceLink(
            name=plain_text(source.source) or "Source",
            title=clean_title(source.title),
            url=safe_url(source.url),
            published=source.published,
        )
        for source in story.sources
    )
    link = next((s.url for s in sources if s.url), "") or site_url(site, f"index.html#{story.id}")
    headline = clean_title(story.headline) or next((s.title for s in sources if s.title), "") or "(untitled)"
    return StoryView(
        id=story.id,
        urn=entry_urn(story),
        show=plain_text(story.show),
        section=plain_text(story.section) or str(story.topic),
        topic=str(story.topic),
        headline=headline,
        summary=plain_text(story.summary, SUMMARY_LIMIT),
        facts=tuple(plain_text(describe_fact(fact)) for fact in story.facts),
        sources=sources,
        link=link,
        first_seen=story.first_seen,
        updated=story.updated,
        story=story,
    )


def present_all(stories: list[Story], site: SiteSettings) -> list[StoryView]:
    return [present(story, site) for story in stories]


@dataclass
class PresentedEdition(Edition):
    """An edition whose stories are presented once for all the outputs that show them."""

    views: dict[str, StoryView] = field(default_factory=dict)  # story id -> its view
    notes: list[str] = field(default_factory=list)  # files not ours that an output replaced
    # the shows' desks as the outputs show them (feeds.desk_views.edition_desks): four outputs
    # show every desk, and making a desk's view reads every casting of the show
    desk_views: list[DeskView] | None = None


def presented(edition: Edition) -> PresentedEdition:
    """The edition with a place to keep its views: `feeds.write_outputs` passes this to every output."""
    if isinstance(edition, PresentedEdition):
        return edition
    return PresentedEdition(**{f.name: getattr(edition, f.name) for f in fields(Edition)})


def views_of(edition: Edition, stories: list[Story]) -> list[StoryView]:
    """`stories` of `edition` as the outputs show them. A story already presented for another
    output of the same edition is not presented again (an edition is read from the state in one
    go: one id, one story); a plain `Edition` keeps nothing between calls."""
    cache = edition.views if isinstance(edition, PresentedEdition) else {}
    for story in stories:
        if story.id not in cache:
            cache[story.id] = present(story, edition.site)
    return [cache[story.id] for story in stories]


def entry_html(view: StoryView, env: Environment | None = None) -> str:
    """The entry body: summary, facts, the section it adds to and every source, linked."""
    env = env or environment()
    rendered = env.get_template("entry.html.j2").render(story=view)
    # the template autoescapes; the allowlist is the second lock on the same door
    return sanitize_html(rendered)
