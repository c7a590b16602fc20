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
        raise DeliveryError("no recipients configured (email.recipients)")
    context = tls or ssl.create_default_context()
    client: smtplib.SMTP | None = None
    try:
        if email.security == "ssl":
            client = smtplib.SMTP_SSL(email.smtp_host, email.smtp_port, timeout=email.timeout, context=context)
        else:
            client = smtplib.SMTP(email.smtp_host, email.smtp_port, timeout=email.timeout)
        client.ehlo()
        if email.security == "starttls":
            # raises when the server does not offer STARTTLS: never fall back to plain text
            client.starttls(context=context)
            client.ehlo()
        if login:
            client.login(*login)
        # sendmail returns the recipients refused when at least one was accepted: the message
        # is then delivered, and sending it again would duplicate it for the others
        refused = client.sendmail(sender, recipients, message)
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
    except ssl.SSLCertVerificationError as exc:
        raise DeliveryError(
            f"TLS with {email.smtp_host}:{email.smtp_port}: the server's certificate is not trusted "
            f"({exc.verify_message or exc.reason}); if it is signed by a private CA, point SSL_CERT_FILE at it"
        ) from None
    except ssl.SSLError as exc:
        raise DeliveryError(f"TLS failed with {email.smtp_host}:{email.smtp_port}: {exc.reason or exc}") from None
    except OSError as exc:
        raise DeliveryError(
            f"cannot reach SMTP server {email.smtp_host}:{email.smtp_port}: {exc.strerror or exc}"
        ) from None
    finally:
        if client is not None:
            _hang_up(client)
    return _refusals(refused)


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
