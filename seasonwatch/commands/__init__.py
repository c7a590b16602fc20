"""The commands behind `seasonwatch` (and `python run.py`): one module a command, each returning
the exit status it ends with.

Imports of the stages happen inside the commands, so `--help` and `--version` start fast."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from seasonwatch.console import Console

if TYPE_CHECKING:
    from seasonwatch.config import Config

EXIT_OK = 0
EXIT_FAILED = 1  # the command could not do its job: unreadable state, unwritable output, a check failed
EXIT_USAGE = 2  # a bad command line or config
EXIT_ALL_SOURCES_FAILED = 69  # the run completed but no source could be read (sysexits' EX_UNAVAILABLE)
EXIT_LOCKED = 75  # another run holds the lock (sysexits' EX_TEMPFAIL)
EXIT_INTERRUPTED = 130


def load(config_path: Path) -> Config:
    """The config file, checked against the source types of the gather stage: the command line
    is where the stages are put together, so the spine's config loader is handed them."""
    from scrapers import SOURCE_TYPES
    from seasonwatch.config import load_config

    return load_config(config_path, SOURCE_TYPES)


def guarded(console: Console, work: Callable[[], int]) -> int:
    """`work()`'s exit status, or the documented one for what stopped it, said in one line."""
    from seasonwatch.errors import RunLocked, SeasonWatchError

    try:
        return work()
    except RunLocked as exc:
        console.log_path = None  # a run that finds the lock taken touches nothing, its log included
        console.error(str(exc))
        return exc.exit_status
    except SeasonWatchError as exc:  # a bad config (2), an unreadable state or output (1)
        console.error(str(exc))
        return exc.exit_status
    except KeyboardInterrupt:
        # true wherever it stopped: the run's news is committed in one transaction (all or
        # nothing), outputs are rewritten and pending digests sent by every run
        console.error("interrupted; the state file is consistent and the next run finishes what this one did not")
        return EXIT_INTERRUPTED
    finally:
        console.close()
