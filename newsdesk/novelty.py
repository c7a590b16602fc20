"""What the article already says: its facts, sentence by sentence, and how a report compares.

A report is news when it brings a fact the article lacks or contradicts (a precise premiere date
where the article has none or only a year); when it states no fact, when none of its words
restate one of the article's sentences. Every judgement is a named rule of `FACT_STATUS` or
`RESTATEMENT`, and names the section and sentence it compared with.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

from newsdesk import thresholds
from newsdesk.articles import Article, ArticleSection
from newsdesk.extract import FactContext, extract_facts
from newsdesk.extract.people import named_people
from newsdesk.extract.seasons import season_numbers
from newsdesk.rules import Example, Rule
from newsdesk.similarity import Vector, Vectorizer, cosine, terms
from newsdesk.text import content_terms, has_negation
from seasonwatch.fact_kinds import Scope, Values, describe_fact, kind_of
from seasonwatch.lexicon.forms import fold, fold_keep_case, stem
from seasonwatch.lexicon.topic_cues import GENERIC_STEMS
from seasonwatch.models import Fact


@dataclass
class Statement:
    section: ArticleSection
    sentence: str
    folded: str  # the sentence as names are looked up in it
    facts: list[Fact]
    negated: bool
    terms: list[str] = field(default_factory=list)
    vector: Vector = field(default_factory=dict)
    specific: Vector = field(default_factory=dict)  # the vector without words all TV news shares


@dataclass(frozen=True)
class FactStatus:
    fact: Fact  # with `before` set when it changes what the article says
    known: bool
    statement: Statement | None
    rule: str = ""


@dataclass(frozen=True)
class Novelty:
    is_new: bool
    new_facts: list[Fact]
    reason: str
    statement: Statement | None = None
    rule: str = ""


def read_statements(article: Article, context: FactContext, drop: frozenset[str], now: datetime) -> list[Statement]:
    """The article's sentences with their facts and words, before the batch's word weights exist.
    Its relative dates ("this year") are read as of `now`."""
    return [
        Statement(
            section=section,
            sentence=sentence,
            folded=fold(sentence),
            facts=extract_facts(sentence, context, now, article=True),
            negated=has_negation(sentence),
            terms=terms(sentence, drop),
        )
        for section in article.all_sections
        for sentence in section.sentences
    ]


class ArticleKnowledge:
    def __init__(
        self,
        statements: list[Statement],
        context: FactContext,
        vectorizer: Vectorizer,
        world: frozenset[str] = frozenset(),
    ) -> None:
        self.context = context
        self.statements = statements
        for statement in statements:
            statement.vector = vectorizer.vector(statement.terms)
            statement.specific = specific(statement.vector)
        self.folded_text = fold(" ".join(s.sentence for s in self.statements))
        # Who and what the article names (people by surname, places and things of the show's world),
        # and where: a report about one of them is compared with the sentences that name it
        people = {p for s in self.statements for p in named_people(s.sentence, context.show_names)}
        names = {fold(p.split()[-1]) for p in people if len(p.split()[-1]) >= 4} | set(world)
        self.anchors: dict[str, list[Statement]] = {}
        for statement in self.statements:
            for anchor in capitalized(statement.sentence) & names:
                self.anchors.setdefault(anchor, []).append(statement)

    # ------------------------------------------------------------------ facts

    def status(self, fact: Fact) -> FactStatus:
        for rule in FACT_STATUS:
            if (found := rule.judge(self, fact)) is not None:
                return found
        raise AssertionError("the last fact-status rule always decides")  # pragma: no cover

    def stated(self, fact: Fact) -> list[tuple[Statement, Fact]]:
        return [(s, f) for s in self.statements for f in s.facts if f.key == fact.key]

    def naming(self, person: str) -> Statement | None:
        folded = fold(person)
        if folded not in self.folded_text:
            return None
        return next((s for s in self.statements if folded in s.folded), None)

    def naming_word(self, name: str) -> Statement | None:
        """The first sentence that names `name` as a word of its own ("Rome", not "Romeo")."""
        words = re.compile(r"(?<![\w'])" + re.escape(fold(name)) + r"(?![\w'])")
        if not words.search(self.folded_text):
            return None
        return next((s for s in self.statements if words.search(s.folded)), None)

    def role_stated(self, fact: Fact) -> bool:
        """Do the article's sentences about this person give the part (half its words or more)?"""
        surname = fold(fact.subject.split()[-1])
        role = {w for w in content_terms(fact.value) if len(w) > 2}
        if not role:
            return True
        about = [s for s in self.statements if re.search(rf"\b{re.escape(surname)}\b", s.folded)]
        said = {w for s in about for w in content_terms(s.sentence)}
        # a nickname names the same part ("Wren" for "Wrenna")
        named = {w for w in role if any(w.startswith(x) or x.startswith(w) for x in said if min(len(w), len(x)) >= 4)}
        return len(named) * 2 >= len(role)

    # ------------------------------------------------------------------ words

    def closest(self, vector: Vector, negated: bool) -> tuple[float, Statement | None]:
        best: tuple[float, Statement | None] = (0.0, None)
        for statement in self.statements:
            if statement.negated != negated:
                continue  # "no trailer yet" is not restated by "the trailer is out", nor the other way
            score = cosine(vector, statement.vector)
            if score > best[0]:
                best = (score, statement)
        return best

    def judge(self, facts: list[Fact], report: ReportWords) -> Novelty:
        if facts:
            return self._judge_facts(facts)
        for rule in RESTATEMENT:
            if (found := rule.judge(self, report)) is not None:
                return found
        raise AssertionError("the last restatement rule always decides")  # pragma: no cover

    def _judge_facts(self, facts: list[Fact]) -> Novelty:
        statuses = [self.status(f) for f in facts]
        new = [s for s in statuses if not s.known]
        if not new:
            known = next((s for s in statuses if s.statement), statuses[0])
            reason = quote(known.statement) if known.statement else "the article covers this season"
            return Novelty(False, [], reason, known.statement, known.rule)
        reason = "new to the article: " + "; ".join(_told(s.fact) for s in new)
        changed = [s for s in new if s.statement is not None]
        if changed:
            reason += f" (the article, in {quote(changed[0].statement)})"
        return Novelty(True, [s.fact for s in new], reason, rule=new[0].rule)


