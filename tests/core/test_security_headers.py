"""Headers every response carries: a Content Security Policy with no inline script; no-store for
signed-in users; and sessions that end after the configured idle time."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from boardpack.core.middleware import SessionIdleRefreshMiddleware
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def _policy(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


@pytest.mark.parametrize("url", ["/sign-in/", "/somerset/programme/2024-06/"])
def test_content_security_policy_forbids_inline_script_and_style(url):
    client = client_for("councillor") if "somerset" in url else Client()
    response = client.get(url)
    policy = _policy(response)
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]


def test_pages_have_no_inline_script_or_style():
    """What the policy forbids is not in the pages either (the browser tests see it work)."""
    client = client_for("office")
    for url in (
        "/somerset/programme/2024-06/",
        "/somerset/programme/2024-06/workstreams/local-mainstream-school/edit/",
        "/somerset/finance/budget/2022-12/",
        "/somerset/imports/",
        "/account/password/",
    ):
        html = client.get(url).content.decode()
        assert "<script>" not in html and '<script type="text/javascript">' not in html, url
        assert " style=" not in html and "<style" not in html, url
        assert " onclick=" not in html and "javascript:" not in html, url


def test_signed_in_pages_are_not_stored(client):
    response = client_for("councillor").get("/somerset/programme/2024-06/")
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    api = client_for("councillor").get("/api/v1/programme", {"period": "2024-06"})
    assert "no-store" in api["Cache-Control"]


def test_a_session_ends_after_the_idle_time_and_each_request_extends_it(settings):
    assert settings.SESSION_COOKIE_AGE == 8 * 60 * 60
    client = client_for("councillor")
    assert client.get("/somerset/programme/2024-06/").status_code == 200
    session = Session.objects.get(session_key=client.session.session_key)
    remaining = session.expire_date - timezone.now()
    assert timedelta(hours=7, minutes=59) < remaining <= timedelta(hours=8)
    # Eight hours and a minute later, with no request in between: signed out.
    Session.objects.filter(pk=session.pk).update(expire_date=timezone.now() - timedelta(minutes=1))
    response = client.get("/somerset/programme/2024-06/")
    assert response.status_code == 302
    assert response["Location"].startswith("/sign-in/")


def _session_writes(client, url: str) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return [
        q["sql"]
        for q in queries.captured_queries
        if "django_session" in q["sql"] and not q["sql"].lstrip().upper().startswith("SELECT")
    ]


def test_a_page_does_not_write_the_session_again_within_the_refresh_interval(settings):
    """Reading pages is not a database write each time; the idle clock restarts every few
    minutes, so a session still ends 8 hours (less at most 5 minutes) after the last request."""
    assert settings.SESSION_REFRESH_SECONDS == 300
    client = client_for("councillor")
    url = "/somerset/programme/2024-06/"
    assert _session_writes(client, url)  # the first page after signing in starts the clock
    assert _session_writes(client, url) == []
    assert _session_writes(client, "/somerset/finance/savings/2024-06/") == []

    # Six minutes later (the last refresh moved back in the stored session): written again,
    # and the session's end moves to 8 hours from now.
    store = client.session
    store[SessionIdleRefreshMiddleware.KEY] -= 6 * 60
    store.save()
    session = Session.objects.get(session_key=store.session_key)
    Session.objects.filter(pk=session.pk).update(expire_date=timezone.now() + timedelta(hours=1))
    assert _session_writes(client, url)
    remaining = Session.objects.get(pk=session.pk).expire_date - timezone.now()
    assert timedelta(hours=7, minutes=59) < remaining <= timedelta(hours=8)


def test_signing_out_still_ends_the_session():
    client = client_for("councillor")
    key = client.session.session_key
    client.get("/somerset/programme/2024-06/")
    client.post("/sign-out/")
    assert not Session.objects.filter(session_key=key).exists()
    assert client.get("/somerset/programme/2024-06/").status_code == 302


def test_the_idle_time_is_read_from_the_environment():
    env = {"BOARDPACK_TESTING": "1", "BOARDPACK_SESSION_IDLE_MINUTES": "30"}
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import os; os.environ['DJANGO_SETTINGS_MODULE']='boardpack.settings'; "
            "from django.conf import settings; print(settings.SESSION_COOKIE_AGE)",
        ],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.strip() == "1800", result.stderr
