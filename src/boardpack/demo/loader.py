"""The demo authorities: Somerset Council (the default) and Dorset Council, from the seeds.

Each step is idempotent. Other apps add their own steps (finance figures and so on) to
``demo.steps.STEPS`` from their ``AppConfig.ready``.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.contrib.auth.models import Group
from django.db import transaction

from boardpack.accounts.models import Membership, User
from boardpack.accounts.roles import Role, ensure_roles
from boardpack.core.models import RAG, Organisation, ReportingPeriod
from boardpack.demo.data import dorset_programme as dorset_data
from boardpack.demo.data import somerset_programme as somerset_data
from boardpack.demo.steps import STEPS
from boardpack.demo.upsert import set_m2m, upsert
from boardpack.governance.demo import load_governance
from boardpack.periods import Month
from boardpack.programme.models import (
    Escalation,
    FinanceSummary,
    Programme,
    ProgrammeUpdate,
    Project,
    Workstream,
    WorkstreamUpdate,
)
from boardpack.workflow.models import ApprovalStatus

DEMO_PASSWORD = "boardpack-demo-2024"

SOMERSET = "somerset"
DORSET = "dorset"


@dataclass(frozen=True)
class DemoUser:
    username: str
    first_name: str
    last_name: str
    role: str
    organisation: str
    leads: tuple[str, ...] = ()
    staff: bool = False  # may use the admin for reference data

    @property
    def description(self) -> str:
        led = f", leads {', '.join(self.leads)}" if self.leads else ""
        return f"{self.role} ({self.organisation}{led})"


DEMO_USERS = [
    DemoUser("office", "Priya", "Office", Role.PROGRAMME_OFFICE, SOMERSET, staff=True),
    DemoUser(
        "lead.education",
        "Liam",
        "Lead",
        Role.WORKSTREAM_LEAD,
        SOMERSET,
        leads=("local-mainstream-school",),
    ),
    DemoUser(
        "lead.homes", "Hana", "Lead", Role.WORKSTREAM_LEAD, SOMERSET, leads=("sufficient-homes",)
    ),
    DemoUser("finance", "Femi", "Finance", Role.FINANCE_OFFICER, SOMERSET),
    DemoUser("analyst", "Ana", "Analyst", Role.PERFORMANCE_ANALYST, SOMERSET),
    DemoUser("councillor", "Chris", "Councillor", Role.COUNCILLOR, SOMERSET),
    DemoUser("dorset.office", "Dee", "Office", Role.PROGRAMME_OFFICE, DORSET),
]

WORKSTREAM_SLUGS = {
    "Local mainstream school is the right choice for most children": "local-mainstream-school",
    "Developing an excellent workforce for children": "excellent-workforce",
    "Families can access support early": "support-early",
    "Sufficient homes for children in care and school places for children with additional "
    "needs in Somerset": "sufficient-homes",
}


def organisations() -> dict[str, Organisation]:
    somerset = upsert(
        Organisation,
        {"slug": SOMERSET},
        {"name": "Somerset Council", "service_name": "Children's Services", "is_default": True},
    )
    dorset = upsert(
        Organisation,
        {"slug": DORSET},
        {"name": "Dorset Council", "service_name": "Children's Services", "is_default": False},
    )
    return {SOMERSET: somerset, DORSET: dorset}


def period(organisation: Organisation, key: str, title: str = "") -> ReportingPeriod:
    month = Month.parse(key)
    return upsert(
        ReportingPeriod,
        {"organisation": organisation, "month": month.first_day},
        {"title": title},
    )


def somerset_programme(organisation: Organisation) -> Programme:
    data = somerset_data
    programme = upsert(
        Programme,
        {"organisation": organisation, "name": data.PROGRAMME_NAME},
        {
            "vision": data.VISION,
            "ambition": data.AMBITION,
            "description": "Included, Educated & Cared For",
        },
    )
    june = period(organisation, data.PERIOD, data.PERIOD_TITLE)
    upsert(
        ProgrammeUpdate,
        {"programme": programme, "period": june},
        {
            "overall_status": RAG.NOT_RATED,
            "progress_summary": [{"heading": "", "text": t} for t in data.DIRECTOR_SUMMARY],
            "status": ApprovalStatus.APPROVED,  # presented to scrutiny
        },
    )
    finance: dict[str, Any] = data.FINANCE_SUMMARY
    upsert(
        FinanceSummary,
        {"programme": programme, "period": june},
        {
            "overall_status": finance["overall_status"],
            "covering": finance["covering"],
            "headline": finance["headline"],
            "working_well": finance["working_well"],
            "challenges": finance["challenges"],
            "status": ApprovalStatus.APPROVED,
        },
    )
    for order, item in enumerate(finance["escalations"]):
        upsert(
            Escalation,
            {
                "programme": programme,
                "period": june,
                "source": Escalation.Source.FINANCE,
                "text": item["text"],
            },
            {"heading": item["heading"], "order": order, "workstream": None},
        )
    workstreams: list[dict[str, Any]] = data.WORKSTREAMS
    for order, ws_data in enumerate(workstreams, start=1):
        workstream = upsert(
            Workstream,
            {"programme": programme, "slug": WORKSTREAM_SLUGS[ws_data["name"]]},
            {"name": ws_data["name"], "order": order},
        )
        for p_order, name in enumerate(ws_data["projects"], start=1):
            upsert(Project, {"workstream": workstream, "name": name}, {"order": p_order})
        upsert(
            WorkstreamUpdate,
            {"workstream": workstream, "period": june},
            {
                "rag": RAG.NOT_RATED,
                "working_well": ws_data["working_well"],
                "not_working_well": ws_data["not_working_well"],
                "status": ApprovalStatus.APPROVED,
            },
        )
        for e_order, item in enumerate(ws_data["to_escalate"]):
            upsert(
                Escalation,
                {
                    "programme": programme,
                    "workstream": workstream,
                    "period": june,
                    "text": item["text"],
                },
                {
                    "heading": item["heading"],
                    "order": e_order,
                    "source": Escalation.Source.WORKSTREAM,
                },
            )
    return programme


def dorset_programme(organisation: Organisation) -> Programme:
    data = dorset_data
    programme = upsert(
        Programme,
        {"organisation": organisation, "name": data.PROGRAMME_NAME},
        {"description": data.DESCRIPTION, "savings_aim": Decimal(data.SAVINGS_AIM)},
    )
    for order, ws in enumerate(data.WORKSTREAMS, start=1):
        upsert(
            Workstream,
            {"programme": programme, "slug": ws["slug"]},
            {"name": ws["name"], "order": order, "description": ws["description"]},
        )
    return programme


def users(orgs: dict[str, Organisation]) -> None:
    ensure_roles()
    for demo in DEMO_USERS:
        names = {
            "first_name": demo.first_name,
            "last_name": demo.last_name,
            "is_demo": True,
            "is_staff": demo.staff,
        }
        user = User.objects.filter(username=demo.username).first()
        if user is None:
            user = User(username=demo.username, **names)
            user.set_password(DEMO_PASSWORD)
            user.save()
        elif any(getattr(user, k) != v for k, v in names.items()):
            for key, value in names.items():
                setattr(user, key, value)
            user.save()
        set_m2m(user.groups, [Group.objects.get(name=demo.role)])
        upsert(Membership, {"user": user, "organisation": orgs[demo.organisation]})
        for slug in demo.leads:
            workstream = Workstream.objects.get(
                programme__organisation=orgs[demo.organisation], slug=slug
            )
            if not workstream.leads.filter(pk=user.pk).exists():
                workstream.leads.add(user)


@transaction.atomic
def load_demo() -> dict[str, Organisation]:
    orgs = organisations()
    somerset_programme(orgs[SOMERSET])
    dorset_programme(orgs[DORSET])
    users(orgs)
    for step in STEPS.values():
        step(orgs)
    approve_presented_finance(orgs)
    load_governance(orgs)
    return orgs


def approve_presented_finance(orgs: dict[str, Organisation]) -> None:
    """The demo's finance figures were presented in public papers: they count as approved."""
    from boardpack.workflow.models import FinanceApproval
    from boardpack.workflow.selectors import finance_datasets_with_figures

    for organisation in orgs.values():
        for reporting_period in ReportingPeriod.objects.filter(organisation=organisation):
            for dataset in finance_datasets_with_figures(reporting_period):
                upsert(
                    FinanceApproval,
                    {"organisation": organisation, "period": reporting_period, "dataset": dataset},
                    {"status": ApprovalStatus.APPROVED},
                )


def is_empty() -> bool:
    return not Organisation.objects.exists()
