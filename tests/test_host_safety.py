"""A host that cannot be turned against itself: DNS answers that change between check and
connection, proxies that reach internal names, IPv6 spellings of internal addresses, files
planted where the run writes (the lock, the state, the outputs), and a state file that is empty
or not ours. Real HTTP servers on loopback; names resolved by a stand-in resolver."""

from __future__ import annotations

import asyncio
import io
import os
import socket
import sqlite3
import stat
from datetime import UTC, datetime, timedelta

import pytest
from conftest import DEMO_DATA, design_config
from hostile import feed_entries, run_measured
from loopback import Host, Reply

import scrapers.http as scrapers_http
from scrapers import gather
from seasonwatch.commands import load as load_config  # the config as the command line loads it
from seasonwatch.console import Console
from seasonwatch.lock import LockFailed, RunLock
from seasonwatch.models import FetchSettings, SourceSpec, SourceStatus
from seasonwatch.pipeline import RunOptions, run

FEED = b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>'
# In these tests 127.0.0.2 plays a public address: nothing may leave this machine
STAND_IN_PUBLIC = "127.0.0.2"


@pytest.fixture
def public_stand_in(monkeypatch):
    real = scrapers_http.internal_kind
    monkeypatch.setattr(scrapers_http, "internal_kind", lambda a: "" if a == STAND_IN_PUBLIC else real(a))


@pytest.fixture
def dns(monkeypatch):
    """Names answered from a table of answers in turn (the last one repeats); lookups counted."""
    answers: dict[str, list[str | None]] = {}
    lookups: list[str] = []
    real = socket.getaddrinfo

    def getaddrinfo(host, port, *args, **kwargs):  # type: ignore[no-untyped-def]
        if host not in answers:
            return real(host, port, *args, **kwargs)
        lookups.append(host)
        queue = answers[host]
        address = queue.pop(0) if len(queue) > 1 else queue[0]
        if address is None:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return real(address, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return answers, lookups


def fetch(url: str) -> tuple[str, str]:
    spec = SourceSpec("Outlet", "feed", url, options={"url": url})
    gathered = asyncio.run(gather([spec], FetchSettings(timeout=5, retries=0)))
    return gathered.reports[0].status, gathered.reports[0].detail


def test_a_second_dns_answer_cannot_lead_a_redirect_inside(public_stand_in, dns):
    answers, lookups = dns
    with Host(address=STAND_IN_PUBLIC) as outlet, Host() as admin:
        admin.route("/admin", Reply(body=FEED))
        answers["outlet.test"] = [STAND_IN_PUBLIC]
        # public when judged, loopback (where /admin listens) for any lookup after that
        answers["rebind.test"] = [STAND_IN_PUBLIC, "127.0.0.1"]
        port = admin.base_url.rsplit(":", 1)[1]
        outlet.route("/feed", Reply(302, headers={"Location": f"http://rebind.test:{port}/admin"}))
        status, detail = fetch(outlet.url("/feed").replace(STAND_IN_PUBLIC, "outlet.test"))
    assert admin.paths() == []  # never reached
    assert status == SourceStatus.FAILED and "rebind.test" in detail
    assert lookups.count("rebind.test") == 1  # resolved once; connected to what was judged


def test_a_name_that_does_not_resolve_here_is_refused_from_a_public_source(public_stand_in, dns):
    answers, _ = dns
    with Host(address=STAND_IN_PUBLIC) as outlet:
        answers["outlet.test"] = [STAND_IN_PUBLIC]
        answers["metadata.google.internal"] = [None]
        outlet.route("/feed", Reply(302, headers={"Location": "http://metadata.google.internal/computeMetadata/v1/"}))
        status, detail = fetch(outlet.url("/feed").replace(STAND_IN_PUBLIC, "outlet.test"))
    assert status == SourceStatus.FAILED
    assert "metadata.google.internal is a name this host cannot resolve" in detail


@pytest.mark.parametrize("target", ["http://metadata.google.internal/v1/", "http://intranet.test.corp/wiki"])
def test_with_a_proxy_internal_names_are_refused_outright(public_stand_in, dns, monkeypatch, target):
    answers, _ = dns
    answers["outlet.test"] = [STAND_IN_PUBLIC]
    answers["intranet.test.corp"] = [STAND_IN_PUBLIC]  # resolvable here, and public: the proxy may know better
    answers["metadata.google.internal"] = [STAND_IN_PUBLIC]
    with Host() as proxy:
        proxy.route("/feed", Reply(302, headers={"Location": target}))
        monkeypatch.setenv("HTTP_PROXY", proxy.base_url)
        monkeypatch.delenv("NO_PROXY", raising=False)
        monkeypatch.delenv("no_proxy", raising=False)
        status, detail = fetch("http://outlet.test/feed")
    assert [path for path in proxy.paths()] == ["http://outlet.test/robots.txt", "http://outlet.test/feed"]
    assert status == SourceStatus.FAILED and "the proxy may reach" in detail


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("64:ff9b::a9fe:a9fe", "a link-local address (169.254.169.254, inside 64:ff9b::a9fe:a9fe)"),
        ("2002:a9fe:a9fe::", "a link-local address (169.254.169.254, inside 2002:a9fe:a9fe::)"),
        ("::a9fe:a9fe", "a link-local address (169.254.169.254, inside ::a9fe:a9fe)"),
        ("64:ff9b::7f00:1", "a loopback address (127.0.0.1, inside 64:ff9b::7f00:1)"),
        ("2002:c0a8:101::", "a private address (192.168.1.1, inside 2002:c0a8:101::)"),
        ("64:ff9b::808:808", ""),  # NAT64 of a public address is public
    ],
)
def test_ipv6_spellings_of_internal_ipv4_addresses_are_internal(address, kind):
    assert scrapers_http.internal_kind(address) == kind


