"""Reading records: every data row below a table's header, each cell as a typed value, and a
problem naming the cell for each that cannot be read."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from decimal import Decimal
from typing import Any

from boardpack.imports.amounts import AmountError, Unit, magnitude_problem, parse_amount
from boardpack.imports.framework.columns import (
    PERIOD_KEY,
    Column,
    Kind,
    normalise_header,
    unit_from_headers,
)
from boardpack.imports.framework.importer import TableShape
from boardpack.imports.framework.layouts import Layout
from boardpack.imports.framework.plan import ImportContext, Plan, Record, Stage
from boardpack.imports.problems import Problem
from boardpack.imports.readers import MAX_ROWS, MissingResult, too_many_rows
from boardpack.periods import MONTH_NAMES, FinancialYear, Month, PeriodError

MAX_TEXT = 2000


def sheet_unit(importer: TableShape, context: ImportContext, layout: Layout) -> Unit:
    """The unit the user stated; else the one the headings state; else the title rows above
    them (``All figures in £000``); else the dataset's default."""
    titles = [cell for row in layout.sheet.rows[: max(layout.header_row - 1, 0)] for cell in row]
    return (
        context.unit
        or unit_from_headers(layout.headers)
        or unit_from_headers(titles)
        or importer.default_unit
    )


def sheet_too_long(layout: Layout, max_rows: int = MAX_ROWS) -> Problem | None:
    """A problem when the table holds more rows than one import takes, known before any row
    is read (from the sheet's stated dimension, or the rows the reader stopped at)."""
    sheet = layout.sheet
    if sheet.truncated or len(sheet.rows) - layout.header_row > max_rows:
        rows = sheet.declared_rows if sheet.truncated else len(sheet.rows) - layout.header_row
        return too_many_rows(sheet.name, rows, max_rows)
    return None


def read_records(
    importer: TableShape, context: ImportContext, layout: Layout
) -> tuple[list[Record], list[Problem], list[str]]:
    """Every data row below the header, typed; a problem for each cell that cannot be read."""
    unit = sheet_unit(importer, context, layout)
    records: list[Record] = []
    problems: list[Problem] = []
    notes: list[str] = []
    totals: list[Record] = []
    sheet = layout.sheet
    too_long = sheet_too_long(layout, context.max_rows)
    if too_long is not None:
        return [], [too_long], notes
    columns = {key: importer.column(key) for key in layout.mapping}
    last_row = len(sheet.rows)
    quick = importer.quick_reader(layout)
    quick_cells = {k: (i, layout.headers[i]) for k, i in layout.mapping.items()}
    for row_number in range(layout.header_row + 1, last_row + 1):
        context.report(Stage.READING, row_number - layout.header_row, last_row - layout.header_row)
        if quick is not None:
            values = quick(sheet.rows[row_number - 1])
            if values is not None:
                # A plain row of data, read as read_cell reads it: the cells' heading shared.
                records.append(
                    Record(row=row_number, values=values, sheet=sheet.name, cells=quick_cells)
                )
                continue
        record = Record(
            row=row_number,
            values={},
            sheet=sheet.name,
            cells={k: (i, layout.headers[i]) for k, i in layout.mapping.items()},
        )
        cell_problems: list[Problem] = []
        for key, index in layout.mapping.items():
            column = columns[key]
            raw = sheet.cell(row_number, index)
            record.raw[key] = raw
            value, message = read_cell(column, raw, unit=unit, to=importer.unit)
            if key == PERIOD_KEY and not message:
                message = read_period(raw, context.period.period)
            if not message and column.kind == Kind.MONEY and value is not None:
                message, refused = magnitude_problem(value, importer.unit)
                if message and not refused:
                    record.warnings.append(
                        Problem.at(
                            message,
                            sheet=sheet.name,
                            row=row_number,
                            index=index,
                            header=layout.headers[index],
                        )
                    )
                    message = ""
            if message:
                record.failed.add(key)
                cell_problems.append(
                    Problem.at(
                        message,
                        sheet=sheet.name,
                        row=row_number,
                        index=index,
                        header=layout.headers[index],
                    )
                )
            record.values[key] = value
        if not record.failed and all(v is None or v == "" for v in record.values.values()):
            continue
        record.label = _first_words(sheet.rows[row_number - 1])
        reason = importer.skip_row(record, sheet.rows[row_number - 1])
        if reason:
            notes.append(
                f"Row {row_number} is a {reason} row: Boardpack computes it, so it is not imported."
            )
            if reason == "total" and not record.failed:
                totals.append(_with_unmatched(record, layout))
            continue
        footnote = _footnote(sheet.rows[row_number - 1], record)
        if footnote:
            notes.append(
                f"Row {row_number} (‘{footnote[:60]}’) is a note under the table: skipped."
            )
            continue
        problems.extend(cell_problems)
        records.append(record)
    records, found_totals = _trailing_total(importer, records, unit)
    for record in found_totals:
        label = row_label(importer, record)
        notes.append(
            f"Row {record.row} (‘{label}’) adds up the rows above it: it is kept as a stated "
            "total and checked, not imported as a line."
        )
    totals.extend(_with_unmatched(record, layout) for record in found_totals)
    for attribute, value in (("stated_totals", totals), ("unit_read", unit)):
        setattr(layout, attribute, value)
    return records, problems, notes


