"""index.html: recent stories by show, with their sources, the feeds and past digests."""

from __future__ import annotations

from pathlib import Path

from feeds.desk_views import edition_desks
from feeds.entries import PresentedEdition, plain_text, site_title, views_of
from feeds.files import write_atomically, write_once
from feeds.grouping import Groups, Sections, by_show_and_section
from feeds.templating import environment
from seasonwatch.models import Edition, SourceReport, SourceStatus


def render(edition: Edition) -> str:
    # each show's stories under the editor's sections in article order, as the digest files them
    groups = [
        (show, _sections(by_show_and_section(views_of(edition, edition.stories_by_show.get(show.name, [])), [show])))
        for show in edition.shows
    ]
    return (
        environment()
        .get_template("index.html.j2")
        .render(
            title=site_title(edition.site),
            shows=edition.shows,
            groups=groups,
            digests=edition.digests,
            generated=edition.generated,
            failed=unread_sources(edition.reports),
            desks={desk.show.name: desk for desk in edition_desks(edition)},
        )
    )


def _sections(groups: Groups) -> Sections:
    return groups[0][1] if groups else []


def unread_sources(reports: list[SourceReport]) -> list[str]:
    """The names of the sources the latest run could not read. A public page says no more: the
    reasons name hosts, ports and the server's own answers, which are for the operator (the
    digest and the log have them)."""
    return sorted({plain_text(r.source) for r in reports if r.status == SourceStatus.FAILED}, key=str.casefold)


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
