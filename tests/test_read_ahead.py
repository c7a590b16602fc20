"""Reading ahead: the run's own reading of each update, made in the parser processes while the
downloads go on, is the reading the newsdesk would make, and never costs a source or an update."""

from __future__ import annotations

import asyncio
import dataclasses
from datetime import UTC, datetime
from pathlib import Path

from conftest import FIXTURES
from loopback import Host, Reply

from newsdesk import decide
from newsdesk.desk import read_ahead
from scrapers import gather
from seasonwatch.models import FetchSettings, History, ReadAhead, ShowSpec, SourceSpec, SourceStatus, Update

FEED = (FIXTURES / "feeds" / "rss2_basic.rss").read_bytes()
SETTINGS = FetchSettings(concurrency=4, per_host=4, timeout=5.0, retries=0, max_bytes=100_000, parse_timeout=2.0)
NOW = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)


def gathered_with(read: ReadAhead, settings: FetchSettings = SETTINGS):
    with Host() as host:
        sources = [
            SourceSpec(f"Outlet {n}", "feed", url := host.route(f"/feed{n}", Reply(body=FEED)), options={"url": url})
            for n in range(3)
        ]
        return asyncio.run(gather(sources, settings, read_ahead=read))


def test_every_update_comes_back_with_its_reading_holding_that_very_update():
    gathered = gathered_with(ReadAhead("read_ahead_readers:shouting", ("!",)))
    assert len(gathered.updates) == 6 and len(gathered.readings) == 6
    by_update = {id(r.update): r for r in gathered.readings}
    for update in gathered.updates:
        assert by_update[id(update)].update is update
        assert by_update[id(update)].text == update.title.upper() + "!"


def test_a_reader_that_cannot_be_made_leaves_the_reading_to_the_run():
    gathered = gathered_with(ReadAhead("read_ahead_readers:broken_setup", ("!",)))
    assert len(gathered.updates) == 6 and gathered.readings == []
    assert {r.status for r in gathered.reports} == {SourceStatus.OK}


def test_an_update_the_reader_fails_on_is_only_left_unread():
    title = gathered_with(ReadAhead("read_ahead_readers:shouting", ("",))).updates[0].title
    gathered = gathered_with(ReadAhead("read_ahead_readers:failing_on", (title,)))
    assert len(gathered.updates) == 6
    assert title not in {r.update.title for r in gathered.readings} and len(gathered.readings) == 3 * 1


def test_a_slow_reader_stops_at_half_the_parse_budget_and_the_source_is_read():
    # each reading takes 1.2 s: the first of each document starts within the first 1.0 s of its
    # 2.0 s budget, the second would not, and the source is in within its budget
    gathered = gathered_with(ReadAhead("read_ahead_readers:slow", (1.2,)))
    assert {r.status for r in gathered.reports} == {SourceStatus.OK}
    assert len(gathered.updates) == 6 and len(gathered.readings) <= 3


# ---------------------------------------------------------------------------- the newsdesk's


SHOWS = [ShowSpec("Harbor Lights", 2, (), Path("harbor-lights.md"), "harbor-lights")]
ARTICLES = {"Harbor Lights": "# Harbor Lights season 2: everything we know\n\n## Cast\n\nMina Torvald plays Edda.\n"}
UPDATES = [
    Update(
        "Outlet A", "https://a.example/1", "", "a1", "Harbor Lights season 2 premieres March 3, 2027", "", published=NOW
    ),
    Update("Outlet B", "https://b.example/1", "", "b1", "Harbor Lights adds Oren Vale for season 2", "", published=NOW),
    Update("Outlet C", "https://c.example/1", "", "c1", "Copper Hill renewed for season 4", "", published=NOW),
]


def _verdicts(decision):
    return [(v.update_key, v.fate, v.rule, v.reason, v.story_id) for v in decision.verdicts]


def test_the_newsdesk_decides_the_same_with_its_readings_made_ahead():
    read = read_ahead(SHOWS, ARTICLES, NOW)
    copies = [dataclasses.replace(u) for u in UPDATES]  # as they come back from another process
    readings = [read(u) for u in copies]
    alone = decide(SHOWS, ARTICLES, UPDATES, [], History(), NOW)
    ahead = decide(SHOWS, ARTICLES, copies, [], History(), NOW, readings)
    assert _verdicts(ahead) == _verdicts(alone)
    assert ahead.new_stories == alone.new_stories
    assert len(alone.new_stories) == 2


def test_a_reading_of_another_update_is_not_taken_for_this_one():
    read = read_ahead(SHOWS, ARTICLES, NOW)
    # the same item of the same source (its key), but other words: not a reading of this update
    stranger = read(dataclasses.replace(UPDATES[2], title="Harbor Lights season 2 premieres June 9, 2027"))
    assert stranger.update.key == UPDATES[2].key and stranger.show.name == "Harbor Lights"
    decided = decide(SHOWS, ARTICLES, UPDATES, [], History(), NOW, [stranger])
    assert _verdicts(decided) == _verdicts(decide(SHOWS, ARTICLES, UPDATES, [], History(), NOW))


def test_the_desks_reading_made_ahead_is_the_one_the_desk_would_make_and_spares_it(monkeypatch):
    from newsdesk import board
    from newsdesk.desk import readings_made_ahead
    from newsdesk.extract import FactContext

    read = read_ahead(SHOWS, ARTICLES, NOW)
    readings = [read(u) for u in UPDATES]
    made = readings_made_ahead(readings)
    assert len(made) == 2  # the two reports about Harbor Lights; the Copper Hill one is no report
    decided = decide(SHOWS, ARTICLES, UPDATES, [], History(), NOW, readings)
    story = next(s for s in decided.new_stories if any(f.kind == "cast" for f in s.facts))
    story = dataclasses.replace(
        story,
        sources=[*story.sources, dataclasses.replace(story.sources[0], url="https://d.example/1", source="Outlet D")],
    )
    context = FactContext(SHOWS[0].names, SHOWS[0].season)
    own, _ = board.with_readings([story], context, frozenset())

    def no_reading(*args):
        raise AssertionError("read again")

    monkeypatch.setattr(board, "_said", no_reading)
    ahead, _ = board.with_readings([story], context, frozenset(), made)
    assert [s.stated for s in ahead[0].sources] == [s.stated for s in own[0].sources]
