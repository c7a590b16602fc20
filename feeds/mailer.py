"""Delivering a composed digest over SMTP: none, STARTTLS or SSL, login from the environment."""

from __future__ import annotations

import os
import smtplib
import ssl
from email.utils import parseaddr

from seasonwatch.models import EmailSettings


class DeliveryError(Exception):
    """The digest was not accepted; str() is the one-line reason."""


def credentials(email: EmailSettings) -> tuple[str, str] | None:
    """(username, password) from the environment variables the config names, or None."""
    if not email.username_env:
        return None
    username = os.environ.get(email.username_env)
    if not username:
        raise DeliveryError(f"environment variable {email.username_env} (email.username_env) is not set")
    password = os.environ.get(email.password_env, "") if email.password_env else ""
    if email.password_env and not password:
        raise DeliveryError(f"environment variable {email.password_env} (email.password_env) is not set")
    return username, password


def deliver(message: bytes, email: EmailSettings) -> None:
    """Hand the message to the SMTP server; returns only once the server accepted it."""
    login = credentials(email)
    sender = parseaddr(email.sender)[1]
    recipients = list(email.recipients)
    if not recipients:
        raise DeliveryError("no recipients configured (email.recipients)")
    context = ssl.create_default_context()
    try:
        if email.security == "ssl":
            client: smtplib.SMTP = smtplib.SMTP_SSL(
                email.smtp_host, email.smtp_port, timeout=email.timeout, context=context
            )
        else:
            client = smtplib.SMTP(email.smtp_host, email.smtp_port, timeout=email.timeout)
        with client:
            client.ehlo()
            if email.security == "starttls":
                client.starttls(context=context)
                client.ehlo()
            if login:
                client.login(*login)
            # sendmail returns the recipients refused when at least one was accepted: the message
            # is then delivered, and sending it again would duplicate it for the others
            client.sendmail(sender, recipients, message)
    except smtplib.SMTPRecipientsRefused as exc:
        raise DeliveryError(f"the SMTP server refused every recipient: {_first(exc.recipients)}") from None
    except smtplib.SMTPAuthenticationError as exc:
        raise DeliveryError(f"SMTP login refused: {exc.smtp_code} {_text(exc.smtp_error)}") from None
    except smtplib.SMTPResponseException as exc:
        raise DeliveryError(f"SMTP server said {exc.smtp_code} {_text(exc.smtp_error)}") from None
    except smtplib.SMTPException as exc:
        raise DeliveryError(f"SMTP error: {exc}") from None
    except TimeoutError:
        raise DeliveryError(
            f"SMTP server {email.smtp_host}:{email.smtp_port} did not answer within {email.timeout:g} s"
        ) from None
    except ssl.SSLError as exc:
        raise DeliveryError(f"TLS failed with {email.smtp_host}:{email.smtp_port}: {exc.reason or exc}") from None
    except OSError as exc:
        raise DeliveryError(
            f"cannot reach SMTP server {email.smtp_host}:{email.smtp_port}: {exc.strerror or exc}"
        ) from None


def _text(value: bytes | str) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


def _first(recipients: dict[str, tuple[int, bytes]]) -> str:
    for address, (code, reason) in recipients.items():
        return f"{address}: {code} {_text(reason)}"
    return ""
