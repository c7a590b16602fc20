"""Facts stated in news text: premiere dates, renewals, cancellations, castings, departures.

Facts are normalized (dates by `newsdesk.dates`, seasons as numbers, people as written) so that
two outlets' facts compare equal and an article's facts can be compared with a report's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from newsdesk.dates import DateMention, find_dates
from newsdesk.people import people_facts
from newsdesk.seasons import NUMBER, season_near, season_numbers
from newsdesk.text import sentences
from seasonwatch.lexicon.negation import NEGATION_PATTERN, WILL_NOT
from seasonwatch.lexicon.numbers import number_value
from seasonwatch.models import Fact

RENEWAL_CUE = re.compile(
    r"\b(renew\w*|greenlit|green-?light\w*|picks? up|picked up|order(?:s|ed)? (?:a|another|season|series)|add(?:s|ed)? (?:a|another)|"
    r"will return for|(?:is|are) returning for|coming back for|gets? (?:a|another)|"
    r"is happening|officially happening|confirmed for (?:a|another))\b",
    re.I,
)
CANCEL_CUE = re.compile(
    # "won't return until 2021" is a delay, not an ending
    r"\b(cancel+(?:ed|s|ation)?|axe[ds]?|pull(?:s|ed|ing)? the plug"
    rf"|{WILL_NOT} (?:be )?(?:return|renew)\w*(?! until| before| till)|{WILL_NOT} be back(?! until| before| till)|"
    # "the final season" names a fact only when said of the show ("season 3 will be its last"), not
    # as a label ("final season premiere date set")
    r"(?:is|will be|as|be) (?:its|the|their) (?:final|last) (?:season|series)|(?:final|last) (?:season|series) of"
    r"|comes? to an end|(?:will )?end(?:s|ing)? with|end of the road|final chapter|last hurrah"
    r"|swan song|bows? out|signs? off|ends after|will end|is ending|to end after)\b",
    re.I,
)
# Words of a release: they say what a date is for
RELEASE_CUE = re.compile(
    r"\b(premier\w*|releas\w*|return\w*|debut\w*|arriv\w*|launch\w*|drops?|dropping|hits?|lands?|bows?|"
    r"air(?:s|ing|date)?|stream(?:s|ing|ed)?|out on|(?:release|premiere|air) date|bowing|on screens?)\b",
    re.I,
)
# Words of a schedule: they say a date is planned, not for what ("production is slated for March")
SCHEDULE_CUE = re.compile(
    r"\b(coming|comes|set for|slated|due|back|begins?|starts?|kicks? off|push\w*|mov(?:e|es|ed|ing)|bump\w*|"
    r"delay\w*|shift\w*|postpon\w*|reschedul\w*|expected|scheduled|planned|arriving|forward|moved up|moves up)\b",
    re.I,
)
PREMIERE_CUE = re.compile(f"{RELEASE_CUE.pattern}|{SCHEDULE_CUE.pattern}", re.I)
ORDER_CUE = re.compile(r"\b(renew\w*|order\w*|greenlit|green-?light\w*|pick\w* up|announc\w*)\b", re.I)
# "Season 2 in December", "season three: June 5": a season named right before its date
SEASON_THEN_DATE = re.compile(
    r"\b(?:(?:season|series)\s+\w+|S\d{1,2})(?=\s*(?:[:,–—-]\s*|\s+(?:in|on|this|next|come)\s+))", re.I
)
FINALE_CUE = re.compile(
    r"\b(finale|final episode|wrap(?:s|ped)? up (?:its|the) (?:run|season)|ends? on|concludes?)\b", re.I
)
PRODUCTION_CUE = re.compile(r"\b(film\w*|shoot\w*|production|wrapp?\w*|cameras? (?:will )?roll\w*|table read)\b", re.I)
BARE_ORDINAL = re.compile(
    r"\b(?P<ordinal>second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b(?!\s+(?:episode|time|installment))",
    re.I,
)
DELAYABLE = re.compile(rf"{WILL_NOT}\b", re.I)
EPISODE_ORDER = re.compile(
    rf"\b(?:will\s+have|has|have|had|consists?\s+of|ordered|orders?|total\s+of|run\s+of|comprising|spans?"
    rf"|runs?(?:\s+to)?|will\s+run(?:\s+to)?|will\s+be)\s+(?:a\s+|an\s+)?(?P<n>{NUMBER})[ -]episodes?\b"
    # a bare count only right after the season it belongs to: "season 3: thirteen episodes"
    rf"|\b(?:(?:season|series)\s+\w+|S\d{{1,2}})\W{{1,3}}(?:\w+\s+){{0,3}}?(?P<b>{NUMBER})\s+episodes\b(?!\s+(?:in|of|on|at|into))"
    rf"|\b(?P<m>{NUMBER})-episode\s+(?:\w+\s+)?(?:season|order|run|series|slate)\b",
    re.I,
)
FOOTAGE = re.compile(
    r"\b(?P<kind>(?:final|full|official|new|first|second)?\s*(?:full-length\s+)?"
    r"(?:trailer|teaser|first[- ]look|first\s+(?:photos?|images?|footage|clip)|sneak\s+peek|clip|poster|featurette"
    r"|photos|images|stills|pictures))s?\b",
    re.I,
)
FINAL_TRAILER = re.compile(r"\b(?:final|last)\b(?:\s+\S+){0,4}?\s+trailer\b", re.I)
FOOTAGE_SPECIFICITY = ["final trailer", "trailer", "teaser", "featurette", "clip", "poster", "first look"]
EPISODE_TITLES = re.compile(
    r"\b(?:episode|chapter)\s+(?:titles?|names?)\b|\b(?:titles?|names?)\s+of\s+(?:the\s+|all\s+|every\s+)?(?:\w+\s+)?(?:episodes|chapters)\b",
    re.I,
)
FILMING_STARTED = re.compile(
    r"\b(?:(?:filming|production|shooting|cameras?)(?:\s+(?:on|of|for)(?:\s+\S+){1,4}?)?\s+(?:has\s+|have\s+|is\s+|are\s+)?(?:officially\s+)?"
    r"(?:begun|began|begins?|started|starts?|underway|kicked\s+off|kicks?\s+off|roll(?:ed|ing|s)?)"
    r"|(?:begins?|began|started|starts?|kicks?\s+off|kicked\s+off|commences?|commenced)\s+(?:filming|shooting|production)"
    r"|(?:is|are)\s+(?:now\s+|officially\s+)*(?:filming|shooting|in\s+production))\b",
    re.I,
)
FILMING_WRAPPED = re.compile(
    r"\b(?:wrapp?(?:ed|s)?\s+(?:filming|production|shooting)|(?:filming|production|shooting)(?:\s+(?:on|of|for)(?:\s+\S+){1,4}?)?\s+(?:has\s+|have\s+|is\s+)?"
    r"(?:officially\s+)?(?:wrapped|wraps|ended|ends|complete|completed|concluded|finished)|that's\s+a\s+wrap)\b",
    re.I,
)
NEGATION = NEGATION_PATTERN


@dataclass(frozen=True)
class FactContext:
    """What the extractor must know about the show the text is about."""

    show_names: tuple[str, ...]
    season: int  # the season the article is about: the default for dates and castings


def extract_facts(
    text: str, context: FactContext, reference: datetime | None = None, undated: str = "", article: bool = False
) -> list[Fact]:
    """Facts stated in `text` (a headline, a summary, an article), in order, without repeats.

    A report's date of release must be still to come (a past date is another season's, or the
    story's own time); an `article` may be read long after it was written, so its dates stand.

    `undated` names the event a date belongs to when its sentence has no cue word of its own: a
    summary's bare "Netflix says December." under the headline "...when You season 2 is coming"."""
    facts: list[Fact] = []
    for sentence in sentences(text):
        for fact in sentence_facts(sentence, context, reference, undated, article):
            if not any(fact.same_claim(known) for known in facts):
                facts.append(fact)
    return facts


