"""Helpers that turn the hand-written items in run1.py..run3.py into the JSON rows of runs/*.json.

Only the mechanics live here: each fictional outlet has its own URL and GUID style (as real sites
do), and slugs come from the headline. Titles, summaries and labels are written by hand in the
run files.
"""

import html
import random
import re

OUTLETS = {
    # key: (display name, url style, guid style)
    "MW": "Marquee Wire",  # Hollywood trade; EXCLUSIVE tags, 'Single Quotes' in headlines
    "SS": "Sofa Signal",  # US fan blog; sentence case, chatty
    "TG": "The Telly Gazette",  # UK TV news; 'series two', 21 June, British spelling
    "QU": "Queue Up",  # streaming guide (listing page); ' | Queue Up' on every title
    "CD": "Cliffhanger Daily",  # theories and breakdowns; WATCH:, Title Case
    "SR": "The Showrunner Report",  # trade-ish; curly quotes, Title Case Every Word
}

_rng = random.Random(20190506)
_counters = {"MW": 1202581000, "SS": 88410, "TG": 27431500, "QU": 51200, "CD": 14100, "SR": 58200}
_items = {}  # key -> row, so that re-posts can refer to the original


def slugify(title):
    t = html.unescape(title)
    t = re.sub(r"\s*\|\s*Queue Up\s*$", "", t)
    t = re.sub(r"^(EXCLUSIVE|WATCH|UPDATED)\s*:\s*", "", t, flags=re.I)
    t = re.sub(r"\((EXCLUSIVE)\)", "", t, flags=re.I)
    t = t.lower().replace("’", "").replace("'", "").replace("‘", "")
    words = re.findall(r"[a-z0-9]+", t)
    out = []
    for w in words:
        if len("-".join([*out, w])) > 72:
            break
        out.append(w)
    return "-".join(out)


def _next_id(src):
    _counters[src] += _rng.randint(3, 380)
    return _counters[src]


def _url_and_guid(src, slug, published):
    n = _next_id(src)
    y, m, d = published[:4], published[5:7], published[8:10]
    if src == "MW":
        return f"https://marqueewire.example/{y}/{m}/{slug}-{n}/", f"https://marqueewire.example/?p={n}"
    if src == "SS":
        return f"https://sofasignal.example/{y}/{m}/{d}/{slug}/", f"sofasignal-{n}"
    if src == "TG":
        return f"https://tellygazette.example/tv/news/a{n}/{slug}/", f"a{n}"
    if src == "QU":
        url = f"https://queueup.example/news/{slug}"
        return url, url
    if src == "CD":
        return (f"https://cliffhangerdaily.example/{slug}-{n}.html", f"tag:cliffhangerdaily.example,{y}-{m}-{d}:/{n}")
    if src == "SR":
        return f"https://showrunnerreport.example/article/{n}/{slug}", f"srr-{n}"
    raise KeyError(src)


def when(s):
    """'05-03 17:05' -> '2019-05-03T17:05:00Z'"""
    return f"2019-{s[:5]}T{s[6:]}:00Z"


def it(src, at, title, summary, label, why, key=None):
    published = when(at)
    url, guid = _url_and_guid(src, slugify(title), published)
    row = {
        "source": OUTLETS[src],
        "title": title,
        "summary": summary,
        "url": url,
        "guid": guid,
        "published": published,
        "label": label,
        "why": why,
    }
    if key:
        assert key not in _items, key
        _items[key] = row
    return row


def repost(of, at, title=None, summary=None, track="", guid="new", label="same-as-original"):
    """The same outlet puts an earlier item out again: maybe retitled, maybe with tracking
    parameters on the URL, with a new GUID (guid="new") or the old one (guid="same")."""
    orig = _items[of]
    src = next(k for k, v in OUTLETS.items() if v == orig["source"])
    if guid == "same":
        g = orig["guid"]
    elif guid == "new":
        n = _next_id(src)
        g = {
            "MW": f"https://marqueewire.example/?p={n}",
            "SS": f"sofasignal-{n}",
            "TG": f"a{n}",
            "QU": f"{orig['url']}#r{n}",
            "CD": f"tag:cliffhangerdaily.example,2019:/{n}",
            "SR": f"srr-{n}",
        }[src]
    else:
        g = guid
    return {
        "source": orig["source"],
        "title": title if title is not None else orig["title"],
        "summary": summary if summary is not None else orig["summary"],
        "url": orig["url"] + track,
        "guid": g,
        "published": when(at),
        "label": orig["label"] if label == "same-as-original" else label,
        "why": "repost",
    }
