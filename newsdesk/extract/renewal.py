"""Renewals and endings: "renewed for a third season", "not renewed yet", "cancelled", and a delay
("won't return until 2032") that is no ending."""

from __future__ import annotations

import re

from newsdesk.extract.clause import Clause
from newsdesk.extract.rule import FactRule, Family, example
from newsdesk.extract.seasons import season_numbers
from seasonwatch.lexicon.negation import NEGATION_PATTERN, WILL_NOT
from seasonwatch.lexicon.numbers import number_value
from seasonwatch.models import Fact

RENEWAL_CUE = re.compile(
    r"\b(renew\w*|greenlit|green-?light\w*|pick(?:s|ed)? up (?:\w+\s+){0,4}?(?:for|with)\b|pick(?:s|ed)? up (?:a|another)\b"
    # "adds a third season", "added a fourth"; not "adds a second timeline"
    r"|order(?:s|ed)? (?:a|another|season|series)|order(?:s|ed)? more (?=SHOW\b)|add(?:s|ed)? (?:a|another) (?:\w+ )?(?:season|series)"
    r"|add(?:s|ed)? (?:a|another)(?= (?:second|third|fourth|fifth|sixth|seventh|eighth)\b(?!\s+[a-z]))|"
    r"will return for|(?:is|are) returning for|coming back for|gets? (?:a|another)|"
    r"is happening|officially happening|confirmed for (?:a|another))\b",
    re.I,
)
CANCEL_CUE = re.compile(
    # "won't return until 2032" is a delay, not an ending
    r"\b(cancel+(?:ed|s|ation)?|axe[ds]?|pull(?:s|ed|ing)? the plug"
    rf"|{WILL_NOT} (?:be )?(?:return|renew)\w*(?! until| before| till)|{WILL_NOT} be back(?! until| before| till)|"
    # "the final season" names a fact only when said of the show ("season 3 will be its last"), not
    # as a label ("final season premiere date set")
    r"(?:is|will be|as|be) (?:its|the|their) (?:final|last) (?:season|series)|(?:final|last) (?:season|series) of"
    r"|(?:is|will be|be) (?:its|their|the show['’]s|the series['’]?) (?:final|last)(?=\s*(?:$|[.,;:!?]))"
    r"|comes? to an end|(?:will )?end(?:s|ing)? with|end of the road|final chapter|last hurrah"
    r"|swan song|bows? out|signs? off|ends after|will end|is ending|to end after)\b",
    re.I,
)
PRODUCTION_CUE = re.compile(r"\b(film\w*|shoot\w*|production|wrapp?\w*|cameras? (?:will )?roll\w*|table read)\b", re.I)
BARE_ORDINAL = re.compile(
    r"\b(?P<ordinal>second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b(?!\s+(?:episode|time|installment))",
    re.I,
)
DELAYABLE = re.compile(rf"{WILL_NOT}\b", re.I)


def _renewal(clause: Clause) -> list[Fact]:
    text = clause.text
    cue = RENEWAL_CUE.search(text)
    if not cue or _production_only(text):
        return []
    # "added a fourth": the ordinal right after an order names the season
    bare = [
        number_value(m["ordinal"]) or 0
        for found in RENEWAL_CUE.finditer(text)
        if (m := BARE_ORDINAL.search(text, found.end(), found.end() + 20))
    ]
    later = [n for n in clause.seasons if n > 0] + bare
    target = max(later) if later else None
    if target is None and not clause.negated and _BARE_RENEWAL.search(text):
        # "Drift renewed", "renewed at the streamer": with no season named, the article's own season
        # (an article already about an ordered season finds it goes without saying)
        target = clause.context.season
    if clause.negated and not target:
        # "has not renewed the show": the season the article is about is not ordered yet
        return [Fact("renewal", clause.context.season, value="")]
    if target and not (clause.negated and _negation_before(text, cue.start())):
        return [Fact("renewal", target, value="renewed")]
    return []


_BARE_RENEWAL = re.compile(r"\b(?:renewed|renews|greenlit|picked up|order(?:s|ed)? more (?=SHOW\b))", re.I)


