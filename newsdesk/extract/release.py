"""Release dates: a premiere or a finale, as a day, a month, a part of a year or a year, by the
cue word nearest the date ("premieres March 8", "the finale airs June 2"); "no date yet" when a
release date is denied."""

from __future__ import annotations

import re
from datetime import datetime

from newsdesk import thresholds
from newsdesk.extract.clause import Clause
from newsdesk.extract.dates import DateMention
from newsdesk.extract.rule import FactRule, Family, example
from newsdesk.extract.seasons import NUMBER, SEASONS_GONE_BY, season_and_bond
from seasonwatch.fuzzy_date import FuzzyDate
from seasonwatch.lexicon.negation import RULES_OUT
from seasonwatch.models import Fact

# Words of a release: they say what a date is for
RELEASE_CUE = re.compile(
    r"\b(premier\w*|releas\w*|return\w*|reopen\w*|debut\w*|arriv\w*|launch\w*|drops?|dropping|hits?|lands?|bows?|"
    r"air(?:s|ing|date)?|stream(?:s|ing|ed)?|out on|(?:release|premiere|air) date|bowing|on screens?)\b",
    re.I,
)
# Words of a schedule: they say a date is planned, not for what ("production is slated for ...")
SCHEDULE_CUE = re.compile(
    r"\b(coming|comes|set for|slated|due|back|dates|dated|begins?|starts?|kicks? off|push\w*|mov(?:e|es|ed|ing)|bump\w*|"
    r"delay\w*|shift\w*|postpon\w*|reschedul\w*|expected|scheduled|planned|arriving|forward|moved up|moves up)\b",
    re.I,
)
PREMIERE_CUE = re.compile(f"{RELEASE_CUE.pattern}|{SCHEDULE_CUE.pattern}", re.I)
# "confirmed season 4 in <month>" dates the order; "release date confirmed as <day>" dates the release
ORDER_CUE = re.compile(
    r"\b(renew\w*|order\w*|greenlit|green-?light\w*|pick\w* up|announc\w*"
    r"|confirm\w*\s+(?:a\s+|another\s+|the\s+)?(?:\w+\s+)?(?:season|series))\b",
    re.I,
)
# "Season 2 in <month>", "season three: <day>": a season named right before its date
SEASON_THEN_DATE = re.compile(
    r"\b(?:(?:season|series)\s+\w+|S\d{1,2})(?=\s*(?:[:,–—-]\s*|\s+(?:in|on|this|next|come)\s+))", re.I
)
# a date right after the show or its season, and no cue word anywhere: a post's "hollow creek s2
# <day>", "HOLLOW CREEK <day>": the season's return
NAMED_THEN_DATE = re.compile(r"(?:\bSHOW(?:['’]s)?|\b(?:season|series)\s+\w+|\bS\d{1,2})\s+(?:(?:in|on)\s+)?$", re.I)
# a date named as the show's slot: "what an <day> date says", "its <day> slot gives the network a lead-in"
DATE_THEN_SLOT = re.compile(r"\s+(?:date|slot|bow)\b", re.I)
FINALE_CUE = re.compile(
    r"\b(finale|final episode|wrap(?:s|ped)? up (?:its|the) (?:run|season)|ends? on|concludes?)\b", re.I
)
# a season released in batches ends with its last: "four on <day> and the last four on <day>"
# (a cue for the date after it only)
LAST_BATCH_CUE = re.compile(rf"\bthe (?:last|final|remaining) (?:{NUMBER})(?: episodes| eps)? on\b", re.I)
PRODUCTION_CUE = re.compile(r"\b(film\w*|shoot\w*|production|wrapp?\w*|cameras? (?:will )?roll\w*|table read)\b", re.I)
# the events a cue word may date; dates of orders and of filming are claimed so they are not taken
# for premieres, then dropped (filming is told by its own facts: started, wrapped)
_CUES = (
    ("premiere", RELEASE_CUE),
    ("schedule", SCHEDULE_CUE),
    ("finale", FINALE_CUE),
    ("production", PRODUCTION_CUE),
    ("ordered", ORDER_CUE),
)
DATED_KINDS = ("premiere", "finale")
EVENT_PHRASES = ("month-of-an-event", "season-of-an-event")


