"""Every number the newsdesk decides by, in one place, with what set it.

Where a number was set by labelled items, the comment names them (development set `evaluation/set`,
held-out set `evaluation/holdout`) and what moving it does; `python evaluation/sweep.py NAME` moves
one of them and prints which labelled items change.
"""

from __future__ import annotations

# ---------------------------------------------------------------- sameness

# Cosine of two reports' weighted words above which, stating no fact to compare, they are one story.
SAME_STORY = 0.38
# Per story, how many of its reports' word vectors a new report is compared with: the first ones
# (the earliest wordings) and no more, so a story told by hundreds of outlets costs the same as one
# told by ten.
VECTORS_PER_STORY = 8
# Of several stories that share a fact with a report, the one that told more of its facts wins by
# this much per shared claim.
SHARED_CLAIM_BONUS = 0.1

# ---------------------------------------------------------------- finding stories to compare with

# A report is compared only with stories that share a fact, a name or one of its most telling
# terms: this many of its terms.
BLOCKING_TERMS = 8
# A term shared by more stories of one show than this says nothing about which one.
COMMON_TERM = 40

# ---------------------------------------------------------------- the article

# Share of a report's weighted words that must restate one sentence of the article.
RESTATEMENT = 0.42
# Lower, for a report that names a person or place the article presents: the name anchors the subject.
ANCHORED_RESTATEMENT = 0.2
# ...or that shares this many more words with the sentence that names them, besides the names.
ANCHORED_SHARED_WORDS = 2

# ---------------------------------------------------------------- reading facts

# Characters between a date and the cue word that says what it is the date of, beyond which the
# date has no cue ("...returns, and in other news, <a day>").
DATE_CUE_DISTANCE = 90
# Episode counts below this are not a season's order ("the first 3 episodes").
MIN_EPISODES = 4
