"""What an operator sees of a run: rows per source on a terminal, the README's cron line under
cron's empty environment, and a demo whose lines and digests say what they are."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import DEMO_DATA, ROOT, design_config
from loopback import dead_url
from lxml import html as lxml_html

from seasonwatch import cli

CHECKOUT_PARTS = ("seasonwatch", "scrapers", "newsdesk", "feeds", "templates")


def gone_source() -> tuple[str, str]:
    url = dead_url("/gone.rss")
    return url, f'\n[[sources]]\nname = "Gone Gazette"\ntype = "feed"\nurl = "{url}"\n'


def on_a_terminal(args: list[str], cwd: Path) -> tuple[int, str]:
    """`python run.py ARGS` with a pseudo-terminal as its stdout and stderr, as a person runs it."""
    leader, follower = os.openpty()
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "run.py"), *args],
        stdin=subprocess.DEVNULL,
        stdout=follower,
        stderr=follower,
        cwd=cwd,
        env={**os.environ, "COLUMNS": "220"},
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    status = process.wait(timeout=120)
    os.close(leader)
    return status, b"".join(chunks).decode("utf-8", "replace").replace("\r\n", "\n")


def test_a_terminal_shows_a_row_per_source_pending_ones_and_failures_as_rows(project_dir, sample_server):
    url, source = gone_source()
    config = project_dir / "config.toml"
    config.write_text(design_config(sample_server.base_url) + source, encoding="utf-8")
    status, screen = on_a_terminal(["--config", str(config)], project_dir)
    assert status == 0, screen
    assert (
        "  … 7 to go: Screen Ledger, Couch Report, StreamWire, Telly Times, TVmaze, Wikipedia, Gone Gazette" in screen
    )
    # the screen as a terminal leaves it: "\r\x1b[K" erases the line the pending list was on
    rows = [line.split("\r\x1b[K")[-1] for line in screen.split("\n")]
    assert not [row for row in rows if "to go:" in row]  # each pending list gave way to the next row
    assert any(re.fullmatch(r"  ✓ Screen Ledger +\d+ items +\d+\.\d\d s", row) for row in rows), rows
    (failure,) = [row for row in rows if "Gone Gazette" in row and "✗" in row]
    assert failure.startswith("  ✗ Gone Gazette ") and failure.endswith(f"  {url}")
    assert "cannot connect to 127.0.0.1" in failure
    assert "warning: source Gone Gazette" not in screen  # a row, not a stray warning line
    assert [row for row in rows if row][-1].startswith("Summary: 7 sources: 6 ok, 0 not modified, 1 failed;")


def readme_cron_line() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    (block,) = re.findall(r"```cron\n(.*?)```", readme, re.S)
    (line,) = [line for line in block.splitlines() if line.strip() and not line.startswith("#")]
    return line.split(None, 5)[5]  # the command, after the five time fields


def fresh_checkout(folder: Path) -> Path:
    """A checkout as the README installs it: run.py, the packages, a .venv and a config."""
    folder.mkdir(parents=True)
    shutil.copy(ROOT / "run.py", folder / "run.py")  # a copy: run.py reads the config beside itself
    for part in CHECKOUT_PARTS:
        (folder / part).symlink_to(ROOT / part)
    if sys.prefix != sys.base_prefix:  # the test's own virtual environment, as .venv
        (folder / ".venv").symlink_to(sys.prefix)
    else:
        (folder / ".venv" / "bin").mkdir(parents=True)
        (folder / ".venv" / "bin" / "python").symlink_to(sys.executable)
    shutil.copytree(DEMO_DATA / "articles", folder / "articles")
    return folder


def under_cron(command: str) -> subprocess.CompletedProcess[str]:
    # cron's environment: no PATH of the user's, no HOME, no locale, the working folder elsewhere
    return subprocess.run(["env", "-i", "/bin/sh", "-c", command], cwd="/", capture_output=True, text=True, timeout=120)


def test_the_readme_cron_line_runs_under_cron_and_writes_its_log(tmp_path, sample_server):
    checkout = fresh_checkout(tmp_path / "srv" / "seasonwatch")
    (checkout / "config.toml").write_text(design_config(sample_server.base_url), encoding="utf-8")
    command = readme_cron_line()
    assert "cd /srv/seasonwatch && " in command
    command = command.replace("/srv/seasonwatch", str(checkout))
    assert not (checkout / "state").exists()

    result = under_cron(command)
    assert result.returncode == 0, result.stderr
    assert result.stdout + result.stderr == ""  # all went well: cron mails nothing
    log = (checkout / "state" / "seasonwatch.log").read_text(encoding="utf-8")
    assert "This run: 4 new stories" in log and "Summary: 6 sources: 6 ok" in log
    assert (checkout / "public" / "feed.xml").is_file()

    _, source = gone_source()
    (checkout / "config.toml").write_text(design_config(sample_server.base_url) + source, encoding="utf-8")
    result = under_cron(command)
    assert result.returncode == 0
    mail = (result.stdout + result.stderr).splitlines()
    assert len(mail) == 1 and "warning: source Gone Gazette failed: cannot connect" in mail[0]  # only that
    log = (checkout / "state" / "seasonwatch.log").read_text(encoding="utf-8")
    assert "warning: source Gone Gazette failed" in log and log.count("Summary: ") == 2


def test_the_demo_labels_each_morning_and_prints_no_dead_command(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert cli.main(["--demo"]) == 0
    out = capsys.readouterr().out
    assert "--config" not in out  # its sample server is gone once the demo ends
    assert "`python run.py --demo` runs both days again" in out
    assert re.search(r"=== Day 1 \(\w{3} \d+\): what the daily run does ===", out)
    index = lxml_html.fromstring((tmp_path / "seasonwatch-demo" / "public" / "index.html").read_bytes())
    labels = [li.cssselect("a")[0].text_content() for li in index.cssselect("footer li") if li.cssselect("a")]
    assert len(labels) == 2 and len(set(labels)) == 2, labels
