"""`seasonwatch check [--send-test]`: everything a real run depends on, checked before it runs.

The config (as a run reads it), every article, the environment variables the config names, every
source's host name and, with --send-test, a message through the configured SMTP server. Each check
is one line, ✓ or ✗; a ✗ says what failed and what to change.
"""

from __future__ import annotations

import asyncio
import socket
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from seasonwatch.commands import EXIT_FAILED, EXIT_OK, guarded, load
from seasonwatch.console import Console, counted

if TYPE_CHECKING:
    from seasonwatch.config import Config

RESOLVE_TIMEOUT = 10.0  # seconds for one host name


class Checks:
    """The lines of one check, counting the failures."""

    def __init__(self) -> None:
        self.failed = 0

    def ok(self, text: str) -> None:
        print(f"  ✓ {text}", flush=True)

    def bad(self, text: str) -> None:
        self.failed += 1
        print(f"  ✗ {text}", flush=True)

    def note(self, text: str) -> None:
        print(f"    {text}", flush=True)


def check_config(config_path: Path, send_test: bool) -> int:
    console = Console()
    return guarded(console, lambda: _check(config_path, send_test))


def _check(config_path: Path, send_test: bool) -> int:
    from seasonwatch.config import environment_problems

    config = load(config_path)  # a mistake here is a ConfigError: one line, exit 2
    checks = Checks()
    print(f"Checking {config_path}")
    mail = "email enabled" if config.email.enabled else "email disabled"
    checks.ok(f"config: {counted(len(config.shows), 'show')}, {counted(len(config.sources), 'source')}, {mail}")
    _articles(config, checks)
    mailing = config.email.enabled or send_test
    for problem in environment_problems(config, mailing=mailing):
        checks.bad(problem)
    if mailing and config.email.username_env and not environment_problems(config, mailing=True):
        checks.ok(f"environment: the login is in {config.email.username_env}")
    asyncio.run(_hosts(config, checks))
    if send_test:
        _send_test(config, checks)
    if checks.failed:
        print(f"{checks.failed} check{'' if checks.failed == 1 else 's'} failed.")
        return EXIT_FAILED
    print("Everything checked is right.")
    return EXIT_OK


def _articles(config: Config, checks: Checks) -> None:
    from newsdesk import read_article

    for show in config.shows:
        try:
            text = show.article.read_text(encoding="utf-8", errors="replace")
        except OSError as exc:
            checks.bad(f"article of {show.name}: cannot read {show.article}: {exc.strerror}")
            continue
        article = read_article(text, show.name)
        mapped = [s.title if str(s.topic) == s.title else f"{s.title} ({s.topic})" for s in article.sections if s.topic]
        unmapped = [s.title for s in article.sections if not s.topic]
        checks.ok(
            f"article of {show.name}: {show.article.name}, {len(article.sections)} sections: {', '.join(mapped) or 'none'}"
        )
        if unmapped:
            checks.note(
                f"filed under no topic (Renewal, Release Date, Cast, Story): {', '.join(unmapped)}; "
                "their text still counts as what the article says"
            )
        if not article.sections:
            checks.note("no ## section heading: stories are filed under the topic's own name")


async def _hosts(config: Config, checks: Checks) -> None:
    by_host: dict[str, list[str]] = {}
    for source in config.sources:
        host = urlsplit(source.url).hostname or ""
        by_host.setdefault(host, []).append(source.name)
    results = await asyncio.gather(*(_resolve(host) for host in by_host))
    for (host, names), (addresses, problem) in zip(by_host.items(), results, strict=True):
        who = ", ".join(names)
        if problem:
            checks.bad(f"host {host} ({who}): {problem}")
        else:
            checks.ok(f"host {host} ({who}): {', '.join(addresses[:3])}")


async def _resolve(host: str) -> tuple[list[str], str]:
    """The host's addresses, or why there are none."""
    loop = asyncio.get_running_loop()
    try:
        infos = await asyncio.wait_for(loop.getaddrinfo(host, None, type=socket.SOCK_STREAM), RESOLVE_TIMEOUT)
    except TimeoutError:
        return [], f"no answer from DNS within {RESOLVE_TIMEOUT:g} s"
    except socket.gaierror as exc:
        return [], f"cannot resolve the name: {exc.strerror or exc}"
    return list(dict.fromkeys(info[4][0] for info in infos)), ""


def _send_test(config: Config, checks: Checks) -> None:
    import feeds

    email = config.email
    server = f"{email.smtp_host}:{email.smtp_port} ({email.security})"
    if not email.recipients:
        checks.bad("test message: [email] recipients is empty: nobody to send it to")
        return
    message = feeds.compose_test(config.site, email, datetime.now(UTC).replace(microsecond=0))
    try:
        refused = feeds.deliver(message, email)
    except feeds.DeliveryError as exc:
        checks.bad(f"test message through {server}: {exc}")
        if exc.fix:
            checks.note(f"to fix: {exc.fix}")
        return
    accepted = [r for r in email.recipients if r not in refused]
    checks.ok(f"test message accepted by {server} for {', '.join(accepted)}")
    for address, reason in refused.items():
        checks.bad(f"test message: the server refused {address}: {reason}")
    if not email.enabled:
        checks.note("email is disabled in the config: set [email] enabled = true for runs to mail digests")
