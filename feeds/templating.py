"""The Jinja2 environment for every template in templates/: autoescaping always on."""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache

from jinja2 import Environment, PackageLoader, StrictUndefined


def _when(moment: datetime | None, style: str = "date") -> str:
    if moment is None:
        return ""
    if style == "datetime":
        return moment.strftime("%b %-d, %Y %H:%M UTC")
    return moment.strftime("%b %-d, %Y")


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("templates", "."),
        autoescape=True,  # every template, whatever its name: scraped text is never trusted
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["when"] = _when
    return env


@lru_cache(maxsize=1)
def text_environment() -> Environment:
    """For text/plain mail: no HTML escaping (there is no HTML to break). Kept like environment():
    a new overlay has its own template cache, so each digest would compile its template again."""
    return environment().overlay(autoescape=False)
