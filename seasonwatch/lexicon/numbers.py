"""Number words as news and wikis write them: "three", "third", "3rd"."""

from __future__ import annotations

CARDINALS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "eighteen": 18, "twenty": 20, "twenty-two": 22,
}  # fmt: skip
ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
}  # fmt: skip
CARDINAL_ALTERNATION = "|".join(CARDINALS)
MOST_DIGITS = 9  # no season or count runs to ten digits
ORDINAL_ALTERNATION = "|".join(ORDINALS)
# a season written after a title: "S2", "season 4", "series two"
SEASON_MARK = rf"(?:[Ss]\d{{1,2}}\b|(?i:season|series)\s+(?:\d{{1,2}}\b|(?:{CARDINAL_ALTERNATION})\b))"


MOST_DIGITS = 9


def number_value(word: str) -> int | None:
    """ "3", "3rd", "three", "third" -> 3; None when the word is no number."""
    word = word.lower().strip()
    if word in CARDINALS:
        return CARDINALS[word]
    if word in ORDINALS:
        return ORDINALS[word]
    digits = word[:-2] if word[-2:] in ("st", "nd", "rd", "th") else word
    # isdecimal, not isdigit: int() refuses "²"; and no season or count runs to ten digits
    return int(digits) if digits.isdecimal() and len(digits) <= MOST_DIGITS else None
