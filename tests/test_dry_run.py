"""--dry-run fetches and decides, prints what it would emit, and leaves every file as it was."""

from __future__ import annotations

import hashlib
import io
import sqlite3
from pathlib import Path

import pytest
from conftest import DEMO_DATA, design_config

from seasonwatch import cli
from seasonwatch.commands import load as load_config  # the config as the command line loads it
from seasonwatch.console import QUIET, Console
from seasonwatch.lock import RunLock
from seasonwatch.pipeline import RunOptions, run


def snapshot(folder: Path) -> dict[str, tuple[int, int, str]]:
    """Every file and folder under `folder` with its size, modification time and content hash."""
    found = {}
    for path in sorted(folder.rglob("*")):
        stat = path.stat()
        digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "folder"
        found[str(path.relative_to(folder))] = (stat.st_size, stat.st_mtime_ns, digest)
    return found


def run_once(config_path: Path, dry_run: bool) -> str:
    out = io.StringIO()
    run(load_config(config_path), RunOptions(dry_run=dry_run, send_email=False), Console(0, out, io.StringIO()))
    return out.getvalue()


@pytest.mark.parametrize("wal", [False, True], ids=["state file", "state file in WAL mode of an earlier release"])
def test_a_dry_run_after_a_real_run_changes_no_file(project_dir, sample_server, wal):
    config = project_dir / "config.toml"
    config.write_text(design_config(sample_server.base_url), encoding="utf-8")
    run_once(config, dry_run=False)
    state = load_config(config).state_path
    if wal:
        db = sqlite3.connect(state)
        db.execute("PRAGMA journal_mode=WAL")
        db.close()
    before = snapshot(project_dir)
    assert f"state/{state.name}" in before

    sample_server.root = DEMO_DATA / "day2"
    printed = run_once(config, dry_run=True)
    assert "Would emit (dry run, nothing written or sent): 2 new stories" in printed
    assert snapshot(project_dir) == before


def test_a_dry_demo_leaves_the_current_folder_untouched(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert cli.main(["--demo", "-q"]) == 0  # a real demo's output, which a dry one must not touch
    before = snapshot(tmp_path)
    assert "seasonwatch-demo/public/feed.xml" in before
    capsys.readouterr()

    assert cli.main(["--demo", "--dry-run"]) == 0
    assert snapshot(tmp_path) == before
    printed = capsys.readouterr().out
    assert "Would emit (dry run, nothing written or sent): 2 new stories" in printed
    assert "Terry Chen" in printed


def test_a_demo_started_while_another_runs_exits_and_deletes_nothing(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert cli.main(["--demo", "-q"]) == 0
    before = snapshot(tmp_path / "seasonwatch-demo" / "public")
    with RunLock(tmp_path / "seasonwatch-demo" / "demo"):
        assert cli.main(["--demo", "-q"]) == 75
    assert snapshot(tmp_path / "seasonwatch-demo" / "public") == before
    assert "another run holds" in capsys.readouterr().err


def test_demo_with_a_config_is_a_usage_error(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert cli.main(["--demo", "--config", "config.toml"]) == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1 and "--demo" in lines[0] and "--config" in lines[0]
    assert list(tmp_path.iterdir()) == []


def test_a_quiet_dry_run_still_prints_what_it_would_emit(project_dir, sample_server):
    config = project_dir / "config.toml"
    config.write_text(design_config(sample_server.base_url), encoding="utf-8")
    out = io.StringIO()
    run(load_config(config), RunOptions(dry_run=True), Console(QUIET, out, io.StringIO()))
    printed = out.getvalue()
    assert "Would emit (dry run, nothing written or sent):" in printed
    assert "[new] Jessica Jones / Release Date: Jessica Jones Season 2 Gets March 8 Premiere Date" in printed
    assert "Gathering" not in printed  # -q still keeps progress quiet


def test_a_quiet_real_run_prints_no_stories(project_dir, sample_server):
    config = project_dir / "config.toml"
    config.write_text(design_config(sample_server.base_url), encoding="utf-8")
    out = io.StringIO()
    run(load_config(config), RunOptions(send_email=False), Console(QUIET, out, io.StringIO()))
    assert out.getvalue() == ""
