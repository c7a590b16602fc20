"""The command line: `python run.py` (or the installed `seasonwatch`) with no subcommand is the
run cron starts; subcommands set a folder up, check a config, show the state, send a digest
again and preview the next one.

click gives the subcommands their help, shell completion and one way of reading options. Only
click and this package's small modules are imported here: every command imports what it needs
when it runs, so `--help` and `--version` answer at once.
"""

from __future__ import annotations

import gc
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

import click

from seasonwatch import __version__
from seasonwatch.commands import EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE
from seasonwatch.console import NORMAL, QUIET, VERBOSE

INSTALLED_DEFAULT = Path("config.toml")  # the installed command reads the one in the current folder

EXIT_CODES = """\b
Exit status:
  0   the run completed (failed sources are reported, not fatal)
  1   the run could not proceed (unreadable state, unwritable output)
  2   a bad command line or config (one line names the file, table and key)
  69  every source failed: nothing could be gathered
  75  another run holds the lock (nothing was touched)"""

RUN_EPILOG = f"""\b
Examples:
  python run.py                 the daily run (what cron starts)
  python run.py --dry-run -v    what would be sent, and why each item was kept or dropped
  python run.py --demo          two mornings of news from bundled sample sources, offline
  seasonwatch init ~/tv         a first config.toml and article in ~/tv
  seasonwatch check --send-test is the config right, and does the mail go?

{EXIT_CODES}

\b
Shell completion (bash; zsh and fish alike):
  eval "$(_SEASONWATCH_COMPLETE=bash_source seasonwatch)"
"""


@dataclass
class Shared:
    """What the group's options leave for a subcommand."""

    config: Path


def _config_option(default_help: str) -> click.Option:
    return click.option(
        "--config",
        "config_path",
        type=click.Path(path_type=Path, dir_okay=False),
        default=None,
        help=f"config file (default: {default_help})",
    )


def _config(ctx: click.Context, given: Path | None) -> Path:
    return given or ctx.find_object(Shared).config


