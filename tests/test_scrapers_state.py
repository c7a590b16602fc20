"""HTTP validators are only kept once what was fetched with them is committed: a run that dies
between fetching and committing must not hide that news behind a 304 the next time."""

from __future__ import annotations

import io

import pytest
from conftest import design_config

import newsdesk
from seasonwatch import pipeline
from seasonwatch.config import load_config
from seasonwatch.console import QUIET, Console


class Killed(Exception):
    """Stands for the process dying after the fetch, before the commit."""


def run_once(config_path):
    console = Console(QUIET, stream=io.StringIO(), errors=io.StringIO())
    return pipeline.run(load_config(config_path), pipeline.RunOptions(send_email=False), console)


def feed_requests(server) -> list[dict[str, str]]:
    return [headers for path, headers in server.requests if path.endswith("screen-ledger.rss")]


def test_a_run_killed_before_commit_leaves_no_validators(project_dir, sample_server, monkeypatch):
    config = project_dir / "config.toml"
    config.write_text(design_config(sample_server.base_url), encoding="utf-8")

    def die(*args, **kwargs):
        raise Killed

    with monkeypatch.context() as patch:
        patch.setattr(newsdesk, "decide", die)
        with pytest.raises(Killed):
            run_once(config)
    assert "if-none-match" not in feed_requests(sample_server)[-1]

    # the next run asks unconditionally and reads the items again
    again = run_once(config)
    assert "if-none-match" not in feed_requests(sample_server)[-1]
    assert any(u.source == "Screen Ledger" for u in again.gathered.updates)

    # once that run is committed, the one after it is answered 304 and parses nothing
    third = run_once(config)
    assert "if-none-match" in feed_requests(sample_server)[-1]
    assert not any(u.source == "Screen Ledger" for u in third.gathered.updates)
    assert {r.source: str(r.status) for r in third.gathered.reports}["Screen Ledger"] == "not modified"
