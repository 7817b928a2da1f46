"""The DSG allocation and deficit: the two further tables of the ``dsg`` dataset.

The allocation is the financial year's (the year of the period imported): each block's
allocation before recoupment and deductions, the recoupment and deductions, and the allocation
after them as the source states it (derived when it is not). A "Total DSG" row is kept as the
stated total, which ``boardpack check`` compares with the blocks' sum. The deficit rows are the
cumulative deficit reported in the period, actual or forecast, at a date.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from boardpack.finance.models import DSGAllocation, DSGAllocationStatedTotal, DSGBlock, DSGDeficit
from boardpack.finance.services import (
    dsg_allocation_set,
    dsg_allocation_stated_total_set,
    dsg_deficit_set,
)
from boardpack.imports.amounts import Unit
from boardpack.imports.datasets.common import half_unit, name_key, plain
from boardpack.imports.datasets.monitoring import ROW_KIND_COLUMN, millions_places
from boardpack.imports.framework import (
    Change,
    Column,
    ImportContext,
    Kind,
    Plan,
    Record,
    Table,
    looks_like_total,
)
from boardpack.periods import FinancialYear, PeriodError

ALLOCATION_FIGURES = ("before_recoupment", "recoupment", "after_recoupment")
DEFICIT_KINDS = {
    "actual": DSGDeficit.Kind.ACTUAL,
    "forecast": DSGDeficit.Kind.FORECAST,
    "projected": DSGDeficit.Kind.FORECAST,
    "projection": DSGDeficit.Kind.FORECAST,
}

ALLOCATION = Table(
    key="allocation",
    title="DSG allocation",
    sheet_words=("allocation", "allocations"),
    unit=Unit.MILLIONS,
    default_unit=Unit.MILLIONS,
    keep_totals=True,
    guidance=(
        "Sheet ‘allocation’: the financial year's allocation, one row per DSG block, as the "
        "grant settlement states it. Give the allocation after recoupment where your table "
        "states it (it is kept and checked); leave it blank to have it derived. A Total DSG row "
        "is kept as the stated total and checked against the blocks' sum."
    ),
    columns=(
        ROW_KIND_COLUMN,
        Column(
            "block",
            "DSG block",
            required=True,
            help="The block, such as High Needs Block (HNB); Total DSG for the stated total.",
            aliases=("block", "dsg", "grant block", "dsg block name"),
        ),
        Column(
            "financial_year",
            "Financial year",
            help="Optional. Written like 2022/23; when given it must be the year of the period.",
            aliases=("year", "fy"),
        ),
        Column(
            "before_recoupment",
            "Allocation before recoupment",
            kind=Kind.MONEY,
            required=True,
            help="The allocation before recoupment and deductions.",
            aliases=(
                "before recoupment",
                "allocation before recoupment and deductions",
                "before recoupment and deductions",
                "gross allocation",
            ),
        ),
        Column(
            "recoupment",
            "Recoupment and deductions",
            kind=Kind.MONEY,
            help="Recoupment and deductions (academies, NNDR). Leave it out to derive it from the "
            "allocation after recoupment.",
            aliases=(
                "recoupment and deductions academy/ nndr",
                "recoupment and deductions academy nndr",
                "recoupment",
                "deductions",
            ),
        ),
        Column(
            "after_recoupment",
            "Allocation after recoupment",
            kind=Kind.MONEY,
            help="Optional: the allocation after recoupment and deductions as your table states "
            "it; blank to derive it.",
            aliases=(
                "after recoupment",
                "allocation after recoupment and deductions",
                "after recoupment and deductions",
                "net allocation",
            ),
            prefer=("stated after recoupment",),
        ),
    ),
    fields_shown=(
        ("label", "Label"),
        ("before_recoupment", "Before recoupment £m"),
        ("recoupment", "Recoupment and deductions £m"),
        ("after_recoupment", "After recoupment £m"),
    ),
)

DEFICIT = Table(
    key="deficit",
    title="DSG deficit",
    sheet_words=("deficit", "deficits"),
    unit=Unit.MILLIONS,
    default_unit=Unit.MILLIONS,
    guidance=(
        "Sheet ‘deficit’: the cumulative DSG deficit reported this period, one row per figure: "
        "Actual or Forecast, the date it is at, and the amount."
    ),
    columns=(
        Column(
            "kind",
            "Actual or forecast",
            required=True,
            help="Actual, or Forecast.",
            aliases=("kind", "type", "actual/forecast", "actual forecast", "status"),
        ),
        Column(
            "as_at",
            "As at",
            kind=Kind.DATE,
            required=True,
            help="The date the deficit is at, such as 31/03/2023.",
            aliases=("as at date", "date", "at"),
        ),
        Column(
            "amount",
            "Cumulative deficit",
            kind=Kind.MONEY,
            required=True,
            help="The cumulative DSG deficit.",
            aliases=("amount", "deficit", "dsg deficit", "cumulative dsg deficit"),
        ),
    ),
    fields_shown=(("amount", "Cumulative deficit £m"),),
)


def financial_year(context: ImportContext) -> FinancialYear:
    year: FinancialYear = context.period.period.financial_year
    return year


def _millions(value: Decimal | None, record: Record, plan: Plan) -> Decimal | None:
    return None if value is None else millions_places(value, record, plan)


def _year_ok(record: Record, plan: Plan, year: FinancialYear) -> bool:
    text = str(record.get("financial_year") or "").strip()
    if not text:
        return True
    try:
        found = FinancialYear.parse(text)
    except PeriodError:
        plan.problems.append(
            record.problem(
                f"A financial year is written like {year.label}, not ‘{text[:20]}’.",
                "financial_year",
            )
        )
        return False
    if found != year:
        plan.problems.append(
            record.problem(
                f"This row is for {found.label}, but the period imported is in {year.label}.",
                "financial_year",
            )
        )
        return False
    return True


def _allocation_shown(values: dict[str, Any] | None, *, stated_key: str) -> dict[str, str]:
    if values is None:
        return {}
    shown = {"label": values.get("label", values.get("row_label", ""))}
    for key in ("before_recoupment", "recoupment"):
        shown[key] = plain(values[key])
    stated = values[stated_key]
    if stated is not None:
        shown["after_recoupment"] = plain(stated)
    elif values["before_recoupment"] is not None and values["recoupment"] is not None:
        derived = values["before_recoupment"] - values["recoupment"]
        shown["after_recoupment"] = f"{plain(derived)} (derived)"
    return shown


def _change(
    *,
    record: Record,
    key: str,
    label: str,
    existing: dict[str, Any] | None,
    values: dict[str, Any],
    before: dict[str, str],
    after: dict[str, str],
    payload: dict[str, Any],
    table: Table,
) -> Change:
    if existing is None:
        action = Change.NEW
    elif any(existing[k] != v for k, v in values.items()):
        action = Change.CHANGED
    else:
        action = Change.UNCHANGED
    return Change(
        action=action,
        key=f"{table.key}:{key}",
        label=label,
        row=record.row,
        before=before,
        after=after,
        payload=payload,
        table=table.key,
        sheet=record.sheet,
    )


class AllocationPlanner:
    """Plans the allocation sheet's rows; ``find_block`` is the monitoring table's way of
    recognising a block in the sheet's own words."""

    def __init__(self, context: ImportContext, plan: Plan, find_block: Any) -> None:
        self.context, self.plan, self.find_block = context, plan, find_block
        self.year = financial_year(context)
        organisation = context.organisation
        self.existing = {
            a.block_id: a
            for a in DSGAllocation.objects.filter(
                block__organisation=organisation, financial_year=self.year.start_year
            )
        }
        self.total = DSGAllocationStatedTotal.objects.filter(
            organisation=organisation, financial_year=self.year.start_year
        ).first()
        self.seen: dict[Any, int] = {}

    def run(self, records: list[Record]) -> None:
        for record in records:
            if not _year_ok(record, self.plan, self.year) or not record.ok(*ALLOCATION_FIGURES):
                continue
            figures = [record.get(k) for k in ALLOCATION_FIGURES]
            if all(f is None for f in figures):
                continue  # no allocation this year, as a template lists every block
            if looks_like_total([record.get("row_kind"), record.get("block")]):
                self.total_row(record)
            else:
                self.block_row(record)

    def _again(self, record: Record, key: Any, name: str) -> bool:
        if key in self.seen:
            self.plan.problems.append(
                record.problem(f"{name} appears twice: also in row {self.seen[key]}.", "block")
            )
            return True
        self.seen[key] = record.row
        return False

    def figures(self, record: Record, name: str) -> dict[str, Decimal | None] | None:
        before = _millions(record.get("before_recoupment"), record, self.plan)
        recoupment = _millions(record.get("recoupment"), record, self.plan)
        after = _millions(record.get("after_recoupment"), record, self.plan)
        if before is None:
            self.plan.problems.append(
                record.problem(
                    f"The allocation before recoupment for {name} is missing.", "before_recoupment"
                )
            )
            return None
        if recoupment is None and after is None:
            self.plan.problems.append(
                record.problem(
                    f"Give the recoupment and deductions, or the allocation after them, for "
                    f"{name}: Boardpack derives the one from the other.",
                    "recoupment" if "recoupment" in record.cells else "after_recoupment",
                )
            )
            return None
        if recoupment is None:
            assert after is not None
            recoupment = before - after
        elif after is not None:
            tolerance = half_unit(before) + half_unit(recoupment) + half_unit(after)
            if abs(before - recoupment - after) > tolerance:
                self.plan.notes.append(
                    f"DSG allocation row {record.row}: for {name} the allocation before "
                    f"recoupment ({plain(before)}) less the recoupment ({plain(recoupment)}) is "
                    f"{plain(before - recoupment)}, but the sheet states {plain(after)} after "
                    "recoupment. Both are kept; `boardpack check` reports the difference."
                )
        return {"before_recoupment": before, "recoupment": recoupment, "after": after}

    def block_row(self, record: Record) -> None:
        text = str(record.get("block") or "").strip()
        if not text:
            self.plan.problems.append(record.problem("The DSG block is missing.", "block"))
            return
        block = self.find_block(text)
        if block is None:
            blocks = DSGBlock.objects.filter(organisation=self.context.organisation)
            known = ", ".join(str(b) for b in blocks) or "none yet"
            self.plan.problems.append(
                record.problem(
                    f"There is no DSG block called ‘{text[:60]}’ (Boardpack has: {known}).",
                    "block",
                )
            )
            return
        if self._again(record, block.pk, block.name):
            return
        figures = self.figures(record, block.name)
        if figures is None:
            return
        allocation = self.existing.get(block.pk)
        values = {
            "before_recoupment": figures["before_recoupment"],
            "recoupment": figures["recoupment"],
            "stated_after_recoupment": self.stated_after(
                record, figures, allocation, "stated_after_recoupment"
            ),
            # How reports name the block; a new allocation keeps the sheet's words.
            "row_label": allocation.row_label
            if allocation is not None
            else self.label(text, block),
        }
        existing = {k: getattr(allocation, k) for k in values} if allocation is not None else None
        self.plan.changes.append(
            _change(
                record=record,
                key=block.kind,
                label=f"{block.name}, allocation {self.year.label}",
                existing=existing,
                values=values,
                before=_allocation_shown(existing, stated_key="stated_after_recoupment"),
                after=_allocation_shown(values, stated_key="stated_after_recoupment"),
                payload={"block": block, **values},
                table=ALLOCATION,
            )
        )

    @staticmethod
    def stated_after(
        record: Record, figures: dict[str, Decimal | None], existing: Any, field: str
    ) -> Decimal | None:
        """The stated allocation after recoupment. A sheet without the column keeps the one
        stated before, unless the figures it was stated beside have changed."""
        if "after_recoupment" in record.cells or existing is None:
            return figures["after"]
        same = all(
            getattr(existing, key) == figures[key] for key in ("before_recoupment", "recoupment")
        )
        return getattr(existing, field) if same else None

    @staticmethod
    def label(text: str, block: DSGBlock) -> str:
        """A new allocation's row label: the sheet's words, unless they are the block's code."""
        return "" if name_key(text) == name_key(block.kind) else text[:200]

    def total_row(self, record: Record) -> None:
        if self._again(record, "total", "The total row"):
            return
        text = str(record.get("block") or "").strip()
        label = text if text and name_key(text) != "total" else ""
        if not label:
            label = self.total.label if self.total is not None else "Total DSG"
        figures = {
            key.replace("after_recoupment", "after"): _millions(record.get(key), record, self.plan)
            for key in ALLOCATION_FIGURES
        }
        values = {
            "label": label[:200],
            "before_recoupment": figures["before_recoupment"],
            "recoupment": figures["recoupment"],
            "after_recoupment": self.stated_after(record, figures, self.total, "after_recoupment"),
        }
        existing = {k: getattr(self.total, k) for k in values} if self.total is not None else None
        self.plan.changes.append(
            _change(
                record=record,
                key="total",
                label=f"{label}, allocation {self.year.label} (as stated)",
                existing=existing,
                values=values,
                before=_allocation_shown(existing, stated_key="after_recoupment"),
                after=_allocation_shown(values, stated_key="after_recoupment"),
                payload={"total": True, **values},
                table=ALLOCATION,
            )
        )


