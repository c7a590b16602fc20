"""Words as the newsdesk compares them: folded quotes and dashes, light stems, sentences."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

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

STOPWORDS = frozenset(
    """a about above after again against all also am an and any are aren't as at be because been
    before being below between both but by can can't could couldn't did didn't do does doesn't doing
    don't down during each few for from further had hadn't has hasn't have haven't having he he'd
    he'll he's her here here's hers herself him himself his how how's i i'd i'll i'm i've if in into
    is isn't it it's its itself let's me more most mustn't my myself no nor not of off on once only or
    other ought our ours ourselves out over own same shan't she she'd she'll she's should shouldn't so
    some such than that that's the their theirs them themselves then there there's these they they'd
    they'll they're they've this those through to too under until up very was wasn't we we'd we'll
    we're we've were weren't what what's when when's where where's which while who who's whom why
    why's with won't would wouldn't you you'd you'll you're you've your yours yourself yourselves
    will just now new one two us via per yet still even ever already much many s t""".split()
)
NEGATIONS = frozenset(
    "not no never none nothing yet without hasn't haven't isn't aren't wasn't weren't won't don't "
    "doesn't didn't can't cannot unannounced unknown tba tbd unconfirmed".split()
)


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


def words(text: str) -> list[str]:
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


def content_terms(text: str) -> list[str]:
    """Stemmed words that carry meaning (no stopwords)."""
    return [stem(w) for w in words(text) if w not in STOPWORDS]


def has_negation(text: str) -> bool:
    tokens = set(words(text))
    if tokens & NEGATIONS:
        return True
    folded = fold(text)
    return "yet to" in folded or "no word" in folded or "has not" in folded


# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = {
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "mr",
    "mrs",
    "ms",
    "dr",
    "st",
    "jr",
    "sr",
    "vs",
    "inc",
    "co",
    "no",
    "ep",
    "vol",
    "u.s",
    "u.k",
    "e.g",
    "i.e",
    "approx",
}
_INITIALS = re.compile(r"(?:[a-z]\.)*[a-z]")  # "j", "j.r" (the final dot is the match)
_SENTENCE_END = re.compile(r"([.!?…]+[\"'”’)]*)\s+(?=[\"'“‘(]?[A-Z0-9])")


def sentences(text: str) -> list[str]:
    """Split prose into sentences, keeping "Oct. 27" and "U.S. viewers" whole."""
    out: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        before = text[start : match.start()].rsplit(None, 1)
        last_word = before[-1].lower().rstrip(".") if before else ""
        if match.group(1) == "." and (last_word in _ABBREVIATIONS or _INITIALS.fullmatch(last_word)):
            continue
        out.append(text[start : match.end(1)].strip())
        start = match.end()
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    return [s for s in out if s]
