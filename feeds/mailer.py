"""Delivering a composed digest over SMTP: none, STARTTLS or SSL, login from the environment."""

from __future__ import annotations

import os
import smtplib
import ssl
from email.policy import Policy
from email.utils import parseaddr

from seasonwatch.models import EmailSettings


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
    try again."""

    def __init__(self, reason: str, permanent: bool = False, fix: str = "") -> None:
        super().__init__(reason)
        self.permanent = permanent
        self.fix = fix


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

    TLS verifies the server's certificate and host name against the system's trusted CAs (or
    the file named by SSL_CERT_FILE). `tls` replaces that context; tests pass one that trusts
    their own test CA, and nothing in the product does."""
    login = credentials(email)
    sender = parseaddr(email.sender)[1]
    recipients = list(email.recipients)
    if not recipients:
        raise DeliveryError("no recipients configured", permanent=True, fix="list addresses in email.recipients")
    context = tls or ssl.create_default_context()
    server = f"{email.smtp_host}:{email.smtp_port}"
    settings = "check smtp_host, smtp_port and security in [email]"
    client: smtplib.SMTP | None = None
    try:
        if email.security == "ssl":
            client = smtplib.SMTP_SSL(email.smtp_host, email.smtp_port, timeout=email.timeout, context=context)
        else:
            client = smtplib.SMTP(email.smtp_host, email.smtp_port, timeout=email.timeout)
        client.ehlo()
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
        # sendmail returns the recipients refused when at least one was accepted: the message
        # is then delivered, and sending it again would duplicate it for the others
        refused = client.sendmail(sender, recipients, message)
    except smtplib.SMTPRecipientsRefused as exc:
        # for good only if every refusal is: "450 greylisted, try later" is an everyday answer
        raise DeliveryError(
            f"the SMTP server refused every recipient: {_first(exc.recipients)}",
            permanent=all(_for_good(code) for code, _ in exc.recipients.values()),
            fix="check the addresses in email.recipients",
        ) from None
    except smtplib.SMTPResponseException as exc:
        what, fix = _refused(exc, email)
        raise DeliveryError(
            f"{what} {exc.smtp_code} {_text(exc.smtp_error)}", permanent=_for_good(exc.smtp_code), fix=fix
        ) from None
    except smtplib.SMTPServerDisconnected as exc:
        if isinstance(exc.__context__, TimeoutError):  # smtplib reports a silent server this way
            raise DeliveryError(f"SMTP server {server} did not answer within {email.timeout:g} s") from None
        raise DeliveryError(f"SMTP server {server} closed the connection: {exc}") from None
    except smtplib.SMTPException as exc:
        # what is left: a feature the server lacks (SMTPUTF8, a login method we can use)
        raise DeliveryError(f"SMTP error with {server}: {exc}", permanent=True, fix=settings) from None
    except UnicodeEncodeError:
        # smtplib sends addresses as ASCII unless the server offers SMTPUTF8
        raise DeliveryError(
            "an address in email.sender or email.recipients is not ASCII",
            permanent=True,
            fix="write the domain in its ASCII (xn--) form",
        ) from None
    except TimeoutError:
        raise DeliveryError(f"SMTP server {server} did not answer within {email.timeout:g} s") from None
    except ssl.SSLCertVerificationError as exc:
        raise DeliveryError(
            f"TLS with {server}: the server's certificate is not trusted ({exc.verify_message or exc.reason})",
            permanent=True,
            fix="if it is signed by a private CA, point SSL_CERT_FILE at it; else check smtp_host",
        ) from None
    except (ssl.SSLEOFError, ssl.SSLZeroReturnError, ssl.SSLSyscallError) as exc:
        # the connection broke during the handshake: a network failure, not a setting
        raise DeliveryError(f"TLS with {server} was cut off: {exc.reason or exc}") from None
    except ssl.SSLError as exc:
        raise DeliveryError(
            f"TLS failed with {server}: {exc.reason or exc}",
            permanent=True,
            fix=f'{settings} (security = "ssl" is for port 465, "starttls" for 587)',
        ) from None
    except OSError as exc:
        raise DeliveryError(f"cannot reach SMTP server {server}: {exc.strerror or exc}") from None
    finally:
        if client is not None:
            _hang_up(client)
    return _refusals(refused)


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
