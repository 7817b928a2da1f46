"""``boardpack import indicators FILE``: performance figures from a spreadsheet or CSV.

One row per figure, in the columns ``boardpack export observations`` writes, so an export can be
imported back unchanged. Every row is checked against the indicator library (the code must be
known, the value must fit the unit, the qualifier must be in the vocabulary, the breakdown must
use the indicator's own dimensions) and nothing is written unless every row is right.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Set
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_slug
from django.db import IntegrityError, transaction
from django.utils import timezone

from boardpack.imports.amounts import Unit as AmountUnit
from boardpack.imports.framework import (
    MAX_TEXT,
    ApplyFailed,
    Change,
    Column,
    ImportContext,
    Importer,
    Kind,
    Layout,
    Plan,
    QuickReader,
    Record,
    gc_paused,
    read_cell,
)
from boardpack.imports.problems import Problem
from boardpack.performance import bulk, services
from boardpack.performance.calculations import places_of, value_text
from boardpack.performance.models import (
    MISSING_SYMBOLS,
    Area,
    Indicator,
    Observation,
    Qualifier,
    Source,
    breakdown_key,
)

# A figure already held: id, value, places, qualifier, period label and commentary.
Held = tuple[Any, ...]
WRITE_BATCH = services.WRITE_BATCH
# The longest text each of a figure's text fields holds (what ``full_clean`` would refuse).
TEXT_LIMITS = {key: limit or 0 for key, limit in services.TEXT_LIMITS.items()}
SYMBOLS = {symbol: q.value for q, symbol in MISSING_SYMBOLS.items()}
FIELDS = [
    ("value", "Value"),
    ("qualifier", "Qualifier"),
    ("as_written", "As written"),
    ("period_label", "Period"),
    ("commentary", "Commentary"),
]


def parse_breakdown(text: str) -> dict[str, str]:
    """``"academic_year=2022-23; month=Sep"`` → ``{"academic_year": "2022-23", "month": "Sep"}``."""
    result: dict[str, str] = {}
    for part in text.split(";"):
        if not part.strip():
            continue
        name, sep, cell = part.partition("=")
        name, cell = name.strip(), cell.strip()
        if not sep or not name or not cell:
            raise ValueError(
                f"‘{part.strip()[:40]}’ is not a breakdown: write dimension=value, separated by "
                "semicolons, e.g. school_type=Primary."
            )
        if name in result:
            raise ValueError(f"The dimension ‘{name}’ is given twice.")
        result[name] = cell
    return result


class ObservationsImporter(Importer):
    name = "indicators"
    title = "Performance figures"
    unit = AmountUnit.POUNDS
    default_unit = AmountUnit.POUNDS
    # A year of figures from a data warehouse comes in at once on the command line.
    command_max_rows = 200_000
    guidance = (
        "One row per figure: the indicator's code, the date the figure is at, and its value "
        "(blank with qualifier c, x or z when it is missing). Breakdowns are written "
        "dimension=value; dimension=value using the indicator's own dimensions."
    )
    columns = (
        Column(
            "indicator",
            "Indicator",
            required=True,
            help="The indicator's code, such as CLA-COUNT.",
            aliases=("code", "indicator code"),
        ),
        Column(
            "date",
            "Date",
            kind=Kind.DATE,
            required=True,
            help="The date the figure is at, such as 31/03/2023.",
            aliases=("as at", "date as at"),
        ),
        Column("period_label", "Period label", help="Optional: the period as the source names it."),
        Column(
            "area", "Area", help="authority (default), england, statistical_neighbours or region."
        ),
        Column("breakdown", "Breakdown", help="Optional: dimension=value; dimension=value."),
        Column("value", "Value", required=True, help="The number, or blank when missing."),
        Column("qualifier", "Qualifier", help="exact (default), approximate, over, under, ..."),
        Column("as_written", "As written", help="The figure as the source writes it."),
        Column("source", "Source", help="The source's key; blank for this import."),
        Column("commentary", "Commentary", aliases=("comment", "notes")),
    )

    def skip_row(self, record: Record, cells: list[Any]) -> str | None:
        return None  # a Total cell of a breakdown is a figure the checks compare

    def quick_reader(self, layout: Layout) -> QuickReader | None:
        """A row whose cells are plain is read at once (``quick_values``); any other cell by
        cell. A row read at once has a date and an indicator's code: two cells of text, so it
        is neither blank nor a note under the table (and no row of figures is skipped)."""
        mapping = tuple(layout.mapping.items())

        def read(cells: list[Any]) -> dict[str, Any] | None:
            # A row ends at its last cell that is not blank (as ``Sheet.cell`` reads it).
            width = len(cells)
            row = {key: cells[index] if index < width else None for key, index in mapping}
            values = quick_values(row)
            return values if values is not None and values["indicator"] else None

        return read

    def plan(self, context: ImportContext, records: list[Record], plan: Plan) -> None:
        with gc_paused():
            checker = Checker.prepare(context, plan, {str(r.get("indicator", "")) for r in records})
            for record in records:
                checker.record(record)
            checker.finish()

    def apply(self, context: ImportContext, plan: Plan) -> None:
        """Every new and changed figure in bulk, with its history, in one transaction."""
        with gc_paused():
            self._apply(context, plan)

    def _apply(self, context: ImportContext, plan: Plan) -> None:
        organisation = context.organisation
        sources = {s.key: s for s in Source.objects.filter(organisation=organisation)}
        default_source = f"import-{context.period.key}"
        for key in sorted({c.payload["source"] for c in plan.to_write} - set(sources)):
            sources[key] = services.source_set(
                organisation=organisation,
                key=key,
                title=key if key != default_source else f"Imported for {context.period.label}",
                date=context.period.period.last_day,
                period=context.period,
            )
        source_ids = {key: source.id for key, source in sources.items()}
        new: list[bulk.Row] = []
        changed: list[bulk.Row] = []
        for change in plan.to_write:
            p = change.payload
            row = (
                p["indicator"].id,
                p["date"],
                p["period_label"],
                p["area"],
                services.breakdown_json(p["breakdown"]),
                p["breakdown_key"],
                p["value"],
                p["places"],
                p["qualifier"],
                p["as_written"],
                source_ids[p["source"]],
                p["commentary"],
            )
            if change.action == Change.NEW:
                new.append(row)
            else:
                changed.append((p["pk"], *row))
        try:
            bulk.figures_write(
                new=new,
                changed=changed,
                user_id=services.history_user_id(context.user),
                when=timezone.now(),
            )
        except IntegrityError as exc:
            # Another import or edit saved one of these figures after this one was checked.
            raise ApplyFailed(
                [
                    Problem(
                        "Some of these figures were saved by someone else while this import was "
                        "being checked: nothing was written. Check the import again."
                    )
                ]
            ) from exc


class _Slow(Exception):  # noqa: N818 (a signal, not an error)
    """A row the quick reading cannot vouch for: it is read and checked the full way."""


def _slow(message: str, key: str | None = None) -> Problem:
    raise _Slow


@dataclass
class Checker:
    """Checks rows against look-ups made once per import: the organisation's indicators, its
    sources, and the figures already held for the file's indicators. ``check`` is every rule
    a row must meet; ``record`` runs it on a row read the full way (a ``Record``), and
    ``quick`` on a CSV row whose cells are plain enough to read here, falling back to the
    full way at the first doubt, so both report the same problems."""

    context: ImportContext
    plan: Plan
    indicators: dict[str, Indicator]
    known_sources: set[str]
    existing: dict[tuple, Held]
    default_source: str
    seen: dict[tuple, int] = field(default_factory=dict)
    # A source cell (blank for this import's own) -> the source's key and why it cannot be one.
    source_checked: dict[Any, tuple[str, str]] = field(default_factory=dict)
    meanings: dict[tuple[Any, ...], Meaning] = field(default_factory=dict)

    @classmethod
    def prepare(cls, context: ImportContext, plan: Plan, codes: Iterable[str]) -> Checker:
        organisation = context.organisation
        indicators = {i.code: i for i in Indicator.objects.filter(organisation=organisation)}
        known = set(Source.objects.filter(organisation=organisation).values_list("key", flat=True))
        wanted_codes = {code.strip() for code in codes}
        wanted = [i.pk for code, i in indicators.items() if code in wanted_codes]
        existing: dict[tuple, Held] = {}
        for indicator_id, date, area, bk, source, as_written, *held in (
            Observation.objects.filter(indicator_id__in=wanted)
            .order_by()
            .values_list(
                "indicator_id",
                "date",
                "area",
                "breakdown_key",
                "source__key",
                "as_written",
                "pk",
                "value",
                "places",
                "qualifier",
                "period_label",
                "commentary",
            )
            .iterator(chunk_size=WRITE_BATCH)
        ):
            existing[(indicator_id, date, area, bk, source, as_written)] = tuple(held)
        default_source = f"import-{context.period.key}"
        return cls(
            context,
            plan,
            indicators,
            known,
            existing,
            default_source,
            source_checked={"": (default_source, "")},
        )

    def record(self, record: Record) -> None:
        change = self.check(record.values, record.failed, record.problem, record.row)
        if change is not None:
            self.plan.changes.append(change)

    def quick(self, row: dict[str, Any], number: int) -> bool:
        """Check a CSV row read here; False when it must be read the full way."""
        values = quick_values(row)
        if values is None:
            return False
        try:
            change = self.check(values, NOTHING_FAILED, _slow, number)
        except _Slow:
            return False
        assert change is not None  # every refusal is a problem, which ``_slow`` raises
        self.plan.changes.append(change)
        return True

    def finish(self) -> None:
        plan = self.plan
        new_sources = sorted(
            {
                c.payload["source"]
                for c in plan.changes
                if c.payload["source"] not in self.known_sources
            }
        )
        for key in new_sources:
            plan.notes.append(
                f"A new source ‘{key}’ will be added for {self.context.period.label}."
            )
        plan.fields = FIELDS

    def check(
        self,
        values: dict[str, Any],
        failed: Set[str],
        problem: Callable[[str, str], Problem],
        row: int,
    ) -> Change | None:
        """Every rule a figure's row must meet; its change, or None with its problems
        added to the plan. What the row's indicator, breakdown, value, qualifier and area
        mean (and the problems with them) is worked out once for every row that writes them
        the same way (``meaning``); the rest is the row's own."""
        get = values.get
        cells = (
            get("indicator"),
            get("breakdown"),
            get("value"),
            get("qualifier"),
            get("area"),
        )
        meaning = self.meanings.get(cells)
        if meaning is None:
            meaning = self.meanings[cells] = self.meaning(*cells)
        problems = [problem(message, column) for message, column in meaning.indicator_problems]
        date: dt.date | None = get("date")
        date_read = "date" not in failed
        if date is None and date_read:
            problems.append(problem("The date is missing.", "date"))
        if meaning.problems:
            value_read = "value" not in failed
            for message, column, of_value in meaning.problems:
                if value_read or not of_value:
                    problems.append(problem(message, column))
        source = get("source") or ""
        source_checked = self.source_checked
        if source not in source_checked:
            source_key = str(source).strip() or self.default_source
            source_checked[source] = (source_key, source_problem(source_key))
        source, source_refused = source_checked[source]
        if source_refused:
            problems.append(problem(source_refused, "source"))
        as_written = str(get("as_written") or "")
        period_label = str(get("period_label") or "")
        indicator, bk = meaning.indicator, meaning.breakdown_key
        if (
            len(as_written) > TEXT_LIMITS["as_written"]
            or len(period_label) > TEXT_LIMITS["period_label"]
            or len(bk) > TEXT_LIMITS["breakdown_key"]
        ):
            for issue in services.observation_text_problems(
                as_written=as_written, period_label=period_label, breakdown_key=bk
            ):
                problems.append(problem(issue.message, issue.field))
        if problems or indicator is None or date is None or not date_read:
            self.plan.problems.extend(problems)
            return None
        code = meaning.code
        key = (indicator.id, date, meaning.area, bk, source, as_written)
        if key in self.seen:
            self.plan.problems.append(
                problem(
                    f"The same figure of {code} for {date:%d/%m/%Y} is also in row "
                    f"{self.seen[key]}.",
                    "indicator",
                )
            )
            return None
        self.seen[key] = row
        after = {
            "value": meaning.value_text,
            "qualifier": meaning.qualifier,
            "as_written": as_written,
            "period_label": period_label,
            "commentary": str(get("commentary") or ""),
        }
        held = self.existing.get(key)
        pk, before = None, {}
        if held is None:
            action = Change.NEW
        else:
            pk, held_value, held_places, held_qualifier, period_label_was, commentary_was = held
            before = {
                "value": value_text(held_value, held_places) if held_value is not None else "",
                "qualifier": held_qualifier,
                "as_written": as_written,
                "period_label": period_label_was,
                "commentary": commentary_was,
            }
            action = Change.CHANGED if before != after else Change.UNCHANGED
        return Change(
            action=action,
            key=f"{indicator.id}|{date}|{meaning.area}|{bk}|{source}|{as_written}",
            label=f"{code} {date.isoformat()}{meaning.label_end}"[:120],
            row=row,
            before=before,
            after=after,
            payload={
                "indicator": indicator,
                "date": date,
                "area": meaning.area,
                "breakdown": meaning.breakdown,
                "value": meaning.value,
                "places": meaning.places,
                "source": source,
                "breakdown_key": bk,
                "pk": pk,
                "qualifier": meaning.qualifier,
                "as_written": as_written,
                "period_label": period_label,
                "commentary": after["commentary"],
            },
        )

    def meaning(
        self, code_cell: Any, breakdown_cell: Any, value_cell: Any, qualifier_cell: Any, area: Any
    ) -> Meaning:
        """What a row's indicator, breakdown, value, qualifier and area cells mean, and every
        problem with them, in the order ``check`` reports them."""
        code = str(code_cell or "").strip()
        indicator = self.indicators.get(code)
        indicator_problems: list[tuple[str, str]] = []
        if not code:
            indicator_problems.append(("The indicator's code is missing.", "indicator"))
        elif indicator is None:
            indicator_problems.append(
                (
                    f"‘{code[:40]}’ is not an indicator in Boardpack: check the code "
                    "(the catalogue lists them).",
                    "indicator",
                )
            )
        # (message, column, whether it is a rule of the value, left out when its cell failed)
        problems: list[tuple[str, str, bool]] = []
        breakdown_text = str(breakdown_cell or "")
        breakdown: dict[str, str] = {}
        if breakdown_text:
            try:
                breakdown = parse_breakdown(breakdown_text)
            except ValueError as exc:
                problems.append((str(exc), "breakdown", False))
        raw_value = str(value_cell or "").strip()
        qualifier = str(qualifier_cell or "").strip().lower().replace(" ", "_")
        if raw_value.lower() in SYMBOLS:
            qualifier = qualifier or SYMBOLS[raw_value.lower()]
            raw_value = ""
        qualifier = SYMBOLS.get(qualifier, qualifier) or Qualifier.EXACT
        value: Decimal | None
        try:
            value = services.parse_value(raw_value.replace(",", "").rstrip("%").lstrip("£"))
        except ValueError as exc:
            problems.append((f"The value must be a number: {exc}", "value", False))
            value = None
        area = str(area or "").strip().lower() or Area.AUTHORITY
        if indicator is not None:
            for issue in services.observation_problems(
                indicator, breakdown=breakdown, value=value, qualifier=qualifier, area=area
            ):
                problems.append((issue.message, issue.field, issue.field == "value"))
        bk = breakdown_key(breakdown) if breakdown else ""
        places = places_of(value) if value is not None else 0
        where = f" {bk}" if bk else ""
        area_text = "" if area == Area.AUTHORITY else f" {area}"
        return Meaning(
            code=code,
            indicator=indicator,
            indicator_problems=tuple(indicator_problems),
            problems=tuple(problems),
            breakdown=breakdown,
            breakdown_key=bk,
            value=value,
            places=places,
            value_text=value_text(value, places) if value is not None else "",
            qualifier=qualifier,
            area=area,
            label_end=f"{area_text}{where}",
        )


