"""Reads of governance records: what a page, the API, an export or another app shows.

``today`` is always passed in (never read from the clock here), so "overdue" and "since the
last meeting" are the same for a page, an export and a test with a fixed date.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.db.models import Prefetch, Q, QuerySet

from boardpack.core.models import Organisation, ReportingPeriod
from boardpack.governance.models import (
    Action,
    AgendaItem,
    Committee,
    Meeting,
    MemberInterest,
    PointRaised,
    Risk,
    RiskAssessment,
    RiskRating,
    WorkPlanItem,
    risk_rating,
)
from boardpack.programme.models import Escalation, Workstream

ACTION_RELATED = (
    "meeting__committee",
    "due_meeting__committee",
    "item",
    "point__workstream",
    "point__project",
    "work_plan_item",
)


def committees_for(organisation: Organisation) -> QuerySet[Committee]:
    return Committee.objects.filter(organisation=organisation).order_by("name")


def meetings_for(organisation: Organisation) -> QuerySet[Meeting]:
    return (
        Meeting.objects.filter(committee__organisation=organisation)
        .select_related("committee")
        .order_by("committee__name", "date", "pk")
    )


def meeting_with_business(organisation: Organisation, pk: int) -> Meeting:
    """A meeting with its items, points, interests and actions, fetched in a fixed few queries."""
    return (
        meetings_for(organisation)
        .prefetch_related(
            Prefetch(
                "items",
                queryset=AgendaItem.objects.order_by("order", "pk").prefetch_related(
                    Prefetch(
                        "points",
                        queryset=PointRaised.objects.select_related(
                            "workstream", "project", "saving_line"
                        ).order_by("order", "pk"),
                    )
                ),
            ),
            Prefetch(
                "interests",
                queryset=MemberInterest.objects.select_related(
                    "member", "workstream", "project"
                ).order_by("pk"),
            ),
            Prefetch("actions", queryset=Action.objects.select_related(*ACTION_RELATED)),
        )
        .get(pk=pk)
    )


def attach_editions(organisation: Organisation, items: list[AgendaItem]) -> None:
    """Give each item the report edition it considered (``item.edition``), or None.

    The item names its report by template slug and period; the edition is found through the
    app registry, so governance depends on no report app.
    """
    for item in items:
        item.edition = None  # type: ignore[attr-defined]
    wanted = [i for i in items if i.report_template_slug and i.report_period_key]
    if not wanted or not apps.is_installed("boardpack.reports"):
        return
    edition = apps.get_model("reports", "Edition")
    found = {
        (e.template.slug, e.period.key): e
        for e in edition.objects.filter(
            organisation=organisation,
            template__slug__in={i.report_template_slug for i in wanted},
        ).select_related("template", "period")
    }
    for item in wanted:
        item.edition = found.get(  # type: ignore[attr-defined]
            (item.report_template_slug, item.report_period_key)
        )


def actions_for(organisation: Organisation) -> QuerySet[Action]:
    return (
        Action.objects.filter(meeting__committee__organisation=organisation)
        .select_related(*ACTION_RELATED)
        .order_by("meeting__committee__name", "meeting__date", "meeting_id", "order", "pk")
    )


def last_meeting(committee: Committee, today: datetime.date) -> Meeting | None:
    """The committee's most recent meeting held on or before ``today``.

    A meeting whose minutes give no date counts as held once it has agenda items.
    """
    dated = (
        Meeting.objects.filter(committee=committee, date__lte=today)
        .order_by("-date", "-pk")
        .first()
    )
    if dated is not None:
        return dated
    return (
        Meeting.objects.filter(committee=committee, date__isnull=True, items__isnull=False)
        .order_by("-pk")
        .first()
    )


def next_meeting(committee: Committee, today: datetime.date) -> Meeting | None:
    """The committee's next meeting after ``today``: a dated one, else one with no date yet."""
    dated = (
        Meeting.objects.filter(committee=committee, date__gt=today).order_by("date", "pk").first()
    )
    if dated is not None:
        return dated
    return Meeting.objects.filter(
        committee=committee, date__isnull=True, items__isnull=True
    ).first()


@dataclass
class Tracker:
    """The action tracker: open, overdue and done since each committee last met."""

    today: datetime.date
    open: list[Action] = field(default_factory=list)
    overdue: list[Action] = field(default_factory=list)
    done_since_last_meeting: list[Action] = field(default_factory=list)
    last_meetings: dict[int, Meeting | None] = field(default_factory=dict)
    report_requests: list[Action] = field(default_factory=list)


def action_tracker(organisation: Organisation, today: datetime.date) -> Tracker:
    tracker = Tracker(today=today)
    committees = list(committees_for(organisation))
    tracker.last_meetings = {c.pk: last_meeting(c, today) for c in committees}
    for action in actions_for(organisation):
        if action.is_overdue(today):
            tracker.overdue.append(action)
        elif not action.is_closed:
            tracker.open.append(action)
        elif action.status == Action.Status.DONE and action.completed_on:
            last = tracker.last_meetings.get(action.meeting.committee_id)
            if last is None or last.date is None or action.completed_on > last.date:
                tracker.done_since_last_meeting.append(action)
        if action.report_template_slug and not action.is_closed:
            tracker.report_requests.append(action)
    return tracker


