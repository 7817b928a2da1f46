"""Imports written in bulk keep what the row-by-row writes did: a history row for every record
added or changed (with the user who applied it), nothing at all when the database refuses a
row in the middle, every refusal named at its row, and files too long refused before parsing."""

import importlib
import io

import pytest
from django.core.management import call_command
from openpyxl import Workbook

from boardpack.accounts.models import User
from boardpack.core.models import ReportingPeriod
from boardpack.finance.models import BudgetLine, SavingLine, SavingPosition, ServiceArea
from boardpack.imports.framework import ImportContext
from boardpack.imports.registry import get
from boardpack.imports.services import (
    ImportRefused,
    apply_plan,
    import_run_apply,
    import_run_create,
    import_run_prepare,
    prepare_import,
)
from tests.imports.helpers import SAVINGS_HEADER, csv_bytes, xlsx

pytestmark = pytest.mark.django_db
import_command = importlib.import_module("boardpack.imports.management.commands.import")

NEW_LINES = [
    ["CFE901", "Shared transport contract", "50,000", "", "20,000", "30,000", "", "New"],
    ["CFE902", "Review of agency social workers", "75,500", "", "", "", "75,500", ""],
    ["CFE903", "Fewer out-of-county placements", "10,000", "", "10,000", "", "", ""],
]


def june(organisation) -> ReportingPeriod:
    return ReportingPeriod.objects.get(organisation=organisation, month="2024-06-01")


def counts() -> dict[str, int]:
    return {
        "lines": SavingLine.objects.count(),
        "positions": SavingPosition.objects.count(),
        "line history": SavingLine.history.count(),
        "position history": SavingPosition.history.count(),
    }


def cfe010_changed() -> list[str]:
    position = SavingPosition.objects.get(line__reference="CFE010", period__month="2024-06-01")
    parts = [position.over_achieved, position.achieved, position.on_track, position.at_risk]
    return ["CFE010", "", "11,100", *["" if v is None else f"{v:,.0f}" for v in parts], "Moved"]


def test_every_record_added_or_changed_has_its_history_row_with_the_user(somerset):
    finance = User.objects.get(username="finance")
    data = xlsx([SAVINGS_HEADER, cfe010_changed(), *NEW_LINES])
    before = counts()
    run = import_run_create(
        organisation=somerset,
        period=june(somerset),
        dataset="savings",
        user=finance,
        file_name="tracker.xlsx",
        data=data,
        add_new=True,
    )
    plan = import_run_prepare(run=run, importer=get("savings")).plan
    assert (plan.new_count, plan.changed_count) == (3, 1)
    import_run_apply(run=run, importer=get("savings"), fingerprint=run.plan_fingerprint)
    after = counts()
    # three lines and their positions added, one position changed; CFE010's line is unchanged
    assert after["lines"] - before["lines"] == 3
    assert after["line history"] - before["line history"] == 3
    assert after["positions"] - before["positions"] == 3
    assert after["position history"] - before["position history"] == 4
    for reference in ("CFE901", "CFE902", "CFE903"):
        line = SavingLine.objects.get(organisation=somerset, reference=reference)
        (record,) = line.history.all()
        assert record.history_type == "+" and record.history_user == finance
        (position_record,) = line.positions.get().history.all()
        assert position_record.history_type == "+" and position_record.history_user == finance
        assert position_record.history_change_reason is None  # as a save() records it
    changed = SavingPosition.objects.get(line__reference="CFE010", period__month="2024-06-01")
    latest = changed.history.first()
    assert latest.history_type == "~" and latest.comment == "Moved"
    assert latest.history_user == finance
    assert latest.prev_record is not None and latest.prev_record.comment != "Moved"


def test_budget_lines_and_new_service_lines_have_history(somerset):
    period = ReportingPeriod.objects.get(organisation=somerset, month="2022-12-01")
    line = BudgetLine.objects.filter(period=period).select_related("service_area__parent").first()
    area = line.service_area
    data = csv_bytes(
        [
            ["Division", "Service area", "Current budget", "Full year projection"],
            [area.parent.name, area.name, str(line.current_budget + 1), str(line.projection)],
            [area.parent.name, "Bulk test line", "1.5", "1.25"],
        ]
    )
    history = (BudgetLine.history.count(), ServiceArea.history.count())
    context = ImportContext(somerset, period, None, add_new=True)
    plan = prepare_import(
        importer=get("budget"), context=context, data=data, file_name="budget.csv"
    ).plan
    assert not plan.problems and (plan.new_count, plan.changed_count) == (1, 1)
    apply_plan(importer=get("budget"), context=context, plan=plan)
    assert (BudgetLine.history.count(), ServiceArea.history.count()) == (
        history[0] + 2,
        history[1] + 1,
    )
    new_area = ServiceArea.objects.get(organisation=somerset, name="Bulk test line")
    assert new_area.parent == area.parent and new_area.history.get().history_type == "+"
    new_line = BudgetLine.objects.get(service_area=new_area, period=period)
    assert str(new_line.current_budget) == "1.500" and new_line.history.count() == 1
    line.refresh_from_db()
    assert line.history.first().history_type == "~"
    assert line.history.first().current_budget == line.current_budget


