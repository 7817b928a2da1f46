"""Datasets that can be exported (and, with an importer, imported), by name.

Each app registers its datasets in its ``AppConfig.ready``. A dataset turns an organisation's
records for a period into one JSON-ready document, and that document into rows for CSV and
Excel, so that an export, the API and a page can never disagree.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from boardpack.core.models import Organisation

Rows = tuple[list[str], list[list[Any]]]


@dataclass(frozen=True)
class Dataset:
    name: str
    title: str
    # Called with the period, or with None when the dataset does not need one.
    document: Callable[[Organisation, Any], dict[str, Any]]
    rows: Callable[[dict[str, Any]], Rows]
    xlsx: Callable[[dict[str, Any]], bytes] | None = None
    needs_period: bool = True
    # Without --organisation (and --period), a command exports every organisation's records
    # with this instead of the default organisation's.
    every_organisation: Callable[[], dict[str, Any]] | None = None

    @property
    def formats(self) -> list[str]:
        return ["json", "csv"] + (["xlsx"] if self.xlsx else [])


_registry: dict[str, Dataset] = {}


def register(dataset: Dataset) -> None:
    _registry[dataset.name] = dataset


def get(name: str) -> Dataset:
    try:
        return _registry[name]
    except KeyError:
        raise KeyError(
            f"Unknown dataset {name!r}: choose one of {', '.join(sorted(_registry))}"
        ) from None


def names() -> list[str]:
    return sorted(_registry)


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
