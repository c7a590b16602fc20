"""Stories grouped the way readers scan them: by show, then by the editor's section."""

from __future__ import annotations

from feeds.entries import StoryView
from seasonwatch.models import ShowSpec, Topic

# the order of an "everything we know" article: is it coming back, when, who is in it, what happens
SECTION_ORDER = [Topic.RENEWAL, Topic.RELEASE_DATE, Topic.CAST, Topic.STORY]

Sections = list[tuple[str, list[StoryView]]]
Groups = list[tuple[ShowSpec, Sections]]


def _section_rank(view: StoryView) -> int:
    return SECTION_ORDER.index(Topic(view.topic)) if view.topic in SECTION_ORDER else len(SECTION_ORDER)


def by_show_and_section(views: list[StoryView], shows: list[ShowSpec]) -> Groups:
    """Shows in config order, sections in article order, stories in the order given within each."""
    groups: Groups = []
    for show in shows:
        mine = [v for v in views if v.story.show == show.name]
        if not mine:
            continue
        sections: dict[str, list[StoryView]] = {}
        for view in sorted(mine, key=_section_rank):  # sorted() is stable: the given order holds within a section
            sections.setdefault(view.section, []).append(view)
        groups.append((show, list(sections.items())))
    return groups


def in_reading_order(groups: Groups) -> list[StoryView]:
    """The stories of `groups` in the order the digest shows them, so the headline index matches the body."""
    return [view for _, sections in groups for _, group in sections for view in group]
