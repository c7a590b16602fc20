#!/usr/bin/env python3
"""Measures the newsdesk on a labelled evaluation set: precision and recall of emitted stories,
cluster completeness and section accuracy.

    python evaluation/evaluate.py [--set evaluation/set] [-v]

Each run of the set goes through the real decision stage (`newsdesk.decide`) and is committed to
a real state file (`seasonwatch.store.Store`, in a temporary folder), exactly as a cron run would,
so history, late reports and structured baselines carry from one run to the next.

- precision: share of emitted stories that are genuine news, emitted for the first time
  (an emitted story whose sources carry no story label, or a second story for a label, is wrong);
- recall: share of the set's stories (labels with emit=true) that were emitted;
- completeness: for each correctly emitted story, the share of the outlets' reports of it (distinct
  links, re-posts by the same outlet excepted) and structured confirmations listed as its sources
  after the last run, averaged over stories;
- section accuracy: share of correctly emitted stories filed under the labelled topic.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scrapers.urls import canonical_url  # noqa: E402
from seasonwatch.config import parse_shows  # noqa: E402
from seasonwatch.models import Decision, Fact, FactObservation, Gathered, ShowSpec, Story, Update  # noqa: E402
from seasonwatch.pipeline import decide_and_commit, read_articles  # noqa: E402
from seasonwatch.store import Store  # noqa: E402

DEFAULT_SET = Path(__file__).resolve().parent / "set"


@dataclass
class Run:
    name: str
    now: datetime
    updates: list[Update]
    observations: list[FactObservation]
    labels: dict[str, str | None]  # update key or observation key -> story label
    why: dict[str, str]


@dataclass
class EvaluationSet:
    shows: list[ShowSpec]
    articles: dict[str, str]
    stories: dict[str, dict]
    runs: list[Run]


@dataclass(frozen=True)
class Morning:
    """One run's share of the scores: the stories it emitted, and those first reported that morning."""

    name: str
    emitted: int
    correct: int
    expected: int  # labelled stories whose first report arrived this morning
    found: int  # of those, emitted this morning
    shares: tuple[float, ...] = ()  # of each right story it emitted, the share of its sources listed in the end
    filed_right: tuple[bool, ...] = ()  # of each right story it emitted, whether it sits in its labelled section

    @property
    def precision(self) -> float:
        return self.correct / self.emitted if self.emitted else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 1.0

    @property
    def completeness(self) -> float:
        return sum(self.shares) / len(self.shares) if self.shares else 1.0

    @property
    def section_accuracy(self) -> float:
        return sum(self.filed_right) / len(self.filed_right) if self.filed_right else 1.0


@dataclass
class Scores:
    precision: float
    recall: float
    completeness: float
    section_accuracy: float
    emitted: int
    correct: int
    expected: int
    seconds: float
    false_positives: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    incomplete: list[str] = field(default_factory=list)
    misfiled: list[str] = field(default_factory=list)
    mornings: list[Morning] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {
            "mornings": [
                {
                    "run": m.name,
                    "precision": round(m.precision, 4),
                    "recall": round(m.recall, 4),
                    "completeness": round(m.completeness, 4),
                    "section_accuracy": round(m.section_accuracy, 4),
                    "emitted": m.emitted,
                }
                for m in self.mornings
            ],
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "completeness": round(self.completeness, 4),
            "section_accuracy": round(self.section_accuracy, 4),
            "emitted": self.emitted,
            "correct": self.correct,
            "expected": self.expected,
        }


def load_set(folder: Path) -> EvaluationSet:
    # the shows and their articles as a run reads them from config.toml
    config = tomllib.loads((folder / "shows.toml").read_text(encoding="utf-8"))
    shows = parse_shows(config["shows"], "shows.toml", folder.resolve())
    articles = read_articles(shows)
    stories = json.loads((folder / "stories.json").read_text(encoding="utf-8"))
    runs = [_load_run(path) for path in sorted((folder / "runs").glob("run*.json"), key=lambda p: int(p.stem[3:]))]
    return EvaluationSet(shows, articles, stories, runs)


