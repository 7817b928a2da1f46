"""Savings (MTFP): positions in a period, totals, the document and the tracker page."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import QuerySet

from boardpack.core.models import Organisation, ReportingPeriod
from boardpack.finance import calculations as calc
from boardpack.finance.models import (
    SavingPosition,
    SavingsStatedTotal,
)
from boardpack.periods import FinancialYear

SAVING_PARTS = ("over_achieved", "achieved", "on_track", "at_risk")
SAVING_AMOUNTS = ("target",) + SAVING_PARTS


def savings_positions_for_period(
    organisation: Organisation, period: ReportingPeriod
) -> list[SavingPosition]:
    return list(
        SavingPosition.objects.filter(line__organisation=organisation, period=period)
        .select_related("line")
        .order_by("line__financial_year", "line__order", "line__reference")
    )


def savings_totals(positions: list[SavingPosition]) -> dict[str, Decimal | None]:
    """The sum of each column; ``None`` for a column where every line is blank (or there are
    no lines): a total of nothing reported is not £0."""
    columns: dict[str, list[Decimal | None]] = {
        "target": [p.line.target for p in positions],
        **{name: [getattr(p, name) for p in positions] for name in SAVING_PARTS},
    }
    return {name: calc.total_or_none(values) for name, values in columns.items()}


def savings_document(
    organisation: Organisation,
    period: ReportingPeriod,
    *,
    positions: list[SavingPosition] | None = None,
) -> dict[str, Any]:
    """``{"period", "lines": [...], "totals": {...}}`` exactly; amounts as strings of £, and
    ``None`` (JSON ``null``) for a blank part or a total of blanks. A period with no positions
    has no lines and every total ``None``. ``positions``: the period's, when already read."""
    if positions is None:
        positions = savings_positions_for_period(organisation, period)
    lines = []
    for position in positions:
        line = position.line
        amounts = {"target": line.target} | {p: getattr(position, p) for p in SAVING_PARTS}
        lines.append(
            {
                "ref": line.reference,
                "description": line.description,
                **{k: calc.pounds_string_or_none(v) for k, v in amounts.items()},
                "comment": position.comment,
            }
        )
    totals = savings_totals(positions)
    return {
        "period": period.key,
        "lines": lines,
        "totals": {k: calc.pounds_string_or_none(v) for k, v in totals.items()},
    }


def _change(now: Decimal | None, before: Decimal | None) -> Decimal | None:
    """A part's change since the previous report; blank both times is no change to show."""
    if now is None and before is None:
        return None
    return (now or calc.ZERO) - (before or calc.ZERO)


@dataclass
class SavingRow:
    position: SavingPosition
    previous: SavingPosition | None
    changes: dict[str, Decimal | None] = field(default_factory=dict)

    @property
    def changed(self) -> bool:
        return any(self.changes.values())


def savings_tracker(
    organisation: Organisation,
    period: ReportingPeriod,
    *,
    positions: list[SavingPosition] | None = None,
) -> dict[str, Any]:
    """The tracker as the page shows it: lines, totals, stated totals and the change of each
    part since the line's previous reported position. ``positions``: the period's, when
    already read (the page reads them once for the tracker, its chart and its checks)."""
    if positions is None:
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
            {p: _change(getattr(position, p), getattr(previous, p)) for p in SAVING_PARTS}
            if previous
            else {}
        )
        rows.append(SavingRow(position=position, previous=previous, changes=changes))
    years = sorted({p.line.financial_year for p in positions})
    stated_totals = list(savings_stated_totals(organisation, period))
    return {
        "period": period,
        "years": [FinancialYear(y) for y in years],
        "rows": rows,
        "positions": positions,
        "totals": savings_totals(positions),
        "stated": stated_totals[0] if stated_totals else None,
        "stated_totals": stated_totals,
        "any_previous": any(r.previous for r in rows),
    }


def savings_stated_totals(
    organisation: Organisation, period: ReportingPeriod
) -> QuerySet[SavingsStatedTotal]:
    """The totals the source stated for the period, one per financial year."""
    return SavingsStatedTotal.objects.filter(organisation=organisation, period=period).order_by(
        "pk"
    )
