"""Reads of the programme: what a page, the API or an export shows for a period."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet

from boardpack.core.models import RAG, Organisation, ReportingPeriod
from boardpack.core.points import group_points, point_texts
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
from boardpack.workflow.models import ApprovalStatus


def programme_for(organisation: Organisation) -> Programme | None:
    return Programme.objects.filter(organisation=organisation).order_by("pk").first()


def workstreams_for(organisation: Organisation) -> QuerySet[Workstream]:
    return Workstream.objects.filter(programme__organisation=organisation)


@dataclass
class ProjectRow:
    project: Project
    rag: str
    stage: str
    commentary: str

    @property
    def stage_label(self) -> str:
        return Stage(self.stage).label


@dataclass
class WorkstreamPosition:
    workstream: Workstream
    update: WorkstreamUpdate | None
    projects: list[ProjectRow]
    escalations: list[Escalation]

    @property
    def rag(self) -> str:
        return self.update.rag if self.update else RAG.NOT_RATED

    @property
    def working_well(self) -> list[dict[str, str]]:
        return self.update.working_well if self.update else []

    @property
    def not_working_well(self) -> list[dict[str, str]]:
        return self.update.not_working_well if self.update else []

    @property
    def working_well_groups(self):
        return group_points(self.working_well)

    @property
    def not_working_well_groups(self):
        return group_points(self.not_working_well)

    @property
    def escalation_groups(self):
        return group_points([{"heading": e.heading, "text": e.text} for e in self.escalations])


@dataclass
class ProgrammePosition:
    programme: Programme
    period: ReportingPeriod
    update: ProgrammeUpdate | None
    finance_summary: FinanceSummary | None
    workstreams: list[WorkstreamPosition] = field(default_factory=list)
    finance_escalations: list[Escalation] = field(default_factory=list)

    @property
    def overall_status(self) -> str:
        return self.update.overall_status if self.update else RAG.NOT_RATED

    @property
    def progress_summary(self) -> list[dict[str, str]]:
        return self.update.progress_summary if self.update else []

    @property
    def finance_groups(self) -> dict[str, Any]:
        summary = self.finance_summary
        if summary is None:
            return {}
        return {
            "working_well": group_points(summary.working_well),
            "challenges": group_points(summary.challenges),
            "escalations": group_points(
                [{"heading": e.heading, "text": e.text} for e in self.finance_escalations]
            ),
        }


def _project_rows(projects: list[Project], updates: dict[int, ProjectUpdate]) -> list[ProjectRow]:
    rows = []
    for project in projects:
        update = updates.get(project.pk)
        rows.append(
            ProjectRow(
                project=project,
                rag=update.rag if update else RAG.NOT_RATED,
                stage=update.stage if update else Stage.NOT_RECORDED,
                commentary=update.commentary if update else "",
            )
        )
    return rows


def _last_approved(model: Any, records: list[Any]) -> dict[int, tuple[Any, Any]]:
    """Each record as it was last approved, and when: ``{pk: (instance, history_date)}``.

    A record edited since its approval is a draft again; members go on seeing the approved
    version until the new one is approved. One query for all the records.
    """
    if not records:
        return {}
    found: dict[int, tuple[Any, Any]] = {}
    approved = model.history.filter(
        id__in=[r.pk for r in records], status=ApprovalStatus.APPROVED
    ).order_by("-history_date", "-history_id")
    for historical in approved:
        found.setdefault(historical.id, (historical.instance, historical.history_date))
    return found


def _approved_or_last_approved(record: Any) -> tuple[Any, Any]:
    """``(record, None)`` when approved; ``(its last approved version, when)``; or Nones."""
    if record is None or record.status == ApprovalStatus.APPROVED:
        return record, None
    return _last_approved(type(record), [record]).get(record.pk, (None, None))


def _projects_as_of(projects: list[Project], period: ReportingPeriod, when: Any) -> dict:
    updates = ProjectUpdate.objects.filter(project__in=projects, period=period)
    if when is not None:
        updates = ProjectUpdate.history.as_of(when).filter(project__in=projects, period=period)
    return {u.project_id: u for u in updates}


def _escalations_as_of(when: Any, **lookup: Any) -> list[Escalation]:
    escalations = Escalation.objects if when is None else Escalation.history.as_of(when)
    return list(escalations.filter(archived=False, **lookup).order_by("order", "pk"))


def workstream_position(
    workstream: Workstream, period: ReportingPeriod, *, approved_only: bool = False
) -> WorkstreamPosition:
    """A workstream's update for a period. ``approved_only`` (members, the public): the update
    as last approved (with its projects and escalations as they were then), or nothing."""
    projects = list(workstream.projects.all())
    update = WorkstreamUpdate.objects.filter(workstream=workstream, period=period).first()
    when = None
    if approved_only:
        update, when = _approved_or_last_approved(update)
        if update is None:
            return WorkstreamPosition(
                workstream=workstream,
                update=None,
                projects=_project_rows(projects, {}),
                escalations=[],
            )
    return WorkstreamPosition(
        workstream=workstream,
        update=update,
        projects=_project_rows(projects, _projects_as_of(projects, period, when)),
        escalations=_escalations_as_of(when, workstream=workstream, period=period),
    )


def programme_position(
    programme: Programme, period: ReportingPeriod, *, approved_only: bool = False
) -> ProgrammePosition:
    """The programme for a period. ``approved_only`` (members, the public): only approved
    updates and summaries (an update edited since it was approved: as it was approved), and
    only the escalations and project positions they carry."""
    workstreams = list(programme.workstreams.prefetch_related("projects"))
    ws_updates = {
        u.workstream_id: u
        for u in WorkstreamUpdate.objects.filter(workstream__in=workstreams, period=period)
    }
    project_updates = {
        u.project_id: u
        for u in ProjectUpdate.objects.filter(project__workstream__in=workstreams, period=period)
    }
    update = ProgrammeUpdate.objects.filter(programme=programme, period=period).first()
    summary = FinanceSummary.objects.filter(programme=programme, period=period).first()
    escalations = list(
        Escalation.objects.filter(programme=programme, period=period, archived=False).order_by(
            "order", "pk"
        )
    )
    if approved_only:
        update, _when = _approved_or_last_approved(update)
        summary, summary_when = _approved_or_last_approved(summary)
        by_pk = {w.pk: w for w in workstreams}
        drafts = [u for u in ws_updates.values() if u.status != ApprovalStatus.APPROVED]
        earlier = _last_approved(WorkstreamUpdate, drafts)
        for draft in drafts:
            del ws_updates[draft.workstream_id]
        shown_escalations = [e for e in escalations if e.workstream_id in ws_updates]
        for draft in drafts:
            if draft.pk not in earlier:
                continue
            approved, when = earlier[draft.pk]
            ws_updates[draft.workstream_id] = approved
            projects = list(by_pk[draft.workstream_id].projects.all())
            for project in projects:
                project_updates.pop(project.pk, None)
            project_updates |= _projects_as_of(projects, period, when)
            shown_escalations += _escalations_as_of(
                when, workstream_id=draft.workstream_id, period=period
            )
        shown = {p.pk for pk in ws_updates for p in by_pk[pk].projects.all()}
        project_updates = {pk: u for pk, u in project_updates.items() if pk in shown}
        if summary is not None:
            shown_escalations += _escalations_as_of(
                summary_when, programme=programme, period=period, workstream__isnull=True
            )
        escalations = shown_escalations
    position = ProgrammePosition(
        programme=programme,
        period=period,
        update=update,
        finance_summary=summary,
        finance_escalations=[e for e in escalations if e.source == Escalation.Source.FINANCE],
    )
    for workstream in workstreams:
        position.workstreams.append(
            WorkstreamPosition(
                workstream=workstream,
                update=ws_updates.get(workstream.pk),
                projects=_project_rows(list(workstream.projects.all()), project_updates),
                escalations=[e for e in escalations if e.workstream_id == workstream.pk],
            )
        )
    return position


def workstream_history(
    workstream: Workstream, *, approved_only: bool = False
) -> list[WorkstreamUpdate]:
    updates = WorkstreamUpdate.objects.filter(workstream=workstream)
    if approved_only:
        updates = updates.filter(status=ApprovalStatus.APPROVED)
    return list(updates.select_related("period").order_by("-period__month"))


def _points_document(points: list[dict[str, str]]) -> list[dict[str, str]]:
    return [{"heading": p.get("heading", ""), "text": p["text"]} for p in points]


def _approval(record: Any) -> str | None:
    """Draft, submitted, approved or returned: officers' documents carry drafts, marked."""
    return None if record is None else str(record.status)


