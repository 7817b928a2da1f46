"""Reads of the reporting cycle: what is outstanding, what members may see, open escalations."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Exists, F, OuterRef, Q, QuerySet

from boardpack.accounts.roles import Role
from boardpack.core.models import Organisation, ReportingPeriod
from boardpack.programme.models import (
    Escalation,
    FinanceSummary,
    ProgrammeUpdate,
    Workstream,
    WorkstreamUpdate,
)
from boardpack.workflow.models import ApprovalStatus, FinanceApproval, FinanceDataset


@dataclass
class OutstandingItem:
    """One thing a period needs: a workstream update, a summary or a finance dataset."""

    kind: str
    name: str
    record: Any  # the Approvable, or None when it has not been written
    owners: list[str] = field(default_factory=list)
    required: bool = True
    workstream: Workstream | None = None
    dataset: str = ""

    @property
    def status(self) -> str:
        return self.record.status if self.record is not None else "missing"

    @property
    def status_label(self) -> str:
        if self.record is None:
            return "Not started"
        return str(ApprovalStatus(self.record.status).label)

    @property
    def is_approved(self) -> bool:
        return self.record is not None and self.record.status == ApprovalStatus.APPROVED

    @property
    def blocks_closing(self) -> bool:
        if self.is_approved:
            return False
        return self.record is not None or self.required


def _names(users: Any) -> list[str]:
    return [u.display_name for u in users]


def _role_holders(organisation: Organisation, role: str) -> list[str]:
    from boardpack.accounts.models import User

    return _names(
        User.objects.filter(memberships__organisation=organisation, groups__name=role)
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


def finance_datasets_with_figures(period: ReportingPeriod) -> list[str]:
    """The finance datasets that hold figures for ``period``."""
    from boardpack.finance.models import BudgetLine, DSGLine, SavingPosition

    organisation = period.organisation
    found = []
    if SavingPosition.objects.filter(line__organisation=organisation, period=period).exists():
        found.append(FinanceDataset.SAVINGS.value)
    if BudgetLine.objects.filter(service_area__organisation=organisation, period=period).exists():
        found.append(FinanceDataset.BUDGET.value)
    if DSGLine.objects.filter(block__organisation=organisation, period=period).exists():
        found.append(FinanceDataset.DSG.value)
    return found


def period_outstanding(period: ReportingPeriod) -> list[OutstandingItem]:
    """Everything the period needs, approved or not, with who owns each."""
    organisation = period.organisation
    items: list[OutstandingItem] = []
    workstreams = list(
        Workstream.objects.filter(programme__organisation=organisation)
        .select_related("programme")
        .prefetch_related("leads")
        .order_by("programme", "order", "name")
    )
    updates = {
        u.workstream_id: u
        for u in WorkstreamUpdate.objects.filter(workstream__in=workstreams, period=period)
    }
    office = _role_holders(organisation, Role.PROGRAMME_OFFICE)
    finance = _role_holders(organisation, Role.FINANCE_OFFICER)
    for workstream in workstreams:
        items.append(
            OutstandingItem(
                kind="workstream-update",
                name=f"Workstream update: {workstream.name}",
                record=updates.get(workstream.pk),
                owners=_names(workstream.leads.all()) or office,
                workstream=workstream,
            )
        )
    programme_updates = ProgrammeUpdate.objects.filter(
        programme__organisation=organisation, period=period
    )
    director = programme_updates.first()
    items.append(
        OutstandingItem(
            kind="programme-update", name="Director's summary", record=director, owners=office
        )
    )
    summary = FinanceSummary.objects.filter(
        programme__organisation=organisation, period=period
    ).first()
    items.append(
        OutstandingItem(
            kind="finance-summary",
            name="Finance summary",
            record=summary,
            owners=finance,
            required=False,
        )
    )
    approvals = {
        a.dataset: a
        for a in FinanceApproval.objects.filter(organisation=organisation, period=period)
    }
    for dataset in finance_datasets_with_figures(period):
        items.append(
            OutstandingItem(
                kind="finance-approval",
                name=f"Finance positions: {FinanceDataset(dataset).label}",
                record=approvals.get(dataset),
                owners=finance,
                required=True,
                dataset=dataset,
            )
        )
    return items


def finance_approved(organisation: Organisation, period: ReportingPeriod, dataset: str) -> bool:
    return FinanceApproval.objects.filter(
        organisation=organisation, period=period, dataset=dataset, status=ApprovalStatus.APPROVED
    ).exists()


def finance_approval(
    organisation: Organisation, period: ReportingPeriod, dataset: str
) -> FinanceApproval | None:
    return FinanceApproval.objects.filter(
        organisation=organisation, period=period, dataset=dataset
    ).first()


def periods_with_approved_content(organisation: Organisation) -> QuerySet[ReportingPeriod]:
    approved = ApprovalStatus.APPROVED
    return (
        ReportingPeriod.objects.filter(organisation=organisation)
        .filter(
            Exists(ProgrammeUpdate.objects.filter(period=OuterRef("pk"), status=approved))
            | Exists(WorkstreamUpdate.objects.filter(period=OuterRef("pk"), status=approved))
        )
        .order_by("-month")
    )


def latest_period_for(user: Any, organisation: Organisation) -> ReportingPeriod | None:
    """Officers land on the latest period; members on the latest with approved content."""
    from boardpack.workflow.policy import sees_drafts

    if sees_drafts(user):
        return ReportingPeriod.objects.filter(organisation=organisation).order_by("-month").first()
    return periods_with_approved_content(organisation).first()


def open_escalations(
    organisation: Organisation, *, approved_only: bool = False
) -> list[Escalation]:
    """Every escalation not yet closed, each once: its copy in the latest period it reached.

    ``approved_only``: only those raised in an approved workstream update or finance summary.
    """
    escalations = (
        Escalation.objects.filter(programme__organisation=organisation, archived=False)
        .exclude(status=Escalation.Status.CLOSED)
        .exclude(Exists(Escalation.objects.filter(carried_from=OuterRef("pk"))))
    )
    if approved_only:
        approved = ApprovalStatus.APPROVED
        escalations = escalations.filter(
            Q(
                Exists(
                    WorkstreamUpdate.objects.filter(
                        workstream=OuterRef("workstream"),
                        period=OuterRef("period"),
                        status=approved,
                    )
                )
            )
            | Q(
                workstream__isnull=True,
                source=Escalation.Source.FINANCE,
                period__in=FinanceSummary.objects.filter(
                    programme__organisation=organisation, status=approved
                ).values("period"),
            )
        )
    return list(
        escalations.select_related("workstream", "project", "period", "programme").order_by(
            F("due_date").asc(nulls_last=True), "period__month", "workstream__order", "order", "pk"
        )
    )
