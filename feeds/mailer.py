"""Delivering a composed digest over SMTP: none, STARTTLS or SSL, login from the environment."""

from __future__ import annotations

import contextlib
import os
import re
import smtplib
import socket
import ssl
import threading
from email.policy import Policy
from email.utils import parseaddr

from seasonwatch.models import EmailSettings

# Bounds on what one SMTP reply may hold. RFC 5321 caps a reply line at 512 octets; a server
# that answers EHLO with endless "250-" lines (anyone on the path before STARTTLS can) would
# otherwise grow the run without limit.
LONGEST_REPLY_LINE = 8_192  # bytes, as smtplib reads them
MOST_REPLY_LINES = 100
LONGEST_REPLY = 64_000  # bytes, all lines together


class Subject:
    """A Subject header folded where the words allow.

    The standard folder moves a whole value that fits a continuation line (70 to 77 characters)
    there, leaving "Subject:" alone on the first line, which some clients show as an empty or
    cut subject. An ASCII subject is then folded at its spaces instead; anything else (encoded
    words) is folded as the standard does, which splits it well."""

    name = "Subject"

    def __init__(self, text: str) -> None:
        self.text = text

    def __str__(self) -> str:
        return self.text

    def fold(self, *, policy: Policy) -> str:
        folded = policy.header_factory(self.name, self.text).fold(policy=policy)  # type: ignore[attr-defined]
        if not self.text.isascii() or not folded.startswith(f"{self.name}:{policy.linesep}"):
            return folded
        return _fold_at_spaces(f"{self.name}: {self.text}", policy.max_line_length or 78, policy.linesep)


def _fold_at_spaces(line: str, width: int, linesep: str) -> str:
    lines: list[str] = []
    current = ""
    for word in line.split(" "):
        if current.strip() and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = " " + word  # a continuation line starts with the space it was folded at
        else:
            current = f"{current} {word}" if current else word
    lines.append(current)
    return linesep.join(lines) + linesep


class DeliveryError(Exception):
    """The digest was not accepted; str() is the one-line reason.

    `permanent`: sending the same message again cannot succeed until someone changes the config,
    the environment or the server (a 5xx answer, every recipient refused for good, a TLS or login
    setup that cannot work, a missing credential); `fix` then says what to change. Otherwise the
    failure may pass by itself (a 4xx answer, a network error, a timeout) and a later run may
    try again.

    `unconfirmed`: the whole message went to the server, but its answer never came (the
    connection broke, or the answer took longer than `final_reply_timeout`): the server may
    have accepted it, so sending it again could make a second copy."""

    def __init__(self, reason: str, permanent: bool = False, fix: str = "", unconfirmed: bool = False) -> None:
        super().__init__(reason)
        self.permanent = permanent
        self.fix = fix
        self.unconfirmed = unconfirmed


class ReplyTooLong(smtplib.SMTPException):
    """A reply beyond the bounds above: not a mail server we can talk to."""


class _BoundedReplies:
    """smtplib's SMTP, reading every reply within LONGEST_REPLY_LINE, MOST_REPLY_LINES and
    LONGEST_REPLY, and remembering whether the whole message has gone out."""

    message_sent = False  # the final "." was written: from here on, an error is an unknown outcome

    def getreply(self) -> tuple[int, bytes]:
        if self.file is None:
            self.file = self.sock.makefile("rb")
        lines: list[bytes] = []
        size = 0
        while True:
            try:
                line = self.file.readline(LONGEST_REPLY_LINE + 1)
            except OSError as exc:
                self.close()
                raise smtplib.SMTPServerDisconnected(f"Connection unexpectedly closed: {exc}") from exc
            if not line:
                self.close()
                raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
            size += len(line)
            if len(line) > LONGEST_REPLY_LINE or size > LONGEST_REPLY or len(lines) >= MOST_REPLY_LINES:
                self.close()
                raise ReplyTooLong(
                    f"a reply longer than {MOST_REPLY_LINES} lines or {LONGEST_REPLY:,} bytes, or a line over "
                    f"{LONGEST_REPLY_LINE:,} bytes"
                )
            code, more, text = line[:3], line[3:4], line[4:].strip(b" \t\r\n")
            lines.append(text)
            if not code.isdigit():
                return -1, b"\n".join(lines)
            if more != b"-":
                return int(code), b"\n".join(lines)


