"""index.html: recent stories by show, with their sources, the feeds and past digests."""

from __future__ import annotations

from pathlib import Path

from feeds.desk_views import desks_of
from feeds.entries import failed_sources, site_title, views_of
from feeds.files import write_atomically
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
            desks={desk.show.name: desk for desk in desks_of(edition.shows, edition.desks)},
        )
    )


def write(edition: Edition, output_dir: Path) -> list[Path]:
    written = [write_atomically(output_dir / "index.html", render(edition))]
    for digest in edition.digests:
        path = output_dir / "digests" / f"{digest.id}.html"
        if not path.exists():  # a digest never changes once composed
            written.append(write_atomically(path, digest.html))
    return written