def test_a_symbolic_link_at_the_lock_path_is_refused_and_its_target_untouched(tmp_path):
    target = tmp_path / "precious.txt"
    target.write_text("do not truncate me", encoding="utf-8")
    state = tmp_path / "state" / "seasonwatch.sqlite3"
    state.parent.mkdir()
    (state.parent / "seasonwatch.sqlite3.lock").symlink_to(target)
    with pytest.raises(LockFailed, match="symbolic link"), RunLock(state):
        pass
    assert target.read_text(encoding="utf-8") == "do not truncate me"


def test_a_lock_file_removed_under_a_run_stops_it_before_it_commits_or_sends(project_dir, sample_server, monkeypatch):
    (project_dir / "config.toml").write_text(design_config(sample_server.base_url), encoding="utf-8")
    config = load_config(project_dir / "config.toml")
    import seasonwatch.pipeline as pipeline

    decide = pipeline.decide

    def removing_the_lock(*args):  # type: ignore[no-untyped-def]
        config.state_path.with_name("seasonwatch.sqlite3.lock").unlink()  # a cleaner "tidying up"
        return decide(*args)

    monkeypatch.setattr(pipeline, "decide", removing_the_lock)
    with pytest.raises(LockFailed, match="removed or replaced while this run held it"):
        run(config, RunOptions(), Console(0, io.StringIO(), io.StringIO()))
    monkeypatch.setattr(pipeline, "decide", decide)
    assert not (project_dir / "public" / "feed.xml").exists()  # nothing written: nothing committed
    result = run(config, RunOptions(), Console(0, io.StringIO(), io.StringIO()))
    assert result.digest is not None  # the next run does the work, once