class _Client(_BoundedReplies, smtplib.SMTP):
    pass


class _TlsClient(_BoundedReplies, smtplib.SMTP_SSL):
    pass


class _Deadline:
    """Ends the conversation when its time is up, wherever it is: a server that answers one byte
    at a time never times out a single read, so only a clock for the whole can stop it."""

    def __init__(self, client: smtplib.SMTP) -> None:
        self.client = client
        self.expired = False
        self.seconds = 0.0
        self._timer: threading.Timer | None = None

    def arm(self, seconds: float) -> None:
        self.cancel()
        self.seconds = seconds
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True
        self._timer.start()

    def cancel(self) -> None:
        if self._timer is not None:
            self._timer.cancel()

    def _expire(self) -> None:
        self.expired = True
        sock = self.client.sock
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)  # the blocked read or write returns at once


def _for_good(code: int) -> bool:
    """An SMTP reply that says "do not send this again as it is" (RFC 5321 4.2.1); 4xx says
    "try later", and a code of -1 (no reply at all) is a connection that broke."""
    return 500 <= code <= 599


def credentials(email: EmailSettings) -> tuple[str, str] | None:
    """(username, password) from the environment variables the config names, or None."""
    if not email.username_env:
        return None
    username = os.environ.get(email.username_env)
    if not username:
        raise _unset(
            email.username_env, "email.username_env", ', or set email.username_env = "" if the server needs no login'
        )
    password = os.environ.get(email.password_env, "") if email.password_env else ""
    if email.password_env and not password:
        raise _unset(email.password_env, "email.password_env")
    return username, password


def _unset(variable: str, key: str, alternative: str = "") -> DeliveryError:
    return DeliveryError(
        f"environment variable {variable} ({key}) is not set",
        permanent=True,
        fix=f"set {variable} in the environment the run starts in (the cron job's){alternative}",
    )


def deliver(message: bytes, email: EmailSettings, tls: ssl.SSLContext | None = None) -> dict[str, str]:
    """Hand the message to the SMTP server; returns only once the server accepted it, with the
    recipients it refused while accepting others ({address: reason}, usually empty).

    Each answer is waited for up to `email.timeout`, the whole conversation up to `email.deadline`,
    and the answer to the message itself up to `email.final_reply_timeout` (RFC 5321 4.5.3.2.6
    asks for 10 minutes: a server may scan the message before it answers).

    TLS verifies the server's certificate and host name against the system's trusted CAs (or
    the file named by SSL_CERT_FILE). `tls` replaces that context; tests pass one that trusts
    their own test CA, and nothing in the product does."""
    login = credentials(email)
    sender = parseaddr(email.sender)[1]
    recipients = list(email.recipients)
    if not recipients:
        raise DeliveryError("no recipients configured", permanent=True, fix="list addresses in email.recipients")
    context = tls or ssl.create_default_context()
    client: smtplib.SMTP = (
        _TlsClient(timeout=email.timeout, context=context)
        if email.security == "ssl"
        else _Client(timeout=email.timeout)
    )
    deadline = _Deadline(client)
    deadline.arm(email.deadline)
    try:
        try:
            _open(client, email, context, login)
            return _refusals(_send(client, deadline, email, sender, recipients, message))
        except Exception as exc:
            raise _delivery_error(exc, client, deadline, email) from None
    finally:
        deadline.cancel()
        _hang_up(client)


