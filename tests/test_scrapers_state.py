"""HTTP validators are only kept once what was fetched with them is committed: a run that dies
between fetching and committing must not hide that news behind a 304 the next time."""

from __future__ import annotations

import hashlib
import io

import pytest
from conftest import DEMO_DATA, design_config

import newsdesk
from seasonwatch import pipeline
from seasonwatch.commands import load as load_config  # the config as the command line loads it
from seasonwatch.console import QUIET, Console


class Killed(Exception):
    """Stands for the process dying after the fetch, before the commit."""


def run_once(config_path):
    console = Console(QUIET, stream=io.StringIO(), errors=io.StringIO())
    return pipeline.run(load_config(config_path), pipeline.RunOptions(send_email=False), console)


def feed_requests(server) -> list[dict[str, str]]:
    return [headers for path, headers in server.requests if path.endswith("screen-ledger.rss")]


def etag_of(day: str) -> str:
    """The ETag the sample server gives the Screen Ledger feed of that day."""
    return '"' + hashlib.sha256((DEMO_DATA / day / "screen-ledger.rss").read_bytes()).hexdigest()[:16] + '"'


def test_a_run_killed_before_commit_leaves_its_validators_unstored(project_dir, sample_server, monkeypatch):
    config = project_dir / "config.toml"
    config.write_text(design_config(sample_server.base_url), encoding="utf-8")
    run_once(config)  # day 1 committed, with day 1's ETag
    assert etag_of("day1") != etag_of("day2")

    # day 2: the feed changed; this run fetches it (new ETag) and dies before committing
    sample_server.root = DEMO_DATA / "day2"

    def die(*args, **kwargs):
        raise Killed

    with monkeypatch.context() as patch:
        patch.setattr(newsdesk, "decide", die)
        with pytest.raises(Killed):
            run_once(config)
    assert feed_requests(sample_server)[-1].get("if-none-match") == etag_of("day1")

    # the next run still asks with day 1's ETag, so day 2's feed comes back whole and is read:
    # had the killed run stored day 2's ETag, this would be a 304 hiding day 2's news
    again = run_once(config)
    assert feed_requests(sample_server)[-1].get("if-none-match") == etag_of("day1")
    assert any(u.source == "Screen Ledger" for u in again.gathered.updates)

    # once that run is committed, the one after it is answered 304 and parses nothing
    third = run_once(config)
    assert feed_requests(sample_server)[-1].get("if-none-match") == etag_of("day2")
    assert not any(u.source == "Screen Ledger" for u in third.gathered.updates)
    assert {r.source: str(r.status) for r in third.gathered.reports}["Screen Ledger"] == "not modified"
