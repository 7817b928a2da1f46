"""Sign-in throttling: after 5 failures (in 15 minutes) for a username or a client, even the
right password is refused until the lockout ends or an administrator lifts it."""

from __future__ import annotations

import logging
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command
from django.test import Client, RequestFactory
from django.utils import timezone

from boardpack.accounts.throttling import client_ip
from boardpack.demo.loader import DEMO_PASSWORD
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    """Many sign-ins here: a fast hasher (for these tests only) keeps them quick."""
    from boardpack.accounts.models import User

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    for user in User.objects.filter(username__in=["councillor", "finance", "office"]):
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])


def sign_in(client, username, password, url="/sign-in/", **extra):
    return client.post(url, {"username": username, "password": password}, **extra)


def fail(client, username, times=5, **extra):
    for _ in range(times):
        response = sign_in(client, username, "not the password", **extra)
        assert response.status_code in (200, 429)


def is_signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_five_wrong_passwords_then_the_right_one_is_refused(client, caplog):
    fail(client, "councillor", times=4)
    assert AccessAttempt.objects.get(username="councillor").failures_since_start == 4
    with caplog.at_level(logging.WARNING):
        fail(client, "councillor", times=1)
    assert any("locking out" in r.getMessage().lower() for r in caplog.records), "not logged"

    response = sign_in(client, "councillor", DEMO_PASSWORD)
    assert response.status_code == 429
    text = response.content.decode()
    assert "Sign-in is locked for now" in text
    assert "for 15 minutes" in text
    assert "ask your Boardpack administrator" in text
    assert not is_signed_in(client)


def test_the_lock_is_per_username_from_any_client(client):
    fail(client, "councillor", REMOTE_ADDR="10.0.0.1")
    other_client = Client(REMOTE_ADDR="10.0.0.2")
    assert sign_in(other_client, "councillor", DEMO_PASSWORD).status_code == 429
    # Another person from that other client is not affected.
    assert sign_in(other_client, "finance", DEMO_PASSWORD).status_code == 302


def test_the_lock_is_per_client_whatever_the_username(client):
    for username in ("a", "b", "c", "d", "e"):
        fail(client, username, times=1, REMOTE_ADDR="10.0.0.9")
    response = sign_in(client, "finance", DEMO_PASSWORD, REMOTE_ADDR="10.0.0.9")
    assert response.status_code == 429
    assert sign_in(Client(), "finance", DEMO_PASSWORD, REMOTE_ADDR="10.0.0.10").status_code == 302


def test_the_lockout_ends_after_the_cool_off(client):
    fail(client, "councillor")
    assert sign_in(client, "councillor", DEMO_PASSWORD).status_code == 429
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    assert sign_in(client, "councillor", DEMO_PASSWORD).status_code == 302
    assert is_signed_in(client)


def test_an_administrator_lifts_the_lock_with_the_command(client):
    fail(client, "councillor")
    assert sign_in(client, "councillor", DEMO_PASSWORD).status_code == 429
    call_command("axes_reset_username", "councillor")
    assert sign_in(client, "councillor", DEMO_PASSWORD).status_code == 302


def test_an_administrator_lifts_the_lock_in_the_admin(client):
    from boardpack.accounts.models import User

    fail(client, "councillor")
    attempt = AccessAttempt.objects.get(username="councillor")
    admin_user = User.objects.create(username="admin.person", is_staff=True, is_superuser=True)
    administrator = Client()
    administrator.force_login(admin_user)
    listing = administrator.get("/admin/axes/accessattempt/")
    assert "councillor" in listing.content.decode()
    response = administrator.post(
        f"/admin/axes/accessattempt/{attempt.pk}/delete/", {"post": "yes"}
    )
    assert response.status_code == 302
    assert sign_in(client, "councillor", DEMO_PASSWORD).status_code == 302


def test_the_admin_sign_in_is_throttled_too(client):
    for _ in range(5):
        sign_in(client, "office", "not the password", url="/admin/login/")
    response = sign_in(client, "office", DEMO_PASSWORD, url="/admin/login/")
    assert response.status_code == 429
    assert "Sign-in is locked for now" in response.content.decode()
    assert not is_signed_in(client)


def test_a_successful_sign_in_clears_earlier_failures(client):
    fail(client, "councillor", times=4)
    assert sign_in(client, "councillor", DEMO_PASSWORD).status_code == 302
    client.post("/sign-out/")
    fail(client, "councillor", times=4)
    assert sign_in(client, "councillor", DEMO_PASSWORD).status_code == 302


def test_the_limit_is_configurable(client, settings):
    settings.AXES_FAILURE_LIMIT = 2
    fail(client, "councillor", times=2)
    assert sign_in(client, "councillor", DEMO_PASSWORD).status_code == 429


def test_signed_in_users_are_not_affected_by_someone_elses_lockout(client):
    fail(client, "office")
    assert client_for("office").get("/somerset/programme/2024-06/").status_code == 200


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "203.0.113.9", "10.0.0.1"),  # no proxy trusted: the header is the client's own say
        (1, "203.0.113.9", "203.0.113.9"),
        (1, "198.51.100.1, 203.0.113.9", "203.0.113.9"),  # the left one was made up
        (2, "198.51.100.1, 203.0.113.9, 10.1.1.1", "203.0.113.9"),
        (2, "203.0.113.9", "10.0.0.1"),  # fewer hops than proxies: not believed
    ],
)
def test_the_client_address_behind_trusted_proxies(settings, proxies, forwarded, expected):
    settings.BOARDPACK_TRUSTED_PROXY_COUNT = proxies
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected
