"""Is an update about a tracked show? It must name the show and read as news about that series.

Names are matched as written: capitalized, on word boundaries, through curly or straight quotes,
possessives and accents ("a slow drift" is not "Drift"); an all-capitals "DRIFT" counts.
Naming is not enough. The evidence that a name means the series:
- TV words around it (season, episode, premiere, cast, a network, ...), against words of other
  trades (album, tour, novel, CEO, ...): a singer who shares the show's name reads as music;
- names from the show's own world, taken from its article (Port Ellery, Ada Finch);
- for a title that is an everyday word ("Drift", "The Lantern"), a use that can only be the
  title: in quotes, next to "season 2", after a network's possessive, or alongside names from its
  world.
A show named only in another story's headline or deep in a summary is mentioned in passing.

Each refusal is a named rule of `RELEVANCE`, tried in order, with the examples it must hold for.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache

from newsdesk.extract import FactContext, extract_facts
from newsdesk.extract.seasons import season_numbers
from newsdesk.rules import Example, Rule
from newsdesk.text import sentences
from seasonwatch.fact_kinds import Scope, kind_of
from seasonwatch.lexicon.forms import (
    after_leading_the,
    bare_title,
    bare_title_before_a_season,
    fold,
    fold_keep_case,
    stem,
    words,
)
from seasonwatch.lexicon.function_words import NAME_SMALL_WORDS, STOPWORDS, TITLE_CASE_FILLER
from seasonwatch.lexicon.networks import NETWORK_ALTERNATION
from seasonwatch.lexicon.not_names import CAST_DESCRIPTORS, NOT_WORLD
from seasonwatch.lexicon.trades import TRADE_STEMS, TV_STEMS
from seasonwatch.models import ShowSpec

GENRES = r"drama|thriller|comedy|series|show|sitcom|hit|favou?rite|original"
# "Season 2 of Hollow Creek", "Hollow Creek season 2": another show's own season in a headline
OTHER_SHOW_SEASON = re.compile(r"(?:\b[A-Z][\w'’&:-]*(?:\s+[A-Z][\w'’&:-]*){0,4})\s+(?:[Ss]eason|[Ss]eries|S)\s?\d+")
# a title with what marks it as a work of its own: "the Copper Hill pilot", "Copper Hill season 2", "a new film"
ANOTHER_WORK = re.compile(
    r"(?:\b[A-Z][\w'’&:-]*(?:\s+[A-Z][\w'’&:-]*){0,4})\s+(?:[Ss]eason|[Ss]eries|S\d|pilot|film|movie|miniseries|play|album)\b"
    r"|\b(?:new|next|upcoming)\s+(?:film|movie|series|show|play|album)\b"
)
QUOTED_TITLE = re.compile(r"[\"'‘“]([A-Z][^\"'‘’“”]{1,60})[\"'’”]")
_PROPER = re.compile(r"\b[A-Z][a-zA-Z'’\-]{2,}\b")


@dataclass(frozen=True)
class ShowMatch:
    show: ShowSpec | None
    reason: str  # why it is, or why it is not, about the show
    in_title: bool = False
    weak: bool = False  # named, but nothing else ties it to the series: it must state a fact
    world_in_title: bool = False  # the headline names people or places of the show's world
    rule: str = ""  # the rule that refused it, or "names-the-show" for a match


@dataclass(frozen=True)
class ShowWorld:
    """What the newsdesk knows of a show to recognise it: its names and its article's proper nouns."""

    show: ShowSpec
    names: frozenset[str]  # folded proper nouns from the article, the show's own name left out

    @classmethod
    def from_article(cls, show: ShowSpec, sentences_: list[str]) -> ShowWorld:
        return cls(show, article_names(sentences_, show))


def article_names(article_sentences: list[str], show: ShowSpec) -> frozenset[str]:
    """Proper nouns of an article's prose: capitalized words, not opening a sentence, that it never
    writes in lower case. (Its title is left out: a title capitalizes every word.)"""
    plain = fold_keep_case(" ".join(article_sentences))
    lower = {w for w in re.findall(r"\b[a-z][a-z'’\-]+\b", plain)}
    own = {fold(w) for name in show.names for w in words(name)}
    found = set()
    inside = " ".join(re.sub(r"^\W*\w+", "", fold_keep_case(s)) for s in article_sentences)
    for word in _PROPER.findall(inside):
        folded = fold(word).removesuffix("'s").removesuffix("’s")
        if folded in lower or folded in STOPWORDS or folded in NOT_WORLD or folded in own or len(folded) < 3:
            continue
        found.add(folded)
    return frozenset(found)