def open_report_requests(
    organisation: Organisation, template_slug: str | None = None
) -> list[Action]:
    """Open actions asking a report template for something (``members-quarterly`` …).

    The report packs show these on their template until the action is done or dropped.
    """
    found = actions_for(organisation).exclude(report_template_slug="")
    if template_slug is not None:
        found = found.filter(report_template_slug=template_slug)
    return [a for a in found if not a.is_closed]


@dataclass
class SinceLastMeeting:
    """What the chair needs before the next meeting: what changed since the committee last met."""

    committee: Committee
    today: datetime.date
    last_meeting: Meeting | None
    next_meeting: Meeting | None
    from_last_meeting: list[Action]
    done_since: list[Action]
    overdue: list[Action]
    still_open: list[Action]
    work_plan: list[WorkPlanItem]
    report_requests: list[Action]


def since_last_meeting(committee: Committee, today: datetime.date) -> SinceLastMeeting:
    last = last_meeting(committee, today)
    actions = list(actions_for(committee.organisation).filter(meeting__committee=committee))
    since = last.date if last is not None and last.date else None
    return SinceLastMeeting(
        committee=committee,
        today=today,
        last_meeting=last,
        next_meeting=next_meeting(committee, today),
        from_last_meeting=[a for a in actions if last is not None and a.meeting_id == last.pk],
        done_since=[
            a
            for a in actions
            if a.status == Action.Status.DONE
            and a.completed_on
            and (since is None or a.completed_on > since)
        ],
        overdue=[a for a in actions if a.is_overdue(today)],
        still_open=[a for a in actions if not a.is_closed and not a.is_overdue(today)],
        work_plan=list(work_plan_for(committee)),
        report_requests=[a for a in actions if a.report_template_slug and not a.is_closed],
    )


def work_plan_for(committee: Committee) -> QuerySet[WorkPlanItem]:
    return (
        WorkPlanItem.objects.filter(committee=committee)
        .select_related("planned_meeting__committee", "added_by__meeting__committee")
        .order_by("status", "pk")
    )


def work_plans(organisation: Organisation) -> QuerySet[WorkPlanItem]:
    return (
        WorkPlanItem.objects.filter(committee__organisation=organisation)
        .select_related("committee", "planned_meeting__committee", "added_by__meeting__committee")
        .order_by("committee__name", "status", "pk")
    )


def scrutiny_of_workstream(workstream: Workstream) -> list[PointRaised]:
    """What members asked about a workstream (or one of its projects), with the responses."""
    return list(
        PointRaised.objects.filter(Q(workstream=workstream) | Q(project__workstream=workstream))
        .select_related("item__meeting__committee", "project")
        .order_by("-item__meeting__date", "item__meeting_id", "order", "pk")
    )


def risks_for(organisation: Organisation) -> QuerySet[Risk]:
    return (
        Risk.objects.filter(organisation=organisation)
        .select_related("workstream", "escalation")
        .order_by("reference")
    )


def escalations_without_risk(organisation: Organisation) -> QuerySet[Escalation]:
    """Workstream escalations still open that no risk has been raised from yet."""
    return (
        Escalation.objects.filter(
            programme__organisation=organisation,
            source=Escalation.Source.WORKSTREAM,
            status=Escalation.Status.OPEN,
            risks__isnull=True,
        )
        .select_related("workstream", "period")
        .order_by("-period__month", "workstream__order", "order", "pk")
    )


@dataclass(frozen=True)
class HeatCell:
    likelihood: int
    impact: int
    risks: tuple[Risk, ...]

    @property
    def score(self) -> int:
        return self.likelihood * self.impact

    @property
    def rating(self) -> RiskRating:
        return risk_rating(self.score)


def heat_map(risks: list[Risk]) -> list[list[HeatCell]]:
    """Rows of impact 5 down to 1, columns of likelihood 1 to 5: the register's usual layout."""
    return [
        [
            HeatCell(
                likelihood=likelihood,
                impact=impact,
                risks=tuple(r for r in risks if r.likelihood == likelihood and r.impact == impact),
            )
            for likelihood in range(1, 6)
        ]
        for impact in range(5, 0, -1)
    ]


def _date(value: datetime.date | None) -> str | None:
    return value.isoformat() if value else None


