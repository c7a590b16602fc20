"""What a run tells its operator: progress on a terminal, quiet parseable lines under cron."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from typing import TextIO

from seasonwatch.fact_text import describe_fact
from seasonwatch.models import Decision, Fate, SourceReport, SourceStatus, Story, Verdict

QUIET, NORMAL, VERBOSE = -1, 0, 1


class Console:
    def __init__(self, verbosity: int = NORMAL, stream: TextIO | None = None, errors: TextIO | None = None) -> None:
        self.verbosity = verbosity
        self.stream = stream or sys.stdout
        self.errors = errors or sys.stderr
        self.interactive = self.stream.isatty()

    # ------------------------------------------------------------------ lines

    def say(self, text: str, level: int = NORMAL) -> None:
        if self.verbosity >= level:
            if not self.interactive and text.strip():
                text = f"{datetime.now(UTC):%Y-%m-%dT%H:%M:%SZ} {text.strip(chr(10))}"
            elif not self.interactive:
                return
            print(text, file=self.stream, flush=True)

    def warn(self, text: str) -> None:
        prefix = "" if self.interactive else f"{datetime.now(UTC):%Y-%m-%dT%H:%M:%SZ} "
        print(f"{prefix}warning: {text}", file=self.errors, flush=True)

    def error(self, text: str) -> None:
        print(f"seasonwatch: error: {text}", file=self.errors, flush=True)

    # ------------------------------------------------------------------ progress

    def source_done(self, report: SourceReport) -> None:
        if report.status == SourceStatus.FAILED:
            self.warn(f"source {report.source} failed: {report.detail}")
            return
        if report.detail:  # read, but with items skipped or cleaned: the outlet's data is off
            self.say(f"source {report.source}: {report.detail}")
        if self.interactive:
            mark = "✓" if report.status == SourceStatus.OK else "="
            what = f"{report.items} items" if report.status == SourceStatus.OK else "not modified"
            self.say(f"  {mark} {report.source:<28} {what:<14} {report.seconds:5.2f} s")
        else:
            self.say(
                f"source={_quote(report.source)} status={str(report.status).replace(' ', '_')} items={report.items} seconds={report.seconds:.2f}",
                VERBOSE,
            )

    def verdicts(self, verdicts: list[Verdict]) -> None:
        """Every gathered update with its fate, grouped by source: what an editor reads to trust the tool."""
        by_source: dict[str, list[Verdict]] = {}
        for verdict in verdicts:
            by_source.setdefault(verdict.source, []).append(verdict)
        for source in sorted(by_source, key=str.casefold):
            self.say(f"\n{source}:", VERBOSE)
            shown = [v for v in by_source[source] if v.fate != Fate.BASELINE]
            baseline = len(by_source[source]) - len(shown)
            if baseline:
                # a structured source lists dozens of known facts: one line for those, each change in full
                self.say(f"  [{Fate.BASELINE}] {baseline} facts already known or agreeing with the article", VERBOSE)
            for verdict in sorted(shown, key=lambda v: list(Fate).index(v.fate)):
                self.say(f"  [{verdict.fate}] {verdict.title}", VERBOSE)
                details = []
                if verdict.show:
                    details.append(f"show: {verdict.show}")
                if verdict.topic:
                    details.append(f"section: {verdict.topic}")
                if verdict.facts:
                    details.append("facts: " + "; ".join(describe_fact(f) for f in verdict.facts))
                if details:
                    self.say(f"      {' | '.join(details)}", VERBOSE)
                if verdict.reason:
                    self.say(f"      {_reason(verdict)}", VERBOSE)

    def stories(self, decision: Decision, heading: str, level: int = NORMAL) -> None:
        """The run's stories; `level=QUIET` prints them even under -q (what a dry run is for)."""
        if not decision.new_stories and not decision.grown_stories:
            self.say(f"{heading}: nothing new", level)
            return
        self.say(
            f"{heading}: {len(decision.new_stories)} new {'story' if len(decision.new_stories) == 1 else 'stories'}"
            + (f", {len(decision.grown_stories)} with a new source" if decision.grown_stories else ""),
            level,
        )
        for story in decision.new_stories:
            self._story(story, "new", level)
        for story in decision.grown_stories:
            self._story(story, "more sources", level)

    def _story(self, story: Story, label: str, level: int) -> None:
        self.say(f"  + [{label}] {story.show} / {story.section}: {story.headline}", level)
        for fact in story.facts:
            self.say(f"      {describe_fact(fact)}", level)
        for source in story.sources:
            self.say(f"      - {source.source}: {source.url}", VERBOSE)


def _reason(verdict: Verdict) -> str:
    if verdict.fate == Fate.IN_ARTICLE:
        return f"already in the article: {verdict.reason}"
    if verdict.fate in (Fate.NOT_ABOUT_SHOW, Fate.UNTRACKED):
        return f"not about a tracked show: {verdict.reason}"
    return verdict.reason


def _quote(text: str) -> str:
    return f'"{text}"' if " " in text else text
