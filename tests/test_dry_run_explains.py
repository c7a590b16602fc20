"""`python run.py --dry-run -v` says, for each kind of decision an editor may doubt, the reason
they can check: a year no outlet wrote, a headline form read, a star's other work, a paraphrase
of the article, a fact told along that does not decide the story, a listing that confirms or
contradicts an outlet, and one story told in other words.

The sources are served on loopback and dated around today, as a cron run meets them."""

from __future__ import annotations

import json
import textwrap
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from seasonwatch import cli
from seasonwatch.sample_server import SampleServer

HOLLOW_CREEK = """\
# Hollow Creek Season 2: everything we know

Hollow Creek returns for a second season on the streamer.

## Release date
No premiere date has been announced.

## Cast
Mara Quill is back as Ada Finch. Tobias Renn joins the cast.

## Story
The new season will expand on the ensemble, the showrunner says. The flood that split the valley is the mystery.
"""
COPPER_LANE = """\
# Copper Lane Season 3: what we know

## When
The courtroom drama returns for a third season. No date has been set.

## Who
Nell Darrow leads the cast again as Judge Ivy Marsh.

## Episodes
No episode count has been announced.
"""


def _day(when: date) -> str:
    return f"{when:%B} {when.day}"


def _items(hollow_return: date, copper_return: date) -> dict[str, list[tuple[str, str]]]:
    return {
        "outlet-one.json": [
            (f"Hollow Creek Season 2 Sets {hollow_return:%b}. {hollow_return.day} Return", "The streamer dated it today."),
            ("Copper Lane Lands Premiere Date", f"The courtroom drama returns {_day(copper_return)}."),
            ("Hollow Creek Star Mara Quill to Play a Detective in New Film", "Quill leads the thriller, shooting in spring."),
            ("Ezra Vance to Direct Copper Lane Season 3 Premiere", "The ten-episode season is his first on the show."),
        ],
        "outlet-two.json": [
            ("Here's when Copper Lane comes back", f"{_day(copper_return)}, on the streamer."),
            ("Hollow Creek season 2 will broaden its ensemble, the showrunner says", ""),
            ("Copper Lane Season 3 Will Have Ten Episodes", "The streamer confirmed the order."),
        ],
    }


def _write_project(root: Path, site: Path, base_url: str, now: datetime) -> None:
    published = now - timedelta(days=1)
    copper_return = (now + timedelta(days=120)).date()
    for later, (name, items) in enumerate(_items((now + timedelta(days=90)).date(), copper_return).items()):
        feed = {
            "version": "https://jsonfeed.org/version/1.1",
            "title": name,
            "items": [
                {
                    "id": f"{name}-{number}",
                    "url": f"https://{name.removesuffix('.json')}.example/{number}",
                    "title": title,
                    "content_text": summary,
                    # the second outlet tells each story later in the day
                    "date_published": (published + timedelta(hours=number + 12 * later)).isoformat(),
                }
                for number, (title, summary) in enumerate(items)
            ],
        }
        (site / name).write_text(json.dumps(feed), encoding="utf-8")
    # TVmaze agrees with one outlet's episode count and gives another premiere date a week later
    seasons = [
        {"number": 2, "episodeOrder": 8, "premiereDate": "2024-03-01", "endDate": "2024-04-19"},
        {"number": 3, "episodeOrder": 10, "premiereDate": (copper_return + timedelta(days=7)).isoformat()},
    ]
    (site / "shows").mkdir()
    show = {"id": 901, "name": "Copper Lane", "genres": ["Drama"], "status": "Running", "_embedded": {"seasons": seasons}}
    (site / "shows" / "901.json").write_text(json.dumps(show), encoding="utf-8")
    (root / "articles").mkdir()
    (root / "articles" / "hollow-creek-season-2.md").write_text(HOLLOW_CREEK, encoding="utf-8")
    (root / "articles" / "copper-lane-season-3.md").write_text(COPPER_LANE, encoding="utf-8")
    (root / "config.toml").write_text(
        textwrap.dedent(
            f"""\
            [site]
            title = "Season Watch"
            base_url = "https://example.org/seasonwatch/"
            output_dir = "public"

            [fetch]
            respect_robots = false

            [[shows]]
            name = "Hollow Creek"
            season = 2
            article = "articles/hollow-creek-season-2.md"

            [[shows]]
            name = "Copper Lane"
            season = 3
            article = "articles/copper-lane-season-3.md"

            [[sources]]
            name = "Outlet One"
            type = "feed"
            url = "{base_url}outlet-one.json"

            [[sources]]
            name = "Outlet Two"
            type = "feed"
            url = "{base_url}outlet-two.json"

            [[sources]]
            name = "TVmaze"
            type = "tvmaze"
            show = "Copper Lane"
            url = "{base_url}shows/901"
            """
        ),
        encoding="utf-8",
    )