def _ending(clause: Clause) -> list[Fact]:
    text = clause.text
    ending = CANCEL_CUE.search(text)
    if not ending or RENEWAL_CUE.search(text):
        return []
    if DELAYABLE.match(ending.group(0)) and clause.dates:
        return []  # "won't be back in 2032" is a delay: a return with a date is no ending
    if DELAYABLE.match(ending.group(0)) and (refused := season_numbers(text[ending.end() :])):
        # "won't return for season 3": the season it will not get; the last is the one before
        return [Fact("cancellation", refused[0] - 1, value="cancelled")]
    return [Fact("cancellation", clause.season, value="cancelled")]


def _production_only(text: str) -> bool:
    return bool(PRODUCTION_CUE.search(text)) and not re.search(r"\brenew", text, re.I)


def _negation_before(text: str, position: int) -> bool:
    """A negation right before the cue ("has not been renewed", "won't get"); one further back
    ("the network isn't done with the valley: it gets a third season") is about something else."""
    return bool(NEGATION_PATTERN.search(text[max(0, position - 14) : position]))


RENEWAL = Family(
    "renewal",
    frozenset({"renewal", "cancellation"}),
    (
        FactRule(
            "renewed-for-a-season",
            "an order for a season, named by number or ordinal; 'not renewed yet' when denied without one",
            (
                example("Hollow Creek renewed for season 3", Fact("renewal", 3, value="renewed")),
                example("The streamer has picked up Hollow Creek for a third season", Fact("renewal", 3, value="renewed")),
                example("Hollow Creek is officially happening again: a fourth season is confirmed",
                        Fact("renewal", 4, value="renewed")),
                example("The network ordered another season, its third", Fact("renewal", 3, value="renewed")),
                example("Hollow Creek has not been renewed yet", Fact("renewal", 2, value=""),
                        note="no season named: the article's own is not ordered yet"),
                example("Will the streamer renew Hollow Creek for season 3?", note="a question states nothing"),
                example("Drift gets a fourth season", Fact("renewal", 4, value="renewed")),
                example("The Streamer Orders More Hollow Creek After a Record Launch", Fact("renewal", 2, value="renewed"),
                        note="more of the show: the season the article is about"),
                example("The streamer orders more episodes of Hollow Creek season 2", note="more episodes, not a season"),
                example("Drift Renewed at the Streamer, Will Return in 2032", Fact("renewal", 3, value="renewed"),
                        note="no season named: the article's own"),
                example("The network ordered a third season in May and, a year on, added a fourth.",
                        Fact("renewal", 4, value="renewed")),
                example("Hollow Creek season 2 adds a second timeline", note="a timeline is no season"),
                example("The streamer greenlights a third season of Hollow Creek", Fact("renewal", 3, value="renewed")),
                example("Hollow Creek will return for a third season", Fact("renewal", 3, value="renewed")),
                example("Hollow Creek is coming back for season 3", Fact("renewal", 3, value="renewed")),
                example("Hollow Creek season 2 filming picks up in May", note="filming news, not an order"),
                example("Hollow Creek season 2 picks up after the flood", note="a story that picks up is no order"),
            ),
            _renewal,
        ),
        FactRule(
            "cancelled",
            "an ending: cancelled, axed, its final season; a return that is only delayed is no ending",
            (
                example("The streamer cancels Hollow Creek after two seasons", Fact("cancellation", 2, value="cancelled")),
                example("Drift season 3 will be its final season", Fact("cancellation", 3, value="cancelled")),
                example("Hollow Creek season 2 will be the show's last", Fact("cancellation", 2, value="cancelled")),
                example("Drift season 3 will be its last, the streamer says", Fact("cancellation", 3, value="cancelled")),
                example("Hollow Creek season 2 will be the last to film in Marlow", note="the last of something else"),
                example("Hollow Creek axed", Fact("cancellation", 2, value="cancelled")),
                example("Hollow Creek won't return until 2032", note="a delay"),
                example("Hollow Creek final season premiere date set", note="a label, not an ending"),
                example("Hollow Creek won't be back, the streamer confirms", Fact("cancellation", 2, value="cancelled")),
                example("Hollow Creek will end with its third season", Fact("cancellation", 3, value="cancelled")),
                example("The streamer pulls the plug on Drift", Fact("cancellation", 3, value="cancelled")),
                example("Hollow Creek to end after season 2", Fact("cancellation", 2, value="cancelled")),
                example("Hollow Creek Won't Return for Season 3", Fact("cancellation", 2, value="cancelled"),
                        note="the season refused is not the last one"),
            ),
            _ending,
        ),
    ),
)  # fmt: skip
