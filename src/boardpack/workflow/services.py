"""Writes of the reporting cycle: open, carry forward, submit, approve, return, close, restore.

Every state change checks the user's role first and raises ``PermissionDenied`` (403) before
anything is written; each runs in one transaction.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone

from boardpack.core.models import Organisation, ReportingPeriod
from boardpack.periods import Month
from boardpack.programme.models import (
    Escalation,
    FinanceSummary,
    ProgrammeUpdate,
    Project,
    ProjectUpdate,
    WorkstreamUpdate,
)
from boardpack.workflow import policy
from boardpack.workflow.edits import CorrectionNeedsReason, EditConflict
from boardpack.workflow.models import ApprovalStatus, FinanceApproval
from boardpack.workflow.selectors import OutstandingItem, period_outstanding


class PeriodError(ValueError):
    pass


class PeriodNotReady(PeriodError):
    """The period cannot close: these items are not approved."""

    def __init__(self, period: ReportingPeriod, items: list[OutstandingItem]) -> None:
        names = "; ".join(f"{i.name} ({i.status_label})" for i in items)
        super().__init__(f"{period.label} cannot close until everything is approved: {names}")
        self.items = items


class TransitionRefused(ValueError):
    pass


# Periods -------------------------------------------------------------------------------------


def next_period_month(organisation: Organisation, frequency: str) -> Month:
    """The last month of the period after the organisation's latest (financial-year aware)."""
    latest = ReportingPeriod.objects.filter(organisation=organisation).order_by("-month").first()
    following = latest.period.plus(1) if latest else Month.from_date(timezone.localdate())
    if frequency == ReportingPeriod.Frequency.QUARTER:
        return following.quarter.last_month
    ReportingPeriod.Frequency(frequency)
    return following


@transaction.atomic
def period_open(*, organisation: Organisation, frequency: str, user: Any) -> ReportingPeriod:
    """Open the next period, carrying the latest one's content forward as drafts."""
    if not policy.may_manage_periods(user):
        raise PermissionDenied("Only the programme office opens reporting periods.")
    month = next_period_month(organisation, frequency)
    previous = (
        ReportingPeriod.objects.select_for_update()
        .filter(organisation=organisation)
        .order_by("-month")
        .first()
    )
    if ReportingPeriod.objects.filter(organisation=organisation, month=month.first_day).exists():
        raise PeriodError(f"{month.label} is already open.")
    period = ReportingPeriod(organisation=organisation, month=month.first_day, frequency=frequency)
    if frequency == ReportingPeriod.Frequency.QUARTER:
        period.title = month.quarter.label
    period.full_clean()
    period.save()
    if previous is not None:
        _carry_forward(previous, period)
    return period


def _copy(record: models.Model, **changes: Any) -> Any:
    copy = type(record)._default_manager.get(pk=record.pk)
    copy.pk = None
    copy.id = None  # type: ignore[attr-defined]
    for name, value in changes.items():
        setattr(copy, name, value)
    copy._change_reason = "Carried forward"  # type: ignore[attr-defined]
    copy.full_clean()
    copy.save()
    return copy


def _approvable_copy(record: Any, previous: ReportingPeriod, period: ReportingPeriod) -> Any:
    return _copy(
        record,
        period=period,
        status=ApprovalStatus.DRAFT,
        status_comment="",
        status_changed_by=None,
        status_changed_at=None,
        carried_forward_from=previous,
        version=1,
    )


def _carry_forward(previous: ReportingPeriod, period: ReportingPeriod) -> None:
    """Workstream lists, project RAG and stage, open escalations, both summaries."""
    organisation = period.organisation
    for model in (ProgrammeUpdate, FinanceSummary):
        for record in model.objects.filter(  # type: ignore[attr-defined]
            programme__organisation=organisation, period=previous
        ):
            _approvable_copy(record, previous, period)
    for update in WorkstreamUpdate.objects.filter(
        workstream__programme__organisation=organisation, period=previous
    ):
        _approvable_copy(update, previous, period)
    for project_update in ProjectUpdate.objects.filter(
        project__workstream__programme__organisation=organisation, period=previous
    ):
        ProjectUpdate.objects.create(
            project=project_update.project,
            period=period,
            rag=project_update.rag,
            stage=project_update.stage,
        )
    for escalation in Escalation.objects.filter(
        programme__organisation=organisation, period=previous, archived=False
    ).exclude(status=Escalation.Status.CLOSED):
        _copy(escalation, period=period, carried_from=escalation, version=1)


