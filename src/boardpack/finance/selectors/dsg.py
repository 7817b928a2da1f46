"""Dedicated Schools Grant: allocation, monitoring table and deficit."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from boardpack.core.models import Organisation, ReportingPeriod
from boardpack.finance import calculations as calc
from boardpack.finance.models import (
    DSGAllocation,
    DSGAllocationStatedTotal,
    DSGDeficit,
    DSGLine,
    DSGStatedTotal,
)
from boardpack.finance.selectors.monitoring import (
    amount_string,
    monitoring_row,
    period_header,
    previous_reported_period,
    printed,
    stated_line_figures,
    stated_total_figures,
    sum_row,
)
from boardpack.periods import FinancialYear


def dsg_document(organisation: Organisation, period: ReportingPeriod) -> dict[str, Any]:
    """DSG: the year's allocation, the period's monitoring table and the deficit."""
    year = period.period.financial_year.start_year
    allocation_rows: list[dict[str, Any]] = []
    for allocation in DSGAllocation.objects.filter(
        block__organisation=organisation, financial_year=year
    ).select_related("block"):
        allocation_rows.append(
            {
                "block": allocation.block.kind,
                "label": allocation.row_label or str(allocation.block),
                "before_recoupment": amount_string(allocation.before_recoupment),
                "recoupment": amount_string(allocation.recoupment),
                "after_recoupment": amount_string(allocation.after_recoupment),
                "stated": (
                    {
                        "after_recoupment": amount_string(allocation.stated_after_recoupment),
                        "after_recoupment_printed": printed(allocation.stated_after_recoupment),
                    }
                    if allocation.stated_after_recoupment is not None
                    else {}
                ),
                "printed": {
                    "before_recoupment": printed(allocation.before_recoupment),
                    "recoupment": printed(allocation.recoupment),
                    "after_recoupment": printed(allocation.after_recoupment),
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
                    stated[name] = amount_string(value)
                    stated[f"{name}_printed"] = printed(value)
        allocation_total = {
            "label": (stated_total.label if stated_total and stated_total.label else "Total DSG"),
            "count": len(allocation_rows),
            **{k: amount_string(v) for k, v in sums.items()},
            "printed": {k: printed(v) for k, v in sums.items()},
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
                stated=stated_line_figures(line),
            )
        )
    stated_total_row = DSGStatedTotal.objects.filter(
        organisation=organisation, period=period
    ).first()
    total = (
        sum_row(
            (stated_total_row.label if stated_total_row and stated_total_row.label else "Total"),
            rows,
            prev,
            stated_total_figures(stated_total_row),
        )
        if rows
        else None
    )
    deficit = [
        {
            "kind": d.kind,
            "as_at": d.as_at.isoformat(),
            "as_at_label": f"{d.as_at.day} {d.as_at:%B %Y}",
            "amount": amount_string(d.amount),
            "printed": f"£{calc.format_millions(d.amount, d.decimals_reported)}m",
        }
        for d in DSGDeficit.objects.filter(organisation=organisation, period=period).order_by(
            "as_at"
        )
    ]
    return {
        **period_header(period, previous_period),
        "allocation": {
            "financial_year": FinancialYear(year).label,
            "rows": allocation_rows,
            "total": allocation_total,
        },
        "lines": rows,
        "total": total,
        "deficit": deficit,
    }
