"""One run: gather -> decide -> commit -> emit -> deliver.

Everything the run learns is committed to the state in one transaction before any file is
written or mail sent: a run killed before the commit leaves no trace and the next run redoes the
work; a run killed after it leaves outputs the next run rewrites from the state and a digest
still pending, which the next run delivers first.
"""

from __future__ import annotations

import asyncio
import importlib
import json
import sys
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx

import scrapers
from seasonwatch import phases, story_bound
from seasonwatch.config import Config
from seasonwatch.console import QUIET, Console, summary_line
from seasonwatch.errors import RunFailed
from seasonwatch.lock import RunLock
from seasonwatch.models import (
    Decision,
    DeskReview,
    Digest,
    Edition,
    Fact,
    FactObservation,
    Gathered,
    History,
    ReadAhead,
    ShowSpec,
    SourceReport,
    Story,
    StorySource,
)
from seasonwatch.store import Store, StoreError

# The decide and emit stages take about as long to import as a wave of requests takes to come
# back (patterns compiled at import, templates): a run imports them in a thread while its
# requests are in flight (import_stages_meanwhile), and each function here imports what it uses
# where it uses it (waiting, if it must, for that thread to finish the module). The thread starts
# when the first source is done, not before: begun earlier, it held the GIL against the run's
# own start-up and the first wave of requests (an unchanged 200-feed rerun 1.73 -> 1.66 s, a
# first run 2.12 -> 1.93 s, bench/README.md round six).
STAGES = ("newsdesk", "newsdesk.board", "newsdesk.review", "newsdesk.stories", "feeds")

RECENT_DIGESTS = 30
# a digest still pending this long after it was composed is given up (marked failed): its news is
# stale by then, and the site, the feeds and the outbox have it anyway
GIVE_UP_AFTER = timedelta(days=7)


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
    failed: list[str] = field(default_factory=list)  # digest ids marked failed this run: never retried
    summary: str = ""  # the run's last line: sources, stories, the digest, the site


@dataclass
class _Deliveries:
    """What this run's delivery attempts came to."""

    sent: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def run(config: Config, options: RunOptions, console: Console) -> RunResult:
    scrapers.prepare_tls_context()  # beside the state's opening, not before the first request
    if options.dry_run:
        return _dry_run(config, options, console)
    timings = phases.start()
    with RunLock(config.state_path) as lock:
        store = Store.open(config.state_path)
        store.keeping = keeping(config)
        try:
            return _real_run(config, options, console, store, lock)
        finally:
            store.close()
            timings.write()


def import_stages_meanwhile() -> threading.Thread:
    """Import STAGES in a thread and return it. A module it fails to import is left for
    the run's own import to fail on, with the run's error handling."""

    def import_each() -> None:
        # Imports hold the GIL for whole modules: the event loop, woken by a response, would wait
        # up to the 5 ms switch interval for it every time. A shorter interval while they run
        # hands it back sooner (200-feed rerun 1.61 -> 1.59 s, first run 1.96 -> 1.87 s).
        before = sys.getswitchinterval()
        sys.setswitchinterval(0.0005)
        try:
            for name in STAGES:
                try:
                    importlib.import_module(name)
                except Exception:  # the run's own import of it says what went wrong
                    return
        finally:
            sys.setswitchinterval(before)

    # Not a daemon: an interpreter shutting down under a half-done import of a C extension can crash.
    thread = threading.Thread(target=import_each, name="seasonwatch-import-stages")
    thread.start()
    return thread


def _dry_run(config: Config, options: RunOptions, console: Console) -> RunResult:
    store = Store.open_readonly(config.state_path)
    store.keeping = keeping(config)
    if store.note:
        console.warn(store.note)
    try:
        now = options.now or datetime.now(UTC).replace(microsecond=0)
        articles = read_articles(config.shows)
        # unconditional fetches: a dry run shows the fate of everything the sources list now
        gathered = _gather(config, options, console, {}, articles, now)
        decision = decide(store, config.shows, articles, gathered, now).decision
    finally:
        store.close()
    console.verdicts(decision.verdicts)
    # printed under -q too: what it would emit is the whole point of a dry run
    console.stories(decision, "Would emit (dry run, nothing written or sent)", level=QUIET)
    return RunResult(gathered, decision)


@dataclass
class Preview:
    """What the next run would send: its digest (None when nothing is new) and the digests still
    pending from earlier runs, which it sends first."""

    result: RunResult
    pending: list[Digest]