@dataclass(frozen=True)
class ReportWords:
    """A report as the restatement rules read it."""

    text: str
    vector: Vector
    negated: bool
    words: frozenset[str]  # its stemmed words, pairs left out


# ---------------------------------------------------------------- does the article state this fact?


@dataclass(frozen=True)
class FactStatusRule(Rule):
    judge: Callable[[ArticleKnowledge, Fact], FactStatus | None] = lambda knowledge, fact: None


def _named_in_article(k: ArticleKnowledge, fact: Fact) -> FactStatus | None:
    kind = kind_of(fact)
    if not kind.known_when_named:
        return None
    if kind.scope is not Scope.PERSON:
        return _place_named_in_article(k, fact)
    where = k.naming(fact.subject)
    if where is None:
        return FactStatus(fact, False, None, "new-to-the-article")
    earlier = season_numbers(where.sentence)
    if fact.season is not None and earlier and max(earlier) < fact.season:
        # the article has them in the seasons gone by only ("played the mayor in seasons 1 and 2")
        return FactStatus(replace(fact, before=kind.none_yet), False, where, "new-to-the-article")
    if kind.values is Values.ROLE and fact.value and not k.role_stated(fact):
        return None  # the article has the actor but not the part: the next rule
    return FactStatus(fact, True, where, "named-in-the-article")


def _place_named_in_article(k: ArticleKnowledge, fact: Fact) -> FactStatus | None:
    """A place the article names is known, unless the report names a later season than the
    article's sentence gives it ("season 1 was set in Iceland" against "season 2 heads to Iceland")."""
    where = k.naming_word(fact.value)
    if where is None:
        return None  # the article may still deny it: the next rules
    earlier = season_numbers(where.sentence)
    if fact.season is not None and not fact.season_assumed and earlier and max(earlier) < fact.season:
        return FactStatus(replace(fact, before=kind_of(fact).none_yet), False, where, "new-to-the-article")
    return FactStatus(fact, True, where, "named-in-the-article")


def _role_revealed(k: ArticleKnowledge, fact: Fact) -> FactStatus | None:
    kind = kind_of(fact)
    if kind.known_when_named and kind.values is Values.ROLE:
        # the article has the actor but not the part ("in a role the producers keep secret")
        revealed = replace(fact, before=kind.none_yet)
        return FactStatus(revealed, False, k.naming(fact.subject), "role-revealed")
    return None


def _stated_in_article(k: ArticleKnowledge, fact: Fact) -> FactStatus | None:
    kind = kind_of(fact)
    stated = k.stated(fact)
    implying = [(s, f) for s, f in stated if kind.implies(f.value, fact.value)]
    if implying:
        best = kind.most_precise([f for _, f in implying])
        statement = next(s for s, f in implying if f is best)
        return FactStatus(fact, True, statement, "stated-in-the-article")
    return None


