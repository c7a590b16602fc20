"""`python run.py` as cron runs it: a bad config, an unusable state folder or state file ends with
the documented exit status and one line on stderr, never a traceback."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from seasonwatch import cli, pipeline
from seasonwatch.store import SCHEMA_VERSION

EXIT_FAILED, EXIT_USAGE = 1, 2


def config_text(state: str = "state/seasonwatch.sqlite3", source_type: str = '"feed"') -> str:
    return f"""
[site]
base_url = "https://example.org/seasonwatch/"

[state]
path = "{state}"

[[shows]]
name = "Jessica Jones"
season = 2
article = "article.md"

[[sources]]
name = "Outlet"
type = {source_type}
url = "http://127.0.0.1:9/feed"
shows = ["Jessica Jones"]
"""


def run_cli(folder: Path, text: str, *args: str) -> subprocess.CompletedProcess[str]:
    (folder / "article.md").write_text("# Jessica Jones season 2\n\n## Cast\n\nKrysten Ritter.\n", encoding="utf-8")
    config = folder / "config.toml"
    config.write_text(text, encoding="utf-8")
    return subprocess.run(
        [sys.executable, str(ROOT / "run.py"), "--config", str(config), "-q", *args],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=120,
    )


def one_line(result: subprocess.CompletedProcess[str]) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("seasonwatch: error: "), lines[0]
    return lines[0]


def test_a_source_type_that_is_not_a_string_is_a_config_error(tmp_path):
    result = run_cli(tmp_path, config_text(source_type='["feed"]'))
    assert result.returncode == EXIT_USAGE
    line = one_line(result)
    assert "config.toml: [[sources]] #1 (Outlet) key 'type': expected a string" in line


def test_a_state_folder_that_cannot_be_created_stops_the_run(tmp_path):
    (tmp_path / "taken").write_text("a file where the state folder should be", encoding="utf-8")
    result = run_cli(tmp_path, config_text(state="taken/seasonwatch.sqlite3"))
    assert result.returncode == EXIT_FAILED
    line = one_line(result)
    assert "cannot create the lock file" in line and "taken" in line


def test_a_damaged_state_file_stops_the_run(tmp_path):
    state = tmp_path / "state" / "seasonwatch.sqlite3"
    state.parent.mkdir()
    db = sqlite3.connect(state)
    db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")  # a version number, but none of our marks or tables
    db.close()
    result = run_cli(tmp_path, config_text())
    assert result.returncode == EXIT_FAILED
    line = one_line(result)
    assert "seasonwatch.sqlite3: not a Season Watch state file" in line and "Recovering the state file" in line


@pytest.mark.parametrize("dry_run", [False, True], ids=["run", "dry run"])
def test_a_state_path_that_is_a_folder_stops_the_run(tmp_path, dry_run):
    (tmp_path / "state" / "seasonwatch.sqlite3").mkdir(parents=True)
    result = run_cli(tmp_path, config_text(), *(["--dry-run"] if dry_run else []))
    assert result.returncode == EXIT_FAILED
    assert "seasonwatch.sqlite3" in one_line(result)


def test_an_interrupted_run_says_what_the_next_run_does(tmp_path, monkeypatch, capsys):
    (tmp_path / "article.md").write_text("# Jessica Jones season 2\n", encoding="utf-8")
    (tmp_path / "config.toml").write_text(config_text(), encoding="utf-8")

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(pipeline, "run", interrupted)
    assert cli.main(["--config", str(tmp_path / "config.toml")]) == 130
    assert capsys.readouterr().err == (
        "seasonwatch: error: interrupted; the state file is consistent and the next run finishes what this one did not\n"
    )
