"""Season numbers as outlets write them: "season 2", "second season", "season two", "S2"."""

from __future__ import annotations

import re

from newsdesk.rules import Example, Rule
from seasonwatch.lexicon.numbers import CARDINALS, ORDINALS, number_value

NUMBER = r"\d{1,2}|" + "|".join(CARDINALS)
# "final" names a season without a number: it is read so it is not taken for something else
ORDINAL = r"\d{1,2}(?:st|nd|rd|th)|" + "|".join([*ORDINALS, "final"])
SEASON_MENTION = re.compile(
    # British outlets say "series two" for a season
    rf"\b(?:season|series)\s+(?P<n>{NUMBER})\b|\b(?P<o>{ORDINAL})\s+(?:and\s+(?:final|last)\s+)?(?:season|series)\b|\bS(?P<s>\d{{1,2}})\b(?!\s*E)",
    re.I,
)


# "Like the first season, it will have 13 episodes": a season named to compare is not the subject
COMPARED = re.compile(r"\b(?:like|unlike|as with|as in|than|after|since|following|(?:the\s+)?same\s+as)\s+(?:the\s+|its\s+)?$", re.I)


# several seasons at once: "seasons 2 and 3", "series one, two and three"
SEASONS_LISTED = re.compile(
    rf"\b(?:seasons|series)\s+(?P<list>(?:{NUMBER})(?:\s*(?:,|&|and)\s*(?:{NUMBER}))+)\b", re.I
)


def season_mentions(text: str) -> list[tuple[re.Match[str], int]]:
    """Each season a text is about, with where it is named."""
    found = []
    for match in SEASON_MENTION.finditer(text):
        number = number_value(match["n"] or match["o"] or match["s"] or "")
        if number and not COMPARED.search(text[: match.start()]):
            found.append((match, number))
    for match in SEASONS_LISTED.finditer(text):
        if not COMPARED.search(text[: match.start()]):
            numbers = re.split(r"\s*(?:,|&|and)\s*", match["list"])
            found.extend((match, n) for n in (number_value(x) for x in numbers) if n)
    found.sort(key=lambda pair: pair[0].start())
    return found


def season_numbers(text: str) -> list[int]:
    return [number for _, number in season_mentions(text)]


# the seasons gone by, in the plural: a date said of them is their habit, no season's date
# ("all three seasons so far opened in late <month>", "previous seasons premiered in the summer")
SEASONS_GONE_BY = re.compile(
    rf"\b(?:(?:all|every|each|the)\s+(?:(?:{NUMBER})\s+)?(?:previous\s+|earlier\s+|past\s+|prior\s+)?seasons?\s+so\s+far"
    rf"|(?:all|the|its)\s+(?:(?:{NUMBER})\s+)?(?:previous|earlier|past|prior)\s+seasons"
    rf"|every\s+(?:previous\s+|earlier\s+|past\s+)?season(?:\s+so\s+far)?\s+(?:has|have|had)"
    rf"|(?:{NUMBER})\s+seasons\s+so\s+far)\b",
    re.I,
)


# a season named without its number: "the next season", "a new series", "the upcoming season"
UNNUMBERED_SEASON = re.compile(
    r"\b(?:new|next|upcoming|coming|returning|another|latest|forthcoming|final|last)\s+(?:season|series|chapter|installment)\b",
    re.I,
)


def names_a_season(text: str) -> bool:
    """Does the text name a season of the show, by number or as "the next season"?"""
    return bool(season_numbers(text) or UNNUMBERED_SEASON.search(text))


# between a date and the season it is for: "<day> for season 3", "the <month> premiere of season 2"
ATTACHED = re.compile(r"\b(?:for|of|with)\s+(?:its\s+|the\s+|a\s+)?$", re.I)


def season_near(sentence: str, position: int, default: int) -> int:
    """The season a date belongs to: the season mentioned closest to it ("the second season
    premieres in March, after the first season ran in 2015")."""
    return season_and_bond(sentence, position, default)[0]


# what parts a season named before a date from the date's own clause
CLAUSE_BREAK = re.compile(r"[,;:]|\b(?:before|ahead of|then|while|until|and)\b", re.I)


def season_and_bond(sentence: str, position: int, default: int) -> tuple[int, bool]:
    """The season a date belongs to, and whether it is named in the date's own clause ("to air
    season one from <month>") rather than another ("catch up on season 1 before it returns in ...")."""
    best: tuple[int, int, bool] | None = None
    for match, number in season_mentions(sentence):
        distance = min(abs(match.start() - position), abs(match.end() - position))
        if match.start() > position:
            # a season named after the date is its own only when tied to it ("in <month> for season
            # 3"); otherwise it is another clause's ("a <month> return, and a fourth season ordered")
            if not ATTACHED.search(sentence[position : match.start()]):
                continue
            distance += 10
        bound = match.start() > position or not CLAUSE_BREAK.search(sentence[match.end() : position])
        if best is None or distance < best[0]:
            best = (distance, number, bound)
    return (best[1], best[2]) if best else (default, False)


SEASON_NAMING: tuple[Rule, ...] = (
    Rule(
        "season-named",
        "a season by number, word or ordinal, 'series' as British outlets say, or 'S2' (not 'S2E4')",
        (
            Example("Hollow Creek season 2 trailer", [2]),
            Example("a second season of Hollow Creek", [2]),
            Example("Hollow Creek season two", [2]),
            Example("Hollow Creek series three", [3]),
            Example("Hollow Creek S3 drops", [3]),
            Example("its third and final season", [3]),
            Example("the 4th season", [4]),
            Example("Hollow Creek S2E4 recap", []),
            Example("She played the mayor in seasons 2 and 3", [2, 3]),
        ),
    ),
    Rule(
        "season-compared",
        "a season named to compare ('like the first season') is not the one the text is about",
        (
            Example("Like the first season, it will have eight episodes", []),
            Example("Unlike season 1, the new one is shot abroad", []),
            Example("Eight episodes again, the same as season 1", []),
        ),
    ),
)
# (which season a date belongs to is tried through the release rules' examples)
