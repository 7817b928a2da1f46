"""The performance datasets for export and the API: ``indicators``, ``observations`` and
``inspections``.

CSV and Excel hold one header row and one row per figure, in the columns the importer reads,
so that an export can be imported back unchanged. Values are written with the places the source
wrote them with (``30.0`` stays ``30.0``), as text, never as floats.
"""

from __future__ import annotations

from typing import Any

from boardpack.core.datasets import Dataset, Rows
from boardpack.performance import selectors

OBSERVATION_HEADER = [
    "indicator",
    "date",
    "period_label",
    "area",
    "breakdown",
    "value",
    "qualifier",
    "as_written",
    "source",
    "commentary",
]
INDICATOR_HEADER = [
    "code",
    "title",
    "definition",
    "unit",
    "decimals",
    "polarity",
    "frequency",
    "source",
    "service_area",
    "workstream",
    "numerator",
    "denominator",
    "dimensions",
    "rag_basis",
    "rag_comparator",
    "amber_band",
    "latest_date",
    "latest_value",
    "latest_as_written",
    "rag",
    "direction",
]
INSPECTION_HEADER = ["establishment", "town", "urn", "date", "type", "judgements", "source"]


def observation_rows(doc: dict[str, Any]) -> Rows:
    body = [
        [
            o["indicator"],
            o["date"],
            o["period_label"],
            o["area"],
            selectors.breakdown_text(o["breakdown"]),
            o["value"] if o["value"] is not None else "",
            o["qualifier"],
            o["as_written"],
            o["source"],
            o["commentary"],
        ]
        for o in doc["observations"]
    ]
    return OBSERVATION_HEADER, body


def indicator_rows(doc: dict[str, Any]) -> Rows:
    body = []
    for i in doc["indicators"]:
        latest = i["latest"] or {}
        body.append(
            [
                i["code"],
                i["title"],
                i["definition"],
                i["unit"],
                i["decimals"],
                i["polarity"],
                i["frequency"],
                i["source"],
                i["service_area"],
                i["workstream"],
                i["numerator"],
                i["denominator"],
                ", ".join(i["dimensions"]),
                i["rag_rule"]["basis"],
                i["rag_rule"]["comparator"],
                i["rag_rule"]["amber_band"],
                latest.get("date", ""),
                latest.get("value") or "",
                latest.get("as_written", ""),
                i["rag_label"],
                i["direction"],
            ]
        )
    return INDICATOR_HEADER, body


def inspection_rows(doc: dict[str, Any]) -> Rows:
    body = [
        [
            i["establishment"],
            i["town"],
            i["urn"],
            i["date"],
            i["type"],
            "; ".join(f"{j['area']}: {j['judgement']}" for j in i["judgements"]),
            i["source"],
        ]
        for i in doc["inspections"]
    ]
    return INSPECTION_HEADER, body


INDICATORS = Dataset(
    name="indicators",
    title="Performance indicators",
    document=selectors.indicators_export_document,
    rows=indicator_rows,
    # Values stay text: a spreadsheet must not turn 30.0 into 30 or 0123 into 123.
    number_format="@",
    audiences=True,
)
OBSERVATIONS = Dataset(
    name="observations",
    title="Performance figures",
    document=selectors.observations_document,
    rows=observation_rows,
    # Values stay text: a spreadsheet must not turn 30.0 into 30 or 0123 into 123.
    number_format="@",
    audiences=True,
)
INSPECTIONS = Dataset(
    name="inspections",
    title="School inspections",
    document=selectors.inspections_document,
    rows=inspection_rows,
    # Values stay text: a spreadsheet must not turn 30.0 into 30 or 0123 into 123.
    number_format="@",
    audiences=True,
)
