"""What the revenue budget and the DSG monitoring tables share: a row per line with its current
budget and full-year projection in £m, or the variance from which the projection is derived, and
what the source states beside them (A/(F), movement, arrow), kept for the quality checks."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from types import SimpleNamespace
from typing import Any

from boardpack.finance.models import Direction, Marker
from boardpack.imports.amounts import AmountError, Unit, parse_amount
from boardpack.imports.datasets.common import half_unit, plain
from boardpack.imports.framework import Change, Column, ImportContext, Importer, Kind, Plan, Record

PLACES = Decimal("0.001")  # the models keep £m to three places (£1,000)
STATED = (
    "stated_variance",
    "stated_variance_negative",
    "stated_marker",
    "stated_movement",
    "stated_movement_negative",
    "stated_direction",
)
TOTAL_STATED = tuple(name.removeprefix("stated_") for name in STATED)
MARKERS = {"a": Marker.ADVERSE, "(f)": Marker.FAVOURABLE, "f": Marker.FAVOURABLE}
MARKERS |= {"-": Marker.NIL, "–": Marker.NIL, "—": Marker.NIL, "nil": Marker.NIL}
DIRECTIONS = {
    "↑": Direction.IMPROVING,
    "⬆": Direction.IMPROVING,
    "improving": Direction.IMPROVING,
    "up": Direction.IMPROVING,
    "↓": Direction.WORSENING,
    "⬇": Direction.WORSENING,
    "worsening": Direction.WORSENING,
    "down": Direction.WORSENING,
    "→": Direction.UNCHANGED,
    "➡": Direction.UNCHANGED,
    "unchanged": Direction.UNCHANGED,
    "same": Direction.UNCHANGED,
}


def figure_columns() -> tuple[Column, ...]:
    return (
        Column(
            "current_budget",
            "Current budget",
            kind=Kind.MONEY,
            required=True,
            help="The current (revised) budget for the year.",
            aliases=("budget", "current budget", "revised budget", "annual budget", "budget £m"),
        ),
        Column(
            "projection",
            "Full year projection",
            kind=Kind.MONEY,
            help="The full-year projection (forecast outturn). Leave it out to derive it from "
            "the variance.",
            aliases=(
                "projection",
                "full year forecast",
                "forecast",
                "forecast outturn",
                "projected outturn",
                "outturn",
            ),
        ),
        Column(
            "variance",
            "Variance",
            kind=Kind.MONEY,
            help="Projection less budget; (0.4) for an underspend. Optional when the projection "
            "is given (then it is checked against it).",
            aliases=("forecast variance", "projected variance", "variance to budget"),
            prefer=("stated variance",),
        ),
        Column(
            "marker",
            "A/(F)",
            help="Optional: A adverse, (F) favourable, - nil, as the source states it.",
            aliases=("a f", "a/ f", "adverse favourable", "a / f", "marker"),
            prefer=("stated marker",),
        ),
        Column(
            "movement",
            "Movement",
            kind=Kind.MONEY,
            help="Optional: the movement in the variance since the previous report, as stated.",
            aliases=("movement from", "movement since", "movement from previous month"),
            prefer=("stated movement",),
        ),
        Column(
            "direction",
            "Direction",
            help="Optional: ↑ improving, ↓ worsening, → unchanged, as stated.",
            aliases=("direction from", "direction since", "trend", "arrow"),
            prefer=("stated direction",),
        ),
    )


ROW_KIND_COLUMN = Column(
    "row_kind",
    "Row",
    help="Optional: line, subtotal or total. Subtotal and total rows are computed, so skipped.",
    aliases=("row type", "type of row"),
)


def millions_places(value: Decimal, record: Record, plan: Plan) -> Decimal:
    """An amount in £m to the three places the models keep, with a note when it was rounded."""
    rounded = value.quantize(PLACES, rounding=ROUND_HALF_UP)
    if rounded != value:
        note = f"Row {record.row}: amounts are kept in £m to three places (£1,000), so rounded."
        plan.note_once(note)
    return rounded.normalize() if rounded == rounded.to_integral() else rounded


def stated_cells(line: Any) -> dict[str, Any]:
    """A line's stated figures as template cells; ``(0.0)`` is kept as text to keep its sign."""
    cells: dict[str, Any] = {"marker": line.stated_marker, "direction": line.stated_direction}
    for key in ("variance", "movement"):
        value = getattr(line, f"stated_{key}")
        if value is not None and value == 0 and getattr(line, f"stated_{key}_negative"):
            cells[key] = f"({abs(value)})"
        else:
            cells[key] = value
    return cells