def sentence_facts(
    sentence: str, context: FactContext, reference: datetime | None, undated: str = "", article: bool = False
) -> list[Fact]:
    cleaned = _without_show_numbers(sentence, context)
    seasons = season_numbers(cleaned)
    season = seasons[0] if seasons else context.season
    facts: list[Fact] = []
    negated = bool(NEGATION.search(cleaned))

    renewal = RENEWAL_CUE.search(cleaned)
    if renewal and not _production_only(cleaned):
        # "added a fourth": the ordinal right after an order names the season
        bare = [
            number_value(m["ordinal"]) or 0
            for cue in RENEWAL_CUE.finditer(cleaned)
            if (m := BARE_ORDINAL.search(cleaned, cue.end(), cue.end() + 20))
        ]
        later = [n for n in seasons if n > 0] + bare
        target = max(later) if later else None
        if negated and not target:
            facts.append(Fact("renewal", context.season + 1, value=""))
        elif target and not (negated and _negation_before(cleaned, renewal.start())):
            facts.append(Fact("renewal", target, value="renewed"))
    ending = CANCEL_CUE.search(cleaned)
    if ending and not renewal and not (DELAYABLE.match(ending.group(0)) and find_dates(cleaned, reference)):
        # "won't be back in 2020" is a delay: a return with a date is no ending
        facts.append(Fact("cancellation", season, value="cancelled"))

    # a post written all in lower case keeps that even with the show's name replaced
    dates = find_dates(cleaned if any(c.isupper() for c in sentence) else cleaned.lower(), reference)
    for mention in dates:
        kind = _date_kind(cleaned, mention)
        if kind == "":
            kind = undated
        if kind in ("premiere", "finale") and (article or _upcoming(mention.value, reference)):
            dated = season_near(cleaned, mention.start, context.season)
            if dated < context.season and not article:
                # an earlier season has aired: a date still to come is the tracked season's
                # ("Dark is back in June: catch up on season 1 first")
                dated = context.season
            facts.append(Fact(kind, dated, value=mention.value))
    if not dates and negated and PREMIERE_CUE.search(cleaned) and re.search(r"\bdate\b", cleaned, re.I):
        facts.append(Fact("premiere", season, value=""))  # "no release date yet"

    facts.extend(people_facts(cleaned, season, context.show_names))
    facts.extend(_production_facts(cleaned, season, negated))
    episodes = EPISODE_ORDER.search(cleaned)
    if episodes and (number := number_value(episodes["n"] or episodes["m"] or episodes["b"])) and number >= 4:
        facts.append(Fact("episodes", season, value=str(number)))
    return facts


