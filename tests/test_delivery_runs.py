"""Whole runs against the sample sources on loopback and a real SMTP server: a digest goes out
exactly once across an outage, in order, and not at all when nothing is new; feed entries keep
their ids across runs and are updated in place when a story gains a source."""

from __future__ import annotations

import io
import sqlite3
import stat
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from email import message_from_bytes, policy
from pathlib import Path

import feedparser
import pytest
from conftest import DEMO_DATA, ROOT, design_config
from smtp_servers import PASSWORD, USERNAME, Inbox, free_port, mail_server, make_test_ca

from seasonwatch.commands import load as load_config  # the config as the command line loads it
from seasonwatch.config import Config
from seasonwatch.console import Console
from seasonwatch.pipeline import RunOptions, RunResult, run

pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")

DAY1 = datetime(2026, 3, 1, 6, 15, tzinfo=UTC)


class Runner:
    """`python run.py` in-process, as cron would call it day after day."""

    def __init__(self, project: Path, sample_server, smtp_port: int, email: dict[str, str] | None = None) -> None:
        self.project = project
        self.sample_server = sample_server
        self.config_path = project / "config.toml"
        text = design_config(sample_server.base_url).replace("enabled = false", "enabled = true")
        text = text.replace("smtp_port = 587", f"smtp_port = {smtp_port}")
        for key, value in (email or {}).items():
            text = _set_email_key(text, key, value)
        self.config_path.write_text(text, encoding="utf-8")
        self.config: Config = load_config(self.config_path)
        self.day = 0
        self.warnings = ""

    def run(self, sources: str = "day1", send_email: bool = True) -> RunResult:
        self.sample_server.root = DEMO_DATA / sources
        out, err = io.StringIO(), io.StringIO()
        result = run(
            self.config, RunOptions(send_email=send_email, now=DAY1 + timedelta(days=self.day)), Console(0, out, err)
        )
        self.day += 1
        self.warnings = err.getvalue()
        return result

    def digests(self) -> list[tuple[str, str, int]]:
        with sqlite3.connect(self.config.state_path) as db:
            return db.execute("SELECT id, status, attempts FROM digests ORDER BY id").fetchall()

    def last_error(self, digest_id: str) -> str:
        with sqlite3.connect(self.config.state_path) as db:
            return db.execute("SELECT last_error FROM digests WHERE id = ?", (digest_id,)).fetchone()[0]

    def outbox(self) -> list[Path]:
        return sorted((self.project / "outbox").glob("*.eml"))

    def feed(self, name: str = "atom.xml") -> feedparser.FeedParserDict:
        return feedparser.parse((self.project / "public" / name).read_bytes())


def _set_email_key(config: str, key: str, value: str) -> str:
    head, _, tail = config.partition("[email]\n")
    lines = [line for line in tail.split("\n") if not line.startswith(f"{key} =")]
    return head + "[email]\n" + f"{key} = {value}\n" + "\n".join(lines)


def message_ids(inbox: Inbox) -> list[str]:
    return [r.message["Message-ID"] for r in inbox.received]


def eml_message_id(path: Path) -> str:
    return message_from_bytes(path.read_bytes(), policy=policy.default)["Message-ID"]


def test_a_digest_survives_an_outage_and_is_sent_exactly_once(project_dir, sample_server):
    port = free_port()  # nothing listens here yet: the mail server is down
    runner = Runner(project_dir, sample_server, port)

    first = runner.run()
    assert first.digest is not None and first.delivered == []
    assert f"cannot reach SMTP server 127.0.0.1:{port}" in first.delivery_error
    assert "will retry next run" in runner.warnings
    assert runner.digests() == [(first.digest.id, "pending", 1)]
    [eml] = runner.outbox()  # the .eml copy exists whatever the server did
    assert (project_dir / "public" / "feed.xml").is_file()  # the run completed its outputs

    with mail_server(port=port) as server:
        second = runner.run()  # nothing new today; yesterday's digest goes out first
        assert second.digest is None
        assert second.delivered == [first.digest.id]
        assert message_ids(server.inbox) == [eml_message_id(eml)]
        assert runner.digests() == [(first.digest.id, "sent", 2)]

        third = runner.run()
        assert third.delivered == [] and third.digest is None
        assert len(server.inbox.received) == 1  # never twice


def test_no_mail_when_nothing_is_new(project_dir, sample_server):
    with mail_server() as server:
        runner = Runner(project_dir, sample_server, server.port)
        assert runner.run().delivered
        again = runner.run()
        assert again.digest is None and again.delivered == []
        assert len(server.inbox.received) == 1
        assert len(runner.outbox()) == 1