def programme_document(
    programme: Programme, period: ReportingPeriod, *, approved_only: bool = False
) -> dict[str, Any]:
    """The programme for a period as one JSON-ready document (API and export share it)."""
    position = programme_position(programme, period, approved_only=approved_only)
    summary = position.finance_summary
    return {
        "organisation": {"slug": programme.organisation.slug, "name": programme.organisation.name},
        "period": {"key": period.key, "label": period.label, "title": period.title},
        "programme": {
            "name": programme.name,
            "vision": programme.vision,
            "ambition": programme.ambition,
            "description": programme.description,
            "savings_aim": None if programme.savings_aim is None else str(programme.savings_aim),
        },
        "update": {
            "approval": _approval(position.update),
            "overall_status": position.overall_status,
            "overall_status_label": RAG(position.overall_status).label,
            "progress_summary": point_texts(position.progress_summary),
        },
        "finance_summary": None
        if summary is None
        else {
            "approval": _approval(summary),
            "overall_status": summary.overall_status,
            "overall_status_label": RAG(summary.overall_status).label,
            "covering": summary.covering,
            "headline": summary.headline,
            "working_well": _points_document(summary.working_well),
            "challenges": _points_document(summary.challenges),
            "escalations": [
                {"heading": e.heading, "text": e.text, "status": e.status}
                for e in position.finance_escalations
            ],
        },
        "workstreams": [
            {
                "name": ws.workstream.name,
                "slug": ws.workstream.slug,
                "approval": _approval(ws.update),
                "rag": ws.rag,
                "rag_label": RAG(ws.rag).label,
                "working_well": _points_document(ws.working_well),
                "not_working_well": _points_document(ws.not_working_well),
                "to_escalate": [
                    {"heading": e.heading, "text": e.text, "status": e.status}
                    for e in ws.escalations
                ],
                "projects": [
                    {
                        "name": row.project.name,
                        "rag": row.rag,
                        "rag_label": RAG(row.rag).label,
                        "stage": row.stage,
                        "stage_label": row.stage_label,
                        "commentary": row.commentary,
                    }
                    for row in ws.projects
                ],
            }
            for ws in position.workstreams
        ],
    }
