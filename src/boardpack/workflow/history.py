"""Every programme record's history, readable: who changed what, when, before and after."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import models
from django.http import Http404

from boardpack.core.models import Organisation
from boardpack.core.points import format_points
from boardpack.programme.models import (
    Escalation,
    FinanceSummary,
    Programme,
    ProgrammeUpdate,
    Project,
    ProjectUpdate,
    Workstream,
    WorkstreamUpdate,
)
from boardpack.programme.services import can_edit_workstream
from boardpack.workflow import policy
from boardpack.workflow.models import FinanceApproval


@dataclass(frozen=True)
class Kind:
    """A kind of record with a history page: how to scope it and who may restore it."""

    model: type[models.Model]
    title: str
    organisation_lookup: str
    may_restore: Callable[[Any, Any], bool]


def _perm(name: str) -> Callable[[Any, Any], bool]:
    return lambda user, _record: bool(user.has_perm(name))


KINDS: dict[str, Kind] = {
    "programme": Kind(Programme, "Programme", "organisation", _perm("programme.change_programme")),
    "workstream": Kind(
        Workstream, "Workstream", "programme__organisation", _perm("programme.change_workstream")
    ),
    "project": Kind(
        Project, "Project", "workstream__programme__organisation", _perm("programme.change_project")
    ),
    "workstream-update": Kind(
        WorkstreamUpdate,
        "Workstream update",
        "workstream__programme__organisation",
        lambda user, record: can_edit_workstream(user, record.workstream),
    ),
    "project-update": Kind(
        ProjectUpdate,
        "Project update",
        "project__workstream__programme__organisation",
        lambda user, record: can_edit_workstream(user, record.project.workstream),
    ),
    "programme-update": Kind(
        ProgrammeUpdate,
        "Director's summary",
        "programme__organisation",
        _perm("programme.change_programmeupdate"),
    ),
    "finance-summary": Kind(
        FinanceSummary,
        "Finance summary",
        "programme__organisation",
        _perm("programme.change_financesummary"),
    ),
    "escalation": Kind(
        Escalation,
        "Escalation",
        "programme__organisation",
        lambda user, record: policy.may_edit_escalation(user, record),
    ),
    "finance-approval": Kind(
        FinanceApproval, "Finance approval", "organisation", lambda _user, _record: False
    ),
}


def _finance_kinds() -> dict[str, Kind]:
    """Finance lines and positions: the same history, restored by finance officers."""
    from boardpack.finance.models import BudgetLine, DSGLine, SavingLine, SavingPosition

    return {
        "saving-line": Kind(
            SavingLine, "Saving line", "organisation", _perm("finance.change_savingline")
        ),
        "saving-position": Kind(
            SavingPosition,
            "Saving position",
            "line__organisation",
            _perm("finance.change_savingline"),
        ),
        "budget-line": Kind(
            BudgetLine,
            "Budget monitoring line",
            "service_area__organisation",
            _perm("finance.change_budgetline"),
        ),
        "dsg-line": Kind(
            DSGLine, "DSG monitoring line", "block__organisation", _perm("finance.change_dsgblock")
        ),
    }


KINDS |= _finance_kinds()


def _governance_kinds() -> dict[str, Kind]:
    """A committee's records: the same history, restored by the programme office."""
    from boardpack.governance.models import (
        Action,
        AgendaItem,
        Meeting,
        Member,
        MemberInterest,
        PointRaised,
        WorkPlanItem,
    )

    return {
        "meeting": Kind(
            Meeting, "Meeting", "committee__organisation", _perm("governance.change_meeting")
        ),
        "agenda-item": Kind(
            AgendaItem,
            "Agenda item",
            "meeting__committee__organisation",
            _perm("governance.change_agendaitem"),
        ),
        "point-raised": Kind(
            PointRaised,
            "Point raised",
            "item__meeting__committee__organisation",
            _perm("governance.change_pointraised"),
        ),
        "member": Kind(
            Member, "Committee member", "committee__organisation", _perm("governance.change_member")
        ),
        "member-interest": Kind(
            MemberInterest,
            "Member's interest",
            "member__committee__organisation",
            _perm("governance.change_memberinterest"),
        ),
        "action": Kind(
            Action, "Action", "meeting__committee__organisation", _perm("governance.change_action")
        ),
        "work-plan-item": Kind(
            WorkPlanItem,
            "Work plan topic",
            "committee__organisation",
            _perm("governance.change_workplanitem"),
        ),
    }


KINDS |= _governance_kinds()


def kind_or_404(kind: str) -> Kind:
    try:
        return KINDS[kind]
    except KeyError as exc:
        raise Http404("No such kind of record") from exc


def record_or_404(kind: Kind, organisation: Organisation, pk: int) -> Any:
    try:
        return kind.model._default_manager.get(**{kind.organisation_lookup: organisation, "pk": pk})
    except kind.model.DoesNotExist as exc:  # type: ignore[attr-defined]
        raise Http404("No such record in this organisation") from exc


def kind_of(record: Any) -> str:
    for name, kind in KINDS.items():
        if isinstance(record, kind.model):
            return name
    raise KeyError(type(record).__name__)


@dataclass
class Change:
    field: str
    before: str
    after: str


@dataclass
class Version:
    history_id: int
    when: Any
    who: str
    what: str  # Created, Changed, Deleted
    reason: str
    changes: list[Change]
    is_current: bool


HIDDEN = {"version", "id"}


def readable(value: Any) -> str:
    if value is None or value == "":
        return "(blank)"
    if isinstance(value, list) and all(isinstance(v, dict) and "text" in v for v in value):
        return format_points(value) or "(none)"
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _display(model: type[models.Model], name: str, value: Any) -> str:
    field = model._meta.get_field(name)
    choices = dict(getattr(field, "flatchoices", []) or [])
    if choices and value in choices:
        return str(choices[value])
    return readable(value)


def _bookkeeping(model: type[models.Model]) -> list[str]:
    """Fields a reader does not need in a diff: ids, versions, links to other records."""
    return [f.name for f in model._meta.concrete_fields if f.is_relation or f.name in HIDDEN]


def versions(record: Any) -> list[Version]:
    """The record's versions, newest first, each with what changed from the one before."""
    model = type(record)
    records = list(
        record.history.select_related("history_user").order_by("history_date", "history_id")
    )
    found: list[Version] = []
    previous = None
    for historical in records:
        changes: list[Change] = []
        if previous is not None:
            delta = historical.diff_against(previous, excluded_fields=_bookkeeping(model))
            for change in delta.changes:
                field = model._meta.get_field(change.field)
                changes.append(
                    Change(
                        field=str(getattr(field, "verbose_name", change.field)).capitalize(),
                        before=_display(model, change.field, change.old),
                        after=_display(model, change.field, change.new),
                    )
                )
        user = historical.history_user
        found.append(
            Version(
                history_id=historical.history_id,
                when=historical.history_date,
                who=user.display_name if user is not None else "Boardpack",
                what={"+": "Created", "~": "Changed", "-": "Deleted"}[historical.history_type],
                reason=historical.history_change_reason or "",
                changes=changes,
                is_current=False,
            )
        )
        previous = historical
    if found:
        found[-1].is_current = True
    return list(reversed(found))
