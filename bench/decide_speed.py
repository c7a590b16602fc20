#!/usr/bin/env python3
"""How long the newsdesk takes to decide a batch, with a history to compare against.

    python bench/decide_speed.py [--updates 1000] [--history 2000] [--shows 8]

Synthetic but shaped like real mornings: most updates name no tracked show, some restate the
article, some are new castings, dates and trailers told by several outlets. Prints the time per
thousand updates (median of 3 runs) on this machine.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import newsdesk
from seasonwatch.models import Fact, History, ShowSpec, Story, StorySource, Topic, Update

FIRST = ["Mara", "Jon", "Lena", "Omar", "Priya", "Tom", "Ines", "Kofi", "Ada", "Raul", "Sun", "Eva"]
LAST = ["Quinn", "Okafor", "Lindqvist", "Haddad", "Moreau", "Tanaka", "Silva", "Novak", "Reyes", "Byrne"]
OTHER_SHOWS = ["Harbor Lights", "The Quiet Coast", "Red Meridian", "Paper Kings", "Night Ferry", "Glass Orchard"]
MONTHS = ["January", "March", "April", "June", "September", "October"]


def shows(count: int) -> list[ShowSpec]:
    names = [
        "Orbit Nine",
        "Saltwater",
        "The Long Winter",
        "Copper Hill",
        "Ninth Avenue",
        "Wild Acre",
        "Fable",
        "Deep Field",
    ]
    return [ShowSpec(name, 2, (), Path(f"{i}.md"), f"s{i}") for i, name in enumerate(names[:count])]


def article(show: ShowSpec) -> str:
    return (
        f"# {show.name} Season 2: Everything We Know\n\n{show.name} returns for a second season.\n\n"
        "## Release Date\n\nNo premiere date has been announced; the network says it arrives in 2019.\n\n"
        f"## Cast\n\nAda Quinn returns as the lead. Tom Novak is back too.\n\n"
        "## Story\n\nThe season follows the family after the flood.\n"
    )


def batch(show_list: list[ShowSpec], count: int, rng: random.Random) -> list[Update]:
    start = datetime(2019, 1, 10, tzinfo=UTC)
    updates = []
    for number in range(count):
        show = rng.choice(show_list)
        person = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        kind = rng.random()
        if kind < 0.55:
            title = f"{rng.choice(OTHER_SHOWS)} season {rng.randint(2, 5)} adds {person}"
        elif kind < 0.65:
            title = f"{show.name} season 2 still has no premiere date"
        elif kind < 0.80:
            title = f"{person} joins {show.name} season 2 as {rng.choice(['a detective', 'the mayor', 'a rival'])}"
        elif kind < 0.92:
            title = f"{show.name} season 2 premieres {rng.choice(MONTHS)} {rng.randint(1, 28)}"
        else:
            title = f"Watch the first {show.name} season 2 trailer"
        url = f"https://outlet{number % 12}.example/{number}"
        updates.append(
            Update(
                f"Outlet {number % 12}",
                url,
                url,
                url,
                title,
                f"{title}. More details inside.",
                published=start + timedelta(minutes=number),
            )
        )
    return updates


def history(show_list: list[ShowSpec], count: int, rng: random.Random) -> History:
    stories = []
    moment = datetime(2018, 6, 1, tzinfo=UTC)
    for number in range(count):
        show = rng.choice(show_list)
        person = f"{rng.choice(FIRST)} {rng.choice(LAST)}{number}"
        stories.append(
            Story(
                id=f"h{number}",
                show=show.name,
                topic=Topic.CAST,
                section="Cast",
                headline=f"{person} joins {show.name}",
                summary="",
                facts=[Fact("cast", 2, person, "")],
                sources=[StorySource("Outlet", f"{person} joins {show.name}", f"https://old.example/{number}", moment)],
                first_seen=moment,
                updated=moment,
                show_slug=show.slug,
            )
        )
    return History(stories=stories)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--updates", type=int, default=1000)
    parser.add_argument("--history", type=int, default=2000)
    parser.add_argument("--shows", type=int, default=8)
    # CPU time of this process: what the rules cost, whatever else the shared machine is doing
    parser.add_argument("--cpu", action="store_true", help="time CPU seconds instead of wall time")
    args = parser.parse_args()
    rng = random.Random(7)
    show_list = shows(args.shows)
    articles = {show.name: article(show) for show in show_list}
    updates = batch(show_list, args.updates, rng)
    past = history(show_list, args.history, rng)
    clock = time.process_time if args.cpu else time.perf_counter
    timings = []
    for _ in range(3):
        started = clock()
        decision = newsdesk.decide(show_list, articles, updates, [], past, datetime(2019, 1, 12, tzinfo=UTC))
        timings.append(clock() - started)
    median = statistics.median(timings)
    print(
        f"{args.updates} updates, {args.history} past stories, {args.shows} shows: "
        f"{median * 1000:.0f} ms per batch (median of 3), {median * 1000 / args.updates * 1000:.0f} ms per 1000 updates; "
        f"{len(decision.new_stories)} new stories"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
