"""DECIDE: suggested article updates: what a new story makes stale or incomplete, and how to say it.

For each fact of a new story that the article does not state: the article sentences it
contradicts or makes more precise, quoted, with a replacement; or, when no sentence speaks of it,
the section it belongs to and the sentence it would follow, with an addition. Each suggestion
cites its sources and is marked done once a later version of the article states the fact, as the
newsdesk decides that the article states a fact. The article file itself is never touched.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import datetime

from newsdesk.articles import Article, ArticleSection
from newsdesk.board import KINDS, LIST, stated_by
from newsdesk.novelty import ArticleKnowledge, ReportWords, Statement
from newsdesk.similarity import Vectorizer, terms
from newsdesk.text import has_negation
from newsdesk.topics import topic_from_facts
from seasonwatch.fact_kinds import FACT_KINDS, Values, describe_fact, kind_of
from seasonwatch.fuzzy_date import within as date_within
from seasonwatch.markup import shorten
from seasonwatch.models import Attribution, Board, Fact, ShowSpec, Story, Suggestion, Topic

PROPOSAL_LIMIT = 240  # a factless story's suggested line: its summary, cut to a sentence or two


def suggestion_id(story: Story, fact: Fact | None) -> str:
    what = f"{fact.kind}|{fact.season}|{fact.subject.casefold()}|{fact.value}" if fact else ""
    return "sg-" + hashlib.sha256(f"{story.id}\x1f{what}".encode()).hexdigest()[:16]


def suggest(
    show: ShowSpec,
    article: Article,
    knowledge: ArticleKnowledge,
    story: Story,
    board: Board,
    listings: frozenset[str],
    now: datetime,
) -> list[Suggestion]:
    """What `story` asks of the article, one suggestion per fact it does not state yet."""
    if not story.facts:
        # what the desk would mark done at once (its words restate the article) is not suggested:
        # made, it was marked done on the next run with the article unchanged
        made = _about_words(show, article, story, listings, now)
        return [] if is_done(made, knowledge) else [made]
    out = []
    context = knowledge.context
    for told in story.facts:
        fact = replace(told, before="")
        status = knowledge.status(fact)
        if status.known:
            continue  # the article says it already (or an editor has added it since)
        sources = tuple(stated_by(story, fact, context, listings)) or _listing_sources(story)
        stale = _stale(knowledge, fact, status.statement)
        rule = KINDS.get(fact.kind)
        proposed = rule.propose(fact, show) if rule else f"{describe_fact(fact)}."
        common = {
            "id": suggestion_id(story, fact),
            "show": show.name,
            "story_id": story.id,
            "fact": fact,
            "news": describe_fact(told),
            "proposed": proposed,
            "sources": sources,
            "created": now,
            "caution": caution(board, fact),
        }
        if stale:
            # filed under the section where the article discusses it, when a stale sentence is there
            # (the lead's "returns in 2018" is stale too, but the news belongs under "Release date")
            home = _placement(article, story, fact)
            stale.sort(key=lambda s: s.section is not home)
            relation = "made more precise by" if all(_vaguer(s, fact) for s in stale) else "contradicted by"
            quoted = tuple(s.sentence for s in stale)
            out.append(Suggestion(section=stale[0].section.title, action="replace", quoted=quoted, relation=relation, **common))
        else:
            section = _placement(article, story, fact)
            anchor = _anchor(knowledge, section, fact)
            title = section.title if section else _topic_name(story, fact)
            out.append(Suggestion(section=title, action="add", quoted=anchor, relation="extended by", **common))
    return out


def _listing_sources(story: Story) -> tuple[Attribution, ...]:
    return tuple(Attribution(s.source, s.url, s.published, s.title, "listing") for s in story.sources)


def _stale(knowledge: ArticleKnowledge, fact: Fact, named: Statement | None) -> list[Statement]:
    """The article's sentences that say something else about the same thing, in article order."""
    if _named_is_known(fact):
        return [named] if named is not None else []  # the part it gives ("a role kept secret") is out of date
    return [
        s for s in knowledge.statements if any(f.key == fact.key and f.value.casefold() != fact.value.casefold() for f in s.facts)
    ]


