"""How a source type declares the config keys it takes, so the config loader can check them.

A source type lists its keys as `Option`s; the loader checks presence, type and URL shape and
reports a mistake naming the file, the table and the key.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol


@dataclass(frozen=True)
class Option:
    kind: type | tuple[type, ...]
    required: bool = False
    default: Any = None
    is_url: bool = False
    is_show: bool = False  # names a configured show
    minimum: int | None = None  # for numbers: the least value allowed
    maximum: int | None = None  # for numbers: the greatest value allowed
    help: str = ""


class ConfigurableSource(Protocol):
    """What the config loader needs of a source type (`scrapers.SourceType` is one): its keys,
    and a check of their values together. The loader is handed the registry of them, so the
    spine never imports a stage."""

    options: Mapping[str, Option]

    def check_options(self, options: dict[str, Any]) -> tuple[str, str] | None: ...
