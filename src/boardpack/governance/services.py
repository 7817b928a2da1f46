"""Writes to governance records. Each validates the whole record first and writes in one
transaction, so bad input is refused with a message and nothing is written."""

from __future__ import annotations

import datetime
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import models, transaction

from boardpack.core.models import Organisation, ReportingPeriod
from boardpack.finance.models import SavingLine
from boardpack.governance.models import (
    Action,
    AgendaItem,
    Committee,
    Meeting,
    Member,
    MemberInterest,
    PointRaised,
    Risk,
    RiskAssessment,
    WorkPlanItem,
)
from boardpack.programme.models import Escalation, Project, Workstream
from boardpack.workflow.edits import EditConflict

M = TypeVar("M", bound=models.Model)


def locked_at_version(record: M, version: int | None) -> M:
    """``record`` afresh from the database, locked until the transaction ends.

    ``version`` is the version the editor opened (None: the caller does not track versions, as
    the demo loader does not). When someone has saved since, :class:`EditConflict` is raised and
    nothing is written.
    """
    current = type(record)._default_manager.select_for_update().get(pk=record.pk)
    if version is not None and version != current.version:  # type: ignore[attr-defined]
        raise EditConflict(current, version)
    return current


def _saved(record: M, *, is_new: bool) -> M:
    """Validate the whole record, bump its version when it existed, and save it."""
    record.full_clean()
    if not is_new:
        record.version += 1  # type: ignore[attr-defined]
    record.save()
    return record


def _last_in_list_or_locked(
    record: M | None,
    version: int | None,
    *,
    model: type[M],
    parent_field: str,
    parent: models.Model,
    elsewhere: str,
) -> M:
    """A new ``model`` at the end of ``parent``'s list, or ``record`` locked at the version
    the user saw, refused with ``elsewhere`` when it belongs to another parent."""
    if record is None:
        siblings = model._default_manager.filter(**{parent_field: parent})
        last = siblings.order_by("-order").values_list("order", flat=True).first()
        return model(**{parent_field: parent, "order": (last or 0) + 1})
    record = locked_at_version(record, version)
    if getattr(record, f"{parent_field}_id") != parent.pk:
        raise ValidationError(elsewhere)
    return record


MEETING_FIELDS = ("date", "title", "minutes_source")
ITEM_FIELDS = (
    "title",
    "purpose",
    "purpose_text",
    "time_allowed_minutes",
    "presenting_officer",
    "background_papers",
    "report_template_slug",
    "report_period_key",
    "minutes",
    "outcome",
)


def _check_fields(values: dict[str, Any], allowed: tuple[str, ...], what: str) -> None:
    unknown = set(values) - set(allowed)
    if unknown:
        raise TypeError(f"Unknown {what} fields: {', '.join(sorted(unknown))}")


def _meeting_dates_still_fit(meeting: Meeting) -> None:
    """A new date must not put the meeting after what is due from it, or after its due meeting."""
    if meeting.pk is None or meeting.date is None:
        return
    when = meeting.date.strftime("%-d %B %Y")
    early = meeting.actions.filter(due_date__lt=meeting.date).order_by("due_date").first()
    if early is not None and early.due_date is not None:
        raise ValidationError(
            {
                "date": f"An action from this meeting is due on "
                f"{early.due_date.strftime('%-d %B %Y')}, before {when}: change the action first"
            }
        )
    if meeting.actions.filter(due_meeting__date__lt=meeting.date).exists():
        raise ValidationError(
            {"date": f"An action from this meeting is due at a meeting before {when}"}
        )
    if meeting.actions_due.filter(meeting__date__gt=meeting.date).exists():
        raise ValidationError(
            {"date": f"An action due at this meeting was agreed at a meeting after {when}"}
        )


