"""The import framework every dataset shares: columns, layouts, records, plans.

A dataset's importer declares its columns and implements two steps: ``plan`` (validate the
records against the database and say what would change) and ``apply`` (write the plan). The
framework does everything in between that does not depend on the dataset: finding the header row
in an officer's own sheet, matching its headings to columns, reading every cell into a typed
value and naming the cell when that fails.

A dataset may also declare further ``tables``, each on a sheet of its own (the DSG allocation
and deficit beside its monitoring table): they are read the same way, planned by
``plan_table`` into the same plan, and applied in the same transaction.

The modules: ``columns`` (columns and what a heading means), ``plan`` (records, changes and
plans), ``importer`` (the importer base and further tables), ``layouts`` (finding a table's
header row) and ``reading`` (a layout's rows as typed records). Import from here.
"""

from boardpack.core.memory import gc_paused
from boardpack.imports.framework.columns import (
    PERIOD_COLUMN,
    PERIOD_KEY,
    Column,
    Kind,
    looks_like_total,
    normalise_header,
    unit_from_headers,
)
from boardpack.imports.framework.importer import Importer, QuickReader, Table, TableShape
from boardpack.imports.framework.layouts import (
    HEADER_SEARCH_ROWS,
    Layout,
    auto_mapping,
    best_layout,
    find_layout,
    layout_signature,
    missing_columns,
    not_the_template,
)
from boardpack.imports.framework.plan import (
    ApplyFailed,
    Change,
    ImportContext,
    Plan,
    ProgressCallback,
    Record,
    Stage,
)
from boardpack.imports.framework.reading import (
    DATE_FORMATS,
    MAX_TEXT,
    read_cell,
    read_date,
    read_financial_year,
    read_period,
    read_records,
    reconcile_totals,
    sheet_too_long,
    sheet_unit,
)

__all__ = [
    "DATE_FORMATS",
    "HEADER_SEARCH_ROWS",
    "MAX_TEXT",
    "PERIOD_COLUMN",
    "PERIOD_KEY",
    "ApplyFailed",
    "Change",
    "Column",
    "ImportContext",
    "Importer",
    "Kind",
    "Layout",
    "Plan",
    "ProgressCallback",
    "QuickReader",
    "Record",
    "Stage",
    "Table",
    "TableShape",
    "auto_mapping",
    "best_layout",
    "find_layout",
    "gc_paused",
    "layout_signature",
    "looks_like_total",
    "missing_columns",
    "normalise_header",
    "not_the_template",
    "read_cell",
    "read_date",
    "read_financial_year",
    "read_period",
    "read_records",
    "reconcile_totals",
    "sheet_too_long",
    "sheet_unit",
    "unit_from_headers",
]
