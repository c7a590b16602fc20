"""Is an update about a tracked show? It must name the show and read as TV news about it.

A name is matched on word boundaries, through curly or straight quotes, possessives and
"Marvel's X" prefixes. A name that is also an everyday word ("Dark", "You") must appear
capitalized and next to TV words. A name clash (a singer who shares the show's name) reads as
music, not TV; a show named only in passing inside another show's story is not its news.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from newsdesk.text import STOPWORDS, fold, sentences, stem, words
from seasonwatch.models import ShowSpec

TV_WORDS = {
    stem(w)
    for w in """
    season seasons series episode episodes premiere premieres premiered renewed renewal renew
    cancelled canceled cancel cancellation showrunner showrunners cast casting casts trailer teaser
    finale streaming streamer netflix hbo hulu amazon prime peacock paramount showtime starz amc fx
    nbc cbs abc cw bbc itv channel network tv television show shows spinoff spin-off reboot revival
    sitcom drama miniseries limited docuseries anthology binge recap watch stream air airs airing
    writers room pilot greenlit greenlight order ordered regular recurring character characters
    role roles plot storyline filming production netflix's hbo's disney+ apple
    """.split()
}
OTHER_DOMAIN_WORDS = {
    stem(w)
    for w in """
    album albums single singles song songs tour concert concerts band singer rapper songwriter
    record label chart charts billboard grammy mixtape ep vinyl lyrics playlist gig festival
    book novel memoir author bestseller publisher paperback
    match league goal goals coach tournament championship quarterback striker innings playoff
    stock shares investors earnings quarterly ceo merger
    recipe restaurant chef
    """.split()
}
FILM_WORDS = {stem(w) for w in "film movie box-office box office theatrical theaters cinema sequel".split()}

# "Season 2 of Luke Cage", "Luke Cage season 2": another show's own season in a headline.
OTHER_SHOW_SEASON = re.compile(r"(?:\b[A-Z][\w'’&:-]*(?:\s+[A-Z][\w'’&:-]*){0,4})\s+(?:[Ss]eason|S)\s?\d+")


@dataclass(frozen=True)
class ShowMatch:
    show: ShowSpec | None
    reason: str  # why it is, or why it is not, about the show
    in_title: bool = False


@lru_cache(maxsize=512)
def _name_pattern(name: str) -> re.Pattern[str]:
    folded = re.escape(fold(name)).replace(r"\ ", r"[\s\-]+")
    # a possessive after the name ("Jessica Jones's") still names the show
    return re.compile(rf"(?<![\w]){folded}(?:'s|')?(?![\w])")


@lru_cache(maxsize=512)
def _cased_pattern(name: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w]){re.escape(name)}(?![\w])")


@lru_cache(maxsize=512)
def is_everyday_name(name: str) -> bool:
    """A title made of one short word or of common words only ("Dark", "You", "This Is Us")."""
    tokens = words(name)
    return (len(tokens) == 1 and len(tokens[0]) <= 8) or all(t in STOPWORDS for t in tokens)


def mentions(text: str, show: ShowSpec, folded: str | None = None) -> int:
    """How often `text` names the show (any of its names); `folded` saves folding it again."""
    count = 0
    folded = fold(text) if folded is None else folded
    for name in show.names:
        if is_everyday_name(name):
            count += len(_cased_pattern(name).findall(text))
        else:
            count += len(_name_pattern(name).findall(folded))
    return count


def tv_signal(text: str) -> tuple[int, int]:
    terms = [stem(w) for w in words(text)]
    tv = sum(1 for t in terms if t in TV_WORDS)
    other = sum(1 for t in terms if t in OTHER_DOMAIN_WORDS)
    other += sum(1 for t in terms if t in FILM_WORDS) // 2  # films share much of TV's language
    return tv, other


def _everyday_name_in_tv_context(text: str, show: ShowSpec) -> bool:
    """ "Dark season 2", "Netflix's Dark", "'Dark'": the everyday word used as a title."""
    for name in show.names:
        if not is_everyday_name(name):
            continue
        escaped = re.escape(name)
        cues = [
            rf"[\"'‘“]{escaped}[\"'’”]",
            rf"{escaped}(?:['’]s)?\s+(?:[Ss]eason|S\d|[Ss]eries|[Ee]pisode|[Pp]remiere|[Ff]inale|[Cc]ast|[Tt]railer|[Rr]enewed|[Ss]howrunner)",
            rf"(?:[Ss]eason\s+\d+\s+of|[Ss]eries|[Ss]how|[Ss]tar|[Cc]ast\s+of|[Nn]etflix['’]s|HBO['’]s|Hulu['’]s)\s+{escaped}\b",
        ]
        if any(re.search(cue, text) for cue in cues):
            return True
    return False


def match_show(title: str, summary: str, shows: list[ShowSpec]) -> ShowMatch:
    """The tracked show this update is news about, or None with the reason."""
    candidates = []
    folded_title, folded_summary = fold(title), fold(summary)
    for show in shows:
        in_title = mentions(title, show, folded_title)
        in_summary = mentions(summary, show, folded_summary)
        if in_title or in_summary:
            candidates.append((show, in_title, in_summary))
    if not candidates:
        return ShowMatch(None, "names no tracked show")
    # the show named in the headline wins; then the one named most
    candidates.sort(key=lambda c: (c[1] > 0, c[1] + c[2]), reverse=True)
    show, in_title, in_summary = candidates[0]
    text = f"{title}. {summary}"
    name = show.name

    everyday = any(is_everyday_name(n) for n in show.names)
    if everyday and not _everyday_name_in_tv_context(text, show) and not _named_otherwise(text, show):
        return ShowMatch(None, f"'{name}' appears only as an everyday word, not as the show's title")

    tv, other = tv_signal(text)
    if other > tv:
        return ShowMatch(None, f"names '{name}' but reads as {_domain(text)} news, not TV")

    if not in_title:
        lead = sentences(summary)[:1]
        lead_mentions = mentions(lead[0], show) if lead else 0
        other_show = OTHER_SHOW_SEASON.search(title)
        if other_show:
            return ShowMatch(
                None, f"'{name}' is mentioned only in passing in a story about {other_show.group(0).strip()!r}"
            )
        if not lead_mentions and in_summary < 2:
            return ShowMatch(None, f"'{name}' is mentioned only in passing, not in the headline or lead")
    return ShowMatch(
        show, f"names '{name}'" + (" in the headline" if in_title else " in the lead"), in_title=bool(in_title)
    )


def _named_otherwise(text: str, show: ShowSpec) -> bool:
    """Named by one of its distinctive names, not only by the everyday one."""
    folded = fold(text)
    return any(not is_everyday_name(name) and _name_pattern(name).search(folded) for name in show.names)


def _domain(text: str) -> str:
    terms = {stem(w) for w in words(text)}
    music = {stem(w) for w in "album single song tour concert band singer rapper grammy record chart".split()}
    books = {stem(w) for w in "book novel memoir author bestseller publisher".split()}
    sport = {stem(w) for w in "match league goal coach tournament championship".split()}
    for label, vocabulary in (("music", music), ("book", books), ("sports", sport)):
        if terms & vocabulary:
            return label
    return "non-TV"
