"""The words of television news, and of the other trades whose news names the same words: a
singer who shares a show's name reads as music, a company's succession plan as business."""

from __future__ import annotations

from seasonwatch.lexicon.forms import stems
from seasonwatch.lexicon.networks import TELLING_NETWORK_WORDS

TELEVISION_WORDS: tuple[str, ...] = tuple(
    """season seasons series episode episodes premiere premieres premiered renewed renewal renew
    cancelled canceled cancel cancellation showrunner showrunners cast casting casts trailer teaser
    finale streaming streamer channel network tv television show shows spinoff spin-off reboot revival
    sitcom drama miniseries limited docuseries anthology binge recap stream airs airing
    writers room pilot greenlit greenlight order ordered regular recurring character characters
    role roles plot storyline filming production""".split()
)
TV_STEMS: frozenset[str] = stems(TELEVISION_WORDS) | stems(TELLING_NETWORK_WORDS)

OTHER_TRADES: dict[str, tuple[str, ...]] = {
    trade: tuple(vocabulary.split())
    for trade, vocabulary in {
        "music": "album albums single singles song songs tour concert concerts band singer rapper songwriter record "
        "chart charts billboard grammy mixtape vinyl lyrics playlist gig festival",
        "book": "book books novel novels memoir author bestseller publisher paperback sequel-novel",
        "sports": "match league goal goals coach tournament championship quarterback striker innings playoff race "
        "racing jockey stakes wrestler wrestling",
        "business": "stock stocks shares investors investor analyst analysts earnings quarterly quarter revenue "
        "subscribers wall-street ceo merger chief executive boardroom heir succession-plan q1 q2 q3 q4",
        "film": "film movie box-office theatrical theaters cinemas cinema",
        "quiz": "quiz contestant jackpot prize",
        "game": "game games gaming gamer gamers steam console playstation xbox nintendo switch dlc expansion "
        "players esports rpg pc remaster remastered questline patch",
        "travel": "bookings booking hotel hotels resort resorts tourism tourist tourists travel travellers travelers "
        "flights airline",
        "audio": "podcast podcasts listeners",
        "education": "schools pupils curriculum classroom classrooms lessons headteacher headteachers teachers "
        "secondary-schools ofsted exams guidance statutory",
    }.items()
}
TRADE_STEMS: dict[str, frozenset[str]] = {trade: stems(vocabulary) for trade, vocabulary in OTHER_TRADES.items()}
