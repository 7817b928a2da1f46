import pytest

from boardpack.accounts.models import User
from boardpack.demo.loader import DEMO_PASSWORD

pytestmark = pytest.mark.django_db


def sign_in(client, username, password):
    return client.post("/sign-in/", {"username": username, "password": password})


def test_demo_sign_in_works_in_demo_mode(client):
    response = sign_in(client, "councillor", DEMO_PASSWORD)
    assert response.status_code == 302
    assert client.get("/somerset/programme/2024-06/").status_code == 200


def test_demo_sign_in_refused_outside_demo_mode(client, settings):
    settings.DEMO_MODE = False
    settings.DEBUG = False
    response = sign_in(client, "councillor", DEMO_PASSWORD)
    assert response.status_code == 200
    assert "Enter a correct username and password" in response.content.decode()


def test_real_users_sign_in_outside_demo_mode(client, settings, somerset):
    settings.DEMO_MODE = False
    user = User.objects.create_user("real.officer", password="a long real passphrase 42")
    user.memberships.create(organisation=somerset)
    assert sign_in(client, "real.officer", "a long real passphrase 42").status_code == 302
    assert client.get("/").status_code == 302


def test_wrong_password_shows_error_summary(client):
    response = sign_in(client, "councillor", "wrong")
    text = response.content.decode()
    assert "There is a problem" in text
    assert 'href="#id_username"' in text


def test_sign_out(signed_in):
    client = signed_in("councillor")
    assert client.post("/sign-out/").status_code == 302
    assert client.get("/somerset/programme/").status_code == 302


def test_user_without_organisation_sees_an_explanation(client, db):
    user = User.objects.create_user("nobody", password="another long passphrase 7")
    client.force_login(user)
    response = client.get("/")
    assert response.status_code == 200
    assert "does not belong to any organisation" in response.content.decode()
