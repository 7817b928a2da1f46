"""A dataset's further tables, each on a sheet of its own: finding them in a workbook.

The main table is found as ever (the best header row of any sheet, or the sheet the user
chose); a further table is found first by its sheet's name and then by its headings, on a sheet
the main table is not on. A workbook without them imports exactly as a one-table dataset does,
and a CSV file, which holds one table, is always read as the main one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from boardpack.imports.amounts import Unit
from boardpack.imports.datasets.common import name_key
from boardpack.imports.framework import (
    ImportContext,
    Importer,
    Layout,
    Record,
    Table,
    best_layout,
    missing_columns,
    read_records,
    sheet_unit,
)
from boardpack.imports.problems import Problem
from boardpack.imports.readers import Sheet, Workbook


@dataclass
class TableRead:
    """A further table as read from its sheet."""

    table: Table
    layout: Layout
    records: list[Record] = field(default_factory=list)
    unit: Unit | None = None  # the unit its amounts were read in


def named_for(table: Table, sheet: Sheet) -> bool:
    """Whether the sheet's name says it holds the table: ``allocation``, ``DSG deficit 22-23``."""
    words = f" {name_key(sheet.name)} "
    return any(f" {name_key(word)} " in words for word in table.sheet_words)


def tables_by_sheet_name(importer: Importer, workbook: Workbook) -> dict[str, Layout]:
    """Further tables on sheets named for them whose headings have every required column:
    those sheets are not searched for the main table."""
    if workbook.kind == "csv":
        return {}
    found: dict[str, Layout] = {}
    for table in importer.tables:
        for sheet in workbook.visible_sheets:
            if not named_for(table, sheet) or any(sheet is f.sheet for f in found.values()):
                continue
            layout = best_layout(table, [sheet])
            if layout is not None and not missing_columns(table, layout):
                found[table.key] = layout
                break
    return found


def locate_tables(
    importer: Importer, workbook: Workbook, main: Layout, named: dict[str, Layout]
) -> tuple[dict[str, Layout], list[Problem]]:
    """Every further table the workbook holds, and a problem for a sheet named for a table
    that lacks one of its required columns (nothing else would say why it was ignored)."""
    found = dict(named)
    problems: list[Problem] = []
    if workbook.kind == "csv":
        return found, problems
    for table in importer.tables:
        if table.key in found:
            continue
        taken = [main.sheet, *(layout.sheet for layout in found.values())]
        free = [s for s in workbook.visible_sheets if not any(s is t for t in taken)]
        named_sheets = [s for s in free if named_for(table, s)]
        partial = best_layout(table, named_sheets)
        if partial is not None:
            problems += [
                Problem(
                    f"The sheet looks like the {table.title} table, but no column is headed "
                    f"‘{column.header}’ ({column.help})",
                    sheet=partial.sheet.name,
                    row=partial.header_row,
                    header=column.header,
                )
                for column in missing_columns(table, partial)
            ]
            continue
        layout = best_layout(table, free)
        if layout is not None and not missing_columns(table, layout):
            found[table.key] = layout
    return found, problems


def read_tables(
    importer: Importer, context: ImportContext, layouts: dict[str, Layout]
) -> tuple[list[TableRead], list[Problem], list[str]]:
    """The records of each further table found, and every problem reading their cells."""
    reads: list[TableRead] = []
    problems: list[Problem] = []
    notes: list[str] = []
    for table in importer.tables:
        layout = layouts.get(table.key)
        if layout is None:
            continue
        records, table_problems, table_notes = read_records(table, context, layout)
        reads.append(TableRead(table, layout, records, sheet_unit(table, context, layout)))
        problems += table_problems
        notes += [f"{table.title}: {note}" for note in table_notes]
    return reads, problems, notes


def csv_note(importer: Importer) -> str:
    titles = " and ".join(t.title.lower() for t in importer.tables)
    sheets = " and ".join(f"‘{t.key}’" for t in importer.tables)
    return (
        f"A CSV file holds one table, so Boardpack reads it as the {importer.title} table. "
        f"To import the {titles} too, upload the Excel workbook with sheets {sheets}."
    )
