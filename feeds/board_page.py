"""shows/<slug>.html: a show's full status board, its conflicts, timeline and open suggestions."""

from __future__ import annotations

from pathlib import Path

from feeds.desk_views import write_each_desk
from feeds.entries import site_title
from feeds.templating import environment
from seasonwatch.models import Edition


def write(edition: Edition, output_dir: Path) -> list[Path]:
    template = environment().get_template("board_page.html.j2")
    title = site_title(edition.site)
    return write_each_desk(
        edition,
        output_dir,
        "shows/{slug}.html",
        lambda desk: template.render(title=title, desk=desk, generated=edition.generated),
    )
