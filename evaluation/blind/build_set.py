# ruff: noqa: E501
"""Writes the blind evaluation set's data files from the items below, and checks them.

    python evaluation/blind/build_set.py            # write stories.json and runs/run*.json, then check them
    python evaluation/blind/build_set.py --check    # only check the files already written
    python evaluation/blind/build_set.py --counts   # the README's count tables, read from the written files

The items are written here, not in the JSON, so that one outlet's URLs and GUIDs follow one pattern,
a re-post can point at the item it repeats, and the checks (one "new" per story, dates near the run,
unique GUIDs) run on every change. The JSON files are the set; this script is only how they were made.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from datetime import UTC, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent

# --------------------------------------------------------------------------- vocabulary of labels

ITEM_WHY_LABELLED = {
    "new": "the first outlet report of a story, in the run where the story first appears",
    "same": "another report of the story in the story's first run",
    "late": "a report of the story in a later run than its first",
    "repost": "the same outlet's item again: a new GUID, tracking parameters, a retitled update, or its link re-listed by the aggregator",
    "carryover": "the listing page still shows an item it showed before: same link, same text",
}
ITEM_WHY_NULL = {
    "restatement": "says what the article already says, or says it more vaguely, often in other words",
    "explainer": "a single-show 'what we know' piece or guide with no fact that was not told already",
    "roundup": "several shows, or several already-told facts, listed together",
    "opinion": "reviews, essays, theories and reactions with no new fact",
    "relist": "an old story re-listed weeks or months later; the article already has it",
    "clash": "something else with the same name: a band, a game, a town, a sports team, a phrase",
    "untracked": "news about a show this set does not follow",
    "spin-off": "another series in the same franchise (a remake, a reality contest, a game)",
    "other-work": "a cast member's film, stage or other series work",
    "other-season": "news about a season of a tracked show other than the article's season",
    "passing": "a tracked show named in passing or as a comparison",
}
OBSERVATION_WHY = {
    "baseline": "agrees with the article, or is something the article need not say (earlier seasons, the network, show-level cast)",
    "confirmation": "states what an outlet story already told (or tells the same morning): one more source of that story",
    "change": "a structured source is the first to state it: the story's first source",
    "conflict": "disagrees with what outlets reported: for the editor to check, never a story of its own",
    "restatement": "appears between runs but says what the article already says",
    "unchanged": "a labelled statement the source already made in an earlier run, repeated in this run's snapshot",
}

# --------------------------------------------------------------------------- outlets


def slugify(text: str, words: int = 9) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    parts = re.findall(r"[a-z0-9]+", ascii_text.lower())
    return "-".join(parts[:words]) or "item"


def _base36(number: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while number:
        number, rest = divmod(number, 36)
        out = digits[rest] + out
    return out or "0"


class Outlet:
    """One fictional outlet: its name, and how its links and GUIDs look."""

    def __init__(self, code: str, name: str, voice: str):
        self.code, self.name, self.voice = code, name, voice
        self.count = 0

    def link(self, slug: str, when: datetime | None) -> tuple[str, str]:
        self.count += 1
        n = self.count
        day = when or datetime(2025, 2, 14, tzinfo=UTC)
        if self.code == "CS":
            post = 1237004000 + n * 137
            return f"https://callsheet.example/{day:%Y/%m}/{slug}-{post}/", f"https://callsheet.example/?p={post}"
        if self.code == "TP":
            url = f"https://tellypost.example/tv/news/{slug}/"
            return url, url
        if self.code == "BB":
            return f"https://bingebeacon.example/{slug}/", f"bingebeacon-{4100 + n}"
        if self.code == "LT":
            return f"https://longtake.example/essays/{slug}", f"tag:longtake.example,{day:%Y-%m-%d}:/essays/{slug}"
        if self.code == "SC":
            url = f"https://subscribercount.example/{day:%Y/%m/%d}/{slug}/"
            return url, url
        if self.code == "CF":
            post = _base36(913000 + n * 7919)
            return f"https://couchfeed.example/p/{post}", f"couchfeed:post:{post}"
        if self.code == "RR":
            number = 70400 + n * 3
            return f"https://reelroundup.example/r/{number}?utm_source=rss&utm_medium=feed", f"rr-{number}"
        if self.code == "SS":
            return f"https://screenscoop.example/tv-news/{slug}.html", ""
        if self.code == "SE":
            url = f"https://seoulscreen.example/news/articleView.html?idxno={41020 + n * 7}"
            return url, url
        raise ValueError(self.code)


OUTLETS = {
    o.code: o
    for o in (
        Outlet("CS", "The Call Sheet", "trade: Title Case, curly ‘single quotes’ around titles, EXCLUSIVE:, UPDATED:, 'Feb. 19', WordPress ?p= GUIDs"),
        Outlet("TP", "Telly Post", "British: sentence case, 'series two', '13 April', straight quotes, 'mum', UK channels, a ' | Telly Post' tail on some titles"),
        Outlet("BB", "Binge Beacon", "fan site: Every Word Capitalised, WATCH:, 'April 13th', Everything We Know explainers, listicles"),
        Outlet("LT", "The Long Take", "criticism: essay headlines, curly “double quotes”, some empty summaries, tag: GUIDs"),
        Outlet("SC", "Subscriber Count", "streaming business: 'S2', numerals, 4/13-style dates, viewing data, dated URLs"),
        Outlet("CF", "Couch Feed", "social-style posts: lower case, the odd ALL CAPS, nicknames (tlou), no punctuation to speak of"),
        Outlet("RR", "Reel Roundup", "aggregator: re-lists other outlets' stories (own links with utm_* or the original link with tracking), and re-lists old stories weeks later"),
        Outlet("SS", "Screen Scoop", "a listing page read with CSS selectors: no dates, no GUIDs, short teasers, often no show name in the headline"),
        Outlet("SE", "Seoul Screen", "Korean entertainment in English: straight 'single quotes' around titles, romanized names, KST times"),
    )
}

# --------------------------------------------------------------------------- items

YEAR = 2025


def parse_when(when: str | None) -> datetime | None:
    """'02-17 15:40' is 2025-02-17T15:40Z; a full '2024-11-14 18:00' is taken as written."""
    if when is None:
        return None
    text = when if re.match(r"\d{4}-", when) else f"{YEAR}-{when}"
    return datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=UTC)


def iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


class Items:
    """The items of every run, with references between them (re-posts, carry-overs)."""

    def __init__(self) -> None:
        self.by_key: dict[str, dict] = {}
        self.runs: dict[int, list[dict]] = defaultdict(list)

    def add(self, run: int, outlet: str, when: str | None, title: str, summary: str, label: str | None, why: str, note: str, *,
            key: str | None = None, repost_of: str | None = None, track: str = "", keep_guid: bool = False,
            same_url: bool = False, carry: str | None = None, via: str | None = None, old: bool = False,
            new_link: bool = False) -> None:
        source = OUTLETS[outlet]
        moment = parse_when(when)
        if carry:
            original = self.by_key[carry]
            record = {k: v for k, v in original.items() if k not in ("why", "note", "_run", "_old")}
            record.update(why="carryover", note=note or f"the listing page still shows its run-{original['_run']} item",
                          _run=run, _old=False)
            self.runs[run].append(record)
            return
        if repost_of and new_link:
            url, guid = source.link(slugify(title), moment)
        elif repost_of or via:
            original = self.by_key[repost_of or via]
            url = original["url"] if same_url or not track else _with_params(original["url"], track)
            if keep_guid:
                guid = original["guid"]
            else:
                _, guid = source.link(slugify(title), moment)
                if outlet == "TP":
                    guid = f"{url}#{source.count}"
        else:
            url, guid = source.link(slugify(title), moment)
        record = {"source": source.name, "url": url, "guid": guid, "title": title, "summary": summary}
        if moment is not None:
            record["published"] = iso(moment)
        record.update(label=label, why=why, note=note, _run=run, _old=old)
        if key:
            if key in self.by_key:
                raise SystemExit(f"duplicate item key {key!r}")
            self.by_key[key] = record
        self.runs[run].append(record)


def _with_params(url: str, params: str) -> str:
    return f"{url}{'&' if '?' in url else '?'}{params}"


ITEMS = Items()

# --------------------------------------------------------------------------- run 1: Tuesday 18 February 2025, 06:15 UTC
# New this morning: The Bear starts filming, Wednesday gets two dates with a teaser, Squid Game gets
# its date, Hacks casts Michaela Watkins, Fallout's Justin Theroux is said to play Mr. House.


def run1(add) -> None:
    # ---- The Bear: filming starts (bear4-filming)
    add("CS", "02-17 15:40", "‘The Bear’ Season 4 Starts Production in Chicago",
        "Cameras are rolling again on FX’s kitchen drama. Production on the fourth season got under way Monday in Chicago, a person close to the show said, with Jeremy Allen White, Ayo Edebiri and Ebon Moss-Bachrach on set. FX has not dated the season.",
        "bear4-filming", "new", "first report that filming began; the article says filming had not started by mid-February (When can we eat?)", key="bear-film-cs")
    add("TP", "02-17 19:10", "The Bear is back in the kitchen: filming on series four begins",
        "Carmy and co have returned to Chicago, where cameras started rolling on the fourth series of the FX drama this week. In the UK the show streams on Disney+.",
        "bear4-filming", "same", "same event as The Call Sheet's report, British wording ('series four')")
    add("BB", "02-17 21:30", "The Bear Season 4 Is Officially Filming – Here's The First Set Photo",
        "Yes, chef! The production shared a clapperboard from day one of season 4 on a Chicago street. Here's everything the picture gives away (spoiler: not much).",
        "bear4-filming", "same", "same event; the set photo is how it was announced", key="bear-film-bb")
    add("SS", None, "Cameras roll again at the Beef",
        "The Bear's fourth season is now shooting in Chicago, with Carmy and Sydney back behind the pass.",
        "bear4-filming", "same", "same event; the headline shares no word with the other reports and names the restaurant, not the show", key="bear-film-ss")
    add("CF", "02-17 23:02", "the bear s4 is FILMING. carmy in the whites again. i am not ok",
        "someone saw the crew outside a river north restaurant this afternoon. season four is really happening",
        "bear4-filming", "same", "same event, social-style")
    add("SC", "02-18 01:15", "FX's The Bear Begins S4 Shoot as Hulu Leans on Its Comedy Franchise",
        "Production on S4 of The Bear started Feb. 17 in Chicago. The series remains one of Hulu's most-streamed originals, and FX wants it back in its usual summer window.",
        "bear4-filming", "same", "same event with a date; 'usual summer window' is the article's own guess")
    add("RR", "02-18 03:00", "The Bear Season 4 Starts Production in Chicago (via The Call Sheet)",
        "Production on the fourth season of FX's The Bear got under way Monday in Chicago.",
        "bear4-filming", "same", "the aggregator's own page for The Call Sheet's story, same morning")
    # ---- The Bear: nothing new
    add("BB", "02-16 14:00", "The Bear Season 4: Release Date Predictions, Cast & Everything We Know",
        "FX already renewed the show, and because every season so far has dropped at the tail end of June, summer looks likely. Here's who's coming back to the Beef.",
        None, "explainer", "restates the article: renewal, the late-June pattern ('our best guess is summer 2025') and the returning cast")
    add("LT", "02-15 16:00", "What does Sydney owe Carmy? The question “The Bear” has to answer next",
        "", None, "opinion", "essay on the open question the article already names (whether Sydney stays); empty summary")
    add("RR", "02-16 09:00", "The Bear Renewed for Season 4 at FX, Will Return Next Year",
        "FX has picked up a fourth season of its Emmy-winning comedy, which will be back next year.",
        None, "relist", "a November 2024 story re-listed in February with a new date: its 'next year' meant 2025, which the article says; read against 16 February it would wrongly give 2026")
    add("LT", "02-16 12:00", "Thirty-seven years on, Annaud’s “The Bear” still asks how to film an animal",
        "A new restoration of the 1988 wildlife drama plays the Music Box Theatre in Chicago this weekend.",
        None, "clash", "Jean-Jacques Annaud's 1988 film The Bear; mentions Chicago")
    add("SC", "02-17 12:30", "Streaming Stocks Slide as Investors Brace for a Bear Market",
        "Netflix and Disney shares fell for a third day as analysts warned that subscriber growth is slowing.",
        None, "clash", "'bear market'; Disney owns Hulu and FX")
    add("BB", "02-16 18:00", "The Bear Star Jeremy Allen White Is Bruce Springsteen In First Photos From Deliver Me From Nowhere",
        "20th Century Studios released the first stills of White as the Boss making Nebraska, with Jeremy Strong as his manager Jon Landau.",
        None, "other-work", "a film; 'The Bear Star' before the name")
    # ---- Wednesday: two-part release dates with a teaser (wed2-dates)
    add("CS", "02-17 16:05", "‘Wednesday’ Season 2 Sets Aug. 6 Return, Will Be Split Into Two Parts",
        "Netflix will release the second season of its Addams Family hit in two batches: four episodes on August 6, 2025 and the last four on September 3. The dates arrived in a teaser that puts Jenna Ortega back in the halls of Nevermore.",
        "wed2-dates", "new", "first report; the article says Netflix gave only '2025' and had not said whether the season comes in parts; the year is only in the summary", key="wed-dates-cs")
    add("TP", "02-17 17:20", "Wednesday series two will arrive in two halves this summer | Telly Post",
        "Netflix has confirmed that Part One lands on 6 August and Part Two on 3 September, with four episodes in each.",
        "wed2-dates", "same", "same announcement; no year written, 'this summer' beside the day-month dates")
    add("BB", "02-17 18:00", "WATCH: Wednesday Season 2 Teaser Is Here And It's Gloriously Creepy",
        "Netflix dropped a new teaser for Wednesday season 2 on Monday and finally confirmed the release plan: Part 1 hits on August 6th and Part 2 follows on September 3rd.",
        "wed2-dates", "same", "the teaser is the headline, the dates are in the summary: one story under Release Date", key="wed-dates-bb")
    add("SC", "02-17 20:45", "Netflix Splits Wednesday S2 in Two, a Playbook It Used for Stranger Things and Bridgerton",
        "Part 1 (4 eps) drops 8/6 and Part 2 (4 eps) on 9/3. Split seasons keep subscribers paying across two billing cycles.",
        "wed2-dates", "same", "same announcement in numeric dates; two untracked shows in passing")
    add("CF", "02-17 16:50", "WEDNESDAY IS BACK ON A WEDNESDAY. august 6. i repeat august 6",
        "and then part two sept 3 because netflix loves to make us suffer",
        "wed2-dates", "same", "same announcement; August 6, 2025 is a Wednesday")
    add("SS", None, "Nevermore reopens in August",
        "Netflix has put Wednesday's second season on the calendar: four episodes Aug. 6, four more Sept. 3.",
        "wed2-dates", "same", "same announcement; a listing item with no date and no year, and no shared headline word", key="wed-dates-ss")
    add("LT", "02-17 23:30", "Splitting “Wednesday” in half is a business decision dressed up as a cliffhanger",
        "Netflix’s choice to release the show’s second season across August and September says more about churn than about storytelling.",
        "wed2-dates", "same", "an essay on the same announcement, giving only the months")
    add("RR", "02-18 02:10", "Wednesday season 2 release date: Netflix confirms two-part drop",
        "Via Telly Post: Part One lands on 6 August and Part Two on 3 September.",
        "wed2-dates", "same", "aggregator page for Telly Post's story, same morning")
    add("CS", "02-17 21:45", "UPDATED: ‘Wednesday’ Season 2 Sets Aug. 6 Return; Netflix Releases Teaser",
        "Netflix will release the second season in two batches: four episodes on August 6, 2025 and the last four on September 3. Updated with the teaser.",
        "wed2-dates", "repost", "The Call Sheet's own story again, retitled, same link, new GUID", repost_of="wed-dates-cs", same_url=True)
    # ---- Wednesday: nothing new
    add("BB", "02-15 13:00", "Wednesday Season 2: Everything We Know About Nevermore's Return",
        "Steve Buscemi is the new principal, Joanna Lumley plays Grandmama and Netflix says it's coming in 2025. Here's the rest.",
        None, "explainer", "written before the dates: restates the article")
    add("TP", "02-16 10:00", "Wednesday's second term will be scarier and less lovesick, say its creators",
        "Alfred Gough and Miles Millar want fewer romantic entanglements and more frights when Jenna Ortega returns, and more of the Addams clan.",
        None, "restatement", "paraphrase of the article: 'leans into horror more than romance' and more of the family")
    add("LT", "02-16 15:00", "Two years on, Wednesday’s “Rat Saw God” still sounds like a small town at 2 a.m.",
        "Karly Hartzman’s North Carolina band made a record about ordinary disasters, and it has only grown.",
        None, "clash", "Wednesday, the band")
    add("SC", "02-18 00:30", "Paramount Global to Report Q4 Results on Wednesday, Feb. 26",
        "Analysts expect Paramount+ to post another quarter of subscriber gains ahead of the Skydance merger.",
        None, "clash", "the weekday, in a Title Case TV-business headline with a date")
    add("CF", "02-17 13:00", "ash wednesday is march 5 and i have already given up on giving something up",
        "lent is going to be a long one", None, "clash", "the weekday, with a date")
    add("CS", "02-16 17:00", "A24 Sets SXSW Premiere for ‘Death of a Unicorn’ With Jenna Ortega and Paul Rudd",
        "The ‘Wednesday’ star plays Rudd’s daughter in the horror comedy, which opens in theaters March 28.",
        None, "other-work", "a film; 'The Wednesday star' and a date")
    # ---- Squid Game: the final season's date (sg3-date)
    add("SE", "02-17 23:40", "Netflix Sets June 27 for Final 'Squid Game' Season",
        "Netflix Korea said on Tuesday that the third and last season of Hwang Dong-hyuk's survival drama will stream worldwide from June 27, 2025, and released a short date clip of the giant doll Young-hee.",
        "sg3-date", "new", "first report; the article says Netflix gave only '2025'", key="sg-date-se")
    add("CS", "02-18 00:20", "‘Squid Game’ Season 3 Gets June Premiere Date on Netflix",
        "The final chapter of the Korean phenomenon arrives Friday, June 27, Netflix said early Tuesday, six months after the second season.",
        "sg3-date", "same", "'Gets June Premiere Date': the month in the headline, the day in the summary")
    add("BB", "02-18 01:30", "Squid Game Season 3 Release Date Confirmed: The Final Game Begins This Summer",
        "Mark your calendars for June 27th. Netflix revealed the date with a creepy new clip of Young-hee.",
        "sg3-date", "same", "same announcement; 'this summer' in the headline, the date in the summary", key="sg-date-bb")
    add("TP", "02-18 04:50", "Squid Game's last series lands in June",
        "The Korean thriller returns for its third and final run on 27 June, Netflix has confirmed.",
        "sg3-date", "same", "same announcement; the summary's subject is a description ('The Korean thriller')")
    add("CF", "02-18 02:15", "squid game s3 june 27 the doll is BACK",
        "gi-hun please just go home", "sg3-date", "same", "same announcement, social-style")
    add("SC", "02-18 03:40", "Netflix Dates Squid Game's Final Season for Late June, Closing Out Its Biggest Non-English Franchise",
        "S3 premieres 6/27. S2 logged 68M views in its first four days, a Netflix record for the opening of a season.",
        "sg3-date", "same", "same announcement in numeric form, with season 2 data")
    add("SS", None, "The last round starts June 27",
        "Netflix has given Squid Game's third season a date.",
        "sg3-date", "same", "same announcement; no date, no year", key="sg-date-ss")
    add("BB", "02-18 05:00", "Squid Game Season 3 Release Date Confirmed: The Final Game Begins This Summer",
        "Mark your calendars for June 27th. Netflix revealed the date with a creepy new clip of Young-hee.",
        "sg3-date", "repost", "Binge Beacon's item again from its social account: same text, link with utm_*, new GUID",
        repost_of="sg-date-bb", track="utm_source=twitter&utm_medium=social")
    # ---- Squid Game: nothing new
    add("SE", "02-15 09:00", "Hwang Dong-hyuk on Why 'Squid Game' Had to Be Split in Two",
        "The creator said the story became too big for a single season, so he shot seasons two and three together.",
        None, "restatement", "paraphrase of 'The last game': split because it grew too long, shot back to back")
    add("RR", None, "Squid Game Will Return in 2025 for Its Final Season",
        "Netflix says the last round of games is back next year, after the Christmas launch of season two.",
        None, "relist", "a December 2024 story re-listed with no date: the explicit 2025 must win over 'next year'; the article says 2025")
    add("RR", "2024-12-04 19:00", "David Fincher Eyes English-Language Squid Game Series at Netflix",
        "The director is said to be developing a version of the Korean hit for English-speaking audiences.",
        None, "spin-off", "an old story about a remake, re-listed with its old date", old=True)
    add("SE", "02-16 06:00", "'Squid Game' Star Lee Byung-hun Joins Voice Cast of Netflix's 'KPop Demon Hunters'",
        "The actor who plays the Front Man lends his voice to a demon king in the animated film, due this summer.",
        None, "other-work", "a film; 'Squid Game Star' before the name, and 'this summer'")
    add("BB", "02-16 16:00", "Squid Game: The Challenge Season 3 Casting Is Open – Here's How To Apply",
        "Netflix is looking for 456 new players for its reality competition. Applications close next month.",
        None, "spin-off", "the reality contest whose title starts with the tracked title")
    add("SE", "02-16 23:00", "'Squid Game' Season 3: Who Is Coming Back?",
        "Lee Jung-jae, Lee Byung-hun and Wi Ha-joon lead the returning players, along with Yim Si-wan and Kang Ha-neul.",
        None, "explainer", "restates the article's Players section")
    add("LT", "02-18 03:00", "“Squid Game” has one season left to tell us what it thinks of us",
        "", None, "opinion", "essay, empty summary")
    add("CF", "02-17 14:30", "me looking for shows like squid game after squid game (there are none)",
        "send recs anyway", None, "passing", "'shows like': a comparison")
    # ---- Hacks: Michaela Watkins cast (hacks4-watkins)
    add("CS", "02-17 18:30", "EXCLUSIVE: ‘Hacks’ Adds Michaela Watkins for Season 4",
        "Watkins (Casual, The Unicorn) will recur in the Max comedy’s fourth season as a human resources executive at Deborah’s network. The season is due this spring.",
        "hacks4-watkins", "new", "first report; the article says no new cast members have been announced; 'this spring' is known", key="hacks-watkins-cs")
    add("TP", "02-17 21:00", "Hacks: Michaela Watkins checks in for series four",
        "The Casual star will have a recurring role when Jean Smart's comedy returns to Max this spring.",
        "hacks4-watkins", "same", "same casting; 'The Casual star' before the name")
    add("BB", "02-18 00:05", "SNL Alum Michaela Watkins Is Heading To Hacks Season 4",
        "She'll play an HR boss who has to referee Deborah and Ava. Honestly? Perfect casting.",
        "hacks4-watkins", "same", "same casting; 'SNL Alum' before the name")
    add("CF", "02-18 03:30", "michaela watkins in hacks season 4 as the HR lady. deborah is going to eat her alive",
        "", "hacks4-watkins", "same", "same casting, social-style, empty summary")
    # ---- Hacks: nothing new
    add("LT", "02-16 20:00", "“Hacks” gave Deborah everything she wanted. Now what?",
        "Deborah finally has her late-night desk, and Ava has the head writer title she extorted. The fourth season arrives this spring.",
        None, "restatement", "restates 'Where we left them' and 'spring 2025'")
    add("SC", "02-17 14:10", "Streamers Tighten Security After Account Hacks Hit Thousands of Subscribers",
        "Password-sharing crackdowns have made stolen logins more valuable, security firms say.",
        None, "clash", "'Hacks' as break-ins, Title Case, in a streaming story")
    add("BB", "02-16 11:00", "15 Netflix Hacks Every Binge-Watcher Should Know",
        "Hidden menus, secret category codes and the one setting that stops autoplay.",
        None, "clash", "'Hacks' as tips, Title Case, with TV words")
    add("CS", "02-18 02:30", "Jean Smart to Return to Broadway in ‘Call Me Izzy’",
        "The ‘Hacks’ star will lead Jamie Wax’s one-woman play, which begins performances in late spring.",
        None, "other-work", "stage work; 'The Hacks star'")
    # ---- Fallout: Justin Theroux's role (fo2-theroux)
    add("CS", "02-16 20:15", "Justin Theroux Is Mr. House in ‘Fallout’ Season 2",
        "Theroux will play Robert House, the tech magnate who rules New Vegas in the games, people familiar with the production said. Prime Video declined to comment.",
        "fo2-theroux", "new", "first report; the article says Theroux joined in a role Prime Video has not described", key="fo-theroux-cs")
    add("BB", "02-17 09:00", "Fallout Season 2: Justin Theroux Reportedly Playing Mr. House",
        "If true, the Leftovers star is taking on the most powerful man in the Mojave. Here's what that means for New Vegas.",
        "fo2-theroux", "same", "same report; 'the Leftovers star'")
    add("CF", "02-17 11:40", "justin theroux as mr house???? that's so right",
        "the leftovers guy running the strip. fallout s2 can't come soon enough", "fo2-theroux", "same", "same report, social-style")
    add("SS", None, "The man behind New Vegas has been cast",
        "Reports say Justin Theroux plays Robert House in Fallout season two.",
        "fo2-theroux", "same", "same report; no show name in the headline", key="fo-theroux-ss")
    # ---- Fallout: nothing new
    add("TP", "02-15 12:00", "Fallout series two: what we know about the trip to New Vegas",
        "Prime Video ordered more in April, filming began in California in November, and Lucy and the Ghoul are bound for the Mojave.",
        None, "explainer", "restates the article")
    add("SC", "02-17 10:20", "Prime Video's Fallout S2 Is Shooting Deep Into 2025, Ruling Out a Summer Return",
        "Production that began in November is still under way, which makes a release before late 2025 unlikely.",
        None, "restatement", "paraphrase of the article's 'expected to run well into 2025, so a release before late 2025 looks unlikely'")
    add("SC", "02-16 22:00", "The Fallout From Warner Bros. Discovery’s Split Plan, Explained",
        "What separating the networks from the studios and Max would mean for HBO's shows.",
        None, "clash", "'Fallout' as consequences, Title Case, in a TV-business story")
    add("BB", "02-17 15:00", "Fallout 76 Free Week Brings Thousands Of New Players To Appalachia",
        "Bethesda's online game is free to play until Monday.", None, "clash", "the game")
    add("CF", "02-16 08:00", "fall out boy announced a tour and my 2007 self is screaming",
        "", None, "clash", "the band, spelled apart")
    add("LT", "02-17 13:30", "Walton Goggins has become television’s favorite unreliable charmer",
        "From the Ghoul in “Fallout” to a jittery guest in “The White Lotus,” the actor is having the best run of his career.",
        None, "passing", "a profile: Fallout in passing, The White Lotus's third season")
    # ---- The White Lotus: nothing new (season 3 is airing)
    add("SC", "02-18 00:50", "The White Lotus S3 Premiere Draws 2.4M Viewers on Its First Night",
        "HBO said Sunday's Thailand-set opener was up on the season 2 premiere across HBO and Max.",
        None, "other-season", "season 3 ratings, not season 4 news")
    add("TP", "02-17 08:00", "The White Lotus series three review: the resort is the best guest",
        "Mike White's satire moves to Koh Samui and finds a new set of rich people to ruin.",
        None, "other-season", "a review of season 3")
    add("RR", "2025-01-22 18:30", "HBO Renews The White Lotus for Season 4 Ahead of Season 3 Premiere",
        "Mike White's anthology will return for a fourth installment, with production expected to start in 2026.",
        None, "relist", "the January renewal re-listed with its own date; the article has it", old=True)
    add("CF", "02-17 04:00", "white lotus s4 isn't even filming until 2026 so we're not getting it until like 2027. pain",
        "", None, "restatement", "restates 'Production is planned for 2026'; the 2027 is a guess")
    add("BB", "02-16 20:00", "Avatar Fans Think The Order Of The White Lotus Will Return In The New Animated Series",
        "The secret society of masters could be key to the next Avatar story.", None, "clash", "the Order of the White Lotus from Avatar, under the alias 'White Lotus'")
    add("TP", "02-17 11:30", "Koh Samui bookings soar as White Lotus fans follow the show to Thailand",
        "Travel firms report a rush of enquiries about the island where the third series was filmed.",
        None, "other-season", "tourism around season 3")
    # ---- The Last of Us: nothing new
    add("BB", "02-16 10:00", "The Last Of Us Season 2: Everything We Know About Abby, Dina And April 2025",
        "HBO has confirmed an April premiere, Kaitlyn Dever is Abby and Isabela Merced is Dina. Here's everything else.",
        None, "explainer", "restates the article")
    add("CS", "02-17 02:00", "Pedro Pascal Stretches Out in New ‘Fantastic Four: First Steps’ Spot",
        "The Last of Us star plays Reed Richards in Marvel’s July 25 release.",
        None, "other-work", "a film, with a date; 'The Last of Us star'")
    add("CF", "02-17 19:30", "tlou part ii remastered hits pc april 3. finally",
        "my laptop is going to melt", None, "clash", "the game, under the alias 'tlou', with an April date")
    add("LT", "02-15 19:00", "The second season of “The Last of Us” is shorter. That may be a gift.",
        "Seven episodes instead of nine leaves less room for the detours the first season loved.",
        None, "restatement", "restates 'seven episodes, two fewer than the first'")
    add("TP", "02-16 13:00", "Craig Mazin: one series can't hold all of The Last of Us Part II",
        "The showrunner says the second game's story will take longer than a single run to tell.",
        None, "restatement", "paraphrase of 'Mazin has said the story of Part II needs more than one season'")
    # ---- Paradise: nothing new yet
    add("BB", "02-16 17:00", "Is Paradise Renewed For Season 2? Here's What We Know",
        "Hulu hasn't said yet, but Dan Fogelman has a three-season plan. Here's where things stand.",
        None, "explainer", "restates 'Not yet' and the three-season plan")
    add("SC", "02-17 18:00", "Paradise Pulls 7M Views in First Week on Hulu and Disney+",
        "Dan Fogelman's thriller is one of Hulu's biggest drama launches, the company said.",
        None, "other-season", "season 1 viewing data")
    add("CF", "02-17 03:00", "ok paradise theory: sinatra knows exactly who killed cal",
        "hear me out", None, "opinion", "a theory about season 1")
    add("TP", "02-16 09:30", "Paradise, California, opens a new library seven years after the Camp Fire",
        "The town's rebuilding has reached its civic buildings.", None, "clash", "the town")
    add("RR", "02-17 12:00", "Bachelor in Paradise Will Film Its Next Season This Summer",
        "ABC is casting singles for another stay on the beach in Mexico.", None, "untracked", "another show whose title contains 'Paradise'")
    add("LT", "02-17 10:30", "Coldplay’s “Paradise” and the long afterlife of the stadium lament",
        "", None, "clash", "the song; empty summary")
    add("SS", None, "Paradise finale set for March 4",
        "Hulu's Sterling K. Brown thriller wraps its first season on Tuesday, March 4.",
        None, "restatement", "the season 1 finale date is in the article's lead", key="par-finale-ss")
    # ---- untracked shows
    add("CS", "02-17 17:30", "‘Andor’ Season 2 Trailer Charts the Road to Rogue One Ahead of April 22 Premiere",
        "Disney+ will release the final season in four three-episode arcs.", None, "untracked", "another show, with a date")
    add("TP", "02-17 07:30", "Severance series two, episode five review: a trip to the woods",
        "The Lumon retreat gets stranger.", None, "untracked", "another show")
    add("SC", "02-17 19:40", "Daredevil: Born Again Locks March 4 Premiere With Two Episodes",
        "Disney+ has nine episodes of the Marvel revival.", None, "untracked", "another show, with a date")
    add("BB", "02-17 20:00", "Yellowjackets Season 3 Episode 2 Ending Explained",
        "", None, "untracked", "another show")
    add("CF", "02-17 22:40", "bridgerton season 4 set photos have me in a chokehold",
        "", None, "untracked", "another show")
    add("SE", "02-17 05:00", "'When Life Gives You Tangerines' to Premiere in Four Parts on Netflix",
        "IU and Park Bo-gum's period drama arrives on March 7.", None, "untracked", "another show, with a date")
    add("SS", None, "Reacher season 3 arrives Thursday",
        "Alan Ritchson goes undercover in the new episodes.", None, "untracked", "another show", key="reacher-ss")
    # ---- roundups
    add("RR", "02-18 04:30", "Netflix 2025: Every Big Return Date So Far",
        "Wednesday comes back in two parts from August 6, Squid Game ends on June 27, and Stranger Things 5 still has no date.",
        None, "roundup", "lists two dates told the same morning by other outlets, and an untracked show")
    add("BB", "02-16 08:00", "25 Most Anticipated TV Shows Of 2025",
        "From The Last of Us in April to Wednesday and Squid Game later in the year, here's what we can't wait for.",
        None, "roundup", "restates what the articles say (April, 2025)")


# --------------------------------------------------------------------------- run 2: Friday 21 February 2025, 06:15 UTC
# New this morning: Jamie Lee Curtis on The Bear's set, The Bear back in June, The Last of Us dated
# April 13, Paradise renewed, Kumail Nanjiani joins Fallout, Wednesday's episode titles, Squid Game's
# six episodes; Hacks' ten episodes appear on TVmaze before any outlet has them.


def run2(add) -> None:
    # ---- The Bear: Jamie Lee Curtis back (bear4-curtis)
    add("CF", "02-18 22:10", "JAMIE LEE CURTIS ON THE BEAR SET. donna berzatto lives",
        "fan photos from lincoln square show her in full donna mode with the crew",
        "bear4-curtis", "new", "first report; the article says whether Curtis returns has not been announced", key="bear-curtis-cf")
    add("BB", "02-19 00:40", "Jamie Lee Curtis Returns As Donna In The Bear Season 4 Set Photos",
        "The Oscar winner was photographed shooting scenes in Chicago on Tuesday, wig and all.",
        "bear4-curtis", "same", "same news")
    add("CS", "02-19 15:20", "Jamie Lee Curtis Back for ‘The Bear’ Season 4 as Shoot Continues in Chicago",
        "FX confirmed Wednesday that the Oscar winner will reprise Donna Berzatto. Production on the season began Monday.",
        "bear4-curtis", "same", "headline announces Curtis and mentions the filming (bear4-filming) in passing: it belongs to bear4-curtis")
    add("TP", "02-19 18:00", "Carmy's mum is back: Jamie Lee Curtis returns for The Bear series four",
        "FX has confirmed the Oscar winner will play Donna again.",
        "bear4-curtis", "same", "same news, British wording")
    add("SS", None, "Donna Berzatto returns",
        "Jamie Lee Curtis has been photographed on the set of The Bear's fourth season.",
        "bear4-curtis", "same", "same news; the character's name, not the show's, in the headline", key="bear-curtis-ss")
    # ---- The Bear: June (bear4-june)
    add("SC", "02-20 18:05", "FX Chief Says The Bear S4 Returns in June, Keeping Its Summer Slot",
        "John Landgraf told investors the kitchen comedy will be back in June 2025; an exact date will follow.",
        "bear4-june", "new", "first report; the month narrows the article's 'summer 2025'", key="bear-june-sc")
    add("CS", "02-20 19:30", "‘The Bear’ Sets June Return for Season 4",
        "FX will bring the show back in June, network chief John Landgraf said Thursday, without naming a day.",
        "bear4-june", "same", "'Sets June Return': month only; the year comes from the item's date")
    add("BB", "02-20 21:00", "The Bear Season 4 Is Coming In June, FX Confirms",
        "Right on schedule, chef: Carmy and the crew are back in June.",
        "bear4-june", "same", "same news")
    add("CF", "02-20 22:30", "the bear in june again. carmy said tradition",
        "", "bear4-june", "same", "same news, lower case, empty summary")
    add("TP", "02-21 05:30", "The Bear will be back on Disney+ in June",
        "FX says the fourth series arrives in the US in June, with Disney+ expected to follow in the UK.",
        "bear4-june", "same", "same news, UK angle")
    # ---- The Bear: late reports and nothing new
    add("LT", "02-19 12:00", "Why “The Bear” keeps going back to the same Chicago block",
        "As production on a fourth season begins, a look at how the show turned River North into a character.",
        "bear4-filming", "late", "an essay on the filming news of run 1")
    add("RR", "02-19 03:00", "The Bear Season 4 Filming: First Set Photo",
        "Via Binge Beacon: the production shared a clapperboard from day one in Chicago.",
        "bear4-filming", "late", "aggregator page for Binge Beacon's run-1 story")
    add("BB", "02-18 12:00", "The Bear Season 4: Will Sydney Leave? Every Clue So Far",
        "The season 3 finale left Syd weighing an offer from another chef. Here's what the show has hinted.",
        None, "explainer", "restates the open question in 'Where the story goes'")
    add("RR", "02-19 22:00", "The Bear Down Podcast: Ben Johnson's First Month in Chicago",
        "The new head coach has hired his staff and is looking at the draft.", None, "clash", "the Chicago Bears; 'The Bear' begins the title")
    add("CS", "02-20 15:45", "Jeremy Allen White’s Springsteen Film ‘Deliver Me From Nowhere’ Dated for Oct. 24",
        "The Bear star plays Bruce Springsteen in Scott Cooper’s film about the making of Nebraska.",
        None, "other-work", "a film with a partial date; 'The Bear star'")
    add("SS", None, "Cameras roll again at the Beef",
        "The Bear's fourth season is now shooting in Chicago, with Carmy and Sydney back behind the pass.",
        "bear4-filming", "carryover", "the listing page still shows its run-1 item", carry="bear-film-ss")
    # ---- The Last of Us: April 13 (tlou2-date)
    add("CS", "02-19 17:05", "‘The Last of Us’ Season 2 Sets April 13 Premiere on HBO",
        "The seven-episode second season debuts Sunday, April 13, 2025 at 9 p.m. on HBO and Max, the network said Wednesday, releasing a new poster of Joel and Ellie.",
        "tlou2-date", "new", "first report; the exact date narrows the article's 'April 2025'; the year is only in the summary", key="tlou-date-cs")
    add("TP", "02-19 18:30", "The Last of Us series two: Sky Atlantic date confirmed for 14 April",
        "UK viewers get Joel and Ellie's return the day after the US premiere, on Monday 14 April, and it will also stream on NOW.",
        "tlou2-date", "same", "same announcement seen from the UK: the UK date follows from the US one")
    add("BB", "02-19 19:15", "The Last Of Us Season 2 Finally Has A Premiere Date",
        "Sunday, April 13th is the day. HBO also dropped a brand-new poster, and it's bleak.",
        "tlou2-date", "same", "same announcement; the date only in the summary", key="tlou-date-bb")
    add("CF", "02-19 17:40", "tlou s2 april 13. i need to lie down",
        "", "tlou2-date", "same", "same announcement under the alias 'tlou'", key="tlou-date-cf")
    add("SC", "02-19 21:00", "HBO Lands TLOU S2 Premiere Date in a Crowded April for Max",
        "S2 bows 4/13, a week after The White Lotus wraps its third season on 4/6.",
        "tlou2-date", "same", "'Lands Premiere Date'; The White Lotus's season 3 finale in passing")
    add("SS", None, "Here's when Joel and Ellie come back",
        "HBO's post-apocalyptic drama returns April 13.",
        "tlou2-date", "same", "same announcement; no show name at all, a description as the subject", key="tlou-date-ss")
    add("LT", "02-20 14:00", "“The Last of Us” comes back in April, and the wait was the point",
        "HBO has finally dated the second season. Two years away has changed what the show needs to be.",
        "tlou2-date", "same", "an essay on the dating, giving only the month")
    add("RR", "02-20 02:00", "The Last of Us Season 2 Premiere Date and Poster Revealed",
        "Via The Call Sheet: the seven-episode season debuts Sunday, April 13.",
        "tlou2-date", "same", "aggregator page for The Call Sheet's story")
    add("BB", "02-20 09:00", "The Last Of Us Season 2 Finally Has A Premiere Date",
        "Sunday, April 13th is the day. HBO also dropped a brand-new poster, and it's bleak.",
        "tlou2-date", "repost", "Binge Beacon's item again from Facebook: utm_* and fbclid, new GUID",
        repost_of="tlou-date-bb", track="utm_source=facebook&utm_medium=social&fbclid=IwAR0bb41xq")
    add("CF", "02-19 18:10", "tlou s2 april 13. i need to lie down (reposting bc the link broke)",
        "", "tlou2-date", "repost", "Couch Feed's own post again under a new post id and link", repost_of="tlou-date-cf", new_link=True)
    # ---- The Last of Us: nothing new
    add("CS", "02-18 17:00", "Isabela Merced Talks Hawkgirl and James Gunn’s ‘Superman’",
        "The Last of Us newcomer, who plays Dina in the second season, talks about James Gunn’s July 11 film.",
        None, "other-work", "a film with a date; her Dina casting is already in the article")
    add("BB", "02-20 15:00", "The Last Of Us Part II Remastered PC Specs Revealed Ahead Of April 3 Launch",
        "Naughty Dog lists what you need to run it at 4K.", None, "clash", "the game, with an April date")
    # ---- Paradise: renewed (par2-renewal)
    add("CS", "02-20 19:00", "‘Paradise’ Renewed for Season 2 at Hulu",
        "Dan Fogelman’s Sterling K. Brown thriller will return, Hulu said Thursday, two weeks before the first season’s March 4 finale. ABC will air season one from April 7.",
        "par2-renewal", "new", "first report; the article says Hulu has not renewed the show; the ABC date is about season 1", key="par-renew-cs")
    add("SC", "02-20 19:45", "Hulu Orders More Paradise After 7M-View Launch",
        "The S2 pickup follows a first week that put the thriller at the top of Hulu's chart.",
        "par2-renewal", "same", "same renewal; no headline word shared with 'Renewed for Season 2'")
    add("TP", "02-20 21:10", "Paradise gets a second series",
        "Hulu has recommissioned Dan Fogelman's bunker thriller; in the UK it streams on Disney+.",
        "par2-renewal", "same", "same renewal, British wording")
    add("BB", "02-20 20:30", "Paradise Season 2 Is Happening! Here's Everything We Know So Far",
        "Hulu just confirmed a second season. Here's what Dan Fogelman has said about his three-season plan and who could be back.",
        "par2-renewal", "same", "an explainer that carries the new renewal: it belongs to the story")
    add("CF", "02-20 19:20", "PARADISE RENEWED. xavier collins we ride at dawn",
        "", "par2-renewal", "same", "same renewal, social-style")
    add("LT", "02-21 01:00", "A second season of “Paradise” is good news, and a test",
        "Hulu’s renewal means Fogelman now has to make the bunker bigger without losing what made it tight.",
        "par2-renewal", "same", "an essay on the renewal")
    add("SS", None, "Hulu brings back its bunker drama",
        "Paradise will return for a second season.", "par2-renewal", "same", "same renewal; a description in the headline", key="par-renew-ss")
    add("RR", "02-21 03:30", "Paradise Renewed at Hulu, Will Return in 2026",
        "Hulu expects Xavier Collins back next year, though no dates have been set.",
        "par2-renewal", "same", "same renewal; the aggregator's '2026' and 'next year' agree with each other, but nobody official gave a year")
    add("CS", "02-20 22:00", "UPDATED: ‘Paradise’ Renewed for Season 2 at Hulu; Statement From Dan Fogelman Added",
        "Dan Fogelman’s Sterling K. Brown thriller will return. Updated with a statement from Fogelman.",
        "par2-renewal", "repost", "The Call Sheet's update: same link, new GUID", repost_of="par-renew-cs", same_url=True)
    # ---- Paradise: nothing new
    add("BB", "02-19 20:00", "Bachelor In Paradise Season 10: Release Window, Cast Rumors And More",
        "The beach is open again this summer.", None, "untracked", "another show whose title contains 'Paradise'")
    add("TP", "02-20 08:00", "Paradise lost? Liverpool's lead shrinks after a draw at Villa Park",
        "", None, "clash", "football; the word opens the headline")
    add("CS", "02-20 23:00", "‘Sonic the Hedgehog 4’ Dated for March 19, 2027; James Marsden Expected Back",
        "The Paradise star is expected to return as Tom Wachowski opposite Jim Carrey.",
        None, "other-work", "a film with a date; 'The Paradise star'")
    add("TP", "02-18 15:00", "Paradise: Dan Fogelman has three series mapped out",
        "The creator says he knows where the story ends if Hulu lets him get there.",
        None, "restatement", "restates the three-season plan")
    add("CF", "02-20 09:00", "paradise ep 5 theory thread: the bunker is not under colorado",
        "", None, "opinion", "a theory about season 1")
    # ---- Fallout: Kumail Nanjiani (fo2-nanjiani)
    add("CS", "02-18 20:00", "EXCLUSIVE: Kumail Nanjiani Joins ‘Fallout’ Season 2",
        "The Silicon Valley and Eternals alum has been cast in a recurring role in Prime Video’s adaptation, which is shooting in Southern California. Details of his character are under wraps.",
        "fo2-nanjiani", "new", "first report; the article names no cast beyond Theroux and Culkin", key="fo-nanjiani-cs")
    add("BB", "02-18 22:30", "Silicon Valley Alum Kumail Nanjiani Heads To The Wasteland In Fallout Season 2",
        "He joins Justin Theroux and Macaulay Culkin among the new faces.",
        "fo2-nanjiani", "same", "same casting; 'Alum' before the name")
    add("TP", "02-19 07:00", "Fallout series two adds Kumail Nanjiani", "", "fo2-nanjiani", "same", "same casting, empty summary")
    add("CF", "02-18 21:15", "kumail nanjiani in fallout. the wasteland is getting funnier",
        "", "fo2-nanjiani", "same", "same casting, social-style")
    add("SC", "02-19 13:00", "Prime Video Adds Kumail Nanjiani to Fallout S2 as Amazon Bets on Game IP",
        "The casting comes as Amazon develops more series from video game franchises.",
        "fo2-nanjiani", "same", "same casting, business angle")
    add("SS", None, "Star Kumail Nanjiani boards the wasteland",
        "The Big Sick star has a recurring role in Fallout's second season.",
        "fo2-nanjiani", "same", "same casting; 'Star' before the name, no show name in the headline", key="fo-nanjiani-ss")
    # ---- Fallout: late report and nothing new
    add("TP", "02-18 09:00", "Justin Theroux 'to play Mr House' in Fallout series two",
        "The Leftovers actor is said to be playing the ruler of New Vegas.",
        "fo2-theroux", "late", "a later report of the run-1 story")
    add("SC", "02-20 13:30", "Tariff Fallout: Why Streamers' Hardware Partners Are Nervous",
        "Set-top box makers warn of higher prices.", None, "clash", "'Fallout' as consequences, Title Case")
    add("CF", "02-19 10:00", "fallout 4 next-gen update broke my mods again", "", None, "clash", "the game")
    add("SS", None, "The man behind New Vegas has been cast",
        "Reports say Justin Theroux plays Robert House in Fallout season two.",
        "fo2-theroux", "carryover", "the listing page still shows its run-1 item", carry="fo-theroux-ss")
    # ---- Wednesday: episode titles (wed2-titles)
    add("BB", "02-19 16:00", "Wednesday Season 2 Episode Titles Revealed – And They're All Woe Puns",
        "Netflix shared the names of Part 1's four episodes, starting with 'Here We Woe Again', ahead of the August 6th premiere.",
        "wed2-titles", "new", "first report; the article says no episode titles have been released; the August date (wed2-dates) is only mentioned", key="wed-titles-bb")
    add("CF", "02-19 17:30", "the wednesday s2 episode titles are all WOE puns. here we woe again is so stupid i love it",
        "", "wed2-titles", "same", "same news, social-style")
    add("TP", "02-20 10:00", "Wednesday series two: 'Here We Woe Again' opens Part One on 6 August",
        "Netflix has revealed the titles of the first four episodes, each a pun on woe.",
        "wed2-titles", "same", "the headline carries the known premiere date, but the event is the titles")
    add("SS", None, "Here We Woe Again",
        "That's the title of Wednesday's season two opener; three more woeful titles follow.",
        "wed2-titles", "same", "same news; an episode title as the whole headline", key="wed-titles-ss")
    # ---- Wednesday: late reports and nothing new
    add("SC", "02-18 14:00", "Wednesday's August Return Puts Netflix's Biggest English-Language Hit in a Crowded Summer",
        "Part 1 arrives Aug. 6, one of several big Netflix returns this summer.",
        "wed2-dates", "late", "a later report of the run-1 dates")
    add("LT", "02-19 09:00", "The “Wednesday” teaser knows exactly what we want",
        "The new footage, which dated the second season for August 6, leans hard on Ortega’s deadpan.",
        "wed2-dates", "late", "an essay on the run-1 teaser and date")
    add("RR", "02-19 06:30", "Wednesday Season 2 Sets Aug. 6 Return, Will Be Split Into Two Parts",
        "Via The Call Sheet.", "wed2-dates", "repost",
        "the aggregator re-lists The Call Sheet's link with tracking parameters: the same link, nothing to add",
        via="wed-dates-cs", track="utm_source=reelroundup&utm_medium=referral")
    add("SS", None, "Wednesday season two cast: Steve Buscemi joins",
        "The Boardwalk Empire star plays Nevermore's new principal.", None, "restatement", "the Buscemi casting is in the article")
    add("SS", None, "Nevermore reopens in August",
        "Netflix has put Wednesday's second season on the calendar: four episodes Aug. 6, four more Sept. 3.",
        "wed2-dates", "carryover", "the listing page still shows its run-1 item", carry="wed-dates-ss")
    # ---- Squid Game: six episodes (sg3-episodes)
    add("SE", "02-19 01:00", "'Squid Game' Season 3 to Run Six Episodes, Netflix Confirms",
        "The final season will be one episode shorter than season two when it launches on June 27, Netflix Korea said on Wednesday.",
        "sg3-episodes", "new", "first report; the article says the number of episodes has not been announced; June 27 (sg3-date) is mentioned along", key="sg-eps-se")
    add("CS", "02-19 03:30", "‘Squid Game’ Final Season Will Have Six Episodes",
        "Netflix confirmed the count for the Korean drama’s last chapter.", "sg3-episodes", "same", "same news")
    add("BB", "02-19 05:00", "Squid Game Season 3 Is Shorter Than Season 2 – Here's The Episode Count",
        "Just six episodes this time, down from seven.", "sg3-episodes", "same", "same news; the count only in the summary")
    add("CF", "02-19 04:00", "six episodes?? for the FINAL season?? hwang be serious",
        "", "sg3-episodes", "same", "same news, social-style")
    add("TP", "02-19 11:00", "Squid Game's final series will be six episodes long",
        "", "sg3-episodes", "same", "same news, empty summary")
    # ---- Squid Game: late reports and nothing new
    add("LT", "02-18 20:00", "The date is set for the end of “Squid Game.” What is left to say?",
        "With the final season arriving June 27, Hwang has one more chance to land the argument.",
        "sg3-date", "late", "an essay on the run-1 date")
    add("SE", "02-18 08:00", "June 27 Date Puts 'Squid Game' Finale at the Front of Netflix's Summer",
        "The last season leads Netflix Korea's slate for the first half of 2025.",
        "sg3-date", "late", "a later report of the run-1 date")
    add("SE", "02-20 07:00", "'Squid Game' 3 Will Close the Story, Hwang Says Again",
        "The creator repeated that there will be no fourth season.", None, "restatement", "restates 'Season 3 is the final season'")
    add("SE", "02-20 06:00", "Seoul's 'Squid Game' Experience Adds New Games for Spring",
        "The immersive attraction in Seongsu has added two challenges.", None, "spin-off", "a themed attraction")
    add("BB", "02-20 11:00", "Squid Game Star Lee Jung-jae's Next Drama Is A Romantic Comedy",
        "The Gi-hun actor leads tvN's Nice to Not Meet You.", None, "other-work", "another series; 'Squid Game Star'")
    add("LT", "02-20 20:00", "After “Squid Game,” every streamer wants a deadly contest",
        "", None, "passing", "an essay on imitators; empty summary")
    add("SS", None, "The last round starts June 27",
        "Netflix has given Squid Game's third season a date.",
        "sg3-date", "carryover", "the listing page still shows its run-1 item", carry="sg-date-ss")
    # ---- Hacks: late report and nothing new (TVmaze lists ten episodes this morning: hacks4-episodes)
    add("TP", "02-18 08:30", "Michaela Watkins joins Hacks as the network's HR chief",
        "", "hacks4-watkins", "late", "a later report of the run-1 casting")
    add("LT", "02-19 15:00", "“Hacks” and the comedy of working for someone who needs you",
        "", None, "opinion", "an essay, empty summary")
    add("CF", "02-20 12:00", "my landlord's life hacks for the heating are just 'wear a coat'",
        "", None, "clash", "'hacks' as tips")
    add("TP", "02-20 16:00", "Jean Smart heads back to Broadway in a one-woman play",
        "The Hacks star will lead Call Me Izzy at Studio 54.", None, "other-work", "stage work; a later report of run 1's other-work item")
    # ---- The White Lotus: nothing new
    add("SC", "02-19 22:00", "The White Lotus S3 Opener Reaches 6.2M Cross-Platform Viewers in Three Days",
        "HBO says the Thai season is tracking ahead of Sicily.", None, "other-season", "season 3 ratings")
    add("CF", "02-20 02:00", "white lotus s3 ep 1 the theme song remix is a crime", "", None, "other-season", "season 3")
    add("LT", "02-18 18:00", "“The White Lotus” goes to Thailand and finds the same sickness",
        "", None, "other-season", "a season 3 review, empty summary")
    add("TP", "02-20 12:30", "Mike White won't be back at a White Lotus until next year",
        "HBO says the fourth series will not go into production before 2026.",
        None, "restatement", "'next year' and 2026 agree, and both restate 'Production is planned for 2026'")
    add("BB", "02-19 13:30", "White Lotus Tea Is TikTok's New Wellness Trend",
        "The flower tea promises calm.", None, "clash", "the flower, under the alias 'White Lotus'")
    # ---- untracked shows
    add("CS", "02-20 17:30", "‘The Pitt’ Scrubs In for Season 2 at Max",
        "Noah Wyle’s hospital drama has been renewed.", None, "untracked", "another show's renewal")
    add("SC", "02-19 15:30", "Apple TV+ Holds Its Price as Severance Powers Subscriber Gains",
        "", None, "untracked", "another show")
    add("TP", "02-19 21:00", "Slow Horses series five: first look at Jackson Lamb's return",
        "Gary Oldman is back at Slough House.", None, "untracked", "another show")
    add("BB", "02-20 18:30", "Andor Season 2 Trailer Breakdown: Every Rogue One Connection",
        "", None, "untracked", "another show")
    add("SE", "02-20 03:00", "'Weak Hero Class 2' Sets April Premiere on Netflix",
        "Park Ji-hoon returns as Yeon Si-eun.", None, "untracked", "another show, with a month")
    add("CF", "02-20 23:50", "severance ep 6 tonight and i have cleared my schedule", "", None, "untracked", "another show")
    add("SS", None, "Reacher season 3 arrives Thursday",
        "Alan Ritchson goes undercover in the new episodes.", None, "carryover", "the listing page still shows its run-1 item", carry="reacher-ss")
    # ---- roundups
    add("SC", "02-20 23:30", "Every Streaming Premiere Date Set for Spring and Summer 2025",
        "From The Last of Us (4/13) to Squid Game (6/27) and Wednesday (8/6), here's the calendar.",
        None, "roundup", "dates already told, one of them the same morning")
    add("BB", "02-19 09:30", "Every Renewed And Cancelled Show Of 2025 So Far",
        "The White Lotus is booked for season 4, Squid Game is ending, and more.", None, "roundup", "facts the articles have")


# --------------------------------------------------------------------------- run 3: Tuesday 25 February 2025, 06:15 UTC
# New this morning: Lady Gaga in Wednesday, Paradise films in March, Fallout's eight episodes, The
# White Lotus leans toward Europe, The Bear's June 25 date with a teaser, Hacks dated April 10,
# Catherine O'Hara's role in The Last of Us, the first Squid Game season 3 stills.


def run3(add) -> None:
    # ---- Wednesday: Lady Gaga (wed2-gaga)
    add("CS", "02-21 18:00", "Lady Gaga to Guest Star in ‘Wednesday’ Season 2",
        "The Oscar winner will appear in the Netflix series’ second season in a role being kept under wraps, people close to the production said. Her song ‘Bloody Mary’ soundtracked the viral dance from season one.",
        "wed2-gaga", "new", "first report; the article says other guest stars are not known", key="wed-gaga-cs")
    add("BB", "02-21 19:30", "Lady Gaga Is Joining Wednesday Season 2 And The Internet Is Losing It",
        "The Bloody Mary dance trend has come full circle.", "wed2-gaga", "same", "same news")
    add("CF", "02-21 18:40", "LADY GAGA IN WEDNESDAY. the bloody mary dance to cameo pipeline is real",
        "", "wed2-gaga", "same", "same news, social-style")
    add("TP", "02-22 09:00", "Lady Gaga 'cast in Wednesday series two'",
        "The singer is said to have filmed a guest role in Ireland last year.", "wed2-gaga", "same", "same news, British hedging quotes")
    add("SC", "02-22 14:00", "Netflix Lands Lady Gaga for Wednesday S2 Cameo",
        "A music star guest spot is a familiar Netflix play for a big return.", "wed2-gaga", "same", "same news, business angle")
    add("SS", None, "Gaga heads to Nevermore",
        "Lady Gaga reportedly has a guest role in the new Wednesday episodes.", "wed2-gaga", "same", "same news; no show name in the headline", key="wed-gaga-ss")
    add("LT", "02-23 16:00", "Lady Gaga and “Wednesday” were always going to find each other",
        "", "wed2-gaga", "same", "an essay on the casting, empty summary")
    # ---- Wednesday: late reports and nothing new
    add("RR", "02-22 06:00", "Wednesday Season 2 Episode Titles Revealed",
        "Via Binge Beacon: all four Part 1 titles are puns on woe.", "wed2-titles", "late", "aggregator page for the run-2 story")
    add("TP", "02-21 13:00", "Why Wednesday series two has been split in two",
        "Netflix's August and September release is about keeping subscribers, not the story, say analysts.",
        "wed2-dates", "late", "a later piece on the run-1 split release, months only")
    add("SS", None, "Nevermore term two: fewer crushes, more corpses",
        "Wednesday's creators promise a scarier second season with more of the Addams clan.",
        None, "restatement", "paraphrase of 'leans into horror more than romance' with few shared words")
    add("CF", "02-23 09:00", "it's Wednesday my dudes", "", None, "clash", "the weekday meme")
    add("SS", None, "Here We Woe Again",
        "That's the title of Wednesday's season two opener; three more woeful titles follow.",
        "wed2-titles", "carryover", "the listing page still shows its run-2 item", carry="wed-titles-ss")
    # ---- Paradise: filming in March (par2-filming)
    add("CS", "02-21 20:00", "‘Paradise’ Season 2 to Begin Filming in March",
        "Production on the Hulu thriller’s second season is set to start next month in Los Angeles, just as the first season finishes its run.",
        "par2-filming", "new", "first report; the article says no production dates have been set (When would it come?)", key="par-film-cs")
    add("BB", "02-22 11:00", "Paradise Season 2 Starts Shooting Next Month – Fast Turnaround Incoming",
        "Dan Fogelman isn't wasting any time.", "par2-filming", "same", "same news; 'next month' only")
    add("SC", "02-22 18:00", "Hulu Fast-Tracks Paradise: S2 Cameras Roll in March",
        "A quick start puts a 2026 return within reach.", "par2-filming", "same", "same news; 2026 is the outlet's inference")
    add("CF", "02-21 22:30", "paradise s2 filming in MARCH?? fogelman doesn't sleep", "", "par2-filming", "same", "same news, social-style")
    # ---- Paradise: late reports and nothing new
    add("TP", "02-21 08:00", "Paradise renewed: what we know about series two",
        "Hulu has ordered more of the bunker thriller. Here is everything else.", "par2-renewal", "late",
        "an explainer built on the run-2 renewal")
    add("RR", "02-21 10:00", "Paradise Renewed for Season 2 (via Subscriber Count)",
        "Hulu orders more of the thriller after a 7M-view launch.", "par2-renewal", "late", "aggregator page for a run-2 story")
    add("LT", "02-22 10:00", "“Paradise” is built like a three-act play, and Fogelman knows it",
        "The creator has said from the start that he sees the story across three seasons.",
        None, "restatement", "restates the three-season plan")
    add("TP", "02-24 08:00", "ABC to air Paradise series one from April",
        "Disney will show the first series on network television from 7 April.", None, "other-season",
        "season 1 on ABC: an April date that is not a season 2 premiere")
    add("RR", "02-22 21:00", "Paradise Found: The Maldives' New Overwater Villas",
        "Five resorts opening this year.", None, "clash", "travel, Title Case")
    add("SS", None, "Hulu brings back its bunker drama",
        "Paradise will return for a second season.", "par2-renewal", "carryover", "the listing page still shows its run-2 item", carry="par-renew-ss")
    # ---- Fallout: eight episodes (fo2-episodes)
    add("SC", "02-21 22:00", "Fallout S2 Will Again Run 8 Episodes, Prime Video Confirms",
        "Prime Video confirmed the count Friday as filming continues in Southern California. No premiere date has been set.",
        "fo2-episodes", "new", "first report; the article says the number of episodes has not been announced", key="fo-eps-sc")
    add("CS", "02-22 00:30", "‘Fallout’ Season 2 Sticks With Eight Episodes", "", "fo2-episodes", "same", "same news, empty summary")
    add("BB", "02-22 10:00", "Fallout Season 2 Episode Count Confirmed",
        "Eight episodes again, the same as season 1.", "fo2-episodes", "same", "same news; the count only in the summary")
    add("CF", "02-22 02:00", "fallout s2 is 8 episodes. same as s1. fine. acceptable.", "", "fo2-episodes", "same", "same news, social-style")
    # ---- Fallout: late reports and nothing new
    add("LT", "02-21 14:00", "Kumail Nanjiani in the Wasteland: why “Fallout” keeps casting comedians",
        "", "fo2-nanjiani", "late", "an essay on the run-2 casting, empty summary")
    add("RR", "02-22 05:00", "Kumail Nanjiani Joins Fallout Season 2",
        "Via The Call Sheet: a recurring role in the second season.", "fo2-nanjiani", "late", "aggregator page for the run-2 story")
    add("BB", "02-23 10:00", "Fallout Season 2: Everything We Know So Far",
        "New Vegas, Justin Theroux as Mr. House, Kumail Nanjiani and eight episodes. Here's the full rundown.",
        None, "explainer", "lists facts already told (fo2-theroux, fo2-nanjiani, fo2-episodes) and the article; no fact of its own")
    add("BB", "02-23 15:00", "Fallout: New Vegas Is Half Price Ahead Of The Show's Second Season",
        "The 2010 game is on sale on every platform.", None, "clash", "the game; the series in passing")
    add("LT", "02-23 11:00", "The political fallout of a streaming merger nobody asked for", "", None, "clash", "the word")
    add("CF", "02-23 23:00", "anyone else watching reacher and thinking about fallout's ghoul", "", None, "passing", "a comparison")
    add("SS", None, "Star Kumail Nanjiani boards the wasteland",
        "The Big Sick star has a recurring role in Fallout's second season.",
        "fo2-nanjiani", "carryover", "the listing page still shows its run-2 item", carry="fo-nanjiani-ss")
    # ---- The White Lotus: Europe (wl4-europe)
    add("CS", "02-22 15:00", "Mike White Leans Toward Europe for ‘The White Lotus’ Season 4",
        "On a podcast taped before the third season opened, White said he is leaning toward a European setting for the next installment, though nothing is locked. Production is eyed for 2026.",
        "wl4-europe", "new", "first report; the article says the location has not been chosen; 2026 is in the article", key="wl-europe-cs")
    add("TP", "02-22 17:30", "The White Lotus series four could check in to Europe",
        "Mike White says he is drawn back to the continent after Sicily.", "wl4-europe", "same", "same news")
    add("BB", "02-22 19:00", "White Lotus Season 4 Location: Mike White Teases A Return To Europe",
        "Paris? The Alps? Here's what he said.", "wl4-europe", "same", "same news under the alias 'White Lotus'")
    add("CF", "02-22 16:10", "white lotus s4 in europe. please be paris. please be paris", "", "wl4-europe", "same", "same news, social-style")
    add("SC", "02-23 13:00", "Where Will The White Lotus Go Next? Mike White Points to Europe",
        "The Thai season's tourism bump has resorts lobbying for season 4.", "wl4-europe", "same", "same news, business angle")
    # ---- The White Lotus: nothing new
    add("CF", "02-23 19:00", "reminder that the white lotus season 4 won't even start shooting until 2026", "", None, "restatement", "restates the article")
    add("SC", "02-23 22:30", "The White Lotus S3 Episode 2 Holds Its Audience", "", None, "other-season", "season 3 ratings")
    # ---- The Bear: June 25 with a teaser (bear4-date)
    add("CS", "02-24 17:00", "‘The Bear’ Season 4 Sets June 25 Premiere With All 10 Episodes",
        "FX revealed the date Monday in a teaser that counts down on a kitchen clock. The full fourth season arrives on Hulu on Wednesday, June 25, 2025.",
        "bear4-date", "new", "first report of the day; narrows bear4-june's 'June'; the episode count is also new", key="bear-date-cs")
    add("BB", "02-24 17:45", "WATCH: The Bear Season 4 Teaser Reveals The Premiere Date",
        "Yes, chef: season 4 drops all 10 episodes on June 25th. The teaser is a ticking clock and zero dialogue.",
        "bear4-date", "same", "a teaser that carries the date: one story under Release Date", key="bear-date-bb")
    add("TP", "02-24 19:00", "The Bear series four: premiere date set for 25 June",
        "All ten episodes of the FX drama land in the US on 25 June; Disney+ has it in the UK the following day.",
        "bear4-date", "same", "same announcement; the UK day follows from the US one")
    add("CF", "02-24 17:20", "THE BEAR JUNE 25. the clock teaser. i'm sobbing", "", "bear4-date", "same", "same announcement, social-style")
    add("SC", "02-24 21:30", "FX Dates The Bear S4 for 6/25, a Hulu Drop of All 10 Eps",
        "FX keeps the late-June slot that has served all three seasons.", "bear4-date", "same", "same announcement in numbers")
    add("SS", None, "The kitchen reopens June 25",
        "FX's restaurant drama is back for its fourth season with all ten episodes at once.",
        "bear4-date", "same", "same announcement; a description for the show, no date, no year", key="bear-date-ss")
    add("RR", "02-25 02:00", "The Bear Season 4 Release Date Set",
        "Via The Call Sheet: all ten episodes on June 25.", "bear4-date", "same", "aggregator page, same morning")
    add("BB", "02-24 23:00", "WATCH: The Bear Season 4 Teaser Reveals The Premiere Date",
        "Yes, chef: season 4 drops all 10 episodes on June 25th. The teaser is a ticking clock and zero dialogue.",
        "bear4-date", "repost", "Binge Beacon's item again: utm_*, new GUID", repost_of="bear-date-bb",
        track="utm_source=newsletter&utm_medium=email&utm_campaign=weekend")
    # ---- The Bear: late reports of June and of Curtis, nothing new
    add("LT", "02-21 11:00", "“The Bear” comes back in June, again. Should it?",
        "", "bear4-june", "late", "an essay on the run-2 'June' news, written before the exact date; empty summary")
    add("RR", "02-21 12:00", "FX Confirms The Bear Returns in June",
        "Via Subscriber Count: an exact date will follow.", "bear4-june", "late",
        "aggregator page for the run-2 month story; stays with bear4-june, not with the June 25 story")
    add("SC", "02-21 16:00", "Jamie Lee Curtis's Return Gives The Bear S4 Another Emmy Magnet",
        "Curtis won an Emmy for her season 2 guest turn.", "bear4-curtis", "late", "a later report of the run-2 casting")
    add("BB", "02-21 16:00", "The Bear Star Ayo Edebiri Joins Julia Roberts In After The Hunt: First Look",
        "Luca Guadagnino's campus thriller opens this fall.", None, "other-work", "a film; 'The Bear Star'")
    add("TP", "02-22 08:00", "Ten budget kitchen hacks from a Michelin chef",
        "", None, "clash", "'hacks' as tips, in a kitchen story")
    # ---- Hacks: April 10 (hacks4-date)
    add("SC", "02-24 15:30", "Max's Spring Lineup: Hacks Returns April 10, The Last of Us April 13",
        "Max set Hacks S4 for Thursday, April 10 with two episodes, then weekly through the 10-episode season; TLOU S2 follows on 4/13.",
        "hacks4-date", "new", "a roundup that is the first report of a fact: the Hacks date narrows 'spring 2025'; TLOU's date (tlou2-date) and the ten episodes (hacks4-episodes) are told already", key="hacks-date-sc")
    add("CS", "02-24 16:10", "‘Hacks’ Season 4 Dated for April 10 on Max",
        "The Emmy-winning comedy returns Thursday, April 10, 2025 with two episodes; the other eight roll out weekly.",
        "hacks4-date", "same", "'Dated for April 10': partial date in the headline, the year in the summary", key="hacks-date-cs")
    add("TP", "02-24 18:00", "Hacks series four sets April return",
        "Jean Smart's comedy is back on Max in the US on 10 April, and on Sky Max in the UK a day later.",
        "hacks4-date", "same", "same announcement; month in the headline")
    add("BB", "02-24 19:30", "Hacks Season 4 Finally Gets A Release Date – And It's Sooner Than You Think",
        "April 10th! Deborah and Ava are back with a two-episode premiere.", "hacks4-date", "same", "same announcement; the date only in the summary")
    add("CF", "02-24 20:00", "hacks april 10 deborah vance my beloved", "", "hacks4-date", "same", "same announcement, lower case")
    add("SS", None, "Deborah and Ava return April 10",
        "Max dates the fourth season of Hacks.", "hacks4-date", "same", "same announcement; characters' names in the headline", key="hacks-date-ss")
    add("CS", "02-24 20:30", "UPDATED: ‘Hacks’ Season 4 Dated for April 10 on Max; First Trailer Released",
        "The comedy returns Thursday, April 10, 2025 with two episodes. Updated with the trailer.",
        "hacks4-date", "repost", "The Call Sheet's update: same link, new GUID", repost_of="hacks-date-cs", same_url=True)
    # ---- Hacks: ten episodes, first on TVmaze in run 2 (hacks4-episodes)
    add("BB", "02-22 13:00", "Hacks Season 4 Will Have 10 Episodes, Its Longest Run Since Season 1",
        "One more than last season.", "hacks4-episodes", "late",
        "the first outlet report of a fact TVmaze listed in run 2")
    # ---- The Last of Us: Catherine O'Hara's role (tlou2-ohara)
    add("CS", "02-24 12:00", "Catherine O’Hara Plays Joel’s Therapist in ‘The Last of Us’ Season 2",
        "O’Hara’s guest role, secret until now, is Gail, a therapist Joel sees in Jackson, HBO revealed in new stills ahead of the April 13 premiere.",
        "tlou2-ohara", "new", "first report; the article says her role is secret; April 13 (tlou2-date) is mentioned along and does not make this a late report", key="tlou-ohara-cs")
    add("BB", "02-24 13:30", "The Last Of Us Season 2: Catherine O'Hara's Mystery Role Finally Revealed",
        "She's Gail, Joel's therapist, and the first stills of her are already breaking hearts.", "tlou2-ohara", "same", "same news")
    add("TP", "02-24 15:00", "Catherine O'Hara's Last of Us role revealed: she plays Joel's therapist",
        "The Schitt's Creek star's character is called Gail.", "tlou2-ohara", "same",
        "same news; the title without its 'The'")
    add("CF", "02-24 12:45", "catherine o'hara is JOEL'S THERAPIST in tlou s2. moira rose fixing joel miller", "", "tlou2-ohara", "same", "same news, social-style")
    add("SC", "02-24 18:20", "HBO Unveils TLOU S2 Stills: Catherine O'Hara as Gail, 7 Eps From 4/13",
        "", "tlou2-ohara", "same", "same news; the known date and episode count in passing")
    add("SS", None, "Joel goes to therapy",
        "Catherine O'Hara's character in The Last of Us season two is a therapist named Gail.",
        "tlou2-ohara", "same", "same news; no show name in the headline", key="tlou-ohara-ss")
    # ---- The Last of Us: late reports and nothing new
    add("LT", "02-21 09:00", "What an April 13 date says about HBO’s plans for “The Last of Us”",
        "Sunday nights in spring are where HBO puts the shows it needs.", "tlou2-date", "late", "an essay on the run-2 date")
    add("RR", "02-21 07:00", "‘The Last of Us’ Season 2 Sets April 13 Premiere on HBO",
        "Via The Call Sheet.", "tlou2-date", "repost", "The Call Sheet's link re-listed with tracking parameters",
        via="tlou-date-cs", track="utm_source=reelroundup&utm_medium=referral&utm_campaign=tv")
    add("CS", "02-22 20:00", "‘The Last of Us’ Season 2 Cast Guide: Who’s Who in Jackson",
        "Kaitlyn Dever’s Abby, Isabela Merced’s Dina, Jeffrey Wright’s Isaac and more.", None, "explainer", "restates the article's cast")
    add("SS", None, "Here's when Joel and Ellie come back",
        "HBO's post-apocalyptic drama returns April 13.", "tlou2-date", "carryover", "the listing page still shows its run-2 item", carry="tlou-date-ss")
    # ---- Squid Game: first stills (sg3-first-look)
    add("SE", "02-24 23:30", "Netflix Unveils First Stills From 'Squid Game' Season 3",
        "The images, released on Tuesday morning in Seoul, show Gi-hun back in the green tracksuit and the Front Man without his mask. The six-episode final season begins June 27.",
        "sg3-first-look", "new", "first report; the article says Netflix has released no pictures from season 3; the date and count are mentioned along", key="sg-look-se")
    add("CS", "02-25 01:10", "‘Squid Game’ Season 3 First Look: Gi-hun Returns to the Games",
        "", "sg3-first-look", "same", "same news, empty summary")
    add("BB", "02-25 02:00", "Squid Game Season 3 First Look Photos: Every Detail We Spotted",
        "Gi-hun's tracksuit, a new dormitory and the Front Man's face.", "sg3-first-look", "same", "same news")
    add("CF", "02-25 00:20", "squid game s3 stills. gi-hun's face. he has seen things", "", "sg3-first-look", "same", "same news, social-style")
    add("TP", "02-25 05:00", "First look at the final Squid Game series",
        "Netflix has released stills from the six-part third run, which arrives on 27 June.", "sg3-first-look", "same",
        "same news; both known facts along")
    add("SE", "02-25 03:00", "Netflix Unveils First Stills From 'Squid Game' Season 3",
        "The images, released on Tuesday morning in Seoul, show Gi-hun back in the green tracksuit and the Front Man without his mask. The six-episode final season begins June 27.",
        "sg3-first-look", "repost", "Seoul Screen's item again: same GUID, link gains ?ref=rss", repost_of="sg-look-se",
        track="ref=rss", keep_guid=True)
    # ---- Squid Game: late reports and nothing new
    add("LT", "02-21 18:00", "Six episodes to end “Squid Game” is a choice", "", "sg3-episodes", "late", "an essay on the run-2 count")
    add("SC", "02-21 15:00", "Squid Game's Shorter Final Season Is a Bet on Bingeing",
        "Six episodes should keep completion rates high.", "sg3-episodes", "late", "a later report of the run-2 count")
    add("TP", "02-23 12:00", "Squid Game series three: everything we know",
        "The date, the six episodes and who is back.", None, "explainer", "lists what was told already")
    add("SE", "02-22 07:00", "Lee Jung-jae on Playing Gi-hun One Last Time",
        "The actor talks about returning to the role for the last time.", None, "opinion", "an interview with no fact")
    add("BB", "02-22 16:00", "Squid Game 3 Was In The Can Before Season 2 Even Aired",
        "Hwang made both chapters in one go.", None, "restatement", "paraphrase of 'shot back to back with season 2' with few shared words")
    add("SE", "02-23 05:00", "'Squid Game: Unleashed' Adds Season 2 Characters",
        "The free-to-play game gets new players.", None, "spin-off", "the game")
    add("SE", "02-22 09:00", "Wi Ha-joon Announces Asia Fan Meeting Tour",
        "The 'Squid Game' actor will visit five cities in April.", None, "other-work", "a fan tour")
    # ---- untracked shows
    add("CS", "02-21 17:00", "‘Reacher’ Season 3 Opens to Record Viewership",
        "", None, "untracked", "another show")
    add("TP", "02-22 10:00", "Bridgerton series four: first look at Benedict's masked ball",
        "", None, "untracked", "another show")
    add("SC", "02-23 20:00", "Severance S2 Finale Set for March 21",
        "Apple has not said whether a third season is coming.", None, "untracked", "another show, with a date")
    add("BB", "02-24 09:00", "Daredevil: Born Again Premieres Next Week – Here's What To Remember",
        "", None, "untracked", "another show")
    add("CF", "02-24 22:00", "the pitt is the best show on tv and nobody can convince me otherwise", "", None, "untracked", "another show")
    add("SE", "02-24 02:00", "'Weak Hero Class 2' Drops Teaser Ahead of April 25 Premiere", "", None, "untracked", "another show, with a date")
    add("SS", None, "Yellowjackets season 3: what comes next", "", None, "untracked", "another show")
    # ---- roundups
    add("RR", "02-24 22:00", "This Week in TV News: Gaga, a Quick Return and a Trip to Europe",
        "Lady Gaga joins Wednesday, Paradise goes back to work in March, and Mike White eyes Europe for The White Lotus.",
        None, "roundup", "three stories told earlier this run")
    add("LT", "02-23 08:00", "The week in television: what we watched and what we learned", "", None, "roundup", "empty summary")


# --------------------------------------------------------------------------- run 4: Friday 28 February 2025, 06:15 UTC
# Nothing new happens: late reports, re-posts, restatements of the articles, clashes, roundups and
# old stories re-listed. TVmaze and Wikipedia confirm stories already sent, and one disagrees.


def run4(add) -> None:
    # ---- late reports of stories already sent
    add("LT", "02-25 14:00", "“The Bear” and the comfort of a fixed date",
        "FX’s June 25 date is less a surprise than a ritual.", "bear4-date", "late", "an essay on the run-3 date")
    add("TP", "02-26 09:00", "The Bear series four: Disney+ confirms 26 June for UK viewers",
        "British fans get all ten episodes the day after the US premiere.", "bear4-date", "late",
        "the UK day that follows from the run-3 US date")
    add("RR", "02-25 09:00", "Watch The Bear Season 4 Teaser",
        "Via Binge Beacon: the clock is ticking toward June 25.", "bear4-date", "late", "aggregator page for a run-3 story")
    add("SC", "02-26 16:00", "Hacks S4's April 10 Slot Gives Max a Comedy Lead-In for The Last of Us",
        "", "hacks4-date", "late", "a later report of the run-3 date")
    add("LT", "02-26 12:00", "“Hacks” is back in April. Good.", "", "hacks4-date", "late", "an essay on the run-3 date, empty summary")
    add("RR", "02-25 11:00", "Catherine O'Hara's Role in The Last of Us Season 2 Revealed",
        "Via Binge Beacon: she plays Gail.", "tlou2-ohara", "late", "aggregator page for a run-3 story")
    add("SE", "02-25 08:00", "What the 'Squid Game' Season 3 Stills Say About the Ending",
        "A close look at the images Netflix released on Tuesday.", "sg3-first-look", "late", "a later piece on the run-3 stills")
    add("CF", "02-26 01:00", "rewatching the squid game s3 stills for the 40th time", "", "sg3-first-look", "late", "a reaction to the run-3 stills")
    add("TP", "02-25 10:00", "Lady Gaga in Wednesday: what we know about her role",
        "Not much yet: Netflix is keeping her character secret.", "wed2-gaga", "late", "a later piece on the run-3 casting")
    add("LT", "02-27 10:00", "Mike White in Europe: the case for going back",
        "Sicily gave the show its best season. A return to the continent makes sense.", "wl4-europe", "late",
        "an essay on the run-3 report")
    add("BB", "02-26 11:00", "Paradise Season 2 Is Filming Next Month: Everything We Know",
        "Hulu renewed it last week and cameras roll in March.", "par2-filming", "late",
        "headline announces the run-3 filming news; the renewal is along")
    add("SE", "02-26 07:00", "'Squid Game' Season 3 Runs Six Episodes: What It Means for the Story",
        "", "sg3-episodes", "late", "a later piece on the run-2 count")
    add("SC", "02-27 15:00", "Justin Theroux's Mr. House Gives Fallout S2 a Marquee Villain",
        "", "fo2-theroux", "late", "a business piece on the run-1 report")
    # ---- re-posts
    add("CS", "02-25 15:00", "UPDATED: ‘The Bear’ Season 4 Sets June 25 Premiere; Watch the Teaser",
        "The full fourth season arrives on Hulu on Wednesday, June 25, 2025. Updated with the teaser.",
        "bear4-date", "repost", "The Call Sheet's update: same link, new GUID", repost_of="bear-date-cs", same_url=True)
    add("RR", "02-25 13:00", "Fallout S2 Will Again Run 8 Episodes, Prime Video Confirms",
        "Via Subscriber Count.", "fo2-episodes", "repost", "Subscriber Count's link re-listed with tracking parameters",
        via="fo-eps-sc", track="utm_source=reelroundup&utm_medium=referral")
    add("RR", "02-26 13:00", "Catherine O’Hara Plays Joel’s Therapist in ‘The Last of Us’ Season 2",
        "Via The Call Sheet.", "tlou2-ohara", "repost", "The Call Sheet's link re-listed with tracking parameters",
        via="tlou-ohara-cs", track="utm_source=reelroundup&utm_medium=referral")
    add("BB", "02-26 19:00", "Wednesday Season 2 Episode Titles Revealed – And They're All Woe Puns",
        "Netflix shared the names of Part 1's four episodes, starting with 'Here We Woe Again', ahead of the August 6th premiere.",
        "wed2-titles", "repost", "Binge Beacon's run-2 item again: utm_*, new GUID", repost_of="wed-titles-bb",
        track="utm_source=twitter&utm_medium=social")
    add("SE", "02-26 03:00", "Netflix Unveils First Stills From 'Squid Game' Season 3",
        "The images, released on Tuesday morning in Seoul, show Gi-hun back in the green tracksuit and the Front Man without his mask. The six-episode final season begins June 27.",
        "sg3-first-look", "repost", "Seoul Screen's run-3 item again: new GUID, ?ref=newsletter", repost_of="sg-look-se",
        track="ref=newsletter")
    # ---- the listing page still shows last run's items
    add("SS", None, "", "", None, "carryover", "", carry="bear-date-ss")
    add("SS", None, "", "", None, "carryover", "", carry="hacks-date-ss")
    add("SS", None, "", "", None, "carryover", "", carry="tlou-ohara-ss")
    add("SS", None, "", "", None, "carryover", "", carry="wed-gaga-ss")
    # ---- restatements of the articles, explainers, opinion
    add("TP", "02-26 13:00", "The White Lotus: Mike White will take his time before series four",
        "Filming is not expected until next year.", None, "restatement",
        "'next year' read against 26 February 2025 is 2026, which the article says")
    add("BB", "02-27 10:00", "Paradise Season 2 Release Date: When Will It Come Out?",
        "Hulu hasn't said, but with filming starting in March a 2026 return looks likely.", None, "explainer",
        "an outlet's guess, not an announced date; the renewal and the March start are told already")
    add("LT", "02-26 15:00", "“The Last of Us” and the five-year jump",
        "The second season opens long after the first one ended, and the show has to earn the gap.", None, "restatement",
        "restates 'jumps ahead five years'")
    add("SE", "02-27 03:00", "Hwang: Season 3 Was Always the End of the Plan",
        "The director said he knew from the start the story would finish with the third season.", None, "restatement",
        "restates 'Season 3 is the final season'")
    add("CF", "02-27 20:00", "reminder hacks is about two women who need each other and hate that", "", None, "opinion", "a reaction")
    add("SS", None, "Fallout season two heads to New Vegas",
        "Lucy and the Ghoul follow the trail to the Mojave.", None, "restatement", "restates the article's setting")
    # ---- clashes
    add("SC", "02-26 14:00", "Bear Case: Why One Analyst Thinks Streaming Growth Has Peaked",
        "", None, "clash", "'bear' as a market view, in a streaming story")
    add("CF", "02-26 21:00", "it is only Wednesday?? how", "", None, "clash", "the weekday")
    add("TP", "02-27 11:00", "White lotus flowers open early at Kew after a mild winter",
        "", None, "clash", "the flower, with the alias at the start of the headline")
    add("BB", "02-26 17:00", "Fallout 76's Next Update Adds A Ghoul Questline",
        "Bethesda's online game is getting new story content this spring.", None, "clash", "the game")
    add("SC", "02-27 12:00", "Two Hacks in a Month Put a Streaming Billing Vendor Under Scrutiny",
        "", None, "clash", "'Hacks' as break-ins, Title Case")
    add("SE", "02-26 05:00", "Seoul's 'Squid Game' Experience Extends Its Run",
        "", None, "spin-off", "the themed attraction")
    # ---- untracked shows
    add("CS", "02-26 17:00", "‘Yellowjackets’ Season 3 Holds Its Audience at Midseason",
        "", None, "untracked", "another show")
    add("TP", "02-27 09:00", "Doctor Who's new series will begin on 12 April",
        "", None, "untracked", "another show, with a date")
    add("BB", "02-26 20:00", "Andor Season 2: Every Episode Release Date",
        "Three episodes a week from April 22.", None, "untracked", "another show, with dates")
    add("SE", "02-27 02:00", "'When Life Gives You Tangerines' Releases Final Trailer", "", None, "untracked", "another show")
    add("CF", "02-27 23:00", "reacher s3 ep 2 the barn fight. that's it that's the post", "", None, "untracked", "another show")
    # ---- roundups
    add("BB", "02-26 08:00", "Every TV Premiere Date For Spring 2025",
        "Hacks on April 10, The Last of Us on April 13, Andor on April 22 and more.", None, "roundup", "dates already told")
    add("RR", "02-27 22:00", "This Week in TV: The Bear Dates Season 4, Hacks Sets April",
        "Also: Catherine O'Hara's Last of Us role and the first Squid Game season 3 stills.", None, "roundup", "stories told in run 3")
    add("SC", "02-27 21:00", "The Streaming Calendar: Every Confirmed 2025 Return",
        "", None, "roundup", "empty summary")
    # ---- old stories re-listed
    add("RR", "2024-05-23 18:00", "Hacks Renewed for Season 4 at Max",
        "The Emmy-winning comedy will return for a fourth season.", None, "relist", "the May 2024 renewal, re-listed with its own date", old=True)
    add("RR", None, "The Last of Us Renewed for Season 2 at HBO",
        "HBO ordered a second season after just two episodes had aired.", None, "relist", "the January 2023 renewal, re-listed with no date")
    add("RR", "2024-04-18 16:00", "Fallout Renewed for Season 2 at Prime Video",
        "Amazon's video game adaptation will head to New Vegas next year.", None, "relist",
        "the April 2024 renewal, re-listed with its own date: 'next year' meant 2025 then", old=True)
    # ---- cast members' other work, other seasons, passing mentions
    add("CS", "02-26 19:00", "The Last of Us Star Kaitlyn Dever on Playing a Wellness Fraud in ‘Apple Cider Vinegar’",
        "The Netflix limited series is out now.", None, "other-work", "another series; 'The Last of Us Star'")
    add("BB", "02-27 13:00", "Wednesday Star Emma Myers Gets Her Minecraft On In The Final Movie Trailer",
        "A Minecraft Movie opens April 4.", None, "other-work", "a film with a date; 'Wednesday Star'")
    add("SC", "02-26 22:00", "The White Lotus S3 Keeps Growing Week to Week",
        "", None, "other-season", "season 3 ratings")
    add("LT", "02-27 13:00", "Parker Posey’s drawl is the best thing in “The White Lotus” this season",
        "", None, "other-season", "season 3 criticism")
    add("TP", "02-27 20:00", "Paradise series one finale: what time it lands on Disney+",
        "The last episode arrives in the UK on Wednesday 5 March.", None, "other-season", "the season 1 finale, with a date")
    add("CF", "02-26 23:30", "watching severance and paradise back to back is a choice i made", "", None, "passing", "a comparison")


# --------------------------------------------------------------------------- stories

STORIES = {
    "bear4-filming": ("The Bear", "Release Date", True,
                      "Season 4 starts filming in Chicago on 17 February. Release Date, because the article discusses filming in 'When can we eat?' (it had not started)."),
    "bear4-curtis": ("The Bear", "Cast", True, "Jamie Lee Curtis is back as Donna; the article says her return was not announced."),
    "bear4-june": ("The Bear", "Release Date", True, "FX says June: narrows the article's 'summer 2025'."),
    "bear4-date": ("The Bear", "Release Date", True,
                   "June 25, 2025, all ten episodes, announced with a teaser: narrows bear4-june and adds the episode count."),
    "wed2-dates": ("Wednesday", "Release Date", True,
                   "Two parts: August 6 and September 3, 2025, four episodes each, announced with a teaser. The article had only '2025'."),
    "wed2-titles": ("Wednesday", "Story", True, "The first four episode titles ('Here We Woe Again', ...); the article says none were released."),
    "wed2-gaga": ("Wednesday", "Cast", True, "Lady Gaga guest stars, role secret; the article lists the known guest stars and says others are not known."),
    "sg3-date": ("Squid Game", "Release Date", True, "June 27, 2025 for the final season; the article had only '2025'."),
    "sg3-episodes": ("Squid Game", "Release Date", True, "Six episodes; the article says the count was not announced (season 2 had seven)."),
    "sg3-episodes-conflict": ("Squid Game", "Release Date", False,
                              "Wikipedia says seven episodes in run 2 while outlets said six: a conflict for the editor to check, never a story."),
    "sg3-first-look": ("Squid Game", "Story", True,
                       "The first stills from season 3; the article says no pictures were released. Mentions the date and the count along."),
    "tlou2-date": ("The Last of Us", "Release Date", True, "April 13, 2025 (UK: April 14): narrows the article's 'April 2025'."),
    "tlou2-ohara": ("The Last of Us", "Cast", True,
                    "Catherine O'Hara plays Gail, Joel's therapist; the article says her role was secret. Mentions April 13 along."),
    "wl4-europe": ("The White Lotus", "Story", True,
                   "Mike White says he is leaning toward Europe for season 4; the article says no location was chosen. Hedged, but an editor would add it."),
    "par2-renewal": ("Paradise", "Renewal", True, "Hulu renews Paradise for season 2; the article says it had not."),
    "par2-filming": ("Paradise", "Release Date", True,
                     "Season 2 starts filming in March 2025. Release Date, because the article discusses production dates in 'When would it come?'."),
    "hacks4-watkins": ("Hacks", "Cast", True, "Michaela Watkins recurs as an HR executive; the article says no new cast was announced."),
    "hacks4-episodes": ("Hacks", "Release Date", True,
                        "Ten episodes: TVmaze lists it first (run 2); the first outlet report comes in run 3. The article says the count is not known."),
    "hacks4-date": ("Hacks", "Release Date", True, "April 10, 2025 with two episodes: narrows the article's 'spring 2025'. First told in a roundup."),
    "fo2-theroux": ("Fallout", "Cast", True, "Justin Theroux plays Robert House (reported); the article says his role was not described."),
    "fo2-nanjiani": ("Fallout", "Cast", True, "Kumail Nanjiani joins in a recurring role; the article names only Theroux and Culkin as new."),
    "fo2-episodes": ("Fallout", "Release Date", True, "Eight episodes again; the article says the count was not announced."),
    "fo2-episodes-conflict": ("Fallout", "Release Date", False,
                              "Wikipedia says ten episodes in run 4 while outlets (and TVmaze) say eight: a conflict to check, never a story."),
}

# --------------------------------------------------------------------------- structured sources (full snapshots every run)

TVMAZE = "TVmaze"
WIKIPEDIA = "Wikipedia"
SOURCE_URLS = {
    (TVMAZE, "The Bear"): "https://api.tvmaze.com/singlesearch/shows?q=the-bear",
    (WIKIPEDIA, "The Bear"): "https://en.wikipedia.org/wiki/The_Bear_(TV_series)",
    (TVMAZE, "Wednesday"): "https://api.tvmaze.com/singlesearch/shows?q=wednesday",
    (WIKIPEDIA, "Wednesday"): "https://en.wikipedia.org/wiki/Wednesday_(TV_series)",
    (TVMAZE, "Squid Game"): "https://api.tvmaze.com/singlesearch/shows?q=squid-game",
    (WIKIPEDIA, "Squid Game"): "https://en.wikipedia.org/wiki/Squid_Game",
    (TVMAZE, "The Last of Us"): "https://api.tvmaze.com/singlesearch/shows?q=the-last-of-us",
    (WIKIPEDIA, "The Last of Us"): "https://en.wikipedia.org/wiki/The_Last_of_Us_(TV_series)",
    (TVMAZE, "The White Lotus"): "https://api.tvmaze.com/singlesearch/shows?q=the-white-lotus",
    (TVMAZE, "Paradise"): "https://api.tvmaze.com/singlesearch/shows?q=paradise-2025",
    (WIKIPEDIA, "Paradise"): "https://en.wikipedia.org/wiki/Paradise_(American_TV_series)",
    (TVMAZE, "Hacks"): "https://api.tvmaze.com/singlesearch/shows?q=hacks",
    (TVMAZE, "Fallout"): "https://api.tvmaze.com/singlesearch/shows?q=fallout",
    (WIKIPEDIA, "Fallout"): "https://en.wikipedia.org/wiki/Fallout_(American_TV_series)",
}


def seasons(*rows: tuple) -> list[tuple]:
    """(number, premiere, finale, episodes) rows as facts; '' or None leaves a field out, except an
    unset premiere, which a source lists as ''."""
    facts = []
    for number, premiere, finale, episodes in rows:
        facts.append(("renewal", number, "", "renewed"))
        facts.append(("premiere", number, "", premiere or ""))
        if finale:
            facts.append(("finale", number, "", finale))
        if episodes:
            facts.append(("episodes", number, "", str(episodes)))
    return facts


def cast(*pairs: tuple[str, str]) -> list[tuple]:
    return [("cast", None, person, role) for person, role in pairs]


BASE = {
    (TVMAZE, "The Bear"): [("network", None, "", "FX"), ("status", None, "", "Running"),
                           *seasons((1, "2022-06-23", "2022-06-23", 8), (2, "2023-06-22", "2023-06-22", 10),
                                    (3, "2024-06-26", "2024-06-26", 10), (4, "", None, None)),
                           *cast(("Jeremy Allen White", "Carmen 'Carmy' Berzatto"), ("Ebon Moss-Bachrach", "Richard 'Richie' Jerimovich"),
                                 ("Ayo Edebiri", "Sydney Adamu"), ("Lionel Boyce", "Marcus"), ("Liza Colón-Zayas", "Tina"),
                                 ("Abby Elliott", "Natalie 'Sugar' Berzatto"), ("Matty Matheson", "Neil Fak"), ("Edwin Lee Gibson", "Ebraheim"))],
    (WIKIPEDIA, "The Bear"): [("network", None, "", "FX"),
                              *seasons((1, "2022-06-23", "2022-06-23", 8), (2, "2023-06-22", "2023-06-22", 10),
                                       (3, "2024-06-26", "2024-06-26", 10), (4, "2025", None, None)),
                              *cast(("Jeremy Allen White", "Carmen 'Carmy' Berzatto"), ("Ebon Moss-Bachrach", "Richard 'Richie' Jerimovich"),
                                    ("Ayo Edebiri", "Sydney Adamu"), ("Lionel Boyce", "Marcus Brooks"), ("Liza Colón-Zayas", "Tina Marrero"),
                                    ("Abby Elliott", "Natalie 'Sugar' Berzatto"), ("Matty Matheson", "Neil Fak"),
                                    ("Oliver Platt", "Jimmy 'Cicero' Kalinowski"), ("Jamie Lee Curtis", "Donna Berzatto"),
                                    ("Edwin Lee Gibson", "Ebraheim"), ("Jon Bernthal", "Michael 'Mikey' Berzatto"), ("Molly Gordon", "Claire Dunlap"))],
    (TVMAZE, "Wednesday"): [("network", None, "", "Netflix"), ("status", None, "", "Running"),
                            *seasons((1, "2022-11-23", "2022-11-23", 8), (2, "", None, None)),
                            *cast(("Jenna Ortega", "Wednesday Addams"), ("Emma Myers", "Enid Sinclair"), ("Hunter Doohan", "Tyler Galpin"),
                                  ("Percy Hynes White", "Xavier Thorpe"), ("Joy Sunday", "Bianca Barclay"), ("Gwendoline Christie", "Larissa Weems"),
                                  ("Catherine Zeta-Jones", "Morticia Addams"), ("Luis Guzmán", "Gomez Addams"))],
    (WIKIPEDIA, "Wednesday"): [("network", None, "", "Netflix"),
                               *seasons((1, "2022-11-23", "2022-11-23", 8), (2, "2025", None, None)),
                               *cast(("Jenna Ortega", "Wednesday Addams"), ("Gwendoline Christie", "Larissa Weems"), ("Riki Lindhome", "Valerie Kinbott"),
                                     ("Jamie McShane", "Donovan Galpin"), ("Hunter Doohan", "Tyler Galpin"), ("Percy Hynes White", "Xavier Thorpe"),
                                     ("Emma Myers", "Enid Sinclair"), ("Joy Sunday", "Bianca Barclay"), ("Georgie Farmer", "Ajax Petropolus"),
                                     ("Moosa Mostafa", "Eugene Ottinger"), ("Christina Ricci", "Marilyn Thornhill"),
                                     ("Catherine Zeta-Jones", "Morticia Addams"), ("Luis Guzmán", "Gomez Addams"), ("Isaac Ordonez", "Pugsley Addams"),
                                     ("Fred Armisen", "Fester Addams"), ("Steve Buscemi", "Barry Dort"))],
    (TVMAZE, "Squid Game"): [("network", None, "", "Netflix"), ("status", None, "", "Running"),
                             *seasons((1, "2021-09-17", "2021-09-17", 9), (2, "2024-12-26", "2024-12-26", 7), (3, "", None, None)),
                             *cast(("Lee Jung-jae", "Seong Gi-hun"), ("Lee Byung-hun", "Hwang In-ho"), ("Wi Ha-joon", "Hwang Jun-ho"),
                                   ("Park Hae-soo", "Cho Sang-woo"), ("Jung Ho-yeon", "Kang Sae-byeok"), ("O Yeong-su", "Oh Il-nam"),
                                   ("Yim Si-wan", "Lee Myung-gi"), ("Kang Ha-neul", "Kang Dae-ho"), ("Park Gyu-young", "Kang No-eul"))],
    (WIKIPEDIA, "Squid Game"): [("network", None, "", "Netflix"),
                                *seasons((1, "2021-09-17", "2021-09-17", 9), (2, "2024-12-26", "2024-12-26", 7), (3, "2025-06-27", "2025-06-27", None)),
                                *cast(("Lee Jung-jae", "Seong Gi-hun"), ("Lee Byung-hun", "Hwang In-ho"), ("Wi Ha-joon", "Hwang Jun-ho"),
                                      ("Park Hae-soo", "Cho Sang-woo"), ("Jung Ho-yeon", "Kang Sae-byeok"), ("O Yeong-su", "Oh Il-nam"),
                                      ("Heo Sung-tae", "Jang Deok-su"), ("Anupam Tripathi", "Ali Abdul"), ("Yim Si-wan", "Lee Myung-gi"),
                                      ("Kang Ha-neul", "Kang Dae-ho"), ("Park Gyu-young", "Kang No-eul"), ("Lee Seo-hwan", "Park Jung-bae"),
                                      ("Jo Yu-ri", "Kim Jun-hee"), ("Park Sung-hoon", "Cho Hyun-ju"), ("Yang Dong-geun", "Park Yong-sik"),
                                      ("Kang Ae-sim", "Jang Geum-ja"), ("Roh Jae-won", "Kim Nam-gyu"))],
    (TVMAZE, "The Last of Us"): [("network", None, "", "HBO"), ("status", None, "", "Running"),
                                 *seasons((1, "2023-01-15", "2023-03-12", 9), (2, "", None, None)),
                                 *cast(("Pedro Pascal", "Joel Miller"), ("Bella Ramsey", "Ellie Williams"), ("Gabriel Luna", "Tommy Miller"),
                                       ("Rutina Wesley", "Maria"))],
    (WIKIPEDIA, "The Last of Us"): [("network", None, "", "HBO"),
                                    *seasons((1, "2023-01-15", "2023-03-12", 9), (2, "2025-04", None, 7)),
                                    *cast(("Pedro Pascal", "Joel Miller"), ("Bella Ramsey", "Ellie Williams"), ("Gabriel Luna", "Tommy Miller"),
                                          ("Rutina Wesley", "Maria Miller"), ("Kaitlyn Dever", "Abby"), ("Isabela Merced", "Dina"),
                                          ("Young Mazino", "Jesse"), ("Ariela Barer", "Mel"), ("Tati Gabrielle", "Nora"), ("Spencer Lord", "Owen"),
                                          ("Danny Ramirez", "Manny"), ("Jeffrey Wright", "Isaac"), ("Joe Pantoliano", "Eugene"),
                                          ("Catherine O'Hara", ""), ("Anna Torv", "Tess Servopoulos"), ("Nick Offerman", "Bill"),
                                          ("Murray Bartlett", "Frank"), ("Merle Dandridge", "Marlene"), ("Nico Parker", "Sarah Miller"),
                                          ("Storm Reid", "Riley Abel"), ("Lamar Johnson", "Henry Burrell"), ("Melanie Lynskey", "Kathleen Coghlan"))],
    (TVMAZE, "The White Lotus"): [("network", None, "", "HBO"), ("status", None, "", "Running"),
                                  *seasons((1, "2021-07-11", "2021-08-15", 6), (2, "2022-10-30", "2022-12-11", 7),
                                           (3, "2025-02-16", "2025-04-06", 8), (4, "", None, None)),
                                  *cast(("Jennifer Coolidge", "Tanya McQuoid"), ("Murray Bartlett", "Armond"), ("Connie Britton", "Nicole Mossbacher"),
                                        ("Natasha Rothwell", "Belinda Lindsey"), ("Aubrey Plaza", "Harper Spiller"), ("F. Murray Abraham", "Bert Di Grasso"),
                                        ("Walton Goggins", "Rick Hatchett"), ("Parker Posey", "Victoria Ratliff"), ("Jason Isaacs", "Timothy Ratliff"),
                                        ("Carrie Coon", "Laurie"), ("Leslie Bibb", "Kate"), ("Michelle Monaghan", "Jaclyn"),
                                        ("Aimee Lou Wood", "Chelsea"), ("Lalisa Manobal", "Mook"), ("Patrick Schwarzenegger", "Saxon Ratliff"),
                                        ("Sam Nivola", "Lochlan Ratliff"), ("Sarah Catherine Hook", "Piper Ratliff"), ("Tayme Thapthimthong", "Gaitok"))],
    (TVMAZE, "Paradise"): [("network", None, "", "Hulu"), ("status", None, "", "Running"),
                           *seasons((1, "2025-01-26", "2025-03-04", 8)),
                           *cast(("Sterling K. Brown", "Xavier Collins"), ("James Marsden", "Cal Bradford"), ("Julianne Nicholson", "Samantha Redmond"),
                                 ("Sarah Shahi", "Gabriela Torabi"), ("Nicole Brydon Bloom", "Jane Driscoll"), ("Krys Marshall", "Nicole Robinson"),
                                 ("Jon Beavers", "Billy Pace"), ("Aliyah Mastin", "Presley Collins"), ("Percy Daggs IV", "James Collins"))],
    (WIKIPEDIA, "Paradise"): [("network", None, "", "Hulu"),
                              *seasons((1, "2025-01-26", "2025-03-04", 8)),
                              *cast(("Sterling K. Brown", "Xavier Collins"), ("James Marsden", "Cal Bradford"),
                                    ("Julianne Nicholson", "Samantha 'Sinatra' Redmond"), ("Sarah Shahi", "Gabriela Torabi"),
                                    ("Nicole Brydon Bloom", "Jane Driscoll"), ("Krys Marshall", "Nicole Robinson"), ("Jon Beavers", "Billy Pace"),
                                    ("Aliyah Mastin", "Presley Collins"), ("Percy Daggs IV", "James Collins"))],
    (TVMAZE, "Hacks"): [("network", None, "", "Max"), ("status", None, "", "Running"),
                        *seasons((1, "2021-05-13", "2021-06-10", 10), (2, "2022-05-12", "2022-06-02", 8),
                                 (3, "2024-05-02", "2024-05-30", 9), (4, "", None, None)),
                        *cast(("Jean Smart", "Deborah Vance"), ("Hannah Einbinder", "Ava Daniels"), ("Carl Clemons-Hopkins", "Marcus"),
                              ("Paul W. Downs", "Jimmy LuSaque Jr."), ("Meg Stalter", "Kayla Schaefer"), ("Mark Indelicato", "Damien"),
                              ("Rose Abdoo", "Josefina"))],
    (TVMAZE, "Fallout"): [("network", None, "", "Prime Video"), ("status", None, "", "Running"),
                          *seasons((1, "2024-04-10", "2024-04-10", 8), (2, "", None, None)),
                          *cast(("Ella Purnell", "Lucy MacLean"), ("Aaron Moten", "Maximus"), ("Walton Goggins", "The Ghoul"),
                                ("Kyle MacLachlan", "Hank MacLean"), ("Moisés Arias", "Norm MacLean"), ("Xelia Mendes-Jones", "Dane"),
                                ("Sarita Choudhury", "Moldaver"))],
    (WIKIPEDIA, "Fallout"): [("network", None, "", "Amazon Prime Video"),
                             *seasons((1, "2024-04-10", "2024-04-10", 8), (2, "", None, None)),
                             *cast(("Ella Purnell", "Lucy MacLean"), ("Aaron Moten", "Maximus"), ("Walton Goggins", "Cooper Howard / The Ghoul"),
                                   ("Moisés Arias", "Norm MacLean"), ("Xelia Mendes-Jones", "Dane"), ("Kyle MacLachlan", "Hank MacLean"),
                                   ("Frances Turner", "Barb Howard"), ("Sarita Choudhury", "Lee Moldaver"), ("Justin Theroux", ""),
                                   ("Macaulay Culkin", ""))],
}

# per run: what a source adds and what it no longer says (a changed value is a drop and an add)
CHANGES: dict[tuple[str, str], dict[int, dict[str, list[tuple]]]] = {
    (WIKIPEDIA, "The Bear"): {3: {"drop": [("premiere", 4, "", "2025")], "add": [("premiere", 4, "", "2025-06")]},
                              4: {"drop": [("premiere", 4, "", "2025-06")], "add": [("premiere", 4, "", "2025-06-25"), ("episodes", 4, "", "10")]}},
    (TVMAZE, "The Bear"): {4: {"drop": [("premiere", 4, "", "")], "add": [("premiere", 4, "", "2025-06-25"), ("episodes", 4, "", "10")]}},
    (TVMAZE, "Wednesday"): {2: {"drop": [("premiere", 2, "", "")],
                                "add": [("premiere", 2, "", "2025-08-06"), ("finale", 2, "", "2025-09-03"), ("episodes", 2, "", "8")]},
                            3: {"add": [("cast", None, "Steve Buscemi", "Barry Dort")]},
                            4: {"add": [("cast", None, "Joanna Lumley", "Hester Frump")]}},
    (WIKIPEDIA, "Wednesday"): {2: {"drop": [("premiere", 2, "", "2025")],
                                   "add": [("premiere", 2, "", "2025-08-06"), ("finale", 2, "", "2025-09-03"), ("episodes", 2, "", "8")]}},
    (TVMAZE, "Squid Game"): {2: {"drop": [("premiere", 3, "", "")],
                                 "add": [("premiere", 3, "", "2025-06-27"), ("finale", 3, "", "2025-06-27"), ("episodes", 3, "", "6")]}},
    (WIKIPEDIA, "Squid Game"): {2: {"add": [("episodes", 3, "", "7")]},
                                3: {"drop": [("episodes", 3, "", "7")], "add": [("episodes", 3, "", "6")]}},
    (TVMAZE, "The Last of Us"): {3: {"drop": [("premiere", 2, "", "")],
                                     "add": [("premiere", 2, "", "2025-04-13"), ("episodes", 2, "", "7"),
                                             ("cast", None, "Kaitlyn Dever", "Abby"), ("cast", None, "Isabela Merced", "Dina")]}},
    (WIKIPEDIA, "The Last of Us"): {2: {"drop": [("premiere", 2, "", "2025-04")], "add": [("premiere", 2, "", "2025-04-13")]},
                                    3: {"drop": [("cast", None, "Catherine O'Hara", "")], "add": [("cast", None, "Catherine O'Hara", "Gail")]}},
    (TVMAZE, "Paradise"): {3: {"add": [("renewal", 2, "", "renewed"), ("premiere", 2, "", "")]}},
    (WIKIPEDIA, "Paradise"): {2: {"add": [("renewal", 2, "", "renewed")]},
                              3: {"add": [("premiere", 2, "", "")]}},
    (TVMAZE, "Hacks"): {2: {"add": [("episodes", 4, "", "10")]},
                        3: {"drop": [("premiere", 4, "", "")], "add": [("premiere", 4, "", "2025-04-10")]}},
    (TVMAZE, "Fallout"): {3: {"add": [("cast", None, "Kumail Nanjiani", "")]},
                          4: {"add": [("episodes", 2, "", "8")]}},
    (WIKIPEDIA, "Fallout"): {2: {"drop": [("cast", None, "Justin Theroux", "")], "add": [("cast", None, "Justin Theroux", "Robert House")]},
                             4: {"add": [("cast", None, "Kumail Nanjiani", ""), ("episodes", 2, "", "10")]}},
}

# the facts that are not baseline: (source, show, kind, season, subject, value) -> (label, why, note)
OBSERVATION_LABELS = {
    (WIKIPEDIA, "The Bear", "premiere", 4, "", "2025-06"): ("bear4-june", "confirmation", "June 2025, as FX said in run 2"),
    (WIKIPEDIA, "The Bear", "premiere", 4, "", "2025-06-25"): ("bear4-date", "confirmation", "the run-3 date"),
    (WIKIPEDIA, "The Bear", "episodes", 4, "", "10"): ("bear4-date", "confirmation", "the run-3 episode count"),
    (TVMAZE, "The Bear", "premiere", 4, "", "2025-06-25"): ("bear4-date", "confirmation", "the run-3 date, on the morning with nothing new"),
    (TVMAZE, "The Bear", "episodes", 4, "", "10"): ("bear4-date", "confirmation", "the run-3 episode count"),
    (TVMAZE, "Wednesday", "premiere", 2, "", "2025-08-06"): ("wed2-dates", "confirmation", "Part 1's date from run 1"),
    (TVMAZE, "Wednesday", "finale", 2, "", "2025-09-03"): ("wed2-dates", "confirmation", "Part 2's date from run 1"),
    (TVMAZE, "Wednesday", "episodes", 2, "", "8"): ("wed2-dates", "confirmation", "four and four, as run 1's reports said"),
    (WIKIPEDIA, "Wednesday", "premiere", 2, "", "2025-08-06"): ("wed2-dates", "confirmation", "Part 1's date from run 1"),
    (WIKIPEDIA, "Wednesday", "finale", 2, "", "2025-09-03"): ("wed2-dates", "confirmation", "Part 2's date from run 1"),
    (WIKIPEDIA, "Wednesday", "episodes", 2, "", "8"): ("wed2-dates", "confirmation", "four and four, as run 1's reports said"),
    (TVMAZE, "Wednesday", "cast", None, "Steve Buscemi", "Barry Dort"): (None, "restatement", "new on TVmaze in run 3; the article has Buscemi as Barry Dort"),
    (TVMAZE, "Wednesday", "cast", None, "Joanna Lumley", "Hester Frump"): (None, "restatement", "new on TVmaze in run 4; the article has Lumley as Hester Frump"),
    (TVMAZE, "Squid Game", "premiere", 3, "", "2025-06-27"): ("sg3-date", "confirmation", "the run-1 date"),
    (TVMAZE, "Squid Game", "finale", 3, "", "2025-06-27"): ("sg3-date", "confirmation", "all at once on the run-1 date"),
    (TVMAZE, "Squid Game", "episodes", 3, "", "6"): ("sg3-episodes", "confirmation", "the count outlets reported the same morning"),
    (WIKIPEDIA, "Squid Game", "premiere", 3, "", "2025-06-27"): ("sg3-date", "confirmation", "Wikipedia has the date the same morning the outlets report it"),
    (WIKIPEDIA, "Squid Game", "finale", 3, "", "2025-06-27"): ("sg3-date", "confirmation", "all at once on the same date"),
    (WIKIPEDIA, "Squid Game", "episodes", 3, "", "7"): ("sg3-episodes-conflict", "conflict",
                                                        "seven (season 2's count) while every outlet says six: for the editor to check, not a story"),
    (WIKIPEDIA, "Squid Game", "episodes", 3, "", "6"): ("sg3-episodes", "confirmation", "corrected to six in run 3"),
    (TVMAZE, "The Last of Us", "premiere", 2, "", "2025-04-13"): ("tlou2-date", "confirmation", "the run-2 date"),
    (TVMAZE, "The Last of Us", "episodes", 2, "", "7"): (None, "restatement", "seven episodes is in the article"),
    (TVMAZE, "The Last of Us", "cast", None, "Kaitlyn Dever", "Abby"): (None, "restatement", "in the article"),
    (TVMAZE, "The Last of Us", "cast", None, "Isabela Merced", "Dina"): (None, "restatement", "in the article"),
    (WIKIPEDIA, "The Last of Us", "premiere", 2, "", "2025-04-13"): ("tlou2-date", "confirmation", "the date outlets reported the same morning"),
    (WIKIPEDIA, "The Last of Us", "cast", None, "Catherine O'Hara", "Gail"): ("tlou2-ohara", "confirmation", "the role outlets reported the same morning"),
    (TVMAZE, "Paradise", "renewal", 2, "", "renewed"): ("par2-renewal", "confirmation", "TVmaze adds season 2 after the run-2 renewal"),
    (TVMAZE, "Paradise", "premiere", 2, "", ""): (None, "restatement", "no date, as the article says"),
    (WIKIPEDIA, "Paradise", "renewal", 2, "", "renewed"): ("par2-renewal", "confirmation", "the renewal outlets reported the same morning"),
    (WIKIPEDIA, "Paradise", "premiere", 2, "", ""): (None, "restatement", "season 2 row with no date"),
    (TVMAZE, "Hacks", "episodes", 4, "", "10"): ("hacks4-episodes", "change", "TVmaze is the first to give the count; no outlet has it yet"),
    (TVMAZE, "Hacks", "premiere", 4, "", "2025-04-10"): ("hacks4-date", "confirmation", "the date outlets reported the same morning"),
    (TVMAZE, "Fallout", "cast", None, "Kumail Nanjiani", ""): ("fo2-nanjiani", "confirmation", "the run-2 casting"),
    (TVMAZE, "Fallout", "episodes", 2, "", "8"): ("fo2-episodes", "confirmation", "the run-3 count, on the morning with nothing new"),
    (WIKIPEDIA, "Fallout", "cast", None, "Justin Theroux", "Robert House"): ("fo2-theroux", "confirmation", "the run-1 report, a run later"),
    (WIKIPEDIA, "Fallout", "cast", None, "Kumail Nanjiani", ""): ("fo2-nanjiani", "confirmation", "the run-2 casting, two runs later"),
    (WIKIPEDIA, "Fallout", "episodes", 2, "", "10"): ("fo2-episodes-conflict", "conflict",
                                                      "ten while outlets and TVmaze say eight: for the editor to check, not a story"),
}


def snapshot(source: str, show: str, run: int) -> list[tuple]:
    facts = list(BASE[(source, show)])
    for number in range(1, run + 1):
        change = CHANGES.get((source, show), {}).get(number, {})
        for fact in change.get("drop", []):
            if fact not in facts:
                raise SystemExit(f"{source} {show} run {number}: cannot drop {fact}, not listed")
            facts.remove(fact)
        facts.extend(change.get("add", []))
    return facts


def observations(run: int) -> list[dict]:
    rows = []
    for source, show in BASE:
        earlier = {fact for number in range(1, run) for fact in snapshot(source, show, number)}
        for kind, season, subject, value in snapshot(source, show, run):
            label, why, note = OBSERVATION_LABELS.get((source, show, kind, season, subject, value),
                                                      (None, "baseline", ""))
            if label and (kind, season, subject, value) in earlier:
                why, note = "unchanged", f"as in the previous run: {note}"
            rows.append({"show": show, "source": source, "url": SOURCE_URLS[(source, show)], "kind": kind, "season": season,
                         "subject": subject, "value": value, "label": label, "why": why, "note": note})
    return rows


NOW = {1: "2025-02-18T06:15:00Z", 2: "2025-02-21T06:15:00Z", 3: "2025-02-25T06:15:00Z", 4: "2025-02-28T06:15:00Z"}

TRACKED_SEASON = {"The Bear": 4, "Wednesday": 2, "Squid Game": 3, "The Last of Us": 2, "The White Lotus": 4,
                  "Paradise": 2, "Hacks": 4, "Fallout": 2}
ARTICLES = {"The Bear": "the-bear-season-4.md", "Wednesday": "wednesday-season-2.txt", "Squid Game": "squid-game-season-3.md",
            "The Last of Us": "the-last-of-us-season-2.txt", "The White Lotus": "the-white-lotus-season-4.md",
            "Paradise": "paradise-season-2.txt", "Hacks": "hacks-season-4.md", "Fallout": "fallout-season-2.txt"}


def baseline_note(show: str, kind: str, season: int | None, subject: str, value: str) -> str:
    tracked = TRACKED_SEASON[show]
    if kind in ("network", "status"):
        return f"the {kind}: the article need not state it"
    if kind == "cast":
        article = (HERE / "articles" / ARTICLES[show]).read_text(encoding="utf-8")
        if subject in article:
            return "show-level cast the article names"
        return "show-level cast from earlier seasons: the article need not list it"
    if season is not None and season < tracked:
        return f"season {season}: before the article's season {tracked}"
    if kind == "renewal":
        return f"season {season} renewal: in the article" if season == tracked else f"season {season}"
    if kind == "premiere" and not value:
        return "no date listed: the article says there is none"
    return f"agrees with the article ({kind} {value})"


def build() -> None:
    for number, fill in ((1, run1), (2, run2), (3, run3), (4, run4)):
        fill(lambda *args, _n=number, **kw: ITEMS.add(_n, *args, **kw))
    stories = {key: {"show": show, "topic": topic, "emit": emit, "note": note}
               for key, (show, topic, emit, note) in STORIES.items()}
    (HERE / "stories.json").write_text(json.dumps(stories, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    for number in NOW:
        updates = [{k: v for k, v in item.items() if not k.startswith("_")} for item in ITEMS.runs[number]]
        obs = observations(number)
        for row in obs:
            if row["why"] == "baseline":
                row["note"] = baseline_note(row["show"], row["kind"], row["season"], row["subject"], row["value"])
        data = {"now": NOW[number], "updates": updates, "observations": obs}
        path = HERE / "runs" / f"run{number}.json"
        path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


# --------------------------------------------------------------------------- checks, on the written files


def load() -> tuple[dict, dict[int, dict]]:
    stories = json.loads((HERE / "stories.json").read_text(encoding="utf-8"))
    runs = {int(p.stem[3:]): json.loads(p.read_text(encoding="utf-8")) for p in sorted((HERE / "runs").glob("run*.json"))}
    return stories, runs


def _key(item: dict) -> str:
    """As evaluate.py identifies an item: the GUID, else the link (tracking parameters kept: close enough here)."""
    return f"{item['source']}\x1f{item.get('guid') or item['url']}"


def check() -> list[str]:
    stories, runs = load()
    problems: list[str] = []
    first_run: dict[str, int] = {}
    news: Counter = Counter()
    seen_labels: set[str] = set()
    for number, data in runs.items():
        now = datetime.fromisoformat(data["now"].replace("Z", "+00:00"))
        for item in data["updates"]:
            where = f"run{number}: {item['source']}: {item['title'][:60]!r}"
            label, why = item.get("label"), item.get("why")
            if not item.get("note"):
                problems.append(f"{where}: no note")
            if label is not None and label not in stories:
                problems.append(f"{where}: unknown label {label}")
            if why not in ITEM_WHY_LABELLED and why not in ITEM_WHY_NULL:
                problems.append(f"{where}: unknown why {why}")
            if label is None and why in ITEM_WHY_LABELLED and why != "carryover":
                problems.append(f"{where}: why {why} needs a label")
            if label is not None and why in ITEM_WHY_NULL:
                problems.append(f"{where}: why {why} must have a null label")
            if label:
                seen_labels.add(label)
            if why == "new":
                news[label] += 1
                first_run.setdefault(label, number)
            published = item.get("published")
            if published:
                moment = datetime.fromisoformat(published.replace("Z", "+00:00"))
                if moment > now:
                    problems.append(f"{where}: published after the run")
                if now - moment > timedelta(days=6) and why not in ("relist", "spin-off"):
                    problems.append(f"{where}: published more than six days before the run")
        for obs in data["observations"]:
            label = obs.get("label")
            if obs["why"] not in OBSERVATION_WHY:
                problems.append(f"run{number}: observation {obs['show']} {obs['kind']}: unknown why {obs['why']}")
            if label is not None and label not in stories:
                problems.append(f"run{number}: observation label {label} unknown")
            if obs["why"] == "change":
                news[label] += 1
                first_run.setdefault(label, number)
            if label:
                seen_labels.add(label)
            if (label is None) != (obs["why"] in ("baseline", "restatement")) and obs["why"] != "unchanged":
                problems.append(f"run{number}: observation {obs['show']} {obs['kind']} {obs['value']}: label and why disagree")
            if obs["why"] == "conflict" and stories.get(label, {}).get("emit", True):
                problems.append(f"run{number}: a conflict must carry an emit=false story")
    for label, meta in stories.items():
        if meta["emit"] and news[label] != 1:
            problems.append(f"{label}: {news[label]} 'new' items or 'change' observations, expected exactly one")
        if label not in seen_labels:
            problems.append(f"{label}: no item or observation carries it")
        if meta["topic"] not in ("Renewal", "Release Date", "Cast", "Story"):
            problems.append(f"{label}: unknown topic {meta['topic']}")
    problems.extend(_check_runs_order(runs, first_run))
    problems.extend(_check_identity(runs))
    return problems


def _check_runs_order(runs: dict[int, dict], first_run: dict[str, int]) -> list[str]:
    problems = []
    for number, data in runs.items():
        for item in data["updates"]:
            label, why = item.get("label"), item["why"]
            if why == "same" and first_run.get(label) != number:
                problems.append(f"run{number}: {item['title'][:50]!r}: 'same' outside the story's first run")
            if why == "late" and first_run.get(label, 99) >= number:
                problems.append(f"run{number}: {item['title'][:50]!r}: 'late' in or before the story's first run")
        for obs in data["observations"]:
            if obs["why"] == "confirmation" and first_run.get(obs["label"], 99) > number:
                problems.append(f"run{number}: {obs['show']} {obs['kind']}: confirms a story that has not appeared yet")
        first = {item["label"]: item.get("published") for item in data["updates"] if item["why"] == "new"}
        for item in data["updates"]:
            earliest = first.get(item.get("label"))
            if item["why"] == "same" and earliest and item.get("published") and item["published"] < earliest:
                problems.append(f"run{number}: {item['title'][:50]!r}: published before the story's 'new' item")
    last = max(runs)
    if any(item["why"] in ("new", "same") for item in runs[last]["updates"]):
        problems.append(f"run{last} must have nothing new")
    if any(obs["why"] == "change" for obs in runs[last]["observations"]):
        problems.append(f"run{last} must have no structured change")
    return problems


def _check_identity(runs: dict[int, dict]) -> list[str]:
    problems = []
    keys: dict[str, tuple[int, dict]] = {}
    urls: dict[str, dict] = {}
    for number, data in runs.items():
        for item in data["updates"]:
            key = _key(item)
            if key in keys:
                previous = keys[key][1]
                same_item = all(previous.get(f) == item.get(f) for f in ("title", "summary", "label"))
                if not (item["why"] in ("carryover", "repost") and (same_item or item["why"] == "repost")):
                    problems.append(f"run{number}: {item['title'][:50]!r}: key already used by {previous['title'][:50]!r}")
            keys[key] = (number, item)
            base = re.sub(r"[?&](utm_[a-z]+|fbclid|ref)=[^&]*", "", item["url"])
            if base in urls and item["why"] not in ("carryover", "repost"):
                problems.append(f"run{number}: {item['title'][:50]!r}: link already used by {urls[base]['title'][:50]!r}")
            urls.setdefault(base, item)
    return problems


# --------------------------------------------------------------------------- counts for the README


def counts() -> None:
    stories, runs = load()
    numbers = sorted(runs)
    whys = sorted({u["why"] for d in runs.values() for u in d["updates"]},
                  key=lambda w: (list(ITEM_WHY_LABELLED) + list(ITEM_WHY_NULL)).index(w))
    by_run = {n: Counter(u["why"] for u in runs[n]["updates"]) for n in numbers}
    head = " | ".join(f"run{n}" for n in numbers)
    print(f"| why | {head} | total |\n|---|{'---|' * len(numbers)}---|")
    for why in whys:
        row = " | ".join(str(by_run[n][why]) for n in numbers)
        print(f"| {why} | {row} | {sum(by_run[n][why] for n in numbers)} |")
    total = " | ".join(str(len(runs[n]["updates"])) for n in numbers)
    print(f"| **updates** | {total} | {sum(len(runs[n]['updates']) for n in numbers)} |")
    labelled = " | ".join(str(sum(1 for u in runs[n]["updates"] if u["label"])) for n in numbers)
    print(f"| labelled (to a story) | {labelled} | |")
    nulls = " | ".join(str(sum(1 for u in runs[n]["updates"] if not u["label"])) for n in numbers)
    print(f"| label null | {nulls} | |\n")
    owhys = list(OBSERVATION_WHY)
    oby = {n: Counter(o["why"] for o in runs[n]["observations"]) for n in numbers}
    print(f"| observation why | {head} | total |\n|---|{'---|' * len(numbers)}---|")
    for why in owhys:
        print(f"| {why} | {' | '.join(str(oby[n][why]) for n in numbers)} | {sum(oby[n][why] for n in numbers)} |")
    print(f"| **observations** | {' | '.join(str(len(runs[n]['observations'])) for n in numbers)} | "
          f"{sum(len(runs[n]['observations']) for n in numbers)} |\n")
    outlets = sorted({u["source"] for d in runs.values() for u in d["updates"]})
    print(f"| outlet | {head} |\n|---|{'---|' * len(numbers)}")
    for outlet in outlets:
        print(f"| {outlet} | {' | '.join(str(sum(1 for u in runs[n]['updates'] if u['source'] == outlet)) for n in numbers)} |")
    undated = " | ".join(str(sum(1 for u in runs[n]["updates"] if not u.get("published"))) for n in numbers)
    print(f"| (items with no date) | {undated} |\n")
    emitted = {k: v for k, v in stories.items() if v["emit"]}
    print("| topic | stories |\n|---|---|")
    for topic, count in sorted(Counter(v["topic"] for v in emitted.values()).items()):
        print(f"| {topic} | {count} |")
    print("\n| show | stories |\n|---|---|")
    for show, count in Counter(v["show"] for v in emitted.values()).items():
        print(f"| {show} | {count} |")
    first = {}
    for n in numbers:
        for u in runs[n]["updates"]:
            if u["why"] == "new":
                first.setdefault(u["label"], n)
        for o in runs[n]["observations"]:
            if o["why"] == "change":
                first.setdefault(o["label"], n)
    print(f"\nstories to emit: {len(emitted)}; not to emit (conflicts): {len(stories) - len(emitted)}")
    for n in numbers:
        print(f"new in run{n}: {sorted(k for k, v in first.items() if v == n)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only check the written files")
    parser.add_argument("--counts", action="store_true", help="print the README's count tables")
    args = parser.parse_args(argv)
    if args.counts:
        counts()
        return 0
    if not args.check:
        build()
    problems = check()
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"{len(problems)} problems" if problems else "the set is consistent")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