def plan_deficit(context: ImportContext, records: list[Record], plan: Plan) -> None:
    existing = {
        (d.kind, d.as_at): d
        for d in DSGDeficit.objects.filter(organisation=context.organisation, period=context.period)
    }
    seen: dict[tuple[str, dt.date], int] = {}
    for record in records:
        kind = _deficit_kind(record, plan)
        as_at, amount = record.get("as_at"), record.get("amount")
        if as_at is None and record.ok("as_at"):
            plan.problems.append(record.problem("Give the date the deficit is at.", "as_at"))
        if amount is None and record.ok("amount"):
            plan.problems.append(record.problem("The deficit amount is missing.", "amount"))
        if kind is None or as_at is None or amount is None:
            continue
        if (kind, as_at) in seen:
            plan.problems.append(
                record.problem(
                    f"The {kind} deficit at {as_at:%d/%m/%Y} appears twice: also in row "
                    f"{seen[(kind, as_at)]}.",
                    "as_at",
                )
            )
            continue
        seen[(kind, as_at)] = record.row
        amount = millions_places(amount, record, plan)
        found = existing.get((kind, as_at))
        # £24m is reported to no places, £20.1m to one: an unchanged amount keeps how it was.
        if found is not None and found.amount == amount:
            decimals = found.decimals_reported
        else:
            exponent = amount.normalize().as_tuple().exponent
            decimals = min(3, max(0, -exponent)) if isinstance(exponent, int) else 1
        values = {"amount": amount, "decimals_reported": decimals}
        before = {"amount": plain(found.amount)} if found is not None else {}
        plan.changes.append(
            _change(
                record=record,
                key=f"{kind}:{as_at.isoformat()}",
                label=f"DSG deficit, {kind} at {as_at.day} {as_at:%B %Y}",
                existing=({k: getattr(found, k) for k in values} if found is not None else None),
                values=values,
                before=before,
                after={"amount": plain(amount)},
                payload={"kind": kind, "as_at": as_at, **values},
                table=DEFICIT,
            )
        )


