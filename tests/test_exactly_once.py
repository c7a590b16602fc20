"""Exactly once against a hostile network and a careless operator: real SMTP servers on loopback
(aiosmtpd, and raw sockets for what aiosmtpd will not do), a state file another program holds,
and four runs each, as cron would make them. Each digest arrives once, each run ends within its
bounds (the subprocess timeout is the hang guard), and the run's memory stays under 200 MB."""

from __future__ import annotations

import asyncio
import contextlib
import socket
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest
from conftest import design_config
from hostile import run_measured
from smtp_servers import Inbox, free_port, mail_server
from test_delivery_runs import Runner, message_ids

import feeds
from seasonwatch import store as state_module


class SlowInbox(Inbox):
    """Takes the message, then answers the final "." only after `answer_after` seconds, as a
    server that scans what it queued does."""

    def __init__(self, answer_after: float, on_data: Callable[[], None] | None = None) -> None:
        super().__init__()
        self.answer_after = answer_after
        self.on_data = on_data

    async def handle_DATA(self, server, session, envelope):  # type: ignore[no-untyped-def]
        answer = await super().handle_DATA(server, session, envelope)
        if self.on_data:
            self.on_data()
        await asyncio.sleep(self.answer_after)
        return answer


def test_a_slow_answer_to_the_message_is_waited_for_and_the_digest_goes_once(project_dir, sample_server):
    inbox = SlowInbox(answer_after=2.5)  # longer than email.timeout, well within final_reply_timeout
    with mail_server(inbox=inbox) as server:
        runner = Runner(project_dir, sample_server, server.port, {"timeout": "1", "final_reply_timeout": "20"})
        first = runner.run()
        assert first.delivered == [first.digest.id]
        for _ in range(3):
            assert runner.run().delivered == []
    assert len(inbox.received) == 1
    assert runner.digests() == [(first.digest.id, "sent", 1)]


def test_a_message_taken_without_an_answer_is_never_sent_again_blindly(project_dir, sample_server):
    inbox = SlowInbox(answer_after=4)  # past final_reply_timeout: the outcome is unknown
    with mail_server(inbox=inbox) as server:
        runner = Runner(project_dir, sample_server, server.port, {"final_reply_timeout": "1"})
        first = runner.run()
        assert first.delivered == [] and "took the whole message but did not confirm it" in first.delivery_error
        assert f"seasonwatch resend {first.digest.id}" in runner.warnings
        for _ in range(3):
            later = runner.run()
            assert later.delivered == [] and f"digest {first.digest.id} is unconfirmed" in runner.warnings
        assert len(inbox.received) == 1  # the server had it: one copy, not four
        assert runner.digests() == [(first.digest.id, "unconfirmed", 1)]

        # the operator's `resend`: the one function that sends a given digest once, recorded as any delivery
        inbox.answer_after = 0
        store = state_module.Store.open(runner.config.state_path)
        try:
            [digest] = store.digests()
            delivery = feeds.deliver_digest(digest, runner.config.email, store, resend=True)
        finally:
            store.close()
        assert delivery.status == "sent"
        assert runner.digests() == [(first.digest.id, "sent", 2)]
        runner.run()
    assert len(inbox.received) == 2  # the copy asked for, and no other


def test_an_unconfirmed_digest_goes_again_after_the_grace_the_config_sets(project_dir, sample_server):
    inbox = SlowInbox(answer_after=4)
    with mail_server(inbox=inbox) as server:
        # a grace of 1.8 s, so that the test need not wait hours
        runner = Runner(
            project_dir, sample_server, server.port, {"final_reply_timeout": "1", "resend_unconfirmed_after": "0.0005"}
        )
        first = runner.run()
        inbox.answer_after = 0
        time.sleep(2)
        second = runner.run()  # past the grace
        assert second.delivered == [first.digest.id]
        for _ in range(2):
            runner.run()
    assert message_ids(inbox) == [message_ids(inbox)[0]] * 2  # the same message, twice in all, as documented


@contextmanager
def raw_smtp(serve: Callable[[socket.socket], None]) -> Iterator[int]:
    """A server on loopback that runs `serve` on each connection: for the shapes of SMTP no
    well-behaved server library produces. It stops by itself when the test ends."""
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.2)
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except TimeoutError:
                continue
            threading.Thread(target=_serve_until, args=(serve, connection, stop), daemon=True).start()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1]
    finally:
        stop.set()
        thread.join()
        listener.close()


def _serve_until(serve: Callable[[socket.socket], None], connection: socket.socket, stop: threading.Event) -> None:
    connection.settimeout(1)
    with connection, contextlib.suppress(OSError):  # the client hung up: what a bounded client does
        serve(connection)


