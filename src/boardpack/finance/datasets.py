"""The finance datasets for export and the API: ``savings``, ``budget`` and ``dsg``.

CSV and Excel hold one header row and one row per line, with plain numbers, so that the
importers can read an export back in unchanged.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from boardpack.core.datasets import Dataset, Rows
from boardpack.finance import selectors

SAVINGS_HEADER = [
    "ref",
    "description",
    "target",
    "over_achieved",
    "achieved",
    "on_track",
    "at_risk",
    "comment",
]
MONITORING_AMOUNTS = ["current_budget", "projection", "variance", "marker", "movement", "direction"]
STATED = [
    "stated_current_budget",
    "stated_projection",
    "stated_variance",
    "stated_marker",
    "stated_movement",
    "stated_direction",
    "stated_variance_printed",
    "stated_movement_printed",
]
BUDGET_HEADER = ["row", "division", "service_area"] + MONITORING_AMOUNTS + STATED
DSG_HEADER = ["row", "block", "label"] + MONITORING_AMOUNTS + STATED
ALLOCATION_HEADER = [
    "row",
    "block",
    "label",
    "financial_year",
    "before_recoupment",
    "recoupment",
    "after_recoupment",
    "stated_after_recoupment",
]
DEFICIT_HEADER = ["kind", "as_at", "amount"]


def _number(value: str | None) -> Decimal | None:
    return None if value in (None, "") else Decimal(value)


def _monitoring_cells(row: dict[str, Any]) -> list[Any]:
    stated = row["stated"]
    return [
        _number(row["current_budget"]),
        _number(row["projection"]),
        _number(row["variance"]),
        row["marker"],
        _number(row["movement"]),
        row["direction"],
        _number(stated.get("current_budget")),
        _number(stated.get("projection")),
        _number(stated.get("variance")),
        stated.get("marker", ""),
        _number(stated.get("movement")),
        stated.get("direction", ""),
        stated.get("variance_printed", ""),
        stated.get("movement_printed", ""),
    ]


def savings_rows(doc: dict[str, Any]) -> Rows:
    body = [
        [line["ref"], line["description"]]
        + [_number(line[k]) for k in SAVINGS_HEADER[2:7]]
        + [line["comment"]]
        for line in doc["lines"]
    ]
    return SAVINGS_HEADER, body


def budget_rows(doc: dict[str, Any]) -> Rows:
    body: list[list[Any]] = []
    for division in doc["divisions"]:
        for line in division["lines"]:
            body.append(["line", division["name"], line["label"]] + _monitoring_cells(line))
        subtotal = division["subtotal"]
        body.append(["subtotal", division["name"], ""] + _monitoring_cells(subtotal))
    body.append(["total", "", doc["directorate"] or ""] + _monitoring_cells(doc["total"]))
    return BUDGET_HEADER, body


def dsg_rows(doc: dict[str, Any]) -> Rows:
    body: list[list[Any]] = [
        ["line", line["block"], line["label"]] + _monitoring_cells(line) for line in doc["lines"]
    ]
    if doc["total"]:
        body.append(["total", "", doc["total"]["label"]] + _monitoring_cells(doc["total"]))
    return DSG_HEADER, body


def allocation_rows(doc: dict[str, Any]) -> Rows:
    allocation = doc["allocation"]
    body: list[list[Any]] = [
        [
            "line",
            row["block"],
            row["label"],
            allocation["financial_year"],
            _number(row["before_recoupment"]),
            _number(row["recoupment"]),
            _number(row["after_recoupment"]),
            _number(row["stated"].get("after_recoupment")),
        ]
        for row in allocation["rows"]
    ]
    total = allocation["total"]
    if total:
        body.append(
            [
                "total",
                "",
                total["label"],
                allocation["financial_year"],
                # The source's own total where it states one, so that importing this export
                # back keeps what was stated (the computed sums are in the JSON document).
                _number(total["stated"].get("before_recoupment", total["before_recoupment"])),
                _number(total["stated"].get("recoupment", total["recoupment"])),
                _number(total["after_recoupment"]),
                _number(total["stated"].get("after_recoupment")),
            ]
        )
    return ALLOCATION_HEADER, body


def deficit_rows(doc: dict[str, Any]) -> Rows:
    return DEFICIT_HEADER, [[d["kind"], d["as_at"], _number(d["amount"])] for d in doc["deficit"]]


def dsg_sheets(doc: dict[str, Any]) -> list[tuple[str, Rows]]:
    return [
        ("dsg", dsg_rows(doc)),
        ("allocation", allocation_rows(doc)),
        ("deficit", deficit_rows(doc)),
    ]


SAVINGS = Dataset(
    name="savings",
    title="MTFP savings tracker",
    document=selectors.savings_document,
    rows=savings_rows,
    number_format="#,##0.00;-#,##0.00",
)
BUDGET = Dataset(
    name="budget",
    title="Revenue budget monitoring",
    document=selectors.budget_document,
    rows=budget_rows,
    number_format="0.0##",
)
DSG = Dataset(
    name="dsg",
    title="Dedicated Schools Grant",
    document=selectors.dsg_document,
    rows=dsg_rows,
    sheets=dsg_sheets,
    number_format="0.0##",
)