@dataclass(frozen=True)
class Meaning:
    """What a row's indicator, breakdown, value, qualifier and area cells mean: the same for
    every row that writes them the same way, so worked out once (``Checker.meaning``)."""

    code: str
    indicator: Indicator | None
    indicator_problems: tuple[tuple[str, str], ...]  # (message, column)
    # (message, column, whether it is a rule of the value: not said when its cell failed)
    problems: tuple[tuple[str, str, bool], ...]
    breakdown: dict[str, str]
    breakdown_key: str
    value: Decimal | None
    places: int
    value_text: str
    qualifier: str
    area: str
    label_end: str  # the area and breakdown, as a change's label ends


NOTHING_FAILED: frozenset[str] = frozenset()
# What ``read_cell`` refuses in text: control characters other than tab and line ends.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
TEXT_KEYS = tuple(c.key for c in ObservationsImporter.columns if c.kind == Kind.TEXT)


def quick_values(row: dict[str, Any]) -> dict[str, Any] | None:
    """A CSV row's cells read as ``read_cell`` reads them, when they are plain: text without
    control characters, a formula guard or excess length, and an ISO date. None otherwise,
    for ``read_cell`` to read and explain."""
    values: dict[str, Any] = {}
    for key in TEXT_KEYS:
        raw = row.get(key)
        if not raw:
            values[key] = ""
            continue
        if raw.__class__ is not str:
            return None
        text = raw.strip()
        if text and (text[0] == "'" or len(text) > MAX_TEXT or CONTROL.search(text)):
            return None
        values[key] = text
    raw = row.get("date")
    if not raw or raw.__class__ is not str:
        return None
    try:
        # No whitespace can be in a date fromisoformat reads: read_date's own first try.
        values["date"] = dt.date.fromisoformat(raw)
    except ValueError:
        return None
    return values