def build(default_config: Path | None = None) -> click.Group:
    """The command tree; `default_config` is the config a bare `--config` stands for (run.py's
    own folder for `python run.py`, the current folder for the installed command)."""
    default = default_config or INSTALLED_DEFAULT
    default_help = str(default) if default_config else "./config.toml"
    config_option = _config_option(default_help)
    help_option = click.help_option("-h", "--help", help="show this message and exit")
    version_option = click.version_option(
        __version__,
        "--version",
        prog_name="seasonwatch",
        message="%(prog)s %(version)s",
        help="show the version and exit",
    )

    @click.group(
        invoke_without_command=True,
        epilog=RUN_EPILOG,
    )
    @config_option
    @click.option("--demo", is_flag=True, help="run offline against the bundled sample sources")
    @click.option("--dry-run", is_flag=True, help="fetch and decide, but write and send nothing")
    @click.option("--no-email", is_flag=True, help="write the digest files but do not mail them")
    @click.option("-v", "--verbose", is_flag=True, help="show every update and what was decided about it")
    @click.option("-q", "--quiet", is_flag=True, help="only warnings and errors")
    @version_option
    @help_option
    @click.pass_context
    def seasonwatch(
        ctx: click.Context,
        config_path: Path | None,
        demo: bool,
        dry_run: bool,
        no_email: bool,
        verbose: bool,
        quiet: bool,
    ) -> int:
        """Follow TV seasons: the news your article does not say yet, as feeds and an e-mail digest.

        With no command, runs once: gathers every source, decides what is new, writes the feeds
        and the page, and mails the digest.
        """
        ctx.obj = Shared(config=config_path or default)
        if ctx.invoked_subcommand is not None:
            given = [
                name
                for name, on in (
                    ("--demo", demo),
                    ("--dry-run", dry_run),
                    ("--no-email", no_email),
                    ("-v", verbose),
                    ("-q", quiet),
                )
                if on
            ]
            if given:
                raise click.UsageError(f"{given[0]} is an option of the run, not of '{ctx.invoked_subcommand}'")
            return EXIT_OK
        if verbose and quiet:
            raise click.UsageError("-v and -q cannot go together")
        if demo and config_path is not None:
            raise click.UsageError("--demo runs on its own sample config; leave out --config, or leave out --demo")
        from seasonwatch.commands.run import run_command

        verbosity = VERBOSE if verbose else QUIET if quiet else NORMAL
        return run_command(config_path or default, demo=demo, dry_run=dry_run, no_email=no_email, verbosity=verbosity)

    @seasonwatch.command(
        short_help="set up a folder: config.toml, an article, the folders",
        epilog="""\b
Examples:
  seasonwatch init              set up the current folder
  seasonwatch init ~/tv         set up ~/tv (created if needed)

Exit status: 0 done; 2 a config.toml is already there (nothing is overwritten).""",
    )
    @click.argument("folder", type=click.Path(path_type=Path, file_okay=False), default=Path("."), required=False)
    @version_option
    @help_option
    def init(folder: Path) -> int:
        """Write a commented config.toml, an example article and the folders a run needs."""
        from seasonwatch.commands.init import init_folder

        return init_folder(folder)

    @seasonwatch.command(
        short_help="check the config, articles, hosts and (--send-test) mail",
        epilog="""\b
Examples:
  seasonwatch check
  SMTP_USERNAME=bot SMTP_PASSWORD=... seasonwatch check --send-test

Exit status: 0 everything checked is right; 1 a check failed (each says
what and how to fix it); 2 the config itself is wrong.""",
    )
    @config_option
    @click.option("--send-test", is_flag=True, help="send a test message through the configured SMTP server")
    @version_option
    @help_option
    @click.pass_context
    def check(ctx: click.Context, config_path: Path | None, send_test: bool) -> int:
        """Check the config, every article and every source's host name, before a real run."""
        from seasonwatch.commands.check import check_config

        return check_config(_config(ctx, config_path), send_test=send_test)

    @seasonwatch.command(
        short_help="shows, sources, recent stories and digests",
        epilog="""\b
Examples:
  seasonwatch status
  seasonwatch status --json | jq '.digests[] | select(.status == "failed")'

Exit status: 0 shown; 1 the state file cannot be read; 2 a bad config.""",
    )
    @config_option
    @click.option("--json", "as_json", is_flag=True, help="the same as one JSON document")
    @click.option(
        "--limit",
        type=click.IntRange(min=1),
        default=10,
        show_default=True,
        help="how many recent stories and digests to list",
    )
    @version_option
    @help_option
    @click.pass_context
    def status(ctx: click.Context, config_path: Path | None, as_json: bool, limit: int) -> int:
        """Shows, sources with their last outcome, recent stories and digests with their delivery."""
        from seasonwatch.commands.status import show_status

        return show_status(_config(ctx, config_path), as_json=as_json, limit=limit)

    @seasonwatch.command(
        short_help="send a failed or not-mailed digest once",
        epilog="""\b
Examples:
  seasonwatch status            lists the digests and their ids
  seasonwatch resend 20260301T061500Z

Exit status: 0 sent; 1 the server did not take it (the reason is shown);
2 no such digest, or it was already sent; 75 a run holds the lock.""",
    )
    @click.argument("digest_id")
    @config_option
    @version_option
    @help_option
    @click.pass_context
    def resend(ctx: click.Context, digest_id: str, config_path: Path | None) -> int:
        """Send a digest that failed or was not mailed, once, and record it like any delivery."""
        from seasonwatch.commands.resend import resend_digest

        return resend_digest(_config(ctx, config_path), digest_id)

    @seasonwatch.command(
        short_help="the next run's digest as files, nothing used up",
        epilog="""\b
Examples:
  seasonwatch preview                      writes preview/<id>.html and preview/<id>.eml
  seasonwatch preview --out /tmp/digest

Exit status: 0 written (or nothing new to preview); 1 the files cannot be
written; 2 a bad config; 69 every source failed.""",
    )
    @config_option
    @click.option(
        "--out",
        type=click.Path(path_type=Path, file_okay=False),
        default=Path("preview"),
        show_default=True,
        help="folder for the preview files",
    )
    @version_option
    @help_option
    @click.pass_context
    def preview(ctx: click.Context, config_path: Path | None, out: Path) -> int:
        """Write the digest the next run would send, as HTML and .eml, without using its news up."""
        from seasonwatch.commands.preview import preview_digest

        return preview_digest(_config(ctx, config_path), out)

    return seasonwatch


def main(argv: list[str] | None = None, default_config: Path | None = None, prog_name: str | None = None) -> int:
    """The exit status of one command line; usage mistakes are one line on stderr, like every error."""
    command = build(default_config)
    try:
        status = command.main(args=argv, prog_name=prog_name or "seasonwatch", standalone_mode=False)
    except click.UsageError as exc:
        hint = f" (see {exc.ctx.command_path} --help)" if exc.ctx else ""
        click.echo(f"seasonwatch: error: {exc.format_message()}{hint}", err=True)
        return EXIT_USAGE
    except click.ClickException as exc:
        click.echo(f"seasonwatch: error: {exc.format_message()}", err=True)
        return exc.exit_code
    except click.Abort:
        return EXIT_INTERRUPTED
    return status if isinstance(status, int) else EXIT_OK


def exit_process(status: int) -> NoReturn:
    """End the program with `status`. Everything the command wrote is closed and committed by
    now, so the interpreter's last garbage collections over every object the run made would
    only free memory the system takes back at once: frozen, those objects are skipped (about
    40 ms of each cron run). Only for a process that ends here: `main` alone, as the tests call
    it, leaves the collector as it was."""
    gc.freeze()
    sys.exit(status)


def console_main() -> NoReturn:
    """The installed `seasonwatch` command."""
    exit_process(main())


if __name__ == "__main__":
    console_main()