def _without_show_numbers(sentence: str, context: FactContext) -> str:
    """A title that holds a number ("24", "Stranger Things 2" for a season) must not read as a date
    or a season; a "Name N" spelling of a sequel season is turned into "season N"."""
    out = sentence
    for name in context.show_names:
        pattern = re.compile(rf"(?<![\w'])({re.escape(name)})(?:['’]s)?(?:\s+(?P<n>\d{{1,2}}))?\b", re.I)

        numbered = bool(re.search(r"\d", name))
        out = pattern.sub(
            lambda m, numbered=numbered: f"SHOW season {m['n']}" if m["n"] and not numbered else "SHOW", out
        )
    return out


def footage_kind(raw: str) -> str:
    """ "first-look photos", "official trailer", "new teaser" -> "first look", "trailer", "teaser"."""
    text = " ".join(raw.lower().replace("-", " ").split())
    if "final" in text:
        return "final trailer" if "trailer" in text else "teaser"
    for kind in ("teaser", "trailer", "poster", "featurette", "sneak peek", "clip"):
        if kind in text:
            return "clip" if kind == "sneak peek" else kind
    return "first look"


def _production_facts(sentence: str, season: int, negated: bool) -> list[Fact]:
    """Footage released (a teaser, a trailer, first-look photos) and filming started or wrapped."""
    facts = []
    kinds = [footage_kind(m["kind"]) for m in FOOTAGE.finditer(sentence)]
    if kinds and FINAL_TRAILER.search(sentence):
        kinds.append("final trailer")
    if kinds:
        # one release per sentence, its most specific name ("a first look at the trailer" is the trailer);
        # "no trailer yet" records that there is none
        kind = min(kinds, key=FOOTAGE_SPECIFICITY.index)
        facts.append(Fact("footage", season, value="" if negated else kind))
    if EPISODE_TITLES.search(sentence) and not negated:
        facts.append(Fact("titles", season, value="revealed"))
    if FILMING_WRAPPED.search(sentence) and not negated:
        facts.append(Fact("filming", season, value="wrapped"))
    elif FILMING_STARTED.search(sentence) and not negated:
        facts.append(Fact("filming", season, value="started"))
    return facts


def _upcoming(value: str, reference: datetime | None) -> bool:
    """Is the (possibly vague) date later than the report's own day, give or take a month?"""
    if reference is None or not value[:4].isdigit():
        return False
    year, today = int(value[:4]), reference.date()
    if year != today.year:
        return year > today.year
    month = value[5:7]
    return not month.isdigit() or int(month) >= today.month - 1


def _production_only(sentence: str) -> bool:
    return bool(PRODUCTION_CUE.search(sentence)) and not re.search(r"\brenew", sentence, re.I)


def _negation_before(sentence: str, position: int) -> bool:
    """A negation right before the cue ("has not been renewed", "won't get"); one further back
    ("Hulu isn't done with Gilead: it gets a fourth season") is about something else."""
    window = sentence[max(0, position - 14) : position]
    return bool(NEGATION.search(window))


def _date_kind(sentence: str, mention: DateMention) -> str:
    """Which event a date belongs to: the nearest cue word wins; "" when there is none."""
    best: tuple[int, str] | None = None
    # a date next to "renewed"/"ordered" dates the order, not an episode: it is read and dropped
    cues = (
        ("premiere", RELEASE_CUE),
        ("schedule", SCHEDULE_CUE),
        ("finale", FINALE_CUE),
        ("production", PRODUCTION_CUE),
        ("ordered", ORDER_CUE),
    )
    for kind, cue, penalty in [*((k, c, 0) for k, c in cues), ("premiere", SEASON_THEN_DATE, 20)]:
        # a season named before a date is the weakest cue: "ordered season three in June 2018"
        for match in cue.finditer(sentence):
            if match.start() >= mention.start and match.start() < mention.end:
                continue
            # the event usually comes before its date ("premieres on March 8"); a cue after the
            # date ("March 8 premiere") counts, but at a longer distance
            distance = mention.start - match.end() if match.end() <= mention.start else match.start() - mention.end + 25
            distance += penalty
            if best is None or distance < best[0]:
                best = (distance, kind)
    # dates of orders ("ordered") and of filming ("production") are claimed so they are not taken
    # for premieres; the caller drops them (filming is told by its own facts: started, wrapped)
    if best is None or best[0] > 90:
        return ""  # no cue: the caller may know what the date is for
    if best[1] == "schedule":
        return _scheduled_event(sentence, mention)
    return best[1]


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
