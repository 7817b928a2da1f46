"""Reading the DfE's "tidy data" CSVs (the Explore Education Statistics layout).

One row per time period × geography × filter values, then one column per indicator. Every file
starts with ``time_period`` and ``geographic_level``; geography columns name England, a region
or an authority; any other column is either a *filter* (text that qualifies a row, such as
``population_type``) or an *indicator* (figures, or the DfE's symbols). Nothing here knows any
particular file: a column is an indicator when every value in it is a number or a symbol.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

REQUIRED = ("time_period", "geographic_level")
GEOGRAPHY = (
    "time_identifier",
    "country_code",
    "country_name",
    "region_code",
    "region_name",
    "old_la_code",
    "new_la_code",
    "la_name",
)
SYMBOLS = {"c", "x", "z", "low", "u"}
LEVELS = {"National": "national", "Regional": "regional", "Local authority": "authority"}
MAX_BYTES = 50 * 1024 * 1024
_NUMBER = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")


class TidyError(ValueError):
    """The file cannot be read as tidy data; the message names the row and column."""


@dataclass(frozen=True)
class TidyRow:
    line: int  # the row's line in the file, counting the header as line 1
    time_period: str
    level: str  # national | regional | authority
    region_code: str
    region_name: str
    old_la_code: str
    new_la_code: str
    la_name: str
    filters: dict[str, str]
    cells: dict[str, str]  # indicator column -> raw text


@dataclass
class TidyFile:
    columns: list[str]
    filter_columns: list[str]
    indicator_columns: list[str]
    rows: list[TidyRow] = field(default_factory=list)
    skipped_levels: dict[str, int] = field(default_factory=dict)
    # Filter columns that are mostly figures: a column of numbers with a bad cell or two. They
    # may still be mapped, so that the import names each bad cell by its row and column.
    mostly_figures: list[str] = field(default_factory=list)

    def mappable_columns(self) -> list[str]:
        return self.indicator_columns + self.mostly_figures

    def filter_values(self) -> dict[str, list[str]]:
        values: dict[str, set[str]] = {name: set() for name in self.filter_columns}
        for row in self.rows:
            for name, value in row.filters.items():
                values[name].add(value)
        return {name: sorted(found) for name, found in values.items()}

    def years(self) -> list[str]:
        return sorted({row.time_period for row in self.rows})


def parse_cell(text: str) -> tuple[Decimal | None, str]:
    """``(value, symbol)`` of one indicator cell; raises ValueError for anything else.

    Only ASCII digits are numbers. A symbol is kept as it is, never turned into zero.
    """
    cleaned = text.strip()
    if cleaned.lower() in SYMBOLS:
        return None, cleaned.lower()
    if cleaned == "":
        return None, "x"
    if not _NUMBER.match(cleaned):
        raise ValueError(f"{text!r} is neither a number nor one of the DfE symbols c, x, z, low, u")
    try:
        return Decimal(cleaned), ""
    except InvalidOperation as exc:  # pragma: no cover - the pattern admits only decimals
        raise ValueError(f"{text!r} is not a number") from exc


def _figures_and_text(values: Iterator[str]) -> tuple[int, int]:
    """How many cells are figures (numbers or symbols) and how many are other text."""
    figures = text = 0
    for value in values:
        cleaned = value.strip()
        if cleaned == "":
            continue
        if cleaned.lower() in SYMBOLS or _NUMBER.match(cleaned):
            figures += 1
        else:
            text += 1
    return figures, text


def _is_indicator(values: Iterator[str]) -> bool:
    seen_number = False
    for value in values:
        cleaned = value.strip()
        if cleaned.lower() in SYMBOLS or cleaned == "":
            continue
        if not _NUMBER.match(cleaned):
            return False
        seen_number = True
    return seen_number


def read_tidy(data: bytes, *, name: str = "the file") -> TidyFile:
    """Parse a tidy-data CSV, refusing whatever is not one with the row and column named."""
    if len(data) > MAX_BYTES:
        raise TidyError(f"{name} is {len(data):,} bytes; tidy-data files above 50 MB are refused")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise TidyError(f"{name} is not UTF-8 text (byte {exc.start})") from exc
    if "\x00" in text:
        raise TidyError(f"{name} holds NUL characters: it is not a CSV file")
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        raise TidyError(f"{name} is empty") from None
    except csv.Error as exc:
        raise TidyError(f"{name}, line 1: {exc}") from exc
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise TidyError(
            f"{name}, line 1: not DfE tidy data: it has no {' or '.join(missing)} column "
            f"(its columns are {', '.join(header[:12])}{'…' if len(header) > 12 else ''})"
        )
    if len(set(header)) != len(header):
        duplicates = sorted({h for h in header if header.count(h) > 1})
        raise TidyError(f"{name} repeats the column(s) {', '.join(duplicates)}")
    raw: list[tuple[int, list[str]]] = []
    try:
        for line_no, record in enumerate(reader, start=2):
            if not any(cell.strip() for cell in record):
                continue
            if len(record) != len(header):
                raise TidyError(
                    f"{name}, line {line_no}: {len(record)} fields where the header has "
                    f"{len(header)}"
                )
            raw.append((line_no, record))
    except csv.Error as exc:
        raise TidyError(f"{name}, line {reader.line_num}: {exc}") from exc
    others = [h for h in header if h not in REQUIRED and h not in GEOGRAPHY]
    index = {h: i for i, h in enumerate(header)}
    indicators = [h for h in others if _is_indicator(r[index[h]] for _, r in raw)]
    filters = [h for h in others if h not in indicators]
    tidy = TidyFile(columns=header, filter_columns=filters, indicator_columns=indicators)
    for column in filters:
        figures, words = _figures_and_text(r[index[column]] for _, r in raw)
        if figures > words:
            tidy.mostly_figures.append(column)

    def get(record: list[str], column: str) -> str:
        return record[index[column]].strip() if column in index else ""

    for line_no, record in raw:
        level = LEVELS.get(get(record, "geographic_level"))
        if level is None:
            found = get(record, "geographic_level") or "(blank)"
            tidy.skipped_levels[found] = tidy.skipped_levels.get(found, 0) + 1
            continue
        period = get(record, "time_period")
        if not period:
            raise TidyError(f"{name}, line {line_no}, column time_period: blank")
        if level == "authority" and not (get(record, "old_la_code") or get(record, "new_la_code")):
            raise TidyError(
                f"{name}, line {line_no}, column old_la_code: blank for an authority, and no "
                "new_la_code either"
            )
        tidy.rows.append(
            TidyRow(
                line=line_no,
                time_period=period,
                level=level,
                region_code=get(record, "region_code"),
                region_name=get(record, "region_name"),
                old_la_code=get(record, "old_la_code"),
                new_la_code=get(record, "new_la_code"),
                la_name=get(record, "la_name"),
                filters={f: get(record, f) for f in filters},
                cells={c: record[index[c]] for c in indicators},
            )
        )
    return tidy


def default_measure_code(column: str, filters: dict[str, str]) -> str:
    """A readable default code from a column name and filter values (``RATE-PER-10000``)."""
    words = [column] + [value for value in filters.values() if value]
    code = re.sub(r"[^A-Za-z0-9]+", "-", " ".join(words)).strip("-").upper()
    return code[:60]


def default_measure_title(column: str, filters: dict[str, str]) -> str:
    title = column.replace("_", " ").strip().capitalize()
    qualifiers = [value for value in filters.values() if value]
    return f"{title} — {', '.join(qualifiers)}" if qualifiers else title
