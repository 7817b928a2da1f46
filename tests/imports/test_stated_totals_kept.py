"""The totals and subtotals a file states are kept as stated totals for the period (for the
quality checks), not only reconciled in the preview: budget, DSG and savings, through the
import service and the upload pages."""

import io
from decimal import Decimal

import pytest
from django.urls import reverse

from boardpack.core.models import ReportingPeriod
from boardpack.finance.models import (
    BudgetLine,
    BudgetStatedTotal,
    DSGLine,
    DSGStatedTotal,
    SavingPosition,
    SavingsStatedTotal,
    ServiceArea,
)
from boardpack.imports.framework import ImportContext
from boardpack.imports.models import ImportRun
from boardpack.imports.registry import get
from boardpack.imports.services import apply_plan
from tests.imports.helpers import SAVINGS_HEADER, messages, prepare, xlsx

pytestmark = pytest.mark.django_db

BUDGET_HEADER = ["Service", "Budget £000", "Forecast outturn £000"]


def month(organisation, key: str) -> ReportingPeriod:
    return ReportingPeriod.objects.get(organisation=organisation, month=f"{key}-01")


def thousands(value: Decimal) -> str:
    return f"{value * 1000:,.0f}"


def division_of(line: BudgetLine) -> ServiceArea:
    division = line.service_area.parent
    assert division is not None
    return division


def budget_table(period, *, bump: Decimal = Decimal(0), only: str | None = None) -> list:
    """The period's budget lines as a council lays them out: a heading row per division, its
    lines, a "<division> total" row, and the directorate's total named after it, in £000.
    ``bump`` is added to the first line's budget (and so to its totals)."""
    rows: list[list] = [["Children's Services revenue monitoring, December 2022"], BUDGET_HEADER]
    lines = BudgetLine.objects.filter(period=period).select_related("service_area__parent")
    by_division: dict[ServiceArea, list[BudgetLine]] = {}
    for line in sorted(lines, key=lambda x: (division_of(x).order, x.service_area.order)):
        by_division.setdefault(division_of(line), []).append(line)
    grand = [Decimal(0), Decimal(0)]
    first = True
    for division, division_lines in by_division.items():
        if only and division.name != only:
            continue
        rows.append([division.name])
        sums = [Decimal(0), Decimal(0)]
        for line in division_lines:
            budget = line.current_budget + (bump if first else 0)
            first = False
            rows.append([line.service_area.name, thousands(budget), thousands(line.projection)])
            sums = [sums[0] + budget, sums[1] + line.projection]
        rows.append([f"{division.name} total", thousands(sums[0]), thousands(sums[1])])
        grand = [grand[0] + sums[0], grand[1] + sums[1]]
    if not only:
        directorate = next(iter(by_division)).parent
        assert directorate is not None
        rows.append([directorate.name, thousands(grand[0]), thousands(grand[1])])
    return rows


def apply(dataset, organisation, period, data, name="upload.xlsx"):
    preparation = prepare(dataset, organisation, period, data, name)
    assert preparation.plan.ok, messages(preparation)
    apply_plan(
        importer=get(dataset),
        context=ImportContext(organisation, period),
        plan=preparation.plan,
    )
    return preparation


def test_a_budget_tables_subtotals_and_total_are_kept_for_their_areas(somerset):
    period = month(somerset, "2022-12")
    first_division = (
        BudgetLine.objects.filter(period=period)
        .order_by("service_area__parent__order", "service_area__order")
        .first()
        .service_area.parent
    )
    directorate = first_division.parent
    before = {
        t.service_area_id: t.current_budget for t in BudgetStatedTotal.objects.filter(period=period)
    }
    history = BudgetStatedTotal.history.count()
    division_label = BudgetStatedTotal.objects.get(service_area=first_division, period=period).label

    preparation = apply("budget", somerset, period, xlsx(budget_table(period, bump=Decimal("0.2"))))

    kept = {t.label for t in preparation.plan.stated_totals}
    assert f"{first_division.name}, sub total (as stated)" in kept
    assert f"{directorate.name}, total (as stated)" in kept
    division_total = BudgetStatedTotal.objects.get(service_area=first_division, period=period)
    assert division_total.current_budget == before[first_division.pk] + Decimal("0.2")
    assert division_total.label == division_label  # how reports name it is kept
    directorate_total = BudgetStatedTotal.objects.get(service_area=directorate, period=period)
    assert directorate_total.current_budget == before[directorate.pk] + Decimal("0.2")
    # the other divisions' subtotals are unchanged: not written again
    assert BudgetStatedTotal.history.count() == history + 2
    # and the stated totals are not lines
    assert not BudgetLine.objects.filter(service_area__level="division").exists()


