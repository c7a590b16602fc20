"""Config loading: the DESIGN.md format loads into typed settings; every mistake is one line
that names the file, the table and the key."""

from __future__ import annotations

import copy
import tomllib
from datetime import datetime
from pathlib import Path

import pytest
from conftest import design_config

from scrapers import SOURCE_TYPES
from seasonwatch.commands import load as load_config  # the config as the command line loads it
from seasonwatch.config import ConfigError, parse_config


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
        (("concurrency = 16", "concurrency = 0"), ["[fetch]", "'concurrency'", "must be from 1 to 256, not 0"]),
        (("retries = 1", "retries = -1"), ["[fetch]", "'retries'", "must be from 0 to 10, not -1"]),
        (
            ("retries = 1", "retries = 1000000000000000000000000000000"),
            ["[fetch]", "'retries'", "must be from 0 to 10, not a number of more than 15 digits"],
        ),
        (("retries = 1", "retries = 11"), ["[fetch]", "'retries'", "must be from 0 to 10, not 11"]),
        (("retries = 1", "max_redirects = -1"), ["[fetch]", "'max_redirects'", "must be from 0 to 20, not -1"]),
        (("timeout = 5.0", "timeout = nan"), ["[fetch]", "'timeout'", "must be a finite number"]),
        (("timeout = 5.0", "timeout = 0"), ["[fetch]", "'timeout'", "must be from 0.1 to 300, not 0"]),
        (("timeout = 5.0", "timeout = 5.0\nparse_timeout = 301"), ["[fetch]", "'parse_timeout'", "from 0.1 to 300"]),
        (("timeout = 5.0", "timeout = 5.0\ndeadline = 0"), ["[fetch]", "'deadline'", "from 1 to 86400, not 0"]),
        (("max_bytes = 5000000", "max_bytes = 10"), ["[fetch]", "'max_bytes'", "from 1000 to 100000000, not 10"]),
        (("season = 2", "season = 1000"), ["[[shows]] #1 (Jessica Jones)", "'season'", "from 1 to 999, not 1000"]),
        (
            ('outbox_dir = "outbox"', 'outbox_dir = "outbox"\ndeadline = 0.5'),
            ["[email]", "'deadline'", "from 1 to 3600"],
        ),
        (
            ('outbox_dir = "outbox"', 'outbox_dir = "outbox"\nresend_unconfirmed_after = -1'),
            ["[email]", "'resend_unconfirmed_after'", "from 0 to 720, not -1"],
        ),
        (("retries = 1", "retries = 1" + "0" * 5000), ["not valid TOML", "more digits than any setting takes"]),
        (("smtp_port = 587", "smtp_port = 0"), ["[email]", "'smtp_port'", "from 1 to 65535, not 0"]),
        (('path = "state/seasonwatch.sqlite3"', 'path = ""'), ["[state]", "'path'"]),
        (('type = "feed"', 'type = ["feed"]'), ["[[sources]] #1 (Screen Ledger)", "'type'", "expected a string"]),
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


def test_no_redirects_at_all_is_a_valid_choice(project_dir):
    text = design_config("http://127.0.0.1:9/").replace("retries = 1", "retries = 1\nmax_redirects = 0")
    assert load_config(write(project_dir, text)).fetch.max_redirects == 0


def test_invalid_toml_names_the_line(project_dir):
    with pytest.raises(ConfigError, match=r"config.toml: not valid TOML: .*line 2"):
        load_config(write(project_dir, '[site]\ntitle = "unterminated\n'))


def test_missing_config_file_is_reported(tmp_path):
    with pytest.raises(ConfigError, match="config file not found"):
        load_config(tmp_path / "nope.toml")


def test_the_shipped_example_config_is_valid():
    config = load_config(Path(__file__).resolve().parent.parent / "config.toml")
    assert {s.type for s in config.sources} == {"feed", "html", "tvmaze", "wikipedia"}


WRONG_VALUES = [["feed"], {"a": 1}, 3, -1, 0, 1.5, float("nan"), float("inf"), True, "", "x", datetime(2026, 1, 1)]


def places(raw: dict) -> list[tuple[str, ...]]:
    """Every (table, key) and (array, index, key) of a parsed config."""
    found: list[tuple] = []
    for table, value in raw.items():
        found.append((table,))
        if isinstance(value, dict):
            found += [(table, key) for key in value]
        elif isinstance(value, list):
            for index, entry in enumerate(value):
                found.append((table, index))
                found += [(table, index, key) for key in entry]
    return found


def test_every_wrong_value_anywhere_is_one_line_naming_the_key(project_dir):
    text = design_config("http://127.0.0.1:9/")
    path = write(project_dir, text)
    pristine = tomllib.loads(text)
    surprises = []
    for place in places(pristine):
        for wrong in WRONG_VALUES:
            raw = copy.deepcopy(pristine)
            holder = raw
            for step in place[:-1]:
                holder = holder[step]
            holder[place[-1]] = wrong
            try:
                parse_config(raw, path, SOURCE_TYPES)
            except ConfigError as error:
                message = str(error)
                if "\n" in message or not message.startswith("config.toml: ") or not ({"[", "'"} & set(message)):
                    surprises.append((place, wrong, message))
            except Exception as error:  # anything else is a traceback for the user
                surprises.append((place, wrong, f"{type(error).__name__}: {error}"))
    assert surprises == [], "\n".join(map(repr, surprises))


def test_a_new_structured_source_type_needs_no_magic_option_name(project_dir, monkeypatch):
    """observations_of takes the show from the type's own is_show option, whatever its name."""
    from scrapers import SOURCE_TYPES
    from scrapers.source_type import Document, SourceType, observations_of
    from seasonwatch.models import Fact
    from seasonwatch.options import Option

    def parse(spec, document):
        return observations_of(spec, [Fact("network", None, value="Netflix")], document.url, document)

    custom = SourceType(
        options={
            "url": Option(str, required=True, is_url=True),
            "series": Option(str, required=True, is_show=True),
        },
        url_key="url",
        request_url=lambda spec: spec.options["url"],
        parse=parse,
    )
    monkeypatch.setitem(SOURCE_TYPES, "custom", custom)
    text = design_config("http://127.0.0.1:9/") + (
        '\n[[sources]]\nname = "Custom"\ntype = "custom"\nurl = "https://x.example/"\n'
        'series = "Jessica Jones"\nshows = ["The Expanse", "Jessica Jones"]\n'
    )
    spec = next(s for s in load_config(write(project_dir, text)).sources if s.name == "Custom")
    assert spec.shows == ("Jessica Jones", "The Expanse")
    document = Document("https://x.example/", b"", {}, datetime(2026, 1, 1))
    [observation] = custom.parse(spec, document).observations
    assert observation.show == "Jessica Jones"
