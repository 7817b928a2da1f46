"""``boardpack import indicators FILE``: performance figures from a spreadsheet or CSV.

One row per figure, in the columns ``boardpack export observations`` writes, so an export can be
imported back unchanged. Every row is checked against the indicator library (the code must be
known, the value must fit the unit, the qualifier must be in the vocabulary, the breakdown must
use the indicator's own dimensions) and nothing is written unless every row is right.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_slug
from django.db import IntegrityError, transaction

from boardpack.imports.amounts import Unit as AmountUnit
from boardpack.imports.framework import (
    ApplyFailed,
    Change,
    Column,
    ImportContext,
    Importer,
    Kind,
    Plan,
    Record,
    read_cell,
)
from boardpack.imports.problems import Problem
from boardpack.performance import services
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

    def plan(self, context: ImportContext, records: list[Record], plan: Plan) -> None:
        """Each row checked against look-ups made once per import: the organisation's
        indicators, its sources, and the figures already held for the file's indicators."""
        organisation = context.organisation
        indicators = {i.code: i for i in Indicator.objects.filter(organisation=organisation)}
        known = set(Source.objects.filter(organisation=organisation).values_list("key", flat=True))
        codes = {str(r.get("indicator", "")).strip() for r in records}
        wanted = [i.pk for code, i in indicators.items() if code in codes]
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
        seen: dict[tuple, int] = {}
        source_checked: dict[str, str] = {default_source: ""}
        for record in records:
            change = self._row(
                context, record, plan, indicators, existing, seen, default_source, source_checked
            )
            if change is not None:
                plan.changes.append(change)
        new_sources = sorted(
            {c.payload["source"] for c in plan.changes if c.payload["source"] not in known}
        )
        for key in new_sources:
            plan.notes.append(f"A new source ‘{key}’ will be added for {context.period.label}.")
        plan.fields = FIELDS

    def _row(
        self,
        context: ImportContext,
        record: Record,
        plan: Plan,
        indicators: dict[str, Indicator],
        existing: dict[tuple, Held],
        seen: dict[tuple, int],
        default_source: str,
        source_checked: dict[str, str],
    ) -> Change | None:
        problems = []
        code = str(record.get("indicator") or "").strip()
        indicator = indicators.get(code)
        if not code:
            problems.append(record.problem("The indicator's code is missing.", "indicator"))
        elif indicator is None:
            problems.append(
                record.problem(
                    f"‘{code[:40]}’ is not an indicator in Boardpack: check the code "
                    "(the catalogue lists them).",
                    "indicator",
                )
            )
        date: dt.date | None = record.get("date")
        if date is None and record.ok("date"):
            problems.append(record.problem("The date is missing.", "date"))
        try:
            breakdown = parse_breakdown(str(record.get("breakdown") or ""))
        except ValueError as exc:
            problems.append(record.problem(str(exc), "breakdown"))
            breakdown = {}
        raw_value = str(record.get("value") or "").strip()
        qualifier = str(record.get("qualifier") or "").strip().lower().replace(" ", "_")
        if raw_value.lower() in SYMBOLS:
            qualifier = qualifier or SYMBOLS[raw_value.lower()]
            raw_value = ""
        qualifier = SYMBOLS.get(qualifier, qualifier) or Qualifier.EXACT
        try:
            value = services.parse_value(raw_value.replace(",", "").rstrip("%").lstrip("£"))
        except ValueError as exc:
            problems.append(record.problem(f"The value must be a number: {exc}", "value"))
            value = None
        area = str(record.get("area") or "").strip().lower() or Area.AUTHORITY
        if indicator is not None:
            for issue in services.observation_problems(
                indicator, breakdown=breakdown, value=value, qualifier=qualifier, area=area
            ):
                if not (issue.field == "value" and not record.ok("value")):
                    problems.append(record.problem(issue.message, issue.field))
        source = str(record.get("source") or "").strip() or default_source
        if source not in source_checked:
            source_checked[source] = source_problem(source)
        if source_checked[source]:
            problems.append(record.problem(source_checked[source], "source"))
        as_written = str(record.get("as_written") or "")
        period_label = str(record.get("period_label") or "")
        bk = breakdown_key(breakdown)
        for issue in services.observation_text_problems(
            as_written=as_written, period_label=period_label, breakdown_key=bk
        ):
            problems.append(record.problem(issue.message, issue.field))
        if problems or indicator is None or date is None or not record.ok("date"):
            plan.problems.extend(problems)
            return None
        key = (indicator.pk, date, area, bk, source, as_written)
        if key in seen:
            plan.problems.append(
                record.problem(
                    f"The same figure of {code} for {date:%d/%m/%Y} is also in row {seen[key]}.",
                    "indicator",
                )
            )
            return None
        seen[key] = record.row
        held = existing.get(key)
        after = {
            "value": value_text(value, places_of(value)) if value is not None else "",
            "qualifier": qualifier,
            "as_written": as_written,
            "period_label": period_label,
            "commentary": str(record.get("commentary") or ""),
        }
        pk, before = None, {}
        if held is not None:
            pk, held_value, places, held_qualifier, period_label_was, commentary_was = held
            before = {
                "value": value_text(held_value, places) if held_value is not None else "",
                "qualifier": held_qualifier,
                "as_written": as_written,
                "period_label": period_label_was,
                "commentary": commentary_was,
            }
        if held is None:
            action = Change.NEW
        elif before != after:
            action = Change.CHANGED
        else:
            action = Change.UNCHANGED
        where = f" {bk}" if bk else ""
        area_text = "" if area == Area.AUTHORITY else f" {area}"
        return Change(
            action=action,
            key="|".join(map(str, key)),
            label=f"{code} {date.isoformat()}{area_text}{where}"[:120],
            row=record.row,
            before=before,
            after=after,
            payload={
                "indicator": indicator,
                "date": date,
                "area": area,
                "breakdown": breakdown,
                "value": value,
                "source": source,
                "breakdown_key": bk,
                "pk": pk,
                **{k: after[k] for k in ("qualifier", "as_written", "period_label", "commentary")},
            },
        )

    def apply(self, context: ImportContext, plan: Plan) -> None:
        """Every new and changed figure in bulk, with its history, in one transaction."""
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
        new: list[Observation] = []
        changed: list[Observation] = []
        for change in plan.to_write:
            p = change.payload
            value: Decimal | None = p["value"]
            observation = Observation(
                pk=p["pk"],
                indicator_id=p["indicator"].pk,
                date=p["date"],
                area=p["area"],
                breakdown=p["breakdown"],
                breakdown_key=p["breakdown_key"],
                value=value,
                places=places_of(value) if value is not None else 0,
                qualifier=p["qualifier"],
                as_written=p["as_written"],
                period_label=p["period_label"],
                commentary=p["commentary"],
                source_id=sources[p["source"]].pk,
            )
            (new if change.action == Change.NEW else changed).append(observation)
        try:
            with transaction.atomic():
                services.observations_write(new=new, changed=changed, user=context.user)
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
    Problems name the row and the column (by its place among the dict's keys)."""
    importer = INDICATORS_IMPORTER
    columns = {c.key: c for c in importer.columns}
    # A blank cell reads the same in every row: read it once per column.
    blanks = {
        key: read_cell(column, None, unit=AmountUnit.POUNDS, to=AmountUnit.POUNDS)
        for key, column in columns.items()
    }
    records = []
    plan = Plan(dataset=importer.name)
    layouts: dict[tuple[str, ...], dict[str, tuple[int, str]]] = {}
    for number, row in enumerate(rows, start=2):
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
        records.append(record)
    importer.plan(context, records, plan)
    plan.problems.sort(key=lambda problem: problem.row or 0)
    if write and not plan.problems:
        with transaction.atomic():
            importer.apply(context, plan)
    return plan