def test_a_database_refusal_in_the_middle_leaves_nothing(somerset):
    """Another user adds CFE902 after the preview: the insert of the second row fails in the
    database, and neither the first nor the third row, nor any history, is kept."""
    context = ImportContext(somerset, june(somerset), None, add_new=True)
    data = xlsx([SAVINGS_HEADER, cfe010_changed(), *NEW_LINES])
    plan = prepare_import(
        importer=get("savings"), context=context, data=data, file_name="t.xlsx"
    ).plan
    assert plan.ok and plan.new_count == 3
    SavingLine.objects.create(
        organisation=somerset,
        reference="CFE902",
        description="Added by someone else",
        financial_year=2024,
        target=75_500,
    )
    before = counts()
    cfe010 = SavingPosition.objects.get(line__reference="CFE010", period__month="2024-06-01")
    with pytest.raises(ImportRefused) as refused:
        apply_plan(importer=get("savings"), context=context, plan=plan)
    assert "changed while this import was being applied" in str(refused.value.problems[0])
    assert counts() == before
    assert not SavingLine.objects.filter(reference__in=["CFE901", "CFE903"]).exists()
    cfe010.refresh_from_db()
    assert cfe010.comment != "Moved"


def test_each_refusal_is_named_at_its_row_and_nothing_is_written(somerset):
    """What the domain refuses when applying (here a NUL in a comment, which PostgreSQL
    cannot store) is reported for every row, as the row-by-row services reported it."""
    context = ImportContext(somerset, june(somerset), None, add_new=True)
    data = xlsx([SAVINGS_HEADER, *NEW_LINES])
    plan = prepare_import(
        importer=get("savings"), context=context, data=data, file_name="t.xlsx"
    ).plan
    first, _, third = plan.changes
    for change in (first, third):
        change.payload["position"].comment = "bad\x00text"
    before = counts()
    with pytest.raises(ImportRefused) as refused:
        apply_plan(importer=get("savings"), context=context, plan=plan)
    assert [str(p) for p in refused.value.problems] == [
        f"Row {change.row}: {change.label}: The text contains a NUL character: retype it."
        for change in (first, third)
    ]
    assert counts() == before


def test_a_csv_longer_than_the_limit_is_refused_before_it_is_parsed(somerset):
    rows = [SAVINGS_HEADER] + [[f"X{n}", "d", "1", "", "1", "", "", ""] for n in range(20_100)]
    context = ImportContext(somerset, june(somerset), None)
    preparation = prepare_import(
        importer=get("savings"), context=context, data=csv_bytes(rows), file_name="big.csv"
    )
    (problem,) = preparation.plan.problems
    assert "20,101 rows" in problem.message and "up to 20,000 rows" in problem.message
    assert preparation.layout is None  # refused whole: no row was read


def test_a_sheet_whose_dimension_is_beyond_the_limit_is_refused_with_its_row_count(somerset):
    book = Workbook()  # its sheets state their dimension, as Excel's do
    sheet = book.active
    sheet.append(SAVINGS_HEADER)
    for n in range(20_060):
        sheet.append([f"X{n}", "d", 1, None, 1])
    buffer = io.BytesIO()
    book.save(buffer)
    context = ImportContext(somerset, june(somerset), None)
    preparation = prepare_import(
        importer=get("savings"), context=context, data=buffer.getvalue(), file_name="big.xlsx"
    )
    assert [p.message[:26] for p in preparation.plan.problems] == ["The sheet has 20,061 rows:"]
    assert preparation.layout is not None and len(preparation.layout.sheet.rows) <= 50
    assert preparation.plan.changes == []


def test_the_command_shows_a_progress_bar_on_a_long_import(tmp_path, somerset, monkeypatch):
    monkeypatch.setattr(import_command, "LONG_IMPORT_ROWS", 2)
    path = tmp_path / "tracker.xlsx"
    path.write_bytes(xlsx([SAVINGS_HEADER, *NEW_LINES]))
    out, err = io.StringIO(), io.StringIO()
    call_command(
        "import", "savings", str(path), "--period", "2024-06", "--add-new", stdout=out, stderr=err
    )
    assert "3 new, 0 changed" in out.getvalue()
    bars = err.getvalue()
    for label in ("Reading rows", "Checking rows", "Writing records"):
        assert label in bars
    assert "3/3" in bars and "6/6" in bars  # three lines and their three positions written
