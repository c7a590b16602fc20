"""Running `python run.py` as cron does, with its memory measured, and reading what a run left:
the helpers of the hostile-input and exactly-once suites."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import feedparser
from conftest import ROOT

# run.py under a wrapper that reports the peak memory of the run's own process when it exits
MEASURED = (
    "import atexit, resource, runpy, sys\n"
    "atexit.register(lambda: print(f'peak-rss-kb {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}', file=sys.stderr))\n"
    "sys.argv = sys.argv[1:]\n"
    "runpy.run_path(sys.argv[0], run_name='__main__')\n"
)
HANG_GUARD = 120  # seconds: a run still going then is a hang, whatever the machine's load


@dataclass
class Finished:
    returncode: int
    stdout: str
    stderr: str
    peak_mb: float


def run_measured(config: Path, *args: str, env: dict[str, str] | None = None) -> Finished:
    environment = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    done = subprocess.run(
        [sys.executable, "-c", MEASURED, str(ROOT / "run.py"), "--config", str(config), *args],
        cwd=config.parent,
        capture_output=True,
        text=True,
        timeout=HANG_GUARD,
        env=environment,
    )
    peak = re.search(r"peak-rss-kb (\d+)", done.stderr)
    return Finished(done.returncode, done.stdout, done.stderr, int(peak.group(1)) / 1024 if peak else 0.0)


def feed_entries(public: Path) -> list[tuple[str, str]]:
    """(id, title) of every entry of feed.xml."""
    feed = feedparser.parse((public / "feed.xml").read_bytes())
    return [(entry.id, entry.title) for entry in feed.entries]


_LINK = re.compile(r"""(?:href|src)\s*=\s*["']([^"']*)["']""")


# the digest's own unsubscribe link (site.unsubscribe_url unset: a mail to the sender)
UNSUBSCRIBE = "mailto:digest@example.org?subject=unsubscribe"


def link_schemes(public: Path) -> set[str]:
    """The scheme of every link in every output (feeds, the JSON feed, the pages and digests),
    but for the digest's own unsubscribe link."""
    links: set[str] = set()
    for path in public.rglob("*"):
        if path.suffix in (".xml", ".html"):
            text = path.read_text(encoding="utf-8")
            links |= set(_LINK.findall(text)) | set(re.findall(r"<link>([^<]*)</link>", text))
        elif path.suffix == ".json":
            # the JSON Feed and each show's board: every "url" anywhere in them
            links |= set(_urls(json.loads(path.read_text(encoding="utf-8"))))
    return {link.split(":", 1)[0].lower() for link in links if ":" in link and link != UNSUBSCRIBE}


def _urls(data: object) -> list[str]:
    if isinstance(data, dict):
        return [v for k, v in data.items() if k == "url" and isinstance(v, str)] + [
            u for v in data.values() for u in _urls(v)
        ]
    if isinstance(data, list):
        return [u for v in data for u in _urls(v)]
    return []


def integrity(state: Path) -> str:
    with sqlite3.connect(state) as db:
        return db.execute("PRAGMA integrity_check").fetchone()[0]


def source_report(state: Path, source: str) -> tuple[str, str]:
    """(status, detail) the last run recorded for `source`."""
    with sqlite3.connect(state) as db:
        return db.execute(
            "SELECT status, detail FROM source_runs WHERE source = ? ORDER BY run_id DESC LIMIT 1", (source,)
        ).fetchone()
