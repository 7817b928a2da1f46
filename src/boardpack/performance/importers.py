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

from django.db import transaction
from simple_history.utils import bulk_create_with_history

from boardpack.imports.amounts import Unit as AmountUnit
from boardpack.imports.framework import (
    Change,
    Column,
    ImportContext,
    Importer,
    Kind,
    Plan,
    Record,
    read_cell,
)
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
        organisation = context.organisation
        indicators = {i.code: i for i in Indicator.objects.filter(organisation=organisation)}
        sources = {s.key: s for s in Source.objects.filter(organisation=organisation)}
        existing: dict[tuple, Observation] = {}
        codes = {str(r.get("indicator", "")).strip() for r in records}
        for o in Observation.objects.filter(
            indicator__organisation=organisation, indicator__code__in=codes
        ).select_related("source"):
            existing[
                (o.indicator_id, o.date, o.area, o.breakdown_key, o.source.key, o.as_written)
            ] = o
        default_source = f"import-{context.period.key}"
        seen: dict[tuple, int] = {}
        for record in records:
            change = self._row(context, record, plan, indicators, existing, seen, default_source)
            if change is not None:
                plan.changes.append(change)
        new_sources = sorted(
            {c.payload["source"] for c in plan.changes if c.payload["source"] not in sources}
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
        existing: dict[tuple, Observation],
        seen: dict[tuple, int],
        default_source: str,
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
        if problems or indicator is None or date is None or not record.ok("date"):
            plan.problems.extend(problems)
            return None
        source = str(record.get("source") or "").strip() or default_source
        as_written = str(record.get("as_written") or "")
        bk = breakdown_key(breakdown)
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
        before_obj = existing.get(key)
        after = {
            "value": value_text(value, places_of(value)) if value is not None else "",
            "qualifier": qualifier,
            "as_written": as_written,
            "period_label": str(record.get("period_label") or ""),
            "commentary": str(record.get("commentary") or ""),
        }
        before = (
            {
                "value": value_text(before_obj.value, before_obj.places)
                if before_obj.value is not None
                else "",
                "qualifier": before_obj.qualifier,
                "as_written": before_obj.as_written,
                "period_label": before_obj.period_label,
                "commentary": before_obj.commentary,
            }
            if before_obj
            else {}
        )
        if before_obj is None:
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
                "existing": before_obj,
                **{k: after[k] for k in ("qualifier", "as_written", "period_label", "commentary")},
            },
        )

    def apply(self, context: ImportContext, plan: Plan) -> None:
        """New figures in bulk (with their history), changed ones one by one."""
        organisation = context.organisation
        sources = {s.key: s for s in Source.objects.filter(organisation=organisation)}
        for change in plan.to_write:
            key = change.payload["source"]
            if key not in sources:
                sources[key] = services.source_set(
                    organisation=organisation,
                    key=key,
                    title=key
                    if key != f"import-{context.period.key}"
                    else (f"Imported for {context.period.label}"),
                    date=context.period.period.last_day,
                    period=context.period,
                )
        new = []
        for change in plan.to_write:
            p = change.payload
            if change.action == Change.NEW:
                value: Decimal | None = p["value"]
                new.append(
                    Observation(
                        indicator=p["indicator"],
                        date=p["date"],
                        area=p["area"],
                        breakdown=p["breakdown"],
                        breakdown_key=breakdown_key(p["breakdown"]),
                        value=value,
                        places=places_of(value) if value is not None else 0,
                        qualifier=p["qualifier"],
                        as_written=p["as_written"],
                        period_label=p["period_label"],
                        commentary=p["commentary"],
                        source=sources[p["source"]],
                    )
                )
            else:
                services.observation_set(
                    indicator=p["indicator"],
                    date=p["date"],
                    source=sources[p["source"]],
                    value=p["value"],
                    qualifier=p["qualifier"],
                    as_written=p["as_written"],
                    area=p["area"],
                    breakdown=p["breakdown"],
                    period_label=p["period_label"],
                    commentary=p["commentary"],
                )
        if new:
            bulk_create_with_history(new, Observation, batch_size=2000, default_user=context.user)


INDICATORS_IMPORTER = ObservationsImporter()


def import_csv_rows(
    context: ImportContext, rows: Iterable[dict[str, Any]], *, write: bool = True
) -> Plan:
    """Import a CSV's rows (dicts keyed by the export's column names) past the spreadsheet
    reader's size limits: the same reading, checks and one transaction, for bulk loads such as
    a year of figures from a data warehouse. Nothing is written when any row has a problem."""
    importer = INDICATORS_IMPORTER
    columns = {c.key: c for c in importer.columns}
    records = []
    plan = Plan(dataset=importer.name)
    for number, row in enumerate(rows, start=2):
        record = Record(row=number, values={}, sheet="CSV")
        for key, column in columns.items():
            value, message = read_cell(
                column, row.get(key), unit=AmountUnit.POUNDS, to=AmountUnit.POUNDS
            )
            record.values[key] = value
            if message:
                record.failed.add(key)
                plan.problems.append(record.problem(message))
        records.append(record)
    importer.plan(context, records, plan)
    if write and not plan.problems:
        with transaction.atomic():
            importer.apply(context, plan)
    return plan
