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
    "reports.view_edition",
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
    ],
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
    Role.PERFORMANCE_ANALYST: VIEW_ALL + ["imports.add_importrun"],
    Role.COUNCILLOR: VIEW_ALL,
}


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