def preview(config: Config, options: RunOptions, console: Console) -> Preview:
    """The digest the next run would compose, from the same fetches (with the stored validators,
    as the next run sends them) and the same decisions, with nothing written or committed: the
    next run still finds that news new."""
    scrapers.prepare_tls_context()
    store = Store.open_readonly(config.state_path)
    store.keeping = keeping(config)
    try:
        now = options.now or datetime.now(UTC).replace(microsecond=0)
        articles = read_articles(config.shows)
        gathered = _gather(config, options, console, store.validators(), articles, now)
        decided = decide(store, config.shows, articles, gathered, now)
        decision = decided.decision
        review = _review(config, store, decision, decided.history, articles, now, gathered.readings)
        digest = _compose(config, store, gathered, decision, now, status="preview", desk=review)
        pending = store.digests(status="pending")
    finally:
        store.close()
    return Preview(RunResult(gathered, decision, digest), pending)


def _compose(
    config: Config,
    store: Store,
    gathered: Gathered,
    decision: Decision,
    now: datetime,
    status: str,
    desk: DeskReview | None = None,
) -> Digest | None:
    """This run's digest, if it found news: new stories, and earlier ones that gained sources
    (late reports, TVmaze or Wikipedia confirming them), with only the sources they gained."""
    import feeds

    if not decision.new_stories and not decision.grown_stories:
        return None
    return feeds.compose(
        decision.new_stories,
        list(config.shows),
        gathered.reports,
        config.site,
        config.email,
        now,
        status=status,
        identifier=store.unused_digest_id(feeds.digest_id(now)),
        followups=_added_sources(store, decision.grown_stories),
        desk=desk,
    )


def _added_sources(store: Store, grown: list[Story]) -> list[tuple[Story, list[StorySource]]]:
    """Each grown story with the sources this run added to it: the stored story, not yet
    committed over, still has the ones it had."""
    before = {story.id: story.sources for story in store.stories(ids=[story.id for story in grown])}
    added = []
    for story in grown:
        known = {(s.source, s.url, s.update_key) for s in before.get(story.id, [])}
        gained = [s for s in story.sources if (s.source, s.url, s.update_key) not in known]
        if gained:
            added.append((story, gained))
    return added


def _real_run(config: Config, options: RunOptions, console: Console, store: Store, lock: RunLock) -> RunResult:
    started = options.now or datetime.now(UTC).replace(microsecond=0)
    email_on = config.email.enabled and options.send_email
    deliveries = _Deliveries()
    store.settle_interrupted()
    store.reserve_journal()
    _unconfirmed(config, store, console, started)
    if email_on and config.email.security == "none" and config.email.username_env:
        # before anything is sent, pending digests included: the warning is about that login
        console.warn(
            'email security = "none" with a login: the SMTP password crosses the network in clear text; '
            'use "starttls" or "ssl"'
        )
    lock.verify()
    backlog_clear = _deliver_pending(config, store, console, started, deliveries) if email_on else True

    articles = read_articles(config.shows)
    with phases.current.phase("gather"):
        gathered = _gather(config, options, console, store.validators(), articles, started)
    phases.current.cpu["parse"] = gathered.parse_cpu
    phases.current.count("parsed documents", gathered.parsed)
    import feeds

    # what a run killed between writing a file and renaming it left behind (we hold the lock, and
    # nothing of this run has written an output yet)
    feeds.remove_stale_temporaries(config.site.output_dir, config.email.outbox_dir)

    def to_commit(decided: Decided) -> tuple[Digest | None, DeskReview]:
        console.verdicts(decided.decision.verdicts)
        with phases.current.phase("desk and digest"):
            review = _review(
                config, store, decided.decision, decided.history, decided.articles, started, gathered.readings
            )
            status = "pending" if email_on else "not sent"
            digest = _compose(config, store, gathered, decided.decision, started, status=status, desk=review)
        lock.verify()
        return digest, review

    decided, digest, review = decide_and_commit(store, config.shows, articles, gathered, started, before_commit=to_commit)
    decision = decided.decision
    console.stories(decision, "This run")

    refused: list[str] = []
    with phases.current.phase("write"):
        try:
            written = feeds.write_outputs(
                _edition(config, store, gathered, started, review), config.site.output_dir, refused
            )
            # a .eml copy of every digest: this run's (whatever lies where it goes), and any an
            # earlier run was killed before writing
            outbox = config.email.outbox_dir
            ids = feeds.missing_from_outbox(store.digest_ids(), outbox) + ([digest.id] if digest else [])
            written += feeds.write_outbox(store.digests(ids=ids), outbox, refused)
        except OSError as exc:
            raise RunFailed(
                f"cannot write output: {exc.strerror or exc} ({exc.filename or config.site.output_dir})"
            ) from None
    for problem in refused:
        console.warn(problem)

    if digest is not None and email_on and not backlog_clear:
        console.warn(f"digest {digest.id} is pending: it goes out after the earlier ones, on the next run")
    elif digest is not None and email_on:
        lock.verify()
        _deliver(config, store, digest, console, deliveries)
    elif digest is not None:
        console.say(
            f"Digest not mailed ({_why_not_mailed(config)}): {feeds.eml_path(config.email.outbox_dir, digest.id)}"
        )
    summary = summary_line(
        gathered.reports,
        len(decision.new_stories),
        len(decision.grown_stories),
        _digest_outcome(config, digest, deliveries, email_on),
        config.site.output_dir / "index.html",
    )
    console.summary(summary)
    return RunResult(
        gathered,
        decision,
        digest,
        written,
        deliveries.sent,
        "; ".join(deliveries.errors),
        deliveries.failed,
        summary,
    )


