"""Applying an import holds a row lock on its run: a double submission applies once."""

from __future__ import annotations

import pytest
from django.db import connection
from django.urls import reverse

from boardpack.finance.models import SavingPosition
from boardpack.imports import registry
from boardpack.imports.models import ImportRun
from boardpack.imports.services import import_run_apply
from tests.imports.helpers import SAVINGS_HEADER, xlsx
from tests.imports.test_pages import upload

pytestmark = pytest.mark.django_db


def test_a_double_submission_applies_once_under_a_row_lock(signed_in):
    client = signed_in("finance")
    data = xlsx([SAVINGS_HEADER, ["CFE010", "", "11,100", "", "11,100", "", "", "Twice?"]])
    upload(client, data)
    run = ImportRun.objects.latest("pk")
    client.get(reverse("imports:preview", kwargs={"org": "somerset", "run": run.pk}))
    run.refresh_from_db()
    url = reverse("imports:apply", kwargs={"org": "somerset", "run": run.pk})
    position = SavingPosition.objects.get(line__reference="CFE010", period__month="2024-06-01")
    versions_before = position.history.count()

    # The first submission (called directly: a request would reset the query log).
    queries: list[str] = []

    def record(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        import_run_apply(
            run=run, importer=registry.get(run.dataset), fingerprint=run.plan_fingerprint
        )
    second = client.post(url, {"fingerprint": run.plan_fingerprint}, follow=True)

    run.refresh_from_db()
    assert run.status == ImportRun.Status.APPLIED
    assert "This import is already applied." in second.content.decode()
    assert position.history.count() == versions_before + 1  # written once
    locks = [sql for sql in queries if "FOR UPDATE" in sql and "imports_importrun" in sql]
    if connection.features.has_select_for_update:  # PostgreSQL; SQLite serialises writes itself
        assert locks, "the run's row was not locked while applying"
