"""Is an update about a tracked show? It must name the show and read as news about that series.

Names are matched as written: capitalized, on word boundaries, through curly or straight quotes,
possessives and accents ("line of succession" is not "Succession"); an all-capitals "YOU" counts.
Naming is not enough. The evidence that a name means the series:
- TV words around it (season, episode, premiere, cast, Netflix, ...), against words of other trades
  (album, tour, novel, CEO, ...): a singer who shares the show's name reads as music;
- names from the show's own world, taken from its article (Winden, Gilead, Logan Roy);
- for a title that is an everyday word ("Dark", "You", "The Crown"), a use that can only be the
  title: in quotes, next to "season 2", after "Netflix's", or alongside names from its world.
A show named only in another story's headline or deep in a summary is mentioned in passing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from newsdesk.text import sentences
from seasonwatch.lexicon.forms import fold, fold_keep_case, stem, words
from seasonwatch.lexicon.function_words import STOPWORDS, TITLE_CASE_FILLER
from seasonwatch.lexicon.networks import NETWORK_ALTERNATION
from seasonwatch.lexicon.not_names import NOT_WORLD
from seasonwatch.lexicon.trades import TRADE_STEMS, TV_STEMS
from seasonwatch.models import ShowSpec

GENRES = r"drama|thriller|comedy|series|show|sitcom|hit|favou?rite|original"
# "Season 2 of Hollow Creek", "Hollow Creek season 2": another show's own season in a headline
OTHER_SHOW_SEASON = re.compile(r"(?:\b[A-Z][\w'’&:-]*(?:\s+[A-Z][\w'’&:-]*){0,4})\s+(?:[Ss]eason|[Ss]eries|S)\s?\d+")
QUOTED_TITLE = re.compile(r"[\"'‘“]([A-Z][^\"'‘’“”]{1,60})[\"'’”]")
_PROPER = re.compile(r"\b[A-Z][a-zA-Z'’\-]{2,}\b")


@dataclass(frozen=True)
class ShowMatch:
    show: ShowSpec | None
    reason: str  # why it is, or why it is not, about the show
    in_title: bool = False
    weak: bool = False  # named, but nothing else ties it to the series: it must state a fact


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
    ("Dark", "You", "Succession", "The Crown")."""
    tokens = [t for t in words(name) if t not in STOPWORDS]
    return len(tokens) <= 1


@lru_cache(maxsize=512)
def _name_pattern(name: str) -> re.Pattern[str]:
    escaped = re.escape(fold_keep_case(name)).replace(r"\ ", r"[\s\-]+")
    # as written, or in capitals; a possessive after it ("Jessica Jones's") still names the show
    upper = re.escape(fold_keep_case(name).upper()).replace(r"\ ", r"[\s\-]+")
    return re.compile(rf"(?<![\w])(?:{escaped}|{upper})(?:['’]s|['’])?(?![\w])")


def mentions(text: str, show: ShowSpec) -> int:
    """How often `text` names the show, by any of its names, written as a title is written; in
    a text written all in lower case ("ozark s3 drops in march"), however it is written."""
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
    """Written without capitals (social-media style): capitalization says nothing here."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and not any(c.isupper() for c in letters)


def title_cased(text: str) -> bool:
    """Most longer words capitalized ("Spinning Out Won't Get A Season 2"): capitals say nothing
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
    """ "'Dark'", "Dark season 2", "YOU S2", "Netflix's You", "HBO drama Succession"."""
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
        if any(re.search(cue, plain) for cue in cues):
            return True
    return False




def _inside_other_name_everywhere(parts: list[str], show: ShowSpec) -> bool:
    """Judged where capitals can tell, among the `parts` (headline, summary) that name the show: a
    Title Case headline ("Spinning Out Won't Get A Season 2") is decided by its summary."""
    quoted = [p for p in parts if _inside_quoted_title(p, show)]
    if quoted and len(quoted) == len(parts):
        return True
    readable = [p for p in parts if not _capitals_say_nothing(fold_keep_case(p))]
    return bool(readable) and all(_inside_other_name(p, show) for p in readable)


def _capitals_say_nothing(plain: str) -> bool:
    return title_cased(plain) or plain.isupper() or uncased(plain)


def _inside_quoted_title(text: str, show: ShowSpec) -> str | None:
    """ "'The Dark Crystal: Age of Resistance'": the other quoted title the show's name (or one of
    its aliases) is only inside, if it is."""
    plain = fold_keep_case(text)
    for quoted in QUOTED_SPAN.findall(plain):
        inside = any(re.search(rf"(?<![\w]){re.escape(fold_keep_case(n))}(?![\w])", quoted) for n in show.names)
        # "'Stranger Things 3'", "'Westworld' Season 3": the title itself, with its season
        bare = re.sub(
            r"[\s:,–—-]*(?:\d{1,2}|(?:season|series)\s+\w+|s\d{1,2})$", "", quoted.strip(" .,:;!?"), flags=re.I
        )
        whole = any(bare.casefold() == fold_keep_case(n).casefold() for n in show.names)
        if inside and not whole and not re.search(_outside_quotes_pattern(show), QUOTED_SPAN.sub(" ", plain)):
            return quoted
    return None