def _why_not_mailed(config: Config) -> str:
    return "--no-email" if config.email.enabled else "email is disabled"


def _digest_outcome(config: Config, digest: Digest | None, deliveries: _Deliveries, email_on: bool) -> str:
    """What became of this run's digest, and of earlier ones it sent, in a few words."""
    if digest is None:
        outcome = "no digest"
    elif not email_on:
        outcome = f"digest {digest.id} not mailed ({_why_not_mailed(config)})"
    elif digest.id in deliveries.sent:
        outcome = f"digest {digest.id} sent"
    elif digest.id in deliveries.failed:
        outcome = f"digest {digest.id} failed (not retried)"
    else:
        outcome = f"digest {digest.id} pending (the next run retries it)"
    earlier = [i for i in deliveries.sent if digest is None or i != digest.id]
    if earlier:
        outcome += f", {len(earlier)} earlier digest{'' if len(earlier) == 1 else 's'} sent"
    return outcome


def _gather(
    config: Config, options: RunOptions, console: Console, validators: dict, articles: dict[str, str], now: datetime
) -> Gathered:
    """Every source's report and items, each update read by the newsdesk (which show it is about,
    what it states: two thirds of deciding) in the parser processes while the downloads go on."""
    read_ahead = ReadAhead("newsdesk.desk:read_ahead", (tuple(config.shows), articles, now))
    console.gathering(config.sources)
    importing: list[threading.Thread] = []

    def on_report(report: SourceReport) -> None:
        if not importing:  # the first wave of requests is out: the loop waits on the network now
            importing.append(import_stages_meanwhile())
        console.source_done(report)

    try:
        return asyncio.run(
            scrapers.gather(
                config.sources,
                config.fetch,
                validators,
                transport=options.transport,
                on_report=on_report,
                read_ahead=read_ahead,
            )
        )
    finally:
        console.gathered()


@dataclass
class Decided:
    """A run's decision, with the history and articles it was made against (the editor's desk
    reads them too) and the seconds the newsdesk took."""

    decision: Decision
    history: History
    articles: dict[str, str]
    seconds: float = 0.0


def decide(
    store: Store, shows: Sequence[ShowSpec], articles: dict[str, str], gathered: Gathered, now: datetime
) -> Decided:
    """What the newsdesk makes of what was gathered, against the state's history of these shows."""
    import newsdesk

    with phases.current.phase("history"):
        history = store.history(shows=[s.name for s in shows], gathered=gathered, now=now)
    started = time.perf_counter()
    with phases.current.phase("decide"):
        decision = newsdesk.decide(
            list(shows), articles, gathered.updates, gathered.observations, history, now, gathered.readings
        )
        decision.grown_stories = whole_growth(store, decision.grown_stories)
    phases.current.count("updates decided", len(gathered.updates))
    return Decided(decision, history, articles, time.perf_counter() - started)


def decide_and_commit(
    store: Store,
    shows: Sequence[ShowSpec],
    articles: dict[str, str],
    gathered: Gathered,
    now: datetime,
    *,
    finished: datetime | None = None,
    before_commit: Callable[[Decided], tuple[Digest | None, DeskReview | None]] | None = None,
) -> tuple[Decided, Digest | None, DeskReview | None]:
    """One morning of the newsdesk, as a run and the evaluation both have it: decide, then commit
    everything learnt in one transaction. `before_commit` makes what is committed with it (the
    digest, the desk) from the decision."""
    decided = decide(store, shows, articles, gathered, now)
    digest, review = before_commit(decided) if before_commit else (None, None)
    with phases.current.phase("commit"):
        store.commit_run(
            started=now,
            finished=finished or datetime.now(UTC),
            gathered=gathered,
            decision=decided.decision,
            digest=digest,
            review=review,
        )
    return decided, digest, review


