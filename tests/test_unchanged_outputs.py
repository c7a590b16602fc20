"""A run whose outputs would show what they show already leaves them as they are: the files keep
their modification times (a web server can keep answering 304), and any change, lost file or
file touched by hand gets every output written again."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from conftest import ROOT, design_config
from output_samples import edition, ordinary

import feeds
from feeds import unchanged
from seasonwatch.models import SourceReport, SourceStatus


def _files(folder: Path) -> dict[str, tuple[int, bytes]]:
    return {
        p.relative_to(folder).as_posix(): (p.stat().st_mtime_ns, p.read_bytes())
        for p in folder.rglob("*")
        if p.is_file()
    }


def test_the_same_edition_an_hour_later_writes_nothing(tmp_path):
    first = edition(ordinary(), tmp_path)
    assert feeds.write_outputs(first, tmp_path)
    before = _files(tmp_path)
    later = replace(first, generated=first.generated + timedelta(hours=1))
    assert feeds.write_outputs(later, tmp_path) == []
    assert _files(tmp_path) == before


def test_sources_that_answered_differently_but_did_not_fail_change_nothing(tmp_path):
    ok = [SourceReport("Outlet", "https://outlet.example/feed", SourceStatus.OK, items=30, seconds=0.4)]
    feeds.write_outputs(replace(edition(ordinary(), tmp_path), reports=ok), tmp_path)
    quiet = [replace(ok[0], status=SourceStatus.NOT_MODIFIED, items=0, seconds=0.1)]
    assert feeds.write_outputs(replace(edition(ordinary(), tmp_path), reports=quiet), tmp_path) == []


def test_a_source_that_failed_is_shown_so_the_outputs_are_written(tmp_path):
    feeds.write_outputs(edition(ordinary(), tmp_path), tmp_path)
    failed = [SourceReport("Outlet", "https://outlet.example/feed", SourceStatus.FAILED, "HTTP 500")]
    assert feeds.write_outputs(replace(edition(ordinary(), tmp_path), reports=failed), tmp_path)
    assert "Outlet" in (tmp_path / "index.html").read_text()


def test_a_new_story_gets_every_output_written(tmp_path):
    stories = ordinary()
    feeds.write_outputs(edition(stories[1:], tmp_path), tmp_path)
    written = feeds.write_outputs(edition(stories, tmp_path), tmp_path)
    assert {p.name for p in written} >= {"feed.xml", "atom.xml", "feed.json", "index.html"}
    assert stories[0].headline.split()[0] in (tmp_path / "feed.xml").read_text()


def test_a_lost_output_gets_every_output_written(tmp_path):
    feeds.write_outputs(edition(ordinary(), tmp_path), tmp_path)
    (tmp_path / "atom.xml").unlink()
    assert feeds.write_outputs(edition(ordinary(), tmp_path), tmp_path)
    assert (tmp_path / "atom.xml").exists()


def test_an_output_touched_by_hand_is_written_again(tmp_path):
    feeds.write_outputs(edition(ordinary(), tmp_path), tmp_path)
    page = tmp_path / "index.html"
    page.write_text("edited by hand")
    os.utime(page, ns=(page.stat().st_atime_ns, page.stat().st_mtime_ns + 10**9))
    written = feeds.write_outputs(edition(ordinary(), tmp_path), tmp_path)
    assert page in written and "edited by hand" not in page.read_text()


def test_a_damaged_mark_only_costs_a_rewrite(tmp_path):
    feeds.write_outputs(edition(ordinary(), tmp_path), tmp_path)
    (tmp_path / unchanged.MARK).write_text("{not json")
    assert feeds.write_outputs(edition(ordinary(), tmp_path), tmp_path)
    assert feeds.write_outputs(edition(ordinary(), tmp_path), tmp_path) == []


def test_the_mark_is_not_published_as_an_output(tmp_path):
    written = feeds.write_outputs(edition(ordinary(), tmp_path), tmp_path)
    assert tmp_path / unchanged.MARK not in written


def test_a_cron_run_that_finds_nothing_new_leaves_every_output_as_it_was(project_dir, sample_server):
    # separate processes, as cron runs them: what is compared must not depend on how one
    # process happened to share its objects
    config = project_dir / "config.toml"
    config.write_text(design_config(sample_server.base_url), encoding="utf-8")
    command = [sys.executable, str(ROOT / "run.py"), "--config", str(config), "-q", "--no-email"]
    for _ in range(2):
        subprocess.run(command, check=True, cwd=project_dir, capture_output=True)
    public = project_dir / "public"
    before = _files(public)
    assert "feed.xml" in before and "index.html" in before
    subprocess.run(command, check=True, cwd=project_dir, capture_output=True)
    assert _files(public) == before