@transaction.atomic
def meeting_save(
    *,
    committee: Committee,
    meeting: Meeting | None = None,
    version: int | None = None,
    **values: Any,
) -> Meeting:
    """Create a meeting of ``committee``, or change one (its date, title, where minuted).

    The date may be blank: not set yet, or not stated in the minutes.
    """
    _check_fields(values, MEETING_FIELDS, "meeting")
    is_new = meeting is None
    if meeting is None:
        meeting = Meeting(committee=committee)
    else:
        meeting = locked_at_version(meeting, version)
        if meeting.committee_id != committee.pk:
            raise ValidationError("That meeting belongs to another committee.")
    for name, value in values.items():
        setattr(meeting, name, value)
    _meeting_dates_still_fit(meeting)
    return _saved(meeting, is_new=is_new)


@transaction.atomic
def agenda_item_save(
    *,
    meeting: Meeting,
    item: AgendaItem | None = None,
    version: int | None = None,
    **values: Any,
) -> AgendaItem:
    """Add an agenda item to ``meeting`` (at the end of the agenda), or change one."""
    _check_fields(values, ITEM_FIELDS, "agenda item")
    is_new = item is None
    item = _last_in_list_or_locked(
        item,
        version,
        model=AgendaItem,
        parent_field="meeting",
        parent=meeting,
        elsewhere="That agenda item belongs to another meeting.",
    )
    for name, value in values.items():
        setattr(item, name, value)
    return _saved(item, is_new=is_new)


def _indicator_known(organisation: Organisation, code: str) -> None:
    from boardpack.performance.models import Indicator

    if code and not Indicator.objects.filter(organisation=organisation, code=code).exists():
        raise ValidationError(
            {"indicator_code": f"No indicator {code!r} in {organisation.name}'s catalogue"}
        )


@transaction.atomic
def point_save(
    *,
    item: AgendaItem,
    point: PointRaised | None = None,
    version: int | None = None,
    text: str,
    response: str = "",
    workstream: Workstream | None = None,
    project: Project | None = None,
    saving_line: SavingLine | None = None,
    indicator_code: str = "",
) -> PointRaised:
    """Record a point members raised on ``item`` and the officers' response, or change one.

    Its topic (a workstream, a project of it, a saving, an indicator) must be the same
    organisation's: the workstream's page then lists it.
    """
    organisation = item.meeting.committee.organisation
    _indicator_known(organisation, indicator_code)
    is_new = point is None
    point = _last_in_list_or_locked(
        point,
        version,
        model=PointRaised,
        parent_field="item",
        parent=item,
        elsewhere="That point was raised on another agenda item.",
    )
    point.point = text
    point.response = response
    point.workstream = workstream
    point.project = project
    point.saving_line = saving_line
    point.indicator_code = indicator_code
    return _saved(point, is_new=is_new)


@transaction.atomic
def member_save(
    *,
    committee: Committee,
    name: str,
    role: str,
    member: Member | None = None,
    version: int | None = None,
) -> Member:
    """Add a member to ``committee`` (at the end of its list), or change one's name or role.

    Names and roles only: Boardpack keeps nothing else about a member. Two members of a
    committee never share a name, and a committee has one chair.
    """
    name = name.strip()
    errors: dict[str, str] = {}
    others = Member.objects.filter(committee=committee)
    if member is not None:
        others = others.exclude(pk=member.pk)
    same_name = others.filter(name=name).first() if name else None
    if same_name is not None:
        errors["name"] = (
            f"{name} was a member of {committee.name} and left: bring them back from the "
            "history of their record"
            if same_name.left
            else f"{name} is already a member of {committee.name}"
        )
    chair = others.filter(role=Member.Role.CHAIR, left=False).first()
    if role == Member.Role.CHAIR and chair is not None:
        errors["role"] = f"{chair.name} is the chair of {committee.name}: change their role first"
    if errors:
        raise ValidationError(errors)
    is_new = member is None
    member = _last_in_list_or_locked(
        member,
        version,
        model=Member,
        parent_field="committee",
        parent=committee,
        elsewhere="That member belongs to another committee.",
    )
    member.name = name
    member.role = role
    return _saved(member, is_new=is_new)


