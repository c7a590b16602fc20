"""index.html: recent stories by show, with their sources, the feeds and past digests."""

from __future__ import annotations

from pathlib import Path

from feeds.entries import PresentedEdition, failed_sources, site_title, views_of
from feeds.files import write_atomically, write_once
from feeds.templating import environment
from seasonwatch.models import Edition


def render(edition: Edition) -> str:
    groups = [(show, views_of(edition, edition.stories_by_show.get(show.name, []))) for show in edition.shows]
    return (
        environment()
        .get_template("index.html.j2")
        .render(
            title=site_title(edition.site),
            shows=edition.shows,
            groups=groups,
            digests=edition.digests,
            generated=edition.generated,
            failed=failed_sources(edition.reports),
        )
    )


def write(edition: Edition, output_dir: Path) -> list[Path]:
    written = [write_atomically(output_dir / "index.html", render(edition))]
    for digest in edition.digests:
        path = output_dir / "digests" / f"{digest.id}.html"
        # a digest never changes once composed: its page is written once, and put back if not ours
        done = write_once(path, digest.html, root=output_dir)
        if done != "kept":
            written.append(path)
        if done == "replaced" and isinstance(edition, PresentedEdition):
            edition.notes.append(f"{path} was not the page Season Watch wrote for digest {digest.id}: replaced")
    return written