def source_problem(key: str) -> str:
    """Why ``key`` cannot name a source ("" when it can)."""
    limit = Source._meta.get_field("key").max_length or 0
    if len(key) > limit:
        return f"A source's key is at most {limit} characters: ‘{key[:40]}…’ is longer."
    try:
        validate_slug(key)
    except ValidationError:
        return (
            f"‘{key[:40]}’ cannot be a source's key: use letters, digits, hyphens and "
            "underscores only, such as report-2023-03."
        )
    return ""


INDICATORS_IMPORTER = ObservationsImporter()


def import_csv_rows(
    context: ImportContext, rows: Iterable[dict[str, Any]], *, write: bool = True
) -> Plan:
    """Import a CSV's rows (dicts keyed by the export's column names) past the spreadsheet
    reader's size limits: the same reading, checks and one transaction, for bulk loads such as
    a year of figures from a data warehouse. Nothing is written when any row has a problem.
    Problems name the row and the column (by its place among the dict's keys).

    A row whose cells are plain is read and checked at once (``Checker.quick``); any other is
    read cell by cell as a spreadsheet's row is, so its problems are the same."""
    with gc_paused():
        plan = _csv_plan(context, rows)
        if write and not plan.problems:
            with transaction.atomic():
                INDICATORS_IMPORTER.apply(context, plan)
    return plan


