"""Stored pages of the performance app (core.page_cache, decision 0014): members and officers
never get each other's, and figures written by the bulk path (COPY on PostgreSQL) show at once."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from boardpack.core import data_version
from boardpack.imports.framework import ImportContext
from boardpack.performance.importers import import_csv_rows

pytestmark = pytest.mark.django_db


def page(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_members_and_officers_never_get_each_others_page(testshire, as_user):
    url = "/testshire/performance/indicators/EXCL-PERM/"
    hidden = re.compile(r">2022-23</th>\s*<td[^>]*>c</td>\s*<td[^>]*>c</td>")
    shown = re.compile(r">2022-23</th>\s*<td[^>]*>8</td>\s*<td[^>]*>1</td>")
    analyst, councillor = as_user("t.analyst"), as_user("t.councillor")
    for _ in range(2):  # built, then served from the cache, in either order
        assert shown.search(page(analyst, url)) and not hidden.search(page(analyst, url))
        assert hidden.search(page(councillor, url)) and not shown.search(page(councillor, url))


def test_the_bulk_figures_path_changes_the_version_and_the_page(testshire, march, analyst):
    """COPY on PostgreSQL (performance.bulk), executemany on SQLite."""
    client = Client()
    client.force_login(analyst)
    url = "/testshire/performance/indicators/CLA-COUNT/"
    assert "31 Jan 2031" not in page(client, url)
    before = data_version.current()
    rows = [{"indicator": "CLA-COUNT", "date": "2031-01-31", "value": "4321"}]
    plan = import_csv_rows(ImportContext(testshire, march, user=analyst), rows)
    assert plan.problems == [] and plan.new_count == 1
    assert data_version.current() != before
    html = page(client, url)
    assert "4,321" in html or "4321" in html
