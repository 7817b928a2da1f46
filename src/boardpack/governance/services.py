"""Writes to governance records. Each validates the whole record first and writes in one
transaction, so bad input is refused with a message and nothing is written."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from boardpack.core.models import Organisation, ReportingPeriod
from boardpack.governance.models import (
    Action,
    AgendaItem,
    Meeting,
    Member,
    MemberInterest,
    PointRaised,
    Risk,
    RiskAssessment,
    WorkPlanItem,
)
from boardpack.programme.models import Escalation, Project, Workstream


def workstream_by_slug(organisation: Organisation, slug: str, *, field: str = "workstream"):
    """The organisation's workstream with that slug, or a clear error naming the known ones."""
    if not slug:
        return None
    found = Workstream.objects.filter(programme__organisation=organisation, slug=slug).first()
    if found is None:
        known = ", ".join(
            Workstream.objects.filter(programme__organisation=organisation).values_list(
                "slug", flat=True
            )
        )
        raise ValidationError(
            {field: f"No workstream {slug!r} in {organisation.name}'s programme (known: {known})"}
        )
    return found


def project_by_name(workstream: Workstream | None, name: str) -> Project | None:
    if not name:
        return None
    if workstream is None:
        raise ValidationError({"project": "Name the workstream of the project too"})
    found = Project.objects.filter(workstream=workstream, name=name).first()
    if found is None:
        raise ValidationError({"project": f"No project {name!r} in {workstream.name}"})
    return found


@transaction.atomic
def member_interest_add(
    *,
    member: Member,
    area: str,
    workstream_slug: str = "",
    project_name: str = "",
    noted_at: Meeting | None = None,
) -> MemberInterest:
    organisation = member.committee.organisation
    workstream = workstream_by_slug(organisation, workstream_slug)
    project = project_by_name(workstream, project_name)
    interest = MemberInterest.objects.filter(member=member, area=area).first() or (
        MemberInterest(member=member, area=area)
    )
    interest.workstream = workstream
    interest.project = project
    interest.noted_at = noted_at
    interest.full_clean()
    interest.save()
    return interest


@transaction.atomic
def point_record(
    *,
    item: AgendaItem,
    point: str,
    response: str = "",
    order: int = 0,
    workstream_slug: str = "",
    project_name: str = "",
    indicator_code: str = "",
) -> PointRaised:
    organisation = item.meeting.committee.organisation
    workstream = workstream_by_slug(organisation, workstream_slug)
    project = project_by_name(workstream, project_name)
    raised = PointRaised(
        item=item,
        point=point,
        response=response,
        order=order,
        workstream=workstream,
        project=project,
        indicator_code=indicator_code,
    )
    raised.full_clean()
    raised.save()
    return raised


@transaction.atomic
def action_create(
    *,
    meeting: Meeting,
    text: str,
    owner: str,
    due_date: datetime.date | None = None,
    due_meeting: Meeting | None = None,
    item: AgendaItem | None = None,
    point: PointRaised | None = None,
    report_template_slug: str = "",
    report_request: str = "",
    work_plan_topic: str = "",
    work_plan_timing: str = "",
    order: int = 0,
) -> Action:
    """Record an action agreed at ``meeting``; it may add a topic to the committee's work plan."""
    action = Action(
        meeting=meeting,
        item=item,
        point=point,
        order=order,
        text=text,
        owner=owner.strip(),
        due_date=due_date,
        due_meeting=due_meeting,
        report_template_slug=report_template_slug,
        report_request=report_request,
    )
    action.full_clean()
    action.save()
    if work_plan_topic.strip():
        entry = WorkPlanItem(
            committee=meeting.committee,
            topic=work_plan_topic.strip(),
            timing=work_plan_timing,
            added_by=action,
        )
        entry.full_clean()
        entry.save()
    return action


@transaction.atomic
def action_update(
    *,
    action: Action,
    today: datetime.date,
    status: str,
    owner: str,
    due_date: datetime.date | None,
    due_meeting: Meeting | None,
    dropped_reason: str = "",
) -> Action:
    """Change an action's owner, due date or meeting and status; history keeps what it was."""
    if status not in Action.Status.values:
        raise ValidationError({"status": "Select open, in progress, done or dropped"})
    was_done = action.status == Action.Status.DONE
    action.status = status
    action.owner = owner.strip()
    action.due_date = due_date
    action.due_meeting = due_meeting
    action.dropped_reason = dropped_reason if status == Action.Status.DROPPED else ""
    if status == Action.Status.DONE and not was_done:
        action.completed_on = today
    elif status != Action.Status.DONE:
        action.completed_on = None
    action.full_clean()
    action.save()
    return action


RISK_FIELDS = (
    "reference",
    "title",
    "cause",
    "effect",
    "owner",
    "likelihood",
    "impact",
    "mitigations",
    "target_likelihood",
    "target_impact",
    "status",
    "review_date",
)


@transaction.atomic
def risk_save(
    *,
    organisation: Organisation,
    risk: Risk | None = None,
    workstream: Workstream | None = None,
    escalation: Escalation | None = None,
    period: ReportingPeriod | None = None,
    **values,
) -> Risk:
    """Create or change a risk; with ``period``, also record its position for that period."""
    unknown = set(values) - set(RISK_FIELDS)
    if unknown:
        raise TypeError(f"Unknown risk fields: {', '.join(sorted(unknown))}")
    if risk is None:
        risk = Risk(organisation=organisation)
    elif risk.organisation_id != organisation.pk:
        raise ValidationError("That risk belongs to another organisation.")
    for name, value in values.items():
        setattr(risk, name, value)
    risk.workstream = workstream
    if escalation is not None:
        risk.escalation = escalation
    risk.full_clean()
    risk.save()
    if period is not None:
        risk_assess(risk=risk, period=period)
    return risk


def risk_assess(*, risk: Risk, period: ReportingPeriod, note: str = "") -> RiskAssessment:
    """Record the risk's current likelihood, impact and status as its position for ``period``."""
    assessment = RiskAssessment.objects.filter(risk=risk, period=period).first() or (
        RiskAssessment(risk=risk, period=period)
    )
    assessment.likelihood = risk.likelihood
    assessment.impact = risk.impact
    assessment.status = risk.status
    assessment.note = note
    assessment.full_clean()
    assessment.save()
    return assessment


def risk_from_escalation(
    *, escalation: Escalation, reference: str, owner: str, likelihood: int, impact: int, **values
) -> Risk:
    """Raise a risk from a workstream escalation: its text is the risk, its workstream kept."""
    values.setdefault("title", escalation.heading or escalation.text[:300])
    values.setdefault("cause", escalation.text)
    return risk_save(
        organisation=escalation.programme.organisation,
        workstream=escalation.workstream,
        escalation=escalation,
        period=escalation.period,
        reference=reference,
        owner=owner,
        likelihood=likelihood,
        impact=impact,
        **values,
    )