def test_refused_digests_go_out_later_oldest_first_each_once(project_dir, sample_server):
    inbox = Inbox(refuse_data="451 4.3.0 mailbox busy, try again later")
    with mail_server(inbox=inbox) as server:
        runner = Runner(project_dir, sample_server, server.port)
        first = runner.run("day1")
        assert first.delivered == [] and "451 4.3.0 mailbox busy" in first.delivery_error
        assert inbox.data_attempts == 1
        second = runner.run("day2")  # still refusing: day 2's digest waits behind day 1's
        assert second.digest is not None and second.delivered == []
        assert "goes out after the earlier ones" in runner.warnings
        # day 1's digest was offered once more, first; day 2's not at all: the server is asked once a run
        assert inbox.data_attempts == 2
        assert runner.digests() == [(first.digest.id, "pending", 2), (second.digest.id, "pending", 0)]

        inbox.refuse_data = ""
        third = runner.run("day2")
        assert third.delivered == [first.digest.id, second.digest.id]
        # (a long Subject is folded onto its own line, as RFC 5322 allows: hence the strip)
        assert [str(r.message["Subject"]).strip() for r in inbox.received] == [
            first.digest.subject,
            second.digest.subject,
        ]
        assert message_ids(inbox) == [eml_message_id(p) for p in runner.outbox()]
        assert [status for _, status, _ in runner.digests()] == ["sent", "sent"]
        runner.run("day2")
        assert len(inbox.received) == 2


def test_no_email_writes_the_digest_but_never_queues_it(project_dir, sample_server):
    with mail_server() as server:
        runner = Runner(project_dir, sample_server, server.port)
        quiet = runner.run(send_email=False)
        assert quiet.digest is not None and runner.digests() == [(quiet.digest.id, "not sent", 0)]
        assert len(runner.outbox()) == 1 and (project_dir / "public" / "digests" / f"{quiet.digest.id}.html").is_file()
        runner.run()  # e-mail on again: the --no-email digest is not sent late
        assert server.inbox.received == []


def test_starttls_and_login_from_the_config_named_variables(project_dir, sample_server, monkeypatch, tmp_path):
    ca = make_test_ca(tmp_path)
    monkeypatch.setenv("SSL_CERT_FILE", str(ca.pem))  # how an operator trusts a private CA
    monkeypatch.setenv("SW_MAIL_USER", USERNAME)
    monkeypatch.setenv("SW_MAIL_PASSWORD", PASSWORD)
    with mail_server("starttls", tls=ca, login=True) as server:
        email = {"security": '"starttls"', "username_env": '"SW_MAIL_USER"', "password_env": '"SW_MAIL_PASSWORD"'}
        runner = Runner(project_dir, sample_server, server.port, email)
        result = runner.run()
        assert result.delivered == [result.digest.id]
    [received] = server.inbox.received
    assert received.over_tls and received.login == USERNAME
    assert USERNAME not in runner.config_path.read_text() and PASSWORD not in runner.config_path.read_text()


def test_the_outbox_is_private_and_the_site_public(project_dir, sample_server):
    runner = Runner(project_dir, sample_server, free_port(), {"enabled": "false"})
    result = runner.run()
    [eml] = runner.outbox()
    assert stat.S_IMODE(eml.stat().st_mode) == 0o600  # it holds the recipients' addresses
    for written in result.written:
        if written.suffix != ".eml":
            assert stat.S_IMODE(written.stat().st_mode) == 0o644, written


def test_a_login_without_tls_is_warned_about(project_dir, sample_server, monkeypatch):
    monkeypatch.setenv("SW_MAIL_USER", USERNAME)
    monkeypatch.setenv("SW_MAIL_PASSWORD", PASSWORD)
    with mail_server("none", login=True) as server:
        email = {"security": '"none"', "username_env": '"SW_MAIL_USER"', "password_env": '"SW_MAIL_PASSWORD"'}
        runner = Runner(project_dir, sample_server, server.port, email)
        result = runner.run()
        assert result.delivered == [result.digest.id]
    [line] = [line for line in runner.warnings.splitlines() if "clear text" in line]
    assert 'security = "none" with a login' in line
    assert server.inbox.received[0].login == USERNAME


def test_no_login_without_tls_is_not_warned_about(project_dir, sample_server):
    with mail_server() as server:
        runner = Runner(project_dir, sample_server, server.port)
        assert runner.run().delivered
    assert "clear text" not in runner.warnings


