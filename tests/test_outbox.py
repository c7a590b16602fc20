"""The outbox on disk: one .eml per digest, written once, readable only by its owner because it
names the recipients; the published outputs stay readable by the web server."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

from conftest import DEMO_DATA, design_config

import feeds
from feeds.files import write_atomically
from seasonwatch.commands import load as load_config  # the config as the command line loads it
from seasonwatch.console import Console
from seasonwatch.models import Digest
from seasonwatch.pipeline import RunOptions, run

NOW = datetime(2026, 3, 1, 6, 15, tzinfo=UTC)


def mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


def digest(identifier: str, message: bytes = b"To: fan@example.org\r\n\r\nnews\r\n") -> Digest:
    return Digest(identifier, NOW, "subject", "<p>html</p>", "text", message, [], "pending")


def test_write_atomically_takes_the_file_mode(tmp_path):
    assert mode(write_atomically(tmp_path / "public.xml", "feed")) == 0o644
    assert mode(write_atomically(tmp_path / "private.eml", b"mail", mode=0o600)) == 0o600


def test_the_outbox_writes_each_digest_once_for_its_owner_only(tmp_path):
    outbox = tmp_path / "outbox"
    first = feeds.write_outbox([digest("d1")], outbox)
    assert first == [outbox / "d1.eml"]
    assert (outbox / "d1.eml").read_bytes() == digest("d1").message
    assert mode(outbox / "d1.eml") == 0o600

    assert feeds.missing_from_outbox(["d1", "d2"], outbox) == ["d2"]
    # a digest never changes once composed: a copy that is the message is left as it is
    before = (outbox / "d1.eml").stat().st_mtime_ns
    assert feeds.write_outbox([digest("d1"), digest("d2")], outbox) == [outbox / "d2.eml"]
    assert (outbox / "d1.eml").stat().st_mtime_ns == before


def test_a_planted_eml_where_the_next_digest_goes_is_replaced_and_said(tmp_path):
    outbox = tmp_path / "outbox"
    outbox.mkdir()
    (outbox / "d1.eml").write_bytes(b"From: someone else\r\n\r\nnot our digest")
    (tmp_path / "elsewhere.eml").write_bytes(b"a file the link points at")
    (outbox / "d2.eml").symlink_to(tmp_path / "elsewhere.eml")
    refused: list[str] = []
    written = feeds.write_outbox([digest("d1"), digest("d2")], outbox, refused)
    assert written == [outbox / "d1.eml", outbox / "d2.eml"]
    assert (outbox / "d1.eml").read_bytes() == digest("d1").message
    assert not (outbox / "d2.eml").is_symlink() and (outbox / "d2.eml").read_bytes() == digest("d2").message
    assert (tmp_path / "elsewhere.eml").read_bytes() == b"a file the link points at"  # never written through
    assert mode(outbox / "d1.eml") == mode(outbox / "d2.eml") == 0o600
    assert refused == [
        f"{outbox / 'd1.eml'} was not the message of digest d1: replaced",
        f"{outbox / 'd2.eml'} was not the message of digest d2: replaced",
    ]


def test_a_real_run_writes_private_eml_and_public_outputs(project_dir, sample_server):
    (project_dir / "config.toml").write_text(design_config(sample_server.base_url), encoding="utf-8")
    config = load_config(project_dir / "config.toml")
    sample_server.root = DEMO_DATA / "day1"
    result = run(config, RunOptions(now=NOW), Console(0, io.StringIO(), io.StringIO()))
    assert result.digest is not None
    [eml] = sorted((project_dir / "outbox").glob("*.eml"))
    assert eml.name == f"{result.digest.id}.eml" and eml in result.written
    assert mode(eml) == 0o600
    assert b"fan@example.org" in eml.read_bytes()  # why it is private
    assert mode(project_dir / "public" / "feed.xml") == 0o644
    assert mode(project_dir / "public" / "digests" / f"{result.digest.id}.html") == 0o644
