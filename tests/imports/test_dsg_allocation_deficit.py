"""The DSG dataset imports all three parts of the position: the monitoring table, the year's
allocation (with its stated Total DSG) and the deficit, each on a sheet of its own, planned and
applied together or not at all."""

import datetime as dt
import io
from decimal import Decimal
from pathlib import Path

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from boardpack.core.models import ReportingPeriod
from boardpack.finance.models import (
    DSGAllocation,
    DSGAllocationStatedTotal,
    DSGDeficit,
    DSGLine,
)
from boardpack.imports.framework import Change
from boardpack.imports.models import ImportRun
from tests.imports.helpers import csv_bytes, messages, prepare

pytestmark = pytest.mark.django_db

PERIOD = "2022-12"


@pytest.fixture
def month_9(somerset) -> ReportingPeriod:
    return ReportingPeriod.objects.get(organisation=somerset, month=dt.date(2022, 12, 1))


def history_counts() -> dict[str, int]:
    return {
        model.__name__: model.objects.count()
        for model in apps.get_app_config("finance").get_models()
        if model.__name__.startswith("Historical")
    }


def run(*args) -> str:
    out, err = io.StringIO(), io.StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue() + err.getvalue()


def export(tmp_path: Path, name: str = "dsg.xlsx") -> Path:
    path = tmp_path / name
    call_command("export", "dsg", "--period", PERIOD, "--format", "xlsx", "-o", str(path))
    return path


def edit(path: Path, sheet: str, row: int, heading: str, value: object) -> Path:
    """Set the cell under ``heading`` in spreadsheet row ``row`` of ``sheet``."""
    book = load_workbook(path)
    worksheet = book[sheet]
    headings = [cell.value for cell in worksheet[1]]
    worksheet.cell(row=row, column=headings.index(heading) + 1, value=value)
    book.save(path)
    return path


def row_of(path: Path, sheet: str, first_cells: tuple[object, ...]) -> int:
    """The spreadsheet row of ``sheet`` whose first cells are ``first_cells``."""
    book = load_workbook(path)
    for number, values in enumerate(book[sheet].iter_rows(values_only=True), start=1):
        if tuple(values[: len(first_cells)]) == first_cells:
            return number
    raise AssertionError(f"no row {first_cells} in {sheet}")


def by_key(preparation) -> dict[str, Change]:
    return {change.key: change for change in preparation.plan.changes}


# Round trip -----------------------------------------------------------------------------


def test_export_of_the_full_workbook_imports_unchanged(tmp_path, somerset, month_9):
    path = export(tmp_path)
    preparation = prepare("dsg", somerset, month_9, path.read_bytes())
    assert preparation.plan.problems == []
    assert [read.layout.sheet.name for read in preparation.tables] == ["allocation", "deficit"]
    changes = by_key(preparation)
    assert {k for k in changes if k.startswith(("allocation:", "deficit:"))} == {
        "allocation:high_needs",
        "allocation:central_school_services",
        "allocation:early_years",
        "allocation:schools",
        "allocation:total",
        "deficit:actual:2022-03-31",
        "deficit:forecast:2023-03-31",
    }
    assert {c.action for c in changes.values()} == {Change.UNCHANGED}

    before = history_counts()
    output = run("import", "dsg", str(path), "--period", PERIOD)
    assert "Reading the DSG allocation from sheet ‘allocation’" in output
    assert "0 new, 0 changed, 11 unchanged" in output
    assert history_counts() == before


def test_template_with_figures_has_three_sheets_and_imports_unchanged(tmp_path, somerset):
    path = tmp_path / "dsg-template.xlsx"
    run("import_template", "dsg", "-o", str(path), "--period", PERIOD, "--with-figures")
    book = load_workbook(path)
    assert book.sheetnames == ["DSG monitoring", "allocation", "deficit", "Guidance"]
    assert [c.value for c in book["deficit"][1]] == [
        "Actual or forecast",
        "As at",
        "Cumulative deficit £m",
    ]
    guidance = " ".join(
        str(c.value) for row in book["Guidance"].iter_rows() for c in row if c.value
    )
    assert "Sheet ‘allocation’" in guidance and "Total DSG" in guidance
    before = history_counts()
    output = run("import", "dsg", str(path), "--period", PERIOD)
    assert "0 new, 0 changed, 11 unchanged" in output
    assert history_counts() == before