def test_ids_stay_and_entries_update_in_place_when_a_story_gains_a_source(project_dir, sample_server):
    with mail_server() as server:
        runner = Runner(project_dir, sample_server, server.port)
        runner.run("day1")
        before = {e.id: e for e in runner.feed().entries}
        rss_before = {e.id for e in runner.feed("feed.xml").entries}
        runner.run("day2")  # a late report adds StreamWire to the premiere story
        after = {e.id: e for e in runner.feed().entries}
        rss_after = {e.id for e in runner.feed("feed.xml").entries}

    assert set(before) <= set(after) and rss_before <= rss_after  # nothing renumbered, nothing lost
    premiere_id = next(i for i, e in before.items() if "March 8 Premiere" in e.title)
    old, new = before[premiere_id], after[premiere_id]
    assert new.title == old.title and new.published == old.published
    assert new.updated_parsed > old.updated_parsed
    related_before = {link.href for link in old.links if link.rel == "related"}
    related_after = {link.href for link in new.links if link.rel == "related"}
    assert related_before < related_after  # the late report (and TVmaze's confirmation) joined
    assert any("streamwire.example" in href for href in related_after - related_before)
    untouched = [i for i in before if i != premiere_id and "April 11" not in before[i].title]
    assert all(after[i].updated == before[i].updated for i in untouched)
    # the e-mail does not tell the grown story again as news: it names it under "More sources for
    # earlier stories" with only the sources it gained (the late report, TVmaze's confirmation)
    second_digest = server.inbox.received[1].message
    text = second_digest.get_body(("plain",)).get_content()
    news, _, followups = text.partition("== More sources for earlier stories ==")
    assert "March 8 Premiere" not in news.partition("\n== ")[2]  # the body's news, after the index
    followups = followups.partition("\n== ")[0]  # up to the next part (the suggested article updates)
    earlier = followups.split("\n* ")[1:]  # shows in config order: Jessica Jones, then The Expanse
    assert [block.splitlines()[0] for block in earlier] == [
        "Jessica Jones Season 2 Gets March 8 Premiere Date on Netflix",
        "The Expanse season 3 will premiere April 11 on Syfy",
    ]
    premiere = earlier[0]
    assert "StreamWire" in premiere and "TVmaze" in premiere
    assert "Screen Ledger" not in premiere  # a source it already had, sent the day before
    assert str(second_digest["Subject"]).startswith("2 new: ") and "(+2 updated)" in str(second_digest["Subject"])


def test_feeds_keep_a_rolling_window_of_the_newest_stories(project_dir, sample_server):
    port = free_port()
    runner = Runner(project_dir, sample_server, port, {"enabled": "false"})
    runner.config_path.write_text(
        runner.config_path.read_text().replace('output_dir = "public"', 'output_dir = "public"\nfeed_items = 3'),
        encoding="utf-8",
    )
    runner.config = load_config(runner.config_path)
    runner.run("day1")
    runner.run("day2")
    ids = {name: [e.id for e in runner.feed(name).entries] for name in ("feed.xml", "atom.xml")}
    assert len(ids["feed.xml"]) == 3  # of the six stories the two days found
    assert len(runner.feed("shows/jessica-jones.xml").entries) == 3
    newest = runner.feed("atom.xml").entries
    # newest first: day 2's two stories lead the window
    assert {e.title for e in newest[:2]} == {
        "Terry Chen Boards Jessica Jones Season 2 as Pryce Cheng",
        "The Expanse season 3 trailer puts the Ring in view",
    }
    assert ids["feed.xml"] == ids["atom.xml"]


