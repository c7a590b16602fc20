"""Readers for tests/test_read_ahead.py, imported by name in the parser processes."""

from __future__ import annotations

import time
from dataclasses import dataclass

from seasonwatch.models import Update


@dataclass(frozen=True)
class Shout:
    update: Update
    text: str


def shouting(suffix: str):
    return lambda update: Shout(update, update.title.upper() + suffix)


def broken_setup(suffix: str):
    raise RuntimeError("no reader today")


def failing_on(title: str):
    def read(update: Update) -> Shout:
        if update.title == title:
            raise ValueError("cannot read this one")
        return Shout(update, update.title.upper())

    return read


def slow(seconds: float):
    def read(update: Update) -> Shout:
        time.sleep(seconds)
        return Shout(update, update.title.upper())

    return read
