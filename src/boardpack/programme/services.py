"""Writes to the programme. Each runs in one transaction and validates before it saves."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from boardpack.core.models import RAG, ReportingPeriod
from boardpack.programme.models import (
    Escalation,
    FinanceSummary,
    Programme,
    ProgrammeUpdate,
    Project,
    ProjectUpdate,
    Stage,
    Workstream,
    WorkstreamUpdate,
)
from boardpack.workflow.edits import edited, locked_for_edit


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
    version: int | None = None,
    reason: str = "",
) -> WorkstreamUpdate:
    """Save a workstream's update for a period, and its escalations as records of their own.

    Escalations already raised keep their status when their text is unchanged; ones no longer
    listed are archived (kept, with their history). ``version`` is the version the editor
    opened: when the update has moved on since, :class:`~boardpack.workflow.edits.EditConflict`
    is raised and nothing is written. A closed period takes a correction only with a ``reason``.
    """
    RAG(rag)  # refuses anything outside the vocabulary
    update = locked_for_edit(
        WorkstreamUpdate.objects.filter(workstream=workstream, period=period),
        period=period,
        version=version,
        reason=reason,
    )
    if update is None:
        update = WorkstreamUpdate(workstream=workstream, period=period)
    update.rag = rag
    update.working_well = working_well
    update.not_working_well = not_working_well
    edited(update, period=period, reason=reason)
    update.full_clean()
    update.save()

    existing = {
        (e.heading, e.text): e
        for e in Escalation.objects.filter(workstream=workstream, period=period, archived=False)
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
        elif escalation.order == order:
            kept.add(escalation.pk)
            continue
        escalation.order = order
        if reason:
            escalation._change_reason = reason  # type: ignore[attr-defined]
        escalation.full_clean()
        escalation.save()
        kept.add(escalation.pk)
    for escalation in existing.values():
        if escalation.pk not in kept:
            escalation.archived = True
            escalation._change_reason = reason or "Taken out of the workstream update"  # type: ignore[attr-defined]
            escalation.save()
    for position in projects:
        _project_update_save(position, workstream=workstream, period=period, reason=reason)
    return update


@transaction.atomic
def programme_update_save(
    *,
    programme: Programme,
    period: ReportingPeriod,
    overall_status: str,
    progress_summary: list[dict[str, str]],
    version: int | None = None,
    reason: str = "",
) -> ProgrammeUpdate:
    """The director's summary and the programme's overall status for a period."""
    RAG(overall_status)
    update = locked_for_edit(
        ProgrammeUpdate.objects.filter(programme=programme, period=period),
        period=period,
        version=version,
        reason=reason,
    )
    if update is None:
        update = ProgrammeUpdate(programme=programme, period=period)
    update.overall_status = overall_status
    update.progress_summary = progress_summary
    edited(update, period=period, reason=reason)
    update.full_clean()
    update.save()
    return update


@transaction.atomic
def finance_summary_save(
    *,
    programme: Programme,
    period: ReportingPeriod,
    overall_status: str,
    covering: str,
    headline: str,
    working_well: list[dict[str, str]],
    challenges: list[dict[str, str]],
    version: int | None = None,
    reason: str = "",
) -> FinanceSummary:
    """The programme's overarching finance summary for a period."""
    RAG(overall_status)
    summary = locked_for_edit(
        FinanceSummary.objects.filter(programme=programme, period=period),
        period=period,
        version=version,
        reason=reason,
    )
    if summary is None:
        summary = FinanceSummary(programme=programme, period=period)
    summary.overall_status = overall_status
    summary.covering = covering
    summary.headline = headline
    summary.working_well = working_well
    summary.challenges = challenges
    edited(summary, period=period, reason=reason)
    summary.full_clean()
    summary.save()
    return summary


def _project_update_save(
    position: ProjectPosition, *, workstream: Workstream, period: ReportingPeriod, reason: str = ""
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
    if reason:
        update._change_reason = reason  # type: ignore[attr-defined]
    update.full_clean()
    update.save()