def endless_ehlo_reply(connection: socket.socket) -> None:
    connection.sendall(b"220 relay.example ESMTP\r\n")
    connection.recv(1024)  # EHLO
    line = b"250-" + b"X" * 200 + b"\r\n"
    started = time.monotonic()
    while time.monotonic() - started < 60:  # far longer than any bounded client listens
        connection.sendall(line * 50)


def tarpit(connection: socket.socket) -> None:
    started = time.monotonic()
    for byte in b"220 relay.example ESMTP" * 1000:
        if time.monotonic() - started > 60:
            return
        connection.sendall(bytes([byte]))
        time.sleep(0.5)


def cli_config(project_dir, sample_server, port: int, email: str = "") -> object:
    config = project_dir / "config.toml"
    text = design_config(sample_server.base_url).replace("enabled = false", "enabled = true")
    text = text.replace("smtp_port = 587", f"smtp_port = {port}\ntimeout = 5\ndeadline = 3{email}")
    config.write_text(text, encoding="utf-8")
    return config


@pytest.mark.parametrize(
    ("serve", "reason"),
    [
        (endless_ehlo_reply, "sent a reply longer than 100 lines"),
        (tarpit, "took longer than email.deadline (3 s)"),
    ],
    ids=["endless 250- lines after EHLO", "one byte every half second"],
)
def test_a_hostile_mail_server_costs_a_bounded_time_and_memory_and_the_digest_goes_once_later(
    project_dir, sample_server, serve, reason
):
    with raw_smtp(serve) as port:
        config = cli_config(project_dir, sample_server, port)
        first = run_measured(config)
    assert first.returncode == 0, first.stderr
    assert reason in first.stderr and "will retry next run" in first.stderr
    assert first.peak_mb < 200, f"the run peaked at {first.peak_mb:.0f} MB"

    inbox = Inbox()
    with mail_server(port=port, inbox=inbox):  # the relay fixed: the digest goes, once
        for _ in range(3):
            later = run_measured(config)
            assert later.returncode == 0, later.stderr
    assert len(inbox.received) == 1


@pytest.fixture
def quick_state(monkeypatch):
    """A state held by another program makes a run wait 30 s and try three times in earnest;
    here a fraction of that, the same code."""
    monkeypatch.setattr(state_module, "BUSY_TIMEOUT", 0.3)
    monkeypatch.setattr(state_module, "OUTCOME_PAUSE", 0.05)


def hold_read_transaction(path) -> sqlite3.Connection:
    """What a backup, a monitoring query or an open `sqlite3` shell does to the state file."""
    reader = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM digests").fetchone()
    return reader


def test_a_state_that_cannot_record_the_attempt_sends_nothing(project_dir, sample_server, quick_state):
    port = free_port()  # the relay is down on the first morning: the digest waits
    runner = Runner(project_dir, sample_server, port)
    first = runner.run()
    inbox = Inbox()
    with mail_server(port=port, inbox=inbox):
        reader = hold_read_transaction(runner.config.state_path)
        with pytest.raises(state_module.StoreError, match="database is locked"):
            runner.run()  # cannot record the attempt: sends nothing (and cannot commit: keeps nothing)
        assert inbox.received == []
        reader.close()
        assert runner.run().delivered == [first.digest.id]
        runner.run()
    assert len(inbox.received) == 1


def test_a_state_that_cannot_record_sent_keeps_it_in_the_journal(project_dir, sample_server, quick_state):
    readers: list[sqlite3.Connection] = []
    runner_box: list[Runner] = []
    # the state becomes unwritable while the server takes the message: after the attempt was recorded
    inbox = SlowInbox(0, on_data=lambda: readers.append(hold_read_transaction(runner_box[0].config.state_path)))
    with mail_server(inbox=inbox) as server:
        runner = Runner(project_dir, sample_server, server.port)
        runner_box.append(runner)
        first = runner.run()  # sent; the state would not take "sent", the journal beside it did
        assert first.delivered == [first.digest.id]
        journal = runner.config.state_path.with_name(runner.config.state_path.name + ".deliveries")
        assert b'"status": "sent"' in journal.read_bytes()
        assert runner.digests() == [(first.digest.id, "sending", 1)]
        inbox.on_data = None
        readers.pop().close()
        for _ in range(3):
            assert runner.run().delivered == []
    assert len(inbox.received) == 1
    assert [status for _, status, _ in runner.digests()] == ["sent"]
    assert journal.read_bytes().strip(b"\0") == b""  # applied, and its room kept
