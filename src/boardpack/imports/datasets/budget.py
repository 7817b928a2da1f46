"""Revenue budget monitoring: each service line's current budget and projection (£m)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Max

from boardpack.finance.models import BudgetLine, ServiceArea
from boardpack.finance.services import budget_figures_set, service_area_set
from boardpack.imports.datasets.common import name_key
from boardpack.imports.datasets.monitoring import (
    ROW_KIND_COLUMN,
    MonitoringImporter,
    figure_columns,
    stated_cells,
)
from boardpack.imports.framework import PERIOD_COLUMN, Change, Column, ImportContext, Plan, Record

LEVEL = ServiceArea.Level


@dataclass
class _Place:
    """Where the rows being read sit: a division Boardpack holds, or one it does not yet."""

    division: ServiceArea | None = None
    new_division: str | None = None
    used_new_divisions: set[str] = field(default_factory=set)


def _child(context: ImportContext, parent: ServiceArea, name: str) -> ServiceArea | None:
    return ServiceArea.objects.filter(
        organisation=context.organisation, parent=parent, name=name
    ).first()


def _next_order(parent: ServiceArea) -> int:
    last = ServiceArea.objects.filter(parent=parent).aggregate(last=Max("order"))["last"]
    return (last or 0) + 1


class BudgetImporter(MonitoringImporter):
    name = "budget"
    title = "Revenue budget monitoring"
    guidance = (
        "One row per service line, under its division. A row with only a division's name (as "
        "monitoring reports lay them out) sets the division for the rows below it; or give a "
        "Division column. Sub total and total rows are computed by Boardpack and skipped. "
        "A service line (or division) Boardpack does not hold is refused unless you choose to "
        "add the new service areas."
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
        state = _Place()
        seen: dict[Any, int] = {}
        unknown_headings: dict[str, int] = {}
        for record in records:
            name = record.get("service_area", "")
            has_figures = any(
                record.get(k) is not None or k in record.failed
                for k in ("current_budget", "projection", "variance")
            )
            if record.get("division"):
                named = record.get("division")
                state.division = self._division(areas, named)
                state.new_division = None if state.division is not None else named
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
                    state.division, state.new_division = heading, None
                elif not found:
                    # A heading Boardpack does not know: a new division if lines follow it,
                    # otherwise (a title or a note) skipped.
                    state.division, state.new_division = None, name
                    unknown_headings[name] = record.row
                continue
            if state.new_division is not None and name_key(name) == name_key(state.new_division):
                plan.notes.append(
                    f"Row {record.row} is the subtotal of {name}: Boardpack computes it from "
                    "its service lines, so it is skipped."
                )
                continue
            if self._is_new(record, found, state):
                self._plan_new_line(context, record, plan, name, state, areas, seen)
                continue
            area = self._service_line(record, plan, found, name, state.division)
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
        for heading_name, row in unknown_headings.items():
            if heading_name not in state.used_new_divisions:
                plan.notes.append(f"Row {row} (‘{heading_name}’) has no figures: skipped.")
        plan.additions_noun = "service areas" if len(plan.additions) != 1 else "service area"
        plan.fields = list(self.fields_shown)

    @staticmethod
    def _is_new(record: Record, found: list[ServiceArea], state: _Place) -> bool:
        """Whether the row names a service line Boardpack does not hold (in its division)."""
        lines = [a for a in found if a.level == LEVEL.SERVICE_LINE]
        if found and not lines:
            return False  # a division's or directorate's name: its total, skipped later
        if state.new_division is not None:
            return True
        if state.division is None:
            return not found
        in_division = any(a.parent_id == state.division.pk for a in lines)
        single_elsewhere = len(lines) == 1 and "division" not in record.cells
        return not in_division and not single_elsewhere

    def _plan_new_line(
        self,
        context: ImportContext,
        record: Record,
        plan: Plan,
        name: str,
        state: _Place,
        areas: list[ServiceArea],
        seen: dict[Any, int],
    ) -> None:
        parent = state.division.name if state.division else state.new_division
        if parent is None:
            plan.problems.append(
                record.problem(
                    f"There is no service area called ‘{name}’, and no division is named for "
                    "it: add a Division column, or a row with the division's name above it.",
                    "service_area",
                )
            )
            return
        key = ("new", name_key(parent), name_key(name))
        if key in seen:
            plan.problems.append(
                record.problem(
                    f"{name} ({parent}) appears twice: also in row {seen[key]}.", "service_area"
                )
            )
            return
        seen[key] = record.row
        directorate = None
        if state.new_division is not None:
            directorates = [a for a in areas if a.level == LEVEL.DIRECTORATE]
            if len(directorates) != 1:
                plan.problems.append(
                    record.problem(
                        f"A new division ‘{parent}’ needs its directorate, and Boardpack holds "
                        f"{len(directorates) or 'no'} directorates for this organisation: add "
                        "the division on the Service areas page first.",
                        "service_area",
                    )
                )
                return
            directorate = directorates[0]
            if parent not in state.used_new_divisions:
                state.used_new_divisions.add(parent)
                plan.additions.append(f"Division ‘{parent}’ in {directorate.name}")
        plan.additions.append(f"Service line ‘{name}’ in {parent}")
        if not context.add_new:
            plan.problems.append(
                record.problem(
                    f"There is no service area called ‘{name}’ in {parent}. Check the name, "
                    "or choose to add the new service areas.",
                    "service_area",
                )
            )
            return
        values = self.figures(record, plan, None, name)
        if values is None:
            return
        change = self.change(
            record=record,
            key=f"new:{name_key(parent)}:{name_key(name)}",
            label=f"{parent} – {name} (new)",
            existing=None,
            values=values,
            target=None,
        )
        change.payload["new"] = {
            "division": state.division,
            "division_name": parent,
            "directorate": directorate,
            "name": name,
        }
        plan.changes.append(change)

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
        target = change.payload["target"]
        if target is None:
            target = self._add_service_line(context, change.payload["new"])
        budget_figures_set(
            organisation=context.organisation,
            period=context.period,
            service_area=target,
            **values,
        )

    def _add_service_line(self, context: ImportContext, new: dict[str, Any]) -> ServiceArea:
        """The new service line (and its new division, the first time), each placed last."""
        division = new["division"] or _child(context, new["directorate"], new["division_name"])
        if division is None:
            division = service_area_set(
                organisation=context.organisation,
                name=new["division_name"],
                level=LEVEL.DIVISION,
                parent=new["directorate"],
                order=_next_order(new["directorate"]),
            )
        return service_area_set(
            organisation=context.organisation,
            name=new["name"],
            level=LEVEL.SERVICE_LINE,
            parent=division,
            order=_next_order(division),
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
