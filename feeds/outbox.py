"""The outbox: a .eml copy of every digest, readable only by its owner (it names the recipients)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from feeds.files import write_once
from seasonwatch.models import Digest

# owner only: a message carries its recipients' addresses
EML_MODE = 0o600


def eml_path(outbox_dir: Path, digest_id: str) -> Path:
    return outbox_dir / f"{digest_id}.eml"


def missing_from_outbox(digest_ids: Iterable[str], outbox_dir: Path) -> list[str]:
    """The ids whose .eml is not in the outbox yet (this run's, or one an earlier run was killed
    before writing), so only those digests need to be read from the state."""
    return [i for i in digest_ids if not eml_path(outbox_dir, i).exists()]


def write_outbox(digests: Iterable[Digest], outbox_dir: Path, refused: list[str] | None = None) -> list[Path]:
    """Write the .eml of each digest, once: a digest never changes once composed. A file that
    is not that message where it goes (planted before the run, or damaged) is replaced, and said
    in `refused` when given."""
    written = []
    for digest in digests:
        path = eml_path(outbox_dir, digest.id)
        done = write_once(path, digest.message, mode=EML_MODE, root=outbox_dir)
        if done != "kept":
            written.append(path)
        if done == "replaced" and refused is not None:
            refused.append(f"{path} was not the message of digest {digest.id}: replaced")
    return written
