"""Words and phrases that deny or defer: "not", "no date yet", "yet to be announced"."""

from __future__ import annotations

import re

from seasonwatch.lexicon.forms import alternation, folded

NEGATION_WORDS: tuple[str, ...] = (
    "not", "no", "never", "none", "nothing", "without", "hasn't", "haven't", "isn't", "aren't", "wasn't",
    "weren't", "won't", "don't", "doesn't", "didn't", "can't", "cannot", "unannounced", "unknown", "tba",
    "tbd", "unconfirmed", "undated", "unclear",
)  # fmt: skip
NEGATION_PHRASES: tuple[str, ...] = ("yet to", "no word", "has not", "have not", "remains unclear", "remain unclear")

NEGATION_TOKENS: frozenset[str] = folded(NEGATION_WORDS)
# any negation, as a whole word or phrase, in any case
# (straight or curly apostrophes alike: texts are matched before they are folded)
NEGATION_PATTERN: re.Pattern[str] = re.compile(
    r"\b" + alternation(NEGATION_WORDS + NEGATION_PHRASES).replace("'", "['’]") + r"\b", re.I
)
# what comes before a verb to deny it: "won't return", "will not be back", "not renewed"
WILL_NOT = r"(?:won['’]t|will\s+not|not)"
# what excludes the date right after it: "ruling out a summer return", "rules out a 2031 premiere"
RULES_OUT: re.Pattern[str] = re.compile(
    r"\b(?:rul(?:e|es|ed|ing)\s+out|exclud(?:e|es|ed|ing)|not\s+expected\s+(?:in|before|by))\s+(?:an?\s+|the\s+|any\s+)?$", re.I
)
# what someone wishes for is not there yet: "we could all use a trailer", "fans are hoping for a teaser"
WISHED_FOR: re.Pattern[str] = re.compile(
    r"\b(?:could\s+(?:all\s+)?(?:really\s+)?use|would\s+love|['’]d\s+love|hop(?:e|es|ing)\s+for"
    r"|(?:still\s+)?wait(?:s|ing)?\s+(?:on|for)|long(?:s|ing)?\s+for|fingers\s+crossed\s+for)\b",
    re.I,
)
