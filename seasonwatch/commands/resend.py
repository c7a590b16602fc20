"""`seasonwatch resend DIGEST_ID`: send a digest that failed or was not mailed, once.

It holds the run lock, so no run delivers the same digest meanwhile, and records the attempt as a
run records its own deliveries (status, attempts, last error). A digest already sent is refused:
nothing is ever sent twice.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from seasonwatch.commands import EXIT_FAILED, EXIT_OK, EXIT_USAGE, guarded, load
from seasonwatch.console import Console

if TYPE_CHECKING:
    from seasonwatch.config import Config
    from seasonwatch.models import Digest
    from seasonwatch.store import Store

RESENDABLE = ("failed", "not sent", "unconfirmed", "sending")  # "sending": a run that died mid-attempt


def resend_digest(config_path: Path, digest_id: str) -> int:
    console = Console()
    return guarded(console, lambda: _resend(console, config_path, digest_id))


def _resend(console: Console, config_path: Path, digest_id: str) -> int:
    from seasonwatch.config import ConfigError, environment_problems
    from seasonwatch.lock import RunLock
    from seasonwatch.store import Store

    config = load(config_path)
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
    """The one delivery call of `resend`: one attempt, claimed and recorded in two phases as a
    run's are. Not accepted for a reason that may pass, the digest keeps the status it had, so no
    run mails it behind the operator's back and `resend` can try again."""
    import feeds

    delivery = feeds.deliver_digest(digest, config.email, store, resend=True)
    if delivery.status == "sent":
        accepted = [r for r in config.email.recipients if r not in delivery.refused]
        console.say(f"Digest {digest.id} sent to {', '.join(accepted)}")
        if delivery.refused:
            refusals = "; ".join(f"{address}: {reason}" for address, reason in delivery.refused.items())
            console.warn(f"digest {digest.id}: the SMTP server refused {refusals}")
        return True
    if delivery.status == "pending":
        store.mark_digest(digest.id, digest.status, delivery.error, attempted=False)  # the claim counted it
    fix = delivery.fix or f"try again later with: seasonwatch resend {digest.id}"
    if delivery.status == "unconfirmed":
        fix = "the server took it without answering: it may have arrived; check before you resend"
    console.error(f"digest {digest.id} not sent: {delivery.error}; {fix}")
    return False


def _not_resendable(digest: Digest) -> str:
    if digest.status == "sent":
        return f"digest {digest.id} was already sent; it is not sent twice"
    if digest.status == "pending":
        return f"digest {digest.id} is pending: the next run sends it first (run `seasonwatch` to send it now)"
    return f"digest {digest.id} is {digest.status!r}; only a failed or not-sent digest is sent again"