def world_overlap(text: str, world: ShowWorld) -> set[str]:
    return {fold(w).removesuffix("'s") for w in _PROPER.findall(fold_keep_case(text))} & world.names


@lru_cache(maxsize=512)
def is_everyday_name(name: str) -> bool:
    """A title that is one word, or one word after "The", "A": it reads as ordinary English too
    ("Drift", "The Lantern")."""
    tokens = [t for t in words(name) if t not in STOPWORDS]
    return len(tokens) <= 1


@lru_cache(maxsize=512)
def _name_pattern(name: str) -> re.Pattern[str]:
    """The show's name as written, or in capitals; its small words in any case ("The Last Of Us"),
    a leading "The" left out or in lower case when two words or more remain ("Last of Us"); a
    possessive after it ("Hollow Creek's") still names the show."""
    plain = fold_keep_case(name)
    rest = after_leading_the(plain)  # "The Last of Us" also as "Last of Us"
    written = r"[\s\-]+".join(
        f"(?i:{re.escape(w)})" if w.casefold() in NAME_SMALL_WORDS and (i or rest) else re.escape(w)
        for i, w in enumerate((rest or plain).split())
    )
    as_written = rf"(?:(?i:the)[\s\-]+)?{written}" if rest else written
    upper = re.escape(fold_keep_case(name).upper()).replace(r"\ ", r"[\s\-]+")
    return re.compile(rf"(?<![\w])(?:{as_written}|{upper})(?:['’]s|['’])?(?![\w])")


