"""Dedicated Schools Grant monitoring: each block's current budget and projection (£m)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from boardpack.finance.models import DSGAllocation, DSGBlock, DSGLine, DSGStatedTotal
from boardpack.finance.services import dsg_figures_set, dsg_stated_total_set
from boardpack.imports.datasets.common import name_key
from boardpack.imports.datasets.dsg.allocation import ALLOCATION
from boardpack.imports.datasets.dsg.deficit import DEFICIT
from boardpack.imports.datasets.dsg.shared import block_column
from boardpack.imports.datasets.monitoring import (
    ROW_KIND_COLUMN,
    MonitoringImporter,
    figure_columns,
    stated_cells,
)
from boardpack.imports.framework import (
    PERIOD_COLUMN,
    Change,
    ImportContext,
    Plan,
    Record,
)

# When a sheet names a block in its own words: the words that identify each kind.
KEYWORDS = (
    ("high needs", DSGBlock.Kind.HIGH_NEEDS),
    ("central", DSGBlock.Kind.CENTRAL_SCHOOL_SERVICES),
    ("early years", DSGBlock.Kind.EARLY_YEARS),
    ("de delegated", DSGBlock.Kind.DE_DELEGATED),
    ("dedelegated", DSGBlock.Kind.DE_DELEGATED),
    ("schools block", DSGBlock.Kind.SCHOOLS),
)


class DSGImporter(MonitoringImporter):
    name = "dsg"
    title = "DSG monitoring"
    guidance = (
        "One row per DSG block (High Needs, Central School Services, Early Years, Schools, "
        "De-delegated), named as your reports name it. The Total row is computed and skipped. "
        "The workbook may also hold the year's allocation and the deficit, each on a sheet of "
        "its own (‘allocation’ and ‘deficit’); a CSV file holds only the monitoring table."
    )
    tables = (ALLOCATION, DEFICIT)
    columns = (
        ROW_KIND_COLUMN,
        block_column("The block, such as High Needs Block (HNB)."),
        *figure_columns(),
        PERIOD_COLUMN,
    )

    def plan(self, context: ImportContext, records: list[Record], plan: Plan) -> None:
        blocks = list(DSGBlock.objects.filter(organisation=context.organisation))
        names = self._names(blocks)
        existing = {
            line.block_id: line
            for line in DSGLine.objects.filter(
                period=context.period, block__organisation=context.organisation
            )
        }
        seen: dict[int, int] = {}
        for record in records:
            text = record.get("block", "")
            if not text:
                plan.problems.append(record.problem("The DSG block is missing.", "block"))
                continue
            has_figures = any(
                record.get(k) is not None or k in record.failed
                for k in ("current_budget", "projection", "variance")
            )
            if not has_figures:
                continue  # a block with no monitoring this period, as a template lists it
            block = self._block(text, blocks, names)
            if block is None:
                known = ", ".join(b.name for b in blocks) or "none yet"
                plan.problems.append(
                    record.problem(
                        f"There is no DSG block called ‘{text[:60]}’ (Boardpack has: {known}).",
                        "block",
                    )
                )
                continue
            if block.pk in seen:
                plan.problems.append(
                    record.problem(
                        f"{block.name} appears twice: also in row {seen[block.pk]}.", "block"
                    )
                )
                continue
            seen[block.pk] = record.row
            line = existing.get(block.pk)
            values = self.figures(record, plan, line, block.name)
            if values is None:
                continue
            # The row label is how reports name the block; a new line keeps the sheet's words.
            values["row_label"] = line.row_label if line is not None else text.strip()[:200]
            plan.changes.append(
                self.change(
                    record=record,
                    key=block.kind,
                    label=block.name,
                    existing=line,
                    values=values,
                    target=block,
                )
            )
        plan.fields = list(self.fields_shown)

    def plan_stated_totals(self, context: ImportContext, totals: list[Record], plan: Plan) -> None:
        """The DSG's total as the table states it (the fullest of its totals), kept for the
        period as ``boardpack check`` compares it with the blocks."""
        totals = [t for t in totals if t.adds_up]
        if not totals:
            return
        total = max(reversed(totals), key=lambda t: len(t.adds_up))
        current = DSGStatedTotal.objects.filter(
            organisation=context.organisation, period=context.period
        ).first()
        change = self.stated_total_change(
            context,
            total,
            plan,
            current,
            key="dsg",
            label=f"{total.label or 'Total'} (as stated)",
            payload={},
        )
        if change is not None:
            plan.stated_totals.append(change)
        for other in totals:
            if other is not total:
                plan.notes.append(
                    f"Row {other.row} (‘{other.label}’) is a subtotal: checked, not kept "
                    "(Boardpack keeps the DSG's total)."
                )

    def apply_stated_total(self, context: ImportContext, change: Change) -> None:
        dsg_stated_total_set(
            organisation=context.organisation, period=context.period, **change.payload["values"]
        )

    @staticmethod
    def _names(blocks: list[DSGBlock]) -> dict[str, DSGBlock]:
        names: dict[str, DSGBlock] = {}
        labels = list(DSGLine.objects.filter(block__in=blocks).values_list("block_id", "row_label"))
        labels += list(
            DSGAllocation.objects.filter(block__in=blocks).values_list("block_id", "row_label")
        )
        by_pk = {b.pk: b for b in blocks}
        for block in blocks:
            for name in (
                block.kind,
                block.name,
                block.abbreviation,
                str(block),
                block.get_kind_display(),
            ):
                if name_key(name):
                    names.setdefault(name_key(name), block)
        for block_id, label in labels:
            if name_key(label):
                names.setdefault(name_key(label), by_pk[block_id])
        return names

    @staticmethod
    def _block(text: str, blocks: list[DSGBlock], names: dict[str, DSGBlock]) -> DSGBlock | None:
        key = name_key(text)
        if key in names:
            return names[key]
        bracketed = re.search(r"\(([A-Za-z]{2,6})\)", text)
        if bracketed and name_key(bracketed.group(1)) in names:
            return names[name_key(bracketed.group(1))]
        for words, kind in KEYWORDS:
            if words in key:
                return next((b for b in blocks if b.kind == kind), None)
        return None

    def apply_change(self, context: ImportContext, change: Change) -> None:
        dsg_figures_set(
            organisation=context.organisation,
            period=context.period,
            block=change.payload["target"],
            **change.payload["values"],
        )

    def find_block(self, context: ImportContext) -> Callable[[str], DSGBlock | None]:
        """How the DSG's tables recognise a block in a sheet's own words."""
        blocks = list(DSGBlock.objects.filter(organisation=context.organisation))
        names = self._names(blocks)
        return lambda text: self._block(text, blocks, names)

    def current_rows(self, context: ImportContext) -> list[dict[str, Any]]:
        lines = {
            line.block_id: line
            for line in DSGLine.objects.filter(
                period=context.period, block__organisation=context.organisation
            )
        }
        rows = []
        for block in DSGBlock.objects.filter(organisation=context.organisation):
            line = lines.get(block.pk)
            row: dict[str, Any] = {"block": str(block), "period": context.period.key}
            if line is not None:
                row["block"] = line.row_label or str(block)
                row["current_budget"] = line.current_budget
                row["projection"] = line.projection
                row.update(stated_cells(line))
            rows.append(row)
        return rows


DSG = DSGImporter()