def _open(client: smtplib.SMTP, email: EmailSettings, context: ssl.SSLContext, login: tuple[str, str] | None) -> None:
    """Connected, greeted, encrypted as the config asks and logged in."""
    server = f"{email.smtp_host}:{email.smtp_port}"
    settings = "check smtp_host, smtp_port and security in [email]"
    client._host = email.smtp_host  # what smtplib checks the certificate against (its constructor sets it)
    code, greeting = client.connect(email.smtp_host, email.smtp_port)
    if code != 220:
        raise smtplib.SMTPConnectError(code, greeting)
    client.ehlo_or_helo_if_needed()
    if email.security == "starttls":
        if not client.has_extn("starttls"):
            # never fall back to plain text
            raise DeliveryError(
                f"SMTP server {server} does not offer STARTTLS",
                permanent=True,
                fix=f'{settings} (security = "ssl" for a server on port 465)',
            )
        client.starttls(context=context)
        client.ehlo()
    if login:
        if not client.has_extn("auth"):
            raise DeliveryError(
                f"SMTP server {server} offers no login (AUTH)",
                permanent=True,
                fix=f'{settings}, or set email.username_env = "" if the server needs no login',
            )
        client.login(*login)


def _send(
    client: smtplib.SMTP, deadline: _Deadline, email: EmailSettings, sender: str, recipients: list[str], message: bytes
) -> dict[str, tuple[int, bytes]]:
    """MAIL, RCPT, DATA and the message; the recipients refused while others were accepted.

    Written out rather than through sendmail(), because the moment the final "." has gone out
    matters: before it, a failure means the message was not delivered; after it, that the
    outcome is unknown."""
    options = [f"SIZE={len(message)}"] if client.has_extn("size") else []
    code, answer = client.mail(sender, options)
    if code != 250:
        client.rset()
        raise smtplib.SMTPSenderRefused(code, answer, sender)
    refused: dict[str, tuple[int, bytes]] = {}
    for recipient in recipients:
        code, answer = client.rcpt(recipient)
        if code not in (250, 251):
            refused[recipient] = (code, answer)
    if len(refused) == len(recipients):
        client.rset()
        raise smtplib.SMTPRecipientsRefused(refused)
    code, answer = client.docmd("DATA")
    if code != 354:
        raise smtplib.SMTPDataError(code, answer)
    client.send(_dot_stuffed(message))
    client.message_sent = True
    # the server may scan the message before it answers: a clock of its own for that answer
    deadline.arm(email.final_reply_timeout)
    client.sock.settimeout(email.final_reply_timeout)
    code, answer = client.getreply()
    if code != 250:
        raise smtplib.SMTPDataError(code, answer)
    return refused


def _dot_stuffed(message: bytes) -> bytes:
    """The message as DATA carries it (RFC 5321 4.5.2): CRLF line ends, a "." that starts a line
    doubled, and the lone "." that ends it."""
    lines = re.sub(rb"\r\n|\r|\n", b"\r\n", message)
    stuffed = re.sub(rb"(?m)^\.", b"..", lines)
    return stuffed + (b"" if stuffed.endswith(b"\r\n") else b"\r\n") + b".\r\n"


