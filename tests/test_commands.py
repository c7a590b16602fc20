"""The operator's commands as a user types them: init, check [--send-test], status [--json],
resend, preview and --version, against sample sources on loopback and a real SMTP server."""

from __future__ import annotations

import gc
import json
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import DEMO_DATA, ROOT, design_config
from loopback import dead_url
from smtp_servers import Inbox, mail_server

from seasonwatch import __version__, cli
from seasonwatch.commands import load as load_config  # the config as the command line loads it


def seasonwatch(capsys, *args: str) -> tuple[int, str, str]:
    """`seasonwatch ARGS` in-process: (exit status, stdout, stderr)."""
    status = cli.main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def write_config(project_dir: Path, server_url: str, smtp=None, extra_source: str = "") -> Path:
    config = project_dir / "config.toml"
    config.write_text(design_config(server_url, smtp) + extra_source, encoding="utf-8")
    return config


def digests(config: Path) -> list[tuple[str, str, int]]:
    with sqlite3.connect(load_config(config).state_path) as db:
        return db.execute("SELECT id, status, attempts FROM digests ORDER BY created").fetchall()


DEAD_SOURCE = f"""
[[sources]]
name = "Gone Gazette"
type = "feed"
url = "{dead_url("/gone.rss")}"
"""


# ----------------------------------------------------------------------------- --version, --help


@pytest.mark.parametrize("args", [["--version"], ["status", "--version"], ["check", "--version"]])
def test_version_everywhere(capsys, args):
    status, out, _ = seasonwatch(capsys, *args)
    assert status == 0 and out == f"seasonwatch {__version__}\n"


