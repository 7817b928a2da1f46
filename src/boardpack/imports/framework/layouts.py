"""Layouts: finding a table's header row in a workbook and matching its headings to columns.

A layout's signature is a fingerprint of its headings, by which a mapping the user saved for
their organisation and dataset is found again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from boardpack.imports.framework.columns import Column, normalise_header
from boardpack.imports.framework.importer import TableShape
from boardpack.imports.problems import Problem
from boardpack.imports.readers import Sheet, Workbook

HEADER_SEARCH_ROWS = 50


def layout_signature(headers: Iterable[object]) -> str:
    """A fingerprint of a sheet's header texts, by which a saved column mapping is found."""
    names = [normalise_header(h) for h in headers]
    while names and not names[-1]:
        names.pop()
    return hashlib.sha256("\x1f".join(names).encode()).hexdigest()[:32]


@dataclass
class Layout:
    """Where a dataset's table is in a workbook and which column holds which field."""

    sheet: Sheet
    header_row: int  # 1-based
    headers: list[str]
    mapping: dict[str, int]  # column key -> 0-based index
    signature: str
    remembered: bool = False
    also_matched: list[str] = field(default_factory=list)  # other sheets holding the table
    # Filled in when the table's rows are read: its stated totals and subtotals (kept to be
    # reconciled, never imported as lines) and the unit its amounts were read in.
    stated_totals: list[Any] = field(default_factory=list)
    unit_read: Any = None

    def header_for(self, key: str) -> str:
        index = self.mapping.get(key)
        return self.headers[index] if index is not None and index < len(self.headers) else ""


def auto_mapping(importer: TableShape, headers: list[Any]) -> dict[str, int]:
    """Columns matched by heading or alias; the first match of each wins."""
    mapping: dict[str, int] = {}
    taken: set[int] = set()
    normalised = [normalise_header(h) for h in headers]
    passes = [(c, {normalise_header(p) for p in c.prefer}) for c in importer.columns if c.prefer]
    passes += [(c, c.names) for c in importer.columns]
    for column, names in passes:
        if column.key in mapping:
            continue
        for index, name in enumerate(normalised):
            if name and index not in taken and name in names:
                mapping[column.key] = index
                taken.add(index)
                break
    return mapping


def find_layout(
    importer: TableShape,
    workbook: Workbook,
    *,
    sheet_name: str | None = None,
    remembered: dict[str, dict[str, int]] | None = None,
    exclude: Iterable[Sheet] = (),
) -> Layout | None:
    """The best header row across the workbook's sheets, or None when no heading is known.

    ``remembered`` maps a layout signature to a mapping the user saved for it: a row with that
    signature wins outright. ``exclude`` are sheets another table of the dataset holds.
    """
    if sheet_name:
        return best_layout(importer, [workbook.sheet(sheet_name)], remembered=remembered)
    skipped = [id(s) for s in exclude]
    # Hidden and very hidden sheets (drafts, workings) are read only when the user picks one.
    sheets = [s for s in workbook.visible_sheets if id(s) not in skipped]
    found = [best_layout(importer, [s], remembered=remembered) for s in sheets]
    layouts = [layout for layout in found if layout is not None]
    if not layouts:
        return None
    pool = [layout for layout in layouts if layout.remembered] or [
        layout for layout in layouts if not missing_columns(importer, layout)
    ]
    if not pool:
        return max(layouts, key=lambda layout: len(layout.mapping))
    # Several sheets hold the table: the one open when the workbook was saved, else the
    # fullest match, and the preview names the others.
    pool.sort(key=lambda layout: -len(layout.mapping))
    chosen = next((lay for lay in pool if lay.sheet.name == workbook.active), pool[0])
    chosen.also_matched = [lay.sheet.name for lay in pool if lay is not chosen]
    return chosen


def best_layout(
    importer: TableShape,
    sheets: list[Sheet],
    *,
    remembered: dict[str, dict[str, int]] | None = None,
) -> Layout | None:
    """The header row, in any of ``sheets``, that matches most of the table's columns."""
    remembered = remembered or {}
    best: tuple[int, Layout] | None = None
    for sheet in sheets:
        for row_number, values in enumerate(sheet.rows[:HEADER_SEARCH_ROWS], start=1):
            headers = ["" if v is None else str(v).strip() for v in values]
            if not any(headers):
                continue
            signature = layout_signature(headers)
            if signature in remembered:
                mapping = {
                    k: i
                    for k, i in remembered[signature].items()
                    if isinstance(i, int) and 0 <= i < len(headers)
                }
                return Layout(sheet, row_number, headers, mapping, signature, remembered=True)
            mapping = auto_mapping(importer, headers)
            if mapping and (best is None or len(mapping) > best[0]):
                best = (len(mapping), Layout(sheet, row_number, headers, mapping, signature))
    return best[1] if best else None


def missing_columns(importer: TableShape, layout: Layout) -> list[Column]:
    return [c for c in importer.columns if c.required and c.key not in layout.mapping]


def not_the_template(importer: TableShape, workbook: Workbook, sheet_name: str | None) -> Problem:
    expected = ", ".join(f"‘{c.header}’" for c in importer.columns if c.required)
    where = f"sheet ‘{sheet_name}’" if sheet_name else "any sheet"
    return Problem(
        f"This file is not the {importer.title} template: none of the expected column headings "
        f"({expected}) were found in the first {HEADER_SEARCH_ROWS} rows of {where}. "
        "Download the template, or check you chose the right dataset.",
        sheet=sheet_name or (workbook.sheets[0].name if len(workbook.sheets) == 1 else ""),
    )