@transaction.atomic
def period_close(*, period: ReportingPeriod, user: Any) -> ReportingPeriod:
    """Close a period once everything in it is approved; refuse, listing what is not."""
    if not policy.may_manage_periods(user):
        raise PermissionDenied("Only the programme office closes reporting periods.")
    period = ReportingPeriod.objects.select_for_update().get(pk=period.pk)
    if period.is_closed:
        raise PeriodError(f"{period.label} is already closed.")
    blocking = [item for item in period_outstanding(period) if item.blocks_closing]
    if blocking:
        raise PeriodNotReady(period, blocking)
    period.status = ReportingPeriod.Status.CLOSED
    period.save()
    return period


# Approval ------------------------------------------------------------------------------------

ACTIONS = {"submit", "approve", "return"}
MAX_COMMENT = 2000
_FROM = {
    "submit": {ApprovalStatus.DRAFT, ApprovalStatus.RETURNED},
    "approve": {ApprovalStatus.SUBMITTED},
    "return": {ApprovalStatus.SUBMITTED, ApprovalStatus.APPROVED},
}
_TO = {
    "submit": ApprovalStatus.SUBMITTED,
    "approve": ApprovalStatus.APPROVED,
    "return": ApprovalStatus.RETURNED,
}


def may_take_a_step(user: Any, record: Any) -> bool:
    return policy.may_submit(user, record) or policy.may_approve(user, record)


def _may(user: Any, action: str, record: Any) -> bool:
    if action == "submit":
        return policy.may_submit(user, record)
    return policy.may_approve(user, record)


@transaction.atomic
def approval_transition(*, record: Any, action: str, user: Any, comment: str = "") -> Any:
    """Submit, approve or return ``record`` (an Approvable), as ``user`` may.

    403 without the role; a closed period's content is frozen; returning needs a comment.
    """
    # The role first: someone who may take no step learns nothing, whatever they asked for.
    if not may_take_a_step(user, record):
        raise PermissionDenied("Your role can neither submit nor approve this.")
    if action not in ACTIONS:
        raise TransitionRefused("Choose submit, approve or return.")
    if not _may(user, action, record):
        raise PermissionDenied(f"Your role cannot {action} this.")
    record = type(record).objects.select_for_update().get(pk=record.pk)
    if record.period.is_closed:
        raise TransitionRefused(f"{record.period.label} is closed: its content is frozen.")
    if record.status not in _FROM[action]:
        raise TransitionRefused(
            f"It is {record.get_status_display().lower()}: it cannot be {_past(action)} now."
        )
    comment = comment.strip()
    if action == "return" and not comment:
        raise TransitionRefused("Say what needs changing before returning it.")
    if "\x00" in comment:
        raise TransitionRefused("The comment contains a NUL character; remove it.")
    if len(comment) > MAX_COMMENT:
        raise TransitionRefused(f"The comment must be {MAX_COMMENT} characters or fewer.")
    record.status = _TO[action]
    if action == "return":
        record.status_comment = comment
    elif action == "submit":
        record.status_comment = ""
    record.status_changed_by = user
    record.status_changed_at = timezone.now()
    record._change_reason = f"{_past(action).capitalize()}" + (f": {comment}" if comment else "")
    record.full_clean()
    record.save()
    return record


def _past(action: str) -> str:
    return {"submit": "submitted", "approve": "approved", "return": "returned"}[action]


