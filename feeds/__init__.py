"""EMIT: stories -> feeds, the site, the digest and its delivery.

A new output is one module with a `write(edition, output_dir) -> list[Path]` function, plus one
line in `OUTPUTS`; it must return every file it wrote (`feeds.unchanged` keeps them as they are
while what they show is unchanged). It shows stories through `entries.views_of(edition, stories)` and an entry's
body as `view.body`: within one `write_outputs` every output shares them, so a story is presented
and its body rendered once per run, not once per output.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from feeds import board_json, board_page, jsonfeed, site, suggestions, syndication, unchanged
from feeds.delivery import Delivery, deliver_digest
from feeds.digest import compose, compose_test, digest_id
from feeds.entries import presented
from feeds.files import UnsafeOutput, remove_stale_temporaries
from feeds.mailer import DeliveryError, deliver
from feeds.outbox import eml_path, missing_from_outbox, write_outbox
from seasonwatch.models import Edition

Output = Callable[[Edition, Path], list[Path]]

OUTPUTS: dict[str, Output] = {
    "rss and atom": syndication.write_all_shows,
    "per-show rss": syndication.write_per_show,
    "json feed": jsonfeed.write,
    "site": site.write,
    "show boards": board_page.write,
    "show boards as json": board_json.write,
    "suggested article updates": suggestions.write,
}


def write_outputs(edition: Edition, output_dir: Path, refused: list[str] | None = None) -> list[Path]:
    """Every output; with `refused` given, an output that would have to be written through a
    symbolic link is left out and said there (the others are still written), and a file not
    ours where one of ours goes is replaced and said there too."""
    shown = unchanged.fingerprint(edition)
    if unchanged.still_written(output_dir, shown):
        return []  # they show this edition already, and are as they were written
    unchanged.forget(output_dir)
    # every output sees the same views: a story is presented, and its entry body rendered, once
    edition = presented(edition)
    edition.notes = refused if refused is not None else []
    said = len(edition.notes)
    written: list[Path] = []
    for write in OUTPUTS.values():
        try:
            written.extend(write(edition, output_dir))
        except UnsafeOutput as exc:
            if refused is None:
                raise
            refused.append(str(exc))
    if len(edition.notes) == said:  # a refusal or a replaced file is said again by the next run
        unchanged.remember(output_dir, shown, written)
    return written


__all__ = [
    "OUTPUTS",
    "Delivery",
    "DeliveryError",
    "UnsafeOutput",
    "compose",
    "compose_test",
    "deliver",
    "deliver_digest",
    "digest_id",
    "eml_path",
    "missing_from_outbox",
    "remove_stale_temporaries",
    "write_outbox",
    "write_outputs",
]