def _named_is_known(fact: Fact) -> bool:
    """A cast member or showrunner: an article that names them tells them."""
    return fact.kind in FACT_KINDS and FACT_KINDS[fact.kind].known_when_named


def _vaguer(statement: Statement, fact: Fact) -> bool:
    """Does the sentence say the same thing less precisely ("in 2018" for March 8, 2018)?"""
    if _named_is_known(fact):
        return True
    said = [f for f in statement.facts if f.key == fact.key]
    dated = FACT_KINDS[fact.kind].values is Values.DATE if fact.kind in FACT_KINDS else False
    return dated and all(f.value and date_within(fact.value, f.value) for f in said)


def _placement(article: Article, story: Story, fact: Fact) -> ArticleSection | None:
    """The section where the article discusses this kind of fact, else its topic's section."""
    section = article.section_discussing(fact.kind)
    if section is not None:
        return section
    topic = topic_from_facts([fact]) or story.topic
    return article.section_for(topic) or next((s for s in article.sections if s.title == story.section), None)


def _topic_name(story: Story, fact: Fact) -> str:
    topic = topic_from_facts([fact])
    return str(topic) if topic else story.section


def _anchor(knowledge: ArticleKnowledge, section: ArticleSection | None, fact: Fact) -> tuple[str, ...]:
    """The sentence an addition would follow: the section's last about the same kind of thing,
    else its last sentence."""
    if section is None or not section.sentences:
        return ()
    mine = [s for s in knowledge.statements if s.section is section]
    same_kind = [s.sentence for s in mine if any(f.kind == fact.kind for f in s.facts)]
    if not same_kind and KINDS.get(fact.kind) and KINDS[fact.kind].shape == LIST and fact.subject:
        same_kind = [s.sentence for s in mine if any(kind_of(f).topic is Topic.CAST for f in s.facts)]
    return (same_kind[-1] if same_kind else section.sentences[-1],)


def caution(board: Board, fact: Fact) -> str:
    """ "Sources disagree: 13 (Screen Ledger) or 10 (TVmaze)" when the board shows a conflict on it."""
    rule = KINDS.get(fact.kind)
    if rule is None:
        return ""
    subject = (fact.subject or fact.value).casefold() if rule.shape == LIST else ""
    for entry in board.entries:
        if entry.row == rule.row and entry.subject == subject and entry.conflict is not None:
            sides = " or ".join(
                f"{side.text} ({', '.join(a.source for a in side.sources)})" for side in entry.conflict.sides
            )
            return f"Sources disagree: {sides}. Check before you edit."
    return ""


def _about_words(show: ShowSpec, article: Article, story: Story, listings: frozenset[str], now: datetime) -> Suggestion:
    """A story that states no fact still adds to its section: its summary is the suggested line."""
    section = next((s for s in article.sections if s.title == story.section), None)
    anchor = (section.sentences[-1],) if section and section.sentences else ()
    outlets = tuple(
        Attribution(s.source, s.url, s.published or story.first_seen, s.title, "outlet")
        for s in story.sources
        if s.source not in listings
    )
    return Suggestion(
        id=suggestion_id(story, None),
        show=show.name,
        story_id=story.id,
        fact=None,
        section=story.section,
        action="add",
        quoted=anchor,
        relation="extended by",
        news=story.headline,
        proposed=shorten(story.summary or story.headline, PROPOSAL_LIMIT),
        sources=outlets or _listing_sources(story),
        created=now,
    )


def is_done(suggestion: Suggestion, knowledge: ArticleKnowledge) -> bool:
    """Does the article (as it is now) state what the suggestion asked for? For a fact, as the
    newsdesk decides an article states a fact; for a story without one, when its words restate
    a sentence of the article."""
    if suggestion.fact is not None:
        return knowledge.status(suggestion.fact).known
    said = terms(f"{suggestion.news}. {suggestion.proposed}")
    vectorizer = Vectorizer([s.terms for s in knowledge.statements] + [said])
    weighed = ArticleKnowledge(knowledge.statements, knowledge.context, vectorizer)
    text = f"{suggestion.news}. {suggestion.proposed}"
    words = frozenset(t for t in said if "_" not in t)
    return not weighed.judge([], ReportWords(text, vectorizer.vector(said), has_negation(text), words)).is_new
