"""python run.py [--config PATH] [--demo] [--dry-run] [--no-email] [-v|-q]

Exit status: 0 when the run completed (failed sources are reported, not fatal); 2 for a bad
command line or config; 1 when the run could not proceed; 75 when another run holds the lock.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from seasonwatch.config import ConfigError, load_config
from seasonwatch.console import NORMAL, QUIET, VERBOSE, Console
from seasonwatch.lock import LockFailed, RunLocked
from seasonwatch.pipeline import RunFailed, RunOptions, run
from seasonwatch.store import StoreError

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_LOCKED = 0, 1, 2, 75
DEFAULT_CONFIG = Path("config.toml")  # the installed command reads the one in the current folder


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="seasonwatch",
        description="Follow TV seasons: news your article does not say yet, as feeds and an e-mail digest.",
    )
    p.add_argument("--config", type=Path, default=None, help="config file (default: config.toml beside run.py)")
    p.add_argument("--demo", action="store_true", help="run offline against the bundled sample sources")
    p.add_argument("--dry-run", action="store_true", help="fetch and decide, but write and send nothing")
    p.add_argument("--no-email", action="store_true", help="write the digest files but do not mail them")
    loud = p.add_mutually_exclusive_group()
    loud.add_argument("-v", "--verbose", action="store_true", help="show every update and what was decided about it")
    loud.add_argument("-q", "--quiet", action="store_true", help="only warnings and errors")
    return p


def main(argv: list[str] | None = None, default_config: Path | None = None) -> int:
    args = parser().parse_args(argv)
    verbosity = VERBOSE if args.verbose else QUIET if args.quiet else NORMAL
    console = Console(verbosity)
    options = RunOptions(dry_run=args.dry_run, send_email=not args.no_email)
    if args.demo and args.config is not None:
        console.error("--demo runs on its own sample config; leave out --config, or leave out --demo")
        return EXIT_USAGE
    try:
        if args.demo:
            from seasonwatch.demo import run_demo

            return run_demo(console, options)
        config = load_config(args.config or default_config or DEFAULT_CONFIG)
        run(config, options, console)
    except ConfigError as exc:
        console.error(str(exc))
        return EXIT_USAGE
    except RunLocked as exc:
        console.error(str(exc))
        return EXIT_LOCKED
    except (RunFailed, StoreError, LockFailed) as exc:
        console.error(str(exc))
        return EXIT_FAILED
    except KeyboardInterrupt:
        # true wherever it stopped: the run's news is committed in one transaction (all or
        # nothing), outputs are rewritten and pending digests sent by every run
        console.error("interrupted; the state file is consistent and the next run finishes what this one did not")
        return 130
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
