"""Sending one digest exactly once: the attempt is recorded before the message goes, its outcome
after. A digest whose attempt was recorded but whose outcome was not (a crash, a state that could
not be written, a server that took the message and never answered) is never sent again blindly.
"""

from __future__ import annotations

import ssl
from dataclasses import dataclass, field
from email import policy
from email.parser import BytesHeaderParser
from typing import Protocol

from feeds.mailer import DeliveryError, deliver
from seasonwatch.models import Digest, EmailSettings


class DeliveryRecord(Protocol):
    """Where attempts and outcomes are kept: the state file (`seasonwatch.store.Store`)."""

    def claim_delivery(self, digest_id: str, message_id: str, resend: bool = False) -> bool: ...

    def record_outcome(self, digest_id: str, status: str, error: str = "") -> bool: ...


@dataclass
class Delivery:
    """How one attempt ended.

    status: "sent"; "pending" (not delivered, may pass: tried again next run); "failed" (refused
    for good: never tried again); "unconfirmed" (the server took the whole message and did not
    answer: it may have it); "not claimed" (no attempt: the digest is not pending any more)."""

    status: str
    error: str = ""
    fix: str = ""  # for "failed": what to change
    refused: dict[str, str] = field(default_factory=dict)  # recipients refused while others got it
    recorded: bool = True  # False: the outcome reached neither the state nor its journal


def message_id(message: bytes) -> str:
    return str(BytesHeaderParser(policy=policy.default).parsebytes(message).get("Message-ID", "")).strip()


def deliver_digest(
    digest: Digest,
    email: EmailSettings,
    record: DeliveryRecord,
    *,
    resend: bool = False,
    tls: ssl.SSLContext | None = None,
) -> Delivery:
    """Send `digest` once and record it like any delivery.

    The attempt is claimed in `record` first; nothing is sent when the claim is refused (another
    run took it) or cannot be recorded (StoreError from the record propagates: nothing was sent).
    `resend=True` sends it whatever its status ("unconfirmed", "failed", even "sent"): for the
    operator's `resend` command, which must hold the run lock while it calls this."""
    if not record.claim_delivery(digest.id, message_id(digest.message), resend=resend):
        return Delivery("not claimed", f"digest {digest.id} is not pending any more")
    try:
        refused = deliver(digest.message, email, tls=tls)
    except DeliveryError as exc:
        status = "unconfirmed" if exc.unconfirmed else "failed" if exc.permanent else "pending"
        return Delivery(status, str(exc), exc.fix, recorded=record.record_outcome(digest.id, status, str(exc)))
    # accepted: "sent" even if some recipients were refused, since sending again would give
    # everyone else a second copy
    note = "; ".join(f"{address}: {reason}" for address, reason in refused.items())
    recorded = record.record_outcome(digest.id, "sent", f"refused {note}" if note else "")
    return Delivery("sent", refused=refused, recorded=recorded)
