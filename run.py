#!/usr/bin/env python3
"""Season Watch from cron: `python run.py [--config PATH] [--demo] [--dry-run] [--no-email] [-v|-q]`;
`python run.py --help` lists the subcommands (init, check, status, resend, preview)."""

import sys
from pathlib import Path

from seasonwatch.cli import main

if __name__ == "__main__":
    sys.exit(main(default_config=Path(__file__).resolve().parent / "config.toml", prog_name="python run.py"))
