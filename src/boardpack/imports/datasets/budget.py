"""Revenue budget monitoring: each service line's current budget and projection (£m)."""

from __future__ import annotations

from typing import Any

from boardpack.finance.models import BudgetLine, ServiceArea
from boardpack.finance.services import budget_figures_set
from boardpack.imports.datasets.common import name_key
from boardpack.imports.datasets.monitoring import (
    ROW_KIND_COLUMN,
    MonitoringImporter,
    figure_columns,
    stated_cells,
)
from boardpack.imports.framework import PERIOD_COLUMN, Change, Column, ImportContext, Plan, Record

LEVEL = ServiceArea.Level


class BudgetImporter(MonitoringImporter):
    name = "budget"
    title = "Revenue budget monitoring"
    guidance = (
        "One row per service line, under its division. A row with only a division's name (as "
        "monitoring reports lay them out) sets the division for the rows below it; or give a "
        "Division column. Sub total and total rows are computed by Boardpack and skipped."
    )
    columns = (
        ROW_KIND_COLUMN,
        Column(
            "division",
            "Division",
            help="Optional: the division the service line is in, such as Children's Social Care.",
            aliases=("service group", "service division"),
        ),
        Column(
            "service_area",
            "Service area",
            required=True,
            help="The service line, as Boardpack names it (such as Prevention).",
            aliases=("service", "service line", "area", "budget area", "cost centre", "line"),
        ),
        *figure_columns(),
        PERIOD_COLUMN,
    )

    def plan(self, context: ImportContext, records: list[Record], plan: Plan) -> None:
        areas = list(
            ServiceArea.objects.filter(organisation=context.organisation).select_related("parent")
        )
        existing = {
            line.service_area_id: line
            for line in BudgetLine.objects.filter(
                period=context.period, service_area__organisation=context.organisation
            )
        }
        division: ServiceArea | None = None
        seen: dict[int, int] = {}
        for record in records:
            name = record.get("service_area", "")
            has_figures = any(
                record.get(k) is not None or k in record.failed
                for k in ("current_budget", "projection", "variance")
            )
            if record.get("division"):
                division = self._division(areas, record.get("division"))
                if division is None:
                    plan.problems.append(
                        record.problem(
                            f"There is no division called ‘{record.get('division')}’.", "division"
                        )
                    )
                    continue
            if not name:
                if has_figures:
                    plan.problems.append(
                        record.problem("The service area's name is missing.", "service_area")
                    )
                continue
            found = [a for a in areas if name_key(a.name) == name_key(name)]
            if not has_figures:
                heading = next((a for a in found if a.level != LEVEL.SERVICE_LINE), None)
                if heading is not None and heading.level == LEVEL.DIVISION:
                    division = heading
                elif not found:
                    plan.notes.append(f"Row {record.row} (‘{name}’) has no figures: skipped.")
                continue
            area = self._service_line(record, plan, found, name, division)
            if area is None:
                continue
            if area.pk in seen:
                plan.problems.append(
                    record.problem(
                        f"{area.name} ({area.parent}) appears twice: also in row {seen[area.pk]}.",
                        "service_area",
                    )
                )
                continue
            seen[area.pk] = record.row
            line = existing.get(area.pk)
            values = self.figures(record, plan, line, area.name)
            if values is None:
                continue
            plan.changes.append(
                self.change(
                    record=record,
                    key=str(area.pk),
                    label=f"{area.parent.name if area.parent else ''} – {area.name}",
                    existing=line,
                    values=values,
                    target=area,
                )
            )
        plan.fields = list(self.fields_shown)

    @staticmethod
    def _division(areas: list[ServiceArea], name: str) -> ServiceArea | None:
        return next(
            (a for a in areas if a.level == LEVEL.DIVISION and name_key(a.name) == name_key(name)),
            None,
        )

    def _service_line(
        self,
        record: Record,
        plan: Plan,
        found: list[ServiceArea],
        name: str,
        division: ServiceArea | None,
    ) -> ServiceArea | None:
        lines = [a for a in found if a.level == LEVEL.SERVICE_LINE]
        if not lines:
            if found:
                plan.notes.append(
                    f"Row {record.row} is {found[0].name}, a {found[0].get_level_display().lower()}"
                    ": Boardpack computes its total from its service lines, so it is skipped."
                )
                return None
            where = f" in {division.name}" if division else ""
            plan.problems.append(
                record.problem(
                    f"There is no service area called ‘{name}’{where}. Use the names on the "
                    "budget monitoring page, or ask for the service area to be added.",
                    "service_area",
                )
            )
            return None
        if division is not None:
            in_division = [a for a in lines if a.parent_id == division.pk]
            if in_division:
                return in_division[0]
            if len(lines) == 1 and "division" not in record.cells:
                return lines[0]
            plan.problems.append(
                record.problem(
                    f"There is no service area called ‘{name}’ in {division.name}.", "service_area"
                )
            )
            return None
        if len(lines) > 1:
            divisions = " and ".join(str(a.parent) for a in lines)
            plan.problems.append(
                record.problem(
                    f"‘{name}’ is a service line in {divisions}: add a Division column, or put "
                    "the division's name in a row above it.",
                    "service_area",
                )
            )
            return None
        return lines[0]

    def apply_change(self, context: ImportContext, change: Change) -> None:
        values = change.payload["values"]
        budget_figures_set(
            organisation=context.organisation,
            period=context.period,
            service_area=change.payload["target"],
            **values,
        )

    def current_rows(self, context: ImportContext) -> list[dict[str, Any]]:
        lines = {
            line.service_area_id: line
            for line in BudgetLine.objects.filter(
                period=context.period, service_area__organisation=context.organisation
            )
        }
        rows = []
        areas = ServiceArea.objects.filter(
            organisation=context.organisation, level=LEVEL.SERVICE_LINE
        ).select_related("parent")
        for area in sorted(areas, key=lambda a: (a.parent.order if a.parent else 0, a.order)):
            line = lines.get(area.pk)
            row: dict[str, Any] = {
                "division": area.parent.name if area.parent else "",
                "service_area": area.name,
                "period": context.period.key,
            }
            if line is not None:
                row["current_budget"] = line.current_budget
                row["projection"] = line.projection
                row.update(stated_cells(line))
            rows.append(row)
        return rows


BUDGET = BudgetImporter()
