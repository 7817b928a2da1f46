"""Roles are Django groups with permissions, created after every migrate."""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from django.db.models import TextChoices


class Role(TextChoices):
    PROGRAMME_OFFICE = "Programme office"
    WORKSTREAM_LEAD = "Workstream lead"
    FINANCE_OFFICER = "Finance officer"
    PERFORMANCE_ANALYST = "Performance analyst"
    COUNCILLOR = "Councillor"


VIEW_ALL = [
    "core.view_reportingperiod",
    "programme.view_programme",
    "programme.view_workstream",
    "programme.view_project",
    "programme.view_workstreamupdate",
    "programme.view_escalation",
    "finance.view_savingline",
    "finance.view_budgetline",
    "finance.view_dsgblock",
    "benchmarking.view_measure",
    "performance.view_indicator",
    "performance.view_observation",
    "performance.view_inspection",
    "reports.view_edition",
]
# Officers see small numbers; councillors and the public see them suppressed (``c``).
OFFICER = ["performance.view_unsuppressed"]
PERFORMANCE_EDIT = [
    "performance.change_indicator",
    "performance.add_target",
    "performance.change_target",
    "performance.change_observation",
]
# Everyone who reads the programme reads what its committees asked and agreed, and its risks.
GOVERNANCE_VIEW = [
    f"governance.view_{model}"
    for model in (
        "committee",
        "member",
        "meeting",
        "agendaitem",
        "memberinterest",
        "pointraised",
        "action",
        "workplanitem",
        "risk",
        "riskassessment",
    )
]
VIEW_ALL += GOVERNANCE_VIEW
# The programme office keeps the committees' records, the action tracker and the risk register.
GOVERNANCE_MANAGE = [
    f"governance.{verb}_{view.removeprefix('governance.view_')}"
    for view in GOVERNANCE_VIEW
    for verb in ("add", "change")
]

ROLE_PERMISSIONS: dict[str, list[str]] = {
    Role.PROGRAMME_OFFICE: VIEW_ALL
    + [
        "core.add_reportingperiod",
        "core.change_reportingperiod",
        "programme.change_programme",
        "programme.add_workstream",
        "programme.change_workstream",
        "programme.add_project",
        "programme.change_project",
        "programme.change_workstreamupdate",
        "programme.edit_any_workstream",
        "programme.change_programmeupdate",
        "programme.change_projectupdate",
        "programme.change_escalation",
        "reports.add_edition",
        "reports.change_edition",
        "reports.approve_edition",
        "reports.publish_edition",
    ]
    + GOVERNANCE_MANAGE,
    Role.WORKSTREAM_LEAD: VIEW_ALL
    + [
        "programme.change_workstreamupdate",
        "programme.change_projectupdate",
        "programme.change_escalation",
    ],
    Role.FINANCE_OFFICER: VIEW_ALL
    + [
        "finance.change_savingline",
        "finance.change_budgetline",
        "finance.change_dsgblock",
        "imports.add_importrun",
    ],
    Role.PERFORMANCE_ANALYST: VIEW_ALL
    + [
        "imports.add_importrun",
        "benchmarking.add_benchmarkvalue",
        "benchmarking.change_benchmarkvalue",
        "benchmarking.add_tidymapping",
        "benchmarking.change_tidymapping",
        "benchmarking.add_measure",
        "benchmarking.change_measure",
    ],
    Role.COUNCILLOR: VIEW_ALL,
}
for _role in (
    Role.PROGRAMME_OFFICE,
    Role.WORKSTREAM_LEAD,
    Role.FINANCE_OFFICER,
    Role.PERFORMANCE_ANALYST,
):
    ROLE_PERMISSIONS[_role] = ROLE_PERMISSIONS[_role] + OFFICER
ROLE_PERMISSIONS[Role.PERFORMANCE_ANALYST] += PERFORMANCE_EDIT

# The reporting cycle (issue 10): officers see drafts; the programme office approves the
# programme's updates, finance approves finance.
WORKFLOW_PERMISSIONS: dict[str, list[str]] = {
    Role.PROGRAMME_OFFICE: [
        "programme.view_drafts",
        "programme.approve_programme",
        "programme.change_financesummary",
        "workflow.view_financeapproval",
    ],
    Role.WORKSTREAM_LEAD: ["programme.view_drafts"],
    Role.FINANCE_OFFICER: [
        "programme.view_drafts",
        "programme.change_financesummary",
        "workflow.view_financeapproval",
        "workflow.change_financeapproval",
        "workflow.approve_finance",
        "programme.change_escalation",
    ],
    Role.PERFORMANCE_ANALYST: ["programme.view_drafts"],
}
for _workflow_role, _extra in WORKFLOW_PERMISSIONS.items():
    ROLE_PERMISSIONS[_workflow_role] = ROLE_PERMISSIONS[_workflow_role] + _extra


def ensure_roles(**_: object) -> None:
    for role, codenames in ROLE_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=role)
        wanted = []
        for dotted in codenames:
            app_label, codename = dotted.split(".")
            permission = Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).first()
            if permission is not None:
                wanted.append(permission)
        group.permissions.set(wanted)
