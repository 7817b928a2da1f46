"""The DSG allocation, a further table of the ``dsg`` dataset.

The allocation is the financial year's (the year of the period imported): each block's
allocation before recoupment and deductions, the recoupment and deductions, and the allocation
after them as the source states it (derived when it is not). A "Total DSG" row is kept as the
stated total, which ``boardpack check`` compares with the blocks' sum.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from boardpack.finance.models import DSGAllocation, DSGAllocationStatedTotal, DSGBlock
from boardpack.finance.services import dsg_allocation_set, dsg_allocation_stated_total_set
from boardpack.imports.amounts import Unit
from boardpack.imports.datasets.common import half_unit, name_key, plain
from boardpack.imports.datasets.dsg.shared import block_column
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
    read_financial_year,
)
from boardpack.periods import FinancialYear

ALLOCATION_FIGURES = ("before_recoupment", "recoupment", "after_recoupment")


def financial_year(context: ImportContext) -> FinancialYear:
    year: FinancialYear = context.period.period.financial_year
    return year


def _millions(value: Decimal | None, record: Record, plan: Plan) -> Decimal | None:
    return None if value is None else millions_places(value, record, plan)


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


class _Allocation:
    """The allocation sheet's rules, for one import: what is saved for the year, and how a
    block is named (the monitoring table's way of recognising a block in a sheet's words)."""

    def __init__(self, importer: Any, context: ImportContext, plan: Plan) -> None:
        self.context, self.plan = context, plan
        self.find_block = importer.find_block(context)
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

    def row(self, record: Record) -> None:
        if not read_financial_year(record, self.plan, self.year):
            return
        if not record.ok(*ALLOCATION_FIGURES):
            return
        if all(record.get(k) is None for k in ALLOCATION_FIGURES):
            return  # no allocation this year, as a template lists every block
        if looks_like_total([record.get("row_kind"), record.get("block")]):
            self.total_row(record)
        else:
            self.block_row(record)

    def figures(self, record: Record, name: str) -> dict[str, Decimal | None] | None:
        before, recoupment, after = (
            _millions(record.get(key), record, self.plan) for key in ALLOCATION_FIGURES
        )
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
        if not self.plan.first_time(record, block.pk, block.name, "block", table=ALLOCATION.key):
            return
        figures = self.figures(record, block.name)
        if figures is None:
            return
        allocation = self.existing.get(block.pk)
        values = {
            "before_recoupment": figures["before_recoupment"],
            "recoupment": figures["recoupment"],
            "stated_after_recoupment": stated_after(
                record, figures, allocation, "stated_after_recoupment"
            ),
            # How reports name the block; a new allocation keeps the sheet's words.
            "row_label": allocation.row_label if allocation is not None else _label(text, block),
        }
        self.add(
            record,
            allocation,
            values,
            key=block.kind,
            label=f"{block.name}, allocation {self.year.label}",
            stated_key="stated_after_recoupment",
            payload={"block": block, **values},
        )

    def total_row(self, record: Record) -> None:
        if not self.plan.first_time(
            record, "total", "The total row", "block", table=ALLOCATION.key
        ):
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
            "after_recoupment": stated_after(record, figures, self.total, "after_recoupment"),
        }
        self.add(
            record,
            self.total,
            values,
            key="total",
            label=f"{label}, allocation {self.year.label} (as stated)",
            stated_key="after_recoupment",
            payload={"total": True, **values},
        )

    def add(
        self,
        record: Record,
        current: Any,
        values: dict[str, Any],
        *,
        key: str,
        label: str,
        stated_key: str,
        payload: dict[str, Any],
    ) -> None:
        """A row's change against ``current``, the allocation or stated total saved before."""
        existing = {k: getattr(current, k) for k in values} if current is not None else None
        self.plan.changes.append(
            Change.against(
                existing,
                values,
                record=record,
                key=f"{ALLOCATION.key}:{key}",
                label=label,
                before=_allocation_shown(existing, stated_key=stated_key),
                after=_allocation_shown(values, stated_key=stated_key),
                payload=payload,
                table=ALLOCATION.key,
            )
        )


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


def _label(text: str, block: DSGBlock) -> str:
    """A new allocation's row label: the sheet's words, unless they are the block's code."""
    return "" if name_key(text) == name_key(block.kind) else text[:200]


def plan_allocation(
    importer: Any, context: ImportContext, records: list[Record], plan: Plan
) -> None:
    rules = _Allocation(importer, context, plan)
    for record in records:
        rules.row(record)


def apply_allocation_change(context: ImportContext, change: Change) -> None:
    payload = dict(change.payload)
    year = financial_year(context).start_year
    if payload.pop("total", False):
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
        block_column("The block, such as High Needs Block (HNB); Total DSG for the stated total."),
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
    plan=plan_allocation,
    write=apply_allocation_change,
    rows=allocation_rows,
    fields_shown=(
        ("label", "Label"),
        ("before_recoupment", "Before recoupment £m"),
        ("recoupment", "Recoupment and deductions £m"),
        ("after_recoupment", "After recoupment £m"),
    ),
)
