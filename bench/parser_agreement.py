#!/usr/bin/env python3
"""Does the lean reader (scrapers/feed_lean.py) read every feed it takes exactly as feedparser?

    python bench/parser_agreement.py [FOLDER ...]   # default: ../shared/corpus/feeds and tests/fixtures/feeds

Every RSS/Atom document under the folders is read twice through `scrapers.feed.parse`, once with
the lean reader allowed and once with feedparser alone; the items (every field of every Update)
and the skipped counts must be equal. Prints each document the lean reader took, each it left to
feedparser, and every difference; exits 1 on a difference.
"""

from __future__ import annotations

import gzip
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scrapers import feed, feed_lean, xml_text  # noqa: E402
from scrapers.source_type import Document, ParseError  # noqa: E402
from seasonwatch.models import SourceSpec  # noqa: E402

SPEC = SourceSpec("Corpus", "feed", "https://corpus.example/feed", options={"url": "https://corpus.example/feed"})
FOLDERS = [ROOT.parent / "shared" / "corpus" / "feeds", Path("/work/shared/corpus/feeds"), ROOT / "tests" / "fixtures" / "feeds"]


def documents(folders: list[Path]) -> list[Path]:
    found: dict[str, Path] = {}
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.suffix in {".rss", ".atom", ".xml", ".gz"} and path.is_file():
                found.setdefault(str(path.relative_to(folder)), path)
    return list(found.values())


def read(path: Path, lean: bool) -> tuple[object, float]:
    body = path.read_bytes()
    body = gzip.decompress(body) if path.suffix == ".gz" else body
    document = Document(url=SPEC.options["url"], body=body, headers={}, fetched_at=datetime(2026, 1, 1, tzinfo=UTC))
    feed.LEAN = lean
    started = time.perf_counter()
    try:
        parsed = feed.parse(SPEC, document)
        outcome: object = (parsed.updates, dict(parsed.skipped))
    except ParseError as exc:
        outcome = f"ParseError: {exc}"
    return outcome, time.perf_counter() - started


def main() -> int:
    folders = [Path(a) for a in sys.argv[1:]] or [f for f in FOLDERS if f.exists()]
    differences = taken = 0
    lean_seconds = full_seconds = 0.0
    for path in documents(folders):
        body = path.read_bytes()
        body = gzip.decompress(body) if path.suffix == ".gz" else body
        took = feed_lean.lean_entries(xml_text.feed_xml(body, None)) is not None
        fast, fast_time = read(path, lean=True)
        slow, slow_time = read(path, lean=False)
        taken += took
        if took:
            lean_seconds += fast_time
            full_seconds += slow_time
        same = fast == slow
        differences += not same
        print(f"{'lean' if took else 'feedparser':10s} {'same' if same else 'DIFFERENT':9s} {path.name}")
        if not same and isinstance(fast, tuple) and isinstance(slow, tuple):
            for a, b in zip(fast[0], slow[0], strict=False):
                if a != b:
                    print(f"    lean:       {a}\n    feedparser: {b}")
                    break
            if len(fast[0]) != len(slow[0]) or fast[1] != slow[1]:
                print(f"    items {len(fast[0])} vs {len(slow[0])}; skipped {fast[1]} vs {slow[1]}")
    print(f"{taken} of {len(documents(folders))} documents read by the lean reader; {differences} differ")
    if taken:
        print(f"those {taken}: {lean_seconds * 1000:.1f} ms lean, {full_seconds * 1000:.1f} ms with feedparser")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
