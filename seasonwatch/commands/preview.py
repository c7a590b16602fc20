"""`seasonwatch preview [--out DIR]`: the digest the next run would send, as files, with nothing
committed: the next run still finds that news new, and mails it."""

from __future__ import annotations

from pathlib import Path

from seasonwatch.commands import EXIT_FAILED, EXIT_OK, guarded, load
from seasonwatch.commands.run import every_source_failed
from seasonwatch.console import Console, counted


def preview_digest(config_path: Path, out: Path) -> int:
    console = Console()
    return guarded(console, lambda: _preview(console, config_path, out))


def _preview(console: Console, config_path: Path, out: Path) -> int:
    import feeds
    from feeds.files import write_atomically
    from seasonwatch.pipeline import RunOptions, preview

    config = load(config_path)
    outcome = preview(config, RunOptions(send_email=False), console)
    if outcome.pending and config.email.enabled:
        ids = ", ".join(d.id for d in outcome.pending)
        console.say(f"Before it, the next run sends {counted(len(outcome.pending), 'pending digest')}: {ids}")
    failed = every_source_failed(outcome.result.gathered.reports, console)
    digest = outcome.result.digest
    if digest is None:
        console.say("The next run would send no digest: nothing new.")
        return failed or EXIT_OK
    try:
        html = write_atomically(out / f"{digest.id}.html", digest.html)
        (eml,) = feeds.write_outbox([digest], out) or [feeds.eml_path(out, digest.id)]
    except OSError as exc:
        console.error(f"cannot write the preview: {exc.strerror or exc} ({exc.filename or out})")
        return EXIT_FAILED
    console.say(f"The next run would send: {digest.subject}")
    console.say(f"  {html}   open it in a browser")
    console.say(f"  {eml}   open it in a mail client")
    console.say("Nothing was committed: the next run finds the same news and mails it.")
    return failed or EXIT_OK
