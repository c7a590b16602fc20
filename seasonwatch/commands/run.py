"""The run itself (`python run.py` with no subcommand): gather, decide, publish, mail."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from seasonwatch.commands import EXIT_ALL_SOURCES_FAILED, EXIT_OK, guarded, load
from seasonwatch.console import Console
from seasonwatch.models import SourceReport, SourceStatus


def run_command(config_path: Path, *, demo: bool, dry_run: bool, no_email: bool, verbosity: int) -> int:
    console = Console(verbosity)
    return guarded(console, lambda: _run(console, config_path, demo=demo, dry_run=dry_run, no_email=no_email))


def _run(console: Console, config_path: Path, *, demo: bool, dry_run: bool, no_email: bool) -> int:
    from seasonwatch.config import ConfigError, environment_problems
    from seasonwatch.pipeline import RunOptions, run

    options = RunOptions(dry_run=dry_run, send_email=not no_email)
    if demo:
        from seasonwatch.demo import run_demo

        return run_demo(console, options)
    config = load(config_path)
    if not dry_run:
        console.log_path = config.log_path
    problems = environment_problems(config, mailing=config.email.enabled and not no_email and not dry_run)
    if problems:
        raise ConfigError(problems[0])
    result = run(config, options, console)
    return every_source_failed(result.gathered.reports, console) or EXIT_OK


def every_source_failed(reports: Sequence[SourceReport], console: Console) -> int:
    """EXIT_ALL_SOURCES_FAILED, said as an error, when there were sources and none could be
    read: an outage cron monitoring must see, not "nothing new"; else 0."""
    if not reports or any(report.status != SourceStatus.FAILED for report in reports):
        return 0
    console.error(
        f"every source failed ({len(reports)} of {len(reports)}): nothing was gathered this run "
        f"(exit status {EXIT_ALL_SOURCES_FAILED})"
    )
    return EXIT_ALL_SOURCES_FAILED