def _inside_other_name(text: str, show: ShowSpec) -> bool:
    """ "Dark Phoenix", "His Dark Materials", "Dark Side of the Ring": the everyday title is only
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


def _used_as_place(title: str, show: ShowSpec) -> bool:
    """ "Cobra Kai season 3 wraps production in Atlanta": an everyday title after "in", "at" or
    "from", unquoted, is the city, the region, the word."""
    plain = fold_keep_case(title)
    return any(
        re.search(
            rf"\b(?i:in|at|from|near|around|outside|across|to)\s+(?:the\s+)?{re.escape(fold_keep_case(n))}(?![\w'’])",
            plain,
        )
        for n in show.names
        if not n.startswith("The ")  # "in The Crown": a capital The mid-sentence is a title
    )


COMPARISON = (
    r"after|like|than|since|while you wait for|wait for|fans of|if you (?:like|love)d?|in the vein of|meets"
    r"|successor to|heir to|follow-?up to|from the (?:makers|creators?) of"
)


def _compared_to(title: str, show: ShowSpec) -> str:
    """ "Shows like The Crown", "Netflix's next German series after 'Dark'": another story's subject."""
    plain = fold_keep_case(title)
    for name in show.names:
        match = re.search(rf"\b(?:{COMPARISON})\s+(?:the\s+)?[\"'‘“]?{re.escape(fold_keep_case(name))}", plain, re.I)
        if match:
            return match.group(0)
    return ""


def match_show(title: str, summary: str, worlds: list[ShowWorld]) -> ShowMatch:
    """The tracked show this update is news about, or None with the reason."""
    named = []
    texts = [(plain, uncased(plain)) for plain in (fold_keep_case(title), fold_keep_case(summary))]
    for world in worlds:
        in_title, in_summary = (_count_mentions(plain, lower_case, world.show) for plain, lower_case in texts)
        if in_title or in_summary:
            named.append((world, in_title, in_summary))
    if not named:
        return ShowMatch(None, "names no tracked show")
    # the show named in the headline first, then the one named most
    named.sort(key=lambda c: (c[1] > 0, c[1] + c[2]), reverse=True)
    refusals = []
    for world, in_title, in_summary in named:
        match = _judge(title, summary, world, in_title, in_summary)
        if match.show is not None:
            return match
        refusals.append(match.reason)
    return ShowMatch(None, refusals[0])


def _judge(title: str, summary: str, world: ShowWorld, in_title: int, in_summary: int) -> ShowMatch:
    show, name = world.show, world.show.name
    text = f"{title}. {summary}"
    shared = world_overlap(text, world)
    tv, other, trade = trade_signal(text)
    if other > tv + len(shared):
        return ShowMatch(None, f"names '{name}' but reads as {trade} news, not TV")
    titled = _used_as_title(text, show)
    everyday = all(is_everyday_name(n) for n in show.names) and not shared and not titled
    naming = [part for part, count in ((title, in_title), (summary, in_summary)) if count]
    if everyday and _inside_other_name_everywhere(naming, show):
        return ShowMatch(None, f"'{name}' appears only inside another name")
    if everyday and _used_as_place(title, show):
        return ShowMatch(None, f"'{name}' is a place in this headline, not the show")
    if in_title and (outer_title := _inside_quoted_title(title, show)):
        return ShowMatch(None, f"'{name}' is named only inside another title, {outer_title!r}")
    comparison = _compared_to(title, show)
    if comparison:
        return ShowMatch(None, f"'{name}' is only a point of comparison ({comparison!r})")
    if not in_title:
        lead = sentences(summary)[:1]
        other_show = OTHER_SHOW_SEASON.search(title) or QUOTED_TITLE.search(title)
        if other_show:
            return ShowMatch(
                None, f"'{name}' is mentioned only in passing in a story about {other_show.group(0).strip()!r}"
            )
        if not (lead and mentions(lead[0], show)) and in_summary < 2:
            return ShowMatch(None, f"'{name}' is mentioned only in passing, not in the headline or lead")
    evidence = [f"{tv} TV words"] if tv else []
    if shared:
        evidence.append("names from its world: " + ", ".join(sorted(shared)[:3]))
    if titled:
        evidence.append("written as a title")
    if (not in_title or everyday) and other and other >= tv:
        # named only in passing, or only as an everyday word, in a story of another trade
        return ShowMatch(None, f"'{name}' is mentioned in a story that reads as {trade or 'other'} news")
    # Only its facts can tell whether a report that merely contains the name is about the series:
    # an everyday title used as a word, one TV word alone ("episode" fits a quiz contestant who
    # shares the name), a show named only in the summary
    weak = everyday or not in_title or not (shared or titled or tv >= 2)
    where = "in the headline" if in_title else "in the lead"
    return ShowMatch(
        show, f"names '{name}' {where}" + (f" ({'; '.join(evidence)})" if evidence else ""), bool(in_title), weak
    )
