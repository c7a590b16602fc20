"""The outputs of a run share one presentation of each story: presented once, its entry body
rendered once, the edition read from the state in one go; and the files are the same as when
every output presented and rendered for itself."""

from __future__ import annotations

import io
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from conftest import DEMO_DATA, design_config

import feeds
import feeds.entries
from feeds import unchanged
from seasonwatch.commands import load as load_config  # the config as the command line loads it
from seasonwatch.config import Config
from seasonwatch.console import Console
from seasonwatch.models import Edition, Gathered
from seasonwatch.pipeline import RECENT_DIGESTS, RunOptions, _edition, run
from seasonwatch.store import Store

DAY1 = datetime(2026, 3, 1, 6, 15, tzinfo=UTC)


def two_demo_days(project: Path, sample_server, feed_items: int) -> Config:
    text = design_config(sample_server.base_url).replace(
        'output_dir = "public"', f'output_dir = "public"\nfeed_items = {feed_items}'
    )
    (project / "config.toml").write_text(text, encoding="utf-8")
    config = load_config(project / "config.toml")
    for day, folder in enumerate(["day1", "day2"]):
        sample_server.root = DEMO_DATA / folder
        run(config, RunOptions(now=DAY1 + timedelta(days=day)), Console(0, io.StringIO(), io.StringIO()))
    return config


def edition_one_query_per_show(config: Config, store: Store, now: datetime) -> Edition:
    """The edition as it was read before: one query for all shows, then one per show."""
    limit = config.site.feed_items
    return Edition(
        site=config.site,
        shows=list(config.shows),
        stories=store.stories(shows=[s.name for s in config.shows], limit=limit),
        stories_by_show={show.name: store.stories(shows=[show.name], limit=limit) for show in config.shows},
        digests=list(reversed(store.digests(newest=RECENT_DIGESTS))),
        reports=[],
        generated=now,
    )


def files(folder: Path) -> dict[str, bytes]:
    """The outputs (not the mark of what was written: feeds.unchanged)."""
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != unchanged.MARK
    }


@pytest.mark.parametrize("feed_items", [50, 2])  # 2: the per-show windows reach past the all-shows one
def test_shared_views_write_the_same_files_as_each_output_on_its_own(project_dir, sample_server, feed_items):
    config = two_demo_days(project_dir, sample_server, feed_items)
    now = DAY1 + timedelta(days=1)
    store = Store.open(config.state_path)
    try:
        before = edition_one_query_per_show(config, store, now)
        after = _edition(config, store, Gathered(reports=[]), now)
    finally:
        store.close()

    assert [s.id for s in after.stories] == [s.id for s in before.stories]
    assert {k: [s.id for s in v] for k, v in after.stories_by_show.items()} == {
        k: [s.id for s in v] for k, v in before.stories_by_show.items()
    }
    if feed_items == 2:
        assert len({s.id for v in after.stories_by_show.values() for s in v}) > len(after.stories)

    for write in feeds.OUTPUTS.values():  # a plain Edition: every output presents and renders for itself
        write(before, project_dir / "separate")
    feeds.write_outputs(after, project_dir / "shared")
    separate, shared = files(project_dir / "separate"), files(project_dir / "shared")
    assert {"feed.xml", "atom.xml", "feed.json", "index.html", "shows/jessica-jones.xml"} <= set(shared)
    assert shared == separate


def test_each_story_is_presented_and_its_entry_rendered_once_per_run(project_dir, sample_server, monkeypatch):
    config = two_demo_days(project_dir, sample_server, 50)
    store = Store.open(config.state_path)
    statements: list[str] = []
    store.db.set_trace_callback(statements.append)
    try:
        edition = _edition(config, store, Gathered(), DAY1)
    finally:
        store.close()
    # one read for every window, however many shows: the ids, then their stories (and sources)
    reads = [s for s in statements if " FROM stories" in s or " FROM story_sources" in s]
    assert len(reads) == 3
    assert sum(" FROM story_sources" in s for s in reads) == 1

    presented, rendered = Counter(), Counter()
    present, entry_html = feeds.entries.present, feeds.entries.entry_html

    def counting_present(story, site):  # type: ignore[no-untyped-def]
        presented[story.id] += 1
        return present(story, site)

    def counting_entry_html(view, env=None):  # type: ignore[no-untyped-def]
        rendered[view.id] += 1
        return entry_html(view, env)

    monkeypatch.setattr(feeds.entries, "present", counting_present)
    monkeypatch.setattr(feeds.entries, "entry_html", counting_entry_html)
    feeds.write_outputs(edition, project_dir / "again")

    # every story is in feed.xml, atom.xml, feed.json, its show's feed and the page
    ids = {s.id for s in edition.stories}
    assert len(ids) == 6
    assert presented == Counter(dict.fromkeys(ids, 1))
    assert rendered == Counter(dict.fromkeys(ids, 1))
