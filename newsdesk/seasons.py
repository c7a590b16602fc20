"""Season numbers as outlets write them: "season 2", "second season", "season two", "S2"."""

from __future__ import annotations

import re

NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "eighteen": 18,
    "twenty": 20,
    "twenty-two": 22,
}
ORDINAL_WORDS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "final": 0,
}
NUMBER = r"\d{1,2}|" + "|".join(NUMBER_WORDS)
ORDINAL = r"\d{1,2}(?:st|nd|rd|th)|" + "|".join(ORDINAL_WORDS)
SEASON_MENTION = re.compile(
    # British outlets say "series two" for a season
    rf"\b(?:season|series)\s+(?P<n>{NUMBER})\b|\b(?P<o>{ORDINAL})\s+(?:and\s+(?:final|last)\s+)?(?:season|series)\b|\bS(?P<s>\d{{1,2}})\b(?!\s*E)",
    re.I,
)


# "Like the first season, it will have 13 episodes": a season named to compare is not the subject
COMPARED = re.compile(r"\b(?:like|unlike|as with|as in|than|after|since|following)\s+(?:the\s+|its\s+)?$", re.I)


def season_mentions(text: str) -> list[tuple[re.Match[str], int]]:
    """Each season a text is about, with where it is named."""
    found = []
    for match in SEASON_MENTION.finditer(text):
        number = number_value((match["n"] or match["o"] or match["s"] or "").lower())
        if number and not COMPARED.search(text[: match.start()]):
            found.append((match, number))
    return found


def season_numbers(text: str) -> list[int]:
    return [number for _, number in season_mentions(text)]


def number_value(raw: str) -> int | None:
    raw = raw.lower()
    if raw.isdigit():
        return int(raw)
    if raw in NUMBER_WORDS:
        return NUMBER_WORDS[raw]
    digits = re.match(r"\d+", raw)
    if digits:
        return int(digits.group())
    return ORDINAL_WORDS.get(raw) or None


def season_near(sentence: str, position: int, default: int) -> int:
    """The season a date belongs to: the season mentioned closest to it ("the second season
    premieres in March, after the first season ran in 2015")."""
    best: tuple[int, int] | None = None
    for match, number in season_mentions(sentence):
        distance = min(abs(match.start() - position), abs(match.end() - position))
        if best is None or distance < best[0]:
            best = (distance, number)
    return best[1] if best else default