class MonitoringImporter(Importer):
    """Subclasses resolve a row to the line it is about and write it with a finance service."""

    unit = Unit.MILLIONS
    default_unit = Unit.MILLIONS
    line_label = "line"

    def figures(
        self, record: Record, plan: Plan, existing: Any, name: str
    ) -> dict[str, Any] | None:
        """Budget, projection and stated figures from a row, or None after adding problems."""
        if not record.ok("current_budget", "projection", "variance", "movement"):
            return None
        budget, projection, variance = (
            record.get("current_budget"),
            record.get("projection"),
            record.get("variance"),
        )
        if budget is None:
            plan.problems.append(
                record.problem(f"The current budget for {name} is missing.", "current_budget")
            )
            return None
        if projection is None and variance is None:
            plan.problems.append(
                record.problem(
                    f"Give the full-year projection or the variance for {name}: "
                    "Boardpack derives the one from the other.",
                    "projection" if "projection" in record.cells else "variance",
                )
            )
            return None
        if projection is None:
            projection = budget + variance
        elif variance is not None:
            difference = projection - budget - variance
            tolerance = half_unit(projection) + half_unit(budget) + half_unit(variance)
            if abs(difference) > tolerance:
                # Kept as stated: the quality checks report it against the computed variance.
                plan.notes.append(
                    f"Row {record.row}: for {name} the projection ({plain(projection)}) less "
                    f"the budget ({plain(budget)}) is {plain(projection - budget)}, but the "
                    f"variance column says {plain(variance)}. Both are kept; `boardpack check` "
                    "reports the difference."
                )
        values: dict[str, Any] = {
            "current_budget": self._places(budget, record, plan),
            "projection": self._places(projection, record, plan),
        }
        stated = self._stated(record, plan, existing)
        if stated is None:
            return None
        values.update(stated)
        return values

    def _places(self, value: Decimal, record: Record, plan: Plan) -> Decimal:
        return millions_places(value, record, plan)

    def _stated(self, record: Record, plan: Plan, existing: Any) -> dict[str, Any] | None:
        """What the sheet states beside the figures; columns the sheet lacks keep their values."""
        stated = {k: getattr(existing, k) for k in STATED} if existing is not None else {}
        stated.setdefault("stated_variance", None)
        stated.setdefault("stated_variance_negative", False)
        stated.setdefault("stated_marker", "")
        stated.setdefault("stated_movement", None)
        stated.setdefault("stated_movement_negative", False)
        stated.setdefault("stated_direction", "")
        ok = True
        for key in ("variance", "movement"):
            if key in record.cells:
                value = record.get(key)
                stated[f"stated_{key}_negative"] = self._negative(
                    record.raw.get(key), value, stated, key
                )
                stated[f"stated_{key}"] = (
                    None if value is None else self._places(value, record, plan)
                )
        if "marker" in record.cells:
            text = (record.get("marker") or "").strip().lower()
            if text and text not in MARKERS:
                plan.problems.append(
                    record.problem(f"A/(F) is A, (F) or -, not ‘{text[:20]}’.", "marker")
                )
                ok = False
            stated["stated_marker"] = MARKERS[text].value if text in MARKERS else ""
        if "direction" in record.cells:
            text = (record.get("direction") or "").strip().lower()
            if text and text not in DIRECTIONS:
                plan.problems.append(
                    record.problem(
                        f"The direction is ↑ (improving), ↓ (worsening) or → (unchanged), "
                        f"not ‘{text[:20]}’.",
                        "direction",
                    )
                )
                ok = False
            stated["stated_direction"] = DIRECTIONS[text].value if text in DIRECTIONS else ""
        return stated if ok else None

    @staticmethod
    def _negative(raw: Any, value: Decimal | None, stated: dict[str, Any], key: str) -> bool:
        """Whether the source wrote the figure as negative: ``(0.0)`` is a tiny underspend.

        A number cell cannot say so for zero, so a zero that was already stated negative
        stays so (an export read back in changes nothing)."""
        if value is None:
            return False
        text = raw.strip() if isinstance(raw, str) else ""
        if text.lower() in ("-", "−", "–", "—", "nil"):
            return False  # a dash alone is nil, not a negative figure
        if text.startswith(("(", "-", "−", "–", "£(", "£-")):
            return True
        if value == 0 and stated.get(f"stated_{key}") == 0:
            return bool(stated.get(f"stated_{key}_negative"))
        return value < 0

    def shown(self, values: dict[str, Any] | None) -> dict[str, str]:
        if values is None:
            return {}
        shown = {
            "current_budget": plain(values["current_budget"]),
            "projection": plain(values["projection"]),
        }
        if values.get("stated_variance") is not None:
            negative = values.get("stated_variance_negative")
            shown["variance"] = plain(values["stated_variance"]) + (
                " (stated negative)" if negative and values["stated_variance"] == 0 else ""
            )
        if values.get("stated_marker"):
            shown["marker"] = values["stated_marker"]
        if values.get("stated_movement") is not None:
            shown["movement"] = plain(values["stated_movement"])
        if values.get("stated_direction"):
            shown["direction"] = values["stated_direction"]
        return shown

    def change(
        self,
        *,
        record: Record,
        key: str,
        label: str,
        existing: Any,
        values: dict[str, Any],
        target: Any,
    ) -> Change:
        before = self.shown(
            {k: getattr(existing, k) for k in ("current_budget", "projection", *STATED)}
            if existing is not None
            else None
        )
        saved = {k: getattr(existing, k) for k in values} if existing is not None else None
        return Change.against(
            saved,
            values,
            record=record,
            key=key,
            label=label,
            before=before,
            after=self.shown(values),
            payload={"target": target, "values": values},
        )

    def _stated_figure(self, record: Record, name: str, context: ImportContext) -> Decimal | None:
        """A total's figure as the file states it: from a ``stated_…`` column when the file
        has one beside the computed figure (Boardpack's own export), else the row's own."""
        raw = record.unmatched.get(f"stated {name.replace('_', ' ')}")
        if raw is not None:
            try:
                return parse_amount(raw, unit=context.unit or self.default_unit, to=self.unit)
            except AmountError:
                pass
        value: Decimal | None = record.get(name)
        return value

    def stated_total_change(
        self,
        context: ImportContext,
        record: Record,
        plan: Plan,
        current: Any,
        *,
        key: str,
        label: str,
        payload: dict[str, Any],
    ) -> Change | None:
        """A stated total or subtotal row as the file states it, against ``current``, the
        one kept before; every figure optional. None after adding problems."""
        kept = (
            SimpleNamespace(**{f"stated_{k}": getattr(current, k) for k in TOTAL_STATED})
            if current is not None
            else None
        )
        stated = self._stated(record, plan, kept)
        if stated is None:
            return None
        # How reports name the total, as the file first wrote it ("sub total"): kept after.
        words = current.label if current is not None and current.label else record.label
        values: dict[str, Any] = {"label": words[:200]}
        for name in ("current_budget", "projection"):
            value = self._stated_figure(record, name, context)
            values[name] = None if value is None else self._places(value, record, plan)
        values |= {name.removeprefix("stated_"): value for name, value in stated.items()}
        existing = {k: getattr(current, k) for k in values} if current is not None else None
        return Change.against(
            existing,
            values,
            record=record,
            key=f"stated:{key}",
            label=label,
            before=_total_shown(existing),
            after=_total_shown(values),
            payload={**payload, "values": values},
        )

    fields_shown = [
        ("current_budget", "Current budget £m"),
        ("projection", "Full year projection £m"),
        ("variance", "Variance (stated) £m"),
        ("marker", "A/(F)"),
        ("movement", "Movement (stated) £m"),
        ("direction", "Direction"),
    ]

    @staticmethod
    def context_row(context: ImportContext) -> dict[str, Any]:
        return {"period": context.period.key}


def _total_shown(values: dict[str, Any] | None) -> dict[str, str]:
    if values is None:
        return {}
    shown = {"label": values["label"]}
    for name in ("current_budget", "projection", "variance", "movement"):
        if values[name] is not None:
            shown[name] = plain(values[name])
    for name in ("marker", "direction"):
        if values[name]:
            shown[name] = values[name]
    return shown