def action_record(action: Action, today: datetime.date) -> dict[str, Any]:
    meeting = action.meeting
    return {
        "id": action.pk,
        "committee": meeting.committee.name,
        "source_meeting": {
            "id": meeting.pk,
            "date": _date(meeting.date),
            "title": meeting.title,
            "label": str(meeting),
        },
        "agenda_item": action.item.title if action.item else None,
        "text": action.text,
        "owner": action.owner,
        "due_date": _date(action.due_date),
        "due_meeting": None
        if action.due_meeting is None
        else {
            "id": action.due_meeting.pk,
            "date": _date(action.due_meeting.date),
            "title": action.due_meeting.title,
            "label": str(action.due_meeting),
        },
        "status": action.status,
        "status_label": action.get_status_display(),
        "overdue": action.is_overdue(today),
        "dropped_reason": action.dropped_reason,
        "completed_on": _date(action.completed_on),
        "report_template_slug": action.report_template_slug,
        "report_request": action.report_request,
        "work_plan_topic": action.work_plan_item.topic
        if hasattr(action, "work_plan_item")
        else None,
    }


def _organisation(organisation: Organisation) -> dict[str, str]:
    return {"slug": organisation.slug, "name": organisation.name}


def _in_period(meetings: QuerySet[Meeting], period: ReportingPeriod | None) -> QuerySet[Meeting]:
    if period is None:
        return meetings
    month = period.period
    return meetings.filter(date__year=month.first_day.year, date__month=month.first_day.month)


def actions_document(
    organisation: Organisation, period: ReportingPeriod | None, today: datetime.date
) -> dict[str, Any]:
    actions = actions_for(organisation)
    if period is not None:
        actions = actions.filter(meeting__in=_in_period(meetings_for(organisation), period))
    return {
        "organisation": _organisation(organisation),
        "period": None if period is None else period.key,
        "as_of": today.isoformat(),
        "actions": [action_record(a, today) for a in actions],
    }


def meetings_document(organisation: Organisation, period: ReportingPeriod | None) -> dict[str, Any]:
    meetings = _in_period(meetings_for(organisation), period).prefetch_related(
        Prefetch(
            "items",
            queryset=AgendaItem.objects.order_by("order", "pk").prefetch_related(
                Prefetch(
                    "points",
                    queryset=PointRaised.objects.select_related("workstream", "project"),
                )
            ),
        ),
        Prefetch(
            "interests",
            queryset=MemberInterest.objects.select_related("member", "workstream", "project"),
        ),
    )
    return {
        "organisation": _organisation(organisation),
        "period": None if period is None else period.key,
        "meetings": [
            {
                "id": m.pk,
                "committee": m.committee.name,
                "committee_slug": m.committee.slug,
                "date": _date(m.date),
                "title": m.title,
                "interests": [
                    {
                        "member": i.member.name,
                        "role": i.member.get_role_display(),
                        "area": i.area,
                        "workstream": i.workstream.slug if i.workstream else None,
                        "project": i.project.name if i.project else None,
                    }
                    for i in m.interests.all()
                ],
                "items": [
                    {
                        "title": item.title,
                        "purpose": item.get_purpose_display(),
                        "purpose_text": item.purpose_text,
                        "time_allowed_minutes": item.time_allowed_minutes,
                        "presenting_officer": item.presenting_officer,
                        "background_papers": item.background_papers,
                        "report_template_slug": item.report_template_slug,
                        "report_period_key": item.report_period_key,
                        "points": [
                            {
                                "point": p.point,
                                "response": p.response,
                                "workstream": p.workstream.slug if p.workstream else None,
                                "project": p.project.name if p.project else None,
                                "indicator_code": p.indicator_code,
                            }
                            for p in item.points.all()
                        ],
                    }
                    for item in m.items.all()
                ],
            }
            for m in meetings
        ],
    }


def risks_document(organisation: Organisation, period: ReportingPeriod | None) -> dict[str, Any]:
    risks = list(risks_for(organisation))
    assessments: dict[int, RiskAssessment] = {}
    if period is not None:
        assessments = {
            a.risk_id: a for a in RiskAssessment.objects.filter(risk__in=risks, period=period)
        }
    rows = []
    for risk in risks:
        assessed = assessments.get(risk.pk)
        rows.append(
            {
                "reference": risk.reference,
                "title": risk.title,
                "cause": risk.cause,
                "effect": risk.effect,
                "owner": risk.owner,
                "workstream": risk.workstream.slug if risk.workstream else None,
                "likelihood": risk.likelihood,
                "impact": risk.impact,
                "score": risk.score,
                "rating": risk.rating.label,
                "target_score": risk.target_score,
                "target_rating": risk.target_rating.label if risk.target_rating else None,
                "mitigations": risk.mitigations,
                "status": risk.get_status_display(),
                "review_date": _date(risk.review_date),
                "in_period": None
                if assessed is None
                else {
                    "likelihood": assessed.likelihood,
                    "impact": assessed.impact,
                    "score": assessed.score,
                    "rating": assessed.rating.label,
                    "status": assessed.get_status_display(),
                },
            }
        )
    return {
        "organisation": _organisation(organisation),
        "period": None if period is None else period.key,
        "risks": rows,
    }
