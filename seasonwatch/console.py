"""What a run tells its operator: progress on a terminal, quiet parseable lines under cron, and
a log file that keeps every run's lines whatever the verbosity."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

from seasonwatch.fact_kinds import describe_fact
from seasonwatch.models import Decision, Fate, SourceReport, SourceSpec, SourceStatus, Story, Verdict

QUIET, NORMAL, VERBOSE = -1, 0, 1
SHORT_REASON = 60  # characters of a failure's reason in a terminal row; the log keeps it whole
_CLEAR_LINE = "\r\x1b[K"


class Console:
    def __init__(
        self,
        verbosity: int = NORMAL,
        stream: TextIO | None = None,
        errors: TextIO | None = None,
        log_path: Path | None = None,
    ) -> None:
        self.verbosity = verbosity
        self.stream = stream or sys.stdout
        self.errors = errors or sys.stderr
        self.interactive = self.stream.isatty()
        # opened on the first line worth keeping, so a command that says nothing writes nothing
        self.log_path = log_path
        self._log: TextIO | None = None
        self._pending: dict[str, str] = {}  # sources still being fetched, shown on a terminal
        self._pending_shown = False  # the line listing them is on the screen, to be cleared first

    # ------------------------------------------------------------------ lines

    def say(self, text: str, level: int = NORMAL) -> None:
        if max(self.verbosity, NORMAL) >= level:
            self._to_log(text)
        if self.verbosity >= level:
            if not self.interactive and text.strip():
                text = f"{_now()} {text.strip(chr(10))}"
            elif not self.interactive:
                return
            self._print(text, self.stream)

    def warn(self, text: str) -> None:
        self._to_log(f"warning: {text}")
        prefix = "" if self.interactive else f"{_now()} "
        self._print(f"{prefix}warning: {text}", self.errors)

    def error(self, text: str) -> None:
        self._to_log(f"error: {text}")
        self._print(f"seasonwatch: error: {text}", self.errors)

    def close(self) -> None:
        self._clear_pending()
        if self._log is not None:
            self._log.close()
            self._log = None

    def _print(self, text: str, stream: TextIO) -> None:
        self._clear_pending()
        print(text, file=stream, flush=True)
        self._draw_pending()

    def _to_log(self, text: str) -> None:
        if not text.strip() or self.log_path is None:
            return
        if self._log is None:
            self._log = self._open_log()
            if self._log is None:
                return
        try:
            for line in text.strip("\n").splitlines():
                self._log.write(f"{_now()} {line}\n")
            self._log.flush()
        except OSError as exc:
            self._give_up_log(exc)

    def _open_log(self) -> TextIO | None:
        path = self.log_path
        assert path is not None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # owner only, like the outbox: the log names recipients; never through a planted symlink
            fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_NOFOLLOW, 0o600)
            return os.fdopen(fd, "a", encoding="utf-8")
        except OSError as exc:
            self._give_up_log(exc)
            return None

    def _give_up_log(self, exc: OSError) -> None:
        where, self.log_path = self.log_path, None
        self._log = None
        self.warn(f"cannot write the log file {where}: {exc.strerror or exc}; this run goes on without it")

    # ------------------------------------------------------------------ progress

    @property
    def _rows(self) -> bool:
        """A row per source, with the pending ones listed below them: on a terminal, not under -q."""
        return self.interactive and self.verbosity >= NORMAL

    def gathering(self, sources: Sequence[SourceSpec]) -> None:
        self.say(f"Gathering {len(sources)} sources…")
        if self._rows:
            self._pending = {source.name: source.url for source in sources}
            self._draw_pending()

    def source_done(self, report: SourceReport) -> None:
        self._pending.pop(report.source, None)
        status = str(report.status).replace(" ", "_")
        if report.status == SourceStatus.FAILED:
            line = f"source {report.source} failed: {report.detail} ({report.url})"
            if self._rows:
                self._to_log(f"warning: {line}")
                self._print(f"  ✗ {report.source:<28} {_short(report.detail)}  {report.url}", self.stream)
            else:
                self.warn(line)
            return
        self._to_log(
            f"source={_quote(report.source)} status={status} items={report.items} seconds={report.seconds:.2f}"
        )
        if report.detail:  # read, but with items skipped or cleaned: the outlet's data is off
            self.say(f"source {report.source}: {report.detail}")
        if self._rows:
            mark = "✓" if report.status == SourceStatus.OK else "="
            what = f"{report.items} items" if report.status == SourceStatus.OK else "not modified"
            self._print(f"  {mark} {report.source:<28} {what:<14} {report.seconds:5.2f} s", self.stream)
        elif not self.interactive and self.verbosity >= VERBOSE:
            print(
                f"{_now()} source={_quote(report.source)} status={status} items={report.items} seconds={report.seconds:.2f}",
                file=self.stream,
                flush=True,
            )

    def gathered(self) -> None:
        self._clear_pending()
        self._pending = {}

    def _draw_pending(self) -> None:
        if not self._pending:
            return
        names = ", ".join(self._pending)
        width = shutil.get_terminal_size((100, 20)).columns - 1
        line = f"  … {len(self._pending)} to go: {names}"
        if len(line) > width:
            line = line[: max(width - 1, 10)] + "…"
        self.stream.write(line)
        self.stream.flush()
        self._pending_shown = True

    def _clear_pending(self) -> None:
        if self._pending_shown:
            self.stream.write(_CLEAR_LINE)
            self.stream.flush()
            self._pending_shown = False

    # ------------------------------------------------------------------ the end of a run

    def summary(self, line: str) -> None:
        self.say(line)

    def verdicts(self, verdicts: list[Verdict]) -> None:
        """Every gathered update with its fate, grouped by source: what an editor reads to trust the tool."""
        if self.verbosity < VERBOSE:  # printed and logged only under -v: not worth composing (0.02 s)
            return
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
                    rule = f"  [{verdict.rule}]" if verdict.rule else ""
                    self.say(f"      {_reason(verdict)}{rule}", VERBOSE)

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


def counted(number: int, word: str, plural: str = "") -> str:
    """ "1 source", "3 sources"; `plural` where adding an s is wrong ("stories")."""
    return f"{number} {word if number == 1 else plural or word + 's'}"


def _short(reason: str) -> str:
    reason = " ".join(reason.split()) or "failed"
    return reason if len(reason) <= SHORT_REASON else reason[: SHORT_REASON - 1].rstrip() + "…"


def _now() -> str:
    return f"{datetime.now(UTC):%Y-%m-%dT%H:%M:%SZ}"


def summary_line(reports: Sequence[SourceReport], new: int, grown: int, digest: str, site: Path | None) -> str:
    """The one line that ends a run: what the sources did, what was found, where it went."""
    counts = {status: sum(1 for r in reports if r.status == status) for status in SourceStatus}
    sources = (
        f"{len(reports)} source{'' if len(reports) == 1 else 's'}: {counts[SourceStatus.OK]} ok, "
        f"{counts[SourceStatus.NOT_MODIFIED]} not modified, {counts[SourceStatus.FAILED]} failed"
    )
    stories = f"{new} new {'story' if new == 1 else 'stories'}"
    if grown:
        stories += f", {grown} earlier {'story' if grown == 1 else 'stories'} with new sources"
    parts = [sources, stories, digest]
    if site is not None:
        parts.append(f"site {site}")
    return "Summary: " + "; ".join(parts)