@lru_cache(maxsize=512)
def _name_words(names: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """The words of each name, and the bare word of a two-word "The" title ("witcher")."""
    bare = tuple((word,) for name in names if (word := bare_title(fold(name))))
    return tuple(tuple(fold(name).split()) for name in names) + bare


@lru_cache(maxsize=512)
def _bare_name_pattern(name: str) -> re.Pattern[str] | None:
    """ "Witcher S2", "witcher season two" for "The Witcher": a two-word title without its "The",
    where a season follows it; None for a title of any other shape."""
    bare = bare_title_before_a_season(fold_keep_case(name))
    return re.compile(rf"(?<![\w])(?i:{bare})(?:['’]s)?") if bare else None


def _loosely_named(texts: list[tuple[str, bool]], show: ShowSpec) -> tuple[int, int]:
    """How often the headline and the summary name the show only without its "The", before a season."""
    patterns = [p for name in show.names if (p := _bare_name_pattern(name)) is not None]
    in_title, in_summary = (
        sum(1 for p in patterns for m in p.finditer(plain) if _stands_alone(plain, m.start())) for plain, _ in texts
    )
    return in_title, in_summary


_WORD_BEFORE = re.compile(r"([^\W\d_][\w'’-]*)([^\w]*)$")


def _stands_alone(text: str, start: int) -> bool:
    """Does the word at `start` begin a name of its own: no other word of a name before it ("Green
    Lantern S2" is another title), only a small word ("in Lantern S2") or punctuation ("Hissrich:")."""
    before = _WORD_BEFORE.search(text[max(0, start - 40) : start])
    if before is None or re.search(r"[:;,.!?|\"“”‘’'()\[\]–—-]", before.group(2)):
        return True
    return fold(before.group(1)) in STOPWORDS


def mentions(text: str, show: ShowSpec) -> int:
    """How often `text` names the show, by any of its names, written as a title is written; in
    a text written all in lower case ("drift s3 drops next month"), however it is written."""
    plain = fold_keep_case(text)
    return _count_mentions(plain, uncased(plain), show)


def _count_mentions(plain: str, lower_case: bool, show: ShowSpec) -> int:
    """`mentions` of a text already folded and judged for case: once per text, not once per show."""
    if lower_case:
        folded = fold(plain)
        return sum(
            len(re.findall(rf"(?<![\w]){re.escape(fold(name))}(?:'s|')?(?![\w])", folded)) for name in show.names
        )
    return sum(len(_name_pattern(name).findall(plain)) for name in show.names)


def uncased(text: str) -> bool:
    """Written without capitals (social-media style), but for the odd acronym ("the HR lady"):
    capitalization says nothing here."""
    # an acronym in capitals ("HR", "TV") inside a post that opens in lower case is no capital word
    words_ = re.findall(r"[^\W\d_]+", text)
    if not words_ or words_[0][0].isupper():
        return False
    return not any(w[0].isupper() and not w.isupper() for w in words_)


_WORD = re.compile(r"[^\W\d_]{2,}")
_SENTENCE_STOP = re.compile(r"[.!?]")


def shouted(text: str) -> bool:
    """In capitals ("NADIA SOREL ON THE SET. the photos are out"): more than half its words, or
    all of its first sentence's."""
    if not any(c.isupper() for c in text):
        return False
    words_ = _WORD.findall(text)
    opening = _WORD.findall(_SENTENCE_STOP.split(text, maxsplit=1)[0])
    if len(words_) < 2:
        return False
    return sum(w.isupper() for w in words_) * 2 > len(words_) or (len(opening) >= 2 and all(w.isupper() for w in opening))


def title_cased(text: str) -> bool:
    """Most longer words capitalized ("Hollow Creek Won't Get A Season 3"): capitals say nothing
    about which words form a name."""
    longer = [w for w in re.findall(r"[A-Za-z][\w'’]+", text) if len(w) >= 4]
    return len(longer) >= 3 and sum(w[0].isupper() for w in longer) >= 0.8 * len(longer)


def trade_signal(text: str) -> tuple[int, int, str]:
    """(TV words, words of the strongest other trade, that trade)."""
    # "100 million streams" counts plays of a song, not a TV release
    text = re.sub(r"\b(?:million|billion)\s+streams\b", " song plays ", text, flags=re.I)
    terms = [stem(w) for w in words(text)]
    tv = sum(1 for t in terms if t in TV_STEMS)
    best, label = 0, ""
    for trade, vocabulary in TRADE_STEMS.items():
        count = sum(1 for t in terms if t in vocabulary)
        if count > best:
            best, label = count, trade
    return tv, best, label


def _used_as_title(text: str, show: ShowSpec) -> bool:
    """ "'Drift'", "Drift season 3", "DRIFT S3", a network's "Drift", "the drama The Lantern"."""
    plain = fold_keep_case(text)
    if uncased(plain):
        plain = plain.title()
    for name in show.names:
        title = re.escape(fold_keep_case(name))
        upper = re.escape(fold_keep_case(name).upper())
        either = rf"(?:{title}|{upper})"
        cues = [
            rf"[\"'‘“]{either}[\"'’”](?![A-Za-z])",
            rf"(?<![\w]){either}(?:['’]s)?\s+(?:[Ss]eason|SEASON|[Ss]eries|S\d|[Ss]\d)",
            rf"{NETWORK_ALTERNATION}(?:['’]s)?\s+(?:(?:{GENRES})\s+)?{either}(?![\w])",
            rf"(?:[Ss]eason|[Ss]eries)\s+\w+\s+of\s+{either}(?![\w])",
            rf"(?<![\w]){either}(?:['’]s)?\s+(?:showrunner|cast|creator|star|trailer|teaser|finale|premiere)\b",
        ]
        if (bare := _bare_name_pattern(name)) is not None:
            cues.append(bare.pattern)  # "Lantern S2": a title, written without its "The"
        if any(re.search(cue, plain) for cue in cues):
            return True
    return False


def _inside_other_name_everywhere(parts: list[str], show: ShowSpec) -> bool:
    """Judged where capitals can tell, among the `parts` (headline, summary) that name the show: a
    Title Case headline ("Drift Won't Get A Season 4") is decided by its summary."""
    quoted = [p for p in parts if _inside_quoted_title(p, show)]
    if quoted and len(quoted) == len(parts):
        return True
    readable = [p for p in parts if not _capitals_say_nothing(fold_keep_case(p))]
    return bool(readable) and all(_inside_other_name(p, show) for p in readable)


def _capitals_say_nothing(plain: str) -> bool:
    return title_cased(plain) or plain.isupper() or uncased(plain)


def _inside_quoted_title(text: str, show: ShowSpec) -> str | None:
    """ "'Drift Runners: The Last Reef'": the other quoted title the show's name (or one of
    its aliases) is only inside, if it is."""
    plain = fold_keep_case(text)
    for quoted in QUOTED_SPAN.findall(plain):
        if quoted.lstrip(" '‘\"“")[:1].islower():
            continue  # "'cast in Hollow Creek season two'": a claim quoted, and a title starts with a capital
        inside = any(re.search(rf"(?<![\w]){re.escape(fold_keep_case(n))}(?![\w])", quoted) for n in show.names)
        # "'Hollow Creek 2'", "'Drift' Season 3": the title itself, with its season
        bare = re.sub(
            r"[\s:,–—-]*(?:\d{1,2}|(?:season|series)\s+\w+|s\d{1,2})$", "", quoted.strip(" .,:;!?"), flags=re.I
        )
        whole = any(bare.casefold() == fold_keep_case(n).casefold() for n in show.names)
        if inside and not whole and not re.search(_outside_quotes_pattern(show), QUOTED_SPAN.sub(" ", plain)):
            return quoted
    return None


def _inside_other_name(text: str, show: ShowSpec) -> bool:
    """ "Continental Drift", "Drift Kings", "The Drift Line": the everyday title is only
    part of a longer capitalized name, never used alone. Only sentence case can tell: in a Title
    Case or all-capitals headline every word is capitalized."""
    plain = fold_keep_case(text)
    for name in show.names:
        spelled = re.escape(fold_keep_case(name))
        for match in re.finditer(rf"(?<![\w]){spelled}(?![\w])", plain):
            after = re.match(r"['’]?s?\s+([A-Z][\w'’]*)", plain[match.end() :])
            before = re.search(r"([A-Z][\w'’]*)\s+$", plain[: match.start()])
            joined_after = after and after.group(1).lower() not in TITLE_CASE_FILLER
            joined_before = (
                before
                and before.group(1).lower() not in TITLE_CASE_FILLER
                and not re.search(r"(?:^|[.:!?]\s*)[A-Z][\w'’]*\s+$", plain[: match.start()])
            )
            if not (joined_after or joined_before):
                return False
    return True


QUOTED_SPAN = re.compile(r"[\"'‘“]([^\"'‘’“”]{2,80})[\"'’”](?![A-Za-z])")


def _outside_quotes_pattern(show: ShowSpec) -> str:
    return "|".join(rf"(?<![\w]){re.escape(fold_keep_case(n))}(?![\w])" for n in show.names)


_ROLE_WORDS = re.compile(r"\b(?:role|character|cameo)s?\b", re.I)


def _used_as_place(title: str, show: ShowSpec) -> bool:
    """ "Copper Hill season 3 wraps production in Drift": an everyday title after "in", "at" or
    "from", unquoted, is the city, the region, the word."""
    plain = fold_keep_case(title)
    if _ROLE_WORDS.search(plain):
        return False  # "Nadia Sorel in Drift: what we know about her role": a place has no roles
    return any(
        re.search(
            rf"\b(?i:in|at|from|near|around|outside|across|to)\s+(?:the\s+)?{re.escape(fold_keep_case(n))}(?![\w'’])",
            plain,
        )
        for n in show.names
        if not n.startswith("The ")  # "in The Lantern": a capital The mid-sentence is a title
    )


COMPARISON = (
    r"after|like|than|since|while you wait for|wait for|fans of|if you (?:like|love)d?|in the vein of|meets"
    r"|successor to|heir to|follow-?up to|from the (?:makers|creators?) of"
)


def _compared_to(title: str, show: ShowSpec) -> str:
    """ "Shows like The Lantern", "the next sailing drama after 'Drift'": another story's subject."""
    plain = fold_keep_case(title)
    for name in show.names:
        match = re.search(rf"\b(?:{COMPARISON})\s+(?:the\s+)?[\"'‘“]?{re.escape(fold_keep_case(name))}", plain, re.I)
        if match:
            return match.group(0)
    return ""


@dataclass(frozen=True)
class Sighting:
    """An update that names a show, with the signals the relevance rules weigh, computed once."""

    title: str
    summary: str
    world: ShowWorld
    in_title: int  # times the headline names the show
    in_summary: int
    shared: frozenset[str]  # names from the show's world it mentions
    tv: int  # TV words
    other: int  # words of the strongest other trade
    trade: str
    titled: bool  # the name is used as only a title is
    everyday: bool  # every name of the show is an everyday word, and nothing above says otherwise
    headline_tells: bool = False  # its headline states a fact of the show's (read only when it matters)

    @classmethod
    def of(cls, title: str, summary: str, world: ShowWorld, in_title: int, in_summary: int) -> Sighting:
        text = f"{title}. {summary}"
        shared = frozenset(world_overlap(text, world))
        tv, other, trade = trade_signal(text)
        titled = _used_as_title(text, world.show)
        everyday = all(is_everyday_name(n) for n in world.show.names) and not shared and not titled
        # words of another trade weigh against the show unless the headline casts someone in it
        # ("joins Hacks as the network's HR chief": the part's words are business words), or
        # states a fact of a season it names ("the network chief says Hollow Creek S2 returns in <month>")
        tells = bool(other and in_title) and any(
            kind_of(f).scope is Scope.PERSON or (kind_of(f).scope is Scope.SEASON and season_numbers(title))
            # (read as written, as an article is: whatever day it is, its dates stand)
            for f in extract_facts(title, FactContext(world.show.names, world.show.season), article=True)
        )
        return cls(title, summary, world, in_title, in_summary, shared, tv, other, trade, titled, everyday, tells)

    @property
    def name(self) -> str:
        return self.world.show.name

    @property
    def naming_parts(self) -> list[str]:
        return [part for part, count in ((self.title, self.in_title), (self.summary, self.in_summary)) if count]


@dataclass(frozen=True)
class RelevanceRule(Rule):
    """A reason an update that names the show is not news about it: `refuse` returns it, or None."""

    refuse: Callable[[Sighting], str | None] = lambda sighting: None


def _other_trade(s: Sighting) -> str | None:
    if s.other > s.tv + len(s.shared) and not s.headline_tells:
        return f"names '{s.name}' but reads as {s.trade} news, not TV"
    return None


def _inside_another_name(s: Sighting) -> str | None:
    if s.everyday and _inside_other_name_everywhere(s.naming_parts, s.world.show):
        return f"'{s.name}' appears only inside another name"
    return None


def _a_place(s: Sighting) -> str | None:
    if s.everyday and _used_as_place(s.title, s.world.show):
        return f"'{s.name}' is a place in this headline, not the show"
    return None


def _inside_quoted_title_rule(s: Sighting) -> str | None:
    if s.in_title and (outer := _inside_quoted_title(s.title, s.world.show)):
        return f"'{s.name}' is named only inside another title, {outer!r}"
    return None


def _comparison(s: Sighting) -> str | None:
    if comparison := _compared_to(s.title, s.world.show):
        return f"'{s.name}' is only a point of comparison ({comparison!r})"
    return None


def _another_shows_story(s: Sighting) -> str | None:
    if not s.in_title and (other_show := OTHER_SHOW_SEASON.search(s.title) or QUOTED_TITLE.search(s.title)):
        return f"'{s.name}' is mentioned only in passing in a story about {other_show.group(0).strip()!r}"
    return None


def _deep_in_the_summary(s: Sighting) -> str | None:
    if s.in_title:
        return None
    lead = sentences(s.summary)[:1]
    if not (lead and mentions(lead[0], s.world.show)) and s.in_summary < 2:
        return f"'{s.name}' is mentioned only in passing, not in the headline or lead"
    return None


def _a_cast_members_other_work(s: Sighting) -> str | None:
    """ "Drift Star Jane Doe Joins A New Film": the show names who a person is, not what the news is
    about, unless the headline speaks of one of its seasons."""
    if not s.in_title:
        return None
    plain = fold_keep_case(s.title)
    for name in s.world.show.names:
        spelled = re.escape(fold_keep_case(name))
        described = re.search(rf"(?<![\w]){spelled}['’]?s?['’\"”]?\s+(?i:{'|'.join(CAST_DESCRIPTORS)})\s+[A-Z]", plain)
        if described and not season_numbers(plain) and not re.search(r"\b(?i:season|series)\b", plain):
            return f"'{s.name}' only says who a person is: the news is {described.group(0).split()[-2].lower()}'s other work"
    return None


def _passing_in_another_trade(s: Sighting) -> str | None:
    # named only in passing, or only as an everyday word, in a story of another trade
    if (not s.in_title or s.everyday) and s.other and s.other >= s.tv and not s.headline_tells:
        return f"'{s.name}' is mentioned in a story that reads as {s.trade or 'other'} news"
    return None


def _e(text: str, expect: str | None, note: str = "") -> Example:
    return Example(text, expect, note)


# The refusals, in the order they are tried; an update that passes them all is about the show.
RELEVANCE: tuple[RelevanceRule, ...] = (
    RelevanceRule(
        "reads-as-another-trade",
        "more words of music, books, sport or business than of TV and the show's world",
        (
            _e("Drift announces a spring tour || The band's new album is out in the fall.", None),
            _e("Hollow Creek singer tops the charts with a new single || Her album and tour follow.", None),
            _e("Drift season 3 sets its premiere || The sailing drama returns to Port Ellery.", "Drift"),
            _e("Hollow Creek season 2 trailer is here", "Hollow Creek"),
            _e("The Lantern frontman talks the band's new record || The singer's album tour starts in May.", None),
            _e("Drift author signs a new novel deal || The bestseller's publisher confirms the book.", None),
            _e("HOLLOW CREEK SEASON 2 GETS A DATE", "Hollow Creek", "all in capitals"),
            _e(
                "Network Chief Says Hollow Creek S2 Returns in June || The CEO told investors and analysts on the "
                "earnings call.",
                "Hollow Creek",
                "a season's fact in the headline is TV news",
            ),
            _e(
                "Drift safety guidance 2031 || Secondary schools will teach the curriculum to pupils from September.",
                None,
                "schooling",
            ),
        ),
        _other_trade,
    ),
    RelevanceRule(
        "inside-another-name",
        "an everyday title that is only part of a longer capitalized name",
        (
            _e("The geology docuseries Continental Drift returns with new episodes", None),
            _e("Drift Kings season 2 sets a date || The racing reality show returns.", None),
            _e("The Lantern Keepers season 2 sets a date || The lighthouse reality series returns.", None),
            _e("Drift season 3 sets a date || The sailing drama returns.", "Drift"),
            _e("Watch The Drift Line season 2 trailer || The ferry docuseries returns.", None),
        ),
        _inside_another_name,
    ),
    RelevanceRule(
        "a-place-not-the-show",
        "an everyday title after 'in', 'at' or 'from', unquoted, is a place or a word",
        (
            _e("Copper Hill season 3 wraps production in Drift || The crew spent weeks there.", None),
            _e("Harbour Lights films at Drift for its second season || Locals welcomed the crew.", None),
            _e("Jonah Pike back in 'Drift' season 3 || He returns as Kai Brandt.", "Drift"),
            _e("A new mystery series films in Drift this spring || The harbour town hosts the crew.", None),
            _e("Nadia Sorel in Drift: what we know about her role || Nadia Sorel joins season 3; her character is secret.", "Drift",
               note="a place has no roles"),
        ),
        _a_place,
    ),
    RelevanceRule(
        "inside-another-title",
        "the show's name only inside another quoted title",
        (
            _e("Watch the 'Hollow Creek Chronicles' trailer || A spin-off podcast with new hosts.", None),
            _e("'Hollow Creek: After the Flood' gets a teaser || A documentary about the real valley.", None),
            _e("'Hollow Creek' Season 2 gets a teaser", "Hollow Creek"),
            _e("Nadia Sorel 'cast in Hollow Creek season two' || She is said to have filmed a guest part.", "Hollow Creek",
               note="a quoted claim, in lower case: no title"),
        ),
        _inside_quoted_title_rule,
    ),
    RelevanceRule(
        "only-a-comparison",
        "the show named as a point of comparison ('shows like', 'from the makers of')",
        (
            _e("Ten shows like Hollow Creek to stream this winter", None),
            _e("From the creators of Hollow Creek comes a new mystery series", None),
            _e("The next sailing drama after 'Drift' sets its cast", None),
            _e("If you loved Hollow Creek, try this new valley thriller", None),
            _e("The new mystery is the successor to Hollow Creek", None),
            _e("Hollow Creek season 2 trailer: the flood returns", "Hollow Creek"),
        ),
        _comparison,
    ),
    RelevanceRule(
        "passing-in-another-shows-story",
        "named only in the summary of a headline about another show's season or title",
        (
            _e(
                "Copper Hill season 3 sets a June date || Odile Brandt returns; Hollow Creek fans will spot a cameo.",
                None,
            ),
            _e("'Night Ferry' gets a teaser || It comes from the writer of Hollow Creek.", None),
            _e("Copper Hill season 3 trailer is here || From the producers of Hollow Creek.", None),
        ),
        _another_shows_story,
    ),
    RelevanceRule(
        "passing-deep-in-the-summary",
        "named once, only past the summary's first sentence",
        (
            _e(
                "Streaming picks for the weekend || A new baking contest leads the list. Hollow Creek is also there.",
                None,
            ),
            _e(
                "New trailer for the mystery drama || Hollow Creek season 2 gets a first trailer, showing the valley.",
                "Hollow Creek",
            ),
        ),
        _deep_in_the_summary,
    ),
    RelevanceRule(
        "a-cast-members-other-work",
        "the show's name only describes a person ('Drift star Jane Doe joins a new film'): their other work",
        (
            _e("'Hollow Creek' Star Nadia Sorel Joins The Cast Of A Broadway Revival", None),
            _e("Drift Alum Jonah Pike Boards A Space Thriller At A Rival Studio", None),
            _e("The Lantern Star Priya Castellan On Playing A Chef In 'Salt And Smoke'", None),
            _e("Hollow Creek Star Mara Quill Confirms Season 2 Filming Is Done", "Hollow Creek", "its own season"),
        ),
        _a_cast_members_other_work,
    ),
    RelevanceRule(
        "passing-in-another-trade",
        "named in passing, or as an everyday word, in a story that reads as another trade's news",
        (
            _e("A streamer's quarter || Its earnings call named Hollow Creek, its new series.", None),
            _e("Hollow Creek season 2 premiere date set", "Hollow Creek"),
            _e("Nadia Sorel joins Drift as the company's chief executive", "Drift", "the headline states a casting"),
        ),
        _passing_in_another_trade,
    ),
)

# An update that names a show only weakly (an everyday title, one TV word, named only in the
# summary) is news about it only when it states a fact about the series; the reader applies it.
STATES_NOTHING = Rule(
    "named-but-states-nothing",
    "named without anything else tying it to the series, and stating no fact about it",
    (
        _e("Drift at sea: tips for a long winter night || How to sleep on a moving boat.", None),
        _e("Drift's big episode || A night to remember for the family.", None, "one TV word alone"),
        _e("Drift season 3 premieres March 8", "Drift"),
        _e("drift s3 drops on march 8 || the crew is back", "Drift", "written all in lower case"),
        _e("hollow creek s2 trailer just dropped and i'm not ok", "Hollow Creek", "a lower-case post"),
        _e(
            "nadia sorel in hollow creek s2 as the HR lady is perfect casting",
            "Hollow Creek",
            "lower case but an acronym",
        ),
        _e("‘Hollow Creek’ Season 2 Casts Nadia Sorel", "Hollow Creek"),
        _e(
            "Ada Finch returns April 10 || The streamer dates the second season of Hollow Creek.",
            "Hollow Creek",
            "a headline naming the show's people is about it: its date is stated",
        ),
        _e("DRIFT RENEWED. i am screaming", "Drift", "capitals say no more than lower case"),
        _e("Lantern S2 premieres April 10", "The Lantern", "a two-word title without its 'The', before a season"),
        _e("Ezra Vance cast as the ferryman in Lantern Season 2", "The Lantern"),
        _e(
            "Castellan: Lantern S2 drops the flashbacks || The keeper's story now runs in order.",
            None,
            "named only without its 'The': it must state a fact",
        ),
        _e("Hollow Creek's second season sets a March return", "Hollow Creek"),
    ),
)


# An update whose headline speaks only of seasons before the tracked one, and that states nothing
# about the tracked season or a later one, is that earlier season's news; the reader applies it.
ABOUT_AN_EARLIER_SEASON = Rule(
    "about-an-earlier-season",
    "a headline about an earlier season only (its ratings, its finale), with no fact about the tracked one",
    (
        _e("Hollow Creek Season 1 Finale Draws 2.4M Viewers", None),
        _e("Hollow Creek season one finale: what time it lands tonight", None),
        _e(
            "Hollow Creek series one finale: when it lands || The last episode arrives on Wednesday 5 February.",
            None,
            "the summary's date, with no season named, is the headline's season's",
        ),
        _e("Catch up on Hollow Creek season 1 before season 2 premieres March 8", "Hollow Creek"),
    ),
)


# An update that names several tracked shows is about one; `match_show` applies it.
WHICH_SHOW = Rule(
    "the-show-named-first",
    "of several tracked shows named, the one the headline names, then the one named most, then the first",
    (
        _e(
            "The streamer's spring: The Lantern Returns April 10, Hollow Creek April 13 || "
            "The Lantern S2 opens April 10; Hollow Creek S2 follows.",
            "The Lantern",
            "both named twice: the first",
        ),
        _e(
            "Hollow Creek season 2 sets a date || Fans of The Lantern will want to watch it too.",
            "Hollow Creek",
            "the headline's show",
        ),
    ),
)


def match_show(title: str, summary: str, worlds: list[ShowWorld]) -> ShowMatch:
    """The tracked show this update is news about, or None with the reason and the rule."""
    if _surely_names_no_show(title, summary, worlds):
        return ShowMatch(None, "names no tracked show", rule="names-no-tracked-show")
    if shouted(title):
        title = title.lower()  # "HOLLOW CREEK RENEWED": capitals say no more than lower case does
    named = []
    texts = [(plain, uncased(plain)) for plain in (fold_keep_case(title), fold_keep_case(summary))]
    folded = " ".join(plain.casefold() for plain, _ in texts)
    for world in worlds:
        if not any(all(word in folded for word in words) for words in _name_words(world.show.names)):
            continue  # not even its words: no need to look for the name as written
        in_title, in_summary = (_count_mentions(plain, lower_case, world.show) for plain, lower_case in texts)
        loose = not (in_title or in_summary)  # no "The Witcher" anywhere: "Witcher S2" is a loose naming
        loose_title, loose_summary = _loosely_named(texts, world.show)
        in_title, in_summary = in_title or loose_title, in_summary or loose_summary
        if in_title or in_summary:
            named.append((world, in_title, in_summary, loose))
    if not named:
        return ShowMatch(None, "names no tracked show", rule="names-no-tracked-show")
    # the show named in the headline first, then the one named most, then the one named earliest
    named.sort(key=lambda c: (c[1] > 0, c[1] + c[2], -_first_named(title, c[0].show)), reverse=True)
    refusals = []
    for world, in_title, in_summary, loose in named:
        match = _judge(Sighting.of(title, summary, world, in_title, in_summary))
        if match.show is not None:
            # named only as "Witcher S2": it must state a fact of the show to be its news
            return replace(match, weak=True) if loose else match
        refusals.append(match)
    return refusals[0]


def _surely_names_no_show(title: str, summary: str, worlds: list[ShowWorld]) -> bool:
    """The cheap first pass for the nine in ten updates about shows nobody tracks: True only when
    `match_show`'s own word test would pass over every show. That test needs every word of one
    of a show's names in the folded text, so its longest word at least; for an ASCII text the
    folded text is the lowered one (backticks read as apostrophes), with no folding to pay for."""
    text = f"{title} {summary}"
    if not text.isascii():
        return False  # accents and ligatures fold: the full test reads it
    longest = _longest_name_words(tuple(name for world in worlds for name in world.show.names))
    return longest is not None and longest.search(text.lower().replace("`", "'")) is None


@lru_cache(maxsize=64)
def _longest_name_words(names: tuple[str, ...]) -> re.Pattern[str] | None:
    """One pattern of the longest word of each name, found anywhere (as `in` finds a word); None
    when a name has no word (the word test passes it whatever the text says)."""
    longest = [max(words_, key=len) if words_ else "" for words_ in _name_words(names)]
    if not all(longest):
        return None
    return re.compile("|".join(sorted({re.escape(word) for word in longest}, key=len, reverse=True)))


def _first_named(text: str, show: ShowSpec) -> int:
    """Where in the text the show is first named (its length when it is not)."""
    folded = text.casefold()
    found = [at for name in show.names if (at := folded.find(name.casefold())) >= 0]
    return min(found, default=len(text))


def _judge(sighting: Sighting) -> ShowMatch:
    for rule in RELEVANCE:
        if (reason := rule.refuse(sighting)) is not None:
            return ShowMatch(None, reason, rule=rule.name)
    evidence = [f"{sighting.tv} TV words"] if sighting.tv else []
    if sighting.shared:
        evidence.append("names from its world: " + ", ".join(sorted(sighting.shared)[:3]))
    if sighting.titled:
        evidence.append("written as a title")
    # Only its facts can tell whether a report that merely contains the name is about the series:
    # an everyday title used as a word, one TV word alone ("episode" fits a quiz contestant who
    # shares the name), a show named only in the summary
    weak = sighting.everyday or not sighting.in_title or not (sighting.shared or sighting.titled or sighting.tv >= 2)
    where = "in the headline" if sighting.in_title else "in the lead"
    reason = f"names '{sighting.name}' {where}" + (f" ({'; '.join(evidence)})" if evidence else "")
    # (unless it names another work: "Ada's actor will direct the Copper Hill pilot")
    world_in_title = bool(world_overlap(sighting.title, sighting.world)) and not ANOTHER_WORK.search(sighting.title)
    return ShowMatch(sighting.world.show, reason, bool(sighting.in_title), weak, world_in_title, rule="names-the-show")
