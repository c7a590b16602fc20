"""Stories grouped the way readers scan them: by show, then by the editor's section."""

from __future__ import annotations

from seasonwatch.models import ShowSpec, Story, Topic

SECTION_ORDER = [Topic.RENEWAL, Topic.RELEASE_DATE, Topic.CAST, Topic.STORY]


def by_show_and_section(
    stories: list[Story], shows: list[ShowSpec]
) -> list[tuple[ShowSpec, list[tuple[str, list[Story]]]]]:
    groups = []
    for show in shows:
        mine = [s for s in stories if s.show == show.name]
        if not mine:
            continue
        sections: dict[str, list[Story]] = {}
        for story in sorted(mine, key=lambda s: SECTION_ORDER.index(s.topic) if s.topic in SECTION_ORDER else 9):
            sections.setdefault(story.section, []).append(story)
        groups.append((show, list(sections.items())))
    return groups


def in_reading_order(stories: list[Story], shows: list[ShowSpec]) -> list[Story]:
    """The order the digest shows them in, so the headline index matches the body."""
    return [story for _, sections in by_show_and_section(stories, shows) for _, group in sections for story in group]
