"""Every rule book of the newsdesk, each with the trial that runs one of its examples through the
real code: `tests/test_rule_examples.py` runs them all.

The trials read the examples against the invented shows of `newsdesk.example_shows`, on its
REFERENCE day: a partial date resolves against it, and each show's article says what it says.
"""

from __future__ import annotations

from datetime import timedelta
from functools import cache

from newsdesk.desk import ShowProfile, decide
from newsdesk.example_shows import ARTICLES, HOLLOW_CREEK, REFERENCE, SHOWS
from newsdesk.extract import FAMILIES, extract_facts
from newsdesk.extract.clause import Clause, FactContext
from newsdesk.extract.dates import DATE_PHRASES, DatePhrase, find_dates
from newsdesk.extract.rule import FactRule, Family
from newsdesk.extract.seasons import SEASON_NAMING, season_numbers
from newsdesk.genres import COMMENTARY, NAMES_NO_SEASON, NO_NEWS, SPEAKS_OF_A_FACT, NoNewsRule, genre, no_news
from newsdesk.headlines import HEADLINE_CLEANING, clean_headline
from newsdesk.novelty import FACT_STATUS, RESTATEMENT, RETOLD
from newsdesk.reading import Reader, Refusal, Report, states_something
from newsdesk.relevance import ABOUT_AN_EARLIER_SEASON, RELEVANCE, STATES_NOTHING, WHICH_SHOW
from newsdesk.rules import Example, Rule, RuleBook, split_example
from newsdesk.sameness import SAMENESS, Evidence
from newsdesk.similarity import Vectorizer
from newsdesk.story_index import TOLD, StoryIndex
from newsdesk.structured import STRUCTURED, Sight, StructuredNews, judge_observation
from newsdesk.text import sentences
from seasonwatch.fact_kinds import FACT_KINDS, Scope
from seasonwatch.models import Fact, FactObservation, Fate, History, ShowSpec, Update


def _show_of(text: str) -> ShowSpec:
    """The example show a text is about: the one it names, Hollow Creek if none."""
    lowered = text.casefold()
    named = [show for show in SHOWS if show.name.casefold() in lowered]
    return max(named, key=lambda show: len(show.name)) if named else HOLLOW_CREEK


@cache
def _profiles() -> dict[str, ShowProfile]:
    return {show.name: ShowProfile.of(show, ARTICLES[show.name], REFERENCE) for show in SHOWS}


def _update(text: str, number: int = 0, source: str = "Example Outlet") -> Update:
    """An item from an example: "headline || summary", optionally "... @link" for its link."""
    text, _, link = text.partition(" @")
    title, summary = split_example(text)
    url = f"https://outlet{number}.example/{link or abs(hash(title))}"
    moment = REFERENCE + timedelta(minutes=number)
    return Update(source if not number else f"{source} {number}", url, url, url, title, summary, published=moment)


def _context(text: str) -> FactContext:
    show = _show_of(text)
    return FactContext(show.names, show.season)


# ---------------------------------------------------------------- relevance


def _relevance(rule: Rule, example: Example) -> None:
    profiles = _profiles()
    reader = Reader(
        [p.world for p in profiles.values()],
        {name: p.context for name, p in profiles.items()},
        {name: p.drop for name, p in profiles.items()},
        REFERENCE,
    )
    read = reader.read(_update(example.text))
    if isinstance(read, Report):
        read = states_something(read)
    if example.expect is None:
        assert isinstance(read, Refusal), f"expected a refusal, got a report about {read.show.name}"
        assert read.rule == rule.name, f"refused by {read.rule!r} ({read.reason}), not by this rule"
    else:
        assert isinstance(read, Report), f"refused by {read.rule!r}: {read.reason}"
        assert read.show.name == example.expect


# ---------------------------------------------------------------- facts


