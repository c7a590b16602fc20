"""Real-world documents from the shared corpus (feeds captured by other projects' test suites,
real TVmaze and MediaWiki answers), read in place. Skipped when ../shared is not there, so the
project's own test command passes on a user's machine."""

from __future__ import annotations

import gzip
import json
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from conftest import CORPUS

from scrapers import SOURCE_TYPES
from scrapers.source_type import Document, ParseError
from seasonwatch.markup import normalize_text
from seasonwatch.models import SourceSpec

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason=f"the shared corpus is not at {CORPUS}")

FEEDS = CORPUS / "feeds"
FETCHED_AT = datetime(2026, 1, 1, tzinfo=UTC)

# Items read per corpus feed. Where it differs from the number of <item>/<entry> tags, why:
ITEMS = {
    "news/bbc_chinese.atom": 2,
    "news/bbc_in_our_time.rss": 1,
    "news/bbc_urdu.rss": 26,
    "news/github_commits.atom": 20,
    "news/google_alerts.atom": 20,
    "news/guardian_us.rss": 55,
    "news/heise.atom": 15,
    "news/heise_rdf.xml": 60,
    "news/huffpost_canada.rss": 2,
    "news/ilgiornale.rss": 1,
    "news/livemint.rss": 25,
    "news/nbc_newyork.rss": 1,
    "news/nyt_wirecutter.rss": 1,
    "news/reddit_mediarss.atom": 25,
    "news/spiegel.rss": 1,
    "news/talkingpointsmemo.atom": 20,
    "news/techcrunch.rss": 20,
    "news/washingtonpost_wellness.rss": 29,
    "news/youtube_channel.atom": 15,
    "odd/dicas_l_rss091_latin1.rss": 1,
    "odd/donthitsave_bom.rss": 10,
    "odd/fcutrecht_bad_xml_decl.rss": 20,
    "odd/feedparser_big5_undeclared.rss": 0,  # a feed title and no entries
    "odd/feedparser_corrupted_ampersands.rss": 1,
    "odd/feedparser_high_bit_date.rss": 0,  # a channel date and no items
    "odd/feedparser_incomplete_cdata.rss": 0,  # its one <item> is cut off inside the title: empty
    "odd/feedparser_shiftjis_undeclared.rss": 1,
    "odd/golem_iso8859-1.rss": 40,
    "odd/ibash_windows-1251.rss": 50,
    "odd/inovacao_tecnologica_latin1.rss": 1,
    "odd/invalid_chars.rss.gz": 25,
    "odd/invalid_date_format.rss": 2,
    "odd/jn_pt_iso8859-1.rss": 40,
    "odd/kc0011_gb2312.rss": 20,
    "odd/lecerclepsy_no_decl_latin1.rss": 9,  # 10 tags; one item is empty apart from a date
    "odd/macworld.rss": 30,
    "odd/oren_ru_windows-1251.rss": 10,
    "odd/pcmag_illegally_nested.rss": 10,  # 20 tags; every real item holds an empty nested <item />
    "odd/reuters_most_read_invalid.rss": 0,  # cut off before its first item
    "odd/typepad_leading_space.atom": 10,
    "odd/uol_noticias_no_decl_latin1.rss": 15,
}
# Where the expected parse (feed-rs) found no date and we read one, what we read: NBC writes
# "Sat, Dec 16 2023 02:02:33 PM" without a zone, taken in the feed's own zone (-0500).
DATES_FEED_RS_MISSED = {("nbc_newyork", "4956764"): "2023-12-16T19:02:33+00:00"}
# Headlines in these scripts and encodings, read right whatever the feed declared
SPOT_CHECKS = {
    "odd/feedparser_shiftjis_undeclared.rss": "DrecomRSSに記事投稿が反映されない…",
    "odd/kc0011_gb2312.rss": "建国35周年纪念，华表，和平鸽",
    "odd/ibash_windows-1251.rss": "Цитата #17703",
    "odd/uol_noticias_no_decl_latin1.rss": "Ibope: Bolsonaro perde de Haddad, Ciro e Alckmin em simulações de 2º turno",
    "odd/dicas_l_rss091_latin1.rss": "bash - Expansão de Parâmetros",
}
MOJIBAKE = re.compile(r"Ã[\u0080-\u00ff]|â€|\ufffd")


def corpus_feeds() -> list[str]:
    if not FEEDS.is_dir():
        return []
    return sorted(f"{p.parent.name}/{p.name}" for p in FEEDS.glob("*/*") if not p.name.endswith((".json", ".md")))


def read_feed(name: str):
    body = (FEEDS / name).read_bytes()
    if name.endswith(".gz"):
        body = gzip.decompress(body)  # as the HTTP client unwraps a .gz served as-is
    spec = SourceSpec("Corpus", "feed", "https://corpus.example/", options={"url": "https://corpus.example/"})
    return SOURCE_TYPES["feed"].parse(spec, Document(f"https://corpus.example/{name}", body, {}, FETCHED_AT)).updates


def test_every_corpus_feed_is_listed_here():
    assert corpus_feeds() == sorted(ITEMS)


