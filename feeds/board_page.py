"""shows/<slug>.html: a show's full status board, its conflicts, timeline and open suggestions."""

from __future__ import annotations

from pathlib import Path

from feeds.desk_views import desks_of
from feeds.entries import site_title
from feeds.files import write_atomically
from feeds.templating import environment
from seasonwatch.models import Edition


def write(edition: Edition, output_dir: Path) -> list[Path]:
    template = environment().get_template("board_page.html.j2")
    title = site_title(edition.site)
    return [
        write_atomically(
            output_dir / "shows" / f"{desk.show.slug}.html",
            template.render(title=title, desk=desk, generated=edition.generated),
        )
        for desk in desks_of(edition.shows, edition.desks)
    ]
