"""Reads: the finance tables for a period, every figure computed here and nowhere else.

Each ``*_document`` returns the JSON-ready document that the export, the API and the pages all
use. Amounts are strings (never floats); ``printed`` gives each figure as the seed prints it
(``(0.4)``, ``9,568,900``) and ``stated`` what the source itself stated, where it did.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import QuerySet

from boardpack.core.models import Organisation, ReportingPeriod
from boardpack.finance import calculations as calc
from boardpack.finance.models import (
    BudgetLine,
    BudgetStatedTotal,
    DSGAllocation,
    DSGAllocationStatedTotal,
    DSGDeficit,
    DSGLine,
    DSGStatedTotal,
    SavingPosition,
    ServiceArea,
)
from boardpack.periods import FinancialYear

PLACES = 1  # the seed's £m tables print to 0.1
SAVING_PARTS = ("over_achieved", "achieved", "on_track", "at_risk")
SAVING_AMOUNTS = ("target",) + SAVING_PARTS


# --------------------------------------------------------------------------------------------
# Periods


def previous_reported_period(
    period: ReportingPeriod, reported: QuerySet[Any], *, same_financial_year: bool = True
) -> ReportingPeriod | None:
    """The latest earlier period with figures in ``reported`` (a queryset with ``period``):
    Month 9's previous is Month 7 when Month 8 was not reported."""
    earlier = ReportingPeriod.objects.filter(
        organisation_id=period.organisation_id,
        month__lt=period.month,
        pk__in=reported.values("period"),
    )
    if same_financial_year:
        start = period.period.financial_year.start_year
        earlier = earlier.filter(month__gte=f"{start}-04-01")
    return earlier.order_by("-month").first()


# --------------------------------------------------------------------------------------------
# Savings


def savings_positions_for_period(
    organisation: Organisation, period: ReportingPeriod
) -> list[SavingPosition]:
    return list(
        SavingPosition.objects.filter(line__organisation=organisation, period=period)
        .select_related("line")
        .order_by("line__financial_year", "line__order", "line__reference")
    )


def savings_totals(positions: list[SavingPosition]) -> dict[str, Decimal]:
    totals = {name: calc.ZERO for name in SAVING_AMOUNTS}
    for position in positions:
        totals["target"] += position.line.target
        for name in SAVING_PARTS:
            totals[name] += getattr(position, name)
    return totals


def savings_document(organisation: Organisation, period: ReportingPeriod) -> dict[str, Any]:
    """``{"period", "lines": [...], "totals": {...}}`` exactly; amounts as strings of £."""
    positions = savings_positions_for_period(organisation, period)
    lines = []
    for position in positions:
        line = position.line
        amounts = {"target": line.target} | {p: getattr(position, p) for p in SAVING_PARTS}
        lines.append(
            {
                "ref": line.reference,
                "description": line.description,
                **{k: calc.pounds_string(v) for k, v in amounts.items()},
                "comment": position.comment,
            }
        )
    totals = savings_totals(positions)
    return {
        "period": period.key,
        "lines": lines,
        "totals": {k: calc.pounds_string(v) for k, v in totals.items()},
    }


@dataclass
class SavingRow:
    position: SavingPosition
    previous: SavingPosition | None
    changes: dict[str, Decimal] = field(default_factory=dict)

    @property
    def changed(self) -> bool:
        return any(self.changes.values())


def savings_tracker(organisation: Organisation, period: ReportingPeriod) -> dict[str, Any]:
    """The tracker as the page shows it: lines, totals, stated totals and the change of each
    part since the line's previous reported position."""
    positions = savings_positions_for_period(organisation, period)
    earlier = {
        p.line_id: p
        for p in SavingPosition.objects.filter(
            line__in=[p.line for p in positions], period__month__lt=period.month
        )
        .select_related("period")
        .order_by("period__month")
    }
    rows = []
    for position in positions:
        previous = earlier.get(position.line_id)
        changes = (
            {p: getattr(position, p) - getattr(previous, p) for p in SAVING_PARTS}
            if previous
            else {}
        )
        rows.append(SavingRow(position=position, previous=previous, changes=changes))
    years = sorted({p.line.financial_year for p in positions})
    from boardpack.finance.models import SavingsStatedTotal

    stated = SavingsStatedTotal.objects.filter(organisation=organisation, period=period).first()
    return {
        "period": period,
        "years": [FinancialYear(y) for y in years],
        "rows": rows,
        "totals": savings_totals(positions),
        "stated": stated,
        "any_previous": any(r.previous for r in rows),
    }


