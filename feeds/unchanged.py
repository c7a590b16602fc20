"""Outputs left as they are when what they show has not changed since they were written.

A run with nothing new would render the same feeds and pages again, differing only in the run's
time, and rename them over the old ones: a tenth of a second of rendering, and a new modification
time on every file, so a web server could no longer answer a feed reader's conditional request
with 304. What the outputs show of an edition is fingerprinted; after every output is written the
fingerprint and each file's size and modification time go into `MARK` in the output folder, and
a later run whose edition has the same fingerprint, finding every file as it left it, writes
nothing. The pages then say when they last changed, not when the run looked.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import templates
from feeds.files import write_atomically
from seasonwatch.code_digest import code_digest
from seasonwatch.models import Edition, SourceStatus

MARK = ".seasonwatch-outputs.json"


def fingerprint(edition: Edition) -> str:
    """What the outputs show of `edition`: all of it but the run's time and, of the run's source
    reports, the names of the sources that failed (all any output shows of them: the site lists
    them); with the code and the templates that render it."""
    failed = sorted(r.source for r in edition.reports if r.status == SourceStatus.FAILED)
    shown = dataclasses.replace(edition, generated=None, reports=failed)
    digest = hashlib.sha256(_renderers().encode())
    # repr, not pickle: equal editions pickle differently when their objects are shared differently
    digest.update(repr(shown).encode())
    return digest.hexdigest()


def still_written(output_dir: Path, print_: str) -> bool:
    """True when the last outputs written into `output_dir` show an edition with this
    fingerprint and every one of them is still there as they were written."""
    try:
        mark = json.loads((output_dir / MARK).read_text(encoding="utf-8"))
        files = mark["files"]
        if mark["fingerprint"] != print_ or not files:
            return False
        return all(_state(output_dir / name) == tuple(kept) for name, kept in files.items())
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return False


def remember(output_dir: Path, print_: str, written: Iterable[Path]) -> None:
    """Mark the outputs just written as showing the edition with this fingerprint (after the
    last of them is in place: a run killed before leaves no mark, and the next one writes all)."""
    files = {}
    for path in written:
        state = _state(path)
        if state is None:
            return
        files[path.relative_to(output_dir).as_posix()] = state
    write_atomically(output_dir / MARK, json.dumps({"fingerprint": print_, "files": files}, indent=1) + "\n")


def forget(output_dir: Path) -> None:
    """No mark: the next run writes every output (this one could not write them all)."""
    (output_dir / MARK).unlink(missing_ok=True)


def _state(path: Path) -> tuple[int, int] | None:
    try:
        held = path.stat()
    except OSError:
        return None
    return (held.st_size, held.st_mtime_ns)


@cache
def _renderers() -> str:
    """The emit stage's code and templates: outputs made by other code are made again."""
    return code_digest((Path(__file__).parent, Path(templates.__file__).parent), (".py", ".j2"))
