"""The outbox: a .eml copy of every digest, readable only by its owner (it names the recipients)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from feeds.files import write_atomically
from seasonwatch.models import Digest

# owner only: a message carries its recipients' addresses
EML_MODE = 0o600


def eml_path(outbox_dir: Path, digest_id: str) -> Path:
    return outbox_dir / f"{digest_id}.eml"


def missing_from_outbox(digest_ids: Iterable[str], outbox_dir: Path) -> list[str]:
    """The ids whose .eml is not in the outbox yet (this run's, or one an earlier run was killed
    before writing), so only those digests need to be read from the state."""
    return [i for i in digest_ids if not eml_path(outbox_dir, i).exists()]


def write_outbox(digests: Iterable[Digest], outbox_dir: Path) -> list[Path]:
    """Write the .eml of each digest that has none yet; a digest never changes once composed."""
    return [
        write_atomically(eml_path(outbox_dir, digest.id), digest.message, mode=EML_MODE)
        for digest in digests
        if not eml_path(outbox_dir, digest.id).exists()
    ]