def whole_growth(store: Store, grown: list[Story]) -> list[Story]:
    """Grown stories as they are stored: one the newsdesk read compact (past the bound) but the
    state keeps whole (the desk or the feeds read it) gets its new sources added to the whole."""
    import newsdesk.stories

    compact = [story for story in grown if story.compact]
    if not compact:
        return grown
    stored = {story.id: story for story in store.stories(ids=[story.id for story in compact])}
    merged = []
    for story in grown:
        whole = stored.get(story.id)
        if story.compact and whole is not None and not whole.compact:
            story = newsdesk.stories.with_sources(whole, story.sources, story.updated) or whole
        merged.append(story)
    return merged


def keeping(config: Config) -> story_bound.Keeping:
    """What the state keeps whole for this config: the history's bound, the feeds' window, and
    every story with a fact the editor's desk lists for its show's tracked season."""
    seasons = {show.name: show.season for show in config.shows}

    def desk_reads(show: str, facts: Sequence[Fact]) -> bool:
        import newsdesk.board

        # as the board makes its claims (newsdesk.board.story_claims): a fact with a row, in scope
        season = seasons.get(show)
        rules = [(newsdesk.board.KINDS.get(fact.kind), fact) for fact in facts]
        return season is not None and any(
            rule is not None and rule.row and newsdesk.board.in_scope(rule, fact, season) for rule, fact in rules
        )

    return story_bound.Keeping(
        config.history, config.site.feed_items, desk_reads, json.dumps(sorted(seasons.items()))
    )


def _review(
    config: Config,
    store: Store,
    decision: Decision,
    history: History,
    articles: dict[str, str],
    now: datetime,
    readings: Sequence[object] = (),
) -> DeskReview:
    """The editor's desk after the decision: boards, conflicts, suggestions, from every story of the
    shows (this run's sources included) and each configured structured source's latest facts."""
    import newsdesk.desk
    import newsdesk.review

    names = [show.name for show in config.shows]
    configured = {source.name for source in config.sources}
    latest: dict[tuple, FactObservation] = {}
    for obs in [*store.known_facts(shows=names), *decision.known_facts]:  # this run's replace the stored
        if obs.source in configured:
            latest[(obs.show, obs.source, obs.fact.kind, obs.fact.season, obs.fact.subject.casefold())] = obs
    # every story the desk reads as this run leaves it: a late report's story with its new source,
    # this run's new ones
    desk = store.desk_stories(names)
    stories = {story.id: story for story in [*desk, *decision.grown_stories, *decision.new_stories]}
    return newsdesk.review.review(
        list(config.shows),
        articles,
        list(stories.values()),
        decision.new_stories,
        list(latest.values()),
        store.desk_state(names),
        now,
        newsdesk.desk.readings_made_ahead(readings),
    )


def read_articles(shows: Iterable[ShowSpec]) -> dict[str, str]:
    """Each show's article text by show name, as the newsdesk compares news with it."""
    articles = {}
    for show in shows:
        try:
            articles[show.name] = show.article.read_text(encoding="utf-8", errors="replace")
        except OSError as exc:
            raise RunFailed(f"{show.article}: cannot read the article of {show.name!r}: {exc.strerror}") from None
    return articles


def _edition(
    config: Config, store: Store, gathered: Gathered, now: datetime, review: DeskReview | None = None
) -> Edition:
    limit = config.site.feed_items
    # one read for every window: each show's newest `limit`, and among them the newest `limit` of all
    recent = store.recent_stories(shows=[s.name for s in config.shows], per_show=limit)
    by_show: dict[str, list[Story]] = {show.name: [] for show in config.shows}
    for story in recent:
        by_show[story.show].append(story)
    return Edition(
        site=config.site,
        shows=list(config.shows),
        stories=recent[:limit],
        stories_by_show=by_show,
        digests=list(reversed(store.digests(newest=RECENT_DIGESTS))),
        reports=gathered.reports,
        generated=now,
        desks={name: store.show_desk(board) for name, board in review.boards.items()} if review else {},
    )


def _deliver_pending(config: Config, store: Store, console: Console, now: datetime, deliveries: _Deliveries) -> bool:
    """Send what earlier runs could not, oldest first. False when one could not go for a reason
    that may pass (the server is down or said "try later"): it and every newer digest then wait
    for the next run, so digests arrive in order and the server is asked once a run. A digest the
    server refuses for good is marked failed and holds nothing back; one still pending
    GIVE_UP_AFTER after it was composed is given up without asking the server again."""
    for digest in store.digests(status="pending"):
        if now - digest.created >= GIVE_UP_AFTER:
            _give_up(config, store, digest, console, deliveries)
            continue
        console.say(f"Delivering the digest of {digest.id} that an earlier run could not send…")
        if _deliver(config, store, digest, console, deliveries) == "pending":
            return False  # it may pass: do not hammer the server with the rest
    return True