@transaction.atomic
def member_leave(*, member: Member, version: int | None) -> Member:
    """Record that ``member`` has left their committee. Nothing is deleted: the interests
    minuted at past meetings still name them, and their record's history can bring them back."""
    member = locked_at_version(member, version)
    if member.left:
        raise ValidationError(f"{member.name} has already left {member.committee.name}.")
    member.left = True
    return _saved(member, is_new=False)


@transaction.atomic
def member_interest_save(
    *,
    committee: Committee,
    member: Member,
    area: str,
    interest: MemberInterest | None = None,
    version: int | None = None,
    workstream: Workstream | None = None,
    project: Project | None = None,
    noted_at: Meeting | None = None,
) -> MemberInterest:
    """Record that a member of ``committee`` has an interest in an area, or change it."""
    errors: dict[str, str] = {}
    if member.committee_id != committee.pk:
        errors["member"] = f"Choose a member of {committee.name}"
    elif member.left and (interest is None or interest.member_id != member.pk):
        errors["member"] = f"{member.name} has left {committee.name}"
    if noted_at is not None and noted_at.committee_id != committee.pk:
        errors["noted_at"] = f"Choose a meeting of {committee.name}"
    area = area.strip()
    clash = MemberInterest.objects.filter(member=member, area=area)
    if interest is not None:
        clash = clash.exclude(pk=interest.pk)
    if area and clash.exists():
        errors["area"] = f"{member.name} already has an interest in {area} recorded"
    if errors:
        raise ValidationError(errors)
    is_new = interest is None
    if interest is None:
        interest = MemberInterest()
    else:
        interest = locked_at_version(interest, version)
        if interest.member.committee_id != committee.pk:
            raise ValidationError("That interest is another committee's.")
    interest.member = member
    interest.area = area
    interest.workstream = workstream
    interest.project = project
    interest.noted_at = noted_at
    return _saved(interest, is_new=is_new)


@transaction.atomic
def work_plan_item_save(
    *,
    committee: Committee,
    topic: str,
    planned_meeting: Meeting | None = None,
    timing: str = "",
    added_by: Action | None = None,
    status: str = WorkPlanItem.Status.PLANNED,
    item: WorkPlanItem | None = None,
    version: int | None = None,
) -> WorkPlanItem:
    """Put a topic on ``committee``'s work plan, or change one: its planned meeting (one of
    the committee's, dated or not), its timing in words, the action it came from, and whether it
    is still planned, was considered or was withdrawn. Nothing is deleted: a withdrawn topic
    stays on the plan, marked so, with its history."""
    errors: dict[str, str] = {}
    if planned_meeting is not None and planned_meeting.committee_id != committee.pk:
        errors["planned_meeting"] = f"Choose a meeting of {committee.name}"
    if added_by is not None:
        if added_by.meeting.committee_id != committee.pk:
            errors["added_by"] = f"Choose an action of {committee.name}"
        else:
            taken = WorkPlanItem.objects.filter(added_by=added_by)
            if item is not None:
                taken = taken.exclude(pk=item.pk)
            if taken.exists():
                errors["added_by"] = "That action has already added a topic to the work plan"
    if status not in WorkPlanItem.Status.values:
        errors["status"] = "Select planned, considered or withdrawn"
    if errors:
        raise ValidationError(errors)
    is_new = item is None
    if item is None:
        item = WorkPlanItem(committee=committee)
    else:
        item = locked_at_version(item, version)
        if item.committee_id != committee.pk:
            raise ValidationError("That topic is on another committee's work plan.")
    item.topic = topic.strip()
    item.planned_meeting = planned_meeting
    item.timing = timing.strip()
    item.added_by = added_by
    item.status = status
    return _saved(item, is_new=is_new)


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
    version: int | None = None,
) -> Action:
    """Change an action's owner, due date or meeting and status; history keeps what it was.

    ``version`` is the version the editor opened: saving over a newer one raises
    :class:`EditConflict` and writes nothing.
    """
    if status not in Action.Status.values:
        raise ValidationError({"status": "Select open, in progress, done or dropped"})
    action = locked_at_version(action, version)
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
    return _saved(action, is_new=False)


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
