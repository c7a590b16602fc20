"""Headlines as a reader wants them: without "EXCLUSIVE:", "UPDATED:" or the outlet's name."""

from __future__ import annotations

import re

_PREFIX = re.compile(
    r"^\s*(?:\(?(?:exclusive|update[d]?|breaking|watch|report|video|photos?|first look|listen|rumou?r|official|confirmed|it's official)\)?\s*[:!|–—-]\s*)+",
    re.I,
)
_SUFFIX = re.compile(r"\s*[\(\[](?:exclusive|updated?|update \d+|video|photos?|watch|report)[\)\]]\s*$", re.I)


def clean_headline(title: str, source: str = "") -> str:
    """Drop "EXCLUSIVE:", "UPDATED:", "(EXCLUSIVE)" and a trailing " | Outlet" from a headline."""
    text = title.strip()
    for _ in range(3):
        text = _SUFFIX.sub("", _PREFIX.sub("", text)).strip()
    if source:
        text = re.sub(rf"\s+[|–—-]\s+{re.escape(source)}\s*$", "", text, flags=re.I)
    return text or title.strip()
