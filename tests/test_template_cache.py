"""Compiled templates are kept between runs, and a kept one is never the wrong one."""

from __future__ import annotations

import os

import pytest
from jinja2 import DictLoader, Environment

from feeds import templating


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    monkeypatch.setenv(templating.CACHE_DIR_ENV, str(tmp_path / "cache"))
    return tmp_path / "cache" / "templates"


def _environment(templates: dict[str, str], autoescape: bool = True) -> Environment:
    env = Environment(loader=DictLoader(templates), autoescape=autoescape)
    env.bytecode_cache = templating._cache_for(env)
    return env


def test_a_second_run_loads_the_compiled_template_instead_of_compiling_it(cache_dir, monkeypatch):
    assert _environment({"t": "Hello {{ name }}"}).get_template("t").render(name="Ada") == "Hello Ada"
    assert len(list(cache_dir.iterdir())) == 1

    def compile_again(*args, **kwargs):
        raise AssertionError("compiled again")

    later = _environment({"t": "Hello {{ name }}"})
    monkeypatch.setattr(later, "compile", compile_again)
    assert later.get_template("t").render(name="Ada") == "Hello Ada"


def test_a_changed_template_is_compiled_again(cache_dir):
    _environment({"t": "Hello {{ name }}"}).get_template("t").render(name="Ada")
    assert _environment({"t": "Goodbye {{ name }}"}).get_template("t").render(name="Ada") == "Goodbye Ada"


def test_text_templates_never_take_code_compiled_with_escaping(cache_dir):
    templates = {"t": "<b>{{ name }}</b>"}
    assert _environment(templates).get_template("t").render(name="<i>") == "<b>&lt;i&gt;</b>"
    assert _environment(templates, autoescape=False).get_template("t").render(name="<i>") == "<b><i></b>"


def test_a_cache_that_cannot_be_written_only_costs_time(cache_dir):
    cache_dir.parent.mkdir(parents=True)
    cache_dir.write_text("a file where the folder should be")
    assert _environment({"t": "Hello {{ name }}"}).get_template("t").render(name="Ada") == "Hello Ada"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads and writes anything")
def test_a_read_only_cache_only_costs_time(cache_dir):
    cache_dir.mkdir(parents=True)
    cache_dir.chmod(0o500)
    try:
        assert _environment({"t": "Hello {{ name }}"}).get_template("t").render(name="Ada") == "Hello Ada"
    finally:
        cache_dir.chmod(0o700)


def test_a_folder_others_may_write_into_is_not_used(cache_dir):
    cache_dir.mkdir(parents=True)
    cache_dir.chmod(0o777)
    assert templating._cache_for(Environment()) is None


def test_a_damaged_cache_file_is_compiled_again(cache_dir):
    _environment({"t": "Hello {{ name }}"}).get_template("t").render(name="Ada")
    (kept,) = cache_dir.iterdir()
    kept.write_bytes(kept.read_bytes()[:20])
    assert _environment({"t": "Hello {{ name }}"}).get_template("t").render(name="Ada") == "Hello Ada"


def test_the_product_environments_keep_their_templates_apart(cache_dir):
    templating.environment.cache_clear()
    templating.text_environment.cache_clear()
    try:
        assert templating.environment().bytecode_cache is not None
        html = templating.environment().bytecode_cache.pattern
        text = templating.text_environment().bytecode_cache.pattern
        assert html != text
    finally:
        templating.environment.cache_clear()
        templating.text_environment.cache_clear()
