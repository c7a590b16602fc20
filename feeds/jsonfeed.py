"""feed.json: JSON Feed 1.1 (https://jsonfeed.org/version/1.1) for all shows."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from feeds.entries import categories, clean_title, entry_html, entry_urn, site_url
from feeds.files import write_atomically
from feeds.templating import environment
from seasonwatch.fact_text import describe_fact
from seasonwatch.models import Edition, Story

VERSION = "https://jsonfeed.org/version/1.1"


def feed_document(edition: Edition) -> dict[str, Any]:
    site = edition.site
    env = environment()
    return {
        "version": VERSION,
        "title": clean_title(site.title),
        "home_page_url": site.base_url,
        "feed_url": site_url(site, "feed.json"),
        "description": "TV season news that the articles do not say yet.",
        "language": "en",
        "authors": [{"name": site.title, "url": site.base_url}],
        "items": [_item(story, env) for story in edition.stories],
    }


def _item(story: Story, env: Any) -> dict[str, Any]:
    item: dict[str, Any] = {
        "id": entry_urn(story),
        "url": story.link or None,
        "title": clean_title(story.headline),
        "content_html": entry_html(story, env),
        "summary": clean_title(story.summary) or None,
        "date_published": story.first_seen.isoformat(),
        "date_modified": story.updated.isoformat(),
        "tags": [clean_title(t) for t in categories(story)],
        "_seasonwatch": {
            "show": story.show,
            "section": story.section,
            "topic": str(story.topic),
            "facts": [
                {
                    "kind": f.kind,
                    "season": f.season,
                    "subject": f.subject,
                    "value": f.value,
                    "before": f.before,
                    "text": describe_fact(f),
                }
                for f in story.facts
            ],
            "sources": [
                {
                    "name": s.source,
                    "title": clean_title(s.title),
                    "url": s.url,
                    "published": s.published.isoformat() if s.published else None,
                }
                for s in story.sources
            ],
        },
    }
    return {key: value for key, value in item.items() if value is not None}


def write(edition: Edition, output_dir: Path) -> list[Path]:
    text = json.dumps(feed_document(edition), ensure_ascii=False, indent=2)
    return [write_atomically(output_dir / "feed.json", text + "\n")]
