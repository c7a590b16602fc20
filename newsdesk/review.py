"""DECIDE: the editor's desk for one run: each show's board, its conflicts, and suggested updates.

Runs after `newsdesk.decide`, on what the state knows plus what the run learned: every story of
the show (this run's new ones included), the structured sources' latest facts, the article as it
is now, and the desk as the state remembers it (each entry's latest words, the open conflicts and
suggestions). What it returns is committed with the run.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import datetime

from newsdesk.articles import Article, read_article
from newsdesk.board import build_board, stated_by, with_readings
from newsdesk.extract import FactContext
from newsdesk.novelty import ArticleKnowledge, read_statements
from newsdesk.similarity import Vectorizer
from newsdesk.suggestions import caution, is_done, suggest
from seasonwatch.models import Board, DeskReview, DeskState, FactObservation, ShowSpec, StatedFacts, Story, Suggestion


def review(
    shows: Sequence[ShowSpec],
    articles: Mapping[str, str],
    stories: Sequence[Story],
    new_stories: Sequence[Story],
    observations: Sequence[FactObservation],
    state: DeskState,
    now: datetime,
    made_ahead: Mapping[str, StatedFacts] | None = None,
) -> DeskReview:
    """`stories`: every story of the shows, with this run's sources; `new_stories`: those this run
    made, which get suggestions; `observations`: each structured source's latest facts;
    `made_ahead`: the readings of this run's reports made beside the downloads, by name."""
    out = DeskReview()
    new_ids = {story.id for story in new_stories}
    for show in shows:
        article = read_article(articles.get(show.name, ""), fallback_title=f"{show.name} season {show.season}")
        context = FactContext(show.names, show.season)
        knowledge = article_knowledge(article, context, now)
        listed = [o for o in observations if o.show == show.name]
        listings = frozenset(o.source for o in listed)
        mine, readings = with_readings([s for s in stories if s.show == show.name], context, listings, made_ahead)
        out.readings.extend(readings)
        outcome = build_board(show, knowledge, mine, listed, state, now)
        out.boards[show.name] = outcome.board
        out.changes.extend(outcome.changes)
        out.conflicts.extend(outcome.conflicts)
        for story in mine:
            if story.id in new_ids:
                out.new_suggestions.extend(suggest(show, article, knowledge, story, outcome.board, listings, now))
        by_id = {story.id: story for story in mine}
        for open_one in (s for s in state.open_suggestions if s.show == show.name):
            if is_done(open_one, knowledge):
                out.done.append(replace(open_one, done=now))
                continue
            fresh = _refreshed(open_one, by_id.get(open_one.story_id), context, listings, outcome.board)
            if fresh != open_one:
                out.refreshed.append(fresh)
    still_open = {conflict.id for conflict in out.conflicts}
    out.resolved = [identity for identity in state.conflicts if identity not in still_open]
    out.to_report = [c for c in out.conflicts if not state.conflicts.get(c.id, (now, False))[1]]
    return out


def _refreshed(
    suggestion: Suggestion, story: Story | None, context: FactContext, listings: frozenset[str], board: Board
) -> Suggestion:
    """An open suggestion with the sources its story has now (late reports add some) and what the
    board says today about disagreeing sources."""
    if story is None or suggestion.fact is None:
        return suggestion
    sources = tuple(stated_by(story, suggestion.fact, context, listings)) or suggestion.sources
    return replace(suggestion, sources=sources, caution=caution(board, suggestion.fact))


def article_knowledge(article: Article, context: FactContext, now: datetime) -> ArticleKnowledge:
    """What the article states, read the way the newsdesk reads it (relative dates as of `now`)."""
    statements = read_statements(article, context, frozenset(), now)
    return ArticleKnowledge(statements, context, Vectorizer([s.terms for s in statements]))