# --------------------------------------------------------------------------------------------
# Monitoring tables (revenue budget and DSG)


def _amount(value: Decimal | None) -> str | None:
    return calc.millions_string(value)


def _printed(value: Decimal | None, negative: bool = False) -> str:
    return calc.format_millions(value, PLACES, negative=negative)


def monitoring_row(
    *,
    label: str,
    budget: Decimal | None,
    projection: Decimal | None,
    previous_variance: Decimal | None,
    stated: dict[str, Any] | None = None,
    **extra: Any,
) -> dict[str, Any]:
    """One row of a monitoring table with every computed figure and what the source stated."""
    variance = (
        calc.variance(budget=budget, projection=projection)
        if budget is not None and projection is not None
        else None
    )
    movement = calc.movement(variance, previous_variance)
    row = {
        "label": label,
        **extra,
        "current_budget": _amount(budget),
        "projection": _amount(projection),
        "variance": _amount(variance),
        "marker": calc.marker(variance, PLACES),
        "movement": _amount(movement),
        "direction": calc.direction(movement, PLACES),
        "printed": {
            "current_budget": _printed(budget),
            "projection": _printed(projection),
            "variance": _printed(variance),
            "movement": _printed(movement),
        },
        "stated": stated or {},
    }
    return row


def _stated_line(line: BudgetLine | DSGLine) -> dict[str, Any]:
    stated: dict[str, Any] = {}
    if line.stated_variance is not None:
        stated["variance"] = _amount(line.stated_variance)
        stated["variance_printed"] = _printed(line.stated_variance, line.stated_variance_negative)
    if line.stated_marker:
        stated["marker"] = line.stated_marker
    if line.stated_movement is not None:
        stated["movement"] = _amount(line.stated_movement)
        stated["movement_printed"] = _printed(line.stated_movement, line.stated_movement_negative)
    if line.stated_direction:
        stated["direction"] = line.stated_direction
    return stated


def _stated_total(total: BudgetStatedTotal | DSGStatedTotal | None) -> dict[str, Any]:
    if total is None:
        return {}
    stated: dict[str, Any] = {"label": total.label} if total.label else {}
    for name in ("current_budget", "projection"):
        value = getattr(total, name)
        if value is not None:
            stated[name] = _amount(value)
            stated[f"{name}_printed"] = _printed(value)
    if total.variance is not None:
        stated["variance"] = _amount(total.variance)
        stated["variance_printed"] = _printed(total.variance, total.variance_negative)
    if total.marker:
        stated["marker"] = total.marker
    if total.movement is not None:
        stated["movement"] = _amount(total.movement)
        stated["movement_printed"] = _printed(total.movement, total.movement_negative)
    if total.direction:
        stated["direction"] = total.direction
    return stated


def _sum_row(
    label: str, rows: list[dict[str, Any]], previous: list[Decimal | None], stated: dict
) -> dict[str, Any]:
    budget = calc.total(Decimal(r["current_budget"]) for r in rows)
    projection = calc.total(Decimal(r["projection"]) for r in rows)
    known_previous = [p for p in previous if p is not None]
    previous_variance = calc.total(known_previous) if known_previous else None
    if known_previous and len(known_previous) != len(previous):
        # Movement of a total is only meaningful over the same rows: compare like with like.
        previous_variance = None
    return monitoring_row(
        label=label,
        budget=budget,
        projection=projection,
        previous_variance=previous_variance,
        stated=stated,
        count=len(rows),
    )


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
    lines.sort(key=lambda x: (x.service_area.parent.order, x.service_area.order))
    divisions: list[dict[str, Any]] = []
    directorate: ServiceArea | None = None
    all_rows: list[dict[str, Any]] = []
    all_previous: list[Decimal | None] = []
    by_division: dict[int, tuple[ServiceArea, list[BudgetLine]]] = {}
    for line in lines:
        division = line.service_area.parent
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
                    stated=_stated_line(line),
                )
            )
        subtotal = _sum_row("sub total", rows, prev, _stated_total(stated_totals.get(division.pk)))
        divisions.append({"name": division.name, "lines": rows, "subtotal": subtotal})
        all_rows += rows
        all_previous += prev
    total_label = f"{directorate.name} Total" if directorate else "Total"
    total = _sum_row(
        total_label,
        all_rows,
        all_previous,
        _stated_total(stated_totals.get(directorate.pk) if directorate else None),
    )
    return {
        "period": period.key,
        "period_label": period.period.financial_month_label,
        "previous_period": previous_period.key if previous_period else None,
        "previous_period_label": (
            f"Month {previous_period.period.financial_month}" if previous_period else None
        ),
        "unit": "£m",
        "directorate": directorate.name if directorate else None,
        "divisions": divisions,
        "total": total,
    }


