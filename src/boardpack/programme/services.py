"""Writes to the programme. Each runs in one transaction and validates before it saves."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from boardpack.core.models import RAG, ReportingPeriod
from boardpack.programme.models import (
    Escalation,
    Project,
    ProjectUpdate,
    Stage,
    Workstream,
    WorkstreamUpdate,
)


@dataclass(frozen=True)
class ProjectPosition:
    project: Project
    rag: str = RAG.NOT_RATED
    stage: str = Stage.NOT_RECORDED
    commentary: str = ""


def can_edit_workstream(user: Any, workstream: Workstream) -> bool:
    if not user.is_authenticated or not user.has_perm("programme.change_workstreamupdate"):
        return False
    if user.has_perm("programme.edit_any_workstream"):
        return True
    return workstream.leads.filter(pk=user.pk).exists()


@transaction.atomic
def workstream_update_submit(
    *,
    workstream: Workstream,
    period: ReportingPeriod,
    rag: str,
    working_well: list[dict[str, str]],
    not_working_well: list[dict[str, str]],
    to_escalate: list[dict[str, str]],
    projects: Sequence[ProjectPosition] = (),
) -> WorkstreamUpdate:
    """Save a workstream's update for a period, and its escalations as records of their own.

    Escalations already raised keep their status when their text is unchanged; ones no longer
    listed are removed (their history keeps them).
    """
    RAG(rag)  # refuses anything outside the vocabulary
    update = WorkstreamUpdate.objects.filter(workstream=workstream, period=period).first()
    if update is None:
        update = WorkstreamUpdate(workstream=workstream, period=period)
    update.rag = rag
    update.working_well = working_well
    update.not_working_well = not_working_well
    update.full_clean()
    update.save()

    existing = {
        (e.heading, e.text): e
        for e in Escalation.objects.filter(workstream=workstream, period=period)
    }
    kept: set[int] = set()
    for order, item in enumerate(to_escalate):
        key = (item.get("heading", ""), item["text"])
        escalation = existing.get(key)
        if escalation is None:
            escalation = Escalation(
                programme=workstream.programme,
                workstream=workstream,
                period=period,
                source=Escalation.Source.WORKSTREAM,
                heading=key[0],
                text=key[1],
            )
        escalation.order = order
        escalation.full_clean()
        escalation.save()
        kept.add(escalation.pk)
    for escalation in existing.values():
        if escalation.pk not in kept:
            escalation.delete()
    for position in projects:
        _project_update_save(position, workstream=workstream, period=period)
    return update


def _project_update_save(
    position: ProjectPosition, *, workstream: Workstream, period: ReportingPeriod
) -> None:
    """Save a project's position when it says something new; history keeps the old one."""
    if position.project.workstream_id != workstream.pk:
        raise ValueError(f"{position.project} is not a project of {workstream}")
    values = {"rag": position.rag, "stage": position.stage, "commentary": position.commentary}
    update = ProjectUpdate.objects.filter(project=position.project, period=period).first()
    if update is None:
        if values == {"rag": RAG.NOT_RATED, "stage": Stage.NOT_RECORDED, "commentary": ""}:
            return  # nothing said yet: no record of nothing
        update = ProjectUpdate(project=position.project, period=period)
    elif all(getattr(update, key) == value for key, value in values.items()):
        return
    for key, value in values.items():
        setattr(update, key, value)
    update.full_clean()
    update.save()