def _load_run(path: Path) -> Run:
    data = json.loads(path.read_text(encoding="utf-8"))
    updates, observations, labels, why = [], [], {}, {}
    now = datetime.fromisoformat(data["now"].replace("Z", "+00:00"))
    for item in data["updates"]:
        update = Update(
            source=item["source"],
            url=item["url"],
            canonical_url=canonical_url(item["url"]),
            guid=item.get("guid", ""),
            title=item["title"],
            summary=item.get("summary", ""),
            published=datetime.fromisoformat(item["published"].replace("Z", "+00:00"))
            if item.get("published")
            else None,
        )
        updates.append(update)
        labels[update.key] = item.get("label")
        why[update.key] = item.get("why", "")
    for item in data.get("observations", []):
        fact = Fact(item["kind"], item.get("season"), item.get("subject", ""), str(item.get("value", "")))
        observation = FactObservation(item["show"], fact, item["source"], item.get("url", ""), now)
        observations.append(observation)
        labels[observation.key] = item.get("label")
        why[observation.key] = item.get("why", "baseline")
    return Run(path.stem, now, updates, observations, labels, why)


def run_set(evaluation: EvaluationSet, verbose: bool = False) -> tuple[Scores, list[tuple[str, Decision]]]:
    labels: dict[str, str | None] = {}
    expected_sources: dict[str, set[str]] = {}
    first_run: dict[str, str] = {}  # label -> the run its first report arrived in
    decisions: list[tuple[str, Decision]] = []
    emitted: list[tuple[str, Story]] = []
    seconds = 0.0
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(Path(folder) / "state.sqlite3")
        for run in evaluation.runs:
            labels.update(run.labels)
            for update in run.updates:
                label = run.labels[update.key]
                if label and evaluation.stories.get(label, {}).get("emit") and run.why[update.key] != "repost":
                    expected_sources.setdefault(label, set()).add(update.canonical_url)
                    first_run.setdefault(label, run.name)
            for obs in run.observations:
                label = run.labels[obs.key]
                if label and evaluation.stories.get(label, {}).get("emit"):
                    expected_sources.setdefault(label, set()).add(_structured_source(obs.source, obs.source_url))
                    first_run.setdefault(label, run.name)
            # the morning as a run has it: decided against the state, committed to it
            gathered = Gathered(updates=run.updates, observations=run.observations)
            decided, _, _ = decide_and_commit(
                store, evaluation.shows, evaluation.articles, gathered, run.now, finished=run.now
            )
            decision = decided.decision
            seconds += decided.seconds
            decisions.append((run.name, decision))
            emitted.extend((run.name, story) for story in decision.new_stories)
            if verbose:
                _print_run(run, decision, labels)
        final = {story.id: story for story in store.stories()}
        store.close()

    scores = _score(evaluation, emitted, final, labels, expected_sources, seconds)
    scores.mornings = _mornings(evaluation, emitted, final, labels, first_run, expected_sources)
    return scores, decisions


def _mornings(
    evaluation: EvaluationSet,
    emitted: list[tuple[str, Story]],
    final: dict[str, Story],
    labels: dict[str, str | None],
    first_run: dict[str, str],
    expected_sources: dict[str, set[str]],
) -> list[Morning]:
    """Each morning's precision (its emitted stories that are right, first of their label), recall
    (the labelled stories first reported that morning, emitted that morning), and the completeness
    and section accuracy of the right stories it emitted, as they stand after the last morning."""
    mornings = []
    seen: set[str] = set()
    right_by_run: dict[str, list[str]] = {}
    quality_by_run: dict[str, list[tuple[float, bool]]] = {}
    for run_name, story in emitted:
        story = final.get(story.id, story)
        label = story_label(story, labels)
        good = label is not None and label in first_run and label not in seen
        if good and label is not None:
            seen.add(label)
            filed_right = str(story.topic) == evaluation.stories[label]["topic"]
            quality_by_run.setdefault(run_name, []).append((_share_listed(story, expected_sources[label]), filed_right))
        right_by_run.setdefault(run_name, []).append(label if good and label else "")
    for run in evaluation.runs:
        rows = right_by_run.get(run.name, [])
        quality = quality_by_run.get(run.name, [])
        expected = [label for label, first in first_run.items() if first == run.name]
        mornings.append(
            Morning(
                run.name,
                emitted=len(rows),
                correct=sum(1 for r in rows if r),
                expected=len(expected),
                found=sum(1 for label in expected if label in rows),
                shares=tuple(share for share, _ in quality),
                filed_right=tuple(right for _, right in quality),
            )
        )
    return mornings


def _listed(story: Story) -> set[str]:
    return {canonical_url(s.url) for s in story.sources} | {_structured_source(s.source, s.url) for s in story.sources}


def _share_listed(story: Story, expected: set[str]) -> float:
    return len(expected & _listed(story)) / len(expected)


def _structured_source(source: str, url: str) -> str:
    return f"{source} {canonical_url(url)}"


def story_label(story: Story, labels: dict[str, str | None]) -> str | None:
    votes = Counter(labels.get(source.update_key) for source in story.sources)
    votes.pop(None, None)
    return votes.most_common(1)[0][0] if votes else None


