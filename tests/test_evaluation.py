"""The newsdesk's measured quality on the project's labelled evaluation set (evaluation/set/):
three mornings, seven shows, six outlets, TVmaze and Wikipedia snapshots. The bar is the one the
product promises editors: almost nothing sent that is not news, almost nothing news missed."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "evaluation"))

import evaluate  # noqa: E402

from seasonwatch.models import Fact, ShowSpec, Story, StorySource, Topic  # noqa: E402


@pytest.fixture(scope="module")
def scores() -> evaluate.Scores:
    result, _ = evaluate.run_set(evaluate.load_set(evaluate.DEFAULT_SET))
    return result


def test_precision_of_emitted_stories(scores):
    assert scores.precision >= 0.97, scores.false_positives


def test_recall_of_stories(scores):
    assert scores.recall >= 0.97, scores.missed


def test_every_outlet_of_a_story_is_listed(scores):
    assert scores.completeness >= 0.95, scores.incomplete


def test_stories_are_filed_under_the_right_section(scores):
    assert scores.section_accuracy >= 0.95, scores.misfiled


def test_the_set_is_the_size_the_issue_asks_for():
    evaluation = evaluate.load_set(evaluate.DEFAULT_SET)
    assert len(evaluation.shows) >= 4 and len(evaluation.runs) >= 2
    assert len({u.source for run in evaluation.runs for u in run.updates}) >= 4
    whys = {why for run in evaluation.runs for why in run.why.values()}
    assert {"article", "clash", "untracked", "repost", "late", "change"} <= whys


def _story(story_id: str, key: str) -> Story:
    now = datetime(2019, 5, 6, tzinfo=UTC)
    return Story(
        id=story_id,
        show="S",
        topic=Topic.CAST,
        section="Cast",
        headline="h",
        summary="",
        facts=[Fact("cast", 1, "A B")],
        sources=[StorySource("O", "t", f"https://o.example/{key}", now, update_key=key)],
        first_seen=now,
        updated=now,
    )


def test_scoring_counts_a_second_story_for_one_label_as_wrong():
    evaluation = evaluate.EvaluationSet(
        shows=[ShowSpec("S", 1, (), Path("a"), "s")],
        articles={},
        stories={"x": {"topic": "Cast", "emit": True}},
        runs=[],
    )
    labels = {"k1": "x", "k2": "x"}
    first, second = _story("1", "k1"), _story("2", "k2")
    result = evaluate._score(
        evaluation,
        [("run1", first), ("run1", second)],
        {"1": first, "2": second},
        labels,
        {"x": {"https://o.example/k1", "https://o.example/k2"}},
        0.0,
    )
    assert result.precision == 0.5 and result.recall == 1.0
    assert result.completeness == 0.5  # the label's two reports were split across two stories


@pytest.fixture(scope="module")
def holdout_scores() -> evaluate.Scores:
    result, _ = evaluate.run_set(evaluate.load_set(ROOT / "evaluation" / "holdout"))
    return result


def test_held_out_set_does_not_regress(holdout_scores):
    """A second set, written without sight of the code; these bars are where it stands now (the
    README gives its first, untuned measurement), so a change that loses ground shows here."""
    assert holdout_scores.precision >= 0.95, holdout_scores.false_positives
    assert holdout_scores.recall >= 0.95, holdout_scores.missed
    assert holdout_scores.completeness >= 0.9, holdout_scores.incomplete
    assert holdout_scores.section_accuracy >= 0.95, holdout_scores.misfiled


def test_blind_set_does_not_regress():
    """The third set (evaluation/blind), written by someone who had not read the newsdesk: first
    measured at precision 0.256 (README), then used to find what fails to generalize. The bars sit
    a little under where it stands now, and its last morning, with nothing new, must emit nothing."""
    scores, _ = evaluate.run_set(evaluate.load_set(ROOT / "evaluation" / "blind"))
    assert scores.precision >= 0.95, scores.false_positives
    assert scores.recall >= 0.95, scores.missed
    assert scores.completeness >= 0.9, scores.incomplete
    assert scores.section_accuracy >= 0.95, scores.misfiled
    assert all(m.precision >= 0.95 and m.recall >= 0.95 for m in scores.mornings), scores.mornings
    assert scores.mornings[-1].emitted == 0, scores.false_positives


REAL_TEXT = ROOT.parent / "shared" / "corpus" / "news-real"


@pytest.mark.skipif(not (REAL_TEXT / "shows.toml").exists(), reason="the real-text set is not on this machine")
def test_real_text_set_does_not_regress():
    """Real outlet headlines and summaries (kept outside the project): one story told in other
    words must stay one entry, every morning."""
    scores, _ = evaluate.run_set(evaluate.load_set(REAL_TEXT))
    assert all(m.precision >= 0.95 and m.recall >= 0.95 for m in scores.mornings), scores.mornings
    assert scores.completeness >= 0.9, scores.incomplete
    assert scores.section_accuracy >= 0.95, scores.misfiled
