"""Downloadable templates: a header row, a guidance sheet and, optionally, the period's figures.

A dataset with further tables gets a sheet for each, named as its export names it; the CSV
template holds the main table only, as a CSV file holds one table.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from boardpack.core import xlsx
from boardpack.imports.framework import Column, ImportContext, Importer, Kind, TableShape

UNIT_SUFFIX = {"£": " £", "£000": " £000", "£m": " £m"}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def template_header(importer: TableShape, column: Column) -> str:
    if column.kind == Kind.MONEY:
        return column.header + UNIT_SUFFIX[importer.unit.value]
    return column.header


def template_rows(
    importer: Importer, context: ImportContext, *, with_figures: bool
) -> tuple[list[str], list[list[Any]]]:
    header = [template_header(importer, c) for c in importer.columns]
    body: list[list[Any]] = []
    if with_figures:
        for row in importer.current_rows(context):
            body.append([row.get(c.key) for c in importer.columns])
    return header, body


def _csv_text(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        try:
            Decimal(value)
        except ArithmeticError:
            return "'" + value  # never let a spreadsheet run text as a formula
    return value


def template_csv(importer: Importer, context: ImportContext, *, with_figures: bool) -> str:
    header, body = template_rows(importer, context, with_figures=with_figures)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    for row in body:
        writer.writerow([_csv_text(v) for v in row])
    return "\ufeff" + buffer.getvalue()  # a BOM so Excel reads UTF-8


def template_xlsx(importer: Importer, context: ImportContext, *, with_figures: bool) -> bytes:
    header, body = template_rows(importer, context, with_figures=with_figures)
    book = xlsx.new_workbook()
    _fill(book.create_sheet(importer.title[:31]), importer, header, body)
    for table in importer.tables:
        rows = importer.table_rows(table, context) if with_figures else []
        _fill(
            book.create_sheet(table.key[:31]),
            table,
            [template_header(table, c) for c in table.columns],
            [[row.get(c.key) for c in table.columns] for row in rows],
        )
    _guidance(book, importer, context)
    return xlsx.to_bytes(book)


def _fill(sheet: Worksheet, shape: TableShape, header: list[str], body: list[list[Any]]) -> None:
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDE6F0")
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for values in body:
        xlsx.append_row(sheet, values)  # text that looks like a formula stays text
    for index, column in enumerate(shape.columns, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = (
            60 if column.key in ("description", "comment") else 18
        )
        if column.kind == Kind.MONEY:
            for cells in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                cells[0].number_format = (
                    "#,##0.00;(#,##0.00);-"
                    if shape.unit.value == "£"
                    else "#,##0.0##;(#,##0.0##);-"
                )
        elif column.kind == Kind.DATE:
            for cells in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                cells[0].number_format = "dd/mm/yyyy"
    sheet.freeze_panes = "A2"


def _guidance(book: Workbook, importer: Importer, context: ImportContext) -> None:
    sheet = book.create_sheet("Guidance")
    sheet.append([f"{importer.title}: how to fill in this template"])
    sheet["A1"].font = Font(bold=True, size=14)
    lines = [
        f"{context.organisation.name}, {context.period.label}.",
        importer.guidance,
        f"Amounts are in {importer.unit.label} unless a cell says otherwise (for example £1.2m). "
        "Write (0.4) or -0.4 for a negative or favourable figure, and - or leave blank for nil.",
        "Totals and subtotals are computed by Boardpack: rows called Total or Sub total are "
        "skipped"
        + (
            " (a further sheet that keeps its stated total says so below)"
            if any(t.keep_totals for t in importer.tables)
            else ""
        )
        + ". Your own layout is fine too: Boardpack asks you to match its columns once "
        "and remembers your choice.",
        "",
    ]
    for line in lines:
        sheet.append([line])
    shapes: list[tuple[str, TableShape]] = [(importer.title[:31], importer)]
    shapes += [(table.key[:31], table) for table in importer.tables]
    for table in importer.tables:
        sheet.append([table.guidance])
    if importer.tables:
        sheet.append([""])
    for title, shape in shapes:
        if importer.tables:
            sheet.append([f"Sheet ‘{title}’: {shape.title}"])
            sheet[f"A{sheet.max_row}"].font = Font(bold=True, size=12)
        sheet.append(["Column", "Required", "What to enter"])
        for cell in sheet[sheet.max_row]:
            cell.font = Font(bold=True)
        for column in shape.columns:
            sheet.append(
                [template_header(shape, column), "Yes" if column.required else "No", column.help]
            )
        sheet.append([""])
    sheet.column_dimensions["A"].width = 30
    sheet.column_dimensions["B"].width = 10
    sheet.column_dimensions["C"].width = 90
