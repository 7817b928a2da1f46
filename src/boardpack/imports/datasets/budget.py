"""Revenue budget monitoring: each service line's current budget and projection (£m)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Max

from boardpack.finance.models import BudgetLine, BudgetStatedTotal, ServiceArea
from boardpack.finance.services import (
    budget_stated_total_set,
    clean_choice,
    clean_period,
    clean_text,
    service_area_set,
)
from boardpack.finance.services.monitoring import monitoring_values
from boardpack.imports.datasets.common import name_key
from boardpack.imports.datasets.monitoring import (
    ROW_KIND_COLUMN,
    MonitoringImporter,
    figure_columns,
    stated_cells,
)
from boardpack.imports.framework import (
    PERIOD_COLUMN,
    ApplyFailed,
    Change,
    Column,
    ImportContext,
    Plan,
    Record,
    Stage,
)
from boardpack.imports.framework.bulk import (
    BulkWrites,
    change_problems,
    foreign_keys,
    unchanged,
    validate,
)
from boardpack.imports.problems import Problem

LEVEL = ServiceArea.Level


@dataclass
class _Place:
    """Where the rows being read sit: a division Boardpack holds, or one it does not yet."""

    division: ServiceArea | None = None
    new_division: str | None = None
    used_new_divisions: set[str] = field(default_factory=set)


class _NewPlaces:
    """The service lines (and divisions) an import adds, each placed after its parent's last
    child: the last place is read once per parent, then counted on."""

    def __init__(self, context: ImportContext) -> None:
        self.context = context
        self.divisions: dict[tuple[int, str], ServiceArea] = {}
        self.orders: dict[int, int] = {}

    def _next_order(self, parent: ServiceArea) -> int:
        if parent.pk not in self.orders:
            last = ServiceArea.objects.filter(parent=parent).aggregate(last=Max("order"))["last"]
            self.orders[parent.pk] = last or 0
        self.orders[parent.pk] += 1
        return self.orders[parent.pk]

    def service_line(self, new: dict[str, Any], writes: BulkWrites) -> ServiceArea:
        division = new["division"]
        if division is None:
            key = (new["directorate"].pk, new["division_name"])
            division = self.divisions.get(key)
            if division is None:
                # Saved now (there are few): its new lines point at it.
                division = service_area_set(
                    organisation=self.context.organisation,
                    name=new["division_name"],
                    level=LEVEL.DIVISION,
                    parent=new["directorate"],
                    order=self._next_order(new["directorate"]),
                )
                self.divisions[key] = division
        line = ServiceArea(
            organisation=self.context.organisation,
            name=clean_text(new["name"], field="service_area", required=True),
            level=clean_choice(LEVEL.SERVICE_LINE, LEVEL, field="level"),
            parent=division,
            order=self._next_order(division),
        )
        validate(line, exclude=foreign_keys(ServiceArea))
        writes.create(line)
        return line


def _areas_with_parents(organisation: Any) -> list[ServiceArea]:
    """An organisation's service areas, each holding its parent from the same list: one query,
    and one model instance per area (``select_related`` would build every parent again)."""
    areas = list(ServiceArea.objects.filter(organisation=organisation))
    by_pk = {area.pk: area for area in areas}
    for area in areas:
        parent = by_pk.get(area.parent_id) if area.parent_id is not None else None
        if parent is not None:
            area.parent = parent
    return areas


class _AreaIndex:
    """An organisation's service areas by the normalised key of their names, built once."""

    def __init__(self, areas: list[ServiceArea]) -> None:
        self.by_key: dict[str, list[ServiceArea]] = {}
        for area in areas:
            self.by_key.setdefault(name_key(area.name), []).append(area)
        self.directorates = [a for a in areas if a.level == LEVEL.DIRECTORATE]

    def named(self, key: str) -> list[ServiceArea]:
        return self.by_key.get(key, [])

    def division(self, name: str) -> ServiceArea | None:
        return next((a for a in self.named(name_key(name)) if a.level == LEVEL.DIVISION), None)


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
        areas = _areas_with_parents(context.organisation)
        # Every name is compared by its normalised key, computed once per area and once per
        # row: looking areas up by key keeps planning linear in the rows.
        index = _AreaIndex(areas)
        existing = {
            line.service_area_id: line
            for line in BudgetLine.objects.filter(
                period=context.period, service_area__organisation=context.organisation
            )
        }
        state = _Place()
        seen: dict[Any, int] = {}
        unknown_headings: dict[str, int] = {}
        for number, record in enumerate(records, start=1):
            context.report(Stage.CHECKING, number, len(records))
            name = record.get("service_area", "")
            has_figures = any(
                record.get(k) is not None or k in record.failed
                for k in ("current_budget", "projection", "variance")
            )
            if record.get("division"):
                named = record.get("division")
                state.division = index.division(named)
                state.new_division = None if state.division is not None else named
            if not name:
                if has_figures:
                    plan.problems.append(
                        record.problem("The service area's name is missing.", "service_area")
                    )
                continue
            key = name_key(name)
            found = index.named(key)
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
            if state.new_division is not None and key == name_key(state.new_division):
                plan.notes.append(
                    f"Row {record.row} is the subtotal of {name}: Boardpack computes it from "
                    "its service lines, so it is skipped."
                )
                continue
            if self._is_new(record, found, state):
                self._plan_new_line(context, record, plan, name, state, index, seen)
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
            change = self.change(
                record=record,
                key=str(area.pk),
                label=f"{area.parent.name if area.parent else ''} – {area.name}",
                existing=line,
                values=values,
                target=area,
            )
            change.payload["existing"] = line
            plan.changes.append(change)
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
        index: _AreaIndex,
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
            directorates = index.directorates
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

    def apply(self, context: ImportContext, plan: Plan) -> None:
        """Write the plan in bulk: the checks ``budget_figures_set`` makes, for every change
        first, then the new service lines and every budget line in a few queries, each with its
        history. A new division (a few per file) is added as it is met, so its lines can point
        at it."""
        problems: list[Problem] = []
        writes = BulkWrites(context)
        places = _NewPlaces(context)
        changes = plan.to_write
        for number, change in enumerate(changes, start=1):
            context.report(Stage.CHECKING, number, len(changes))
            try:
                self._line_to_write(context, change, places, writes)
            except ValidationError as exc:
                problems += change_problems(change, exc)
        if problems:
            raise ApplyFailed(problems)
        writes.save(ServiceArea, BudgetLine)

    def _line_to_write(
        self, context: ImportContext, change: Change, places: _NewPlaces, writes: BulkWrites
    ) -> None:
        clean_period(context.period, context.organisation)
        area = change.payload["target"]
        if area is None:
            area = places.service_line(change.payload["new"], writes)
        if area.organisation_id != context.organisation.pk:
            raise ValidationError({"service_area": "That service area is another organisation's."})
        if area.level != LEVEL.SERVICE_LINE:
            raise ValidationError(
                {
                    "service_area": f"{area.name} is a {area.get_level_display().lower()}: "
                    "budgets are kept for service lines."
                }
            )
        values = monitoring_values(**change.payload["values"])
        existing: BudgetLine | None = change.payload.get("existing")
        if existing is None:
            line = BudgetLine(service_area=area, period=context.period, **values)
            validate(line, exclude=foreign_keys(BudgetLine))
            writes.create(line)
        elif not unchanged(existing, values):
            existing.service_area = area
            for key, value in values.items():
                setattr(existing, key, value)
            validate(existing, exclude=foreign_keys(BudgetLine))
            writes.update(existing, values)

    def plan_stated_totals(self, context: ImportContext, totals: list[Record], plan: Plan) -> None:
        """Each stated total kept for the area it totals: a subtotal of every line of one
        division for that division, the total of every line for the directorate. A total of
        only some of an area's lines is checked, not kept (Boardpack's would differ)."""
        if not any(t.adds_up for t in totals):
            return
        divisions: dict[int | None, str] = {}
        for change in plan.changes:
            area = change.payload["target"]
            new = change.payload.get("new")
            divisions[change.row] = area.parent.name if area is not None else new["division_name"]
        areas = _areas_with_parents(context.organisation)
        held: dict[str, int] = {}  # service lines Boardpack holds, by division's name
        for area in areas:
            if area.level == LEVEL.SERVICE_LINE and area.parent is not None:
                held[name_key(area.parent.name)] = held.get(name_key(area.parent.name), 0) + 1
        kept = {
            t.service_area_id: t
            for t in BudgetStatedTotal.objects.filter(
                service_area__organisation=context.organisation, period=context.period
            )
        }
        directorates = [a for a in areas if a.level == LEVEL.DIRECTORATE]
        for total in (t for t in totals if t.adds_up):
            named = {divisions.get(r.row) for r in total.adds_up}
            span = Counter(name_key(divisions.get(r.row)) for r in total.adds_up)
            area, division = self._totalled(named, held, span, areas, directorates)
            if area is None and not division:
                plan.notes.append(
                    f"Row {total.row} (‘{total.label}’) is checked, but not kept: it totals only "
                    "some of a division's or the directorate's service lines."
                )
                continue
            where = area.name if area is not None else division
            whole = area is not None and area.level == LEVEL.DIRECTORATE
            stated = self.stated_total_change(
                context,
                total,
                plan,
                kept.get(area.pk) if area is not None else None,
                key=name_key(where),
                label=f"{where}, {'total' if whole else 'sub total'} (as stated)",
                payload={"area": area, "division": division},
            )
            if stated is not None:
                plan.stated_totals.append(stated)

    @staticmethod
    def _totalled(
        named: set[str | None],
        held: dict[str, int],
        span: Counter[str],
        areas: list[ServiceArea],
        directorates: list[ServiceArea],
    ) -> tuple[ServiceArea | None, str]:
        """The area a stated total totals, when the rows it adds up (``span``, by division)
        are every service line of it: a division (one Boardpack does not hold yet by its
        name), or the directorate; else (None, "")."""
        if None in named or any(count < held.get(key, 0) for key, count in span.items()):
            return None, ""
        if len(span) == 1:
            name = str(next(iter(named)))
            division = next(
                (a for a in areas if a.level == LEVEL.DIVISION and name_key(a.name) in span),
                None,
            )
            return (division, "") if division is not None else (None, name)
        if set(held) <= set(span) and len(directorates) == 1:
            return directorates[0], ""
        return None, ""

    def apply_stated_total(self, context: ImportContext, change: Change) -> None:
        area = (
            change.payload["area"]
            or ServiceArea.objects.filter(
                organisation=context.organisation,
                level=LEVEL.DIVISION,
                name=change.payload["division"],
            ).first()
        )
        if area is None:
            raise ValidationError({"service_area": "The division the subtotal is for is missing."})
        budget_stated_total_set(
            organisation=context.organisation,
            period=context.period,
            service_area=area,
            **change.payload["values"],
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
