"""A synthetic news world for the benchmarks: outlets' feeds about many shows, a few tracked.

Every name is invented. Shaped like a real morning: most items are about shows nobody tracks;
the tracked shows' news (castings, dates, renewals, trailers, interviews) is told by many outlets
at once, each in its own words, the biggest stories by up to 200 outlets; a few items restate
what the article already says.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.utils import format_datetime
from html import escape

TRACKED = ["Orbit Nine", "Saltwater", "The Long Winter", "Copper Hill", "Ninth Avenue", "Wild Acre"]
SEASON = 2
_FIRST = ["Silver", "Hidden", "Northern", "Broken", "Golden", "Velvet", "Burning", "Quiet"]
_SECOND = ["Harbor", "Orchard", "Station", "Meridian", "Frontier", "Kingdom"]
UNTRACKED = [f"{a} {b}" for a in _FIRST for b in _SECOND]
GIVEN = ["Mara", "Jonah", "Lena", "Omar", "Priya", "Tobias", "Ines", "Kofi", "Adele", "Raul", "Sunniva", "Evander"]
FAMILY = ["Quillfeather", "Okonkwo", "Lindqvist", "Haddad", "Moreau", "Tanaka", "Silvestre", "Novak", "Reyes"]
FAMILY += ["Byrne", "Castellan", "Wexford", "Abernathy", "Ilunga", "Marchetti", "Oduya", "Thorsby", "Varga"]
ROLES = ["a detective", "the mayor", "a rival", "the new sheriff", "a ship's doctor", "the villain"]
MONTHS = ["January", "March", "April", "June", "September", "October"]
ORDINAL = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth"}
MOST_TOLD = 200  # outlets telling one story, at most

CASTING = [
    ("{p} joins {show} season {s} as {role}", "{p} will play {role} in the {o} season of {show}."),
    ("{show} casts {p} as {role} for season {s}", "The {o} season of {show} adds {p} to its cast."),
    ("{show} season {s} adds {p} in a recurring role", "{p} is set to recur as {role} when {show} returns."),
    ("{p} cast in {show} season {s}", "Producers of {show} have cast {p} as {role} for the new season."),
]
PREMIERE = [
    ("{show} season {s} premieres {m} {d}", "The {o} season of {show} arrives on {m} {d}, with new episodes weekly."),
    ("{show} season {s} gets a {m} {d} premiere date", "Fans of {show} will get the {o} season on {m} {d}."),
    ("{show} returns for season {s} on {m} {d}", "{show} is back on {m} {d} for its {o} season."),
]
RENEWAL = [
    ("{show} renewed for season {n}", "{show} will be back for a {on} season, its producers said."),
    ("{show} is coming back for season {n}", "A {on} season of {show} has been ordered after a strong run."),
]
TRAILER = [
    ("Watch the first {show} season {s} trailer", "The first look at the {o} season of {show} is here."),
    ("{show} season {s} trailer teases a darker story", "A new trailer for {show} hints at what comes next."),
]
INTERVIEW = [
    ("{p} on what comes next for {show}", "{p} talked to us about the road ahead for {show}."),
    ("{show} star {p} looks back on the finale", "In a long talk, {p} reflects on the last episodes of {show}."),
]
RESTATED = [("{show} season {s}: Ada Quinn returns as the lead", "Ada Quinn is back as the lead of {show}.")]


@dataclass(frozen=True)
class Event:
    """One piece of news: each outlet that tells it picks one of its wordings."""

    number: int
    wordings: tuple[tuple[str, str], ...]
    values: tuple[tuple[str, str], ...]  # the template's fields

    def told(self, outlet: int) -> tuple[str, str]:
        title, summary = self.wordings[(outlet + self.number) % len(self.wordings)]
        fields = dict(self.values)
        return title.format(**fields), summary.format(**fields)


def _event(number: int, rng: random.Random, show: str, tracked: bool) -> Event:
    person = f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"
    season = SEASON if tracked else rng.randint(1, 5)
    fields = {
        "show": show,
        "s": str(season),
        "o": ORDINAL[season],
        "n": str(season + 1),
        "on": ORDINAL.get(season + 1, "new"),
        "p": person,
        "role": rng.choice(ROLES),
        "m": rng.choice(MONTHS),
        "d": str(rng.randint(1, 28)),
    }
    roll = rng.random()
    if tracked and roll < 0.05:
        wordings = RESTATED
    elif roll < 0.45:
        wordings = CASTING
    elif roll < 0.6:
        wordings = PREMIERE
    elif roll < 0.7:
        wordings = RENEWAL
    elif roll < 0.85:
        wordings = TRAILER
    else:
        wordings = INTERVIEW
    return Event(number, tuple(wordings), tuple(sorted(fields.items())))


@dataclass
class World:
    feeds: list[bytes]  # one RSS document per outlet
    articles: dict[str, str]  # tracked show -> its article
    items: int
    most_told: int  # outlets telling the most-told story


def world(outlets: int, items: int, now: datetime, seed: int = 14) -> World:
    """`outlets` feeds of `items` items each; about a tenth of the items are tracked shows' news."""
    rng = random.Random(seed)
    total = outlets * items
    tracked = [_event(n, rng, rng.choice(TRACKED), True) for n in range(max(12, total // 150))]
    others = [_event(len(tracked) + n, rng, rng.choice(UNTRACKED), False) for n in range(max(60, total // 3))]
    tellers: dict[int, int] = {}
    feeds = []
    for outlet in range(outlets):
        chosen: list[Event] = []
        while len(chosen) < items:
            pool = tracked if rng.random() < 0.1 else others
            event = pool[min(int(rng.paretovariate(1.2)) - 1, len(pool) - 1)] if pool is tracked else rng.choice(pool)
            if event in chosen or tellers.get(event.number, 0) >= MOST_TOLD:
                continue
            tellers[event.number] = tellers.get(event.number, 0) + 1
            chosen.append(event)
        feeds.append(_rss(outlet, chosen, now))
    return World(feeds, {show: article(show) for show in TRACKED}, total, max(tellers.values()))


def _rss(outlet: int, events: list[Event], now: datetime) -> bytes:
    entries = []
    for position, event in enumerate(events):
        title, summary = event.told(outlet)
        link = f"https://outlet{outlet}.example/news/{event.number}-{position}"
        published = format_datetime(now - timedelta(minutes=7 * position + outlet % 50))
        entries.append(
            f"<item><title>{escape(title)}</title><link>{link}</link><guid>{link}</guid>"
            f"<pubDate>{published}</pubDate><description>{escape(summary)}</description></item>"
        )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Outlet {outlet}</title>'
        f"<link>https://outlet{outlet}.example/</link><description>TV news</description>{''.join(entries)}"
        "</channel></rss>"
    ).encode()


def article(show: str) -> str:
    return (
        f"# {show} Season {SEASON}: Everything We Know\n\n{show} returns for a {ORDINAL[SEASON]} season.\n\n"
        "## Release Date\n\nNo premiere date has been announced yet.\n\n"
        "## Cast\n\nAda Quinn returns as the lead. Tobias Novak is back too.\n\n"
        "## Story\n\nThe season follows the family after the flood.\n"
    )
