"""Large uploads (more rows than BOARDPACK_IMPORT_BACKGROUND_ROWS) are checked and applied by a
background task, their page showing how far it has gone; small ones stay in the request."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.db import IntegrityError
from django.urls import reverse

from boardpack.finance.models import SavingLine, SavingPosition
from boardpack.imports import services
from boardpack.imports.framework import bulk
from boardpack.imports.models import ImportRun
from tests.imports.helpers import SAVINGS_HEADER, xlsx

pytestmark = pytest.mark.django_db

ROWS = 60


@pytest.fixture(autouse=True)
def low_threshold(settings):
    settings.BOARDPACK_IMPORT_BACKGROUND_ROWS = 50


@pytest.fixture
def database_tasks(settings, monkeypatch):
    """Tasks queued in the database and run by the worker (``db_worker --batch``)."""
    from django_tasks_db.management.commands import db_worker

    # The worker closes "old" connections between tasks: inside the test's transaction it
    # would close the test's own (on PostgreSQL), so here it keeps it.
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }


def work() -> None:
    call_command("db_worker", "--batch", verbosity=0)


def new_savings(count: int) -> bytes:
    rows = [
        [f"CFE9{n:02d}", f"Bulk saving {n}", "1,000", "", "1,000", "", "", f"Row {n}"]
        for n in range(count)
    ]
    return xlsx([SAVINGS_HEADER, *rows], title="MTFP")


def upload(client, data: bytes) -> ImportRun:
    handle = io.BytesIO(data)
    handle.name = "tracker.xlsx"
    response = client.post(
        reverse("imports:start", kwargs={"org": "somerset"}),
        {"dataset": "savings", "period": "2024-06", "unit": "", "file": handle, "add_new": "on"},
    )
    assert response.status_code == 302
    return ImportRun.objects.latest("pk")


def url(name: str, run: ImportRun) -> str:
    return reverse(f"imports:{name}", kwargs={"org": "somerset", "run": run.pk})


def apply(client, run: ImportRun):
    run.refresh_from_db()
    return client.post(url("apply", run), {"fingerprint": run.plan_fingerprint})


def bulk_lines(somerset) -> int:
    return SavingLine.objects.filter(organisation=somerset, reference__startswith="CFE9").count()


def test_a_large_upload_is_checked_by_the_worker_while_its_page_shows_progress(
    signed_in, somerset, database_tasks, monkeypatch
):
    client = signed_in("finance")
    run = upload(client, new_savings(ROWS))
    assert run.background and run.status == ImportRun.Status.UPLOADED
    response = client.get(url("preview", run))
    page = response.content.decode()
    run.refresh_from_db()
    assert run.status == ImportRun.Status.PLANNING  # queued: the request did not plan it
    assert "Checking tracker.xlsx" in page and "Waiting to start" in page
    assert f'href="{url("preview", run)}">Refresh' in page  # refreshed by the user
    assert "http-equiv" not in page  # never on a timer (WCAG 2.2.1)
    # Choices wait while the file is being checked; the mapping page sends to the progress.
    assert client.get(url("mapping", run))["Location"] == url("preview", run)

    seen: list[str] = []
    real = services.import_run_progress

    def progress_and_look(run_id):
        report = real(run_id)

        def look(stage, done, total):
            report(stage, done, total)
            if stage == "reading":  # the page, as the user would see it meanwhile
                seen.append(client.get(url("preview", run)).content.decode())

        return look

    monkeypatch.setattr(services, "import_run_progress", progress_and_look)
    work()
    assert seen and "Reading the rows" in seen[0] and f"{ROWS} of {ROWS}" in seen[0]
    run.refresh_from_db()
    assert run.status == ImportRun.Status.READY and run.new_count == ROWS and run.stage == ""
    page = client.get(url("preview", run)).content.decode()
    assert "Check the changes before importing" in page and "CFE959" in page
    assert bulk_lines(somerset) == 0  # nothing written by checking


def test_applying_a_large_upload_through_the_worker_writes_every_row_with_history(
    signed_in, somerset, database_tasks
):
    client = signed_in("finance")
    run = upload(client, new_savings(ROWS))
    client.get(url("preview", run))
    work()
    history = SavingLine.history.count()
    response = apply(client, run)
    assert response["Location"] == url("preview", run)
    page = client.get(url("preview", run)).content.decode()
    assert "Applying tracker.xlsx" in page and "Changes to write" in page
    # A second click (or tab) while it waits: refused, one task only; nor can it be cancelled.
    second = apply(client, run)
    assert second["Location"] == url("preview", run)
    page = client.get(url("preview", run)).content.decode()
    assert "already being applied" in page
    assert client.post(url("cancel", run))["Location"] == url("preview", run)
    assert "cannot be cancelled now" in client.get(url("preview", run)).content.decode()
    work()
    run.refresh_from_db()
    assert run.status == ImportRun.Status.APPLIED and run.applied_at is not None
    assert bulk_lines(somerset) == ROWS
    assert SavingLine.history.count() == history + ROWS
    assert SavingPosition.objects.get(
        line__reference="CFE959", period__month="2024-06-01"
    ).comment == ("Row 59")
    assert client.get(url("preview", run))["Location"] == url("done", run)
    assert not run.plan_data  # the preview's plan is not kept once applied
    # Applying again afterwards applies nothing more.
    apply(client, run)
    work()
    assert bulk_lines(somerset) == ROWS and SavingLine.history.count() == history + ROWS


def test_a_large_upload_applied_at_once_by_the_immediate_backend(signed_in, somerset):
    client = signed_in("finance")
    run = upload(client, new_savings(ROWS))
    page = client.get(url("preview", run)).content.decode()
    assert "Check the changes before importing" in page  # planned by the task, then shown
    assert apply(client, run)["Location"] == url("preview", run)
    run.refresh_from_db()
    assert run.status == ImportRun.Status.APPLIED and bulk_lines(somerset) == ROWS
    assert apply(client, run)["Location"] == url("preview", run)  # applies once
    assert bulk_lines(somerset) == ROWS


def test_a_database_refusal_halfway_writes_nothing_and_the_page_says_so(
    signed_in, somerset, monkeypatch
):
    client = signed_in("finance")
    run = upload(client, new_savings(ROWS))
    client.get(url("preview", run))
    real = bulk.bulk_create_with_history
    calls: list[int] = []

    def refuse_the_second(batch, model, **kwargs):
        calls.append(len(batch))
        if len(calls) == 2:  # the lines are written; their positions are refused
            raise IntegrityError("UNIQUE constraint failed: finance_savingposition.line_id")
        return real(batch, model, **kwargs)

    monkeypatch.setattr(bulk, "bulk_create_with_history", refuse_the_second)
    history = SavingLine.history.count()
    apply(client, run)
    assert len(calls) == 2
    run.refresh_from_db()
    assert run.status == ImportRun.Status.REFUSED and "nothing was written" in run.error
    assert bulk_lines(somerset) == 0 and SavingLine.history.count() == history
    page = client.get(url("preview", run)).content.decode()
    assert "The import of tracker.xlsx did not finish" in page
    assert "Boardpack refused a change: nothing was written." in page
    assert "Boardpack&#x27;s records changed while this import was being applied" in page
    assert "Check the file again" in page and ">Refresh<" not in page

    monkeypatch.setattr(bulk, "bulk_create_with_history", real)
    assert client.post(url("check", run))["Location"] == url("preview", run)
    assert "Check the changes before importing" in client.get(url("preview", run)).content.decode()
    apply(client, run)
    run.refresh_from_db()
    assert run.status == ImportRun.Status.APPLIED and bulk_lines(somerset) == ROWS


def test_an_unexpected_failure_while_checking_is_said_in_plain_words(
    signed_in, somerset, monkeypatch
):
    client = signed_in("finance")
    run = upload(client, new_savings(ROWS))

    def broken(*args, **kwargs):
        raise MemoryError

    monkeypatch.setattr(services, "prepare_import", broken)
    page = client.get(url("preview", run)).content.decode()
    assert "Boardpack could not finish checking the file" in page
    assert "nothing was written" in page and "Check the file again" in page
    run.refresh_from_db()
    assert run.status == ImportRun.Status.REFUSED and bulk_lines(somerset) == 0


def test_small_uploads_are_still_checked_and_applied_in_the_request(signed_in, somerset):
    client = signed_in("finance")
    run = upload(client, new_savings(40))
    assert not run.background
    page = client.get(url("preview", run)).content.decode()
    run.refresh_from_db()
    assert run.status == ImportRun.Status.READY and run.stage == "" and not run.plan_data
    assert "Check the changes before importing" in page
    assert apply(client, run)["Location"] == url("done", run)
    assert bulk_lines(somerset) == 40


def test_rows_are_counted_before_reading(settings):
    from boardpack.imports.readers import rows_before_reading

    assert rows_before_reading(new_savings(ROWS)) == ROWS + 1
    assert rows_before_reading(b"a,b\n1,2\n3,4\n") == 3
    assert rows_before_reading(b"a,b\n1,2") == 2
    assert rows_before_reading(b"PK\x03\x04 damaged") == 0
