"""shows/<slug>.json: a show's board for other tools, as `schemas/board.schema.json` documents.

`version` is the schema's: it goes up when a field changes meaning or goes away (adding a field
does not change it), so a tool can refuse a board it does not understand.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

from feeds.desk_views import (
    ConflictView,
    DeskView,
    EntryView,
    SourceView,
    SuggestionView,
    TimelineItem,
    write_each_desk,
)
from seasonwatch.models import Edition

SCHEMA_VERSION = 1
SCHEMA = Path(__file__).resolve().parent / "schemas" / "board.schema.json"


def _day(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def _sources(sources: tuple[SourceView, ...]) -> list[dict[str, Any]]:
    return [{"name": s.name, "url": s.url, "kind": s.kind, "said_on": _day(s.said_on), "title": s.title} for s in sources]


def _conflict(conflict: ConflictView) -> dict[str, Any]:
    return {
        "id": conflict.id,
        "row": conflict.row,
        "subject": conflict.subject,
        "label": conflict.label,
        "first_seen": _day(conflict.first_seen),
        "sides": [{"value": s.value, "text": s.text, "sources": _sources(s.sources)} for s in conflict.sides],
    }


def _entry(entry: EntryView) -> dict[str, Any]:
    return {
        "row": entry.row,
        "subject": entry.subject,
        "label": entry.label,
        "value": entry.value,
        "text": entry.text,
        "known_since": _day(entry.known_since),
        "sources": _sources(entry.sources),
        "conflict": entry.conflict.id if entry.conflict else None,
    }


def _change(item: TimelineItem) -> dict[str, Any]:
    return {
        "known_on": _day(item.day),
        "label": item.label,
        "before": item.before,
        "after": item.after,
        "sources": _sources(item.sources),
    }


def _suggestion(s: SuggestionView) -> dict[str, Any]:
    return {
        "id": s.id,
        "section": s.section,
        "action": s.action,
        "relation": s.relation,
        "quoted": list(s.quoted),
        "news": s.news,
        "proposed": s.proposed,
        "caution": s.caution,
        "created": _day(s.created),
        "done": _day(s.done),
        "sources": _sources(s.sources),
    }


def board_document(desk: DeskView, generated: datetime) -> dict[str, Any]:
    return {
        "version": SCHEMA_VERSION,
        "generated": _day(generated),
        "show": {"name": desk.show.name, "slug": desk.show.slug, "season": desk.show.season},
        "rows": [{"row": r.row, "label": r.label, "entries": [_entry(e) for e in r.entries]} for r in desk.rows],
        "conflicts": [_conflict(c) for c in desk.conflicts],
        "timeline": [_change(item) for item in desk.timeline],
        "suggestions": [_suggestion(s) for s in desk.suggestions],
    }


def write(edition: Edition, output_dir: Path) -> list[Path]:
    return write_each_desk(
        edition,
        output_dir,
        "shows/{slug}.json",
        lambda desk: json.dumps(board_document(desk, edition.generated), ensure_ascii=False, indent=2) + "\n",
    )
