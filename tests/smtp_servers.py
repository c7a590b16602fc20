"""Real SMTP servers on loopback (aiosmtpd) in the three shapes a mail relay comes in: plain,
STARTTLS and implicit TLS, with a login when asked, and a test CA (trustme) whose certificate
no client trusts unless a test says so."""

from __future__ import annotations

import ssl
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

import trustme
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from loopback import free_port

USERNAME, PASSWORD = "digest-bot", "correct horse battery staple"


@dataclass
class Received:
    mail_from: str
    rcpt_tos: list[str]
    message: EmailMessage
    raw: bytes
    over_tls: bool
    login: str | None


@dataclass
class Inbox:
    """The handler: keeps what the server accepted, and refuses when a test tells it to."""

    received: list[Received] = field(default_factory=list)
    refuse_data: str = ""  # e.g. "451 4.3.0 try again later"
    refuse_recipients: set[str] = field(default_factory=set)
    recipient_refusal: str = "550 5.1.1 no such mailbox"  # or "450 4.2.0 greylisted, try later"
    data_attempts: int = 0  # messages offered, accepted or not

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # type: ignore[no-untyped-def]
        if address in self.refuse_recipients:
            return self.recipient_refusal
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # type: ignore[no-untyped-def]
        self.data_attempts += 1
        if self.refuse_data:
            return self.refuse_data
        raw = bytes(envelope.original_content or envelope.content)
        login = session.auth_data.login.decode() if isinstance(session.auth_data, LoginPassword) else None
        self.received.append(
            Received(
                mail_from=envelope.mail_from,
                rcpt_tos=list(envelope.rcpt_tos),
                message=message_from_bytes(raw, policy=policy.default),  # type: ignore[arg-type]
                raw=raw,
                over_tls=server.transport.get_extra_info("ssl_object") is not None,
                login=login,
            )
        )
        return "250 OK"


def check_login(server, session, envelope, mechanism, auth_data):  # type: ignore[no-untyped-def]
    good = isinstance(auth_data, LoginPassword) and (auth_data.login, auth_data.password) == (
        USERNAME.encode(),
        PASSWORD.encode(),
    )
    # handled=False: the server answers 535 itself; auth_data: kept on the session as who logged in
    return AuthResult(success=good, handled=False, auth_data=auth_data if good else None)


@dataclass
class LoopbackCA:
    ca: trustme.CA
    server_context: ssl.SSLContext
    pem: Path  # the CA certificate, for SSL_CERT_FILE

    def client_context(self) -> ssl.SSLContext:
        """A context that verifies like production's, and trusts this CA."""
        context = ssl.create_default_context()
        self.ca.configure_trust(context)
        return context


def make_test_ca(folder: Path, names: tuple[str, ...] = ("127.0.0.1", "localhost")) -> LoopbackCA:
    """A new CA, and a server certificate it signed for `names`."""
    ca = trustme.CA()
    server_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert(*names).configure_cert(server_context)
    pem = folder / "test-ca.pem"
    ca.cert_pem.write_to_path(str(pem))
    return LoopbackCA(ca, server_context, pem)


@dataclass
class MailServer:
    host: str
    port: int
    inbox: Inbox


@contextmanager
def mail_server(
    security: str = "none",
    tls: LoopbackCA | None = None,
    login: bool = False,
    port: int | None = None,
    inbox: Inbox | None = None,
) -> Iterator[MailServer]:
    """A running server: security "none", "starttls" (required) or "ssl" (implicit TLS)."""
    inbox = inbox or Inbox()
    port = port or free_port()
    options: dict[str, object] = {}
    if security == "starttls":
        assert tls is not None
        options.update(tls_context=tls.server_context, require_starttls=True)
    elif security == "ssl":
        assert tls is not None
        options.update(ssl_context=tls.server_context)
    if login:
        # AUTH only after STARTTLS, as a real relay does. (aiosmtpd does not count implicit TLS as
        # TLS for this check, though the whole connection is encrypted: it is not asked to there.)
        options.update(authenticator=check_login, auth_required=True, auth_require_tls=security == "starttls")
    controller = Controller(inbox, hostname="127.0.0.1", port=port, **options)
    controller.start()
    try:
        yield MailServer("127.0.0.1", port, inbox)
    finally:
        controller.stop()
