"""Headlines as readers see them: a video's title as posted loses its pipes and its channel."""

from __future__ import annotations

import pytest

from newsdesk.headlines import clean_headline


@pytest.mark.parametrize(
    ("title", "shown"),
    [
        ("WATCH: The Bear Season 3 | Official Teaser | FX", "The Bear Season 3: Official Teaser"),
        ("Della Hart Season 2 | Official Trailer [HD] | Netflix", "Della Hart Season 2: Official Trailer [HD]"),
        ("Della Hart Season 2 | Netflix", "Della Hart Season 2"),
        ("Della Hart | Season 2", "Della Hart: Season 2"),  # a number is news, not a channel
        ("Dark | Official Teaser", "Dark: Official Teaser"),
        ("Succession: Season 4 Premiere Date Set", "Succession: Season 4 Premiere Date Set"),
        ("Cast news ||| no spaces|here", "Cast news ||| no spaces|here"),
    ],
)
def test_a_video_title_reads_as_a_headline(title, shown):
    assert clean_headline(title, "YouTube") == shown
