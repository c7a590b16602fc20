"""Real parts for tests: a loopback HTTP server with our sample sources, an SMTP server
(aiosmtpd) on loopback, and config files written the way a user writes them."""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from smtp_servers import Inbox, mail_server  # noqa: E402

from seasonwatch.sample_server import SampleServer  # noqa: E402

DEMO_DATA = ROOT / "seasonwatch" / "demo_data"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CORPUS = ROOT.parent / "shared" / "corpus"


class Mailbox(Inbox):
    """The mail server's inbox as the end-to-end tests read it."""

    @property
    def messages(self) -> list[tuple[str, list[str], EmailMessage]]:
        """(sender, recipients, message) of each message accepted."""
        return [(mail.mail_from, mail.rcpt_tos, mail.message) for mail in self.received]


@dataclass
class SmtpServer:
    host: str
    port: int
    mailbox: Mailbox


@pytest.fixture
def smtp_server() -> Iterator[SmtpServer]:
    mailbox = Mailbox()
    with mail_server(inbox=mailbox) as server:
        yield SmtpServer(server.host, server.port, mailbox)


@pytest.fixture
def sample_server() -> Iterator[SampleServer]:
    with SampleServer(DEMO_DATA / "day1") as server:
        yield server


def design_config(server_url: str, smtp: SmtpServer | None = None, output_dir: str = "public") -> str:
    """A config in exactly the shape DESIGN.md documents, pointed at loopback sources."""
    email = textwrap.dedent(
        f"""
        [email]
        enabled = {"true" if smtp else "false"}
        smtp_host = "127.0.0.1"
        smtp_port = {smtp.port if smtp else 587}
        security = "none"
        username_env = ""
        password_env = ""
        sender = "Season Watch <digest@example.org>"
        recipients = ["fan@example.org"]
        outbox_dir = "outbox"
        """
    )
    return (
        textwrap.dedent(
            f"""
        [site]
        title = "Season Watch"
        base_url = "https://example.org/seasonwatch/"
        output_dir = "{output_dir}"

        [state]
        path = "state/seasonwatch.sqlite3"

        [fetch]
        concurrency = 16
        per_host = 4
        timeout = 5.0
        retries = 1
        max_bytes = 5000000
        user_agent = "SeasonWatch/1.0 (+https://example.org/seasonwatch/)"
        respect_robots = true
        """
        )
        + email
        + textwrap.dedent(
            f"""
        [[shows]]
        name = "Jessica Jones"
        season = 2
        aliases = ["Marvel's Jessica Jones"]
        article = "articles/jessica-jones-season-2.md"

        [[shows]]
        name = "The Expanse"
        season = 3
        article = "articles/the-expanse-season-3.txt"

        [[sources]]
        name = "Screen Ledger"
        type = "feed"
        url = "{server_url}screen-ledger.rss"

        [[sources]]
        name = "Couch Report"
        type = "feed"
        url = "{server_url}couch-report.atom"

        [[sources]]
        name = "StreamWire"
        type = "feed"
        url = "{server_url}streamwire.json"

        [[sources]]
        name = "Telly Times"
        type = "html"
        url = "{server_url}telly-times/news.html"
        item = "article.teaser"
        title = "h2 a"
        link = "h2 a@href"
        summary = "p.dek"
        date = "time@datetime"

        [[sources]]
        name = "TVmaze"
        type = "tvmaze"
        show = "Jessica Jones"
        url = "{server_url}shows/1370"

        [[sources]]
        name = "Wikipedia"
        type = "wikipedia"
        show = "The Expanse"
        page = "The Expanse (TV series)"
        api = "{server_url}w/api.php"
        """
        )
    )


@pytest.fixture
def project_dir(tmp_path: Path) -> Path:
    """A user's folder: articles beside the config."""
    articles = tmp_path / "articles"
    articles.mkdir()
    for article in (DEMO_DATA / "articles").iterdir():
        (articles / article.name).write_text(article.read_text(encoding="utf-8"), encoding="utf-8")
    return tmp_path