# Changes --------------------------------------------------------------------------------


def test_changed_allocation_and_deficit_are_planned_and_applied(tmp_path, somerset, month_9):
    path = export(tmp_path)
    hnb = row_of(path, "allocation", ("line", "high_needs"))
    edit(path, "allocation", hnb, "before_recoupment", 77.0)
    edit(path, "allocation", hnb, "stated_after_recoupment", 68.2)
    forecast = row_of(path, "deficit", ("forecast",))
    edit(path, "deficit", forecast, "amount", 25.5)

    preparation = prepare("dsg", somerset, month_9, path.read_bytes())
    assert preparation.plan.problems == []
    changes = by_key(preparation)
    allocation = changes["allocation:high_needs"]
    assert allocation.action == Change.CHANGED
    assert allocation.changed_fields == ["before_recoupment", "after_recoupment"]
    assert (allocation.before["before_recoupment"], allocation.after["before_recoupment"]) == (
        "76.3",
        "77",
    )
    deficit = changes["deficit:forecast:2023-03-31"]
    assert (deficit.action, deficit.before, deficit.after) == (
        Change.CHANGED,
        {"amount": "24"},
        {"amount": "25.5"},
    )
    assert preparation.plan.changed_count == 2

    output = run("import", "dsg", str(path), "--period", PERIOD)
    assert "0 new, 2 changed" in output
    saved = DSGAllocation.objects.get(block__organisation=somerset, block__kind="high_needs")
    assert (saved.before_recoupment, saved.recoupment) == (Decimal("77"), Decimal("8.8"))
    assert saved.stated_after_recoupment == Decimal("68.2")
    assert saved.row_label == "High Needs Block (HNB)"  # kept as the reports write it
    figure = DSGDeficit.objects.get(organisation=somerset, period=month_9, kind="forecast")
    assert (figure.amount, figure.decimals_reported) == (Decimal("25.5"), 1)


def test_an_officers_own_workbook_in_the_reports_layout(somerset, month_9):
    """Headings as the DSG report writes them, a title above the allocation table, the stated
    Total DSG row, the after column derived when it is left out, and a new forecast date."""
    book = Workbook()
    monitoring = book.active
    monitoring.title = "Month 9"
    monitoring.append(
        ["DSG Block", "Current Budget (£m)", "Full Year Projection (£m)", "Month 9 variance (£m)"]
    )
    monitoring.append(["High Needs Block (HNB)", 67.5, 71.6, 4.1])
    allocation = book.create_sheet("DSG allocation 2022-23")
    allocation.append(["2022/23 DSG allocation"])
    allocation.append([])
    allocation.append(
        [
            "DSG Block",
            "Allocation (before recoupment and deductions)",
            "Recoupment and Deductions (Academy/ NNDR)",
        ]
    )
    allocation.append(["High Needs Block (HNB)", 76.3, 8.8])
    allocation.append(["Early Years (EYB) *", 29.5, "-"])
    allocation.append(["Total DSG", 468.4, 242.1])
    deficit = book.create_sheet("Deficit")
    deficit.append(["Actual or forecast", "As at", "DSG deficit £m"])
    deficit.append(["Actual", "31/03/2022", "20.1"])
    deficit.append(["Forecast", dt.datetime(2023, 3, 31), "£24m"])
    deficit.append(["Forecast", "31 March 2024", 27])
    buffer = io.BytesIO()
    book.save(buffer)

    preparation = prepare("dsg", somerset, month_9, buffer.getvalue(), "dsg.xlsx")
    assert preparation.plan.problems == []
    assert [(r.layout.sheet.name, r.layout.header_row) for r in preparation.tables] == [
        ("DSG allocation 2022-23", 3),
        ("Deficit", 1),
    ]
    changes = by_key(preparation)
    assert changes["allocation:high_needs"].action == Change.UNCHANGED
    early_years = changes["allocation:early_years"]
    assert early_years.action == Change.CHANGED
    assert early_years.after["after_recoupment"] == "29.5 (derived)"
    total = changes["allocation:total"]
    assert total.changed_fields == ["before_recoupment", "after_recoupment"]
    assert changes["deficit:forecast:2023-03-31"].action == Change.UNCHANGED
    assert changes["deficit:forecast:2024-03-31"].action == Change.NEW