@pytest.mark.parametrize("name", corpus_feeds())
def test_corpus_feed_yields_its_items(name):
    updates = read_feed(name)
    assert len(updates) == ITEMS[name]
    for update in updates:
        assert update.title  # every item gets a headline, from its text if it has no title
        assert not MOJIBAKE.search(update.title + update.summary), update.title
        assert update.published is None or update.published.tzinfo is UTC
        assert "<script" not in update.html
    if name in SPOT_CHECKS:
        assert updates[0].title == SPOT_CHECKS[name]


def expected_files() -> list[Path]:
    return sorted((FEEDS / "news").glob("*.expected.json")) if FEEDS.is_dir() else []


@pytest.mark.parametrize("expected_path", expected_files(), ids=lambda p: p.name)
def test_corpus_feed_matches_its_expected_parse(expected_path):
    stem = expected_path.name.removesuffix(".expected.json")
    feed_name = next(p.name for p in expected_path.parent.glob(f"{stem}.*") if p != expected_path)
    expected = json.loads(expected_path.read_text(encoding="utf-8"))["entries"]
    updates = read_feed(f"news/{feed_name}")
    assert len(updates) == len(expected)
    for update, entry in zip(updates, expected, strict=True):
        assert update.title == normalize_text(entry["title"]["content"])
        assert update.url == entry["links"][0]["href"]
        date = entry["published"] or entry["updated"]
        got = update.published.isoformat() if update.published else None
        if date is None:
            assert got == DATES_FEED_RS_MISSED.get((stem, entry["id"]))
        else:
            assert got == datetime.fromisoformat(date).isoformat()


# ---------------------------------------------------------------------------- TVmaze

TVMAZE = CORPUS / "api" / "tvmaze"


def tvmaze_files() -> list[str]:
    return sorted(str(p.relative_to(TVMAZE)) for p in TVMAZE.rglob("*") if p.is_file()) if TVMAZE.is_dir() else []


def tvmaze_facts(relative: str) -> dict:
    spec = SourceSpec(
        "TVmaze",
        "tvmaze",
        "https://api.tvmaze.com/shows/1",
        ("X",),
        options={"url": "https://api.tvmaze.com/shows/1", "show": "X"},
    )
    document = Document("https://api.tvmaze.com/shows/1", (TVMAZE / relative).read_bytes(), {}, FETCHED_AT)
    observations = SOURCE_TYPES["tvmaze"].parse(spec, document).observations
    return {(o.fact.kind, o.fact.season, o.fact.subject): o.fact.value for o in observations}


@pytest.mark.parametrize("relative", tvmaze_files())
def test_every_tvmaze_answer_gives_facts_or_says_what_it_is(relative):
    is_show = relative.endswith(".json") and ("embed" in relative or relative.startswith("mocks/shows_"))
    is_show = is_show and "page" not in relative
    if is_show:
        assert tvmaze_facts(relative)
    else:  # episodes, search results, empty bodies: a clear reason, never a crash or silence
        with pytest.raises(ParseError, match="TVmaze"):
            tvmaze_facts(relative)


@pytest.mark.skipif(not TVMAZE.is_dir(), reason="no TVmaze corpus")
def test_tvmaze_show_facts_from_real_answers():
    jones = tvmaze_facts("singlesearch_shows_embed_seasons_q_Marvels_Jessica_Jones.json")
    assert jones[("network", None, "")] == "Netflix"  # a web channel
    assert jones[("status", None, "")] == "Running"
    assert jones[("premiere", 1, "")] == "2015-11-20"
    assert jones[("episodes", 1, "")] == "13"
    assert jones[("premiere", 2, "")] == ""  # season 2 listed, no date set yet
    assert ("episodes", 2, "") not in jones
    office = tvmaze_facts("mocks/shows_526_embed_cast_the_office.json")
    assert office[("network", None, "")] == "NBC" and office[("status", None, "")] == "Ended"
    assert office[("cast", None, "Rainn Wilson")] == "Dwight Kurt Schrute"
    assert office[("premiere", 9, "")] == "2012-09-20"
    cast = tvmaze_facts("mocks/shows_succession_cast.json")
    assert cast[("cast", None, "Jeremy Strong")] == "Kendall Roy"
    assert all(kind == "cast" for kind, _, _ in cast)


# ---------------------------------------------------------------------------- MediaWiki

MEDIAWIKI = CORPUS / "api" / "mediawiki"


def wikipedia_parse(path: Path):
    options = {"api": "https://en.wikipedia.org/w/api.php", "page": "Asked For", "show": "X"}
    spec = SourceSpec("Wikipedia", "wikipedia", options["api"], ("X",), options=options)
    return SOURCE_TYPES["wikipedia"].parse(spec, Document(options["api"], path.read_bytes(), {}, FETCHED_AT))


@pytest.mark.parametrize(
    "path",
    sorted(MEDIAWIKI.rglob("*.json")) if MEDIAWIKI.is_dir() else [],
    ids=lambda p: p.name,
)
def test_every_mediawiki_answer_is_read_or_refused_with_a_reason(path):
    if path.name.startswith("parse"):
        parsed = wikipedia_parse(path)
        title = json.loads(path.read_text(encoding="utf-8"))["parse"]["title"]
        assert all(
            o.source_url.endswith("/wiki/" + title.replace(" ", "_").replace("(", "%28").replace(")", "%29"))
            for o in parsed.observations
        )
    else:  # query, REST and Wikidata answers are not what a wikipedia source asks for
        with pytest.raises(ParseError, match="MediaWiki"):
            wikipedia_parse(path)