def test_a_process_ends_with_the_commands_status_and_its_objects_frozen_but_main_alone_freezes_nothing():
    frozen = gc.get_freeze_count()
    assert cli.main(["--help"]) == 0
    assert gc.get_freeze_count() == frozen  # the tests' own process collects as before
    ending = (
        "import atexit, gc; from seasonwatch.cli import exit_process; "
        "atexit.register(lambda: print('frozen', gc.get_freeze_count() > 0)); exit_process(3)"
    )
    result = subprocess.run([sys.executable, "-c", ending], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 3 and result.stdout.strip() == "frozen True"


def test_help_states_the_default_config_and_the_exit_codes():
    result = subprocess.run([sys.executable, str(ROOT / "run.py"), "--help"], capture_output=True, text=True)
    assert result.returncode == 0
    assert f"config file (default: {ROOT / 'config.toml'})" in " ".join(result.stdout.split())
    for command in ("init", "check", "status", "resend", "preview"):
        assert f"\n  {command} " in result.stdout
    assert "69  every source failed" in result.stdout and "75  another run holds the lock" in result.stdout


def test_the_installed_command_says_it_reads_the_current_folder(capsys):
    status, out, _ = seasonwatch(capsys, "--help")
    assert status == 0 and "config file (default: ./config.toml)" in out


def test_a_run_option_before_a_subcommand_is_one_line_and_exit_2(capsys):
    status, out, err = seasonwatch(capsys, "--dry-run", "status")
    assert status == 2 and out == ""
    assert err.splitlines() == [
        "seasonwatch: error: --dry-run is an option of the run, not of 'status' (see seasonwatch --help)"
    ]


# ----------------------------------------------------------------------------- init


def test_init_writes_a_config_that_loads_and_an_article(tmp_path, capsys):
    folder = tmp_path / "tv"
    status, out, _ = seasonwatch(capsys, "init", str(folder))
    assert status == 0
    assert "wrote config.toml" in out and "wrote articles/my-show-season-2.md" in out
    for name in ("articles", "state", "public", "outbox"):
        assert (folder / name).is_dir()
    config = load_config(folder / "config.toml")  # valid as written
    assert [s.name for s in config.shows] == ["My Show"]
    assert config.shows[0].article.read_text(encoding="utf-8").startswith("# My Show season 2")
    assert config.log_path == folder / "state" / "seasonwatch.log"
    assert "# " in (folder / "config.toml").read_text(encoding="utf-8")  # it explains itself


def test_init_never_overwrites_a_config(tmp_path, capsys):
    (tmp_path / "config.toml").write_text("# mine\n", encoding="utf-8")
    status, _, err = seasonwatch(capsys, "init", str(tmp_path))
    assert status == 2 and "config.toml already exists; nothing was changed" in err
    assert (tmp_path / "config.toml").read_text(encoding="utf-8") == "# mine\n"
    assert not (tmp_path / "articles").exists()


# ----------------------------------------------------------------------------- check


def test_check_send_test_delivers_a_message_and_says_every_check(project_dir, sample_server, smtp_server, capsys):
    config = write_config(project_dir, sample_server.base_url, smtp_server)
    status, out, err = seasonwatch(capsys, "check", "--config", str(config), "--send-test")
    assert status == 0, out + err
    assert "✓ config: 2 shows, 6 sources, email enabled" in out
    assert "✓ article of Jessica Jones: jessica-jones-season-2.md" in out
    assert "✓ host 127.0.0.1 (Screen Ledger, Couch Report, StreamWire, Telly Times, TVmaze, Wikipedia)" in out
    assert f"✓ test message accepted by 127.0.0.1:{smtp_server.port} (none) for fan@example.org" in out
    assert out.rstrip().endswith("Everything checked is right.")
    ((_, recipients, message),) = smtp_server.mailbox.messages
    assert recipients == ["fan@example.org"] and str(message["Subject"]) == "Season Watch: test message"
    assert "seasonwatch check --send-test" in message.get_body(("plain",)).get_content()
    assert not (project_dir / "state").exists() and not (project_dir / "public").exists()  # it runs nothing
    assert sample_server.requests == []  # and fetches nothing


def test_check_says_what_failed_and_exits_1(project_dir, sample_server, monkeypatch, capsys):
    monkeypatch.delenv("SEASONWATCH_TEST_MAIL_USER", raising=False)
    text = design_config(sample_server.base_url, smtp=None).replace(
        'username_env = ""', 'username_env = "SEASONWATCH_TEST_MAIL_USER"'
    )
    text += '\n[[sources]]\nname = "Nowhere News"\ntype = "feed"\nurl = "https://nowhere.example/feed"\n'
    config = project_dir / "config.toml"
    config.write_text(text, encoding="utf-8")
    real_getaddrinfo = socket.getaddrinfo

    def resolver(host, *args, **kwargs):  # no DNS in tests: this one name does not exist
        if host == "nowhere.example":
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", resolver)
    port = int(dead_url().rsplit(":", 1)[1].split("/")[0])
    text = text.replace("smtp_port = 587", f"smtp_port = {port}")
    config.write_text(text, encoding="utf-8")

    status, out, _ = seasonwatch(capsys, "check", "--config", str(config), "--send-test")
    assert status == 1
    assert (
        "✗ config.toml: [email] key 'username_env': environment variable SEASONWATCH_TEST_MAIL_USER is not set" in out
    )
    assert "✗ host nowhere.example (Nowhere News): cannot resolve the name: Name or service not known" in out
    assert f"✗ test message through 127.0.0.1:{port} (none):" in out
    assert "3 checks failed." in out


def test_check_of_a_broken_config_is_one_line_and_exit_2(project_dir, sample_server, capsys):
    config = project_dir / "config.toml"
    config.write_text(design_config(sample_server.base_url).replace('"fan@example.org"', '"editor at fans"'))
    status, out, err = seasonwatch(capsys, "check", "--config", str(config))
    assert status == 2 and out == ""
    assert err.splitlines() == [
        "seasonwatch: error: config.toml: [email] key 'recipients': 'editor at fans' is not one e-mail address "
        "(write name@example.org or Name <name@example.org>)"
    ]


# ----------------------------------------------------------------------------- status


def test_status_lists_shows_sources_stories_and_digests(project_dir, sample_server, capsys):
    config = write_config(project_dir, sample_server.base_url, extra_source=DEAD_SOURCE)
    status, out, err = seasonwatch(capsys, "--config", str(config), "-q")
    assert status == 0, err

    status, out, _ = seasonwatch(capsys, "status", "--config", str(config))
    assert status == 0
    assert "Jessica Jones (season 2): 2 stories" in out and "The Expanse (season 3): 2 stories" in out
    assert "✓ Screen Ledger  ok, " in out
    gone = out.split("✗ Gone Gazette")[1].splitlines()
    assert "failed" in gone[0] and "never ok" in gone[0]
    assert gone[1].strip().startswith("cannot connect to 127.0.0.1") and gone[2].strip().endswith("/gone.rss")
    assert "Jessica Jones / Release Date: Jessica Jones Season 2 Gets March 8 Premiere Date on Netflix" in out
    ((digest_id, _, _),) = digests(config)
    assert f"{digest_id}  not sent  0 attempts  4 new: " in out
    assert f"send it with: seasonwatch resend {digest_id}" in out

    status, out, _ = seasonwatch(capsys, "status", "--config", str(config), "--json", "--limit", "2")
    report = json.loads(out)
    assert [s["name"] for s in report["shows"]] == ["Jessica Jones", "The Expanse"]
    sources = {s["name"]: s for s in report["sources"]}
    assert sources["Screen Ledger"]["status"] == "ok" and sources["Screen Ledger"]["items"] > 0
    assert sources["Gone Gazette"]["status"] == "failed" and sources["Gone Gazette"]["last_ok"] is None
    assert len(report["stories"]) == 2
    assert [(d["id"], d["status"], d["attempts"]) for d in report["digests"]] == [(digest_id, "not sent", 0)]


def test_status_before_any_run_creates_nothing(project_dir, sample_server, capsys):
    config = write_config(project_dir, sample_server.base_url)
    status, out, _ = seasonwatch(capsys, "status", "--config", str(config))
    assert status == 0 and "(no run yet)" in out and "· Screen Ledger  not fetched yet" in out
    assert not (project_dir / "state").exists()


# ----------------------------------------------------------------------------- resend


def test_resend_sends_a_failed_digest_once_and_records_it(project_dir, sample_server, capsys):
    refusing = Inbox(refuse_data="554 5.7.1 rejected as spam")
    with mail_server(inbox=refusing) as server:
        config = write_config(project_dir, sample_server.base_url)
        text = (
            config.read_text()
            .replace("enabled = false", "enabled = true")
            .replace("smtp_port = 587", f"smtp_port = {server.port}")
        )
        config.write_text(text, encoding="utf-8")
        status, _, err = seasonwatch(capsys, "--config", str(config), "-q")
        assert status == 0 and "rejected as spam" in err
    ((digest_id, state, attempts),) = digests(config)
    assert (state, attempts) == ("failed", 1)

    accepting = Inbox()
    with mail_server(inbox=accepting, port=server.port) as server:  # the operator fixed the relay
        status, out, err = seasonwatch(capsys, "resend", digest_id, "--config", str(config))
        assert status == 0, err
        assert f"Digest {digest_id} sent to fan@example.org" in out
        status, _, err = seasonwatch(capsys, "resend", digest_id, "--config", str(config))
        assert status == 2 and f"digest {digest_id} was already sent; it is not sent twice" in err
    assert len(accepting.received) == 1
    assert accepting.received[0].message["Subject"].startswith("4 new: ")
    assert digests(config) == [(digest_id, "sent", 2)]
    log = load_config(config).log_path.read_text(encoding="utf-8")
    assert f"Digest {digest_id} sent to fan@example.org" in log


def test_resend_that_fails_keeps_the_digest_resendable(project_dir, sample_server, capsys):
    config = write_config(project_dir, sample_server.base_url)  # email disabled: the digest is "not sent"
    assert seasonwatch(capsys, "--config", str(config), "-q")[0] == 0
    ((digest_id, _, _),) = digests(config)
    port = int(dead_url().rsplit(":", 1)[1].split("/")[0])
    config.write_text(config.read_text().replace("smtp_port = 587", f"smtp_port = {port}"), encoding="utf-8")
    status, _, err = seasonwatch(capsys, "resend", digest_id, "--config", str(config))
    assert status == 1
    assert f"digest {digest_id} not sent: cannot reach SMTP server 127.0.0.1:{port}" in err
    assert f"try again later with: seasonwatch resend {digest_id}" in err
    assert digests(config) == [(digest_id, "not sent", 1)]  # a run does not mail it behind the operator's back


def test_resend_of_an_unknown_digest_names_status(project_dir, sample_server, capsys):
    config = write_config(project_dir, sample_server.base_url)
    assert seasonwatch(capsys, "--config", str(config), "-q")[0] == 0
    status, _, err = seasonwatch(capsys, "resend", "20200101T000000Z", "--config", str(config))
    assert status == 2 and "no digest '20200101T000000Z'" in err and "`seasonwatch status` lists them" in err


# ----------------------------------------------------------------------------- preview


def test_preview_writes_the_next_digest_and_uses_nothing_up(project_dir, sample_server, smtp_server, capsys):
    config = write_config(project_dir, sample_server.base_url, smtp_server)
    out_dir = project_dir / "look"
    status, out, err = seasonwatch(capsys, "preview", "--config", str(config), "--out", str(out_dir))
    assert status == 0, err
    (html,) = out_dir.glob("*.html")
    (eml,) = out_dir.glob("*.eml")
    assert f"  {html}   open it in a browser" in out and f"  {eml}   open it in a mail client" in out
    assert "Jessica Jones Season 2 Gets March 8 Premiere Date on Netflix" in html.read_text(encoding="utf-8")
    assert b"multipart/alternative" in eml.read_bytes()
    assert not (project_dir / "state").exists() and not (project_dir / "public").exists()
    assert smtp_server.mailbox.messages == []

    status, _, err = seasonwatch(capsys, "--config", str(config), "-q")  # the real run finds the same news
    assert status == 0, err
    ((_, _, mailed),) = smtp_server.mailbox.messages
    said = next(line for line in out.splitlines() if "The next run would send: " in line)
    assert said.endswith(f"The next run would send: {mailed['Subject']}")


def test_preview_with_nothing_new_writes_nothing(project_dir, sample_server, capsys):
    config = write_config(project_dir, sample_server.base_url)
    assert seasonwatch(capsys, "--config", str(config), "-q")[0] == 0
    status, out, _ = seasonwatch(capsys, "preview", "--config", str(config), "--out", str(project_dir / "look"))
    assert status == 0 and "The next run would send no digest: nothing new." in out
    assert not (project_dir / "look").exists()


# ----------------------------------------------------------------------------- the run's end


def test_a_run_ends_with_one_summary_line(project_dir, sample_server, smtp_server, capsys):
    config = write_config(project_dir, sample_server.base_url, smtp_server, extra_source=DEAD_SOURCE)
    status, out, _ = seasonwatch(capsys, "--config", str(config))
    assert status == 0
    ((digest_id, _, _),) = digests(config)
    last = out.strip().splitlines()[-1]
    assert last.endswith(
        f"Summary: 7 sources: 6 ok, 0 not modified, 1 failed; 4 new stories; digest {digest_id} sent; "
        f"site {project_dir / 'public' / 'index.html'}"
    )
    sample_server.root = DEMO_DATA / "day2"
    status, out, _ = seasonwatch(capsys, "--config", str(config))
    assert "5 ok, 1 not modified, 1 failed; 2 new stories, 2 earlier stories with new sources; digest " in out


def test_every_source_failed_is_exit_69_with_one_error(project_dir, capsys):
    config = write_config(project_dir, dead_url("/"))
    status, _, err = seasonwatch(capsys, "--config", str(config), "-q")
    assert status == 69
    assert "seasonwatch: error: every source failed (6 of 6): nothing was gathered this run (exit status 69)" in err
    status, _, _ = seasonwatch(capsys, "--config", str(config), "--dry-run", "-q")
    assert status == 69


def test_a_mailing_run_missing_a_login_variable_stops_before_fetching(project_dir, sample_server, monkeypatch, capsys):
    monkeypatch.delenv("SEASONWATCH_TEST_MAIL_USER", raising=False)
    config = write_config(project_dir, sample_server.base_url)
    text = config.read_text().replace("enabled = false", "enabled = true")
    config.write_text(text.replace('username_env = ""', 'username_env = "SEASONWATCH_TEST_MAIL_USER"'))
    status, _, err = seasonwatch(capsys, "--config", str(config), "-q")
    assert status == 2
    assert err.startswith(
        "seasonwatch: error: config.toml: [email] key 'username_env': environment variable "
        "SEASONWATCH_TEST_MAIL_USER is not set here"
    )
    assert sample_server.requests == [] and not (project_dir / "state" / "seasonwatch.sqlite3").exists()
    # what does not mail does not need it
    assert seasonwatch(capsys, "--config", str(config), "--no-email", "-q")[0] == 0


def test_the_log_keeps_what_q_leaves_out(project_dir, sample_server, capsys):
    config = write_config(project_dir, sample_server.base_url, extra_source=DEAD_SOURCE)
    status, out, err = seasonwatch(capsys, "--config", str(config), "-q")
    assert status == 0 and out == ""
    assert len(err.splitlines()) == 1 and "warning: source Gone Gazette failed: cannot connect" in err
    log = (project_dir / "state" / "seasonwatch.log").read_text(encoding="utf-8")
    assert "Gathering 7 sources…" in log and 'source="Screen Ledger" status=ok' in log
    assert "warning: source Gone Gazette failed: cannot connect" in log
    assert "Summary: 7 sources: 6 ok, 0 not modified, 1 failed; 4 new stories" in log
    assert oct((project_dir / "state" / "seasonwatch.log").stat().st_mode & 0o777) == "0o600"
    seasonwatch(capsys, "--config", str(config), "--dry-run", "-q")  # a dry run writes nothing, its log included
    assert (project_dir / "state" / "seasonwatch.log").read_text(encoding="utf-8") == log