def _deliver(config: Config, store: Store, digest: Digest, console: Console, deliveries: _Deliveries) -> str:
    """One attempt, recorded before it is made. Returns the digest's status now: "sent";
    "failed" when the server or the settings refused it for good (never retried, so it holds
    back no newer digest); "pending" when the failure may pass (retried first on the next run),
    or when the state could not record the attempt (then nothing was sent); "unconfirmed" when
    the server took the message and never answered (not sent again by itself)."""
    import feeds

    try:
        delivery = feeds.deliver_digest(digest, config.email, store)
    except StoreError as exc:
        deliveries.errors.append(str(exc))
        console.warn(f"digest {digest.id} not sent: the state cannot record the attempt ({exc}); it stays pending")
        return "pending"
    where = feeds.eml_path(config.email.outbox_dir, digest.id)
    if delivery.error:
        deliveries.errors.append(delivery.error)
    if not delivery.recorded:
        console.warn(
            f"digest {digest.id}: {delivery.status}, but neither the state nor its journal could record it; "
            "the next run treats it as unconfirmed and does not send it again by itself"
        )
    if delivery.status == "failed":
        deliveries.failed.append(digest.id)
        console.warn(
            f"digest {digest.id} not delivered and not retried: {delivery.error}; {delivery.fix}. It stays in {where}"
        )
    elif delivery.status == "pending":
        console.warn(f"digest {digest.id} not delivered, will retry next run: {delivery.error}")
    elif delivery.status == "unconfirmed":
        console.warn(f"digest {digest.id}: {delivery.error}. {_unconfirmed_advice(config, digest.id)}")
    elif delivery.status == "sent":
        deliveries.sent.append(digest.id)
        accepted = [r for r in config.email.recipients if r not in delivery.refused]
        console.say(f"Digest {digest.id} sent to {', '.join(accepted)}")
        if delivery.refused:
            note = "; ".join(f"{address}: {reason}" for address, reason in delivery.refused.items())
            console.warn(f"digest {digest.id}: the SMTP server refused {note}")
    return delivery.status


def _unconfirmed_advice(config: Config, digest_id: str) -> str:
    grace = config.email.resend_unconfirmed_after
    later = f"; it goes again by itself {grace:g} hours after the attempt" if grace else ""
    return (
        "The server may have delivered it, so it is not sent again by itself (nobody gets two copies)"
        f"{later}. If it never arrived: seasonwatch resend {digest_id}"
    )


def _unconfirmed(config: Config, store: Store, console: Console, now: datetime) -> None:
    """Say every run which digests may or may not have gone out; one whose grace has passed
    (email.resend_unconfirmed_after, if set) is pending again and goes out with the others."""
    grace = timedelta(hours=config.email.resend_unconfirmed_after)
    for digest, attempted, error in store.unconfirmed():
        # the attempt's time is the wall clock's when it was made: so is the grace
        if grace and attempted is not None and datetime.now(UTC) - attempted >= grace:
            store.mark_digest(
                digest.id, "pending", f"resent {grace.total_seconds() / 3600:g} hours after: {error}", False
            )
            console.warn(
                f"digest {digest.id} was unconfirmed for {config.email.resend_unconfirmed_after:g} hours: sending it again"
            )
        elif now - digest.created < GIVE_UP_AFTER:
            console.warn(f"digest {digest.id} is unconfirmed ({error}). {_unconfirmed_advice(config, digest.id)}")


def _give_up(config: Config, store: Store, digest: Digest, console: Console, deliveries: _Deliveries) -> None:
    import feeds

    attempts, last_error = store.digest_delivery(digest.id)
    why = f"last error: {last_error}" if last_error else "it waited behind older digests"
    reason = (
        f"not delivered within {GIVE_UP_AFTER.days} days, given up after "
        f"{attempts} attempt{'' if attempts == 1 else 's'} ({why})"
    )
    store.mark_digest(digest.id, "failed", reason, attempted=False)
    deliveries.failed.append(digest.id)
    deliveries.errors.append(reason)
    console.warn(
        f"digest {digest.id} {reason}; check that the SMTP server takes mail. "
        f"It stays in {feeds.eml_path(config.email.outbox_dir, digest.id)}"
    )