def _facts_of(family: Family):
    def trial(rule: Rule, example: Example) -> None:
        assert isinstance(rule, FactRule)
        context = _context(example.text)
        found = [
            f
            for f in extract_facts(example.text, context, REFERENCE, article=example.article)
            if f.kind in family.kinds
        ]
        assert found == example.expect, f"found {found}"
        if example.expect:
            alone = [
                f
                for s in sentences(example.text)
                for f in rule.find(Clause.of(s, context, REFERENCE, article=example.article))
            ]
            assert set(alone) & set(example.expect), f"this rule alone finds {alone}: another rule found them"

    return trial


def _date_phrase(rule: Rule, example: Example) -> None:
    values = [m.value for m in find_dates(example.text, REFERENCE)]
    assert values == example.expect, f"found {values}"
    assert isinstance(rule, DatePhrase)
    reads = bool(find_dates(example.text, REFERENCE, (rule,)))
    assert reads == bool(example.expect and not example.counter), "the phrase reads it" if reads else "it does not"


def _season_naming(rule: Rule, example: Example) -> None:
    assert season_numbers(example.text) == example.expect


def _headline(rule: Rule, example: Example) -> None:
    title, source = split_example(example.text)
    assert clean_headline(title, source) == example.expect


# ---------------------------------------------------------------- the article, and no news


def _verdict_of(text: str):
    update = _update(text)
    show = _show_of(text)
    decision = decide([show], {show.name: ARTICLES[show.name]}, [update], [], History(), REFERENCE)
    return next(v for v in decision.verdicts if v.update_key == update.key)


def _novelty(rule: Rule, example: Example) -> None:
    verdict = _verdict_of(example.text)
    expected = Fate.IN_ARTICLE if example.expect == "known" else Fate.NEW
    assert verdict.fate == expected, f"{verdict.fate}: {verdict.reason} [{verdict.rule}]"
    if example.counter:
        assert verdict.rule != rule.name, "decided by this rule"
    else:
        assert verdict.rule == rule.name, f"decided by {verdict.rule!r}: {verdict.reason}"


def _no_news(rule: Rule, example: Example) -> None:
    assert isinstance(rule, NoNewsRule)
    assert genre(example.text) == example.expect
    if example.expect:
        assert rule.genre == example.expect, "an example of another rule"


def _commentary(rule: Rule, example: Example) -> None:
    found = no_news(example.text, genre(example.text), [])
    assert (found[0] if found else "") == example.expect, f"found {found}"


def _joins_only(rule: Rule, example: Example) -> None:
    verdict = _verdict_of(example.text)
    if example.expect:
        assert verdict.fate == Fate.NO_NEWS and verdict.rule == rule.name, (
            f"{verdict.fate}: {verdict.reason} [{verdict.rule}]"
        )
    else:
        assert verdict.rule != rule.name, f"{verdict.fate}: {verdict.reason}"


# ---------------------------------------------------------------- sameness


def _stories_of(first: str, second: str) -> tuple[int, int, str, str]:
    """(stories after one morning, stories over two mornings, the second report's rule each way)."""
    show = _show_of(first + second)
    articles = {show.name: ARTICLES[show.name]}
    a, b = _update(first, 1), _update(second, 2)
    together = decide([show], articles, [a, b], [], History(), REFERENCE)
    day_one = decide([show], articles, [a], [], History(), REFERENCE)
    history = History(
        stories=day_one.new_stories,
        update_story={v.update_key: v.story_id for v in day_one.verdicts if v.story_id},
        url_story={a.canonical_url: day_one.new_stories[0].id} if day_one.new_stories else {},
    )
    day_two = decide([show], articles, [b], [], history, REFERENCE + timedelta(days=1))
    rule_together = next((v.rule for v in together.verdicts if v.update_key == b.key), "")
    rule_apart = next((v.rule for v in day_two.verdicts if v.update_key == b.key), "")
    return len(together.new_stories), len(day_one.new_stories) + len(day_two.new_stories), rule_together, rule_apart


