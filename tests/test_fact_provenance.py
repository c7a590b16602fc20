"""No date the desk sends is one no source wrote or implied: over every labelled set, each date fact
of each report it keeps has its year written in that report, or, when the report writes no year at
all or reads the date from words relative to its day, a year its own day gives by the date rules
("next year", "this spring", a day with no year taken as the next one ahead)."""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "evaluation"))

import evaluate  # noqa: E402

import newsdesk  # noqa: E402
from seasonwatch.fact_kinds import Values, kind_of  # noqa: E402
from seasonwatch.fuzzy_date import FuzzyDate  # noqa: E402
from seasonwatch.models import Fate, Gathered  # noqa: E402
from seasonwatch.store import Store  # noqa: E402

SETS = [
    ROOT / "evaluation" / "set",
    ROOT / "evaluation" / "holdout",
    ROOT / "evaluation" / "blind",
    ROOT.parent / "shared" / "corpus" / "news-real",
]
KEPT = {Fate.NEW, Fate.SAME_STORY, Fate.LATE_REPORT}
YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


def _unfounded_dates(set_dir: Path) -> list[str]:
    evaluation = evaluate.load_set(set_dir)
    problems = []
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(Path(folder) / "state.sqlite3")
        for run in evaluation.runs:
            history = store.history(shows=[s.name for s in evaluation.shows])
            decision = newsdesk.decide(
                evaluation.shows, evaluation.articles, run.updates, run.observations, history, run.now
            )
            updates = {u.key: u for u in run.updates}
            for verdict in decision.verdicts:
                update = updates.get(verdict.update_key)
                if update is None or verdict.fate not in KEPT:
                    continue
                text = f"{update.title} {update.summary}"
                written = {int(y) for y in YEAR.findall(text)}
                day = update.published or run.now
                for fact in verdict.facts:
                    date = FuzzyDate.parse(fact.value) if kind_of(fact).values is Values.DATE else None
                    if date is None:
                        continue
                    # a year the report writes is never replaced; with none written, or for a date
                    # read from words relative to the day ("won't be back in 2020... next year"),
                    # the report's own day gives it: this year, the next, or the last
                    near = {day.year - 1, day.year, day.year + 1}
                    allowed = near if fact.relative or not written else written
                    if date.year not in allowed:
                        problems.append(f"{run.name}: {update.title!r}: {fact.value} (written: {sorted(written)})")
            gathered = Gathered(updates=run.updates, observations=run.observations)
            store.commit_run(started=run.now, finished=run.now, gathered=gathered, decision=decision, digest=None)
    return problems


@pytest.mark.parametrize("set_dir", SETS, ids=lambda p: p.name)
def test_every_date_sent_has_a_year_its_report_wrote_or_implied(set_dir: Path):
    if not (set_dir / "shows.toml").exists():
        pytest.skip(f"{set_dir} is not on this machine")
    assert _unfounded_dates(set_dir) == []
