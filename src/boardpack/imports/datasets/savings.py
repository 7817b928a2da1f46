"""MTFP savings tracker: each saving's target and where it stands in the period."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Max

from boardpack.finance.calculations import format_pounds
from boardpack.finance.models import SavingLine, SavingPosition, SavingsStatedTotal
from boardpack.finance.services import (
    POUND_PLACES,
    clean_amount,
    clean_period,
    clean_text,
    savings_stated_totals_set,
)
from boardpack.imports.amounts import Unit
from boardpack.imports.datasets.common import model_problems
from boardpack.imports.framework import (
    PERIOD_COLUMN,
    ApplyFailed,
    Change,
    Column,
    ImportContext,
    Importer,
    Kind,
    Plan,
    Record,
    Stage,
)
from boardpack.imports.framework.bulk import (
    BulkWrites,
    change_problems,
    unchanged,
)
from boardpack.imports.problems import Problem
from boardpack.periods import FinancialYear, PeriodError

PARTS = SavingPosition.PARTS
ZERO = Decimal("0")
PART_HEADERS = {
    "over_achieved": "Over-achieved",
    "achieved": "Achieved",
    "on_track": "On track",
    "at_risk": "At risk",
}


class SavingsImporter(Importer):
    name = "savings"
    title = "MTFP savings"
    unit = Unit.POUNDS
    default_unit = Unit.POUNDS
    guidance = (
        "One row per saving. The four parts (over-achieved, achieved, on track, at risk) must "
        "add up to the target; leave a part blank when nothing is reported under it (blank is "
        "kept as blank, not as £0). A reference Boardpack does not know is refused unless you "
        "choose to add new savings."
    )
    columns = (
        Column(
            "reference",
            "Ref",
            required=True,
            help="The saving's reference, such as CFE016.",
            aliases=("reference", "saving ref", "mtfp ref", "saving reference", "ref no", "code"),
        ),
        Column(
            "description",
            "Description",
            help="What the saving is. Needed for a new saving; otherwise optional.",
            aliases=(
                "saving",
                "savings proposal",
                "proposal",
                "title",
                "name",
                "saving description",
            ),
        ),
        Column(
            "target",
            "Target",
            kind=Kind.MONEY,
            required=True,
            help="The saving to be made in the year, in £ (not negative).",
            aliases=("£", "mtfp", "saving target", "target saving", "amount", "value", "total"),
        ),
        *(
            Column(
                key,
                header,
                kind=Kind.MONEY,
                help=f"£ {header.lower()}; leave blank when none is reported, - or 0 for nil.",
                aliases=(key.replace("_", " "), header.replace("-", " ")),
            )
            for key, header in PART_HEADERS.items()
        ),
        Column(
            "comment",
            "Comments",
            help="Optional commentary. A blank cell clears the comment.",
            aliases=("comment", "commentary", "notes", "narrative"),
        ),
        Column(
            "financial_year",
            "Financial year",
            help="Optional: the MTFP year, such as 2024/25 (default: the period's year).",
            aliases=("year", "fy", "mtfp year"),
        ),
        PERIOD_COLUMN,
    )

    def plan(self, context: ImportContext, records: list[Record], plan: Plan) -> None:
        default_year = context.period.period.financial_year.start_year
        lines = {
            (line.reference.lower(), line.financial_year): line
            # The links are read with the lines: each line's own checks (``clean``) look at them.
            for line in SavingLine.objects.filter(organisation=context.organisation).select_related(
                "workstream__programme", "project__workstream__programme"
            )
        }
        positions = {
            p.line_id: p
            for p in SavingPosition.objects.filter(
                period=context.period, line__organisation=context.organisation
            )
        }
        earlier: dict[int, SavingPosition] = {}
        for earlier_position in (
            SavingPosition.objects.filter(
                line__organisation=context.organisation, period__month__lt=context.period.month
            )
            .select_related("period")
            .order_by("period__month")
        ):
            earlier[earlier_position.line_id] = earlier_position  # the latest wins
        seen: dict[tuple[str, int], int] = {}
        for number, record in enumerate(records, start=1):
            context.report(Stage.CHECKING, number, len(records))
            if not record.ok("reference"):
                continue  # the cell's own problem (too long, control characters) is reported
            year = self._year(record, default_year, plan)
            reference = record.get("reference", "")
            if not reference:
                plan.problems.append(
                    record.problem("The saving's reference is missing.", "reference")
                )
                continue
            if year is None:
                continue
            key = (reference.lower(), year)
            if key in seen:
                plan.problems.append(
                    record.problem(
                        f"{reference} appears twice: also in row {seen[key]}. "
                        "Give each saving one row.",
                        "reference",
                    )
                )
                continue
            seen[key] = record.row
            line = lines.get(key)
            if line is None:
                description = record.get("description") or ""
                plan.additions.append(
                    f"{reference} {description}".strip() + f" ({FinancialYear(year).label} MTFP)"
                )
            if line is None and not context.add_new:
                plan.problems.append(
                    record.problem(
                        f"{reference} is not a saving in the {FinancialYear(year).label} MTFP. "
                        "Check the reference, or choose to add the new savings.",
                        "reference",
                    )
                )
                continue
            change = self._change(context, record, line, positions, reference, year, plan, earlier)
            if change is not None:
                plan.changes.append(change)
        plan.additions_noun = "savings" if len(plan.additions) != 1 else "saving"
        plan.fields = [
            (key, header)
            for key, header in [("description", "Description"), ("target", "Target £")]
            + [(k, f"{h} £") for k, h in PART_HEADERS.items()]
            + [("comment", "Comments")]
        ]

    def _year(self, record: Record, default: int, plan: Plan) -> int | None:
        text = record.get("financial_year") or ""
        if not text:
            return default
        try:
            return FinancialYear.parse(text).start_year
        except PeriodError as exc:
            plan.problems.append(record.problem(f"{exc}.", "financial_year"))
            return None

    def _change(
        self,
        context: ImportContext,
        record: Record,
        line: SavingLine | None,
        positions: dict[int, SavingPosition],
        reference: str,
        year: int,
        plan: Plan,
        earlier: dict[int, SavingPosition],
    ) -> Change | None:
        if not record.ok("target", *PARTS):
            return None  # the cells' own problems are reported already
        target = record.get("target")
        if target is None:
            plan.problems.append(
                record.problem(f"The target for {reference} is missing.", "target")
            )
            return None
        if target < 0:
            plan.problems.append(
                record.problem(
                    f"The target for {reference} is negative (£{format_pounds(target)}): "
                    "a saving's "
                    "target is the amount to be saved, so it is zero or more.",
                    "target",
                )
            )
            return None
        # A blank part stays blank (None): not reported is not £0.
        parts: dict[str, Decimal | None] = {p: record.get(p) for p in PARTS}
        for part, value in parts.items():
            if value is not None and value < 0:
                plan.problems.append(
                    record.problem(
                        f"{PART_HEADERS[part]} for {reference} is negative "
                        f"(£{format_pounds(value)}): write the amount, zero or more.",
                        part,
                    )
                )
        if any(v is not None and v < 0 for v in parts.values()):
            return None
        description = record.get("description") or (line.description if line else "")
        if line is None and not description:
            plan.problems.append(
                record.problem(f"{reference} is a new saving: give its description.", "description")
            )
            return None
        new_line = SavingLine(
            pk=line.pk if line else None,
            organisation=context.organisation,
            reference=reference,
            description=description,
            financial_year=year,
            target=target,
            workstream=line.workstream if line else None,
            project=line.project if line else None,
            order=line.order if line else 0,
        )
        problems = model_problems(
            new_line, record, exclude=["organisation", "workstream", "project"]
        )
        position = SavingPosition(
            line=new_line, period=context.period, comment=record.get("comment") or "", **parts
        )
        if line is None:
            problems += self._parts_problems(record, reference, target, parts)
            problems += model_problems(position, record, exclude=["line", "period"])
        else:
            # SavingPosition.clean holds the rule that the parts add up to the target. The line
            # was just read, so its foreign key is not looked up again for every row.
            problems += model_problems(position, record, exclude=["line", "period"])
        if problems:
            plan.problems.extend(problems)
            return None
        existing = positions.get(line.pk) if line else None
        before = self._display(line, existing, earlier.get(line.pk) if line else None)
        after = self._display(new_line, position)
        if line is None or existing is None:
            action = Change.NEW
        elif before != after:
            action = Change.CHANGED
        else:
            action = Change.UNCHANGED
        return Change(
            action=action,
            key=f"{reference}@{year}",
            label=f"{reference} {description}"[:120],
            row=record.row,
            before=before,
            after=after,
            payload={
                "line": new_line,
                "position": position,
                "existing": existing,
                "existing_line": line,
            },
        )

    def _parts_problems(
        self, record: Record, reference: str, target: Decimal, parts: dict[str, Decimal | None]
    ) -> list[Any]:
        total = sum((v for v in parts.values() if v is not None), ZERO)
        difference = total - target
        if not difference:
            return []
        more_or_less = "more" if difference > 0 else "less"
        return [
            record.problem(
                f"Over-achieved, achieved, on track and at risk add up to £{format_pounds(total)}, "
                f"£{format_pounds(abs(difference))} {more_or_less} than the target of "
                f"£{format_pounds(target)} for {reference}.",
                "at_risk",
            )
        ]

    def _display(
        self,
        line: SavingLine | None,
        position: SavingPosition | None,
        previous: SavingPosition | None = None,
    ) -> dict[str, str]:
        if line is None:
            return {}
        shown = {"description": line.description, "target": format_pounds(line.target)}
        if position is not None:
            for part in PARTS:
                shown[part] = format_pounds(getattr(position, part))
            shown["comment"] = position.comment
        elif previous is not None:
            # No position in this period yet: say so, with the last one reported, rather
            # than a bare "–" that reads as nil.
            for part in PARTS:
                value = getattr(previous, part)
                if value is not None:
                    shown[part] = (
                        f"none this period ({previous.period.label}: {format_pounds(value)})"
                    )
        return shown

    def apply(self, context: ImportContext, plan: Plan) -> None:
        """Write the plan in bulk: the cleaning ``saving_line_set`` and ``saving_position_set``
        do, for every change first, then every line and position in a few queries, each with
        its history. A line or position whose figures are unchanged is not written.

        The models' own validation (``full_clean``: fields and ``clean``, such as the parts
        adding up to the target) ran in the plan on these very instances and values
        (``model_problems``), so it is not run a second time here."""
        problems: list[Problem] = []
        writes = BulkWrites(context)
        orders: dict[int, int] = {}
        changes = plan.to_write
        for number, change in enumerate(changes, start=1):
            context.report(Stage.CHECKING, number, len(changes))
            try:
                line = self._line_to_write(context, change, orders, writes)
                self._position_to_write(context, change, line, writes)
            except ValidationError as exc:
                problems += change_problems(change, exc)
        if problems:
            raise ApplyFailed(problems)
        writes.save(SavingLine, SavingPosition)

    def _line_to_write(
        self, context: ImportContext, change: Change, orders: dict[int, int], writes: BulkWrites
    ) -> SavingLine:
        new: SavingLine = change.payload["line"]
        line: SavingLine | None = change.payload["existing_line"]
        reference = clean_text(new.reference, field="reference", required=True)
        values: dict[str, Any] = {
            "description": clean_text(new.description, field="description", required=True),
            "target": clean_amount(
                new.target, field="target", places=POUND_PLACES, minimum=Decimal("0")
            ),
        }
        if line is not None:
            # Found by reference and year; its links to the programme stay as officers made them.
            if not unchanged(line, values):
                for key, value in values.items():
                    setattr(line, key, value)
                writes.update(line, values)
            return line
        year = new.financial_year
        if year not in orders:
            # A new saving goes after the year's last line, each new one after the one before.
            last = SavingLine.objects.filter(
                organisation=context.organisation, financial_year=year
            ).aggregate(last=Max("order"))["last"]
            orders[year] = (last or 0) + 1
        new.reference, new.order = reference, orders[year]
        for key, value in values.items():
            setattr(new, key, value)
        orders[year] += 1
        writes.create(new)
        return new

    def _position_to_write(
        self, context: ImportContext, change: Change, line: SavingLine, writes: BulkWrites
    ) -> None:
        clean_period(context.period, context.organisation)
        position: SavingPosition = change.payload["position"]
        values: dict[str, Any] = {
            part: clean_amount(
                getattr(position, part),
                field=part,
                places=POUND_PLACES,
                minimum=Decimal("0"),
                required=False,
            )
            for part in PARTS
        }
        values["comment"] = clean_text(position.comment, field="comment")
        existing: SavingPosition | None = change.payload["existing"]
        if existing is None:
            position.line = line
            for key, value in values.items():
                setattr(position, key, value)
            writes.create(position)
        elif not unchanged(existing, values):
            for key, value in values.items():
                setattr(existing, key, value)
            writes.update(existing, values)

    def plan_stated_totals(self, context: ImportContext, totals: list[Record], plan: Plan) -> None:
        """The tracker's TOTALS row, kept for the year and period as ``boardpack check``
        compares it with the lines; a subtotal of some of the lines is checked, not kept."""
        years = {c.payload["line"].financial_year for c in plan.changes}
        for total in (t for t in totals if t.adds_up):
            if len(total.adds_up) < len(plan.changes) or len(years) != 1:
                plan.notes.append(
                    f"Row {total.row} (‘{total.label}’) is checked, but not kept: Boardpack "
                    "keeps the total of a whole year's savings."
                )
                continue
            year = years.pop()
            current = SavingsStatedTotal.objects.filter(
                organisation=context.organisation, financial_year=year, period=context.period
            ).first()
            values = {key: total.get(key) for key in ("target", *PARTS)}
            existing = {k: getattr(current, k) for k in values} if current is not None else None

            def shown(figures: dict[str, Any] | None) -> dict[str, str]:
                return {k: format_pounds(v) for k, v in (figures or {}).items() if v is not None}

            plan.stated_totals.append(
                Change.against(
                    existing,
                    values,
                    record=total,
                    key=f"stated:{year}",
                    label=f"{total.label or 'TOTALS'}, {FinancialYear(year).label} MTFP"
                    " (as stated)",
                    before=shown(existing),
                    after=shown(values),
                    payload={"financial_year": year, **values},
                )
            )

    def apply_stated_total(self, context: ImportContext, change: Change) -> None:
        savings_stated_totals_set(
            organisation=context.organisation, period=context.period, **change.payload
        )

    def current_rows(self, context: ImportContext) -> list[dict[str, Any]]:
        rows = []
        year = context.period.period.financial_year.start_year
        positions = SavingPosition.objects.filter(
            period=context.period, line__organisation=context.organisation
        ).select_related("line")
        by_line = {p.line_id: p for p in positions}
        for line in SavingLine.objects.filter(
            organisation=context.organisation, financial_year=year
        ):
            position = by_line.get(line.pk)
            row: dict[str, Any] = {
                "reference": line.reference,
                "description": line.description,
                "target": line.target,
                "financial_year": line.financial_year_label,
                "period": context.period.key,
            }
            if position is not None:
                row.update({p: getattr(position, p) for p in PARTS})
                row["comment"] = position.comment
            rows.append(row)
        return rows


SAVINGS = SavingsImporter()