def _sameness(rule: Rule, example: Example) -> None:
    first, _, second = example.text.partition(" >> ")
    together, apart, rule_together, rule_apart = _stories_of(first, second)
    # the same answer whether the second report arrives the same morning or the next
    assert together == apart, f"{together} stories the same morning, {apart} over two mornings"
    assert together == (1 if example.expect == "same" else 2), f"{together} stories [{rule_together}]"
    if example.expect == "same" and rule.name != "same-link" and not example.counter:
        assert rule_together == rule_apart == rule.name, f"tied by {rule_together!r} / {rule_apart!r}"


def _told(rule: Rule, example: Example) -> None:
    report, _, claim = example.text.partition(" >> ")
    show = _show_of(report)
    [story] = decide([show], {show.name: ARTICLES[show.name]}, [_update(report)], [], History(), REFERENCE).new_stories
    index: StoryIndex[object] = StoryIndex()
    index.add(Evidence(show.name, tuple(story.facts)), past=story)
    kind, season, value = claim.split(" ", 2)
    fact = Fact(kind, int(season), *((value, "") if FACT_KINDS[kind].scope is Scope.PERSON else ("", value)))
    deciding = next((r.name for r in TOLD if r.find(index, show.name, fact) is not None), None)
    assert (deciding is not None) == example.expect, f"told by {deciding!r}"
    if example.expect:
        assert deciding == rule.name, f"told by {deciding!r}"


def _structured(rule: Rule, example: Example) -> None:
    parts = [p.strip() for p in example.text.split("|")]
    kind, season, value = [*parts[0].split(" ", 2), ""][:3]
    subject = ""
    if FACT_KINDS[kind].scope is Scope.PERSON:
        subject, _, value = value.partition("=")
    fact = Fact(kind, None if season == "-" else int(season), subject, value)
    last = next((p.removeprefix("was").strip() for p in parts[1:] if p.startswith("was")), None)
    seen = not any(p == "new source" for p in parts[1:])
    profile = _profiles()[HOLLOW_CREEK.name]
    knowledge = profile.knowledge(Vectorizer([s.terms for s in profile.statements]))
    observation = FactObservation(HOLLOW_CREEK.name, fact, "TVmaze", "https://tvmaze.example/shows/1", REFERENCE)
    outcome = judge_observation(Sight(observation, HOLLOW_CREEK, last, seen, knowledge.status(fact)))
    got, by = ("news", outcome.rule) if isinstance(outcome, StructuredNews) else ("baseline", outcome[1])
    assert (got, by) == (example.expect, rule.name), f"{got} by {by!r}"


RULEBOOKS: tuple[RuleBook, ...] = (
    RuleBook(
        "relevance",
        (*RELEVANCE, STATES_NOTHING, ABOUT_AN_EARLIER_SEASON, WHICH_SHOW),
        _relevance,
        "is an update about a tracked show?",
    ),
    *(RuleBook(f"facts: {family.name}", family.rules, _facts_of(family), "what does it state?") for family in FAMILIES),
    RuleBook("date phrases", DATE_PHRASES, _date_phrase, "dates in news text"),
    RuleBook("season numbers", SEASON_NAMING, _season_naming, "which season a text is about"),
    RuleBook("novelty: facts", FACT_STATUS, _novelty, "does the article already state the fact?"),
    RuleBook("novelty: words", RESTATEMENT, _novelty, "does a report with no fact restate the article?"),
    RuleBook("novelty: retold", (RETOLD,), _novelty, "does a report retell known news with a relative date?"),
    RuleBook("no news", NO_NEWS, _no_news, "roundups and explainers"),
    RuleBook("no news: commentary", (COMMENTARY,), _commentary, "a factless piece that announces nothing"),
    RuleBook(
        "no news: joins only",
        (NAMES_NO_SEASON, SPEAKS_OF_A_FACT),
        _joins_only,
        "a factless piece that names no season, or speaks of a fact untold",
    ),
    RuleBook("sameness", SAMENESS, _sameness, "is this the same story, this morning or a day later?"),
    RuleBook("told before", TOLD, _told, "has a story already told this fact?"),
    RuleBook("structured facts", STRUCTURED, _structured, "what a TVmaze or Wikipedia fact is"),
    RuleBook("headlines", HEADLINE_CLEANING, _headline, "a clean headline"),
)
