"""Words that mark a headline as news (something happened, or will): an announcement, a future,
a report of intent. A headline with none of them and no fact is commentary: about the show, not
news of it ("the comfort of a fixed date", "is built like a three-act play")."""

from __future__ import annotations

import re

from seasonwatch.lexicon.forms import alternation

# said of what will happen: "will", "won't", "is going to", "is heading to", "set to"
FUTURE_MARKERS: tuple[str, ...] = (
    "will", "won't", "wont", "going to", "gonna", "set to", "is to", "are to", "to be", "heading", "heads",
    "head to", "headed", "plans", "planning", "plan to", "aims", "eyes", "eyeing", "in talks", "in the works",
    "in development", "could", "expected", "coming", "next",
)  # fmt: skip
# said of what has just been made known
ANNOUNCEMENT_MARKERS: tuple[str, ...] = (
    "announce", "reveal", "confirm", "tease", "hint", "unveil", "share", "debut", "release", "drop", "add",
    "premiere", "return", "renew", "cancel", "order", "cast", "join", "board", "exit", "leave", "depart",
    "quit", "replace", "hire", "tap", "name", "promote", "book", "land", "sets", "set for", "dates",
    "dated", "delay", "push", "move", "wrap", "film", "shoot", "begin", "start", "spot", "first look",
    "trailer", "teaser", "says", "said", "tells", "told", "promise", "point", "lean", "report", "rumor",
    "rumour", "official", "exclusive", "here's when", "here is when",
)  # fmt: skip

# whole words (announcement words may take an ending: "reveals", "teased", "returning")
# and the present progressive that says what is planned: "is going on tour", "are moving the story"
PLANNED = r"\b(?:is|are|'s|’s)\s+\w+ing\b"
NEWS_MARKER: re.Pattern[str] = re.compile(
    r"(?<![\w'])(?:" + alternation(FUTURE_MARKERS) + r"(?![\w'])|" + alternation(ANNOUNCEMENT_MARKERS) + r"\w*)"
    + "|" + PLANNED,
    re.I,
)