def test_csv_is_read_as_the_monitoring_table_and_says_so(tmp_path, somerset, month_9):
    path = tmp_path / "dsg.csv"
    call_command("export", "dsg", "--period", PERIOD, "--format", "csv", "-o", str(path))
    preparation = prepare("dsg", somerset, month_9, path.read_bytes(), "dsg.csv")
    assert preparation.plan.problems == [] and preparation.tables == []
    assert any(
        "A CSV file holds one table, so Boardpack reads it as the DSG monitoring table" in note
        for note in preparation.plan.notes
    )


# Bad input ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sheet", "first_cells", "heading", "value", "column", "message"),
    [
        (
            "allocation",
            ("line", "schools"),
            "before_recoupment",
            "lots",
            "E",
            "must be an amount of money",
        ),
        ("allocation", ("line", "schools"), "block", "Pupil Premium", "B", "no DSG block called"),
        ("deficit", ("actual",), "as_at", "end of March", "B", "must be a date"),
        ("deficit", ("forecast",), "kind", "Estimate", "A", "Actual or Forecast, not ‘Estimate’"),
    ],
)
def test_bad_input_is_refused_at_its_cell_and_nothing_is_written(
    tmp_path, somerset, month_9, sheet, first_cells, heading, value, column, message
):
    path = export(tmp_path)
    row = row_of(path, sheet, first_cells)
    edit(path, sheet, row, heading, value)
    # A good change elsewhere must not be written either.
    edit(path, "dsg", row_of(path, "dsg", ("line", "high_needs")), "projection", 72.0)

    preparation = prepare("dsg", somerset, month_9, path.read_bytes())
    [problem] = preparation.plan.problems
    assert (problem.sheet, problem.row, problem.column) == (sheet, row, column)
    assert message in problem.message

    before = history_counts()
    with pytest.raises(CommandError, match="1 problem"):
        run("import", "dsg", str(path), "--period", PERIOD)
    assert history_counts() == before
    assert DSGLine.objects.get(period=month_9, block__kind="high_needs").projection == Decimal(
        "71.6"
    )


def test_every_problem_in_every_sheet_is_reported_at_once(tmp_path, somerset, month_9):
    path = export(tmp_path)
    edit(path, "allocation", row_of(path, "allocation", ("line", "schools")), "recoupment", "x")
    edit(path, "allocation", row_of(path, "allocation", ("line", "early_years")), "block", "?")
    edit(path, "deficit", row_of(path, "deficit", ("actual",)), "as_at", "soon")
    edit(path, "deficit", row_of(path, "deficit", ("forecast",)), "kind", "guess")
    edit(path, "dsg", row_of(path, "dsg", ("line", "high_needs")), "current_budget", "n/a")
    preparation = prepare("dsg", somerset, month_9, path.read_bytes())
    assert [(p.sheet, p.column) for p in preparation.plan.problems] == [
        ("allocation", "B"),
        ("allocation", "F"),
        ("deficit", "B"),
        ("deficit", "A"),
        ("dsg", "D"),
    ], messages(preparation)


def test_a_sheet_named_allocation_without_its_columns_is_named(somerset, month_9):
    book = Workbook()
    book.active.title = "dsg"
    book.active.append(["DSG block", "Current budget", "Full year projection"])
    book.active.append(["High Needs Block (HNB)", 67.5, 71.6])
    book.create_sheet("allocation").append(["DSG block", "Grant"])
    buffer = io.BytesIO()
    book.save(buffer)
    preparation = prepare("dsg", somerset, month_9, buffer.getvalue())
    [problem] = preparation.plan.problems
    assert problem.sheet == "allocation" and problem.header == "Allocation before recoupment"


def test_a_refusal_while_applying_rolls_back_the_monitoring_rows_too(
    tmp_path, somerset, month_9, monkeypatch
):
    from boardpack.imports.datasets.dsg import deficit

    def refuse(**kwargs):
        raise ValidationError({"amount": "Refused for the test."})

    monkeypatch.setattr(deficit, "dsg_deficit_set", refuse)
    path = export(tmp_path)
    edit(path, "dsg", row_of(path, "dsg", ("line", "high_needs")), "projection", 72.0)
    edit(path, "deficit", row_of(path, "deficit", ("forecast",)), "amount", 25)
    before = history_counts()
    with pytest.raises(Exception, match="nothing was written"):
        run("import", "dsg", str(path), "--period", PERIOD)
    assert history_counts() == before


