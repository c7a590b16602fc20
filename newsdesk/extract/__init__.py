"""Facts stated in news text, one family of extractors a module: renewals and endings, release
dates, people, production news, episode counts.

Facts are normalized (dates as fuzzy dates, seasons as numbers, people as written) so that two
outlets' facts compare equal and an article's facts can be compared with a report's. Each
extractor is a named rule with the examples it must hold for; a new headline form is one more
example, or one more pattern in the rule it belongs to.
"""

from __future__ import annotations

from datetime import datetime

from newsdesk.extract.clause import Clause, FactContext
from newsdesk.extract.episodes import EPISODES
from newsdesk.extract.people import PEOPLE
from newsdesk.extract.production import PRODUCTION
from newsdesk.extract.release import RELEASE
from newsdesk.extract.renewal import RENEWAL
from newsdesk.extract.rule import Family
from newsdesk.text import sentences
from seasonwatch.models import Fact

__all__ = ["FAMILIES", "FactContext", "extract_facts", "sentence_facts"]

# in the order their facts are listed: what a sentence says first about its season
FAMILIES: tuple[Family, ...] = (RENEWAL, RELEASE, PEOPLE, PRODUCTION, EPISODES)


def extract_facts(
    text: str, context: FactContext, reference: datetime | None = None, announced: str = "", article: bool = False
) -> list[Fact]:
    """Facts stated in `text` (a headline, a summary, an article), in order, without repeats.

    A report's date of release must be still to come (a past date is another season's, or the
    story's own time); an `article` may be read long after it was written, so its dates stand.

    `announced` names the kind of fact a headline announces without giving its value: a summary's
    date with no cue word of its own is that event's ("The streamer says December." under a headline
    about when a season returns), a bare count the season's episodes ("Eight again." under "episode
    count confirmed")."""
    facts: list[Fact] = []
    for sentence in sentences(text):
        for fact in sentence_facts(sentence, context, reference, announced, article):
            if not any(fact.same_claim(known) for known in facts):
                facts.append(fact)
    return facts


def sentence_facts(
    sentence: str, context: FactContext, reference: datetime | None, announced: str = "", article: bool = False
) -> list[Fact]:
    clause = Clause.of(sentence, context, reference, announced, article)
    if clause.asks:
        return []  # a question states nothing
    found: list[Fact] = []
    for family in FAMILIES:
        found.extend(family.finish([fact for rule in family.rules if rule.reads(clause) for fact in rule.find(clause)]))
    return found