def _goes_without_saying(k: ArticleKnowledge, fact: Fact) -> FactStatus | None:
    kind = kind_of(fact)
    earlier = fact.season is not None and fact.season <= k.context.season
    if kind.implied_by_article_season and earlier and not k.stated(fact):
        # the article is about this season: that it was ordered goes without saying
        return FactStatus(fact, True, None, "goes-without-saying")
    return None


def _new_to_article(k: ArticleKnowledge, fact: Fact) -> FactStatus | None:
    kind = kind_of(fact)
    stated = k.stated(fact)
    if not stated:
        return FactStatus(fact, False, None, "new-to-the-article")
    best = kind.most_precise([f for _, f in stated])
    statement = next(s for s, f in stated if f is best)
    changed = replace(fact, before=kind.shown(best.value))
    return FactStatus(changed, False, statement, "new-to-the-article")


def _fact_example(text: str, known: bool, note: str = "", counter: bool = False) -> Example:
    return Example(text, "known" if known else "new", note, counter)


# How a report's fact stands to the article, tried in order.
FACT_STATUS: tuple[FactStatusRule, ...] = (
    FactStatusRule(
        "named-in-the-article",
        "a cast member or showrunner the article already names is not news",
        (
            _fact_example("Mara Quill returns as Ada Finch in Hollow Creek season 2", True),
            _fact_example("Tobias Renn joins Hollow Creek season 2", True),
            _fact_example("Nadia Sorel joins Hollow Creek season 2", False, "nobody the article names", counter=True),
            _fact_example("Clara Voss is back for Hollow Creek season 2", False, "named for season 1 only", counter=True),
            _fact_example("The Lantern goes back to Scotland", True, "a place the article names, no season said"),
            _fact_example("The Lantern season 2 heads to Iceland", False, "a place the article does not name", counter=True),
            _fact_example("The Lantern season 2 will be set in Scotland again", False, "named for season 1 only",
                          counter=True),
        ),
        _named_in_article,
    ),
    FactStatusRule(
        "role-revealed",
        "the part of an actor the article names without it is news",
        (
            _fact_example("Tobias Renn will play Sheriff Wade Harrow in Hollow Creek season 2", False),
            _fact_example("Mara Quill returns as Ada Finch in Hollow Creek season 2", True, "the part is stated", counter=True),
        ),
        _role_revealed,
    ),
    FactStatusRule(
        "stated-in-the-article",
        "the article states the fact, or states it more precisely (a day for a month, a wrap for a start)",
        (
            _fact_example("Hollow Creek season 2 is coming in 2031", True),
            _fact_example("Hollow Creek season 2 still has no premiere date", True),
            _fact_example("Drift season 3 expected in late 2031", True),
            _fact_example("Hollow Creek season 2 premieres in 2031", True),
            _fact_example("Drift is back for a third season in late 2031", True),
        ),
        _stated_in_article,
    ),
    FactStatusRule(
        "goes-without-saying",
        "the renewal of the season the article is about (or an earlier one) goes without saying",
        (
            _fact_example("The streamer renewed Hollow Creek for a second season", True),
            _fact_example("Hollow Creek renewed for season 3", False, "a later season", counter=True),
        ),
        _goes_without_saying,
    ),
    FactStatusRule(
        "new-to-the-article",
        "a fact the article lacks or contradicts is news, with what the article says before it",
        (
            _fact_example("Hollow Creek season 2 premieres March 8", False),
            _fact_example("Drift season 3 arrives in October", False),
            _fact_example("Hollow Creek season 2 first trailer is here", False),
            _fact_example("Drift season 3 arrives in spring 2031", False, "narrows 'late 2031'? no: contradicts it"),
            _fact_example("Hollow Creek renewed for a third season", False),
        ),
        _new_to_article,
    ),
)


# ---------------------------------------------------------------- a report with no fact: does it restate?


@dataclass(frozen=True)
class RestatementRule(Rule):
    judge: Callable[[ArticleKnowledge, ReportWords], Novelty | None] = lambda knowledge, report: None


def _restates_a_sentence(k: ArticleKnowledge, report: ReportWords) -> Novelty | None:
    score, nearest = k.closest(report.vector, report.negated)
    if nearest is not None and score >= thresholds.RESTATEMENT:
        return Novelty(False, [], quote(nearest), nearest, "restates-a-sentence")
    return None


