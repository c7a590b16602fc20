"""How a source type declares the config keys it takes, so the config loader can check them.

A source type lists its keys as `Option`s; the loader checks presence, type and URL shape and
reports a mistake naming the file, the table and the key.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


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
