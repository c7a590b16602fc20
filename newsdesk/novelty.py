"""What the article already says: its facts, sentence by sentence, and how a report compares.

A report is news when it brings a fact the article lacks or contradicts (a precise premiere date
where the article has none or only a year); when it states no fact, when none of its words
restate one of the article's sentences. Every judgement names the section and sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from newsdesk.articles import Article, ArticleSection
from newsdesk.dates import date_precision, date_within
from newsdesk.facts import FactContext, extract_facts
from newsdesk.people import named_people
from newsdesk.similarity import Vector, Vectorizer, cosine, terms
from newsdesk.text import content_terms, has_negation
from seasonwatch.fact_kinds import describe_fact
from seasonwatch.fuzzy_date import describe as describe_date
from seasonwatch.lexicon.forms import fold, fold_keep_case, stem
from seasonwatch.lexicon.topic_cues import GENERIC_STEMS
from seasonwatch.models import Fact

DATE_KINDS = {"premiere", "finale", "production"}
NONE_YET = {"footage": "none yet", "filming": "not started", "renewal": "not renewed yet"}
# share of a report's weighted words that must restate one sentence of the article
RESTATEMENT_THRESHOLD = 0.42
ANCHORED_RESTATEMENT_THRESHOLD = 0.2  # lower: naming the same person or place already anchors the subject
GENERIC_TERMS = GENERIC_STEMS
ANCHORED_SHARED_WORDS = 2  # or: two more of its words besides the name ("Aberfan": "moon", "landing")


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


@dataclass(frozen=True)
class Novelty:
    is_new: bool
    new_facts: list[Fact]
    reason: str
    statement: Statement | None = None


class ArticleKnowledge:
    def __init__(
        self,
        article: Article,
        context: FactContext,
        drop: frozenset[str],
        world: frozenset[str] = frozenset(),
        reference: datetime | None = None,
    ) -> None:
        self.context = context
        self.statements: list[Statement] = []
        for section in article.all_sections:
            for sentence in section.sentences:
                self.statements.append(
                    Statement(
                        section=section,
                        sentence=sentence,
                        folded=fold(sentence),
                        facts=extract_facts(sentence, context, reference, article=True),
                        negated=has_negation(sentence),
                        terms=terms(sentence, drop),
                    )
                )
        self.folded_text = fold(" ".join(s.sentence for s in self.statements))
        # Who and what the article names (people by surname, places and things of the show's world),
        # and where: a report about one of them is compared with the sentences that name it
        people = {p for s in self.statements for p in named_people(s.sentence, context.show_names)}
        names = {fold(p.split()[-1]) for p in people if len(p.split()[-1]) >= 4} | set(world)
        self.anchors: dict[str, list[Statement]] = {}
        for statement in self.statements:
            for anchor in _capitalized(statement.sentence) & names:
                self.anchors.setdefault(anchor, []).append(statement)

    def vectorize(self, vectorizer: Vectorizer) -> None:
        for statement in self.statements:
            statement.vector = vectorizer.vector(statement.terms)
            statement.specific = _specific(statement.vector)

    # ------------------------------------------------------------------ facts

    def status(self, fact: Fact) -> FactStatus:
        same_key = [(s, f) for s in self.statements for f in s.facts if f.key == fact.key]
        if fact.kind in ("cast", "showrunner"):
            where = self._naming(fact.subject)
            if where is not None and fact.kind == "cast" and fact.value and not self._role_stated(fact):
                # the article has the actor but not the part ("in a role Netflix keeps secret")
                revealed = Fact(fact.kind, fact.season, fact.subject, fact.value, before="role not announced")
                return FactStatus(revealed, False, where)
            return FactStatus(fact, where is not None, where)
        if fact.kind == "filming" and fact.value == "started" and any(f.value == "wrapped" for _, f in same_key):
            return FactStatus(fact, True, next(s for s, f in same_key if f.value == "wrapped"))
        if fact.kind == "departure":
            statement = same_key[0][0] if same_key else None
            return FactStatus(fact, statement is not None, statement)
        if not same_key:
            if fact.kind == "renewal" and fact.season is not None and fact.season <= self.context.season:
                # the article is about this season: that it was ordered goes without saying
                return FactStatus(fact, True, None)
            return FactStatus(fact, False, None)
        # the article's most precise statement of it
        statement, known = max(
            same_key, key=lambda pair: date_precision(pair[1].value) if fact.kind in DATE_KINDS else len(pair[1].value)
        )
        if known.value.casefold() == fact.value.casefold() or not fact.value:
            # a source that has no date yet tells the article nothing it lacks
            return FactStatus(fact, True, statement)
        if fact.kind in DATE_KINDS and known.value and date_within(known.value, fact.value):
            return FactStatus(fact, True, statement)  # the report is vaguer than the article
        before = (
            describe_date(known.value)
            if fact.kind in DATE_KINDS
            else (known.value or NONE_YET.get(fact.kind, "not announced"))
        )
        return FactStatus(Fact(fact.kind, fact.season, fact.subject, fact.value, before=before), False, statement)

    def _naming(self, person: str) -> Statement | None:
        folded = fold(person)
        if folded not in self.folded_text:
            return None
        for statement in self.statements:
            if folded in statement.folded:
                return statement
        return None

    def _role_stated(self, fact: Fact) -> bool:
        """Do the article's sentences about this person give the part (half its words or more)?"""
        surname = fold(fact.subject.split()[-1])
        role = {w for w in content_terms(fact.value) if len(w) > 2}
        if not role:
            return True
        about = [s for s in self.statements if re.search(rf"\b{re.escape(surname)}\b", s.folded)]
        said = {w for s in about for w in content_terms(s.sentence)}
        # a nickname names the same part ("Ciri" for "Cirilla")
        named = {w for w in role if any(w.startswith(x) or x.startswith(w) for x in said if min(len(w), len(x)) >= 4)}
        return len(named) * 2 >= len(role)

    # ------------------------------------------------------------------ words

    def closest(self, vector: Vector, negated: bool) -> tuple[float, Statement | None]:
        best: tuple[float, Statement | None] = (0.0, None)
        for statement in self.statements:
            if statement.negated and not negated:
                continue  # "no trailer yet" is not restated by "the trailer is out"
            score = cosine(vector, statement.vector)
            if score > best[0]:
                best = (score, statement)
        return best

    def judge(
        self, facts: list[Fact], vector: Vector, negated: bool, text: str = "", words: frozenset[str] = frozenset()
    ) -> Novelty:
        if facts:
            statuses = [self.status(f) for f in facts]
            new = [s.fact for s in statuses if not s.known]
            if not new:
                statement = next((s.statement for s in statuses if s.statement), None)
                return Novelty(
                    False, [], _quote(statement) if statement else "the article covers this season", statement
                )
            changed = [s for s in statuses if not s.known and s.statement is not None]
            reason = "new to the article: " + "; ".join(describe_fact(f) for f in new)
            if changed:
                reason += f" (the article, in {_quote(changed[0].statement)})"
            return Novelty(True, new, reason)
        score, nearest = self.closest(vector, negated)
        if nearest is not None and score >= RESTATEMENT_THRESHOLD:
            return Novelty(False, [], _quote(nearest), nearest)
        # a report about someone or something the article already presents, close to what it says
        # of them ("Tobias Menzies steps into Prince Philip's shoes"), restates it in other words
        capitalized = _capitalized(text)
        names = {stem(w) for w in capitalized | {fold(w) for w in re.findall(r"\b[A-Z][\w'’-]+", text)}}
        specific = _specific(vector)
        for anchor in sorted(capitalized & self.anchors.keys()):  # the article's people and places it names
            for statement in self.anchors[anchor]:
                if statement.negated and not negated:
                    continue
                # beyond the names themselves: what the report says of them
                shared = (words & {t for t in statement.terms if "_" not in t}) - GENERIC_TERMS - names
                close = cosine(specific, statement.specific)
                if close >= ANCHORED_RESTATEMENT_THRESHOLD or len(shared) >= ANCHORED_SHARED_WORDS:
                    return Novelty(False, [], _quote(statement), statement)
        closest = f"; closest: {_quote(nearest)} ({score:.2f})" if nearest is not None and score > 0.1 else ""
        return Novelty(True, [], f"new to the article: no sentence says this{closest}")


def _specific(vector: Vector) -> Vector:
    """A vector without the words every show's news shares ("season", "premiere", "will")."""
    kept = {t: w for t, w in vector.items() if not any(part in GENERIC_TERMS for part in t.split("_"))}
    norm = sum(w * w for w in kept.values()) ** 0.5 or 1.0
    return {t: w / norm for t, w in kept.items()}


def _capitalized(text: str) -> set[str]:
    return {fold(w).removesuffix("'s") for w in re.findall(r"\b[A-Z][\w'’\-]+", fold_keep_case(text))}


def _quote(statement: Statement | None) -> str:
    if statement is None:
        return ""
    return f"{statement.section.title}: {statement.sentence}"