def _with_unmatched(record: Record, layout: Layout) -> Record:
    matched = set(layout.mapping.values())
    cells = layout.sheet.rows[record.row - 1]
    record.unmatched = {
        normalise_header(heading): cells[index]
        for index, heading in enumerate(layout.headers)
        if index not in matched and index < len(cells) and heading
    }
    return record


FOOTNOTE = re.compile(r"^(?:notes?|source|sources|\*+|nb|n\.b\.|figures|all figures)\b", re.I)


def _footnote(cells: list[Any], record: Record) -> str:
    """The text of a note under a table (``Note: figures are provisional``, ``* excludes…``):
    one cell of text, no figures, reading as a note rather than a name."""
    texts = [c for c in cells if isinstance(c, str) and c.strip()]
    others = [c for c in cells if c not in (None, "") and not isinstance(c, str)]
    if len(texts) != 1 or others:
        return ""
    text = texts[0].strip()
    if FOOTNOTE.match(text) or len(text) > 80 or (text.endswith(".") and len(text.split()) > 4):
        return text
    return ""


def _money_keys(importer: TableShape, records: list[Record]) -> list[str]:
    keys = {k for r in records for k, v in r.values.items() if isinstance(v, Decimal)}
    return [c.key for c in importer.columns if c.kind == Kind.MONEY and c.key in keys]


def _trailing_total(
    importer: TableShape, records: list[Record], unit: Unit
) -> tuple[list[Record], list[Record]]:
    """A last row whose figures are the sum of every row above it (two or more), within
    rounding, is the table's total whatever it is called (``Children's Services``)."""
    if len(records) < 3 or records[-1].failed or getattr(importer, "keep_totals", False):
        return records, []  # a table that keeps its total row as data checks it itself
    last = records[-1]
    keys = [k for k in _money_keys(importer, [last]) if last.get(k) is not None]
    # Headings (a division's name on a row of its own) carry no figures: not lines.
    lines = [r for r in records[:-1] if any(r.get(k) is not None for k in keys)]
    if not keys or len(lines) < 2:
        return records, []
    for key in keys:
        values = [r.get(key) for r in lines]
        if any(v is None for v in values) or any(key in r.failed for r in lines):
            return records, []
        if abs(sum(values, Decimal(0)) - last.get(key)) > total_tolerance(last, key, len(lines)):
            return records, []
    return records[:-1], [last]


def reconcile_totals(
    importer: TableShape, records: list[Record], totals: list[Record]
) -> tuple[list[Problem], list[str]]:
    """Each stated total against the rows it adds up: a subtotal the rows since the previous
    total, a total every row above it. Beyond rounding is a problem; within it, a note."""
    problems: list[Problem] = []
    notes: list[str] = []
    previous_row = 0
    ordered = sorted(records, key=lambda r: r.row)
    rows = [r.row for r in ordered]
    for total in sorted(totals, key=lambda r: r.row):
        label = row_label(importer, total) or "Total"
        keys = _money_keys(importer, [total])
        # A subtotal adds the rows since the previous total, a total every row above it: the
        # figures say which (the span they are nearer to), whatever the row is called. The
        # rows between are found by bisection, so many subtotals do not make this quadratic.
        end = bisect.bisect_left(rows, total.row)
        spans = [
            [
                r
                for r in ordered[bisect.bisect_right(rows, start) : end]
                if any(r.get(k) is not None for k in keys)
            ]
            for start in dict.fromkeys([previous_row, 0])
        ]
        previous_row = total.row
        spans = [span for span in spans if span]
        if not spans:
            continue
        span = min(spans, key=lambda rows: _distance(total, rows, keys))
        total.adds_up = span
        agreed = []
        for key in keys:
            stated = total.get(key)
            values = [r.get(key) for r in span]
            if stated is None or any(v is None for v in values):
                continue
            computed = sum(values, Decimal(0))
            difference = stated - computed
            tolerance = total_tolerance(total, key, len(span))
            header = importer.column(key).header
            if abs(difference) > tolerance:
                problems.append(
                    total.problem(
                        f"The stated {header.lower()} ({_plain(stated)}) is not the sum of "
                        f"the {len(span)} rows it totals ({_plain(computed)}): "
                        f"{_plain(abs(difference))} apart, more than rounding explains "
                        f"({_plain(tolerance)}). Check the rows and the total.",
                        key,
                    )
                )
            elif difference:
                notes.append(
                    f"Row {total.row} (‘{label}’): the stated {header.lower()} is "
                    f"{_plain(abs(difference))} from the sum of its {len(span)} rows, within "
                    "rounding."
                )
            else:
                agreed.append(header.lower())
        if agreed:
            notes.append(
                f"Row {total.row} (‘{label}’) agrees with the {len(span)} rows it totals "
                f"({', '.join(agreed)})."
            )
    return problems, notes


