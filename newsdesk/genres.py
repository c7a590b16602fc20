"""What kind of piece a headline announces. Roundups, explainers, reviews and interviews are
written about news, not to break it: they are news only when they state a fact nobody has told yet.
"""

from __future__ import annotations

import re

ROUNDUP = re.compile(
    r"\b(?:what to (?:watch|stream|binge)|(?:coming to|leaving|new (?:on|to)) (?:netflix|hulu|hbo|amazon|prime|disney|apple|peacock"
    r"|paramount|streaming|tv)"
    r"|this week(?:'s|end)?\b|our picks|best (?:new )?(?:tv|shows|series)|shows like|to (?:watch|binge) (?:while|if|before)"
    r"|while you wait|(?:summer|fall|autumn|winter|spring|tv|midseason|\d{4})\s+(?:tv\s+)?preview(?!\s+(?:reel|trailer|clip|footage|video))"
    r"|upfronts?|round-?up|watchlist|everything coming|premiere dates|tv schedule|calendar"
    r"|\d+\s+(?:returning|new|best|must-see|upcoming|shows|series|tv))\b|\band more$",
    re.I,
)
EXPLAINER = re.compile(
    r"\b(?:explained|explainer|everything (?:we|you) (?:know|need to know)|what we know|what you need to know"
    r"|need to know|things (?:we|you) (?:know|learned)|refresher|recap|theor(?:y|ies)|predictions?|speculation"
    r"|could mean|might mean|what to expect|guide|primer|catch up|before you watch|ranked|ranking|reviews?|reviewed"
    r"|interview|talks|opens up|reflects|looks back|breaks down|easter eggs|(?:biggest|burning) questions|who'?s who"
    r"|in defen[cs]e of|worth (?:your|the) (?:time|watch)|\d+\s+things|(?:could|might|will) look like|so far"
    r"|who'?s (?:coming )?back|who'?s in it|what (?:it|this) means|means for|lot to live up to|hot take|we'?re (?:not )?ready"
    r"|in praise of|the best thing about|deserves? better|deserved better)\b",
    re.I,
)
QUESTION = re.compile(r"\?\s*$|\?\s*[|–—-]|^\s*why\b", re.I)


def genre(title: str) -> str:
    """ "roundup", "explainer" or "" (a report that may break news)."""
    if ROUNDUP.search(title):
        return "roundup"
    if EXPLAINER.search(title) or QUESTION.search(title):
        return "explainer"
    return ""