def _deficit_kind(record: Record, plan: Plan) -> str | None:
    text = name_key(record.get("kind"))
    if not text:
        plan.problems.append(
            record.problem("Say whether the deficit is Actual or Forecast.", "kind")
        )
        return None
    kind = DEFICIT_KINDS.get(text.split()[0])
    if kind is None:
        plan.problems.append(
            record.problem(
                f"The deficit is Actual or Forecast, not ‘{str(record.get('kind'))[:30]}’.",
                "kind",
            )
        )
        return None
    return str(kind.value)


def apply_table_change(context: ImportContext, change: Change) -> None:
    payload = dict(change.payload)
    year = financial_year(context).start_year
    if change.table == DEFICIT.key:
        dsg_deficit_set(organisation=context.organisation, period=context.period, **payload)
    elif payload.pop("total", False):
        dsg_allocation_stated_total_set(
            organisation=context.organisation, financial_year=year, **payload
        )
    else:
        dsg_allocation_set(organisation=context.organisation, financial_year=year, **payload)


def allocation_rows(context: ImportContext) -> list[dict[str, Any]]:
    """The year's allocation as template rows: every block, then the stated total."""
    year = financial_year(context)
    organisation = context.organisation
    allocations = {
        a.block_id: a
        for a in DSGAllocation.objects.filter(
            block__organisation=organisation, financial_year=year.start_year
        )
    }
    rows: list[dict[str, Any]] = []
    for block in DSGBlock.objects.filter(organisation=organisation):
        row: dict[str, Any] = {"row_kind": "line", "block": str(block)}
        row["financial_year"] = year.label
        allocation = allocations.get(block.pk)
        if allocation is not None:
            row["block"] = allocation.row_label or str(block)
            row["before_recoupment"] = allocation.before_recoupment
            row["recoupment"] = allocation.recoupment
            row["after_recoupment"] = allocation.stated_after_recoupment
        rows.append(row)
    total = DSGAllocationStatedTotal.objects.filter(
        organisation=organisation, financial_year=year.start_year
    ).first()
    if total is not None:
        rows.append(
            {
                "row_kind": "total",
                "block": total.label or "Total DSG",
                "financial_year": year.label,
                "before_recoupment": total.before_recoupment,
                "recoupment": total.recoupment,
                "after_recoupment": total.after_recoupment,
            }
        )
    return rows


def deficit_rows(context: ImportContext) -> list[dict[str, Any]]:
    return [
        {"kind": d.get_kind_display(), "as_at": d.as_at, "amount": d.amount}
        for d in DSGDeficit.objects.filter(
            organisation=context.organisation, period=context.period
        ).order_by("as_at")
    ]
