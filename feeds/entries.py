"""What one story says in any output: its body, its categories, its stable identifiers."""

from __future__ import annotations

import uuid
from urllib.parse import urljoin

from jinja2 import Environment

from feeds.templating import environment
from seasonwatch.markup import sanitize_html, strip_control_characters
from seasonwatch.models import SiteSettings, Story

# a fixed namespace: a story's id maps to the same URN forever, whatever base_url becomes
STORY_NAMESPACE = uuid.UUID("6f0b9c1e-3c0e-4b7a-9a61-5e2f8c4d7a10")


def entry_urn(story: Story) -> str:
    return f"urn:uuid:{uuid.uuid5(STORY_NAMESPACE, story.id)}"


def clean_title(text: str) -> str:
    """Titles are plain text: no control characters, no markup, one line."""
    return " ".join(strip_control_characters(text).split())


def categories(story: Story) -> list[str]:
    terms = [story.show, story.section]
    if str(story.topic) not in terms:
        terms.append(str(story.topic))
    return terms


def entry_html(story: Story, env: Environment | None = None) -> str:
    """The entry body: summary, facts, the section it adds to and every source, linked."""
    env = env or environment()
    rendered = env.get_template("entry.html.j2").render(story=story)
    return sanitize_html(rendered)


def site_url(site: SiteSettings, path: str) -> str:
    return urljoin(site.base_url, path)
