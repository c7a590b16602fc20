"""The desk's decisions on the project's own articles: which claims make an entry, which make a
conflict (and which do not), and what a story suggests for the article."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from conftest import DEMO_DATA

from newsdesk.articles import read_article
from newsdesk.board import build_board
from newsdesk.extract import FactContext
from newsdesk.novelty import ArticleKnowledge
from newsdesk.review import article_knowledge, review
from newsdesk.suggestions import is_done, suggest
from seasonwatch.models import DeskState, Fact, FactObservation, ShowSpec, Story, StorySource, Topic

NOW = datetime(2026, 3, 1, 6, 15, tzinfo=UTC)
JESSICA = ShowSpec("Jessica Jones", 2, ("Marvel's Jessica Jones",), DEMO_DATA / "articles" / "jessica-jones-season-2.md", "jessica-jones")
ARTICLE = JESSICA.article.read_text(encoding="utf-8")


def knowledge(text: str = ARTICLE) -> ArticleKnowledge:
    return article_knowledge(read_article(text), FactContext(JESSICA.names, 2), NOW)


def story(number: int, outlet: str, title: str, facts: list[Fact], day: int = 17, summary: str = "") -> Story:
    published = datetime(2018, 1, day, 12, tzinfo=UTC)
    return Story(
        id=f"sw-{number}",
        show=JESSICA.name,
        topic=Topic.RELEASE_DATE,
        section="Release Date",
        headline=title,
        summary=summary,
        facts=facts,
        sources=[StorySource(outlet, title, f"https://{outlet.lower().replace(' ', '')}.example/{number}", published, summary)],
        first_seen=NOW,
        updated=NOW,
        show_slug=JESSICA.slug,
    )


def board(stories: list[Story], observations: list[FactObservation] = (), text: str = ARTICLE, state=None):
    return build_board(JESSICA, knowledge(text), stories, list(observations), state or DeskState(), NOW)


def entry(outcome, row: str, subject: str = ""):
    return next(e for e in outcome.board.entries if e.row == row and e.subject == subject)


def premiere(value: str) -> Fact:
    return Fact("premiere", 2, value=value)


def test_two_outlets_with_different_dates_are_a_conflict_and_the_articles_year_is_not_a_side():
    outcome = board(
        [
            story(1, "Screen Ledger", "Jessica Jones season 2 premieres March 8", [premiere("2018-03-08")]),
            story(2, "Couch Report", "Jessica Jones season 2 arrives March 15", [premiere("2018-03-15")], day=18),
        ]
    )
    [conflict] = outcome.conflicts
    assert [(s.text, [a.source for a in s.sources]) for s in conflict.sides] == [
        ("March 8, 2018", ["Screen Ledger"]),
        ("March 15, 2018", ["Couch Report"]),
    ]
    assert entry(outcome, "premiere").text == "March 8, 2018 or March 15, 2018 (sources disagree)"


def test_a_source_counts_once_with_its_latest_claim():
    outcome = board(
        [
            story(1, "Screen Ledger", "Jessica Jones season 2 premieres March 15", [premiere("2018-03-15")], day=16),
            story(2, "Screen Ledger", "Netflix moves Jessica Jones season 2 up to March 8", [premiere("2018-03-08")]),
        ]
    )
    assert outcome.conflicts == []
    assert entry(outcome, "premiere").text == "March 8, 2018"


def test_the_article_stating_a_date_a_source_contradicts_is_a_conflict_with_the_article_as_a_side():
    dated = ARTICLE.replace("No premiere date has been announced yet.", "Season 2 premieres on April 6, 2018.")
    outcome = board([story(1, "Screen Ledger", "Jessica Jones season 2 premieres March 8", [premiere("2018-03-08")])], text=dated)
    [conflict] = outcome.conflicts
    sides = {s.text: s.sources for s in conflict.sides}
    assert sides["April 6, 2018"][0].source == "the article"
    assert sides["April 6, 2018"][0].title == "Season 2 premieres on April 6, 2018."
    assert sides["March 8, 2018"][0].source == "Screen Ledger"


def test_a_listing_agreeing_with_an_outlet_joins_its_entry_and_one_disagreeing_is_a_side():
    listing = FactObservation(JESSICA.name, premiere("2018-03-08"), "TVmaze", "https://tvmaze.example/1370", NOW)
    outcome = board([story(1, "Screen Ledger", "Jessica Jones season 2 premieres March 8", [premiere("2018-03-08")])], [listing])
    assert [a.source for a in entry(outcome, "premiere").sources] == ["Screen Ledger", "TVmaze"]
    undated = FactObservation(JESSICA.name, premiere(""), "TVmaze", "https://tvmaze.example/1370", NOW)
    outcome = board([story(1, "Screen Ledger", "Jessica Jones season 2 premieres March 8", [premiere("2018-03-08")])], [undated])
    assert outcome.conflicts == []  # no date yet is no disagreement with a date
    assert [a.source for a in entry(outcome, "premiere").sources] == ["Screen Ledger"]


def test_renewed_and_cancelled_disagree_unless_the_renewed_season_is_the_last():
    renewed = story(1, "Screen Ledger", "Netflix renews Jessica Jones for season 3", [Fact("renewal", 3, value="renewed")])
    ended = FactObservation(JESSICA.name, Fact("status", None, value="Ended"), "TVmaze", "https://tvmaze.example/1370", NOW)
    outcome = board([renewed], [ended])
    assert [s.text for s in outcome.conflicts[0].sides] == ["renewed for season 3", "cancelled"]
    last = story(2, "Couch Report", "Season 3 will be the last of Jessica Jones", [Fact("cancellation", 3, value="cancelled")])
    outcome = board([renewed, last])
    assert outcome.conflicts == [] and entry(outcome, "renewal").text == "renewed for season 3, its last"
    assert board([]).board.entries[0].text == "unknown: no word on season 3 yet"


def test_cast_since_the_article_lists_each_person_from_the_stories_only():
    cast = [Fact("cast", 2, "J.R. Ramirez", "Oscar Arocho")]
    outcome = board(
        [story(1, "Telly Times", "J.R. Ramirez cast as Oscar Arocho in Jessica Jones season 2", cast, day=16)],
        # a listing's cast is a baseline, not a change since the article
        [FactObservation(JESSICA.name, Fact("cast", None, "Krysten Ritter", "Jessica Jones"), "TVmaze", "https://t.example", NOW)],
    )
    people = [(e.label, e.text) for e in outcome.board.entries if e.row == "cast"]
    assert people == [("J.R. Ramirez", "joins as Oscar Arocho")]
    assert entry(outcome, "cast", "j.r. ramirez").known_since == datetime(2018, 1, 16, 12, tzinfo=UTC)


def test_the_cast_row_lists_newcomers_as_they_became_known_whatever_order_the_stories_come_in():
    stories = [
        story(1, "Telly Times", "Orla Venn joins Jessica Jones season 2", [Fact("cast", 2, "Orla Venn")], day=19),
        story(2, "Screen Ledger", "Bram Tully cast in Jessica Jones season 2", [Fact("cast", 2, "Bram Tully")], day=16),
        story(3, "Couch Report", "Ines Marr boards Jessica Jones season 2", [Fact("cast", 2, "Ines Marr")], day=16),
    ]
    # as a first run has them (this run's order) and as a later one does (the state's order)
    orders = [[e.label for e in board(list(given)).board.entries if e.row == "cast"] for given in (stories, stories[::-1])]
    assert orders[0] == orders[1] == ["Bram Tully", "Ines Marr", "Orla Venn"]


def test_a_disputed_date_lists_its_sides_and_sources_alike_whatever_order_the_stories_come_in():
    stories = [
        story(1, "Telly Times", "Jessica Jones season 2 premieres March 15", [premiere("2018-03-15")], day=18),
        story(2, "Couch Report", "Jessica Jones season 2 arrives March 8", [premiere("2018-03-08")], day=17),
        story(3, "Screen Ledger", "Jessica Jones season 2 lands March 8", [premiere("2018-03-08")], day=17),
    ]
    seen = []
    for given in (stories, stories[::-1]):
        found = entry(board(list(given)), "premiere")
        seen.append((found.text, [a.source for a in found.sources], [side.value for side in found.conflict.sides]))
    assert seen[0] == seen[1]
    assert seen[0][2] == ["2018-03-08", "2018-03-15"]  # the side said first comes first
    assert seen[0][1] == ["Couch Report", "Screen Ledger", "Telly Times"]  # said alike: by name


def test_an_unchanged_board_records_no_change_and_keeps_its_day():
    stories = [story(1, "Screen Ledger", "Jessica Jones season 2 premieres March 8", [premiere("2018-03-08")])]
    first = board(stories)
    state = DeskState(
        latest={(JESSICA.name, e.row, e.subject): (e.text, e.known_since, frozenset(a.source for a in e.sources)) for e in first.board.entries}
    )
    again = board(stories, state=state)
    assert again.changes == []
    assert entry(again, "premiere").known_since == entry(first, "premiere").known_since


# ----------------------------------------------------------------------------- suggestions


def test_a_story_that_only_restates_the_article_suggests_nothing():
    kept_secret = story(1, "Screen Ledger", "Janet McTeer Is Part of Jessica Jones Season 2", [Fact("cast", 2, "Janet McTeer", "")])
    article = read_article(ARTICLE)
    assert suggest(JESSICA, article, knowledge(), kept_secret, board([]).board, frozenset(), NOW) == []


def test_a_story_without_facts_is_suggested_only_if_the_article_would_not_count_it_done_at_once():
    article = "# Harbor Lights Season 2: Everything We Know\n\n## Story\n\nHarbor Lights returns for a second season.\n"
    show = ShowSpec("Harbor Lights", 2, (), JESSICA.article, "harbor-lights")
    read = article_knowledge(read_article(article), FactContext(show.names, 2), NOW)
    retold = replace(
        story(1, "Couch Report", "Harbor Lights returns for a second season", [], summary="Harbor Lights is back for a second season."),
        show=show.name, section="Story",
    )  # fmt: skip
    made = suggest(show, read_article(article), read, retold, board([]).board, frozenset(), NOW)
    assert all(not is_done(s, read) for s in made)  # nothing made today is done tomorrow, article unchanged
    assert made == []


def test_a_role_revealed_replaces_the_sentence_that_kept_it_secret():
    revealed = story(1, "Screen Ledger", "Janet McTeer will play Alisa in Jessica Jones", [Fact("cast", 2, "Janet McTeer", "Alisa")])
    [suggestion] = suggest(JESSICA, read_article(ARTICLE), knowledge(), revealed, board([revealed]).board, frozenset(), NOW)
    assert suggestion.action == "replace" and suggestion.section == "Cast"
    assert suggestion.quoted == ("Janet McTeer has joined the cast in a role Netflix is keeping secret.",)
    assert suggestion.proposed == "Janet McTeer joins the cast as Alisa."
    edited = ARTICLE.replace("in a role Netflix is keeping secret", "as Alisa, a woman from Jessica's past")
    assert is_done(suggestion, knowledge(edited)) and not is_done(suggestion, knowledge())


def test_a_story_without_facts_suggests_its_summary_under_its_section():
    quiet = story(
        1, "Couch Report", "Jessica Jones season 2 will dig into the lab that made her", [],
        summary="The new season follows Jessica into the clinic where the experiments happened.",
    )  # fmt: skip
    quiet.section = "Story"
    [suggestion] = suggest(JESSICA, read_article(ARTICLE), knowledge(), quiet, board([]).board, frozenset(), NOW)
    assert (suggestion.section, suggestion.action) == ("Story", "add")
    assert suggestion.quoted == ("Every episode of the season is directed by a woman.",)
    assert suggestion.proposed.startswith("The new season follows Jessica into the clinic")


def test_review_suggests_only_for_new_stories_and_settles_what_the_article_now_states():
    dated = story(1, "Screen Ledger", "Jessica Jones season 2 premieres March 8", [premiere("2018-03-08")])
    first = review([JESSICA], {JESSICA.name: ARTICLE}, [dated], [dated], [], DeskState(), NOW)
    [suggestion] = first.new_suggestions
    state = DeskState(open_suggestions=[suggestion])
    again = review([JESSICA], {JESSICA.name: ARTICLE}, [dated], [], [], state, NOW)
    assert again.new_suggestions == [] and again.done == []
    edited = ARTICLE.replace("No premiere date has been announced yet.", "Season 2 premieres on March 8, 2018.")
    settled = review([JESSICA], {JESSICA.name: edited}, [dated], [], [], state, NOW)
    assert [s.id for s in settled.done] == [suggestion.id] and settled.done[0].done == NOW
