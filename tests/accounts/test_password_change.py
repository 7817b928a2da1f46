"""Users change their own password in the app."""

import pytest
from django.test import Client

from boardpack.accounts.models import User

pytestmark = pytest.mark.django_db

OLD = "an old long passphrase 31"
NEW = "a brand new passphrase 47"


@pytest.fixture
def officer(somerset, settings) -> Client:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    user = User.objects.create_user("real.officer", password=OLD)
    user.memberships.create(organisation=somerset)
    client = Client()
    assert (
        client.post("/sign-in/", {"username": "real.officer", "password": OLD}).status_code == 302
    )
    return client


def test_every_page_links_to_changing_your_password(officer):
    assert (
        'href="/account/password/"' in officer.get("/somerset/programme/2024-06/").content.decode()
    )


def test_a_user_changes_their_password_and_stays_signed_in(officer):
    page = officer.get("/account/password/").content.decode()
    assert "Change your password" in page
    assert 'autocomplete="current-password"' in page
    response = officer.post(
        "/account/password/",
        {"old_password": OLD, "new_password1": NEW, "new_password2": NEW},
    )
    assert response.status_code == 302
    assert response["Location"] == "/account/password/changed/"
    assert "Your password has been changed" in officer.get(response["Location"]).content.decode()
    assert officer.get("/somerset/programme/2024-06/").status_code == 200  # still signed in
    user = User.objects.get(username="real.officer")
    assert user.check_password(NEW)
    assert not user.check_password(OLD)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"old_password": "wrong", "new_password1": NEW, "new_password2": NEW},
            "Your current password is not right",
        ),
        (
            {"old_password": OLD, "new_password1": NEW, "new_password2": NEW + "x"},
            "The two new passwords are not the same",
        ),
        ({"old_password": OLD, "new_password1": "short", "new_password2": "short"}, "too short"),
        (
            {"old_password": OLD, "new_password1": "password123", "new_password2": "password123"},
            "too common",
        ),
        ({}, "Enter your current password"),
    ],
)
def test_a_refused_change_says_why_and_changes_nothing(officer, data, message):
    response = officer.post("/account/password/", data)
    assert response.status_code == 200
    text = response.content.decode()
    assert "There is a problem" in text
    assert message in text
    assert User.objects.get(username="real.officer").check_password(OLD)


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get("/account/password/")
    assert response.status_code == 302
    assert response["Location"].startswith("/sign-in/?next=")