def _delivery_error(exc: Exception, client: smtplib.SMTP, deadline: _Deadline, email: EmailSettings) -> DeliveryError:
    """What went wrong, as the run reports it and decides on: try again, give up, or do not
    know (the message went out and no answer came)."""
    server = f"{email.smtp_host}:{email.smtp_port}"
    settings = "check smtp_host, smtp_port and security in [email]"
    if isinstance(exc, DeliveryError):
        return exc
    answered = isinstance(exc, smtplib.SMTPResponseException) and exc.smtp_code > 0
    if client.message_sent and not answered:
        waited = (
            "the answer took longer than"
            if deadline.expired or isinstance(exc, TimeoutError)
            else "no answer came within"
        )
        why = (
            exc if isinstance(exc, ReplyTooLong) else f"{waited} final_reply_timeout ({email.final_reply_timeout:g} s)"
        )
        return DeliveryError(
            f"SMTP server {server} took the whole message but did not confirm it: {why}", unconfirmed=True
        )
    if deadline.expired:
        return DeliveryError(
            f"the SMTP conversation with {server} took longer than email.deadline ({email.deadline:g} s)"
        )
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        # for good only if every refusal is: "450 greylisted, try later" is an everyday answer
        return DeliveryError(
            f"the SMTP server refused every recipient: {_first(exc.recipients)}",
            permanent=all(_for_good(code) for code, _ in exc.recipients.values()),
            fix="check the addresses in email.recipients",
        )
    if isinstance(exc, smtplib.SMTPResponseException):
        what, fix = _refused(exc, email)
        return DeliveryError(
            f"{what} {exc.smtp_code} {_text(exc.smtp_error)}", permanent=_for_good(exc.smtp_code), fix=fix
        )
    if isinstance(exc, ReplyTooLong):
        return DeliveryError(f"SMTP server {server} sent {exc}")
    if isinstance(exc, smtplib.SMTPServerDisconnected):
        if isinstance(exc.__context__, TimeoutError):  # smtplib reports a silent server this way
            return DeliveryError(f"SMTP server {server} did not answer within {email.timeout:g} s")
        return DeliveryError(f"SMTP server {server} closed the connection: {exc}")
    if isinstance(exc, smtplib.SMTPException):
        # what is left: a feature the server lacks (SMTPUTF8, a login method we can use)
        return DeliveryError(f"SMTP error with {server}: {exc}", permanent=True, fix=settings)
    if isinstance(exc, UnicodeEncodeError):
        # smtplib sends addresses as ASCII unless the server offers SMTPUTF8
        return DeliveryError(
            "an address in email.sender or email.recipients is not ASCII",
            permanent=True,
            fix="write the domain in its ASCII (xn--) form",
        )
    if isinstance(exc, TimeoutError):
        return DeliveryError(f"SMTP server {server} did not answer within {email.timeout:g} s")
    if isinstance(exc, ssl.SSLCertVerificationError):
        return DeliveryError(
            f"TLS with {server}: the server's certificate is not trusted ({exc.verify_message or exc.reason})",
            permanent=True,
            fix="if it is signed by a private CA, point SSL_CERT_FILE at it; else check smtp_host",
        )
    if isinstance(exc, ssl.SSLEOFError | ssl.SSLZeroReturnError | ssl.SSLSyscallError):
        # the connection broke during the handshake: a network failure, not a setting
        return DeliveryError(f"TLS with {server} was cut off: {exc.reason or exc}")
    if isinstance(exc, ssl.SSLError):
        return DeliveryError(
            f"TLS failed with {server}: {exc.reason or exc}",
            permanent=True,
            fix=f'{settings} (security = "ssl" is for port 465, "starttls" for 587)',
        )
    if isinstance(exc, OSError):
        return DeliveryError(f"cannot reach SMTP server {server}: {exc.strerror or exc}")
    raise exc


def _refused(exc: smtplib.SMTPResponseException, email: EmailSettings) -> tuple[str, str]:
    """What the server's answer refused, and what to check."""
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        held_in = " and ".join(name for name in (email.username_env, email.password_env) if name)
        return "SMTP login refused:", f"check the login held in {held_in}"
    if isinstance(exc, smtplib.SMTPSenderRefused):
        return (
            f"SMTP server refused the sender {exc.sender}:",
            "check email.sender: the server must accept mail from that address (and from this login)",
        )
    return "SMTP server said", "the server's answer says why it will not take the digest"


def _hang_up(client: smtplib.SMTP) -> None:
    """QUIT politely. Once the server has accepted the message it is delivered: a failure to say
    goodbye must not make the run think otherwise and send it again."""
    try:
        client.quit()
    except (smtplib.SMTPException, OSError):
        pass
    finally:
        client.close()


def _text(value: bytes | str) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


def _first(recipients: dict[str, tuple[int, bytes]]) -> str:
    for address, (code, reason) in recipients.items():
        return f"{address}: {code} {_text(reason)}"
    return ""


def _refusals(refused: dict[str, tuple[int, bytes]]) -> dict[str, str]:
    return {address: f"{code} {_text(reason)}" for address, (code, reason) in refused.items()}
