"""Every story label used in the runs, with the decision a careful editor would make.
Each of these must be emitted exactly once, in the run where it first appears."""

STORIES = {
    # Stranger Things, season 3
    "st3-episode-titles": (
        "Stranger Things",
        "Story",
        "Netflix reveals the eight season 3 episode titles, from 'Suzie, Do You Copy?' to 'The Battle of Starcourt' (run 1)",
    ),
    "st3-gelman-regular": (
        "Stranger Things",
        "Cast",
        "Brett Gelman (Murray Bauman) promoted to series regular for season 3 (run 1; TVmaze lists him from run 2)",
    ),
    "st3-final-trailer": (
        "Stranger Things",
        "Story",
        "Final season 3 trailer released (run 2; a late report and a re-post in run 3)",
    ),
    # The Handmaid's Tale, season 3
    "hmt3-meloni": (
        "The Handmaid's Tale",
        "Cast",
        "Christopher Meloni cast as Commander George Winslow (run 1) -- a different story from Reaser's casting",
    ),
    "hmt3-reaser": (
        "The Handmaid's Tale",
        "Cast",
        "Elizabeth Reaser cast as Olivia Winslow, the commander's wife (run 1, two days after Meloni)",
    ),
    "hmt3-trailer": (
        "The Handmaid's Tale",
        "Story",
        "Full season 3 trailer released; the article only knows the Super Bowl teaser (run 2)",
    ),
    "hmt3-episodes": (
        "The Handmaid's Tale",
        "Release Date",
        "Season 3 has 13 episodes; three on June 5, then weekly (run 2; Wikipedia lists 13 the same morning)",
    ),
    "hmt4-renewal": (
        "The Handmaid's Tale",
        "Renewal",
        "Hulu renews the show for a fourth season before season 3 premieres (run 3; Wikipedia lists season 4)",
    ),
    # Jessica Jones, season 3
    "jj3-final-season": (
        "Jessica Jones",
        "Renewal",
        "Netflix cancels Jessica Jones (and The Punisher): season 3 will be the last (run 1; TVmaze status Ended in run 3)",
    ),
    "jj3-bobb": (
        "Jessica Jones",
        "Cast",
        "Jeremy Bobb plays the season's villain, serial killer Gregory Sallinger (run 2)",
    ),
    "jj3-showrunner": (
        "Jessica Jones",
        "Story",
        "Creator Melissa Rosenberg has left; Scott Reynolds is showrunner of season 3 (run 2)",
    ),
    "jj3-premiere-date": (
        "Jessica Jones",
        "Release Date",
        "Season 3 premieres June 14, 2019 -- first seen on TVmaze in run 2 before any outlet; outlets report it in run 3 (late)",
    ),
    "jj3-teaser": (
        "Jessica Jones",
        "Story",
        "First teaser for the final season (run 3); its items mention the June 14 date in passing",
    ),
    # Dark, season 2
    "dark2-premiere-date": (
        "Dark",
        "Release Date",
        "Netflix dates season 2 for June 21, 2019 with a short date teaser (run 1; TVmaze confirms in run 2)",
    ),
    "dark2-trailer": (
        "Dark",
        "Story",
        "Full season 2 trailer released (run 3) -- not the same story as the run-1 date teaser",
    ),
    "dark2-episodes": (
        "Dark",
        "Release Date",
        "Season 2 has 8 episodes -- only TVmaze says so, in run 3 (structured change, no outlet)",
    ),
    # You, season 2
    "you2-ortega": ("You", "Cast", "Jenna Ortega cast as Ellie Alves (run 1)"),
    "you2-scully": (
        "You",
        "Cast",
        "James Scully cast as Forty Quinn, Love's twin brother (run 1) -- separate from the Ortega casting",
    ),
    "you2-december": ("You", "Release Date", "Netflix says season 2 arrives in December -- a vague date (run 2)"),
    "you2-premiere-date": (
        "You",
        "Release Date",
        "Exact premiere date December 26, 2019 (run 3) -- the vague December story made precise, news again",
    ),
    "you2-filming-wrap": ("You", "Story", "Filming on season 2 has wrapped (run 3)"),
    "you2-zumbado": (
        "You",
        "Cast",
        "Carmela Zumbado as Delilah Alves -- only TVmaze's cast list shows it, in run 3 (structured change, no outlet)",
    ),
    # Succession, season 2
    "succ2-cherry-jones": (
        "Succession",
        "Cast",
        "Cherry Jones cast as Nan Pierce (run 1; Wikipedia adds her in run 2)",
    ),
    "succ2-first-look": ("Succession", "Story", "HBO releases first-look photos from season 2 (run 1)"),
    "succ2-premiere-date": (
        "Succession",
        "Release Date",
        "HBO sets an Aug. 4, 2019 premiere (run 2; an invented intermediate date, see README)",
    ),
    "succ2-date-moved": (
        "Succession",
        "Release Date",
        "Premiere moved a week, to Aug. 11, 2019 (run 3) -- a changed date is a new story",
    ),
    # The Crown, season 3
    "crown3-first-look": (
        "The Crown",
        "Story",
        "First-look photos of Olivia Colman, Tobias Menzies and Helena Bonham Carter in character (run 1)",
    ),
    "crown3-jacobi": ("The Crown", "Cast", "Derek Jacobi plays the Duke of Windsor in season 3 (run 2)"),
    "crown3-premiere-date": ("The Crown", "Release Date", "Season 3 premieres November 17, 2019 (run 3)"),
}


def as_json():
    return {k: {"show": s, "topic": t, "emit": True, "note": n} for k, (s, t, n) in STORIES.items()}
