"""A digest of source files: what a kept result names, so it counts only while the code that made
it is the code that runs (the desk's kept readings, the outputs left as they were written)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path


def code_digest(roots: Iterable[Path], suffixes: tuple[str, ...], seed: bytes = b"") -> str:
    """Every file under `roots` (in their subfolders too) whose name ends in one of `suffixes`,
    each with its path below its root, in sorted order."""
    digest = hashlib.sha256(seed)
    for root in roots:
        for path in sorted(p for p in root.rglob("*") if p.suffix in suffixes and p.is_file()):
            digest.update(f"\x1f{path.relative_to(root).as_posix()}\x1f".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()
