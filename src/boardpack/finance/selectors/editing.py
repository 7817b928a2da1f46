"""What the finance editing pages read: every line a period may hold, and a record's history."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from boardpack.core.models import Organisation, ReportingPeriod
from boardpack.finance.calculations import format_pounds, millions_string
from boardpack.finance.models import (
    BudgetLine,
    DSGBlock,
    DSGLine,
    SavingLine,
    SavingPosition,
    ServiceArea,
)


def saving_lines_for_editing(
    organisation: Organisation, period: ReportingPeriod
) -> list[tuple[SavingLine, SavingPosition | None]]:
    """Every saving of the period's financial year, with its position in the period if any."""
    year = period.period.financial_year.start_year
    lines = list(SavingLine.objects.filter(organisation=organisation, financial_year=year))
    positions = {p.line_id: p for p in SavingPosition.objects.filter(line__in=lines, period=period)}
    return [(line, positions.get(line.pk)) for line in lines]


def budget_lines_for_editing(
    organisation: Organisation, period: ReportingPeriod
) -> list[tuple[ServiceArea, BudgetLine | None]]:
    """Every service line, in its division's order, with its figures in the period if any."""
    areas = list(
        ServiceArea.objects.filter(
            organisation=organisation, level=ServiceArea.Level.SERVICE_LINE
        ).select_related("parent", "parent__parent")
    )
    areas.sort(key=lambda a: (a.parent.order if a.parent else 0, a.parent_id or 0, a.order, a.name))
    lines = {
        line.service_area_id: line
        for line in BudgetLine.objects.filter(service_area__in=areas, period=period)
    }
    return [(area, lines.get(area.pk)) for area in areas]


def dsg_lines_for_editing(
    organisation: Organisation, period: ReportingPeriod
) -> list[tuple[DSGBlock, DSGLine | None]]:
    blocks = list(DSGBlock.objects.filter(organisation=organisation).order_by("order", "name"))
    lines = {
        line.block_id: line for line in DSGLine.objects.filter(block__in=blocks, period=period)
    }
    return [(block, lines.get(block.pk)) for block in blocks]


@dataclass(frozen=True)
class HistoryEntry:
    """One recorded change: who, when, and each field's value before and after."""

    when: Any
    who: str
    action: str
    changes: list[tuple[str, str, str]]  # (field label, before, after)


def record_history(
    records: Any, fields: dict[str, str], shown: Callable[[Any], str]
) -> list[HistoryEntry]:
    """A record's history (a simple-history queryset), newest first, in ``fields``' labels."""
    entries = []
    history = list(records.select_related("history_user").order_by("history_date"))
    previous = None
    for record in history:
        changes = [
            (
                label,
                shown(getattr(previous, key)) if previous is not None else "",
                shown(getattr(record, key)),
            )
            for key, label in fields.items()
            if (previous is None and getattr(record, key) not in (None, ""))
            or (previous is not None and getattr(previous, key) != getattr(record, key))
        ]
        user = record.history_user
        entries.append(
            HistoryEntry(
                when=record.history_date,
                who=(user.get_full_name() or user.get_username())
                if user
                else "an import or command",
                action={"+": "Created", "~": "Changed", "-": "Deleted"}.get(
                    record.history_type, "Changed"
                ),
                changes=[c for c in changes if c[1] != c[2]],
            )
        )
        previous = record
    return list(reversed(entries))


def shown_pounds(value: Any) -> str:
    if isinstance(value, Decimal):
        return "£" + format_pounds(value)
    return "blank" if value is None else str(value)


def shown_millions(value: Any) -> str:
    if isinstance(value, Decimal):
        return f"£{millions_string(value)}m"
    return "blank" if value is None else str(value)