def test_the_command_line_exits_0_and_says_the_mail_server_was_down(project_dir, sample_server):
    port = free_port()
    runner = Runner(project_dir, sample_server, port)
    done = subprocess.run(
        [sys.executable, str(ROOT / "run.py"), "--config", str(runner.config_path), "-q"],
        cwd=project_dir,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert f"not delivered, will retry next run: cannot reach SMTP server 127.0.0.1:{port}" in done.stderr
    assert [status for _, status, _ in runner.digests()] == ["pending"]


# ---------------------------------------------------------------- refusals for good


def test_a_refusal_for_good_fails_that_digest_and_never_holds_back_the_next(project_dir, sample_server):
    """The review's wedge: a 550 for the only recipient used to keep the digest pending forever,
    and every later digest behind it."""
    inbox = Inbox(refuse_recipients={"fan@example.org"})
    with mail_server(inbox=inbox) as server:
        runner = Runner(project_dir, sample_server, server.port)
        first = runner.run("day1")
        assert first.digest is not None and first.failed == [first.digest.id] and first.delivered == []
        assert runner.digests() == [(first.digest.id, "failed", 1)]
        assert "550 5.1.1 no such mailbox" in runner.last_error(first.digest.id)
        [warning] = runner.warnings.strip().splitlines()  # one line: the cause, what to fix, where the copy is
        assert f"digest {first.digest.id} not delivered and not retried" in warning
        assert "550 5.1.1 no such mailbox" in warning and "check the addresses in email.recipients" in warning
        assert f"{first.digest.id}.eml" in warning

        inbox.refuse_recipients = set()  # the operator fixed the address
        second = runner.run("day2")
        assert second.digest is not None and second.delivered == [second.digest.id]  # not held back
        assert [str(r.message["Subject"]).strip() for r in inbox.received] == [second.digest.subject]
        assert runner.digests() == [(first.digest.id, "failed", 1), (second.digest.id, "sent", 1)]

        runner.run("day2")
        assert len(inbox.received) == 1  # a failed digest is never retried

    # it stays in the outbox and on the site
    assert [p.name for p in runner.outbox()] == [f"{first.digest.id}.eml", f"{second.digest.id}.eml"]
    index = (project_dir / "public" / "index.html").read_text(encoding="utf-8")
    assert f"digests/{first.digest.id}.html" in index
    assert (project_dir / "public" / "digests" / f"{first.digest.id}.html").is_file()


@pytest.mark.parametrize(
    ("case", "email", "expected"),
    [
        ("5xx", {}, ["554 5.7.1 rejected as spam", "the server's answer says why"]),
        (
            "no starttls",
            {"security": '"starttls"'},
            ["does not offer STARTTLS", "check smtp_host, smtp_port and security"],
        ),
        (
            "unset username",
            {"username_env": '"SEASONWATCH_TEST_UNSET_USER"'},
            [
                "SEASONWATCH_TEST_UNSET_USER (email.username_env) is not set",
                "set SEASONWATCH_TEST_UNSET_USER in the environment",
            ],
        ),
    ],
)
def test_failures_for_good_are_marked_failed_and_newer_digests_still_go(
    project_dir, sample_server, monkeypatch, case, email, expected
):
    monkeypatch.delenv("SEASONWATCH_TEST_UNSET_USER", raising=False)
    inbox = Inbox(refuse_data="554 5.7.1 rejected as spam" if case == "5xx" else "")
    with mail_server(inbox=inbox) as server:  # plain SMTP, no STARTTLS offered, no login
        runner = Runner(project_dir, sample_server, server.port, email)
        first = runner.run("day1")
        assert first.failed == [first.digest.id]
        for fragment in expected:
            assert fragment in runner.warnings
        assert expected[0] in runner.last_error(first.digest.id)
        second = runner.run("day2")  # tried at once, not queued behind day 1's
        assert second.failed == [second.digest.id]
        assert runner.digests() == [(first.digest.id, "failed", 1), (second.digest.id, "failed", 1)]
        runner.run("day2")
        assert runner.digests()[0][2] == 1  # never tried again
    assert inbox.received == [] and len(runner.outbox()) == 2


# ---------------------------------------------------------------- pending for too long


def test_a_digest_pending_for_over_a_week_is_given_up(project_dir, sample_server):
    port = free_port()  # the mail server is down
    runner = Runner(project_dir, sample_server, port)
    stale = runner.run("day1")
    assert runner.digests() == [(stale.digest.id, "pending", 1)]

    runner.day = 8  # the server comes back eight days later
    with mail_server(port=port) as server:
        late = runner.run("day2")
    assert late.failed == [stale.digest.id] and late.delivered == [late.digest.id]
    # given up without another attempt: its news is stale, the site and the outbox have it
    assert [str(r.message["Subject"]).strip() for r in server.inbox.received] == [late.digest.subject]
    assert runner.digests() == [(stale.digest.id, "failed", 1), (late.digest.id, "sent", 1)]
    reason = runner.last_error(stale.digest.id)
    assert reason.startswith("not delivered within 7 days, given up after 1 attempt")
    assert f"cannot reach SMTP server 127.0.0.1:{port}" in reason
    assert f"digest {stale.digest.id} {reason}" in runner.warnings


def test_a_week_old_digest_is_given_up_even_if_it_never_had_its_turn(project_dir, sample_server):
    inbox = Inbox(refuse_data="451 4.3.0 try again later")
    with mail_server(inbox=inbox) as server:
        runner = Runner(project_dir, sample_server, server.port)
        first = runner.run("day1")
        second = runner.run("day2")  # waits behind the first: never offered
        runner.day = 9  # both over a week old: neither is offered again
        third = runner.run("day2")
        assert third.failed == [first.digest.id, second.digest.id] and third.delivered == []
        assert inbox.data_attempts == 2  # day 1's twice, day 2's never
    assert "it waited behind older digests" in runner.last_error(second.digest.id)
    assert runner.digests() == [(first.digest.id, "failed", 2), (second.digest.id, "failed", 0)]
