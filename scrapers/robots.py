"""robots.txt as RFC 9309 reads it.

The standard library's parser takes the first matching rule and knows no wildcards, so
"Disallow: /" followed by "Allow: /feed/" (a common way to open only the feeds) would shut us
out. Here the longest matching rule wins, Allow wins a tie, and `*` and `$` work.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

MAX_BYTES = 512_000  # RFC 9309 asks crawlers to read at least 500 KiB
MAX_RULE_LENGTH = 2_000  # characters: no real path pattern is longer


@dataclass(frozen=True)
class Rule:
    allow: bool
    path: str  # as written, for the reason shown to the user
    pattern: Pattern

    def __str__(self) -> str:
        return f"{'Allow' if self.allow else 'Disallow'}: {self.path}"


@dataclass(frozen=True)
class Pattern:
    """A robots.txt path pattern: literal pieces between `*`s, anchored at the start, and at the
    end too when it ends in `$`.

    Matched piece by piece, each at its leftmost place after the one before (which is right for
    `*`, as it can take any run of characters): linear in the path for any number of `*`s. The
    regular expression `a.*b.*c...` it replaces backtracked over a long path for minutes."""

    pieces: tuple[str, ...]
    anchored: bool  # ends in "$": the last piece must end the path

    def match(self, target: str) -> bool:
        first, *middle = self.pieces
        if not target.startswith(first):
            return False
        if not middle:
            return not self.anchored or target == first
        *middle, last = middle
        position = len(first)
        for piece in middle:
            found = target.find(piece, position)
            if found < 0:
                return False
            position = found + len(piece)
        if self.anchored:
            return len(target) - len(last) >= position and target.endswith(last)
        return target.find(last, position) >= 0


@dataclass(frozen=True)
class RobotsRules:
    rules: tuple[Rule, ...] = ()

    def blocking_rule(self, url: str) -> Rule | None:
        """The Disallow rule that forbids `url`, or None when we may fetch it."""
        parts = urlsplit(url)
        target = unquote(parts.path or "/") + (f"?{unquote(parts.query)}" if parts.query else "")
        if target == "/robots.txt":
            return None
        matching = [rule for rule in self.rules if rule.pattern.match(target)]
        if not matching:
            return None
        best = max(matching, key=lambda rule: (len(rule.path), rule.allow))
        return None if best.allow else best


ALLOW_ALL = RobotsRules()


def product_token(user_agent: str) -> str:
    """ "SeasonWatch/1.0 (+https://…)" -> "seasonwatch": what robots.txt groups are matched by."""
    return re.split(r"[/\s]", user_agent.strip(), maxsplit=1)[0].casefold()


def parse_robots(text: str, user_agent: str) -> RobotsRules:
    """The rules of the groups naming our product token, else of the `*` groups."""
    token = product_token(user_agent)
    ours: list[Rule] = []
    anyone: list[Rule] = []
    agents: list[str] = []
    named_us = False  # a group for us, even one without rules, overrides the `*` groups
    in_rules = False  # a user-agent line after rules starts a new group
    for line in text.lstrip("\ufeff").splitlines():
        key, _, value = line.split("#", 1)[0].partition(":")
        key, value = key.strip().casefold(), value.strip()
        if key == "user-agent":
            if in_rules:
                agents, in_rules = [], False
            agents.append(product_token(value) if value != "*" else "*")
            named_us = named_us or agents[-1] == token
        elif key in ("allow", "disallow") and agents:
            in_rules = True
            if not value:
                continue  # an empty Disallow allows everything; it matches nothing
            rule = Rule(key == "allow", value[:MAX_RULE_LENGTH], _compile(value[:MAX_RULE_LENGTH]))
            if token in agents:
                ours.append(rule)
            if "*" in agents:
                anyone.append(rule)
    return RobotsRules(tuple(ours if named_us else anyone))


def _compile(path: str) -> Pattern:
    anchored = path.endswith("$")
    return Pattern(tuple(unquote(path[:-1] if anchored else path).split("*")), anchored)