def test_the_state_file_and_its_folder_are_private(project_dir, sample_server):
    (project_dir / "config.toml").write_text(design_config(sample_server.base_url), encoding="utf-8")
    config = load_config(project_dir / "config.toml")
    run(config, RunOptions(), Console(0, io.StringIO(), io.StringIO()))
    assert stat.S_IMODE(config.state_path.stat().st_mode) == 0o600
    assert stat.S_IMODE(config.state_path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(config.state_path.with_name("seasonwatch.sqlite3.lock").stat().st_mode) == 0o600


def test_stale_temporaries_of_a_killed_run_are_removed(project_dir, sample_server):
    (project_dir / "config.toml").write_text(design_config(sample_server.base_url), encoding="utf-8")
    config = load_config(project_dir / "config.toml")
    (project_dir / "public" / "shows").mkdir(parents=True)
    stale = [
        project_dir / "public" / ".feed.xml.a1b2c3d4.tmp",
        project_dir / "public" / "shows" / ".x.xml.zz9_zz9z.tmp",
    ]
    for path in stale:
        path.write_text("half a feed", encoding="utf-8")
    keep = project_dir / "public" / ".well-known"
    keep.mkdir()
    run(config, RunOptions(), Console(0, io.StringIO(), io.StringIO()))
    assert not any(path.exists() for path in stale) and keep.is_dir()


def config_at(project_dir, sample_server) -> object:
    path = project_dir / "config.toml"
    path.write_text(design_config(sample_server.base_url), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("damage", "says"),
    [
        (lambda path: path.write_bytes(b""), "the state file is empty (0 bytes)"),
        (lambda path: os.truncate(path, 8192), "the state file is truncated"),
        (lambda path: path.write_bytes(b"not sqlite at all" * 100), "not a Season Watch state file (not an SQLite"),
    ],
    ids=["emptied", "truncated", "not SQLite"],
)
def test_a_state_file_that_is_empty_truncated_or_not_ours_is_refused(project_dir, sample_server, damage, says):
    config = config_at(project_dir, sample_server)
    assert run_measured(config).returncode == 0
    state = project_dir / "state" / "seasonwatch.sqlite3"
    damage(state)
    requests_before = len(sample_server.requests)
    for dry in ([], ["--dry-run"]):
        refused = run_measured(config, *dry)
        assert refused.returncode == 1 and says in refused.stderr and "Recovering the state file" in refused.stderr
    assert len(sample_server.requests) == requests_before  # nothing fetched (and so nothing sent)


def test_a_dry_run_says_when_there_is_no_state_to_compare_with(project_dir, sample_server):
    dry = run_measured(config_at(project_dir, sample_server), "--dry-run")
    assert dry.returncode == 0 and "no state file at" in dry.stderr and "what a first run would emit" in dry.stderr


def test_the_feeds_keep_their_order_when_the_clock_steps_back(project_dir, sample_server):
    config = load_config(config_at(project_dir, sample_server))
    later, earlier = datetime(2026, 3, 2, 6, 15, tzinfo=UTC), datetime(2026, 3, 1, 6, 15, tzinfo=UTC)
    sample_server.root = DEMO_DATA / "day1"
    run(config, RunOptions(now=later), Console(0, io.StringIO(), io.StringIO()))
    first = [entry_id for entry_id, _ in feed_entries(project_dir / "public")]
    sample_server.root = DEMO_DATA / "day2"
    second_run = run(config, RunOptions(now=earlier - timedelta(hours=1)), Console(0, io.StringIO(), io.StringIO()))
    assert second_run.decision.new_stories
    entries = [entry_id for entry_id, _ in feed_entries(project_dir / "public")]
    # the stories found after the clock stepped back come first, as they were found last
    assert entries[: len(entries) - len(first)] != [] and entries[len(entries) - len(first) :] == first


def test_a_symlinked_output_folder_is_refused_and_the_rest_written(project_dir, sample_server, tmp_path_factory):
    config = config_at(project_dir, sample_server)
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    (project_dir / "public").mkdir()
    for folder in ("shows", "digests"):
        (project_dir / "public" / folder).symlink_to(elsewhere)
    finished = run_measured(config)
    assert finished.returncode == 0, finished.stderr
    assert (
        "public/shows is a symbolic link" in finished.stderr and "public/digests is a symbolic link" in finished.stderr
    )
    assert list(elsewhere.iterdir()) == []  # nothing written through
    assert (project_dir / "public" / "feed.xml").is_file() and (project_dir / "public" / "index.html").is_file()


def test_a_file_planted_where_the_next_digest_goes_is_replaced(project_dir, sample_server):
    config = load_config(config_at(project_dir, sample_server))
    now = datetime(2026, 3, 1, 6, 15, tzinfo=UTC)
    import feeds

    page = project_dir / "public" / "digests" / f"{feeds.digest_id(now)}.html"
    eml = project_dir / "outbox" / f"{feeds.digest_id(now)}.eml"
    for planted in (page, eml):
        planted.parent.mkdir(parents=True, exist_ok=True)
        planted.write_text("<p>planted</p>", encoding="utf-8")
    errors = io.StringIO()
    result = run(config, RunOptions(now=now), Console(0, io.StringIO(), errors))
    assert page.read_text(encoding="utf-8") == result.digest.html
    assert eml.read_bytes() == result.digest.message
    assert f"{page} was not the page Season Watch wrote" in errors.getvalue()
    assert f"{eml} was not the message of digest" in errors.getvalue()
    assert sqlite3.connect(config.state_path).execute("PRAGMA integrity_check").fetchone()[0] == "ok"
