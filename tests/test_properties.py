"""Properties that hold for any input (hypothesis): every parser either reads a document or says
why it cannot, the boundary's output is always clean, and the state gives back what it was given."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scrapers import SOURCE_TYPES, boundary
from scrapers.source_type import Document, Parsed, ParseError
from seasonwatch.models import (
    Decision,
    Fact,
    FactObservation,
    Fate,
    Gathered,
    SourceReport,
    SourceSpec,
    SourceStatus,
    Story,
    StorySource,
    Topic,
    Update,
    Verdict,
)
from seasonwatch.store import Store

NOW = datetime(2026, 3, 1, tzinfo=UTC)
CHECKS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
SPECS = {
    "feed": SourceSpec("Feed", "feed", "https://o.example/feed", options={"url": "https://o.example/feed"}),
    "html": SourceSpec(
        "Page",
        "html",
        "https://o.example/",
        options={"url": "https://o.example/", "item": "article", "title": "h2", "link": "a@href", "date": "time"},
    ),
    "tvmaze": SourceSpec(
        "TVmaze", "tvmaze", "https://t.example/shows/1", ("Show",), {"url": "https://t.example/shows/1"}
    ),
    "wikipedia": SourceSpec(
        "Wiki",
        "wikipedia",
        "https://w.example/w/api.php",
        ("Show",),
        {"api": "https://w.example/w/api.php", "page": "P"},
    ),
}
# any text, lone surrogates and controls included
TEXT = st.text(st.characters(codec=None, exclude_categories=()), max_size=300)
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | TEXT,
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(TEXT, inner, max_size=5),
    max_leaves=30,
)
# documents shaped like what each type expects, with every field free
SHAPED = {
    "feed": st.builds(
        lambda items: json.dumps({"version": "https://jsonfeed.org/version/1.1", "items": items}),
        st.lists(st.dictionaries(st.sampled_from(["id", "url", "title", "summary", "date_published"]), JSON)),
    ),
    "tvmaze": st.builds(
        lambda seasons, cast: json.dumps(
            {"name": "Show", "genres": [], "_embedded": {"seasons": seasons, "cast": cast}}
        ),
        st.lists(JSON, max_size=4),
        st.lists(JSON, max_size=4),
    ),
    "wikipedia": st.builds(lambda text, title: json.dumps({"parse": {"title": title, "wikitext": text}}), TEXT, JSON),
    "html": st.builds(
        lambda parts: (
            "<html><body>"
            + "".join(f"<article><h2>{t}</h2><a href='{h}'>x</a><time>{d}</time></article>" for t, h, d in parts)
            + "</body></html>"
        ),
        st.lists(st.tuples(TEXT, TEXT, TEXT), max_size=4),
    ),
}


def read(kind: str, body: bytes, content_type: str) -> Parsed | None:
    document = Document(SPECS[kind].url, body, {"content-type": content_type}, NOW)
    try:
        return SOURCE_TYPES[kind].parse(SPECS[kind], document)
    except ParseError:
        return None  # "cannot read this, because ...": the one way a parser may fail


@CHECKS
@given(kind=st.sampled_from(sorted(SPECS)), body=st.binary(max_size=2000))
def test_every_parser_reads_any_bytes_or_says_why(kind, body):
    read(kind, body, "application/octet-stream")


@CHECKS
@given(data=st.data())
def test_every_parser_reads_any_document_of_its_shape_or_says_why(data):
    kind = data.draw(st.sampled_from(sorted(SHAPED)))
    text = data.draw(SHAPED[kind])
    parsed = read(kind, text.encode("utf-8", "surrogatepass"), "text/html" if kind == "html" else "application/json")
    if parsed is not None:
        clean_parsed(kind, parsed)


def clean_parsed(kind: str, parsed: Parsed) -> None:
    report = SourceReport(SPECS[kind].name, SPECS[kind].url, SourceStatus.OK)
    _, admitted = boundary.admit(report, parsed)
    assert_clean(admitted)


def assert_clean(parsed: Parsed) -> None:
    limits = boundary.LIMITS
    for update in parsed.updates:
        for text, limit in (
            (update.title, limits.title),
            (update.summary, limits.summary),
            (update.author, limits.author),
        ):
            assert len(text) <= limit and text == boundary.valid_unicode(text)
            text.encode("utf-8")  # no lone surrogate survives
        assert update.title and update.url in ("", boundary.http_url(update.url))
        assert update.url == "" or update.url.split(":", 1)[0].lower() in ("http", "https")
        assert update.published is None or 1900 <= update.published.year < 2200
    for observation in parsed.observations:
        fact = observation.fact
        assert fact.season is None or 1 <= fact.season <= 999
        assert fact.kind != "episodes" or 1 <= int(fact.value) <= 9999
        for text in (fact.subject, fact.value):
            assert len(text) <= limits.fact_text and text == boundary.valid_unicode(text)


URLS = st.one_of(TEXT, st.builds(lambda path: f"https://o.example/{path}", TEXT), st.just("javascript:alert(1)"))


@CHECKS
@given(
    updates=st.lists(
        st.builds(
            Update,
            source=st.just("Feed"),
            url=URLS,
            canonical_url=TEXT,
            guid=TEXT,
            title=TEXT,
            summary=TEXT,
            html=TEXT,
            published=st.none() | st.datetimes(timezones=st.just(UTC)),
            author=TEXT,
        ),
        max_size=5,
    ),
    facts=st.lists(
        st.builds(
            Fact,
            kind=st.sampled_from(["cast", "episodes", "premiere"]),
            season=st.none() | st.integers(),
            subject=TEXT,
            value=TEXT,
        ),
        max_size=5,
    ),
    detail=TEXT,
)
def test_the_boundary_lets_nothing_unclean_through(updates, facts, detail):
    observations = [FactObservation("Show", fact, "Wiki", "https://w.example/", NOW) for fact in facts]
    report, admitted = boundary.admit(
        SourceReport("Feed", "https://o.example/", SourceStatus.FAILED, detail), Parsed(updates, observations)
    )
    assert_clean(admitted)
    assert report.detail == boundary.valid_unicode(report.detail)


@CHECKS
@given(
    title=TEXT,
    summary=TEXT,
    subject=TEXT,
    url=URLS,
)
def test_the_state_gives_back_what_the_boundary_admitted(tmp_path_factory, title, summary, subject, url):
    report = SourceReport("Feed", "https://o.example/", SourceStatus.OK)
    update = Update("Feed", url, "", "g", f"Title {title}", summary)
    _, admitted = boundary.admit(
        report, Parsed([update], [FactObservation("Show", Fact("cast", 2, subject, "Role"), "Wiki", "", NOW)])
    )
    [clean] = admitted.updates
    [observation] = admitted.observations
    story = Story(
        id="sw-1",
        show="Show",
        topic=Topic.CAST,
        section="Cast",
        headline=clean.title,
        summary=clean.summary,
        facts=[observation.fact],
        sources=[StorySource("Feed", clean.title, clean.url, None, clean.summary, clean.key)],
        first_seen=NOW,
        updated=NOW,
    )
    store = Store.open(tmp_path_factory.mktemp("state") / "s.sqlite3")
    try:
        store.commit_run(
            started=NOW,
            finished=NOW,
            gathered=Gathered(updates=[clean], observations=[observation], reports=[report]),
            decision=Decision(
                new_stories=[story],
                verdicts=[Verdict("Feed", clean.title, Fate.NEW, "", story_id="sw-1", update_key=clean.key)],
                known_facts=[observation],
            ),
            digest=None,
        )
        [back] = store.stories()
        assert (back.headline, back.summary, back.facts, back.sources[0].url) == (
            story.headline,
            story.summary,
            story.facts,
            clean.url,
        )
        assert store.history().update_story == {clean.key: "sw-1"}
    finally:
        store.close()