def _dated_release(clause: Clause) -> list[Fact]:
    found = []
    for mention in clause.dates:
        kind = _date_kind(clause.text, mention) or clause.announced
        if RULES_OUT.search(clause.text[max(0, mention.start - 40) : mention.start]):
            continue  # "ruling out a summer return": the one date it is not
        if SEASONS_GONE_BY.search(clause.text[: mention.start]):
            continue  # "all three seasons so far opened in late <month>": a habit, no season's date
        if kind in DATED_KINDS and (clause.article or _upcoming(mention.value, clause.reference)):
            season, bound = season_and_bond(clause.text, mention.start, clause.context.season)
            if clause.article and season == clause.context.season and not clause.seasons and _gone_by(mention.value, clause):
                # an article's date gone by, with no season named, is the last season's ("the show
                # opened on <day>"): the tracked season is the one to come
                season = clause.context.season - 1
            if season < clause.context.season and not clause.article and not bound:
                # an earlier season has aired: a date still to come is the tracked season's
                # (see the examples of "dated-release")
                season = clause.context.season
            found.append(
                Fact(kind, season, value=mention.value, relative=mention.relative, year_from_day=mention.year_from_day)
            )
    return found


def _gone_by(value: str, clause: Clause) -> bool:
    """Is the date wholly before the clause's day ("opened on <day>" a week ago)?"""
    date = FuzzyDate.parse(value)
    if clause.reference is None or date is None:
        return False
    today = clause.reference.date()
    if date.day is not None and date.month is not None:
        return (date.year, date.month, date.day) < (today.year, today.month, today.day)
    if date.month is not None:
        return (date.year, date.month) < (today.year, today.month)
    return date.year < today.year


def _no_date_yet(clause: Clause) -> list[Fact]:
    text = clause.text
    if not clause.dates and clause.negated and PREMIERE_CUE.search(text) and re.search(r"\bdate\b", text, re.I):
        return [Fact("premiere", clause.season, value="")]
    return []


def _upcoming(value: str, reference: datetime | None) -> bool:
    """Is the (possibly vague) date later than the report's own day, give or take a month?"""
    date = FuzzyDate.parse(value)
    if reference is None or date is None:
        return False
    today = reference.date()
    if date.year != today.year:
        return date.year > today.year
    return date.month is None or date.month >= today.month - 1


def _date_kind(sentence: str, mention: DateMention) -> str:
    """Which event a date belongs to: the nearest cue word wins; "" when there is none."""
    if mention.phrase in EVENT_PHRASES:
        return "premiere"  # "a <month> return": the phrase holds its own event
    best: tuple[int, str] | None = None
    # a season named before a date is the weakest cue: "ordered season three in <month> 2031"
    cues = [*((k, c, 0) for k, c in _CUES), ("premiere", SEASON_THEN_DATE, 20), ("finale", LAST_BATCH_CUE, 0)]
    for kind, cue, penalty in cues:
        for match in cue.finditer(sentence):
            if mention.start <= match.start() < mention.end or (cue is LAST_BATCH_CUE and match.end() > mention.start):
                continue
            # the event usually comes before its date ("premieres on <day>"); a cue after the
            # date ("<day> premiere") counts, but at a longer distance
            distance = mention.start - match.end() if match.end() <= mention.start else match.start() - mention.end + 25
            distance += penalty
            if best is None or distance < best[0]:
                best = (distance, kind)
    if best is None and (NAMED_THEN_DATE.search(sentence[: mention.start]) or DATE_THEN_SLOT.match(sentence, mention.end)):
        return "premiere"
    if best is None or best[0] > thresholds.DATE_CUE_DISTANCE:
        return ""  # no cue: the caller may know what the date is for
    if best[1] == "schedule":
        return _scheduled_event(sentence, mention)
    if best[1] == "premiere" and _finale_airs(sentence, mention):
        return "finale"
    return best[1]


# verbs that air whatever their subject is: "the finale airs <day>" dates the finale
AIRING = re.compile(r"\b(?:airs?|airing|drops?|dropping|hits?|lands?|streams?|streaming|arrives?|bows?)\b", re.I)


def _finale_airs(sentence: str, mention: DateMention) -> bool:
    """ "The season 2 finale airs June 2": a finale is the subject of the airing verb before the date."""
    before = sentence[max(0, mention.start - thresholds.DATE_CUE_DISTANCE) : mention.start]
    finale, verb = list(FINALE_CUE.finditer(before)), list(AIRING.finditer(before))
    return bool(finale and verb) and finale[-1].end() <= verb[-1].start() and not RELEASE_CUE.search(
        before[finale[-1].end() : verb[-1].start()]
    )


def _scheduled_event(sentence: str, mention: DateMention) -> str:
    """What a scheduled date is for: the event named nearest it ("sets March production start",
    "production is slated for March"), a premiere by default."""
    events = []
    for kind, cue in (("premiere", RELEASE_CUE), ("finale", FINALE_CUE), ("production", PRODUCTION_CUE)):
        for m in cue.finditer(sentence):
            distance = mention.start - m.end() if m.end() <= mention.start else m.start() - mention.end
            if 0 <= distance <= 80:
                events.append((distance, kind))
    return min(events)[1] if events else "premiere"


