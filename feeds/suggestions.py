"""suggestions/<slug>.md: suggested article updates for one show, a reviewable list, newest first.

Markdown, so an editor can read it anywhere and a repository can diff it. Each suggestion is dated
and marked done once a later version of the article states what it asked for; the article file
itself is never touched. Scraped text is escaped so it cannot turn into links or markup.
"""

from __future__ import annotations

import re
from pathlib import Path

from feeds.desk_views import write_each_desk
from feeds.entries import site_title
from feeds.templating import text_environment
from seasonwatch.models import Edition

# characters Markdown reads as markup anywhere in a line (emphasis, code, links, HTML, tables)
_MARKUP = re.compile(r"([\\`*_\[\]<>|~])")
# and at the start of a line: a heading, a quote, a list item
_LINE_START = re.compile(r"^(\s*)([#>+-]|\d+(?=[.)]))")


def md(text: str) -> str:
    """Plain text that stays plain in Markdown: "[click](javascript:…)" is no link, "*" no emphasis."""
    escaped = _MARKUP.sub(r"\\\1", text)
    # "1." is escaped as "1\.", the others before their mark
    return _LINE_START.sub(lambda m: m[1] + (m[2] + "\\" if m[2].isdigit() else "\\" + m[2]), escaped)


def md_link(name: str, url: str) -> str:
    """[name](<url>): angle brackets keep any parentheses in the URL inside it."""
    return f"[{md(name)}](<{url}>)" if url else md(name)


def write(edition: Edition, output_dir: Path) -> list[Path]:
    template = text_environment().get_template("suggestions.md.j2")
    title = site_title(edition.site)
    return write_each_desk(
        edition,
        output_dir,
        "suggestions/{slug}.md",
        lambda desk: template.render(title=title, desk=desk, generated=edition.generated, md=md, md_link=md_link),
    )