def _restates_about_a_name(k: ArticleKnowledge, report: ReportWords) -> Novelty | None:
    """A report about someone or something the article already presents, close to what it says of
    them, restates it in other words."""
    names_in_report = capitalized(report.text)
    names = {stem(w) for w in names_in_report | {fold(w) for w in re.findall(r"\b[A-Z][\w'’-]+", report.text)}}
    report_specific = specific(report.vector)
    for anchor in sorted(names_in_report & k.anchors.keys()):
        for statement in k.anchors[anchor]:
            if statement.negated != report.negated:
                continue  # "won't bring back Ada" does not restate "Mara Quill is back as Ada"
            # beyond the names themselves: what the report says of them
            shared = (report.words & {t for t in statement.terms if "_" not in t}) - GENERIC_STEMS - names
            close = cosine(report_specific, statement.specific)
            if close >= thresholds.ANCHORED_RESTATEMENT or len(shared) >= thresholds.ANCHORED_SHARED_WORDS:
                return Novelty(False, [], quote(statement), statement, "restates-about-a-name")
    return None


def _says_something_new(k: ArticleKnowledge, report: ReportWords) -> Novelty | None:
    score, nearest = k.closest(report.vector, report.negated)
    closest = f"; closest: {quote(nearest)} ({score:.2f})" if nearest is not None and score > 0.1 else ""
    return Novelty(True, [], f"new to the article: no sentence says this{closest}", rule="says-something-new")


RESTATEMENT: tuple[RestatementRule, ...] = (
    RestatementRule(
        "restates-a-sentence",
        "stating no fact, a report whose words restate one sentence of the article is not news",
        (
            _fact_example("Hollow Creek season 2 picks up after the flood that split the valley in two", True),
            _fact_example("Drift season 3: the crew sails out of Port Ellery again to chase the storm", True),
            _fact_example("The Lantern season 2: Wren's brother comes back to the lighthouse at Gull Point", True),
            _fact_example("The Lantern season 2: Wren's brother won't come back to the lighthouse at Gull Point", False,
                          "denies what the article says", counter=True),
        ),
        _restates_a_sentence,
    ),
    RestatementRule(
        "restates-about-a-name",
        "a report about a person or place the article presents, saying what the article says of them",
        (
            _fact_example(
                "Hollow Creek goes back to Marlow || The town where the first season was shot hosts the crew again.", True
            ),
        ),
        _restates_about_a_name,
    ),
    RestatementRule(
        "says-something-new",
        "a report no sentence of the article restates is news (the closest sentence is quoted)",
        (
            _fact_example("Hollow Creek season 2 will visit the abandoned mill upstream", False),
            _fact_example("The Lantern season 2 will bring a shipwreck to the rocks below the light", False),
            _fact_example("Hollow Creek season 2 adds a second timeline set in the 1950s", False),
        ),
        _says_something_new,
    ),
)


def specific(vector: Vector) -> Vector:
    """A vector without the words every show's news shares ("season", "premiere", "will")."""
    kept = {t: w for t, w in vector.items() if not any(part in GENERIC_STEMS for part in t.split("_"))}
    norm = sum(w * w for w in kept.values()) ** 0.5 or 1.0
    return {t: w / norm for t, w in kept.items()}


def capitalized(text: str) -> set[str]:
    return {fold(w).removesuffix("'s") for w in re.findall(r"\b[A-Z][\w'’\-]+", fold_keep_case(text))}


# A report whose headline announces what the article already tells ("renewed for season 2"), and
# whose only new fact is a date read from words like "next year", retells old news: its "next year"
# was next after a day nobody knows (a relisted item carries the day it was relisted). The desk
# applies it after the fact-status rules.
RETOLD = Rule(
    "retold-with-a-relative-date",
    "a headline the article already tells, adding only a date read from 'next year' or 'this spring', retells old news",
    (
        _fact_example("Hollow Creek Renewed for Season 2, Will Return Next Year", True),
        _fact_example("Hollow Creek season 2 will return next year", False, "the date is the headline's news", counter=True),
        _fact_example("Hollow Creek Renewed for Season 2, Will Return in 2032", False, "a year written", counter=True),
    ),
)


def retold_with_a_relative_date(event: Sequence[Fact], new_facts: Sequence[Fact]) -> bool:
    """Is the headline's event known, and every new fact a date read against the report's day?"""
    announced_new = any(f.key == e.key for f in new_facts for e in event)
    return bool(event) and bool(new_facts) and not announced_new and all(f.relative for f in new_facts)


def _told(fact: Fact) -> str:
    """A fact as -v shows it, saying when its value was inferred from the report's own day."""
    said = describe_fact(fact)
    if fact.relative:
        return f"{said} (read from words like 'next year', as of the report's day)"
    if fact.year_from_day:
        return f"{said} (its year not written: taken from the report's date)"
    return said


def quote(statement: Statement | None) -> str:
    if statement is None:
        return ""
    return f"{statement.section.title}: {statement.sentence}"

