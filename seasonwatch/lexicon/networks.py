"""Networks, channels and streaming services, as outlets write them."""

from __future__ import annotations

from seasonwatch.lexicon.forms import alternation, fold, words

# Each service as written, and its telling word: the word that on its own says "television"
# ("netflix"), or "" when the name is also an everyday word or a person's ("Max", "Sky", "Fox",
# "Apple"), so it says nothing on its own.
NETWORK_TABLE: tuple[tuple[str, str], ...] = (
    ("Netflix", "netflix"), ("HBO", "hbo"), ("HBO Max", "hbo"), ("Max", ""), ("Hulu", "hulu"),
    ("Amazon", "amazon"), ("Prime Video", "prime"), ("Amazon Prime Video", "amazon"),
    ("Apple TV+", ""), ("Apple TV", ""), ("Apple", ""), ("Disney+", ""), ("Disney", ""),
    ("Peacock", "peacock"), ("Paramount+", "paramount"), ("Paramount", "paramount"),
    ("Showtime", "showtime"), ("Starz", "starz"), ("AMC", "amc"), ("AMC+", "amc"), ("FX", "fx"),
    ("FXX", "fxx"), ("NBC", "nbc"), ("CBS", "cbs"), ("ABC", "abc"), ("Fox", ""), ("The CW", "cw"),
    ("CW", "cw"), ("BBC", "bbc"), ("BBC One", "bbc"), ("BBC Two", "bbc"), ("BBC Three", "bbc"),
    ("iPlayer", "iplayer"), ("ITV", "itv"), ("ITVX", "itvx"), ("Sky", ""), ("Sky Atlantic", ""),
    ("Sky One", ""), ("Channel 4", ""), ("E4", ""), ("Syfy", "syfy"), ("USA Network", ""), ("USA", ""),
    ("Freeform", "freeform"), ("TNT", "tnt"), ("TBS", "tbs"), ("Cinemax", "cinemax"), ("Epix", "epix"),
    ("MGM+", ""), ("BritBox", "britbox"), ("Acorn TV", ""), ("Shudder", "shudder"),
    ("Crunchyroll", "crunchyroll"), ("Comedy Central", ""), ("Adult Swim", ""),
)  # fmt: skip

NETWORKS: tuple[str, ...] = tuple(name for name, _ in NETWORK_TABLE)
# a regular expression group for any network as written ("HBO Max" before "HBO")
NETWORK_ALTERNATION: str = alternation(NETWORKS)
# any network as written, or the first word of one ("Prime", "Apple"), as outlets shorten them
NETWORK_OR_SHORT_ALTERNATION: str = alternation(
    NETWORKS + tuple(name.split()[0] for name in NETWORKS if " " in name and not name.startswith("The "))
)
# folded words that on their own tell television ("netflix", "hbo")
TELLING_NETWORK_WORDS: frozenset[str] = frozenset(token for _, token in NETWORK_TABLE if token)
# every network's name, folded: a capitalized name that is one of these is no person
NETWORK_NAMES_FOLDED: frozenset[str] = frozenset(fold(name) for name in NETWORKS)
# every word of every network's name, folded
NETWORK_WORDS_FOLDED: frozenset[str] = frozenset(w for name in NETWORKS for w in words(name) if len(w) > 1)
# the telling words as written ("Netflix", "HBO"): capitalized words that never begin a person's name
TELLING_NETWORK_SPELLINGS: tuple[str, ...] = tuple(
    dict.fromkeys(
        written
        for name, token in NETWORK_TABLE
        if token
        for written in name.split()
        if fold(written).strip("+") == token
    )
)


def is_network(name: str) -> bool:
    """ "Sky Atlantic", "HBO Max", "Netflix": a service, whatever the verbs around it say."""
    return fold(name).strip() in NETWORK_NAMES_FOLDED
