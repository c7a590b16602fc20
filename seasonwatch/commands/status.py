"""`seasonwatch status [--json]`: what the state file knows, without sqlite3.

Shows with their stories, each configured source with its last outcome, the recent stories and
the digests with their delivery status. Read-only: it creates, locks and changes nothing.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from seasonwatch.commands import EXIT_OK, guarded, load
from seasonwatch.console import Console, counted

if TYPE_CHECKING:
    from seasonwatch.config import Config
    from seasonwatch.store import Store

MARKS = {"ok": "✓", "not modified": "=", "failed": "✗"}


def show_status(config_path: Path, as_json: bool, limit: int) -> int:
    console = Console()
    return guarded(console, lambda: _status(config_path, as_json, limit))


def _status(config_path: Path, as_json: bool, limit: int) -> int:
    from seasonwatch.store import Store

    config = load(config_path)
    store = Store.open_readonly(config.state_path)
    try:
        report = state_report(config, store, limit)
    finally:
        store.close()
    if as_json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        print(as_text(report))
    return EXIT_OK


def state_report(config: Config, store: Store, limit: int) -> dict[str, Any]:
    """Everything `status` shows, as plain data (what --json prints)."""
    counts = store.story_counts()
    runs = store.latest_source_runs()
    return {
        "config": str(config.path.resolve()) if config.path else None,
        "state": str(config.state_path),
        "state_exists": config.state_path.exists(),
        "last_run": store.last_run(),
        "shows": [
            {
                "name": show.name,
                "season": show.season,
                "article": str(show.article),
                "stories": counts.get(show.name, (0, None))[0],
                "latest_story": counts.get(show.name, (0, None))[1],
            }
            for show in config.shows
        ],
        "sources": [
            {"name": source.name, "type": source.type, "url": source.url, **_last_outcome(runs.get(source.name))}
            for source in config.sources
        ],
        "stories": [
            {
                "id": story.id,
                "show": story.show,
                "section": story.section,
                "headline": story.headline,
                "first_seen": story.first_seen.isoformat(),
                "updated": story.updated.isoformat(),
                "sources": len(story.sources),
                "link": story.link,
            }
            for story in store.stories(limit=limit)
        ],
        "digests": store.digest_deliveries(newest=limit),
    }


def _last_outcome(run: dict[str, Any] | None) -> dict[str, Any]:
    if run is None:
        return {"status": None, "detail": "", "items": 0, "seconds": 0.0, "checked": None, "last_ok": None}
    return {key: value for key, value in run.items() if key != "url"}


def as_text(report: dict[str, Any]) -> str:
    lines = [f"State: {report['state']}{'' if report['state_exists'] else ' (no run yet)'}"]
    run = report["last_run"]
    if run:
        lines.append(
            f"Last run: {_when(run['started'])}: {counted(run['new_stories'], 'new story', 'new stories')}, "
            f"{run['grown_stories']} with new sources, {counted(run['failed_sources'], 'source')} failed"
        )
    lines += ["", "Shows:"]
    for show in report["shows"]:
        latest = f", latest {_when(show['latest_story'])}" if show["latest_story"] else ""
        lines.append(
            f"  {show['name']} (season {show['season']}): {counted(show['stories'], 'story', 'stories')}{latest}"
        )
    lines += ["", "Sources (latest outcome):"]
    width = max((len(s["name"]) for s in report["sources"]), default=0)
    for source in report["sources"]:
        lines.append(f"  {_source_line(source, width)}")
    lines += ["", f"Recent stories ({len(report['stories'])}):"]
    for story in report["stories"]:
        lines.append(
            f"  {_when(story['first_seen'])}  {story['show']} / {story['section']}: {story['headline']} "
            f"({counted(story['sources'], 'source')})"
        )
    if not report["stories"]:
        lines.append("  none yet")
    lines += ["", f"Digests ({len(report['digests'])} most recent):"]
    for digest in report["digests"]:
        lines.append(f"  {_digest_line(digest)}")
    if not report["digests"]:
        lines.append("  none yet")
    return "\n".join(lines)


def _source_line(source: dict[str, Any], width: int) -> str:
    name = source["name"].ljust(width)
    if source["status"] is None:
        return f"· {name}  {'not fetched yet':<14}  {source['url']}"
    mark = MARKS.get(source["status"], "?")
    what = f"ok, {counted(source['items'], 'item')}" if source["status"] == "ok" else source["status"]
    line = f"{mark} {name}  {what:<14}  {_when(source['checked'])}"
    if source["status"] == "failed":
        last_ok = f"last ok {_when(source['last_ok'])}" if source["last_ok"] else "never ok"
        line += f"  ({last_ok})\n      {source['detail']}\n      {source['url']}"
    return line


def _digest_line(digest: dict[str, Any]) -> str:
    attempts = counted(digest["attempts"], "attempt")
    line = f"{digest['id']}  {digest['status']:<8}  {attempts}"
    if digest["status"] == "sent" and digest["sent_at"]:
        line += f", sent {_when(digest['sent_at'])}"
    line += f"  {digest['subject']}"
    if digest["last_error"] and digest["status"] != "sent":
        line += f"\n      last error: {digest['last_error']}"
    if digest["status"] in ("failed", "not sent"):
        line += f"\n      send it with: seasonwatch resend {digest['id']}"
    return line


def _when(text: str | None) -> str:
    if not text:
        return "never"
    return f"{datetime.fromisoformat(text):%Y-%m-%d %H:%M} UTC"
