#!/usr/bin/env python3
"""Season Watch from cron: `python run.py [--config PATH] [--demo] [--dry-run] [--no-email] [-v|-q]`;
`python run.py --help` lists the subcommands (init, check, status, resend, preview)."""

from pathlib import Path

from seasonwatch.cli import exit_process, main

if __name__ == "__main__":
    exit_process(main(default_config=Path(__file__).resolve().parent / "config.toml", prog_name="python run.py"))