def test_a_subtotal_of_some_of_a_divisions_lines_is_checked_not_kept(somerset):
    period = month(somerset, "2022-12")
    division = ServiceArea.objects.get(organisation=somerset, name="Children's Social Care")
    rows = budget_table(period, only=division.name)
    del rows[3]  # one line fewer: its total is the file's, not the division's
    rows[-1] = [
        rows[-1][0],
        *(
            thousands(sum(Decimal(r[i].replace(",", "")) / 1000 for r in rows[3:-1]))
            for i in (1, 2)
        ),
    ]
    stored = list(BudgetStatedTotal.objects.filter(period=period).values())
    preparation = apply("budget", somerset, period, xlsx(rows))
    assert preparation.plan.stated_totals == []
    assert any("checked, but not kept" in note for note in preparation.plan.notes)
    assert list(BudgetStatedTotal.objects.filter(period=period).values()) == stored


def test_a_dsg_total_row_is_kept_for_the_period(somerset):
    period = month(somerset, "2022-12")
    rows = [["DSG block", "Current budget £m", "Full year projection £m"]]
    lines = DSGLine.objects.filter(period=period).select_related("block")
    for line in lines:
        projection = line.projection + (Decimal("0.3") if line.block.kind == "high_needs" else 0)
        rows.append([line.row_label or line.block.name, str(line.current_budget), str(projection)])
    budget = sum(line.current_budget for line in lines)
    projection = sum(line.projection for line in lines) + Decimal("0.3")
    rows.append(["Total DSG", str(budget), str(projection)])
    history = DSGStatedTotal.history.count()

    apply("dsg", somerset, period, xlsx(rows))

    total = DSGStatedTotal.objects.get(organisation=somerset, period=period)
    assert (total.current_budget, total.projection) == (budget, projection)
    assert total.label == "Total"  # as the demo's report names it
    assert DSGStatedTotal.history.count() == history + 1


def test_a_savings_totals_row_is_kept_and_a_blank_part_stays_blank(somerset):
    june = month(somerset, "2024-06")
    positions = SavingPosition.objects.filter(period=june).select_related("line")
    rows = [SAVINGS_HEADER]
    target = achieved = Decimal(0)
    for position in positions:
        line = position.line
        rows.append([line.reference, "", str(line.target), "", str(line.target), "", "", ""])
        target += line.target
        achieved += line.target
    rows.append(["", "TOTALS", str(target), "", str(achieved), "", "", ""])

    apply("savings", somerset, june, xlsx(rows))

    stated = SavingsStatedTotal.objects.get(organisation=somerset, period=june, financial_year=2024)
    assert (stated.target, stated.achieved) == (target, achieved)
    assert stated.over_achieved is None and stated.at_risk is None  # blank, not £0


def test_the_preview_lists_the_stated_totals_kept_and_apply_keeps_them(signed_in, somerset):
    client = signed_in("finance")
    period = month(somerset, "2022-12")
    handle = io.BytesIO(xlsx(budget_table(period, bump=Decimal("0.1"))))
    handle.name = "monitoring.xlsx"
    response = client.post(
        reverse("imports:start", kwargs={"org": "somerset"}),
        {"dataset": "budget", "period": "2022-12", "unit": "", "file": handle},
    )
    page = client.get(response["Location"]).content.decode()
    assert "Stated totals kept" in page
    assert "Children&#x27;s Services, total (as stated)" in page
    run = ImportRun.objects.latest("pk")
    response = client.post(
        reverse("imports:apply", kwargs={"org": "somerset", "run": run.pk}),
        {"fingerprint": run.plan_fingerprint},
    )
    assert response.status_code == 302 and response["Location"].endswith("/done/")
    directorate = ServiceArea.objects.get(organisation=somerset, level="directorate")
    total = BudgetStatedTotal.objects.get(service_area=directorate, period=period)
    assert total.current_budget == Decimal("105.4")  # the seed's 105.3, and the file's 0.1
