"""Config loading: the DESIGN.md format loads into typed settings; every mistake is one line
that names the file, the table and the key."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import design_config

from seasonwatch.config import ConfigError, load_config


def write(project_dir: Path, text: str) -> Path:
    path = project_dir / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_design_format_loads_with_relative_paths_beside_the_config(project_dir):
    config = load_config(write(project_dir, design_config("http://127.0.0.1:9/")))
    assert [s.name for s in config.shows] == ["Jessica Jones", "The Expanse"]
    assert config.shows[0].aliases == ("Marvel's Jessica Jones",)
    assert config.shows[0].article == project_dir / "articles" / "jessica-jones-season-2.md"
    assert config.shows[0].slug == "jessica-jones"
    assert config.site.output_dir == project_dir / "public"
    assert config.state_path == project_dir / "state" / "seasonwatch.sqlite3"
    assert config.fetch.per_host == 4 and config.fetch.timeout == 5.0
    listing = next(s for s in config.sources if s.type == "html")
    assert listing.options["link"] == "h2 a@href"
    tvmaze = next(s for s in config.sources if s.type == "tvmaze")
    assert tvmaze.shows == ("Jessica Jones",)  # a structured source is about its own show


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (('\nurl = "', '\nurll = "'), ["[[sources]] #1 (Screen Ledger)", "unknown key 'urll'", "did you mean 'url'"]),
        (("season = 2", 'season = "two"'), ["[[shows]] #1 (Jessica Jones)", "'season'", "whole number"]),
        (('type = "feed"', 'type = "podcast"'), ["[[sources]] #1", "'type'", "unknown source type 'podcast'"]),
        (("jessica-jones-season-2.md", "missing.md"), ["[[shows]] #1", "'article'", "file not found"]),
        (('name = "The Expanse"', 'name = "Jessica Jones"'), ["[[shows]] #2", "'name'", "duplicate show"]),
        (
            ('url = "http://127.0.0.1:9/screen-ledger.rss"', 'url = "ftp:/nowhere"'),
            ["[[sources]] #1", "'url'", "not a valid http/https URL"],
        ),
        (
            ('show = "Jessica Jones"', 'show = "Jessica Janes"'),
            ["[[sources]] #5 (TVmaze)", "'show'", "not a configured show"],
        ),
        (('item = "article.teaser"', 'item = "article[["'), ["[[sources]] #4", "'item'", "not a valid CSS selector"]),
        (('security = "none"', 'security = "tls"'), ["[email]", "'security'"]),
        (("concurrency = 16", "concurrency = 0"), ["[fetch]", "'concurrency'"]),
        (("[site]", "[sight]"), ["unknown table or key 'sight'"]),
    ],
)
def test_mistakes_name_file_table_and_key(project_dir, change, expected):
    text = design_config("http://127.0.0.1:9/")
    assert change[0] in text
    with pytest.raises(ConfigError) as error:
        load_config(write(project_dir, text.replace(change[0], change[1], 1)))
    message = str(error.value)
    assert "\n" not in message
    assert message.startswith("config.toml")
    for part in expected:
        assert part in message


def test_invalid_toml_names_the_line(project_dir):
    with pytest.raises(ConfigError, match=r"config.toml: not valid TOML: .*line 2"):
        load_config(write(project_dir, '[site]\ntitle = "unterminated\n'))


def test_missing_config_file_is_reported(tmp_path):
    with pytest.raises(ConfigError, match="config file not found"):
        load_config(tmp_path / "nope.toml")


def test_the_shipped_example_config_is_valid():
    config = load_config(Path(__file__).resolve().parent.parent / "config.toml")
    assert {s.type for s in config.sources} == {"feed", "html", "tvmaze", "wikipedia"}
