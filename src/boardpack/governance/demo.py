"""The demo's committees, from the scrutiny minutes of seeds 000 (Somerset) and 003 (Dorset).

Idempotent: every record is found by its natural key and saved only when it differs, so a
second load changes nothing (history included). Every record is validated as it is saved.
"""

from __future__ import annotations

import datetime
import re
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from boardpack.core.models import Organisation
from boardpack.demo.upsert import upsert
from boardpack.governance import demo_data
from boardpack.governance.models import (
    Action,
    AgendaItem,
    Committee,
    Meeting,
    Member,
    MemberInterest,
    PointRaised,
    WorkPlanItem,
)
from boardpack.governance.services import project_by_name, workstream_by_slug

_JOIN = re.compile(r"(?:[\s\xa0]+(?:–|-|and)|,)?[\s\xa0]*$")


def split_point(minuted: str, response_starts: str | None) -> tuple[str, str]:
    """The point and the response, as minuted; the dash, comma or "and" joining them dropped."""
    if response_starts is None:
        return minuted, ""
    at = minuted.index(response_starts)
    return _JOIN.sub("", minuted[:at]), minuted[at:]


def _date(text: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(text) if text else None


def _topic(organisation: Organisation, topic: dict[str, str]) -> dict[str, Any]:
    workstream = workstream_by_slug(organisation, topic.get("workstream", ""))
    return {
        "workstream": workstream,
        "project": project_by_name(workstream, topic.get("project", "")),
    }


@transaction.atomic
def load_minutes(organisation: Organisation, data: dict[str, Any]) -> Meeting:
    """Load one meeting's minutes; any record that fails its checks leaves nothing written."""
    committee = upsert(
        Committee,
        {"organisation": organisation, "slug": data["committee"]["slug"]},
        {k: v for k, v in data["committee"].items() if k != "slug"},
    )
    meeting = upsert(
        Meeting,
        {"committee": committee, "title": "", "date": _date(data["meeting"]["date"])},
        {"minutes_source": data["meeting"]["minutes_source"]},
    )
    following = data["next_meeting"]
    next_meeting = upsert(
        Meeting,
        {"committee": committee, "date": _date(following["date"]), "title": following["title"]},
    )
    members = {}
    for order, (name, role) in enumerate(data["members"], start=1):
        members[name] = upsert(
            Member, {"committee": committee, "name": name}, {"role": role, "order": order}
        )
    for area, names, topic in data["interests"]:
        for name in names:
            upsert(
                MemberInterest,
                {"member": members[name], "area": area},
                {**_topic(organisation, topic), "noted_at": meeting},
            )
    item_data = data["item"]
    item = upsert(
        AgendaItem,
        {"meeting": meeting, "order": 1},
        {k: v for k, v in item_data.items()},
    )
    points = []
    for order, entry in enumerate(data["points"], start=1):
        point, response = split_point(entry["minuted"], entry["response_starts"])
        points.append(
            upsert(
                PointRaised,
                {"item": item, "order": order},
                {"point": point, "response": response, **_topic(organisation, entry["topic"])},
            )
        )
    for order, entry in enumerate(data["actions"], start=1):
        action = upsert(
            Action,
            {"meeting": meeting, "order": order},
            {
                "item": item,
                "point": points[entry["point"]],
                "text": entry["text"],
                "owner": entry["owner"],
                "due_meeting": next_meeting,
                "report_template_slug": entry["report_template_slug"],
                "report_request": entry["report_request"],
            },
        )
        if entry["work_plan_topic"]:
            upsert(
                WorkPlanItem,
                {"committee": committee, "added_by": action},
                {"topic": entry["work_plan_topic"], "timing": entry.get("work_plan_timing", "")},
            )
    return meeting


def load_governance(orgs: dict[str, Organisation]) -> None:
    for slug, data in (("somerset", demo_data.SOMERSET), ("dorset", demo_data.DORSET)):
        try:
            load_minutes(orgs[slug], data)
        except ValidationError as exc:  # the data is ours: name the organisation in the error
            raise ValidationError(f"{slug} governance demo: {exc}") from exc
