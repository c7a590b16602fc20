"""Structured observations: what TVmaze and Wikipedia list for a show, as a FULL snapshot every
run. Each fact is given per run as (value, label, why); a run missing from the dict means the
source does not list that fact in that run.

Conventions:
- baseline: a fact already true on run 1 that the article states or need not state (old seasons,
  network, long cast lists), and any later repeat of such a fact -> label null.
- change: a fact that appears or changes and is news of its own (no outlet had it before).
- confirm: a fact that matches a story emitted in an earlier run or reported by outlets in the
  same run; every later repeat of that fact keeps the story's label and 'confirm'.
- article: a fact that appears later but the article already states -> label null.
"""

B = (None, "baseline")


def const(value):
    return {r: (value, None, "baseline") for r in (1, 2, 3)}


def fact(kind, season, subject, per_run):
    return {"kind": kind, "season": season, "subject": subject, "per_run": per_run}


def cast(person, role, per_run=None):
    return fact("cast", None, person, per_run or const(role))


TVMAZE = "TVmaze"
WIKI = "Wikipedia"

SNAPSHOTS = [
    # ---------------------------------------------------------------- TVmaze: Stranger Things
    {
        "source": TVMAZE,
        "show": "Stranger Things",
        "url": "https://api.tvmaze.com/shows/2993",
        "facts": [
            fact("network", None, "", const("Netflix")),
            fact("status", None, "", const("Running")),
            fact("premiere", 1, "", const("2016-07-15")),
            fact("episodes", 1, "", const("8")),
            fact("premiere", 2, "", const("2017-10-27")),
            fact("episodes", 2, "", const("9")),
            fact("premiere", 3, "", const("2019-07-04")),
            fact("episodes", 3, "", const("8")),
            cast("Winona Ryder", "Joyce Byers"),
            cast("David Harbour", "Jim Hopper"),
            cast("Millie Bobby Brown", "Eleven"),
            cast("Finn Wolfhard", "Mike Wheeler"),
            cast("Gaten Matarazzo", "Dustin Henderson"),
            cast("Caleb McLaughlin", "Lucas Sinclair"),
            cast("Noah Schnapp", "Will Byers"),
            cast("Sadie Sink", "Max Mayfield"),
            cast("Natalia Dyer", "Nancy Wheeler"),
            cast("Charlie Heaton", "Jonathan Byers"),
            cast("Joe Keery", "Steve Harrington"),
            cast("Dacre Montgomery", "Billy Hargrove"),
            cast("Cara Buono", "Karen Wheeler"),
            cast(
                "Brett Gelman",
                "Murray Bauman",
                {
                    2: ("Murray Bauman", "st3-gelman-regular", "confirm"),
                    3: ("Murray Bauman", "st3-gelman-regular", "confirm"),
                },
            ),
            cast("Maya Hawke", "Robin", {3: ("Robin", None, "article")}),
        ],
    },
    # ---------------------------------------------------------------- TVmaze: Jessica Jones
    {
        "source": TVMAZE,
        "show": "Jessica Jones",
        "url": "https://api.tvmaze.com/shows/1370",
        "facts": [
            fact("network", None, "", const("Netflix")),
            fact(
                "status",
                None,
                "",
                {
                    1: ("Running", None, "baseline"),
                    2: ("Running", None, "baseline"),
                    3: ("Ended", "jj3-final-season", "confirm"),
                },
            ),
            fact("premiere", 1, "", const("2015-11-20")),
            fact("episodes", 1, "", const("13")),
            fact("premiere", 2, "", const("2018-03-08")),
            fact("episodes", 2, "", const("13")),
            fact(
                "premiere",
                3,
                "",
                {
                    1: ("", None, "baseline"),
                    2: ("2019-06-14", "jj3-premiere-date", "change"),
                    3: ("2019-06-14", "jj3-premiere-date", "confirm"),
                },
            ),
            fact("episodes", 3, "", const("13")),
            cast("Krysten Ritter", "Jessica Jones"),
            cast("Rachael Taylor", 'Patricia "Trish" Walker'),
            cast("Eka Darville", "Malcolm Ducasse"),
            cast("Carrie-Anne Moss", "Jeri Hogarth"),
            cast("Benjamin Walker", "Erik Gelden"),
            cast("Sarita Choudhury", "Kith Lyonne"),
            cast(
                "Jeremy Bobb",
                "Gregory Sallinger",
                {2: ("Gregory Sallinger", "jj3-bobb", "confirm"), 3: ("Gregory Sallinger", "jj3-bobb", "confirm")},
            ),
        ],
    },
    # ---------------------------------------------------------------- Wikipedia: Jessica Jones
    {
        "source": WIKI,
        "show": "Jessica Jones",
        "url": "https://en.wikipedia.org/wiki/Jessica_Jones_(TV_series)",
        "facts": [
            fact("network", None, "", const("Netflix")),
            fact("premiere", 1, "", const("2015-11-20")),
            fact("finale", 1, "", const("2015-11-20")),
            fact("episodes", 1, "", const("13")),
            fact("premiere", 2, "", const("2018-03-08")),
            fact("finale", 2, "", const("2018-03-08")),
            fact("episodes", 2, "", const("13")),
            fact("renewal", 2, "", const("renewed")),
            fact("renewal", 3, "", const("renewed")),
            fact(
                "premiere",
                3,
                "",
                {
                    1: ("", None, "baseline"),
                    2: ("", None, "baseline"),
                    3: ("2019-06-14", "jj3-premiere-date", "confirm"),
                },
            ),
            fact("episodes", 3, "", const("13")),
            fact("cancellation", None, "", {r: ("cancelled", "jj3-final-season", "confirm") for r in (1, 2, 3)}),
            cast("Krysten Ritter", "Jessica Jones"),
            cast("Mike Colter", "Luke Cage"),
            cast("Rachael Taylor", "Trish Walker"),
            cast("Wil Traval", "Will Simpson"),
            cast("Erin Moriarty", "Hope Shlottman"),
            cast("Eka Darville", "Malcolm Ducasse"),
            cast("Carrie-Anne Moss", "Jeri Hogarth"),
            cast("David Tennant", "Kilgrave"),
            cast("J. R. Ramirez", "Oscar Arocho"),
            cast("Terry Chen", "Pryce Cheng"),
            cast("Leah Gibson", "Inez Green"),
            cast("Janet McTeer", "Alisa Jones"),
            cast("Benjamin Walker", "Erik Gelden"),
            cast("Sarita Choudhury", "Kith Lyonne"),
            cast("Jeremy Bobb", "Gregory Sallinger", {3: ("Gregory Sallinger", "jj3-bobb", "confirm")}),
        ],
    },
    # ---------------------------------------------------------------- TVmaze: Dark
    {
        "source": TVMAZE,
        "show": "Dark",
        "url": "https://api.tvmaze.com/shows/17861",
        "facts": [
            fact("network", None, "", const("Netflix")),
            fact("status", None, "", const("Running")),
            fact("premiere", 1, "", const("2017-12-01")),
            fact("episodes", 1, "", const("10")),
            fact(
                "premiere",
                2,
                "",
                {
                    1: ("", None, "baseline"),
                    2: ("2019-06-21", "dark2-premiere-date", "confirm"),
                    3: ("2019-06-21", "dark2-premiere-date", "confirm"),
                },
            ),
            fact("episodes", 2, "", {3: ("8", "dark2-episodes", "change")}),
            cast("Louis Hofmann", "Jonas Kahnwald"),
            cast("Lisa Vicari", "Martha Nielsen"),
            cast("Oliver Masucci", "Ulrich Nielsen"),
            cast("Karoline Eichhorn", "Charlotte Doppler"),
            cast("Jördis Triebel", "Katharina Nielsen"),
            cast("Maja Schöne", "Hannah Kahnwald"),
            cast("Stephan Kampwirth", "Peter Doppler"),
            cast("Mark Waschke", "Noah"),
            cast("Andreas Pietschmann", "The Stranger"),
            cast("Moritz Jahn", "Magnus Nielsen"),
            cast("Gina Stiebitz", "Franziska Doppler"),
            cast("Paul Lux", "Bartosz Tiedemann"),
        ],
    },
    # ---------------------------------------------------------------- TVmaze: You
    {
        "source": TVMAZE,
        "show": "You",
        "url": "https://api.tvmaze.com/shows/26856",
        "facts": [
            fact("network", None, "", const("Netflix")),
            fact("status", None, "", const("Running")),
            fact("premiere", 1, "", const("2018-09-09")),
            fact("episodes", 1, "", const("10")),
            fact(
                "premiere",
                2,
                "",
                {
                    1: ("", None, "baseline"),
                    2: ("", None, "baseline"),
                    3: ("2019-12-26", "you2-premiere-date", "confirm"),
                },
            ),
            cast("Penn Badgley", "Joe Goldberg"),
            cast("Elizabeth Lail", "Guinevere Beck"),
            cast("Shay Mitchell", "Peach Salinger"),
            cast("Luca Padovan", "Paco"),
            cast("Zach Cherry", "Ethan"),
            cast("Victoria Pedretti", "Love Quinn"),
            cast(
                "Jenna Ortega",
                "Ellie Alves",
                {2: ("Ellie Alves", "you2-ortega", "confirm"), 3: ("Ellie Alves", "you2-ortega", "confirm")},
            ),
            cast(
                "James Scully",
                "Forty Quinn",
                {2: ("Forty Quinn", "you2-scully", "confirm"), 3: ("Forty Quinn", "you2-scully", "confirm")},
            ),
            cast("Carmela Zumbado", "Delilah Alves", {3: ("Delilah Alves", "you2-zumbado", "change")}),
        ],
    },
    # ---------------------------------------------------------------- Wikipedia: Succession
    {
        "source": WIKI,
        "show": "Succession",
        "url": "https://en.wikipedia.org/wiki/Succession_(TV_series)",
        "facts": [
            fact("network", None, "", const("HBO")),
            fact("premiere", 1, "", const("2018-06-03")),
            fact("finale", 1, "", const("2018-08-05")),
            fact("episodes", 1, "", const("10")),
            fact("renewal", 2, "", const("renewed")),
            fact(
                "premiere",
                2,
                "",
                {
                    1: ("", None, "baseline"),
                    2: ("2019-08-04", "succ2-premiere-date", "confirm"),
                    3: ("2019-08-11", "succ2-date-moved", "confirm"),
                },
            ),
            fact("episodes", 2, "", const("10")),
            cast("Hiam Abbass", "Marcia Roy"),
            cast("Nicholas Braun", "Greg Hirsch"),
            cast("Brian Cox", "Logan Roy"),
            cast("Kieran Culkin", "Roman Roy"),
            cast("Peter Friedman", "Frank Vernon"),
            cast("Natalie Gold", "Rava Roy"),
            cast("Matthew Macfadyen", "Tom Wambsgans"),
            cast("Alan Ruck", "Connor Roy"),
            cast("Arian Moayed", "Stewy Hosseini"),
            cast("J. Smith-Cameron", "Gerri Kellman"),
            cast("Sarah Snook", 'Siobhan "Shiv" Roy'),
            cast("Jeremy Strong", "Kendall Roy"),
            cast("Rob Yang", "Lawrence Yee"),
            cast("Holly Hunter", "Rhea Jarrell"),
            cast(
                "Cherry Jones",
                "Nan Pierce",
                {
                    2: ("Nan Pierce", "succ2-cherry-jones", "confirm"),
                    3: ("Nan Pierce", "succ2-cherry-jones", "confirm"),
                },
            ),
        ],
    },
    # ---------------------------------------------------------------- Wikipedia: The Handmaid's Tale
    {
        "source": WIKI,
        "show": "The Handmaid's Tale",
        "url": "https://en.wikipedia.org/wiki/The_Handmaid%27s_Tale_(TV_series)",
        "facts": [
            fact("network", None, "", const("Hulu")),
            fact("premiere", 1, "", const("2017-04-26")),
            fact("finale", 1, "", const("2017-06-14")),
            fact("episodes", 1, "", const("10")),
            fact("premiere", 2, "", const("2018-04-25")),
            fact("finale", 2, "", const("2018-07-11")),
            fact("episodes", 2, "", const("13")),
            fact("renewal", 2, "", const("renewed")),
            fact("renewal", 3, "", const("renewed")),
            fact("premiere", 3, "", const("2019-06-05")),
            fact("episodes", 3, "", {2: ("13", "hmt3-episodes", "confirm"), 3: ("13", "hmt3-episodes", "confirm")}),
            fact("renewal", 4, "", {3: ("renewed", "hmt4-renewal", "confirm")}),
            cast("Elisabeth Moss", "June Osborne / Offred"),
            cast("Joseph Fiennes", "Fred Waterford"),
            cast("Yvonne Strahovski", "Serena Joy Waterford"),
            cast("Alexis Bledel", "Emily"),
            cast("Madeline Brewer", "Janine"),
            cast("Ann Dowd", "Aunt Lydia"),
            cast("O-T Fagbenle", "Luke Bankole"),
            cast("Max Minghella", "Nick Blaine"),
            cast("Samira Wiley", "Moira"),
            cast("Amanda Brugel", "Rita"),
            cast("Bradley Whitford", "Commander Joseph Lawrence"),
            cast(
                "Christopher Meloni",
                "Commander George Winslow",
                {
                    2: ("Commander George Winslow", "hmt3-meloni", "confirm"),
                    3: ("Commander George Winslow", "hmt3-meloni", "confirm"),
                },
            ),
            cast("Elizabeth Reaser", "Olivia Winslow", {3: ("Olivia Winslow", "hmt3-reaser", "confirm")}),
        ],
    },
]


def for_run(r):
    rows = []
    for snap in SNAPSHOTS:
        for f in snap["facts"]:
            if r not in f["per_run"]:
                continue
            value, label, why = f["per_run"][r]
            rows.append(
                {
                    "source": snap["source"],
                    "show": snap["show"],
                    "kind": f["kind"],
                    "season": f["season"],
                    "subject": f["subject"],
                    "value": value,
                    "url": snap["url"],
                    "label": label,
                    "why": why,
                }
            )
    return rows
