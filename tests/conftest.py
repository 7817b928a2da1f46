"""Shared fixtures: the demo authorities are loaded once into the test database.

Tests run inside transactions that are rolled back, so each starts from the demo as loaded.
(Tests that need ``transactional_db`` would flush it: the browser tests run their own server
with a database of their own instead.)
"""

import pytest
from django.test import Client

from boardpack.accounts.models import User
from boardpack.core.models import Organisation


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    from boardpack.demo.loader import load_demo

    with django_db_blocker.unblock():
        load_demo()


@pytest.fixture(autouse=True)
def demo_mode(settings):
    """The demo users sign in only in demo mode; the tests use them, so it is on."""
    settings.DEMO_MODE = True


@pytest.fixture(autouse=True)
def empty_page_cache():
    """No stored page from another test: each test's rolled-back writes take the data version
    back with them, so two tests could meet the same version with different data."""
    from django.core.cache import caches

    caches["pages"].clear()
    yield
    caches["pages"].clear()


@pytest.fixture
def page_cache_off(settings):
    """For tests that count the queries of building a page: every GET builds it."""
    settings.BOARDPACK_PAGE_CACHE = False


@pytest.fixture
def somerset(db) -> Organisation:
    return Organisation.objects.get(slug="somerset")


@pytest.fixture
def dorset(db) -> Organisation:
    return Organisation.objects.get(slug="dorset")


def client_for(username: str) -> Client:
    client = Client()
    client.force_login(User.objects.get(username=username))
    return client


@pytest.fixture
def signed_in(db):
    """``signed_in("office")`` gives a test client signed in as that demo user."""
    return client_for
