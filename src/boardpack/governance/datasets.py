"""Governance datasets for ``boardpack export`` and the API: meetings, actions and risks.

None needs a period: without one they hold everything; with one, the meetings (and their
actions) of that month, or each risk's position recorded for that period.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.utils import timezone

from boardpack.core.datasets import Dataset, Rows
from boardpack.core.models import Organisation, ReportingPeriod
from boardpack.governance import selectors


def meetings_document(organisation: Organisation, period: ReportingPeriod | None) -> dict[str, Any]:
    return selectors.meetings_document(organisation, period)


def actions_document(organisation: Organisation, period: ReportingPeriod | None) -> dict[str, Any]:
    return selectors.actions_document(organisation, period, timezone.localdate())


def risks_document(organisation: Organisation, period: ReportingPeriod | None) -> dict[str, Any]:
    return selectors.risks_document(organisation, period)


def every_organisation(
    document: Callable[[Organisation, ReportingPeriod | None], dict[str, Any]], key: str
) -> Callable[[], dict[str, Any]]:
    """Every organisation's records in one document, each record naming its organisation."""

    def build() -> dict[str, Any]:
        records = []
        for organisation in Organisation.objects.order_by("name"):
            for record in document(organisation, None)[key]:
                records.append({"organisation": organisation.slug, **record})
        return {"organisation": None, "period": None, key: records}

    return build


MEETING_HEADER = [
    "organisation",
    "committee",
    "meeting_date",
    "agenda_item",
    "kind",
    "member_or_time",
    "text",
    "response",
    "workstream",
    "project",
]


def meetings_rows(doc: dict[str, Any]) -> Rows:
    body: list[list[Any]] = []
    for m in doc["meetings"]:
        start = [m.get("organisation", doc["organisation"] and doc["organisation"]["slug"])]
        start += [m["committee"], m["date"] or ""]
        for i in m["interests"]:
            body.append(
                start + ["", "interest", i["member"], i["area"], "", i["workstream"], i["project"]]
            )
        for item in m["items"]:
            body.append(
                start
                + [
                    item["title"],
                    "item",
                    item["time_allowed_minutes"],
                    item["purpose_text"],
                    "",
                    "",
                    "",
                ]
            )
            for p in item["points"]:
                body.append(
                    start
                    + [
                        item["title"],
                        "point",
                        "",
                        p["point"],
                        p["response"],
                        p["workstream"],
                        p["project"],
                    ]
                )
    return MEETING_HEADER, body


ACTION_HEADER = [
    "organisation",
    "id",
    "committee",
    "source_meeting_date",
    "text",
    "owner",
    "due_date",
    "due_meeting_date",
    "status",
    "overdue",
    "completed_on",
    "dropped_reason",
    "report_template_slug",
    "report_request",
    "work_plan_topic",
]


def actions_rows(doc: dict[str, Any]) -> Rows:
    body = [
        [
            a.get("organisation", doc["organisation"] and doc["organisation"]["slug"]),
            a["id"],
            a["committee"],
            a["source_meeting"]["date"],
            a["text"],
            a["owner"],
            a["due_date"],
            a["due_meeting"]["date"] if a["due_meeting"] else None,
            a["status_label"],
            "yes" if a["overdue"] else "no",
            a["completed_on"],
            a["dropped_reason"],
            a["report_template_slug"],
            a["report_request"],
            a["work_plan_topic"],
        ]
        for a in doc["actions"]
    ]
    return ACTION_HEADER, body


RISK_HEADER = [
    "organisation",
    "reference",
    "title",
    "cause",
    "effect",
    "owner",
    "workstream",
    "likelihood",
    "impact",
    "score",
    "rating",
    "target_score",
    "mitigations",
    "status",
    "review_date",
]


def risks_rows(doc: dict[str, Any]) -> Rows:
    slug = doc["organisation"] and doc["organisation"]["slug"]
    return RISK_HEADER, [
        [r.get("organisation", slug)] + [r[key] for key in RISK_HEADER[1:]] for r in doc["risks"]
    ]


MEETINGS = Dataset(
    name="meetings",
    title="Meetings",
    document=meetings_document,
    rows=meetings_rows,
    sheets=lambda doc: [("Meetings", meetings_rows(doc))],
    needs_period=False,
    every_organisation=every_organisation(meetings_document, "meetings"),
)
ACTIONS = Dataset(
    name="actions",
    title="Actions",
    document=actions_document,
    rows=actions_rows,
    sheets=lambda doc: [("Actions", actions_rows(doc))],
    needs_period=False,
    every_organisation=every_organisation(actions_document, "actions"),
)
RISKS = Dataset(
    name="risks",
    title="Risk register",
    document=risks_document,
    rows=risks_rows,
    sheets=lambda doc: [("Risks", risks_rows(doc))],
    needs_period=False,
    every_organisation=every_organisation(risks_document, "risks"),
)
