"""Revenue budget monitoring: divisions with their lines, subtotals and the total."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db.models import QuerySet

from boardpack.core.models import Organisation, ReportingPeriod
from boardpack.finance.models import (
    BudgetLine,
    BudgetStatedTotal,
    ServiceArea,
)
from boardpack.finance.selectors.monitoring import (
    monitoring_row,
    period_header,
    previous_reported_period,
    stated_line_figures,
    stated_total_figures,
    sum_row,
)


def _division(line: BudgetLine) -> ServiceArea:
    """The division a monitored service line sits in (a service line always has one)."""
    division = line.service_area.parent
    if division is None:
        raise ValueError(f"{line.service_area} is monitored but belongs to no division")
    return division


def budget_lines_for_period(
    organisation: Organisation, period: ReportingPeriod
) -> QuerySet[BudgetLine]:
    return BudgetLine.objects.filter(
        service_area__organisation=organisation, period=period
    ).select_related("service_area", "service_area__parent", "service_area__parent__parent")


def budget_document(organisation: Organisation, period: ReportingPeriod) -> dict[str, Any]:
    """Revenue budget monitoring: divisions with their lines, subtotals and the total."""
    reported = BudgetLine.objects.filter(service_area__organisation=organisation)
    previous_period = previous_reported_period(period, reported)
    lines = list(budget_lines_for_period(organisation, period))
    previous = {
        line.service_area_id: line.projection - line.current_budget
        for line in (
            budget_lines_for_period(organisation, previous_period) if previous_period else []
        )
    }
    stated_totals = {
        t.service_area_id: t
        for t in BudgetStatedTotal.objects.filter(
            service_area__organisation=organisation, period=period
        )
    }
    lines.sort(key=lambda x: (_division(x).order, x.service_area.order))
    divisions: list[dict[str, Any]] = []
    directorate: ServiceArea | None = None
    all_rows: list[dict[str, Any]] = []
    all_previous: list[Decimal | None] = []
    by_division: dict[int, tuple[ServiceArea, list[BudgetLine]]] = {}
    for line in lines:
        division = _division(line)
        by_division.setdefault(division.pk, (division, []))[1].append(line)
        directorate = division.parent
    for division, division_lines in by_division.values():
        rows = []
        prev = []
        for line in division_lines:
            prev.append(previous.get(line.service_area_id))
            rows.append(
                monitoring_row(
                    label=line.service_area.name,
                    budget=line.current_budget,
                    projection=line.projection,
                    previous_variance=prev[-1],
                    stated=stated_line_figures(line),
                )
            )
        subtotal = sum_row(
            "sub total", rows, prev, stated_total_figures(stated_totals.get(division.pk))
        )
        divisions.append({"name": division.name, "lines": rows, "subtotal": subtotal})
        all_rows += rows
        all_previous += prev
    total_label = f"{directorate.name} Total" if directorate else "Total"
    total = sum_row(
        total_label,
        all_rows,
        all_previous,
        stated_total_figures(stated_totals.get(directorate.pk) if directorate else None),
    )
    return {
        **period_header(period, previous_period),
        "directorate": directorate.name if directorate else None,
        "divisions": divisions,
        "total": total,
    }
