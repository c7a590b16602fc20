"""Episode counts: "will have eight episodes", "a 10-episode season", "season 3: thirteen episodes"."""

from __future__ import annotations

import re

from newsdesk import thresholds
from newsdesk.extract.clause import Clause
from newsdesk.extract.rule import FactRule, Family, example
from newsdesk.extract.seasons import NUMBER
from seasonwatch.lexicon.numbers import number_value
from seasonwatch.models import Fact

EPISODE_ORDER = re.compile(
    rf"\b(?:will\s+have|has|have|had|consists?\s+of|ordered|orders?|total\s+of|run\s+of|comprising|spans?"
    rf"|runs?(?:\s+to)?|will\s+run(?:\s+to)?|will\s+be)\s+(?:a\s+|an\s+)?(?P<n>{NUMBER})[ -](?:episodes?|eps)\b"
    # "a drop of all 10 eps", "all eight episodes at once"
    rf"|\ball\s+(?P<a>{NUMBER})\s+(?:episodes|eps)\b"
    # a bare count only right after the season it belongs to: "season 3: thirteen episodes"
    rf"|\b(?:(?:season|series)\s+\w+|S\d{{1,2}})\W{{1,3}}(?:\w+\s+){{0,3}}?(?P<b>{NUMBER})\s+episodes\b(?!\s+(?:in|of|on|at|into))"
    rf"|\b(?P<m>{NUMBER})-episode\s+(?:\w+\s+)?(?:season|order|run|series|slate)\b"
    # "six episodes to end it": the count that finishes the show
    rf"|\b(?P<e>{NUMBER})\s+(?:episodes|eps)\s+to\s+(?:end|close|finish|wrap\s+up)\b",
    re.I,
)
# a headline that announces a count without giving it ("...episode count confirmed")
COUNT_ANNOUNCED = re.compile(r"\bepisode\s+(?:count|order|total)\b|\bhow\s+many\s+episodes\b|\bnumber\s+of\s+episodes\b", re.I)
# ...under which the summary's bare count is the season's: "Eight episodes again."
BARE_COUNT = re.compile(rf"\b(?P<n>{NUMBER})\s+(?:episodes|eps)\b(?!\s+(?:in|of|on|at|into|out|so\s+far)\b)", re.I)

# a season released in batches: "four episodes on <day> and the last four on <day>", "two episodes;
# the other eight roll out weekly": the count is the batches' sum
BATCHES = re.compile(
    rf"\b(?P<first>{NUMBER})\s+(?:new\s+)?episodes\b[^.;]{{0,60}}?[,;]?\s+(?:and\s+)?(?:then\s+)?the\s+"
    rf"(?:last|final|remaining|other|next)\s+(?P<rest>{NUMBER})\b",
    re.I,
)


def _batches(clause: Clause) -> list[Fact]:
    found = BATCHES.search(clause.text)
    if found is None:
        return []
    first, rest = number_value(found["first"]), number_value(found["rest"])
    if first and rest and first + rest >= thresholds.MIN_EPISODES:
        return [Fact("episodes", clause.season, value=str(first + rest))]
    return []


def _episode_order(clause: Clause) -> list[Fact]:
    found = EPISODE_ORDER.search(clause.text)
    count = found and (found["n"] or found["m"] or found["b"] or found["a"] or found["e"])
    if not count and clause.announced == "episodes" and (bare := BARE_COUNT.search(clause.text)):
        count = bare["n"]
    if count and (number := number_value(count)) and number >= thresholds.MIN_EPISODES:
        return [Fact("episodes", clause.season, value=str(number))]
    return []


EPISODES = Family(
    "episodes",
    frozenset({"episodes"}),
    (
        FactRule(
            "episodes-in-batches",
            "a season released in batches has as many episodes as its batches together",
            (
                example("Hollow Creek season 2 comes in two batches: four episodes on May 6 and the last four on June 3",
                        Fact("episodes", 2, value="8")),
                example("Drift season 3 opens with two episodes; the other eight roll out weekly", Fact("episodes", 3, value="10")),
                example("Two episodes of Drift season 3 are out; the next one is Friday", note="no count of the rest"),
            ),
            _batches,
            needs=("episode",),
        ),
        FactRule(
            "episode-order",
            "a season's episode count, said of the season (a count of episodes already out is not one)",
            (
                example("Hollow Creek season 2 will have eight episodes", Fact("episodes", 2, value="8")),
                example("The streamer orders a 10-episode second season of Hollow Creek", Fact("episodes", 2, value="10")),
                example("Drift season 3: thirteen episodes, all at once", Fact("episodes", 3, value="13")),
                example("Hollow Creek season 2 will run to six episodes", Fact("episodes", 2, value="6")),
                example("Drift season 3 runs ten episodes", Fact("episodes", 3, value="10")),
                example("The streamer ordered eight episodes of Hollow Creek season 2", Fact("episodes", 2, value="8")),
                example("The first 3 episodes of Hollow Creek season 2 are out", note="not a season's order"),
                example("Hollow Creek season 2 consists of nine episodes", Fact("episodes", 2, value="9")),
                example("Ten episodes to end \u201cDrift\u201d is a bold choice", Fact("episodes", 3, value="10"),
                        note="the count that finishes the show, in an opinion piece's headline"),
                example("The streamer dates Hollow Creek season 2, a drop of all 10 eps", Fact("episodes", 2, value="10")),
                example("Eight episodes again, the same as the first season.",
                        note="a bare count, read only under a headline announcing one"),
            ),
            _episode_order,
            needs=("episode", "eps"),
        ),
    ),
    finish=lambda facts: facts[:1],  # the batches' sum, found first, over a batch's own count
)
