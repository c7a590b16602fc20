"""The decide stage: articles, dates, facts, relevance, and what a batch of updates becomes."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from newsdesk import decide, read_article
from newsdesk.extract import FactContext, extract_facts
from newsdesk.extract.dates import find_dates
from newsdesk.relevance import ShowWorld, match_show
from seasonwatch.models import Fact, Fate, History, ShowSpec, Topic, Update

SHOW = ShowSpec("Della Hart", 2, ("Nightfall's Della Hart",), Path("a.md"), "della-hart")
EMBER = ShowSpec("Ember", 2, (), Path("e.md"), "ember")
NOW = datetime(2018, 1, 20, tzinfo=UTC)

ARTICLE = """# Della Hart Season 2: Everything We Know

Della Hart returns to Netflix for a second season.

## When does it come out?

Netflix has only said that season 2 arrives in 2018. No premiere date has been announced yet.

## Who is in the cast?

Tamsin Rook is back as Della. Marisol Quade joins in a secret role.

3. Story
The season picks up after The Wardens.
"""


def test_article_sections_topics_and_lead():
    article = read_article(ARTICLE)
    assert article.title == "Della Hart Season 2: Everything We Know"
    assert article.lead.sentences == ["Della Hart returns to Netflix for a second season."]
    assert [(s.title, s.topic) for s in article.sections] == [
        ("When does it come out?", Topic.RELEASE_DATE),
        ("Who is in the cast?", Topic.CAST),
        ("Story", Topic.STORY),
    ]
    assert article.sections[1].sentences == [
        "Tamsin Rook is back as Della.",
        "Marisol Quade joins in a secret role.",
    ]


def test_plain_text_article_with_numbered_titles():
    text = "Ember Season 2\n\nThe Danish series returns.\n\n1. Release Date\nNo date yet.\n\n2. Cast\nLukas Brenner returns.\n"
    article = read_article(text)
    assert article.title == "Ember Season 2"
    assert [s.title for s in article.sections] == ["Release Date", "Cast"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("premieres Oct. 27 on Netflix", "2018-10-27"),
        ("arrives March 8, 2018", "2018-03-08"),
        ("returns in spring 2019", "2019-spring"),
        ("coming later in 2018", "2018"),  # "later" is after today: it says no more than the year
        ("out in late 2018", "2018-late"),
        ("expected early 2019", "2019-early"),
        ("out on 8 March 2018", "2018-03-08"),
    ],
)
def test_dates_are_normalized(text, value):
    assert [m.value for m in find_dates(text, NOW)] == [value]


def test_season_numbers_are_not_dates():
    assert find_dates("a second season of 13 episodes, season 2 of the show", NOW) == []


def test_facts_from_news_text():
    context = FactContext(SHOW.names, SHOW.season)
    assert extract_facts("Della Hart season 2 premieres March 8 on Netflix", context, NOW) == [
        Fact("premiere", 2, value="2018-03-08")
    ]
    assert extract_facts("Netflix renews Nightfall's Della Hart for a third season", context, NOW) == [
        Fact("renewal", 3, value="renewed")
    ]
    assert extract_facts("Marisol Quade Joins 'Della Hart' Season 2 As Alisa", context, NOW) == [
        Fact("cast", 2, "Marisol Quade", "Alisa")
    ]


@pytest.mark.parametrize(
    ("title", "summary", "show"),
    [
        ("Nightfall’s ‘Della Hart’ season 2 trailer", "", "Della Hart"),
        ("DELLA HART'S NEW SEASON GETS A DATE", "Netflix sets the premiere.", "Della Hart"),
        ("Singer Della Hart announces a tour", "Her new album is out in May.", None),
        ("It gets dark early in winter", "Tips for the long nights of the season.", None),
        ("Ember season 2 premiere date", "Netflix's Danish series returns.", "Ember"),
        ("Ash Crane season 2 sets June date", "Dorian Steele returns; Della Hart fans will spot a cameo.", None),
        ("Ember is back in June", "Catch up before you return to Kessel.", "Ember"),
        ("The royal line of succession explained", "Who is next in line.", None),
    ],
)
def test_relevance(title, summary, show):
    worlds = [ShowWorld(SHOW, frozenset({"trina", "vera"})), ShowWorld(EMBER, frozenset({"kessel", "tobin"}))]
    match = match_show(title, summary, worlds)
    assert (match.show.name if match.show else None) == show, match.reason


def test_an_alias_only_inside_another_quoted_title_is_refused_with_that_title():
    trek = ShowSpec("Starfall: Meridian", 3, ("Meridian",), Path("t.md"), "starfall-meridian")
    match = match_show("Watch the 'Meridian Road Trip' trailer", "", [ShowWorld(trek, frozenset())])
    assert match.show is None
    assert "'Meridian Road Trip'" in match.reason


def update(source: str, title: str, summary: str = "", guid: str = "", url: str = "", day: int = 17) -> Update:
    url = url or f"https://{source.lower()}.example/{abs(hash(title))}"
    return Update(source, url, url, guid or url, title, summary, published=datetime(2018, 1, day, tzinfo=UTC))


def test_decide_groups_outlets_drops_the_article_and_keeps_castings_apart():
    updates = [
        update("A", "Della Hart season 2 gets a March 8 premiere date"),
        update("B", "Netflix dates Della Hart season 2 for March 8, 2018"),
        update("C", "Marisol Quade joins Della Hart season 2"),  # the article says so
        update("D", "T.J. Alvarado cast as Oren Castillo in Della Hart season 2"),
        update("E", "Bram Okafor joins Della Hart season 2 as Pell Carver"),
        update("F", "Singer Della Hart announces a tour", "Her album is out in May."),
    ]
    decision = decide([SHOW], {SHOW.name: ARTICLE}, updates, [], History(), NOW)
    stories = {s.headline: s for s in decision.new_stories}
    assert len(stories) == 3
    premiere = stories["Della Hart season 2 gets a March 8 premiere date"]
    assert [s.source for s in premiere.sources] == ["A", "B"]
    assert premiere.section == "When does it come out?"
    assert premiere.facts[0].before == "2018"
    fates = {v.source: v.fate for v in decision.verdicts}
    assert fates["C"] == Fate.IN_ARTICLE and fates["F"] == Fate.NOT_ABOUT_SHOW
    assert fates["B"] == Fate.SAME_STORY


def test_sources_of_the_same_moment_are_listed_the_same_whatever_order_they_arrived_in():
    # listing pages give dates without a time of day: three outlets on one day, fetched in any order
    told = [
        update("Quill", "Della Hart season 2 gets a March 8 premiere date"),
        update("Arbor", "Netflix dates Della Hart season 2 for March 8, 2018"),
        update("Marrow", "Della Hart season 2 is set for March 8 on Netflix"),
    ]
    orders = []
    for arrival in (told, told[::-1], [told[1], told[0], told[2]]):
        [story] = decide([SHOW], {SHOW.name: ARTICLE}, arrival, [], History(), NOW).new_stories
        orders.append([s.source for s in story.sources])
    assert orders == [["Arbor", "Marrow", "Quill"]] * 3


def test_history_stops_repeats_and_attaches_late_reports():
    first = decide(
        [SHOW],
        {SHOW.name: ARTICLE},
        [update("A", "Della Hart season 2 premieres March 8", url="https://a.example/jj")],
        [],
        History(),
        NOW,
    )
    story = first.new_stories[0]
    history = History(
        stories=[story],
        update_story={first.verdicts[0].update_key: story.id},
        url_story={"https://a.example/jj": story.id},
    )
    later = [
        update(
            "A",
            "UPDATED: Della Hart season 2 premieres March 8",
            url="https://a.example/jj",
            guid="other-guid",
            day=19,
        ),
        update("Z", "Della Hart returns on March 8, 2018", day=21),
    ]
    second = decide([SHOW], {SHOW.name: ARTICLE}, later, [], history, NOW)
    assert second.new_stories == []
    assert [s.id for s in second.grown_stories] == [story.id]
    assert [s.source for s in second.grown_stories[0].sources] == ["A", "Z"]
    assert {v.fate for v in second.verdicts} == {Fate.ALREADY_SENT, Fate.LATE_REPORT}


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("Watch the first trailer for Della Hart season 2", Fact("footage", 2, value="trailer")),
        ("Netflix shares first-look photos from Della Hart season 2", Fact("footage", 2, value="first look")),
        ("There is no trailer yet.", Fact("footage", 2, value="")),
        ("Filming on season 2 has wrapped.", Fact("filming", 2, value="wrapped")),
        ("Cameras are rolling on Della Hart season 2", Fact("filming", 2, value="started")),
        (
            "Harriet Vale remains showrunner of Della Hart",
            Fact("showrunner", 2, "Harriet Vale", "showrunner"),
        ),
        ("Colette Marsh exits Della Hart", Fact("departure", 2, "Colette Marsh", "leaves")),
    ],
)
def test_story_facts(text, fact):
    assert fact in extract_facts(text, FactContext(SHOW.names, SHOW.season), NOW)


def test_structured_facts_are_a_baseline_then_news_when_they_change():
    from seasonwatch.models import FactObservation

    def observe(value: str, cast: tuple[str, ...]) -> list[FactObservation]:
        facts = [Fact("premiere", 2, value=value), Fact("premiere", 1, value="2015-11-20")]
        facts += [Fact("cast", None, person, "") for person in cast]
        return [FactObservation(SHOW.name, f, "TVmaze", "https://tvmaze.example/1370", NOW) for f in facts]

    first = decide([SHOW], {SHOW.name: ARTICLE}, [], observe("", ("Tamsin Rook", "Idris Fenwick")), History(), NOW)
    assert first.new_stories == []  # agrees with the article ("no date"), a cast list, an old season
    known = {
        (o.show, o.source, o.fact.kind, o.fact.season, o.fact.subject.casefold()): o.fact.value
        for o in first.known_facts
    }
    second = decide(
        [SHOW],
        {SHOW.name: ARTICLE},
        [],
        observe("2018-03-08", ("Tamsin Rook", "Idris Fenwick", "Marisol Quade", "Bram Okafor")),
        History(known_facts=known),
        NOW,
    )
    headlines = sorted(s.headline for s in second.new_stories)
    assert headlines == ["Bram Okafor joins Della Hart", "Della Hart season 2 premiere: March 8, 2018"]
    premiere = next(s for s in second.new_stories if "premiere" in s.headline)
    assert premiere.facts[0].before == "not announced"


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("What to watch this weekend: our picks from Netflix", "roundup"),
        ("Coming to Netflix in June: Glass Harbor, Ember and more", "roundup"),
        ("Ember season 2 trailer: the apocalypse is coming to Kessel", ""),
        ("Who is Gideon Sark? The final villain, explained", "explainer"),
        ("Why Netflix is releasing it on the Fourth of July", "explainer"),
        ("Netflix renews Della Hart for a third season", ""),
    ],
)
def test_genres(title, kind):
    from newsdesk.genres import genre

    assert genre(title) == kind


def test_an_everyday_title_inside_another_name_is_not_the_show():
    worlds = [ShowWorld(EMBER, frozenset())]
    assert match_show("Ember Phoenix premieres June 7 in cinemas", "The superhero film.", worlds).show is None
    assert match_show("Ember Falls of the Ring season 2 sets a date", "The wrestling docuseries.", worlds).show is None


def test_a_casting_that_mentions_a_sent_cancellation_is_a_casting_story():
    first = decide(
        [SHOW], {SHOW.name: ARTICLE}, [update("A", "Netflix cancels Della Hart after season 2")], [], History(), NOW
    )
    cancellation = first.new_stories[0]
    history = History(stories=[cancellation])
    later = [
        update(
            "B", "Della Hart final season adds Silas Wendt as a serial killer; Netflix cancelled the show", day=20
        )
    ]
    second = decide([SHOW], {SHOW.name: ARTICLE}, later, [], history, NOW)
    assert [s.topic for s in second.new_stories] == [Topic.CAST]
    assert second.grown_stories == []


def test_a_fact_less_piece_about_a_new_castings_person_joins_that_story():
    updates = [
        update("A", "Silas Wendt joins Della Hart season 2 as a serial killer"),
        update("B", "Who is Silas Wendt? What his Della Hart villain could mean for season 2", day=18),
    ]
    decision = decide([SHOW], {SHOW.name: ARTICLE}, updates, [], History(), NOW)
    assert len(decision.new_stories) == 1
    assert [s.source for s in decision.new_stories[0].sources] == ["A", "B"]


def test_a_vaguer_late_report_is_one_more_source_not_a_new_story():
    first = decide(
        [SHOW], {SHOW.name: ARTICLE}, [update("A", "Della Hart season 2 premieres March 8")], [], History(), NOW
    )
    history = History(stories=first.new_stories)
    second = decide(
        [SHOW], {SHOW.name: ARTICLE}, [update("B", "Della Hart is back in March", day=25)], [], history, NOW
    )
    assert second.new_stories == []
    assert [s.source for s in second.grown_stories[0].sources] == ["A", "B"]


def _observe(source: str, facts: list[Fact]) -> list:
    from seasonwatch.models import FactObservation

    return [FactObservation(SHOW.name, f, source, f"https://{source.lower()}.example/jj", NOW) for f in facts]


def _known(decision) -> dict:
    return {
        (o.show, o.source, o.fact.kind, o.fact.season, o.fact.subject.casefold()): o.fact.value
        for o in decision.known_facts
    }


def test_each_structured_source_is_compared_with_itself():
    tvmaze = _observe("TVmaze", [Fact("cast", None, "Colette Marsh", "Trina Walsh"), Fact("premiere", 2, value="")])
    wiki = _observe(
        "Wikipedia",
        [Fact("cast", None, "Colette Marsh", 'Patricia "Trish" Walker'), Fact("premiere", 2, value="2018-03-08")],
    )
    first = decide([SHOW], {SHOW.name: ARTICLE}, [], tvmaze + wiki, History(), NOW)
    known = _known(first)
    # Wikipedia does not answer this morning: TVmaze, unchanged, must not read as a change
    second = decide([SHOW], {SHOW.name: ARTICLE}, [], tvmaze, History(known_facts=known), NOW)
    assert second.new_stories == []


def test_a_source_added_later_starts_with_its_own_baseline():
    cast = [Fact("cast", None, person, "") for person in ("Tamsin Rook", "Idris Fenwick", "Anne-Marie Vost")]
    first = decide([SHOW], {SHOW.name: ARTICLE}, [], _observe("TVmaze", cast[:2]), History(), NOW)
    added = decide(
        [SHOW],
        {SHOW.name: ARTICLE},
        [],
        _observe("TVmaze", cast[:2]) + _observe("Wikipedia", cast),
        History(known_facts=_known(first)),
        NOW,
    )
    assert added.new_stories == []


def test_a_change_the_article_already_states_is_not_news_but_a_secret_role_revealed_is():
    def listed(role: str, cast: str = "Tamsin Rook") -> list:
        return _observe("TVmaze", [Fact("cast", None, cast, role)])

    first = decide([SHOW], {SHOW.name: ARTICLE}, [], listed(""), History(), NOW)
    second = decide([SHOW], {SHOW.name: ARTICLE}, [], listed("Della"), History(known_facts=_known(first)), NOW)
    assert second.new_stories == []  # "Tamsin Rook is back as Della": the article says so
    first = decide([SHOW], {SHOW.name: ARTICLE}, [], listed("", "Marisol Quade"), History(), NOW)
    second = decide(
        [SHOW], {SHOW.name: ARTICLE}, [], listed("Alisa Hart", "Marisol Quade"), History(known_facts=_known(first)), NOW
    )
    assert [s.headline for s in second.new_stories] == ["Marisol Quade joins Della Hart as Alisa Hart"]


def test_a_season_part_against_another_part_of_the_same_year_is_judged_not_a_crash():
    article = ARTICLE.replace("arrives in 2018", "arrives in early 2019")
    report = update("Couch Report", "Della Hart season 2 now coming in spring 2019", url="https://c.example/spring")
    decision = decide([SHOW], {SHOW.name: article}, [report], [], History(), NOW)
    [story] = decision.new_stories
    assert [(f.kind, f.value) for f in story.facts] == [("premiere", "2019-spring")]


def test_a_new_story_quotes_the_article_sentence_closest_to_it():
    article = ARTICLE.replace(
        "Marisol Quade joins in a secret role.",
        "Marisol Quade joins in a secret role. Idris Fenwick has not confirmed that Malcolm is back.",
    ).replace(
        "The season picks up after The Wardens.",
        "The season picks up after The Wardens, with Della hunting the clinic that made her.",
    )
    report = update("A", "Della Hart season 2 will see Idris Fenwick and Della hunt the clinic that made her")
    [verdict] = decide([SHOW], {SHOW.name: article}, [report], [], History(), NOW).verdicts
    assert verdict.fate == Fate.NEW
    # not the sentence that merely names the same actor
    assert "closest: Story: The season picks up after The Wardens" in verdict.reason


@pytest.mark.parametrize(
    ("title", "topic"),
    [
        ("When does it start?", Topic.RELEASE_DATE),
        ("Who stars in it", Topic.CAST),
        ("Starring", Topic.CAST),
        ("Returning cast", Topic.CAST),
        ("What happens next", Topic.STORY),
    ],
)
def test_a_section_title_names_its_topic(title, topic):
    from newsdesk.articles import topic_of_title

    assert topic_of_title(title) == topic


def test_a_headline_in_capitals_names_a_story_person_in_capitals():
    from newsdesk.desk import ShowProfile
    from newsdesk.example_shows import ARTICLES, HOLLOW_CREEK, REFERENCE
    from newsdesk.reading import Reader, Report, link_people

    profile = ShowProfile.of(HOLLOW_CREEK, ARTICLES[HOLLOW_CREEK.name], REFERENCE)
    reader = Reader([profile.world], {HOLLOW_CREEK.name: profile.context}, {HOLLOW_CREEK.name: profile.drop}, REFERENCE)

    def read(title: str) -> Report:
        url = f"https://outlet.example/{abs(hash(title))}"
        report = reader.read(Update("Outlet", url, url, url, title, "", published=REFERENCE))
        assert isinstance(report, Report)
        return report

    casting = read("Nadia Sorel Joins ‘Hollow Creek’ Season 2")
    shouted = read("NADIA SOREL ON THE HOLLOW CREEK SET. the first photos are out")
    _, linked = link_people([casting, shouted], [])
    assert any(f.kind == "cast" and f.subject == "Nadia Sorel" for f in linked.event)


def test_a_date_read_from_next_year_says_so_in_its_reason():
    from newsdesk.example_shows import ARTICLES, HOLLOW_CREEK, REFERENCE

    url = "https://outlet.example/hollow-creek-next-year"
    update = Update("Outlet", url, url, url, "Hollow Creek season 2 will return next year", "", published=REFERENCE)
    decision = decide([HOLLOW_CREEK], {HOLLOW_CREEK.name: ARTICLES[HOLLOW_CREEK.name]}, [update], [], History(), REFERENCE)
    [verdict] = decision.verdicts
    assert verdict.fate == Fate.NEW
    assert "2032" in verdict.reason and "as of the report's day" in verdict.reason
