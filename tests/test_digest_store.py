"""How the state file keeps digests: in the order they were composed, with their delivery status."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from seasonwatch.models import Decision, Digest, Gathered
from seasonwatch.store import Store

START = datetime(2026, 3, 1, 6, 15, tzinfo=UTC)


def store_with(tmp_path, ids_and_times: list[tuple[str, datetime]]) -> Store:
    store = Store.open(tmp_path / "state.sqlite3")
    for identifier, created in ids_and_times:
        digest = Digest(identifier, created, f"subject {identifier}", "<p>html</p>", "text", b"message", [], "pending")
        store.commit_run(started=created, finished=created, gathered=Gathered(), decision=Decision(), digest=digest)
    return store


def test_digests_come_back_in_the_order_they_were_composed(tmp_path):
    # two runs in the same second: the second gets "-2", which sorts before the first as text
    store = store_with(tmp_path, [("20260301T061500Z", START), ("20260301T061500Z-2", START)])
    assert store.unused_digest_id("20260301T061500Z") == "20260301T061500Z-3"
    assert [d.id for d in store.digests()] == ["20260301T061500Z", "20260301T061500Z-2"]
    assert store.digest_ids() == ["20260301T061500Z", "20260301T061500Z-2"]


def test_newest_and_by_id(tmp_path):
    times = [(f"d{n}", START + timedelta(days=n)) for n in range(5)]
    store = store_with(tmp_path, times)
    assert [d.id for d in store.digests(newest=2)] == ["d3", "d4"]
    assert store.digests(newest=0) == []
    assert [d.id for d in store.digests(ids=["d4", "d1"])] == ["d1", "d4"]
    assert store.digests(ids=["d1"])[0].message == b"message"


def test_delivery_status_counts_attempts_and_keeps_the_last_error(tmp_path):
    store = store_with(tmp_path, [("d0", START), ("d1", START + timedelta(days=1))])
    store.mark_digest("d0", "pending", "cannot reach SMTP server")
    store.mark_digest("d0", "sent")
    assert [d.id for d in store.digests(status="pending")] == ["d1"]
    attempts, error, sent_at = store.db.execute(
        "SELECT attempts, last_error, sent_at FROM digests WHERE id = 'd0'"
    ).fetchone()
    assert (attempts, error) == (2, "") and sent_at


def test_a_digest_given_up_keeps_its_attempts_and_says_why(tmp_path):
    store = store_with(tmp_path, [("d0", START), ("d1", START + timedelta(days=1))])
    store.mark_digest("d0", "pending", "cannot reach SMTP server")
    assert store.digest_delivery("d0") == (1, "cannot reach SMTP server")
    store.mark_digest("d0", "failed", "not delivered within 7 days", attempted=False)
    store.mark_digest("d1", "failed", "550 5.1.1 no such mailbox")
    assert store.digest_delivery("d0") == (1, "not delivered within 7 days")
    assert store.digest_delivery("d1") == (1, "550 5.1.1 no such mailbox")
    assert store.digests(status="pending") == []
    assert [d.status for d in store.digests()] == ["failed", "failed"]  # still listed, on the site too
    # a fresh store object on the same file sees the same
    assert Store.open(tmp_path / "state.sqlite3").digest_delivery("d0") == (1, "not delivered within 7 days")