def _premiere(value: str, season: int = 2) -> Fact:
    return Fact("premiere", season, value=value)


RELEASE = Family(
    "release",
    frozenset(DATED_KINDS),
    (
        FactRule(
            "dated-release",
            "a date still to come, dated by the nearest cue word: a premiere, a finale (filming and order dates are dropped)",
            (
                example("Hollow Creek season 2 premieres March 8 on the streamer", _premiere("2031-03-08")),
                example("Hollow Creek returns on 8 March 2031", _premiere("2031-03-08")),
                example("Hollow Creek season 2 is coming in spring 2031", _premiere("2031-spring")),
                example("Hollow Creek season 2 arrives later in 2031", _premiere("2031"), note="'later' says only the year"),
                example("Hollow Creek season 2 arrives in late 2031", _premiere("2031-late")),
                example("Hollow Creek season 2 lands in December", _premiere("2031-12")),
                example("The Hollow Creek season 2 finale airs June 2", Fact("finale", 2, value="2031-06-02")),
                example("Hollow Creek season 2 comes in two batches: four episodes on May 6 and the last four on June 3",
                        _premiere("2031-05-06"), Fact("finale", 2, value="2031-06-03"),
                        note="the last batch's day ends the season"),
                example("Hollow Creek season 2 filming begins in April", note="a filming date is no premiere"),
                example("hollow creek s2 april 13. i need to lie down", _premiere("2031-04-13"),
                        note="a date right after the season, no cue word: its return"),
                example("HOLLOW CREEK JUNE 25. i'm not ok", _premiere("2031-06-25")),
                example("All three seasons so far opened in late June, so our guess is summer", article=True,
                        note="the seasons gone by: a habit, no season's date"),
                example("Hollow Creek S2 is shooting deep into 2031, ruling out a summer return",
                        note="a date ruled out is not the premiere's"),
                example("Hollow Creek was renewed back in April", note="an order's date is no premiere"),
                example("The streamer confirmed season 2 in November 2030", note="the order's date, not the premiere's"),
                example("Hollow Creek season 2 release date confirmed as 27 March", _premiere("2031-03-27")),
                example("Hollow Creek season 1 premiered in 2029", note="a date gone by"),
                example("Hollow Creek season 2 premiere moved up to Q2 2031", _premiere("2031-Q2")),
                example("Drift season 3 will debut on October 4", Fact("premiere", 3, value="2031-10-04")),
                example("Hollow Creek season 2 pushed to 2032", _premiere("2032")),
                example("Hollow Creek season 2 delayed until fall 2031", _premiere("2031-fall")),
                example("Hollow Creek returns this spring", _premiere("2031-spring")),
                example("Hollow Creek season 2 will stream from 12 April", _premiere("2031-04-12")),
                example("A network will air Hollow Creek season one from April", Fact("premiere", 1, value="2031-04"),
                        note="the date is the named earlier season's own"),
                example("Hollow Creek premiered on January 9, 2031 with two episodes", Fact("premiere", 1, value="2031-01-09"),
                        article=True, note="the article's day gone by, no season named: the last season's"),
                example("Hollow Creek season 2 premieres on January 29, 2031", _premiere("2031-01-29"), article=True),
                example("Catch up on season 1 before Drift returns in June", Fact("premiere", 3, value="2031-06"),
                        note="a season gone by: the date is the tracked season's"),
                example("The streamer dates Hollow Creek season 2 for March 8", _premiere("2031-03-08")),
                example("What an April 13 date says about the streamer's plans for Hollow Creek", _premiere("2031-04-13"),
                        note="a date named as the show's date"),
                example("Hollow Creek S2's April 10 slot gives the streamer a drama lead-in", _premiere("2031-04-10")),
                example("Drift season 3 has an April return, and a fourth season is already ordered",
                        Fact("premiere", 3, value="2031-04"), note="the season before the date is the date's"),
                example("Drift comes back in April for season 4", Fact("premiere", 4, value="2031-04"),
                        note="a season tied to the date after it"),
                example("Hollow Creek sets a fall premiere for season 2", _premiere("2031-fall")),
            ),
            _dated_release,
        ),
        FactRule(
            "no-date-yet",
            "a release date denied ('no premiere date yet') is a premiere with no value",
            (
                example("Hollow Creek season 2 still has no release date", _premiere("")),
                example("The streamer has yet to announce a premiere date for Hollow Creek", _premiere("")),
            ),
            _no_date_yet,
        ),
    ),
)
