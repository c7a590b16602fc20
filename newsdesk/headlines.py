"""Headlines as a reader wants them: without "EXCLUSIVE:", "UPDATED:" or the outlet's name."""

from __future__ import annotations

import re

from newsdesk.rules import Example, Rule

_PREFIX = re.compile(
    r"^\s*(?:\(?(?:exclusive|update[d]?|breaking|watch|report|video|photos?|first look|listen|rumou?r|official|confirmed|it's official)\)?\s*[:!|–—-]\s*)+",
    re.I,
)
_SUFFIX = re.compile(r"\s*[\(\[](?:exclusive|updated?|update \d+|video|photos?|watch|report)[\)\]]\s*$", re.I)


_PIPE = re.compile(r"\s+\|\s+")
_VIDEO_LABEL = re.compile(r"\b(?:teaser|trailer|clip|promo|featurette|first look|sneak peek|preview)s?\b", re.I)


def _without_pipes(text: str) -> str:
    """ "Drift Season 3 | Official Teaser | Channel" (a video's title as posted) reads as "Drift
    Season 3: Official Teaser": a short last part that is no video label and holds no number is
    the channel that posted it."""
    head, *rest = _PIPE.split(text)
    if rest and len(rest[-1].split()) <= 3 and not _VIDEO_LABEL.search(rest[-1]) and not re.search(r"\d", rest[-1]):
        rest.pop()
    return f"{head}: {', '.join(rest)}" if rest else head


def clean_headline(title: str, source: str = "") -> str:
    """Drop "EXCLUSIVE:", "UPDATED:", "(EXCLUSIVE)", the pipes of a video title and a trailing
    " | Outlet" from a headline."""
    text = title.strip()
    for _ in range(3):
        text = _SUFFIX.sub("", _PREFIX.sub("", text)).strip()
    text = _without_pipes(text)
    if source:
        text = re.sub(rf"\s+[|–—-]\s+{re.escape(source)}\s*$", "", text, flags=re.I)
    return text or title.strip()


# The cleaning, as rules with the headlines they must hold for (" || " separates the outlet's name;
# `expect` is the headline a reader sees).
HEADLINE_CLEANING: tuple[Rule, ...] = (
    Rule(
        "drop-labels",
        "labels before or after a headline ('EXCLUSIVE:', 'UPDATED:', 'WATCH:', '(VIDEO)') are not its words",
        (
            Example("EXCLUSIVE: Nadia Sorel Joins Hollow Creek Season 2", "Nadia Sorel Joins Hollow Creek Season 2"),
            Example("UPDATED: Hollow Creek season 2 premieres March 8", "Hollow Creek season 2 premieres March 8"),
            Example("WATCH: the Hollow Creek season 2 trailer", "the Hollow Creek season 2 trailer"),
            Example("Hollow Creek season 2 trailer (VIDEO)", "Hollow Creek season 2 trailer"),
            Example("Exclusive: Updated: Drift season 3 sets a date", "Drift season 3 sets a date"),
            Example("BREAKING: Hollow Creek renewed for season 3", "Hollow Creek renewed for season 3"),
        ),
    ),
    Rule(
        "video-title-pipes",
        "a video's title as posted ('Show | Official Teaser | Channel') reads 'Show: Official Teaser'",
        (
            Example("Hollow Creek Season 2 | Official Teaser | Streamflix", "Hollow Creek Season 2: Official Teaser"),
            Example("Drift Season 3 | Trailer", "Drift Season 3: Trailer"),
        ),
    ),
    Rule(
        "drop-the-outlet",
        "the outlet's own name after a bar or dash is not part of the headline",
        (
            Example("Drift season 3 sets a date | Box Set Bugle || Box Set Bugle", "Drift season 3 sets a date"),
            Example("Drift season 3 sets a date - Box Set Bugle || Box Set Bugle", "Drift season 3 sets a date"),
            Example("Drift season 3 sets a date - a first look || Box Set Bugle", "Drift season 3 sets a date - a first look"),
        ),
    ),
)
