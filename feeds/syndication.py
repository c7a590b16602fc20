"""RSS 2.0 and Atom 1.0 with feedgen: feed.xml and atom.xml for all shows, shows/<slug>.xml each.

Cumulative: the rolling window of recent stories from the state, not just this run's. A story's
id never changes; when it gains a source its entry is updated in place (a new `updated` time).
"""

from __future__ import annotations

import uuid
from pathlib import Path

from feedgen.ext.base import BaseEntryExtension, BaseExtension
from feedgen.feed import FeedGenerator
from feedgen.util import xml_elem

from feeds.entries import StoryView, clean_title, site_title, site_url, views_of
from feeds.files import write_atomically
from seasonwatch.models import Edition, ShowSpec, Story

FEED_NAMESPACE = uuid.UUID("0a9b6c1d-2e3f-4a5b-8c7d-9e0f1a2b3c4d")
GENERATOR = "Season Watch"


class _NoFeedExtension(BaseExtension):
    pass


class RelatedLinks(BaseEntryExtension):
    """Atom <link rel="related"> for every source of a story.

    feedgen 1.0 drops the rel and title of an entry's extra links when it writes Atom, so the
    related links are written by this extension instead."""

    def __init__(self) -> None:
        self.links: list[tuple[str, str]] = []

    def add(self, href: str, title: str) -> None:
        if href and all(href != known for known, _ in self.links):
            self.links.append((href, title))

    def extend_atom(self, entry):  # type: ignore[no-untyped-def]
        for href, title in self.links:
            xml_elem("link", entry, href=href, rel="related", title=title)
        return entry


def build_feed(
    edition: Edition, stories: list[Story], path: str, title: str, description: str, atom: bool
) -> FeedGenerator:
    site = edition.site
    feed = FeedGenerator()
    if atom:
        feed.register_extension("related", _NoFeedExtension, RelatedLinks, atom=True, rss=False)
    published_at = site_url(site, path)
    # a URN derived from where the feed is published: two sites never share a feed id
    feed.id(f"urn:uuid:{uuid.uuid5(FEED_NAMESPACE, published_at)}")
    feed.title(clean_title(title) or GENERATOR)
    feed.subtitle(description) if atom else feed.description(description)
    feed.author(name=site_title(site))
    # the self link is where the file is published: validators and readers compare it with the URL
    # they fetched. feedgen emits an RSS <link> from the last link it was given: the site page goes last
    feed.link(href=published_at, rel="self", type="application/atom+xml" if atom else "application/rss+xml")
    feed.link(href=site.base_url, rel="alternate", type="text/html")
    feed.language("en")
    feed.generator(GENERATOR)
    newest = max((s.updated for s in stories), default=edition.generated)
    feed.updated(newest)
    if not atom:
        feed.lastBuildDate(newest)
        feed.ttl(60)
    for view in views_of(edition, stories):
        _add_entry(feed, view, atom)
    return feed


def _add_entry(feed: FeedGenerator, view: StoryView, atom: bool) -> None:
    entry = feed.add_entry(order="append")
    entry.id(view.urn)
    entry.guid(view.urn, permalink=False)
    entry.title(view.headline)
    entry.link(href=view.link, rel="alternate")
    body = view.body
    if atom:
        for source in view.sources:
            entry.related.add(source.url, f"{source.name}: {source.title}")
        entry.content(body, type="html")
        if view.summary:
            entry.summary(view.summary)
    else:
        entry.description(body)
    for term in view.categories:
        entry.category(term=term)
    entry.published(view.first_seen)
    entry.updated(view.updated)


def write_all_shows(edition: Edition, output_dir: Path) -> list[Path]:
    description = f"News about {_show_list(edition.shows)} that their articles do not say yet."
    return [
        _publish(edition, output_dir, edition.stories, "feed.xml", edition.site.title, description, atom=False),
        _publish(edition, output_dir, edition.stories, "atom.xml", edition.site.title, description, atom=True),
    ]


def write_per_show(edition: Edition, output_dir: Path) -> list[Path]:
    return [
        _publish(
            edition,
            output_dir,
            edition.stories_by_show.get(show.name, []),
            f"shows/{show.slug}.xml",
            f"{show.name} season {show.season} — {edition.site.title}",
            f"What is new about {show.name} season {show.season}.",
            atom=False,
        )
        for show in edition.shows
    ]


def _publish(
    edition: Edition, output_dir: Path, stories: list[Story], path: str, title: str, description: str, atom: bool
) -> Path:
    """Build the feed and write it to `path`: one name for the file and for its self link, which
    readers compare with the URL they fetched."""
    feed = build_feed(edition, stories, path, title, description, atom)
    text = feed.atom_str(pretty=True) if atom else feed.rss_str(pretty=True)
    return write_atomically(output_dir / path, text, root=output_dir)  # shows/ must be a real folder


def _show_list(shows: list[ShowSpec]) -> str:
    names = [s.name for s in shows]
    if len(names) <= 1:
        return "".join(names) or "your shows"
    return ", ".join(names[:-1]) + " and " + names[-1]
