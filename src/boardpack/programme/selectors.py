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


def workstream_position(
    workstream: Workstream, period: ReportingPeriod, *, approved_only: bool = False
) -> WorkstreamPosition:
    """A workstream's update for a period. ``approved_only`` (members, the public): an update
    not yet approved is shown as nothing, projects and escalations included."""
    projects = list(workstream.projects.all())
    update = WorkstreamUpdate.objects.filter(workstream=workstream, period=period).first()
    if approved_only and (update is None or update.status != ApprovalStatus.APPROVED):
        return WorkstreamPosition(
            workstream=workstream,
            update=None,
            projects=_project_rows(projects, {}),
            escalations=[],
        )
    updates = {
        u.project_id: u for u in ProjectUpdate.objects.filter(project__in=projects, period=period)
    }
    return WorkstreamPosition(
        workstream=workstream,
        update=update,
        projects=_project_rows(projects, updates),
        escalations=list(
            Escalation.objects.filter(workstream=workstream, period=period, archived=False)
            .select_related("project")
            .order_by("order", "pk")
        ),
    )


def programme_position(
    programme: Programme, period: ReportingPeriod, *, approved_only: bool = False
) -> ProgrammePosition:
    """The programme for a period. ``approved_only`` (members, the public): only approved
    updates and summaries, and only the escalations and project positions they carry."""
    workstreams = list(programme.workstreams.prefetch_related("projects"))
    ws_updates = {
        u.workstream_id: u
        for u in WorkstreamUpdate.objects.filter(workstream__in=workstreams, period=period)
        if not approved_only or u.status == ApprovalStatus.APPROVED
    }
    project_updates = {
        u.project_id: u
        for u in ProjectUpdate.objects.filter(
            project__workstream__in=workstreams, period=period
        ).select_related("project")
        if not approved_only or u.project.workstream_id in ws_updates
    }
    update = ProgrammeUpdate.objects.filter(programme=programme, period=period).first()
    summary = FinanceSummary.objects.filter(programme=programme, period=period).first()
    if approved_only:
        update = update if update is not None and update.is_approved else None
        summary = summary if summary is not None and summary.is_approved else None
    escalations = [
        e
        for e in Escalation.objects.filter(programme=programme, period=period, archived=False)
        .select_related("project")
        .order_by("order", "pk")
        if not approved_only
        or (e.workstream_id in ws_updates if e.workstream_id else summary is not None)
    ]
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
