"""Importing DfE tidy data into an organisation's benchmark measures.

A mapping says which indicator column, under which filter values, is which measure. The whole
file is read and checked first — every mapped column, filter and value, every authority code —
and only a file with no problem is written, in one transaction, in bulk with its history.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from boardpack.benchmarking.models import (
    ENGLAND_CODE,
    AuthorityCode,
    BenchmarkValue,
    LocalAuthority,
    Measure,
    Polarity,
    TidyMapping,
    Unit,
)
from boardpack.benchmarking.tidy import TidyFile, TidyRow, default_measure_code, parse_cell
from boardpack.core.models import Organisation
from boardpack.demo.upsert import upsert
from boardpack.performance.models import Indicator

MAX_PROBLEMS = 50


@dataclass(frozen=True)
class MappingEntry:
    column: str
    filters: dict[str, str]
    measure: str
    title: str = ""
    unit: str = Unit.COUNT
    polarity: str = Polarity.NEITHER
    decimals: int = 0
    indicator: str = ""  # the code of the organisation's indicator it feeds; "" makes one

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> MappingEntry:
        return cls(
            column=str(data["column"]),
            filters={str(k): str(v) for k, v in (data.get("filters") or {}).items()},
            measure=str(data.get("measure") or default_measure_code(data["column"], {})),
            title=str(data.get("title") or ""),
            unit=str(data.get("unit") or Unit.COUNT),
            polarity=str(data.get("polarity") or Polarity.NEITHER),
            decimals=int(data.get("decimals") or 0),
            indicator=str(data.get("indicator") or ""),
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "column": self.column,
            "filters": self.filters,
            "measure": self.measure,
            "title": self.title,
            "unit": self.unit,
            "polarity": self.polarity,
            "decimals": self.decimals,
            "indicator": self.indicator,
        }


@dataclass
class MeasureChange:
    code: str
    title: str
    new: int = 0
    changed: int = 0
    unchanged: int = 0


@dataclass
class TidyImportResult:
    problems: list[str] = field(default_factory=list)
    more_problems: int = 0
    measures: list[MeasureChange] = field(default_factory=list)
    applied: bool = False

    def problem(self, message: str) -> None:
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(message)
        else:
            self.more_problems += 1

    @property
    def ok(self) -> bool:
        return not self.problems


def mapping_save(
    *, organisation: Organisation, name: str, columns: list[str], entries: list[MappingEntry]
) -> TidyMapping:
    if not name.strip():
        raise ValidationError({"name": "Give the mapping a name."})
    return upsert(
        TidyMapping,
        {"organisation": organisation, "name": name},
        {"columns": columns, "entries": [e.as_dict() for e in entries]},
    )


def mapping_entries(mapping: TidyMapping) -> list[MappingEntry]:
    return [MappingEntry.from_dict(entry) for entry in mapping.entries]


def _check_mapping(
    organisation: Organisation,
    tidy: TidyFile,
    entries: list[MappingEntry],
    result: TidyImportResult,
) -> None:
    if not entries:
        result.problem("The mapping names no column to import.")
    values = tidy.filter_values()
    codes: set[str] = set()
    indicators = set(
        Indicator.objects.filter(organisation=organisation).values_list("code", flat=True)
    )
    for entry in entries:
        if entry.column not in tidy.columns:
            result.problem(f"The mapping names the column {entry.column!r}, which the file lacks.")
        for name, value in entry.filters.items():
            if name not in values:
                result.problem(
                    f"The mapping for {entry.measure} filters on {name!r}, which is not a filter "
                    "column of the file."
                )
            elif value not in values[name]:
                result.problem(
                    f"The mapping for {entry.measure} picks {name} = {value!r}, which no row has "
                    f"(the file has {', '.join(values[name][:6])})."
                )
        if entry.measure in codes:
            result.problem(f"The mapping gives the code {entry.measure} to two columns.")
        codes.add(entry.measure)
        if entry.unit not in Unit.values:
            result.problem(f"{entry.measure}: unknown unit {entry.unit!r}.")
        if entry.polarity not in Polarity.values:
            result.problem(f"{entry.measure}: unknown polarity {entry.polarity!r}.")
        if entry.indicator and entry.indicator not in indicators:
            result.problem(
                f"The mapping for {entry.measure} feeds the indicator {entry.indicator}, "
                f"which {organisation.name} does not have."
            )


class AuthorityCodes:
    """Which authority a row names: by its LA code, or by an ONS code it has published under
    (Somerset is 933 whether a file calls it E10000027 or E06000066)."""

    def __init__(self) -> None:
        self.la_codes = set(LocalAuthority.objects.values_list("old_la_code", flat=True))
        ons: dict[str, set[str]] = {}
        pairs = [
            *LocalAuthority.objects.values_list("old_la_code", "new_la_code"),
            *AuthorityCode.objects.values_list("authority__old_la_code", "new_la_code"),
        ]
        for la_code, ons_code in pairs:
            if ons_code:
                ons.setdefault(ons_code, set()).add(la_code)
        # An ONS code two reporting units share (a joint return) names neither alone.
        self.by_ons = {code: next(iter(found)) for code, found in ons.items() if len(found) == 1}

    def la_code(self, row: TidyRow) -> str | None:
        if row.old_la_code:
            return row.old_la_code if row.old_la_code in self.la_codes else None
        return self.by_ons.get(row.new_la_code)

    @staticmethod
    def problem(row: TidyRow) -> str:
        if row.old_la_code:
            column, code = "old_la_code", row.old_la_code
        else:
            column, code = "new_la_code", row.new_la_code
        return (
            f"Line {row.line}, column {column}: unknown LA code {code!r} "
            f"({row.la_name or 'no name'})"
        )


def _area(row: TidyRow, la_code: str | None) -> tuple[str, str]:
    if row.level == "national":
        return ENGLAND_CODE, "England"
    if row.level == "regional":
        return row.region_code, row.region_name
    return la_code or row.old_la_code, row.la_name


def plan_import(
    *, organisation: Organisation, tidy: TidyFile, entries: list[MappingEntry]
) -> tuple[TidyImportResult, dict[str, list[dict[str, Any]]]]:
    """Check everything; return the result and, per measure code, the values to hold."""
    result = TidyImportResult()
    _check_mapping(organisation, tidy, entries, result)
    authorities = AuthorityCodes()
    wanted: dict[str, list[dict[str, Any]]] = {}
    if result.problems:
        return result, wanted
    for entry in entries:
        rows: dict[tuple[str, str, str], dict[str, Any]] = {}
        for row in tidy.rows:
            if any(row.filters.get(k) != v for k, v in entry.filters.items()):
                continue
            la_code = authorities.la_code(row) if row.level == "authority" else None
            if row.level == "authority" and la_code is None:
                result.problem(authorities.problem(row))
                continue
            raw = row.cells.get(entry.column)
            if raw is None:  # a mapped column the reader took for a filter: it holds text
                raw = row.filters.get(entry.column, "")
            try:
                value, symbol = parse_cell(raw)
            except ValueError as exc:
                result.problem(f"Line {row.line}, column {entry.column}: {exc}")
                continue
            code, name = _area(row, la_code)
            key = (row.time_period, row.level, code)
            if key in rows:
                result.problem(
                    f"Line {row.line}: a second {entry.column} for {name} in {row.time_period} "
                    f"under the filters {entry.filters or 'none'} — add a filter to the mapping."
                )
                continue
            rows[key] = {
                "year": row.time_period,
                "level": row.level,
                "area_code": code,
                "area_name": name,
                "value": value,
                "symbol": symbol,
                "region_code": row.region_code,
            }
        if not rows and not result.problems:
            result.problem(f"No row of the file matches the mapping for {entry.measure}.")
        wanted[entry.measure] = list(rows.values())
    return result, wanted


def import_tidy(
    *,
    organisation: Organisation,
    tidy: TidyFile,
    entries: list[MappingEntry],
    source: str = "",
    dry_run: bool = False,
) -> TidyImportResult:
    result, wanted = plan_import(organisation=organisation, tidy=tidy, entries=entries)
    if not result.ok:
        return result
    from boardpack.benchmarking.feed import feed_organisation

    try:
        with transaction.atomic():
            measures = []
            for entry in entries:
                change, measure = _apply_measure(organisation, entry, wanted[entry.measure], source)
                result.measures.append(change)
                measures.append(measure)
            # The measures' indicators read the new figures at once: pages, RAG, reports. A dry
            # run feeds them too, so that its preview meets whatever the indicators refuse.
            feed_organisation(measures)
            if dry_run:
                transaction.set_rollback(True)
            else:
                result.applied = True
    except ValueError as exc:  # a figure the measure or its indicator refuses: nothing written
        result.measures.clear()
        result.problem(str(exc))
    return result


def _apply_measure(
    organisation: Organisation, entry: MappingEntry, rows: list[dict[str, Any]], source: str
) -> tuple[MeasureChange, Measure]:
    measure, created = Measure.objects.get_or_create(
        organisation=organisation,
        code=entry.measure,
        defaults={
            "title": entry.title or entry.measure,
            "unit": entry.unit,
            "polarity": entry.polarity,
            "decimals": entry.decimals,
            "source": source[:200],
        },
    )
    wanted = {
        "title": entry.title or measure.title,
        "unit": entry.unit,
        "polarity": entry.polarity,
        "decimals": entry.decimals,
    }
    if entry.indicator:
        wanted["indicator"] = Indicator.objects.get(organisation=organisation, code=entry.indicator)
    changed = [name for name, value in wanted.items() if getattr(measure, name) != value]
    if changed:  # the mapping was changed since: the measure follows it
        for name in changed:
            setattr(measure, name, wanted[name])
        measure.save(update_fields=changed)
    change = MeasureChange(code=measure.code, title=measure.title)
    existing = {(v.year, v.level, v.area_code): v for v in measure.values.all()}
    to_create: list[BenchmarkValue] = []
    to_update: list[BenchmarkValue] = []
    for row in rows:
        key = (row["year"], row["level"], row["area_code"])
        current = existing.get(key)
        if current is None:
            to_create.append(BenchmarkValue(measure=measure, **row))
            change.new += 1
            continue
        if _same(current, row):
            change.unchanged += 1
            continue
        for name in ("value", "symbol", "area_name", "region_code"):
            setattr(current, name, row[name])
        to_update.append(current)
        change.changed += 1
    for value in to_create + to_update:
        try:
            value.clean_fields(exclude=["measure"])
        except ValidationError as exc:
            raise ValueError(f"{measure.code} {value.year} {value.area_name}: {exc}") from exc
    if to_create:
        bulk_create_with_history(to_create, BenchmarkValue, batch_size=1000)
    if to_update:
        bulk_update_with_history(
            to_update,
            BenchmarkValue,
            ["value", "symbol", "area_name", "region_code"],
            batch_size=1000,
        )
    return change, measure


def _same(current: BenchmarkValue, row: dict[str, Any]) -> bool:
    value = row["value"]
    same_value = (current.value is None and value is None) or (
        current.value is not None and value is not None and Decimal(current.value) == value
    )
    return (
        same_value
        and current.symbol == row["symbol"]
        and current.area_name == row["area_name"]
        and current.region_code == row["region_code"]
    )
