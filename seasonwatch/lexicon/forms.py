"""How words are compared: folded (quotes, dashes and accents straightened), tokenized, stemmed."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from seasonwatch.lexicon.numbers import SEASON_MARK

_FOLD = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "`": "'",
        "\u00b4": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2012": "-",
        "\u2212": "-",
        "\u2010": "-",
        "\u2011": "-",
        "\u2026": "...",
        "\u00a0": " ",
    }
)
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)*")


def fold(text: str) -> str:
    """Case-folded, quotes and dashes straightened, accents removed: for comparing, never showing."""
    return fold_keep_case(text).casefold()


def fold_keep_case(text: str) -> str:
    """Quotes and dashes straightened, accents removed, case kept: for matching names as written."""
    text = text.translate(_FOLD)
    if text.isascii():  # the common case, and ten times faster than decomposing
        return text
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def after_leading_the(name: str) -> str | None:
    """ "Last of Us" for "The Last of Us": a title of three words or more is also written without
    its "The"; None for any other (a "Bear" alone is no "The Bear")."""
    first, _, rest = name.partition(" ")
    return rest if first.casefold() == "the" and len(rest.split()) >= 2 else None


def bare_title(name: str) -> str | None:
    """ "Witcher" for "The Witcher": a two-word title without its "The", which names the show only
    where a season follows it ("Witcher S2", "Bear season 4"); None for any other title."""
    first, _, rest = name.partition(" ")
    return rest if first.casefold() == "the" and rest and " " not in rest else None


def bare_title_before_a_season(name: str) -> str | None:
    """A pattern of the title without its "The" where a season follows ("Witcher S2", "Witcher's
    season 2"), for the relevance and the fact readers alike; None for a title of another shape."""
    bare = bare_title(name)
    return rf"{re.escape(bare)}(?=(?:['’]s)?[\s\-]+{SEASON_MARK})" if bare else None


def words(text: str) -> list[str]:
    """The folded words of a text, apostrophes inside words kept ("won't", "o'brien")."""
    return _WORD.findall(fold(text))


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light suffix stripper, enough to make premiere/premieres/premiered/premiering one term."""
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith("ies") and len(word) > 4:
        word = word[:-1]
    elif word.endswith("es") and word[:-2].endswith(("sh", "ch", "x", "ss", "z")):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    elif word.endswith("ing") and len(word) > 5:
        word = _undouble(word[:-3])
    elif word.endswith("ed") and len(word) > 4:
        word = _undouble(word[:-2])
    if word.endswith("e") and len(word) > 3:
        word = word[:-1]
    if word.endswith("y") and len(word) > 3:
        word = word[:-1] + "i"
    return word


def _undouble(base: str) -> str:
    """slott -> slot, starr -> star; but fill, pass and buzz keep their pair."""
    if len(base) > 2 and base[-1] == base[-2] and base[-1] not in "lsz":
        return base[:-1]
    return base


def stems(vocabulary: Iterable[str]) -> frozenset[str]:
    """The stems of a word list: the form in which texts are looked up in it."""
    return frozenset(stem(w) for w in vocabulary)


def folded(vocabulary: Iterable[str]) -> frozenset[str]:
    return frozenset(fold(w) for w in vocabulary)


def alternation(phrases: Iterable[str]) -> str:
    """A regular expression group matching any of the phrases, longest first (so "HBO Max" wins
    over "HBO"), spaces matching any run of white space."""
    ordered = sorted(set(phrases), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered) + ")"
