"""Capitalized words that are never a person's name, nor a name from a show's world: descriptors
before a name ("Star", "Alum", "Exclusive"), the calendar, networks, awards, roles."""

from __future__ import annotations

from seasonwatch.lexicon.calendar import CALENDAR_WORDS
from seasonwatch.lexicon.forms import folded
from seasonwatch.lexicon.function_words import TITLE_CASE_WORDS
from seasonwatch.lexicon.networks import NETWORK_WORDS_FOLDED, TELLING_NETWORK_SPELLINGS, TELLING_NETWORK_WORDS

# words that open or close a capitalized run before or after a person's name without being part
# of it: "Emmy Winner Jane Doe", "Exclusive: Jane Doe", "Jane Doe Star"
PERSON_DESCRIPTORS: tuple[str, ...] = tuple(
    """star stars alum alumna alumnus nominee winner actor actress veteran newcomer breakout exclusive oscar emmy
    tony golden globe season series marvel marvel's the and with report update updated watch first new original
    former legend singer rapper comedian director producer writer showrunner creator also plus cast episode
    premiere trailer teaser photos photo video breaking news""".split()
)
# words that make a show's name the description of a person ("Drift star Jane Doe", "Drift alum ...")
CAST_DESCRIPTORS: tuple[str, ...] = tuple(
    "star stars alum alumna alumnus actor actress lead veteran breakout favorite favourite creator".split()
)
NOT_PERSON_WORDS: frozenset[str] = folded(PERSON_DESCRIPTORS) | TELLING_NETWORK_WORDS | folded(["amazon", "apple", "disney"])

# capitalized words of a Title Case headline that never begin or continue a person's name
NAME_BREAKERS: tuple[str, ...] = TITLE_CASE_WORDS + TELLING_NETWORK_SPELLINGS + ("Apple", "Disney", "Fox")

# capitalized words an article uses that are not names from the show's world
NOT_WORLD: frozenset[str] = (
    CALENDAR_WORDS
    | NETWORK_WORDS_FOLDED
    | folded(
        """Season Series Episode Channel Emmy Emmys Oscar Golden Globe Globes Comic Con Comic-Con Twitter Instagram
        YouTube Part Chapter Act The This That These Those Here There What When Where Who Why How New Old Last
        First Next Showrunner Creator Writer Director Producer Star Cast""".split()
    )
)