# The monitoring-only workbook -----------------------------------------------------------


def test_a_workbook_with_only_the_monitoring_sheet_imports_as_before(tmp_path, somerset, month_9):
    path = export(tmp_path)
    book = load_workbook(path)
    del book["allocation"], book["deficit"]
    book.save(path)
    edit(path, "dsg", row_of(path, "dsg", ("line", "high_needs")), "projection", 72.0)
    preparation = prepare("dsg", somerset, month_9, path.read_bytes())
    assert preparation.tables == [] and preparation.plan.problems == []
    assert [c.key for c in preparation.plan.to_write] == ["high_needs"]
    assert preparation.plan.notes[0] == (
        "Row 6 is a total row: Boardpack computes it, so it is not imported."
    )
    # the stated total is kept and reconciled with the blocks in the preview
    assert preparation.plan.notes[1].startswith("Row 6 ("), preparation.plan.notes
    allocations = DSGAllocation.objects.count(), DSGAllocationStatedTotal.objects.count()
    output = run("import", "dsg", str(path), "--period", PERIOD)
    assert "0 new, 1 changed, 3 unchanged" in output and "DSG allocation" not in output
    assert DSGLine.objects.get(period=month_9, block__kind="high_needs").projection == Decimal("72")
    assert (DSGAllocation.objects.count(), DSGAllocationStatedTotal.objects.count()) == allocations


def test_a_one_sheet_monitoring_csv_still_imports(somerset, month_9):
    data = csv_bytes(
        [
            ["DSG block", "Current budget £m", "Full year projection £m"],
            ["High Needs Block (HNB)", "67.5", "72.0"],
        ]
    )
    preparation = prepare("dsg", somerset, month_9, data, "dsg.csv")
    assert preparation.plan.problems == []
    assert [c.key for c in preparation.plan.to_write] == ["high_needs"]


# The preview page -----------------------------------------------------------------------


def test_preview_lists_allocation_and_deficit_changes(tmp_path, signed_in):
    path = export(tmp_path)
    edit(path, "allocation", row_of(path, "allocation", ("line", "high_needs")), "recoupment", 9.1)
    edit(path, "deficit", row_of(path, "deficit", ("forecast",)), "amount", 25.5)
    client = signed_in("finance")
    handle = io.BytesIO(path.read_bytes())
    handle.name = "dsg.xlsx"
    response = client.post(
        reverse("imports:start", kwargs={"org": "somerset"}),
        {"dataset": "dsg", "period": PERIOD, "unit": "", "file": handle},
    )
    preview = client.get(response["Location"])
    page = preview.content.decode()
    assert preview.status_code == 200
    assert "DSG allocation read from" in page and "Sheet ‘deficit’, headings in row 1" in page
    assert '<h3 class="govuk-heading-m">DSG allocation</h3>' in page
    assert '<h3 class="govuk-heading-m">DSG deficit</h3>' in page
    assert "Recoupment and deductions £m" in page and "Cumulative deficit £m" in page
    assert "Apply 2 changes" in page

    run_record = ImportRun.objects.latest("pk")
    client.post(
        reverse("imports:apply", kwargs={"org": "somerset", "run": run_record.pk}),
        {"fingerprint": run_record.plan_fingerprint},
    )
    run_record.refresh_from_db()
    assert run_record.status == ImportRun.Status.APPLIED
    assert DSGAllocation.objects.get(
        block__organisation__slug="somerset", block__kind="high_needs"
    ).recoupment == Decimal("9.1")


def test_a_stated_total_that_differs_from_its_blocks_survives_the_round_trip(
    tmp_path, somerset, month_9
):
    from boardpack.finance.models import DSGAllocationStatedTotal

    stated = DSGAllocationStatedTotal.objects.get(organisation=somerset, financial_year=2022)
    stated.before_recoupment = Decimal("468.1")  # the source's own total, 0.1 off its blocks
    stated.save()
    path = export(tmp_path)
    run("import", "dsg", str(path), "--period", PERIOD)
    stated.refresh_from_db()
    assert stated.before_recoupment == Decimal("468.1")