@transaction.atomic
def finance_approval_transition(
    *,
    organisation: Organisation,
    period: ReportingPeriod,
    dataset: str,
    action: str,
    user: Any,
    comment: str = "",
) -> FinanceApproval:
    """The same steps for one finance dataset's positions in a period."""
    approval = FinanceApproval.objects.filter(
        organisation=organisation, period=period, dataset=dataset
    ).first()
    if approval is None:
        probe = FinanceApproval(organisation=organisation, period=period, dataset=dataset)
        if not may_take_a_step(user, probe):
            raise PermissionDenied("Your role can neither submit nor approve finance positions.")
        if action not in ACTIONS:
            raise TransitionRefused("Choose submit, approve or return.")
        if not _may(user, action, probe):
            raise PermissionDenied(f"Your role cannot {action} finance positions.")
        probe.full_clean()
        probe.save()
        approval = probe
    return approval_transition(record=approval, action=action, user=user, comment=comment)


# Escalations ---------------------------------------------------------------------------------


@transaction.atomic
def escalation_update(
    *,
    escalation: Escalation,
    user: Any,
    version: int,
    owner: str,
    decision_needed: str,
    due_date: dt.date | None,
    status: str,
    resolution: str,
    closed_reason: str,
    reason: str = "",
    project: Project | None = None,
) -> Escalation:
    if not policy.may_edit_escalation(user, escalation):
        raise PermissionDenied("Your role cannot change this escalation.")
    current = Escalation.objects.select_for_update().get(pk=escalation.pk)
    if current.period.is_closed and not reason.strip():
        raise CorrectionNeedsReason(current.period)
    if current.version != version:
        raise EditConflict(current, version)
    current.project = project
    current.owner = owner
    current.decision_needed = decision_needed
    current.due_date = due_date
    current.status = Escalation.Status(status)
    current.resolution = resolution
    current.closed_reason = closed_reason
    current.version += 1
    if reason:
        current._change_reason = reason  # type: ignore[attr-defined]
    current.full_clean()
    current.save()
    return current


# History -------------------------------------------------------------------------------------

FROZEN_FIELDS = {
    "id",
    "version",
    "status",
    "status_comment",
    "status_changed_by",
    "status_changed_at",
    "carried_forward_from",
    "archived",
}


def _restore_field(current: Any, old: Any, field: Any) -> None:
    """Bring back ``field`` from ``old``; a link to a record since removed is refused."""
    value = getattr(old, field.attname)
    if field.is_relation and value is not None:
        if not field.related_model._default_manager.filter(pk=value).exists():
            raise ValidationError(
                {field.name: f"The {field.verbose_name} that version names no longer exists."}
            )
    setattr(current, field.attname, value)


@transaction.atomic
def restore_version(*, record: Any, history_id: int, user: Any, reason: str = "") -> Any:
    """Make an earlier version the current one, as a new version (nothing is overwritten).

    Only the record's own values come back: what it belongs to (organisation, period,
    workstream) and its approval state stay as they are, and an approvable record is a draft
    again (in a closed period, a correction with its reason).
    """
    model = type(record)
    current = model.objects.select_for_update().get(pk=record.pk)
    try:
        old = current.history.get(history_id=history_id)
    except model.history.model.DoesNotExist as exc:
        raise ValidationError("That version is not one of this record's.") from exc
    period = getattr(current, "period", None)
    if period is not None and period.is_closed and not reason.strip():
        raise CorrectionNeedsReason(period)
    # A model may name fields that come back although they are links or workflow names (an
    # action's own status and due meeting): they are its values, not its approval or its place.
    restored_too = set(getattr(model, "RESTORED_WITH_VERSION", ()))
    for field in model._meta.concrete_fields:
        if field.name in restored_too:
            _restore_field(current, old, field)
            continue
        if field.is_relation or field.name in FROZEN_FIELDS:
            continue
        setattr(current, field.attname, getattr(old, field.attname))
    if hasattr(current, "version"):
        current.version += 1
    if hasattr(current, "carried_forward_from"):
        current.carried_forward_from = None
        if period is not None and not period.is_closed:
            current.status = ApprovalStatus.DRAFT
    when = timezone.localtime(old.history_date).strftime("%-d %B %Y %H:%M")
    current._change_reason = f"Restored the version of {when}" + (f": {reason}" if reason else "")
    current.full_clean()
    current.save()
    return current