def dsg_document(organisation: Organisation, period: ReportingPeriod) -> dict[str, Any]:
    """DSG: the year's allocation, the period's monitoring table and the deficit."""
    year = period.period.financial_year.start_year
    allocation_rows = []
    for allocation in DSGAllocation.objects.filter(
        block__organisation=organisation, financial_year=year
    ).select_related("block"):
        allocation_rows.append(
            {
                "block": allocation.block.kind,
                "label": allocation.row_label or str(allocation.block),
                "before_recoupment": _amount(allocation.before_recoupment),
                "recoupment": _amount(allocation.recoupment),
                "after_recoupment": _amount(allocation.after_recoupment),
                "stated": (
                    {
                        "after_recoupment": _amount(allocation.stated_after_recoupment),
                        "after_recoupment_printed": _printed(allocation.stated_after_recoupment),
                    }
                    if allocation.stated_after_recoupment is not None
                    else {}
                ),
                "printed": {
                    "before_recoupment": _printed(allocation.before_recoupment),
                    "recoupment": _printed(allocation.recoupment),
                    "after_recoupment": _printed(allocation.after_recoupment),
                },
            }
        )
    allocation_total = None
    if allocation_rows:
        sums = {
            name: calc.total(Decimal(r[name]) for r in allocation_rows)
            for name in ("before_recoupment", "recoupment", "after_recoupment")
        }
        stated_total = DSGAllocationStatedTotal.objects.filter(
            organisation=organisation, financial_year=year
        ).first()
        stated: dict[str, Any] = {}
        if stated_total:
            stated = {"label": stated_total.label} if stated_total.label else {}
            for name in sums:
                value = getattr(stated_total, name)
                if value is not None:
                    stated[name] = _amount(value)
                    stated[f"{name}_printed"] = _printed(value)
        allocation_total = {
            "label": (stated_total.label if stated_total and stated_total.label else "Total DSG"),
            "count": len(allocation_rows),
            **{k: _amount(v) for k, v in sums.items()},
            "printed": {k: _printed(v) for k, v in sums.items()},
            "stated": stated,
        }

    reported = DSGLine.objects.filter(block__organisation=organisation)
    previous_period = previous_reported_period(period, reported)
    previous = {
        line.block_id: line.projection - line.current_budget
        for line in (
            DSGLine.objects.filter(block__organisation=organisation, period=previous_period)
            if previous_period
            else []
        )
    }
    rows = []
    prev = []
    for line in (
        DSGLine.objects.filter(block__organisation=organisation, period=period)
        .select_related("block")
        .order_by("block__order")
    ):
        prev.append(previous.get(line.block_id))
        rows.append(
            monitoring_row(
                label=line.row_label or str(line.block),
                block=line.block.kind,
                budget=line.current_budget,
                projection=line.projection,
                previous_variance=prev[-1],
                stated=_stated_line(line),
            )
        )
    stated_total_row = DSGStatedTotal.objects.filter(
        organisation=organisation, period=period
    ).first()
    total = (
        _sum_row(
            (stated_total_row.label if stated_total_row and stated_total_row.label else "Total"),
            rows,
            prev,
            _stated_total(stated_total_row),
        )
        if rows
        else None
    )
    deficit = [
        {
            "kind": d.kind,
            "as_at": d.as_at.isoformat(),
            "as_at_label": f"{d.as_at.day} {d.as_at:%B %Y}",
            "amount": _amount(d.amount),
            "printed": f"£{calc.format_millions(d.amount, d.decimals_reported)}m",
        }
        for d in DSGDeficit.objects.filter(organisation=organisation, period=period).order_by(
            "as_at"
        )
    ]
    return {
        "period": period.key,
        "period_label": period.period.financial_month_label,
        "previous_period": previous_period.key if previous_period else None,
        "previous_period_label": (
            f"Month {previous_period.period.financial_month}" if previous_period else None
        ),
        "unit": "£m",
        "allocation": {
            "financial_year": FinancialYear(year).label,
            "rows": allocation_rows,
            "total": allocation_total,
        },
        "lines": rows,
        "total": total,
        "deficit": deficit,
    }
