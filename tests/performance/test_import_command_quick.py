"""``boardpack import indicators FILE`` reads plain rows at once and the rest cell by cell, as
``import_csv_rows`` does: the same figures and history written, the same problems reported
at the same cells, and nothing written when any row has one."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction

from boardpack.imports.framework import ImportContext, reading
from boardpack.performance.importers import import_csv_rows
from boardpack.performance.models import Observation
from tests.imports.helpers import csv_bytes

pytestmark = pytest.mark.django_db
HEADER = ["indicator", "date", "value", "qualifier", "period_label", "commentary"]
ROWS = 3_000
START = dt.date(2030, 1, 1)


def figure_rows(n: int = ROWS) -> list[list[str]]:
    """``n`` new figures of CLA-COUNT, mostly plain; every 97th with a date written the
    British way and every 89th with a guarded formula in its commentary (read cell by cell),
    every 50th suppressed."""
    rows = []
    for d in range(n):
        day = START + dt.timedelta(days=d)
        date = f"{day:%d/%m/%Y}" if d % 97 == 5 else day.isoformat()
        commentary = "'=rising" if d % 89 == 3 else ("Up, as forecast" if d % 7 == 0 else "")
        value, qualifier = ("", "c") if d % 50 == 1 else (str(600 + d % 40), "")
        rows.append(["CLA-COUNT", date, value, qualifier, f"{day:%B %Y}", commentary])
    return rows


WITHOUT_VALUE = (
    "A figure without a value must say why: qualifier suppressed (c), not_available (x) or "
    "not_applicable (z)."
)
FIGURE = ("indicator__code", "date", "area", "breakdown_key", "value", "places", "qualifier")
TEXTS = ("as_written", "period_label", "commentary", "source__key")


def written(organisation) -> tuple[list[tuple], list[tuple]]:
    """Every figure held and every history row of them, without ids or moments."""
    figures = Observation.objects.filter(indicator__organisation=organisation)
    history = Observation.history.filter(indicator__organisation=organisation)
    return (
        sorted(figures.values_list(*FIGURE, *TEXTS)),
        sorted(
            history.values_list(
                *FIGURE, *TEXTS, "history_type", "history_user_id", "history_change_reason"
            )
        ),
    )


def run_command(
    tmp_path, organisation, rows: list[list[str]], *args: str, err: io.StringIO | None = None
) -> str:
    path = tmp_path / "figures.csv"
    path.write_bytes(csv_bytes([HEADER, *rows]))
    out = io.StringIO()
    call_command(
        "import",
        "indicators",
        str(path),
        "--period",
        "2023-03",
        "--organisation",
        organisation.slug,
        *args,
        stdout=out,
        stderr=err or io.StringIO(),
    )
    return out.getvalue()


def csv_dicts(rows: list[list[str]]) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(csv_bytes([HEADER, *rows]).decode("utf-8"))))


def test_the_command_writes_what_import_csv_rows_writes(tmp_path, testshire, march, monkeypatch):
    rows = figure_rows()
    cells_read: list[object] = []
    original = reading.read_cell

    def read_cell(column, raw, **kwargs):
        cells_read.append(raw)
        return original(column, raw, **kwargs)

    # Only the rows in doubt are read cell by cell (six cells each); the rest at once.
    monkeypatch.setattr("boardpack.imports.framework.reading.read_cell", read_cell)
    doubtful = sum(1 for d in range(ROWS) if d % 97 == 5 or d % 89 == 3)
    before = written(testshire)
    with transaction.atomic():
        plan = import_csv_rows(ImportContext(testshire, march), csv_dicts(rows))
        assert not plan.problems and plan.new_count == ROWS
        expected = written(testshire)
        transaction.set_rollback(True)
    assert written(testshire) == before
    out = run_command(tmp_path, testshire, rows, "--dry-run")
    assert f"{ROWS} new, 0 changed, 0 unchanged" in out and "Dry run" in out
    assert written(testshire) == before
    cells_read.clear()
    out = run_command(tmp_path, testshire, rows)
    assert len(cells_read) == 6 * doubtful
    assert f"Imported Performance figures for March 2023: {ROWS} new, 0 changed." in out
    assert written(testshire) == expected
    figures, history = expected
    assert len(figures) == len(before[0]) + ROWS and len(history) == len(before[1]) + ROWS
    guarded = Observation.objects.get(indicator__code="CLA-COUNT", date=START.replace(day=4))
    assert guarded.commentary == "=rising"  # the guard taken off, as read_cell does
    # The same file again: every figure read, checked and found unchanged.
    out = run_command(tmp_path, testshire, rows)
    assert "0 new, 0 changed" in out and written(testshire) == expected


@pytest.mark.parametrize("bad_row", [ROWS - 3, ROWS - 85])
def test_a_bad_row_late_in_the_file_is_named_as_before_and_nothing_is_written(
    tmp_path, testshire, march, bad_row
):
    rows = figure_rows()
    # A plain row (ROWS - 3), or one read cell by cell (ROWS - 85: its date written dd/mm/yyyy).
    rows[bad_row][2] = "lots"
    rows[bad_row - 1] = list(rows[10])  # the same figure as a plain row near the top
    rows[bad_row - 1][1] = f"{START + dt.timedelta(days=10):%d/%m/%Y}"  # written another way
    before = written(testshire)
    plan = import_csv_rows(ImportContext(testshire, march), csv_dicts(rows))
    assert [(p.row, p.column, p.message) for p in plan.problems] == [
        (bad_row + 1, "A", "The same figure of CLA-COUNT for 11/01/2030 is also in row 12."),
        (bad_row + 2, "C", "The value must be a number: ‘lots’ is not a number."),
        (bad_row + 2, "C", WITHOUT_VALUE),
    ]
    err = io.StringIO()
    with pytest.raises(CommandError, match="3 problem.*nothing was imported"):
        run_command(tmp_path, testshire, rows, err=err)
    # Below the progress bars, each problem as the command prints it.
    printed = [line.strip() for line in err.getvalue().splitlines()]
    assert [line for line in printed if line.startswith("Sheet ‘CSV’")] == [
        str(problem) for problem in plan.problems
    ]
    assert written(testshire) == before
