"""Words as the newsdesk compares them: content terms, sentences, negation."""

from __future__ import annotations

import re

from seasonwatch.lexicon.forms import fold, stem, words
from seasonwatch.lexicon.function_words import SENTENCE_ABBREVIATIONS, STOPWORDS
from seasonwatch.lexicon.negation import NEGATION_PATTERN


def content_terms(text: str) -> list[str]:
    """Stemmed words that carry meaning (no stopwords)."""
    return [stem(w) for w in words(text) if w not in STOPWORDS]


def has_negation(text: str) -> bool:
    return bool(NEGATION_PATTERN.search(fold(text)))


_INITIALS = re.compile(r"(?:[a-z]\.)*[a-z]")  # "j", "j.r" (the final dot is the match)
_SENTENCE_END = re.compile(r"([.!?…]+[\"'”’)]*)\s+(?=[\"'“‘(]?([A-Za-z0-9]))")


def sentences(text: str) -> list[str]:
    """Split prose into sentences, keeping abbreviated months and initials whole. A lower-case word
    after a full stop starts one too: a post may be written all in lower case."""
    out: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        before = text[start : match.start()].rsplit(None, 1)
        last_word = before[-1].lower().rstrip(".") if before else ""
        if match.group(1) == "." and (last_word in SENTENCE_ABBREVIATIONS or _INITIALS.fullmatch(last_word)):
            continue
        if match.group(2).islower() and ("…" in match.group(1) or ".." in match.group(1)):
            continue  # "and then… nothing": a trailing-off, not a sentence's end
        out.append(text[start : match.end(1)].strip())
        start = match.end()
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    return [s for s in out if s]
