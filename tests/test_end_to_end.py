"""The whole product as a user runs it: `python run.py --config …` against sources on a
loopback HTTP server, mailing through an SMTP server on loopback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import feedparser
from conftest import DEMO_DATA, ROOT, design_config


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "run.py"), *args], cwd=cwd, capture_output=True, text=True, timeout=120
    )


def test_two_runs_emit_once_and_mail_once(project_dir, sample_server, smtp_server):
    config = project_dir / "config.toml"
    config.write_text(design_config(sample_server.base_url, smtp_server), encoding="utf-8")

    first = run_cli("--config", str(config), cwd=project_dir)
    assert first.returncode == 0, first.stderr

    public = project_dir / "public"
    for name in ("feed.xml", "atom.xml", "feed.json", "index.html", "shows/jessica-jones.xml", "shows/the-expanse.xml"):
        assert (public / name).is_file(), name
    rss = feedparser.parse((public / "feed.xml").read_bytes())
    atom = feedparser.parse((public / "atom.xml").read_bytes())
    assert not rss.bozo and not atom.bozo
    titles = [e.title for e in rss.entries]
    assert any("March 8" in t for t in titles)
    assert any("Strathairn" in t for t in titles)
    assert not any("Lost in Space" in t or "tour" in t for t in titles)  # untracked show, name clash
    assert not any("Janet McTeer" in t for t in titles)  # the article already says it

    premiere = next(e for e in atom.entries if "Jessica Jones Season 2 Gets March 8" in e.title)
    related = [link.href for link in premiere.links if link.rel == "related"]
    assert len(related) >= 3  # Screen Ledger, Couch Report, Telly Times
    assert {t.term for t in premiere.tags} >= {"Jessica Jones", "Release Date"}

    json_feed = json.loads((public / "feed.json").read_text(encoding="utf-8"))
    assert json_feed["version"] == "https://jsonfeed.org/version/1.1"
    assert len(json_feed["items"]) == len(rss.entries)

    assert len(smtp_server.mailbox.messages) == 1
    _, recipients, message = smtp_server.mailbox.messages[0]
    assert recipients == ["fan@example.org"]
    assert message.get_content_type() == "multipart/alternative"
    parts = [part.get_content_type() for part in message.get_payload()]
    assert parts == ["text/plain", "text/html"]
    assert str(message["Subject"]).strip().startswith(f"{len(rss.entries)} new:")
    assert message["Message-ID"] and message["List-Unsubscribe"] and message["Date"]
    assert list((project_dir / "outbox").glob("*.eml"))
    assert list((public / "digests").glob("*.html"))

    second = run_cli("--config", str(config), cwd=project_dir)
    assert second.returncode == 0, second.stderr
    assert "nothing new" in second.stdout
    assert len(smtp_server.mailbox.messages) == 1  # nothing new: no second mail
    again = feedparser.parse((public / "feed.xml").read_bytes())
    assert [e.id for e in again.entries] == [e.id for e in rss.entries]  # cumulative, stable ids


def test_second_day_emits_only_new_stories(project_dir, sample_server, smtp_server):
    config = project_dir / "config.toml"
    config.write_text(design_config(sample_server.base_url, smtp_server), encoding="utf-8")
    assert run_cli("--config", str(config), cwd=project_dir).returncode == 0
    first_ids = {e.id for e in feedparser.parse((project_dir / "public" / "feed.xml").read_bytes()).entries}

    sample_server.root = DEMO_DATA / "day2"  # a re-post, a late report, structured confirmations, two new stories
    result = run_cli("--config", str(config), "-v", cwd=project_dir)
    assert result.returncode == 0, result.stderr

    feed = feedparser.parse((project_dir / "public" / "feed.xml").read_bytes())
    new = [e for e in feed.entries if e.id not in first_ids]
    assert sorted(e.title for e in new) == sorted(
        [
            "Terry Chen Boards Jessica Jones Season 2 as Pryce Cheng",
            "The Expanse season 3 trailer puts the Ring in view",
        ]
    )
    premiere = next(e for e in feed.entries if "Jessica Jones Season 2 Gets March 8" in e.title)
    assert "StreamWire" in premiere.description and "TVmaze" in premiere.description  # late report, confirmation
    assert "UPDATED" not in " ".join(e.title for e in feed.entries)  # the re-post did not come back

    assert len(smtp_server.mailbox.messages) == 2
    subject = str(smtp_server.mailbox.messages[1][2]["Subject"]).strip()  # folded as RFC 5322 allows
    assert subject.startswith("2 new:")
    assert "Couch Report" in result.stdout  # -v lists every source's updates with their fate
    assert "already sent" in result.stdout and "late report" in result.stdout


def test_broken_config_exits_with_one_line_and_writes_nothing(project_dir, sample_server):
    config = project_dir / "config.toml"
    text = design_config(sample_server.base_url).replace('\nurl = "', '\nadress = "', 1)
    config.write_text(text, encoding="utf-8")
    result = run_cli("--config", str(config), cwd=project_dir)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "config.toml" in lines[0] and "[[sources]] #1" in lines[0] and "adress" in lines[0]
    assert not (project_dir / "public").exists() and not (project_dir / "state").exists()
    assert sample_server.requests == []  # nothing fetched


def test_dry_run_writes_and_sends_nothing(project_dir, sample_server, smtp_server):
    config = project_dir / "config.toml"
    config.write_text(design_config(sample_server.base_url, smtp_server), encoding="utf-8")
    result = run_cli("--config", str(config), "--dry-run", "-v", cwd=project_dir)
    assert result.returncode == 0, result.stderr
    assert "Would emit" in result.stdout and "Strathairn" in result.stdout
    assert "already in the article: Cast: Janet McTeer has joined the cast" in result.stdout
    assert not (project_dir / "public").exists() and not (project_dir / "state").exists()
    assert smtp_server.mailbox.messages == []


def test_demo_runs_offline_and_writes_real_output(tmp_path):
    result = run_cli("--demo", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    public = tmp_path / "seasonwatch-demo" / "public"
    for name in ("feed.xml", "atom.xml", "feed.json", "index.html", "shows/jessica-jones.xml"):
        assert (public / name).is_file(), name
    for name in ("feed.xml", "atom.xml", "shows/jessica-jones.xml", "shows/the-expanse.xml"):
        parsed = feedparser.parse((public / name).read_bytes())
        assert not parsed.bozo, (name, parsed.get("bozo_exception"))
        assert parsed.entries
    assert len(list((tmp_path / "seasonwatch-demo" / "outbox").glob("*.eml"))) == 2
    assert "index.html" in result.stdout