def _csv_plan(context: ImportContext, rows: Iterable[dict[str, Any]]) -> Plan:
    importer = INDICATORS_IMPORTER
    rows = list(rows)
    plan = Plan(dataset=importer.name)
    checker = Checker.prepare(context, plan, {str(r.get("indicator") or "") for r in rows})
    columns = {c.key: c for c in importer.columns}
    # A blank cell reads the same in every row: read it once per column.
    blanks = {
        key: read_cell(column, None, unit=AmountUnit.POUNDS, to=AmountUnit.POUNDS)
        for key, column in columns.items()
    }
    layouts: dict[tuple[str, ...], dict[str, tuple[int, str]]] = {}
    for number, row in enumerate(rows, start=2):
        if checker.quick(row, number):
            continue
        names = tuple(row)
        cells = layouts.get(names)
        if cells is None:
            cells = layouts[names] = {k: (i, k) for i, k in enumerate(names) if k in columns}
        record = Record(row=number, values={}, sheet="CSV", cells=cells)
        for key, column in columns.items():
            raw = row.get(key)
            if raw is None or raw == "":
                value, message = blanks[key]
            else:
                value, message = read_cell(
                    column, raw, unit=AmountUnit.POUNDS, to=AmountUnit.POUNDS
                )
            record.values[key] = value
            if message:
                record.failed.add(key)
                plan.problems.append(record.problem(message, key))
        checker.record(record)
    checker.finish()
    plan.problems.sort(key=lambda problem: problem.row or 0)
    return plan
