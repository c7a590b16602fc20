"""One sentence as the fact extractors read it, with what they all need computed once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property

from newsdesk.extract.dates import DateMention, find_dates
from newsdesk.extract.seasons import season_numbers
from seasonwatch.lexicon.forms import after_leading_the, bare_title_before_a_season, fold
from seasonwatch.lexicon.function_words import YES_NO_OPENERS
from seasonwatch.lexicon.negation import NEGATION_PATTERN, WISHED_FOR


@dataclass(frozen=True)
class FactContext:
    """What the extractors must know about the show the text is about."""

    show_names: tuple[str, ...]
    season: int  # the season the article is about: the default for dates and castings


@dataclass(frozen=True)
class Clause:
    sentence: str  # as written
    text: str  # the show's own name replaced by SHOW, so a title's number reads as no date or season
    context: FactContext
    reference: datetime | None  # the item's own time: partial dates resolve against it
    announced: str = ""  # the kind of fact the headline announces without its value: a bare value's kind
    article: bool = False  # an article's sentence: its dates stand however long ago it was written

    @classmethod
    def of(
        cls, sentence: str, context: FactContext, reference: datetime | None, announced: str = "", article: bool = False
    ) -> Clause:
        return cls(sentence, _without_show_numbers(sentence, context), context, reference, announced, article)

    @cached_property
    def seasons(self) -> list[int]:
        return season_numbers(self.text)

    @property
    def season(self) -> int:
        """The season the sentence is about: the first it names, else the article's."""
        return self.seasons[0] if self.seasons else self.context.season

    @property
    def asks(self) -> bool:
        """A yes-or-no question ("Will the streamer renew it?") states nothing; "who is Sorel's
        character?" takes the casting as given."""
        sentence = self.sentence.rstrip(" \"'”’)")
        if not sentence.endswith("?"):
            return False
        question = re.split(r"[:|–—]\s*|\s-\s", sentence)[-1].split()
        return bool(question) and question[0].casefold().strip("\"'‘“") in YES_NO_OPENERS

    @cached_property
    def lowered(self) -> str:
        return self.text.casefold()

    @cached_property
    def show_folds(self) -> set[str]:
        """The show's names, folded: no person's name holds them."""
        return {fold(name) for name in self.context.show_names}

    @cached_property
    def negated(self) -> bool:
        return bool(NEGATION_PATTERN.search(self.text))

    @cached_property
    def wishes(self) -> bool:
        """ "We could all use a trailer": what it wishes for is not there yet."""
        return bool(WISHED_FOR.search(self.text))

    @cached_property
    def dates(self) -> list[DateMention]:
        # a post written all in lower case keeps that even with the show's name replaced
        lowered = self.text if any(c.isupper() for c in self.sentence) else self.text.lower()
        return find_dates(lowered, self.reference)


def _without_show_numbers(sentence: str, context: FactContext) -> str:
    """A title that holds a number ("Copper Hill 2" for a season) must not read as a date or a
    season; a "Name N" spelling of a sequel season is turned into "season N"."""
    out = sentence
    for name in context.show_names:
        numbered = bool(re.search(r"\d", name))
        out = _show_pattern(name).sub(
            lambda m, numbered=numbered: f"SHOW season {m['n']}" if m["n"] and not numbered else "SHOW", out
        )
    return out


_PATTERNS: dict[str, re.Pattern[str]] = {}


def _show_pattern(name: str) -> re.Pattern[str]:
    pattern = _PATTERNS.get(name)
    if pattern is None:
        rest = after_leading_the(name)  # "The Last of Us" also as "Last of Us"
        written = rf"(?:the\s+)?{re.escape(rest)}" if rest else re.escape(name)
        if bare := bare_title_before_a_season(name):  # "Witcher S2" for "The Witcher"
            written += f"|{bare}"
        pattern = re.compile(rf"(?<![\w'])({written})(?:['’]s)?(?:\s+(?P<n>\d{{1,2}}))?\b", re.I)
        _PATTERNS[name] = pattern
    return pattern
