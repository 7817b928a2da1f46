from __future__ import annotations

from typing import Any

from boardpack.core.datasets import Dataset, Rows
from boardpack.core.models import Organisation, ReportingPeriod
from boardpack.programme.selectors import programme_document, programme_for

HEADER = ["section", "workstream", "project", "rag", "stage", "heading", "text"]


def document(organisation: Organisation, period: ReportingPeriod) -> dict[str, Any]:
    programme = programme_for(organisation)
    if programme is None:
        raise LookupError(f"{organisation.name} has no programme yet")
    return programme_document(programme, period)


def rows(doc: dict[str, Any]) -> Rows:
    body: list[list[Any]] = [
        [
            "programme",
            "",
            "",
            doc["update"]["overall_status_label"],
            "",
            "",
            doc["programme"]["name"],
        ],
        ["vision", "", "", "", "", "", doc["programme"]["vision"]],
    ]
    body += [["progress_summary", "", "", "", "", "", t] for t in doc["update"]["progress_summary"]]
    summary = doc["finance_summary"]
    if summary:
        body.append(
            [
                "finance_summary",
                "",
                "",
                summary["overall_status_label"],
                "",
                "",
                summary["headline"],
            ]
        )
        for section in ("working_well", "challenges", "escalations"):
            body += [
                [f"finance_{section}", "", "", "", "", p["heading"], p["text"]]
                for p in summary[section]
            ]
    for ws in doc["workstreams"]:
        body.append(["workstream", ws["name"], "", ws["rag_label"], "", "", ""])
        for project in ws["projects"]:
            body.append(
                [
                    "project",
                    ws["name"],
                    project["name"],
                    project["rag_label"],
                    project["stage_label"],
                    "",
                    project["commentary"],
                ]
            )
        for section in ("working_well", "not_working_well", "to_escalate"):
            body += [
                [section, ws["name"], "", "", "", p["heading"], p["text"]] for p in ws[section]
            ]
    return HEADER, body


PROGRAMME = Dataset(name="programme", title="Programme", document=document, rows=rows)
