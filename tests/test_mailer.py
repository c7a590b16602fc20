"""Handing a digest to a real SMTP server on loopback: plain, STARTTLS and implicit TLS, with a
login read from the environment, and every way a server can say no."""

from __future__ import annotations

import socket
from dataclasses import replace
from pathlib import Path

import pytest
from output_samples import BASE_URL, NOW, SHOWS, ordinary
from smtp_servers import PASSWORD, USERNAME, LoopbackCA, free_port, mail_server, make_test_ca

import feeds
from feeds.mailer import DeliveryError, deliver
from seasonwatch.models import EmailSettings, SiteSettings

# aiosmtpd warns when AUTH is allowed without STARTTLS; on the implicit-TLS server the whole
# connection is encrypted, which it cannot see
pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")

USER_VAR, PASSWORD_VAR = "SEASONWATCH_TEST_SMTP_USER", "SEASONWATCH_TEST_SMTP_PASSWORD"


@pytest.fixture(scope="module")
def ca(tmp_path_factory: pytest.TempPathFactory) -> LoopbackCA:
    return make_test_ca(tmp_path_factory.mktemp("ca"))


@pytest.fixture
def login(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(USER_VAR, USERNAME)
    monkeypatch.setenv(PASSWORD_VAR, PASSWORD)


def settings(port: int, security: str = "none", login: bool = False, **changes: object) -> EmailSettings:
    email = EmailSettings(
        enabled=True,
        smtp_host="127.0.0.1",
        smtp_port=port,
        security=security,
        username_env=USER_VAR if login else "",
        password_env=PASSWORD_VAR if login else "",
        sender="Season Watch <digest@example.org>",
        recipients=("fan@example.org", "editor@example.org"),
        timeout=10.0,
    )
    return replace(email, **changes)  # type: ignore[arg-type]


def digest_bytes() -> bytes:
    site = SiteSettings("Season Watch", BASE_URL, Path("public"))
    return feeds.compose(ordinary(), SHOWS, [], site, settings(25), NOW, status="pending").message


def test_plain_delivery_hands_over_the_message_as_composed():
    message = digest_bytes()
    with mail_server() as server:
        assert deliver(message, settings(server.port)) == {}
    [received] = server.inbox.received
    assert received.mail_from == "digest@example.org"
    assert received.rcpt_tos == ["fan@example.org", "editor@example.org"]
    assert received.message.get_content_type() == "multipart/alternative"
    assert received.message["Message-ID"] in message.decode()
    assert not received.over_tls


def test_starttls_with_a_login_from_the_environment(ca, login):
    with mail_server("starttls", tls=ca, login=True) as server:
        deliver(digest_bytes(), settings(server.port, "starttls", login=True), tls=ca.client_context())
    [received] = server.inbox.received
    assert received.over_tls and received.login == USERNAME


def test_implicit_tls_with_a_login_from_the_environment(ca, login):
    with mail_server("ssl", tls=ca, login=True) as server:
        deliver(digest_bytes(), settings(server.port, "ssl", login=True), tls=ca.client_context())
    [received] = server.inbox.received
    assert received.over_tls and received.login == USERNAME


@pytest.mark.parametrize("security", ["starttls", "ssl"])
def test_ssl_cert_file_is_how_an_operator_trusts_a_private_ca(ca, security, monkeypatch):
    """No test hook here: the production context, told about the CA the standard way."""
    monkeypatch.setenv("SSL_CERT_FILE", str(ca.pem))
    with mail_server(security, tls=ca) as server:
        deliver(digest_bytes(), settings(server.port, security))
    assert len(server.inbox.received) == 1


@pytest.mark.parametrize("security", ["starttls", "ssl"])
def test_a_certificate_nobody_vouches_for_is_refused(ca, security, monkeypatch):
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    with mail_server(security, tls=ca) as server, pytest.raises(DeliveryError, match="not trusted") as caught:
        deliver(digest_bytes(), settings(server.port, security))
    assert server.inbox.received == []
    assert caught.value.permanent and "SSL_CERT_FILE" in caught.value.fix


def test_a_certificate_for_another_host_is_refused(tmp_path):
    elsewhere = make_test_ca(tmp_path, names=("mail.example.org",))  # trusted CA, but not our host's name
    with mail_server("starttls", tls=elsewhere) as server, pytest.raises(DeliveryError, match="not trusted"):
        deliver(digest_bytes(), settings(server.port, "starttls"), tls=elsewhere.client_context())
    assert server.inbox.received == []


def test_starttls_is_never_skipped_when_the_server_does_not_offer_it(ca):
    with mail_server("none") as server, pytest.raises(DeliveryError, match="does not offer STARTTLS") as caught:
        deliver(digest_bytes(), settings(server.port, "starttls"), tls=ca.client_context())
    assert server.inbox.received == []
    assert caught.value.permanent and "security" in caught.value.fix


def test_a_wrong_password_is_reported(ca, monkeypatch):
    monkeypatch.setenv(USER_VAR, USERNAME)
    monkeypatch.setenv(PASSWORD_VAR, "wrong")
    with (
        mail_server("starttls", tls=ca, login=True) as server,
        pytest.raises(DeliveryError, match="login refused: 535") as caught,
    ):
        deliver(digest_bytes(), settings(server.port, "starttls", login=True), tls=ca.client_context())
    assert server.inbox.received == []
    assert caught.value.permanent and USER_VAR in caught.value.fix


def test_a_missing_environment_variable_is_named(monkeypatch):
    monkeypatch.delenv(USER_VAR, raising=False)
    with pytest.raises(DeliveryError, match=f"{USER_VAR} \\(email.username_env\\) is not set") as caught:
        deliver(digest_bytes(), settings(free_port(), "none", login=True))
    assert caught.value.permanent and f"set {USER_VAR} in the environment" in caught.value.fix
    monkeypatch.setenv(USER_VAR, USERNAME)
    monkeypatch.delenv(PASSWORD_VAR, raising=False)
    with pytest.raises(DeliveryError, match=PASSWORD_VAR) as caught:
        deliver(digest_bytes(), settings(free_port(), "none", login=True))
    assert caught.value.permanent


def test_a_server_that_is_down_is_reported():
    port = free_port()
    with pytest.raises(DeliveryError, match=f"cannot reach SMTP server 127.0.0.1:{port}") as caught:
        deliver(digest_bytes(), settings(port))
    assert not caught.value.permanent  # it may be back tomorrow


def test_a_server_that_refuses_the_message_is_reported():
    with mail_server() as server:
        server.inbox.refuse_data = "451 4.3.0 mailbox busy, try again later"
        with pytest.raises(DeliveryError, match=r"451 4\.3\.0 mailbox busy") as caught:
            deliver(digest_bytes(), settings(server.port))
    assert server.inbox.received == []
    assert not caught.value.permanent  # 4xx: try later


def test_one_refused_recipient_does_not_stop_the_others():
    with mail_server() as server:
        server.inbox.refuse_recipients = {"editor@example.org"}
        refused = deliver(digest_bytes(), settings(server.port))
    assert refused == {"editor@example.org": "550 5.1.1 no such mailbox"}
    [received] = server.inbox.received
    assert received.rcpt_tos == ["fan@example.org"]


def test_every_recipient_refused_is_a_failure():
    with mail_server() as server:
        server.inbox.refuse_recipients = {"fan@example.org", "editor@example.org"}
        with pytest.raises(DeliveryError, match="refused every recipient") as caught:
            deliver(digest_bytes(), settings(server.port))
    assert caught.value.permanent and "email.recipients" in caught.value.fix


# ---------------------------------------------------------------- for good, or worth another try


def test_a_5xx_refusal_of_the_message_is_for_good():
    with mail_server() as server:
        server.inbox.refuse_data = "554 5.7.1 message rejected as spam"
        with pytest.raises(DeliveryError, match=r"554 5\.7\.1 message rejected") as caught:
            deliver(digest_bytes(), settings(server.port))
    assert caught.value.permanent and caught.value.fix


def test_greylisting_every_recipient_is_worth_another_try():
    with mail_server() as server:
        server.inbox.refuse_recipients = {"fan@example.org", "editor@example.org"}
        server.inbox.recipient_refusal = "450 4.2.0 greylisted, try again later"
        with pytest.raises(DeliveryError, match=r"refused every recipient: fan@example\.org: 450") as caught:
            deliver(digest_bytes(), settings(server.port))
    assert not caught.value.permanent


def test_a_server_that_never_answers_is_worth_another_try():
    with socket.create_server(("127.0.0.1", 0)) as silent:  # accepts connections, never says hello
        port = silent.getsockname()[1]
        with pytest.raises(DeliveryError, match=r"did not answer within 0\.5 s") as caught:
            deliver(digest_bytes(), settings(port, timeout=0.5))
    assert not caught.value.permanent


def test_a_login_the_server_does_not_offer_is_a_setting_to_fix(login):
    with mail_server("none") as server, pytest.raises(DeliveryError, match="offers no login") as caught:
        deliver(digest_bytes(), settings(server.port, "none", login=True))
    assert caught.value.permanent and "email.username_env" in caught.value.fix
    assert server.inbox.received == []


def test_implicit_tls_against_a_plain_server_is_a_setting_to_fix():
    with mail_server("none") as server, pytest.raises(DeliveryError, match="TLS failed") as caught:
        deliver(digest_bytes(), settings(server.port, "ssl"))
    assert caught.value.permanent and "465" in caught.value.fix


def test_an_address_smtp_cannot_carry_is_a_setting_to_fix():
    with mail_server() as server, pytest.raises(DeliveryError, match="not ASCII") as caught:
        deliver(digest_bytes(), settings(server.port, sender="Season Watch <digest@exämple.org>"))
    assert caught.value.permanent and "xn--" in caught.value.fix
