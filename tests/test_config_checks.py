"""Config mistakes that used to pass silently and surface only when the digest went or a source
failed: each is now one line naming the file, the table and the key, before anything is fetched."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import design_config

from seasonwatch.commands import load as load_config  # the config as the command line loads it
from seasonwatch.config import ConfigError, environment_problems


def load(project_dir: Path, text: str):  # type: ignore[no-untyped-def]
    path = project_dir / "config.toml"
    path.write_text(text, encoding="utf-8")
    return load_config(path)


@pytest.mark.parametrize(
    "recipient", ["editor at fans", "fan@", "@example.org", "fan@exa mple.org", "a@example.org, b@example.org"]
)
def test_a_recipient_that_is_not_one_address_is_refused(project_dir, recipient):
    text = design_config("http://127.0.0.1:9/").replace('"fan@example.org"', f'"{recipient}"')
    with pytest.raises(ConfigError) as caught:
        load(project_dir, text)
    assert str(caught.value) == (
        f"config.toml: [email] key 'recipients': {recipient!r} is not one e-mail address "
        "(write name@example.org or Name <name@example.org>)"
    )


@pytest.mark.parametrize("recipient", ["fan@example.org", "Fan <fan@example.org>", '"Ed, itor" <ed@x.example>'])
def test_addresses_with_or_without_a_name_are_accepted(project_dir, recipient):
    text = design_config("http://127.0.0.1:9/").replace('"fan@example.org"', f"'{recipient}'")  # a TOML literal
    assert load(project_dir, text).email.recipients == (recipient,)


def test_a_sender_that_is_not_an_address_is_refused(project_dir):
    text = design_config("http://127.0.0.1:9/").replace(
        'sender = "Season Watch <digest@example.org>"', 'sender = "Season Watch"'
    )
    with pytest.raises(ConfigError, match=r"\[email\] key 'sender': 'Season Watch' is not one e-mail address"):
        load(project_dir, text)


@pytest.mark.parametrize("content", ["", "  \n\n\t\n"])
def test_an_empty_article_is_refused(project_dir, content):
    (project_dir / "articles" / "the-expanse-season-3.txt").write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load(project_dir, design_config("http://127.0.0.1:9/"))
    message = str(caught.value)
    assert message.startswith("config.toml: [[shows]] #2 (The Expanse) key 'article': ")
    assert "the-expanse-season-3.txt is empty" in message


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "https://www.tvmaze.com/shows/1370/marvels-jessica-jones",
            "is a TVmaze web page, not the API: use https://api.tvmaze.com/shows/1370",
        ),
        ("https://tvmaze.com/shows/1370", "is a TVmaze web page, not the API: use https://api.tvmaze.com/shows/1370"),
        (
            "https://api.tvmaze.com/search/shows?q=jessica",
            "is not the address of one show in the TVmaze API: use https://api.tvmaze.com/shows/<id>",
        ),
    ],
)
def test_a_tvmaze_url_that_is_not_the_show_api_is_refused(project_dir, url, expected):
    text = design_config("http://127.0.0.1:9/").replace('url = "http://127.0.0.1:9/shows/1370"', f'url = "{url}"')
    with pytest.raises(ConfigError) as caught:
        load(project_dir, text)
    assert str(caught.value) == f"config.toml: [[sources]] #5 (TVmaze) key 'url': {url!r} {expected}"


@pytest.mark.parametrize("url", ["https://api.tvmaze.com/shows/1370", "https://api.tvmaze.com/shows/1370/cast"])
def test_the_show_api_is_accepted(project_dir, url):
    text = design_config("http://127.0.0.1:9/").replace('url = "http://127.0.0.1:9/shows/1370"', f'url = "{url}"')
    assert next(s for s in load(project_dir, text).sources if s.type == "tvmaze").url == url


def test_login_variables_are_named_only_for_a_run_that_mails(project_dir, monkeypatch):
    monkeypatch.delenv("SW_TEST_USER", raising=False)
    monkeypatch.setenv("SW_TEST_PASSWORD", "secret")
    text = design_config("http://127.0.0.1:9/").replace('username_env = ""', 'username_env = "SW_TEST_USER"')
    text = text.replace('password_env = ""', 'password_env = "SW_TEST_PASSWORD"')
    config = load(project_dir, text)
    assert environment_problems(config, mailing=False) == []
    (problem,) = environment_problems(config, mailing=True)
    assert problem.startswith(
        "config.toml: [email] key 'username_env': environment variable SW_TEST_USER is not set here; "
        "set it in the environment the run starts in"
    )
    monkeypatch.setenv("SW_TEST_USER", "bot")
    assert environment_problems(config, mailing=True) == []
