"""Who may take each step of the reporting cycle."""

from __future__ import annotations

from typing import Any

from boardpack.programme.models import (
    Escalation,
    FinanceSummary,
    ProgrammeUpdate,
    WorkstreamUpdate,
)
from boardpack.programme.services import can_edit_workstream
from boardpack.workflow.models import FinanceApproval

SEES_DRAFTS = "programme.view_drafts"


def sees_drafts(user: Any) -> bool:
    """Officers see drafts (marked); members and the public see approved content only."""
    return bool(user.is_authenticated and user.has_perm(SEES_DRAFTS))


def may_submit(user: Any, record: Any) -> bool:
    if isinstance(record, WorkstreamUpdate):
        return can_edit_workstream(user, record.workstream)
    if isinstance(record, ProgrammeUpdate):
        return bool(user.has_perm("programme.change_programmeupdate"))
    if isinstance(record, FinanceSummary):
        return bool(user.has_perm("programme.change_financesummary"))
    if isinstance(record, FinanceApproval):
        return bool(user.has_perm("workflow.change_financeapproval"))
    return False


def may_approve(user: Any, record: Any) -> bool:
    if isinstance(record, WorkstreamUpdate | ProgrammeUpdate):
        return bool(user.has_perm("programme.approve_programme"))
    if isinstance(record, FinanceSummary | FinanceApproval):
        return bool(user.has_perm("workflow.approve_finance"))
    return False


def may_edit_escalation(user: Any, escalation: Escalation) -> bool:
    if not user.is_authenticated or not user.has_perm("programme.change_escalation"):
        return False
    if user.has_perm("programme.edit_any_workstream"):
        return True
    workstream = escalation.workstream
    if workstream is None:
        return bool(user.has_perm("programme.change_financesummary"))
    return workstream.leads.filter(pk=user.pk).exists()


def may_manage_periods(user: Any) -> bool:
    return bool(
        user.has_perm("core.add_reportingperiod") and user.has_perm("core.change_reportingperiod")
    )
