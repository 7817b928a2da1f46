"""The one Excel writer: every XLSX Boardpack hands out is written here.

Text never becomes a live formula. A cell whose text starts with ``=``, ``+``, ``-``, ``@``, a
tab or a carriage return (how spreadsheet formulas and DDE payloads such as
``=HYPERLINK(...)`` or ``=cmd|' /C calc'!A0`` begin) is written as a text cell, with Excel's
"quote prefix" so that editing it in Excel keeps it text. Numbers stay numbers.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class SheetData:
    """One sheet: its title, header row and body rows."""

    title: str
    header: Sequence[str]
    rows: Iterable[Sequence[Any]]
    number_format: str | None = None


def new_workbook() -> Workbook:
    """An empty workbook (no default sheet) for a writer that lays its sheets out itself."""
    book = Workbook()
    book.remove(book.active)
    return book


def guard(cell: Cell) -> None:
    """Make a text cell that looks like a formula plain text."""
    value = cell.value
    if isinstance(value, str) and value.startswith(FORMULA_START):
        cell.data_type = "s"
        cell.quotePrefix = True


def append_row(sheet: Worksheet, values: Sequence[Any]) -> None:
    """Append ``values`` as a row (``None`` is a blank cell), every text cell guarded."""
    sheet.append(list(values))
    for cell in sheet[sheet.max_row]:
        guard(cell)


def add_sheet(book: Workbook, data: SheetData) -> Worksheet:
    sheet = book.create_sheet(data.title[:31])
    append_row(sheet, data.header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in data.rows:
        append_row(sheet, row)
    if data.number_format:
        for cells in sheet.iter_rows(min_row=2):
            for cell in cells:
                if isinstance(cell.value, int | float | Decimal) and not isinstance(
                    cell.value, bool
                ):
                    cell.number_format = data.number_format
    sheet.freeze_panes = "A2"
    return sheet


def to_bytes(book: Workbook) -> bytes:
    """The workbook as a file, after a last pass that guards every text cell in it."""
    for sheet in book.worksheets:
        for cells in sheet.iter_rows():
            for cell in cells:
                guard(cell)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def workbook(sheets: Sequence[SheetData]) -> bytes:
    book = new_workbook()
    for data in sheets:
        add_sheet(book, data)
    return to_bytes(book)