def _score(
    evaluation: EvaluationSet,
    emitted: list[tuple[str, Story]],
    final: dict[str, Story],
    labels: dict[str, str | None],
    expected_sources: dict[str, set[str]],
    seconds: float,
) -> Scores:
    wanted = {label for label, meta in evaluation.stories.items() if meta.get("emit") and label in expected_sources}
    seen: set[str] = set()
    correct: list[tuple[str, Story]] = []
    false_positives, misfiled, incomplete = [], [], []
    for run_name, story in emitted:
        label = story_label(final.get(story.id, story), labels)
        if label is None or label not in wanted or label in seen:
            reason = (
                "no labelled source"
                if label is None
                else f"second story for {label}"
                if label in seen
                else f"{label} is not news"
            )
            false_positives.append(f"{run_name}: {story.show}: {story.headline!r} ({reason})")
            continue
        seen.add(label)
        correct.append((label, final.get(story.id, story)))
    shares = []
    for label, story in correct:
        listed = _listed(story)
        expected = expected_sources[label]
        share = _share_listed(story, expected)
        shares.append(share)
        if share < 1:
            missing = sorted(expected - listed)
            incomplete.append(f"{label}: {len(expected & listed)}/{len(expected)} sources; missing {missing}")
        if str(story.topic) != evaluation.stories[label]["topic"]:
            misfiled.append(f"{label}: filed under {story.topic}, labelled {evaluation.stories[label]['topic']}")
    emitted_count = len(emitted)
    return Scores(
        precision=len(correct) / emitted_count if emitted_count else 1.0,
        recall=len(seen) / len(wanted) if wanted else 1.0,
        completeness=sum(shares) / len(shares) if shares else 1.0,
        section_accuracy=1 - len(misfiled) / len(correct) if correct else 1.0,
        emitted=emitted_count,
        correct=len(correct),
        expected=len(wanted),
        seconds=seconds,
        false_positives=false_positives,
        missed=sorted(wanted - seen),
        incomplete=incomplete,
        misfiled=misfiled,
    )


def _print_run(run: Run, decision: Decision, labels: dict[str, str | None]) -> None:
    print(f"\n=== {run.name} ({run.now:%Y-%m-%d}): {len(run.updates)} updates, {len(run.observations)} observations")
    for verdict in decision.verdicts:
        label = labels.get(verdict.update_key) if verdict.update_key else None
        print(
            f"  [{verdict.fate}] {verdict.source}: {verdict.title}  <label {label}, {run.why.get(verdict.update_key, '')}>"
        )
        print(f"      {verdict.reason}")
    for story in decision.new_stories:
        print(f"  + NEW {story.show} / {story.topic}: {story.headline}  <{story_label(story, labels)}>")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", type=Path, default=DEFAULT_SET, help="the evaluation set folder")
    parser.add_argument("-v", "--verbose", action="store_true", help="every verdict, run by run")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = parser.parse_args(argv)
    evaluation = load_set(args.set)
    scores, _ = run_set(evaluation, verbose=args.verbose)
    if args.json:
        print(json.dumps(scores.as_dict()))
        return 0
    updates = sum(len(r.updates) for r in evaluation.runs)
    print(
        f"Evaluation set: {len(evaluation.shows)} shows, {len(evaluation.runs)} runs, {updates} updates, "
        f"{sum(len(r.observations) for r in evaluation.runs)} structured observations, {scores.expected} stories to emit"
    )
    print(f"precision       {scores.precision:.3f}  ({scores.correct} of {scores.emitted} emitted stories are right)")
    print(f"recall          {scores.recall:.3f}  ({scores.correct} of {scores.expected} stories emitted)")
    print(f"completeness    {scores.completeness:.3f}  (share of each story's sources listed)")
    print(f"section accuracy {scores.section_accuracy:.3f}")
    print(f"decision time   {scores.seconds * 1000:.0f} ms for {updates} updates in {len(evaluation.runs)} runs")
    for m in scores.mornings:
        print(
            f"  {m.name:<13} precision {m.precision:.3f} ({m.correct}/{m.emitted})   "
            f"recall {m.recall:.3f} ({m.found}/{m.expected})   "
            f"completeness {m.completeness:.3f}   section accuracy {m.section_accuracy:.3f}"
        )
    for title, rows in (
        ("False positives", scores.false_positives),
        ("Missed", scores.missed),
        ("Incomplete", scores.incomplete),
        ("Misfiled", scores.misfiled),
    ):
        if rows:
            print(f"\n{title}:")
            for row in rows:
                print(f"  {row}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
