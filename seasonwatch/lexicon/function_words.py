"""Words that carry no content: stopwords, the small words of a Title Case headline, and the
abbreviations after which a full stop does not end a sentence."""

from __future__ import annotations

from seasonwatch.lexicon.calendar import MONTH_ABBREVIATIONS

STOPWORDS: frozenset[str] = frozenset(
    """a about above after again against all also am an and any are aren't as at be because been
    before being below between both but by can can't could couldn't did didn't do does doesn't doing
    don't down during each few for from further had hadn't has hasn't have haven't having he he'd
    he'll he's her here here's hers herself him himself his how how's i i'd i'll i'm i've if in into
    is isn't it it's its itself let's me more most mustn't my myself no nor not of off on once only or
    other ought our ours ourselves out over own same shan't she she'd she'll she's should shouldn't so
    some such than that that's the their theirs them themselves then there there's these they they'd
    they'll they're they've this those through to too under until up very was wasn't we we'd we'll
    we're we've were weren't what what's when when's where where's which while who who's whom why
    why's with won't would wouldn't you you'd you'll you're you've your yours yourself yourselves
    will just now new one two us via per yet still even ever already much many s t""".split()
)

# Words that may follow a title in a Title Case headline without making it part of a longer name
# ("Drift Is Back", "Drift Season 2", "Drift Star ...")
TITLE_CASE_FILLER: frozenset[str] = frozenset(
    """is are was will has have gets get returns return season series s star stars cast creator showrunner
    trailer teaser finale premiere renewed cancelled canceled adds casts sets drops reveals to in on at for
    and with as by from of the a an fans first final new back""".split()
)

# Small words capitalized in a Title Case headline that never belong to a person's name
TITLE_CASE_WORDS: tuple[str, ...] = tuple(
    """For As In To On At Of And Or The A An With From By Is Are Was Will Has Have Join Joins Joined Cast
    Taking Takes Take Step Steps Over Into Out Up Down Off Back Head Heads Get Gets Goes Going Named Tapped
    Return Returns Casts Tap Taps Add Adds Added Land Lands Board Boards Exit Exits Leaves Play Plays Set
    Season Series Playing Reportedly Officially Finally Now Also""".split()
)

SENTENCE_ABBREVIATIONS: frozenset[str] = MONTH_ABBREVIATIONS | frozenset(
    "mr mrs ms dr st jr sr vs inc co no ep vol u.s u.k e.g i.e approx".split()
)

# The words a yes-or-no question opens with ("Will the streamer renew it?"): such a question states
# nothing, while one that opens with "who" or "what" takes its fact as given ("Who is Sorel's character?")
YES_NO_OPENERS: frozenset[str] = frozenset(
    """will would is isn't are aren't was were does doesn't do don't did didn't has have had can could
    should shall may might""".split()
)

# The small words inside a title, which a Title Case headline capitalizes ("The Last Of Us")
NAME_SMALL_WORDS: frozenset[str] = frozenset("of the a an and in on at to for or with from by".split())
