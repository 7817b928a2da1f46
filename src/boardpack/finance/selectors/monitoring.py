"""What the revenue budget and DSG tables share: periods, rows, stated figures and sums."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db.models import QuerySet

from boardpack.core.models import ReportingPeriod
from boardpack.finance import calculations as calc
from boardpack.finance.models import (
    BudgetLine,
    BudgetStatedTotal,
    DSGLine,
    DSGStatedTotal,
)

PLACES = 1  # the seed's £m tables print to 0.1


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


def amount_string(value: Decimal | None) -> str | None:
    return calc.millions_string(value)


def printed(value: Decimal | None, negative: bool = False) -> str:
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
        "current_budget": amount_string(budget),
        "projection": amount_string(projection),
        "variance": amount_string(variance),
        "marker": calc.marker(variance, PLACES),
        "movement": amount_string(movement),
        "direction": calc.direction(movement, PLACES),
        "printed": {
            "current_budget": printed(budget),
            "projection": printed(projection),
            "variance": printed(variance),
            "movement": printed(movement),
        },
        "stated": stated or {},
    }
    return row


def _stated_variance_and_movement(figures: Any, prefix: str) -> dict[str, Any]:
    """The variance, A/(F), movement and arrow a source stated, from fields named with
    ``prefix`` (``stated_`` on a monitoring line, none on a stated total)."""
    stated: dict[str, Any] = {}
    for name, mark in (("variance", "marker"), ("movement", "direction")):
        value = getattr(figures, f"{prefix}{name}")
        if value is not None:
            stated[name] = amount_string(value)
            stated[f"{name}_printed"] = printed(value, getattr(figures, f"{prefix}{name}_negative"))
        if getattr(figures, f"{prefix}{mark}"):
            stated[mark] = getattr(figures, f"{prefix}{mark}")
    return stated


def stated_line_figures(line: BudgetLine | DSGLine) -> dict[str, Any]:
    return _stated_variance_and_movement(line, "stated_")


def stated_total_figures(total: BudgetStatedTotal | DSGStatedTotal | None) -> dict[str, Any]:
    if total is None:
        return {}
    stated: dict[str, Any] = {"label": total.label} if total.label else {}
    for name in ("current_budget", "projection"):
        value = getattr(total, name)
        if value is not None:
            stated[name] = amount_string(value)
            stated[f"{name}_printed"] = printed(value)
    return stated | _stated_variance_and_movement(total, "")


def period_header(
    period: ReportingPeriod, previous_period: ReportingPeriod | None
) -> dict[str, Any]:
    """The first keys of a monitoring document: the period, the one compared with, the unit."""
    return {
        "period": period.key,
        "period_label": period.period.financial_month_label,
        "previous_period": previous_period.key if previous_period else None,
        "previous_period_label": (
            f"Month {previous_period.period.financial_month}" if previous_period else None
        ),
        "unit": "£m",
    }


def _decimal(value: str | None) -> Decimal | None:
    return None if value is None else Decimal(value)


def sum_row(
    label: str, rows: list[dict[str, Any]], previous: list[Decimal | None], stated: dict
) -> dict[str, Any]:
    # No rows (a period with no figures) gives blank totals, not 0.0.
    budget = calc.total_or_none(_decimal(r["current_budget"]) for r in rows)
    projection = calc.total_or_none(_decimal(r["projection"]) for r in rows)
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