def _distance(total: Record, rows: list[Record], keys: list[str]) -> Decimal:
    """How far a stated total is from the sum of ``rows``, over the figures it states."""
    distance = Decimal(0)
    for key in keys:
        values = [r.get(key) for r in rows]
        if total.get(key) is not None and all(v is not None for v in values):
            distance += abs(total.get(key) - sum(values, Decimal(0)))
    return distance


def row_label(importer: TableShape, record: Record) -> str:
    """A row's name as the sheet shows it."""
    return record.label


ROW_KINDS = {"line", "subtotal", "sub total", "total", "a", "(f)", "-"}


def _first_words(cells: list[Any]) -> str:
    """The first cell of words in a row (not a row-kind word or an A/(F) marker)."""
    for cell in cells:
        text = cell.strip() if isinstance(cell, str) else ""
        if any(c.isalpha() for c in text) and text.lower() not in ROW_KINDS:
            return text[:80]
    return ""


def _plain(value: Decimal) -> str:
    text = f"{value:,f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def total_tolerance(total: Record, key: str, count: int) -> Decimal:
    """How far a stated total may be from the sum of ``count`` figures, each rounded as the
    total is written: half a unit of its last place for each, and one for the total."""
    value = total.get(key)
    exponent = value.as_tuple().exponent if isinstance(value, Decimal) else 0
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return Decimal(5).scaleb(-(places + 1)) * (count + 1)


def read_financial_year(record: Record, plan: Plan, year: FinancialYear) -> bool:
    """Whether a row's optional ``financial_year`` cell is blank or ``year``; a problem in the
    plan when it is not."""
    text = str(record.get("financial_year") or "").strip()
    if not text:
        return True
    try:
        found = FinancialYear.parse(text)
    except PeriodError:
        plan.problems.append(
            record.problem(
                f"A financial year is written like {year.label}, not ‘{text[:20]}’.",
                "financial_year",
            )
        )
        return False
    if found != year:
        plan.problems.append(
            record.problem(
                f"This row is for {found.label}, but the period imported is in {year.label}.",
                "financial_year",
            )
        )
        return False
    return True


def read_period(raw: Any, expected: Month) -> str:
    """A problem message when a row's period cell is not the period being imported."""
    if raw is None or raw == "":
        return ""
    if isinstance(raw, dt.date):
        found = Month.from_date(raw)
    else:
        text = str(raw).strip()
        try:
            found = Month.parse(text)
        except PeriodError:
            match = re.fullmatch(r"([A-Za-z]+)\s+(\d{4})", text)
            names = [n.lower() for n in MONTH_NAMES]
            if not match or match.group(1).lower() not in names:
                return (
                    f"A period is written YYYY-MM, for example {expected.key}, not ‘{text[:40]}’."
                )
            found = Month(int(match.group(2)), names.index(match.group(1).lower()))
    if found != expected:
        return f"This row is for {found.key}, but the import is for {expected.key}."
    return ""


def read_cell(column: Column, raw: Any, *, unit: Unit, to: Unit) -> tuple[Any, str]:
    """The typed value of one cell and, when it cannot be read, a message saying why."""
    if isinstance(raw, MissingResult):
        return None, (
            f"The cell holds a formula ({raw.formula[:60]}) whose result was not saved. Open the "
            "file in Excel, save it, and upload it again (or paste the values in)."
        )
    if column.kind == Kind.MONEY:
        try:
            return parse_amount(raw, unit=unit, to=to), ""
        except AmountError as exc:
            return None, f"{column.header} must be an amount of money. {exc}."
    if column.kind == Kind.DATE:
        return read_date(column, raw)
    if raw is None:
        return "", ""
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    text = str(raw).strip()
    if text[:1] == "'" and text[1:2] in ("=", "+", "-", "@"):
        text = text[1:]  # the guard our own CSV exports put before formula-like text
    if "\x00" in text or any(ord(c) < 32 and c not in "\t\r\n" for c in text):
        return "", "The cell holds control characters: retype the text."
    if len(text) > MAX_TEXT:
        return text[:MAX_TEXT], f"The text is longer than {MAX_TEXT:,} characters."
    return text, ""


DATE_FORMATS = ("%d/%m/%Y", "%d/%m/%y", "%d-%m-%Y", "%d.%m.%Y", "%d %B %Y", "%d %b %Y")


def read_date(column: Column, raw: Any) -> tuple[dt.date | None, str]:
    """A date cell: a real date, ``2023-03-31``, ``31/03/2023`` or ``31 March 2023``."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None, ""
    if isinstance(raw, dt.datetime):
        return raw.date(), ""
    if isinstance(raw, dt.date):
        return raw, ""
    text = " ".join(str(raw).split())
    if not isinstance(raw, (int, float, Decimal)):
        try:
            # An ISO date, or one with midnight after it as a CSV writes a datetime.
            return dt.date.fromisoformat(text.removesuffix(" 00:00:00")), ""
        except ValueError:
            pass
        for pattern in DATE_FORMATS:
            try:
                return dt.datetime.strptime(text, pattern).date(), ""
            except ValueError:
                continue
    return None, (
        f"{column.header} must be a date, such as 31/03/2023 or 31 March 2023, not ‘{text[:40]}’."
    )
