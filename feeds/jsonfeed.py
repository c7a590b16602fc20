"""feed.json: JSON Feed 1.1 (https://jsonfeed.org/version/1.1) for all shows."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from feeds.entries import StoryView, plain_text, site_title, site_url, views_of
from feeds.files import write_atomically
from seasonwatch.models import Edition, Fact

VERSION = "https://jsonfeed.org/version/1.1"
# custom keys start with an underscore, as the spec asks of extensions
EXTENSION = "_seasonwatch"


def feed_document(edition: Edition) -> dict[str, Any]:
    site = edition.site
    title = site_title(site)
    return {
        "version": VERSION,
        "title": title,
        "home_page_url": site.base_url,
        "feed_url": site_url(site, "feed.json"),
        "description": "TV season news that the articles do not say yet.",
        "language": "en",
        "authors": [{"name": title, "url": site.base_url}],
        "items": [_item(view) for view in views_of(edition, edition.stories)],
    }


def _item(view: StoryView) -> dict[str, Any]:
    item: dict[str, Any] = {
        "id": view.urn,
        "url": view.link,
        "title": view.headline,
        "content_html": view.body,
        "summary": view.summary or None,
        "date_published": view.first_seen.isoformat(),
        "date_modified": view.updated.isoformat(),
        "tags": view.categories,
        EXTENSION: {
            "story_id": view.id,
            "show": view.show,
            "section": view.section,
            "topic": view.topic,
            # the view has each fact in words already: in the same order as the story's facts
            "facts": [_fact_data(fact, text) for fact, text in zip(view.story.facts, view.facts, strict=True)],
            "sources": [
                {
                    "name": source.name,
                    "title": source.title,
                    "url": source.url or None,
                    "published": source.published.isoformat() if source.published else None,
                }
                for source in view.sources
            ],
        },
    }
    return {key: value for key, value in item.items() if value is not None}


def _fact_data(fact: Fact, text: str) -> dict[str, object]:
    """A fact as data, for readers that want more than words; `text` is how the outputs word it."""
    return {
        "kind": fact.kind,
        "season": fact.season,
        "subject": plain_text(fact.subject),
        "value": plain_text(fact.value),
        "before": plain_text(fact.before),
        "text": text,
    }


def write(edition: Edition, output_dir: Path) -> list[Path]:
    text = json.dumps(feed_document(edition), ensure_ascii=False, indent=2)
    return [write_atomically(output_dir / "feed.json", text + "\n")]
