"""Invented shows, people and articles that the rules' examples are tried against.

None of them is a real show or a show of a labelled evaluation set: a rule's examples say what
the rule does for reasons, so they must not borrow the items it was measured on.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from seasonwatch.models import ShowSpec

# the day the examples are "published": a date given without its year resolves against it
REFERENCE = datetime(2031, 1, 15, 9, 0, tzinfo=UTC)

HOLLOW_CREEK = ShowSpec("Hollow Creek", 2, ("Hollow Creek: The Series",), Path("hollow-creek.md"), "hollow-creek")
DRIFT = ShowSpec("Drift", 3, (), Path("drift.txt"), "drift")  # a title that is an everyday word
THE_LANTERN = ShowSpec("The Lantern", 2, (), Path("the-lantern.md"), "the-lantern")

ARTICLES = {
    "Hollow Creek": """# Hollow Creek Season 2: Everything We Know

Hollow Creek returns for a second season on the streamer.

## When can we watch it?

The streamer has only said that season 2 arrives in 2031. No premiere date has been announced yet.

## Who's in it?

Mara Quill is back as Ada Finch. Tobias Renn joins in a role the producers keep secret.
Clara Voss played the sheriff in season 1.
Filming took place around the town of Marlow, where the first season was shot.

## What happens next?

The season picks up after the flood that split the valley in two. There is no trailer yet.
""",
    "Drift": """Drift Season 3: what we know

Drift is coming back for a third season, its crew one sailor short.

1. Release date
Season 3 is expected in late 2031.

2. Cast
Jonah Pike returns as Kai Brandt, the skipper of the Halyard.

3. Story
The crew sails out of Port Ellery again, chasing the storm that sank the first boat.
""",
    "The Lantern": """# The Lantern Season 2: Everything We Know

The Lantern has been renewed for a second season.

## Release date

Nothing has been said about a release date.

## Cast

Priya Castellan leads the cast again as the keeper Wren Aldous.

## Story

Wren's brother comes back to the lighthouse at Gull Point. The first season was filmed in Scotland.
""",
}

SHOWS = (HOLLOW_CREEK, DRIFT, THE_LANTERN)
BY_NAME = {show.name: show for show in SHOWS}