@pytest.fixture(scope="module")
def explained(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Each item's (or listed fact's) line and the lines that explain it, by its headline."""
    root = tmp_path_factory.mktemp("project")
    site = root / "site"
    site.mkdir()
    with SampleServer(site) as server, pytest.MonkeyPatch.context() as patch:
        _write_project(root, site, server.base_url, datetime.now(UTC))
        out = root / "out.txt"
        patch.setattr("sys.stdout", out.open("w", encoding="utf-8"))
        assert cli.main(["--config", str(root / "config.toml"), "--dry-run", "-v", "--no-email"]) == 0
        patch.undo()
    blocks: dict[str, str] = {}
    headline = ""
    for line in out.read_text(encoding="utf-8").splitlines():
        text = line.split(" ", 1)[1] if line[:4].isdigit() else line  # past the log time stamp
        if text.startswith("  [") and "] " in text:
            headline = text.split("] ", 1)[1]
            blocks[headline] = text
        elif text.startswith("      ") and headline:
            blocks[headline] += "\n" + text
        else:
            headline = ""
    return blocks


def _block(explained: dict[str, str], start: str) -> str:
    [block] = [text for headline, text in explained.items() if headline.startswith(start)]
    return block


def test_a_year_no_outlet_wrote_is_said_to_be_inferred(explained: dict[str, str]) -> None:
    block = _block(explained, "Hollow Creek Season 2 Sets")
    assert "[new story]" in block
    assert "its year not written: taken from the report's date" in block


def test_a_headline_that_lands_a_date_is_read_as_the_premiere(explained: dict[str, str]) -> None:
    block = _block(explained, "Copper Lane Lands Premiere Date")
    assert "[new story]" in block and "Season 3 premiere:" in block


def test_a_star_s_other_work_is_not_the_show_s_news(explained: dict[str, str]) -> None:
    block = _block(explained, "Hollow Creek Star Mara Quill")
    assert "[not about the show]" in block and "other work" in block


def test_a_paraphrase_of_the_article_quotes_the_sentence_it_restates(explained: dict[str, str]) -> None:
    block = _block(explained, "Hollow Creek season 2 will broaden")
    assert "[already in the article]" in block
    assert "The new season will expand on the ensemble" in block


def test_a_count_told_along_by_a_directing_story_does_not_absorb_the_count_s_own_report(
    explained: dict[str, str],
) -> None:
    assert "[new story]" in _block(explained, "Ezra Vance to Direct")
    assert "[new story]" in _block(explained, "Copper Lane Season 3 Will Have Ten Episodes")


def test_a_listing_that_agrees_confirms_the_story_and_one_that_disagrees_is_a_conflict(
    explained: dict[str, str],
) -> None:
    agrees = _block(explained, "Season 3 episodes: 10")
    assert "confirms 'Copper Lane Season 3 Will Have Ten Episodes'" in agrees
    disagrees = _block(explained, "Season 3 premiere:")
    assert "[conflicts with a story]" in disagrees
    assert "conflicts with 'Copper Lane Lands Premiere Date'" in disagrees


def test_one_story_told_in_other_words_is_one_story(explained: dict[str, str]) -> None:
    block = _block(explained, "Here's when Copper Lane comes back")
    assert "[same story]" in block
    assert "same story as 'Copper Lane Lands Premiere Date' (Outlet One): the same premiere" in block
