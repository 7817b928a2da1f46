"""Reading records: every data row below a table's header, each cell as a typed value, and a
problem naming the cell for each that cannot be read."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

from boardpack.imports.amounts import AmountError, Unit, magnitude_problem, parse_amount
from boardpack.imports.framework.columns import PERIOD_KEY, Column, Kind, unit_from_headers
from boardpack.imports.framework.importer import TableShape
from boardpack.imports.framework.layouts import Layout
from boardpack.imports.framework.plan import ImportContext, Record
from boardpack.imports.problems import Problem
from boardpack.imports.readers import MissingResult
from boardpack.periods import MONTH_NAMES, Month, PeriodError

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


def read_records(
    importer: TableShape, context: ImportContext, layout: Layout
) -> tuple[list[Record], list[Problem], list[str]]:
    """Every data row below the header, typed; a problem for each cell that cannot be read."""
    unit = sheet_unit(importer, context, layout)
    records: list[Record] = []
    problems: list[Problem] = []
    notes: list[str] = []
    sheet = layout.sheet
    if sheet.truncated:
        problems.append(
            Problem("The sheet has too many rows: Boardpack reads up to 20,000.", sheet=sheet.name)
        )
    for row_number in range(layout.header_row + 1, len(sheet.rows) + 1):
        record = Record(
            row=row_number,
            values={},
            sheet=sheet.name,
            cells={k: (i, layout.headers[i]) for k, i in layout.mapping.items()},
        )
        cell_problems: list[Problem] = []
        for key, index in layout.mapping.items():
            column = importer.column(key)
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
        reason = importer.skip_row(record, sheet.rows[row_number - 1])
        if reason:
            notes.append(
                f"Row {row_number} is a {reason} row: Boardpack computes it, so it is not imported."
            )
            continue
        problems.extend(cell_problems)
        records.append(record)
    return records, problems, notes


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
