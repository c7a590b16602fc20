"""One run: gather -> decide -> commit -> emit -> deliver.

Everything the run learns is committed to the state in one transaction before any file is
written or mail sent: a run killed before the commit leaves no trace and the next run redoes the
work; a run killed after it leaves outputs the next run rewrites from the state and a digest
still pending, which the next run delivers first.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import httpx

import feeds
import newsdesk
import scrapers
from feeds.files import write_atomically
from feeds.mailer import DeliveryError
from seasonwatch.config import Config
from seasonwatch.console import QUIET, Console
from seasonwatch.lock import RunLock
from seasonwatch.models import Decision, Digest, Edition, Gathered
from seasonwatch.store import Store

RECENT_DIGESTS = 30


class RunFailed(Exception):
    """The run could not proceed; str() is the one-line reason."""


@dataclass
class RunOptions:
    dry_run: bool = False
    send_email: bool = True
    transport: httpx.AsyncBaseTransport | None = None  # tests and the demo may route requests
    now: datetime | None = None


@dataclass
class RunResult:
    gathered: Gathered
    decision: Decision
    digest: Digest | None = None
    written: list[Path] = field(default_factory=list)
    delivered: list[str] = field(default_factory=list)  # digest ids accepted by the SMTP server
    delivery_error: str = ""


def run(config: Config, options: RunOptions, console: Console) -> RunResult:
    if options.dry_run:
        return _dry_run(config, options, console)
    with RunLock(config.state_path):
        store = Store.open(config.state_path)
        try:
            return _real_run(config, options, console, store)
        finally:
            store.close()


def _dry_run(config: Config, options: RunOptions, console: Console) -> RunResult:
    store = Store.open_readonly(config.state_path)
    try:
        now = options.now or datetime.now(UTC).replace(microsecond=0)
        # unconditional fetches: a dry run shows the fate of everything the sources list now
        gathered = _gather(config, options, console, validators={})
        decision = _decide(config, store, gathered, now)
    finally:
        store.close()
    console.verdicts(decision.verdicts)
    # printed under -q too: what it would emit is the whole point of a dry run
    console.stories(decision, "Would emit (dry run, nothing written or sent)", level=QUIET)
    return RunResult(gathered, decision)


def _real_run(config: Config, options: RunOptions, console: Console, store: Store) -> RunResult:
    started = options.now or datetime.now(UTC).replace(microsecond=0)
    email_on = config.email.enabled and options.send_email
    delivered: list[str] = []
    errors: list[str] = []
    if email_on and config.email.security == "none" and config.email.username_env:
        console.warn(
            'email security = "none" with a login: the SMTP password crosses the network in clear text; '
            'use "starttls" or "ssl"'
        )
    backlog_clear = _deliver_pending(config, store, console, delivered, errors) if email_on else True

    gathered = _gather(config, options, console, validators=store.validators())
    decision = _decide(config, store, gathered, started)
    console.verdicts(decision.verdicts)

    digest = None
    if decision.new_stories:
        digest = feeds.compose(
            decision.new_stories,
            list(config.shows),
            gathered.reports,
            config.site,
            config.email,
            started,
            status="pending" if email_on else "not sent",
            identifier=store.unused_digest_id(feeds.digest_id(started)),
        )
    store.commit_run(
        started=started,
        finished=datetime.now(UTC),
        gathered=gathered,
        decision=decision,
        digest=digest,
    )
    console.stories(decision, "This run")

    try:
        written = feeds.write_outputs(_edition(config, store, gathered, started), config.site.output_dir)
        written += _write_outbox(config, store)
    except OSError as exc:
        raise RunFailed(
            f"cannot write output: {exc.strerror or exc} ({exc.filename or config.site.output_dir})"
        ) from None

    if digest is not None and email_on and not backlog_clear:
        console.warn(f"digest {digest.id} is pending: it goes out after the earlier ones, on the next run")
    elif digest is not None and email_on:
        _deliver(config, store, digest, console, delivered, errors)
    elif digest is not None:
        console.say(
            f"Digest not mailed ({'--no-email' if config.email.enabled else 'email is disabled'}): {config.email.outbox_dir / (digest.id + '.eml')}"
        )
    return RunResult(gathered, decision, digest, written, delivered, "; ".join(errors))


def _gather(config: Config, options: RunOptions, console: Console, validators: dict) -> Gathered:
    console.say(f"Gathering {len(config.sources)} sources…")
    return asyncio.run(
        scrapers.gather(
            config.sources, config.fetch, validators, transport=options.transport, on_report=console.source_done
        )
    )


def _decide(config: Config, store: Store, gathered: Gathered, now: datetime) -> Decision:
    articles = {}
    for show in config.shows:
        try:
            articles[show.name] = show.article.read_text(encoding="utf-8", errors="replace")
        except OSError as exc:
            raise RunFailed(f"{show.article}: cannot read the article of {show.name!r}: {exc.strerror}") from None
    history = store.history(shows=[s.name for s in config.shows])
    return newsdesk.decide(list(config.shows), articles, gathered.updates, gathered.observations, history, now)


def _edition(config: Config, store: Store, gathered: Gathered, now: datetime) -> Edition:
    limit = config.site.feed_items
    return Edition(
        site=config.site,
        shows=list(config.shows),
        stories=store.stories(shows=[s.name for s in config.shows], limit=limit),
        stories_by_show={show.name: store.stories(shows=[show.name], limit=limit) for show in config.shows},
        digests=list(reversed(store.digests(newest=RECENT_DIGESTS))),
        reports=gathered.reports,
        generated=now,
    )


def _write_outbox(config: Config, store: Store) -> list[Path]:
    """A .eml copy of every digest: this run's, and any an earlier run was killed before writing.
    Readable by the owner only: they hold the recipients' addresses."""
    missing = [i for i in store.digest_ids() if not (config.email.outbox_dir / f"{i}.eml").exists()]
    if not missing:
        return []
    return [
        write_atomically(config.email.outbox_dir / f"{digest.id}.eml", digest.message, mode=0o600)
        for digest in store.digests(ids=missing)
    ]


def _deliver_pending(config: Config, store: Store, console: Console, delivered: list[str], errors: list[str]) -> bool:
    """Send what earlier runs could not, oldest first. False when one still cannot be sent: the
    rest (and this run's digest) then wait, so digests never arrive out of order."""
    for digest in store.digests(status="pending"):
        console.say(f"Delivering the digest of {digest.id} that an earlier run could not send…")
        if not _deliver(config, store, digest, console, delivered, errors):
            return False  # the server is still unreachable: do not hammer it with the rest
    return True


def _deliver(
    config: Config, store: Store, digest: Digest, console: Console, delivered: list[str], errors: list[str]
) -> bool:
    try:
        refused = feeds.deliver(digest.message, config.email)
    except DeliveryError as exc:
        store.mark_digest(digest.id, "pending", str(exc))
        console.warn(f"digest {digest.id} not delivered, will retry next run: {exc}")
        errors.append(str(exc))
        return False
    # accepted: marked sent even if some recipients were refused, since sending again would
    # give everyone else a second copy
    note = "; ".join(f"{address}: {reason}" for address, reason in refused.items())
    store.mark_digest(digest.id, "sent", f"refused {note}" if note else "")
    delivered.append(digest.id)
    accepted = [r for r in config.email.recipients if r not in refused]
    console.say(f"Digest {digest.id} sent to {', '.join(accepted)}")
    if note:
        console.warn(f"digest {digest.id}: the SMTP server refused {note}")
    return True
