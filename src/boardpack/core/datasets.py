"""Datasets that can be exported (and, with an importer, imported), by name.

Each app registers its datasets in its ``AppConfig.ready``, by dotted path (``core.registry``).
A dataset turns an organisation's records for a period into one JSON-ready document, and that
document into rows for CSV and Excel, so that an export, the API and a page can never disagree.

Every dataset has an Excel export, written by the one writer in ``core.xlsx`` (which never lets
text become a formula): one sheet of its rows, or the sheets ``sheets`` lays out.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from boardpack.core.models import Organisation, ReportingPeriod
from boardpack.core.registry import Registry

Rows = tuple[list[str], list[list[Any]]]


@dataclass(frozen=True)
class Dataset:
    name: str
    title: str
    # Called with the organisation and the period (None when the dataset needs none), and with
    # the audience too when ``audiences`` is set.
    document: Callable[..., dict[str, Any]]
    rows: Callable[[dict[str, Any]], Rows]
    # The Excel export's sheets, (title, rows) each; by default one sheet of ``rows``.
    sheets: Callable[[dict[str, Any]], list[tuple[str, Rows]]] | None = None
    number_format: str | None = None
    # True when the dataset reads any month, not only the organisation's reporting periods
    # (benchmarks from national statistics are published for years no period covers).
    any_month: bool = False
    # Whether ``document`` takes a third argument, the audience (officer, member or public),
    # and hides small numbers from members and the public.
    audiences: bool = False
    needs_period: bool = True
    # Without --organisation (and --period), a command exports every organisation's records
    # with this instead of the default organisation's.
    every_organisation: Callable[[], dict[str, Any]] | None = None

    def document_for(
        self, organisation: Organisation, period: ReportingPeriod | None, audience: str = "officer"
    ) -> dict[str, Any]:
        if self.audiences:
            return self.document(organisation, period, audience)
        return self.document(organisation, period)

    @property
    def formats(self) -> list[str]:
        return ["json", "csv", "xlsx"]

    def to_xlsx(self, document: dict[str, Any]) -> bytes:
        # Imported here: datasets register at start-up, openpyxl is needed only for an export.
        from boardpack.core import xlsx

        sheets = self.sheets(document) if self.sheets else [(self.name, self.rows(document))]
        return xlsx.workbook(
            [
                xlsx.SheetData(title, header, body, self.number_format)
                for title, (header, body) in sheets
            ]
        )


_registry: Registry[Dataset] = Registry("dataset", lambda dataset: dataset.name)


def register(name: str, dataset: Dataset | str) -> None:
    """``dataset`` is the Dataset, or its dotted path (imported when first asked for)."""
    _registry.register(name, dataset)


def get(name: str) -> Dataset:
    return _registry.get(name)


def names() -> list[str]:
    return sorted(_registry.names())


def _csv_safe(value: Any) -> Any:
    """Guard against spreadsheet formula injection in text cells."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        try:
            float(value)
        except ValueError:
            return "'" + value
    return "" if value is None else value


def to_json(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def to_csv(rows: Rows) -> str:
    header, body = rows
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    for row in body:
        writer.writerow([_csv_safe(v) for v in row])
    return buffer.getvalue()
