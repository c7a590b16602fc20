"""`seasonwatch resend DIGEST_ID`: send a digest that failed or was not mailed, once.

It holds the run lock, so no run delivers the same digest meanwhile, and records the attempt as a
run records its own deliveries (status, attempts, last error). A digest already sent is refused:
nothing is ever sent twice.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from seasonwatch.commands import EXIT_FAILED, EXIT_OK, EXIT_USAGE, guarded
from seasonwatch.console import Console

if TYPE_CHECKING:
    from seasonwatch.config import Config
    from seasonwatch.models import Digest
    from seasonwatch.store import Store

RESENDABLE = ("failed", "not sent")


def resend_digest(config_path: Path, digest_id: str) -> int:
    console = Console()
    return guarded(console, lambda: _resend(console, config_path, digest_id))


def _resend(console: Console, config_path: Path, digest_id: str) -> int:
    from seasonwatch.config import ConfigError, environment_problems, load_config
    from seasonwatch.lock import RunLock
    from seasonwatch.store import Store

    config = load_config(config_path)
    problems = environment_problems(config, mailing=True)
    if problems:
        raise ConfigError(problems[0])
    if not config.state_path.exists():
        console.error(f"{config.state_path}: no state file yet, so no digest to send")
        return EXIT_USAGE
    with RunLock(config.state_path):
        console.log_path = config.log_path  # a delivery, logged as a run's are
        store = Store.open(config.state_path)
        try:
            found = store.digests(ids=[digest_id])
            if not found:
                console.error(f"no digest {digest_id!r} in {config.state_path}; `seasonwatch status` lists them")
                return EXIT_USAGE
            digest = found[0]
            if digest.status not in RESENDABLE:
                console.error(_not_resendable(digest))
                return EXIT_USAGE
            console.say(f"Sending digest {digest.id} ({digest.status}): {digest.subject}")
            return EXIT_OK if send_once(config, store, digest, console) else EXIT_FAILED
        finally:
            store.close()


def send_once(config: Config, store: Store, digest: Digest, console: Console) -> bool:
    """The one delivery call of `resend`: one attempt, recorded. Accepted: marked sent, as a run
    marks it. Not accepted: the attempt and its error are recorded and the digest keeps its
    status, so it is neither retried by a run behind the operator's back nor lost; `resend`
    can try again. (The two-phase delivery record of issue 13 replaces this function.)"""
    import feeds

    try:
        refused = feeds.deliver(digest.message, config.email)
    except feeds.DeliveryError as exc:
        store.mark_digest(digest.id, digest.status, str(exc))
        fix = exc.fix or f"try again later with: seasonwatch resend {digest.id}"
        console.error(f"digest {digest.id} not sent: {exc}; {fix}")
        return False
    # accepted: sent, even if the server refused some recipients (again would be a second copy)
    refusals = "; ".join(f"{address}: {reason}" for address, reason in refused.items())
    store.mark_digest(digest.id, "sent", f"refused {refusals}" if refusals else "")
    console.say(f"Digest {digest.id} sent to {', '.join(r for r in config.email.recipients if r not in refused)}")
    if refusals:
        console.warn(f"digest {digest.id}: the SMTP server refused {refusals}")
    return True


def _not_resendable(digest: Digest) -> str:
    if digest.status == "sent":
        return f"digest {digest.id} was already sent; it is not sent twice"
    if digest.status == "pending":
        return f"digest {digest.id} is pending: the next run sends it first (run `seasonwatch` to send it now)"
    return f"digest {digest.id} is {digest.status!r}; only a failed or not-sent digest is sent again"
