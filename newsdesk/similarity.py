"""Lexical similarity: TF-IDF weighted stemmed words and word pairs, compared by cosine."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from itertools import pairwise

from newsdesk.text import content_terms

Vector = dict[str, float]


def terms(text: str, drop: frozenset[str] = frozenset()) -> list[str]:
    """Stemmed content words plus adjacent pairs (pairs keep "release date" apart from "date")."""
    unigrams = [t for t in content_terms(text) if t not in drop]
    return unigrams + [f"{a}_{b}" for a, b in pairwise(unigrams)]


class Vectorizer:
    """Inverse document frequencies learned from the texts of one decision batch."""

    def __init__(self, documents: Iterable[list[str]]) -> None:
        frequency: Counter[str] = Counter()
        count = 0
        for document in documents:
            frequency.update(set(document))
            count += 1
        self._count = count
        self._frequency = frequency

    def idf(self, term: str) -> float:
        return math.log((1 + self._count) / (1 + self._frequency.get(term, 0))) + 1.0

    def vector(self, document: list[str]) -> Vector:
        counts = Counter(document)
        weights = {t: (1 + math.log(c)) * self.idf(t) for t, c in counts.items()}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        return {t: w / norm for t, w in weights.items()}


def cosine(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())
