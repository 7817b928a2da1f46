"""Pages computed once per change of data (core.page_cache, decision 0014).

A stored page is served while the data version is the same; every way of writing moves the
version on (database triggers), and the next page shows the new figure. Users never get each
other's pages, pages with messages are not kept, and forms on a stored page still post.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any
from unittest import mock

import pytest
from django.contrib.messages import constants
from django.contrib.messages.storage.base import Message
from django.contrib.messages.storage.cookie import CookieStorage
from django.db import connection, transaction
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import resolve
from django.utils import timezone

from boardpack.accounts.models import User
from boardpack.core import data_version
from boardpack.core.models import DataVersion, ReportingPeriod
from boardpack.finance.models import SavingPosition
from boardpack.imports.framework import ImportContext
from boardpack.imports.registry import get as importer
from boardpack.imports.services import apply_plan
from tests.core.route_table import ROUTES, Expect
from tests.core.test_route_matrix import ROUTES_FOUND, _url
from tests.imports.helpers import SAVINGS_HEADER, prepare, xlsx

pytestmark = pytest.mark.django_db

SAVINGS = "/somerset/finance/savings/2024-06/"
OVERVIEW = "/somerset/programme/2024-06/"
# A page served from the cache costs the session, the user and the data version.
HIT_QUERIES = 3


def cfe001() -> SavingPosition:
    return SavingPosition.objects.get(line__reference="CFE001", period__month="2024-06-01")


def page(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def without_tokens(html: str) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)


def test_a_second_get_is_served_from_the_cache(signed_in, django_assert_num_queries):
    client = signed_in("finance")
    first = page(client, SAVINGS)
    with django_assert_num_queries(HIT_QUERIES):
        second = page(client, SAVINGS)
    assert without_tokens(second) == without_tokens(first)


def test_the_read_api_is_served_from_the_cache_too(signed_in, django_assert_num_queries):
    client = signed_in("office")
    url = "/api/v1/programme?organisation=somerset&period=2024-06"
    first = client.get(url)
    with django_assert_num_queries(HIT_QUERIES):
        second = client.get(url)
    assert second.status_code == 200 and second.json() == first.json()
    assert second["Content-Type"] == "application/json"
    assert "no-store" in second["Cache-Control"]  # the browser still keeps nothing


def test_a_stored_page_is_still_marked_no_store_for_the_browser(signed_in):
    client = signed_in("finance")
    page(client, SAVINGS)
    response = client.get(SAVINGS)
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


# --- every way of writing moves the version on, and the next page shows it ----------------------


def test_an_edit_posted_through_a_page_shows_on_the_next_page(signed_in):
    client = signed_in("finance")
    page(client, SAVINGS)
    before = data_version.current()
    line = cfe001().line
    response = client.post(
        f"{SAVINGS}saving/{line.pk}/",
        {
            "over_achieved": "",
            "achieved": "149,000",
            "on_track": "175,500",
            "at_risk": "",
            "comment": "Edited through the page",
        },
    )
    assert response.status_code == 302
    assert data_version.current() != before
    html = page(client, SAVINGS)  # with the message "… position saved": built afresh
    assert "Edited through the page" in html and "position saved" in html
    assert "Edited through the page" in page(client, SAVINGS)


def test_bulk_create_changes_the_version_and_the_page(signed_in, somerset):
    client = signed_in("office")
    assert "January 2031" not in page(client, OVERVIEW)
    before = data_version.current()
    ReportingPeriod.objects.bulk_create(
        [ReportingPeriod(organisation=somerset, month=dt.date(2031, 1, 1))]
    )
    assert data_version.current() != before
    assert "January 2031" in page(client, OVERVIEW)


def test_a_queryset_update_changes_the_version_and_the_page(signed_in):
    client = signed_in("finance")
    assert "Changed by update()" not in page(client, SAVINGS)
    before = data_version.current()
    SavingPosition.objects.filter(pk=cfe001().pk).update(comment="Changed by update()")
    assert data_version.current() != before
    assert "Changed by update()" in page(client, SAVINGS)


def test_a_queryset_delete_changes_the_version(signed_in):
    before = data_version.current()
    SavingPosition.objects.filter(pk=cfe001().pk).delete()
    assert data_version.current() != before


def test_raw_sql_changes_the_version_and_the_page(signed_in):
    client = signed_in("finance")
    assert "Changed by raw SQL" not in page(client, SAVINGS)
    before = data_version.current()
    table = connection.ops.quote_name(SavingPosition._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET comment = %s WHERE id = %s", ["Changed by raw SQL", cfe001().pk]
        )
    assert data_version.current() != before
    assert "Changed by raw SQL" in page(client, SAVINGS)


def test_an_applied_import_changes_the_version_and_the_page(signed_in, somerset):
    client = signed_in("finance")
    assert "Applied by import" not in page(client, SAVINGS)
    june = ReportingPeriod.objects.get(organisation=somerset, month="2024-06-01")
    row = ["CFE001", "Home to school transport", "324,500", "", "149,000", "175,500", ""]
    preparation = prepare(
        "savings", somerset, june, xlsx([SAVINGS_HEADER, [*row, "Applied by import"]], title="MTFP")
    )
    before = data_version.current()
    apply_plan(
        importer=importer("savings"), context=ImportContext(somerset, june), plan=preparation.plan
    )
    assert data_version.current() != before
    assert "Applied by import" in page(client, SAVINGS)


def test_a_rolled_back_write_leaves_the_version_and_the_page(signed_in, django_assert_num_queries):
    client = signed_in("finance")
    page(client, SAVINGS)
    before = data_version.current()
    with pytest.raises(RuntimeError), transaction.atomic():
        SavingPosition.objects.filter(pk=cfe001().pk).update(comment="Never committed")
        raise RuntimeError("refused")
    assert data_version.current() == before
    with django_assert_num_queries(HIT_QUERIES):
        assert "Never committed" not in page(client, SAVINGS)


def test_deleting_the_version_row_starts_a_new_epoch(signed_in):
    SavingPosition.objects.filter(pk=cfe001().pk).update(comment="a write")
    before = DataVersion.objects.get(pk=1)
    DataVersion.objects.all().delete()
    assert data_version.current() == "0:0"
    SavingPosition.objects.filter(pk=cfe001().pk).update(comment="another write")
    after = DataVersion.objects.get(pk=1)
    assert after.number == 1 and data_version.current() not in ("0:0", str(before))


# --- whose page --------------------------------------------------------------------------------


def test_a_stored_page_is_not_served_to_another_organisations_member(signed_in):
    page(signed_in("office"), SAVINGS)
    assert signed_in("dorset.office").get(SAVINGS).status_code == 404


def test_a_user_who_loses_access_no_longer_gets_the_stored_page(signed_in):
    client = signed_in("finance")
    page(client, SAVINGS)
    User.objects.get(username="finance").memberships.all().delete()
    assert client.get(SAVINGS).status_code == 404


# --- messages, CSRF, dates, settings -----------------------------------------------------------


def test_a_page_with_a_message_is_neither_served_from_nor_kept_in_the_cache(signed_in):
    client = signed_in("finance")
    page(client, SAVINGS)  # stored, without a message
    line = cfe001().line
    client.post(
        f"{SAVINGS}saving/{line.pk}/",
        {"over_achieved": "", "achieved": "149,000", "on_track": "175,500", "at_risk": ""},
    )
    assert "position saved" in page(client, SAVINGS)
    assert "position saved" not in page(client, SAVINGS)  # shown once: that page was not kept


def test_a_message_waiting_is_shown_even_when_the_page_is_stored(
    signed_in, django_assert_num_queries
):
    client = signed_in("finance")
    page(client, SAVINGS)
    waiting = [Message(constants.INFO, "Waiting for you")]
    client.cookies["messages"] = CookieStorage(RequestFactory().get("/"))._encode(waiting)
    assert "Waiting for you" in page(client, SAVINGS)
    with django_assert_num_queries(HIT_QUERIES):
        assert "Waiting for you" not in page(client, SAVINGS)


def test_a_form_on_a_stored_page_posts_with_its_fresh_token(django_assert_num_queries):
    client = Client(enforce_csrf_checks=True)
    client.force_login(User.objects.get(username="finance"))
    page(client, SAVINGS)
    with django_assert_num_queries(HIT_QUERIES):
        html = page(client, SAVINGS)
    assert "@@boardpack-csrf-token@@" not in html
    form = re.search(r'<form[^>]*action="/sign-out/".*?</form>', html, re.S)
    assert form is not None
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.group(0)).group(1)
    response = client.post("/sign-out/", {"csrfmiddlewaretoken": token})
    assert response.status_code == 302 and "/sign-in/" in response["Location"]
    assert client.get(SAVINGS).status_code == 302  # signed out


def test_a_new_day_gives_a_fresh_page(signed_in, django_assert_num_queries):
    client = signed_in("office")
    url = "/somerset/governance/actions/"
    page(client, url)
    with django_assert_num_queries(HIT_QUERIES):
        page(client, url)
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    with mock.patch("django.utils.timezone.localdate", return_value=tomorrow):
        with CaptureQueriesContext(connection) as queries:
            page(client, url)
        assert len(queries) > HIT_QUERIES  # built afresh for the new day, and kept
        with django_assert_num_queries(HIT_QUERIES):
            page(client, url)


def test_the_setting_turns_the_cache_off(signed_in, settings):
    settings.BOARDPACK_PAGE_CACHE = False
    client = signed_in("finance")
    page(client, SAVINGS)
    with CaptureQueriesContext(connection) as queries:
        page(client, SAVINGS)
    assert len(queries) > HIT_QUERIES


# --- reading never moves the version -----------------------------------------------------------


def _routes() -> list[tuple[Any, Expect]]:
    urls = []
    for route in ROUTES_FOUND:
        entry = ROUTES.get(route.key)
        if isinstance(entry, Expect) and route.name:
            urls.append((route, entry))
    return urls


def test_a_get_of_every_cached_page_leaves_the_version_unchanged(signed_in):
    office, councillor = signed_in("office"), signed_in("councillor")
    urls = [_url(route, entry, "somerset") for route, entry in _routes()]  # samples may write
    urls = [u for u in urls if getattr(resolve(u.split("?")[0]).func, "page_cached", False)]
    assert len(urls) >= 25, urls
    before = data_version.current()
    for url in urls:
        for client in (office, councillor):
            for _ in range(2):
                assert client.get(url).status_code in (200, 302, 403), url
            assert data_version.current() == before, url


def test_triggers_are_on_the_data_and_not_on_bookkeeping():
    tables = set(data_version.watched_tables())
    assert {"finance_savingposition", "accounts_user", "accounts_membership"} <= tables
    assert {"auth_group", "accounts_user_groups", "performance_historicalobservation"} <= tables
    for bookkeeping in ("django_session", "django_migrations", "core_dataversion"):
        assert bookkeeping not in tables
    assert not any(t.startswith(("axes_", "django_tasks")) for t in tables)
