"""Real spreadsheet files for the import tests, written with openpyxl and csv."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any

from openpyxl import Workbook

from boardpack.imports.framework import ImportContext
from boardpack.imports.registry import get
from boardpack.imports.services import prepare_import

SAVINGS_HEADER = [
    "Ref",
    "Description",
    "Target",
    "Over-achieved",
    "Achieved",
    "On track",
    "At risk",
    "Comments",
]


def xlsx(rows: Sequence[Sequence[Any]], *, title: str = "Sheet1") -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def csv_bytes(rows: Sequence[Sequence[Any]], *, encoding: str = "utf-8") -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in rows:
        writer.writerow(row)
    return buffer.getvalue().encode(encoding)


def prepare(dataset: str, organisation, period, data: bytes, name: str = "upload.xlsx", **kw):
    context = ImportContext(
        organisation, period, kw.pop("unit", None), add_new=kw.pop("add_new", False)
    )
    return prepare_import(importer=get(dataset), context=context, data=data, file_name=name, **kw)


def messages(preparation) -> str:
    return "\n".join(str(p) for p in preparation.plan.problems)
