from django.contrib import admin

from boardpack.core.admin_scoping import ScopedHistoryAdmin
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


@admin.register(Committee)
class CommitteeAdmin(ScopedHistoryAdmin):
    organisation_lookup = "organisation"
    list_display = ("name", "kind", "organisation")
    list_filter = ("organisation", "kind")


@admin.register(Member)
class MemberAdmin(ScopedHistoryAdmin):
    organisation_lookup = "committee__organisation"
    list_display = ("name", "role", "committee", "left")
    list_filter = ("committee__organisation", "role", "left")


@admin.register(Meeting)
class MeetingAdmin(ScopedHistoryAdmin):
    organisation_lookup = "committee__organisation"
    list_display = ("__str__", "date", "committee")
    list_filter = ("committee__organisation",)


@admin.register(AgendaItem)
class AgendaItemAdmin(ScopedHistoryAdmin):
    organisation_lookup = "meeting__committee__organisation"
    list_display = ("title", "meeting", "purpose", "time_allowed_minutes")


@admin.register(MemberInterest)
class MemberInterestAdmin(ScopedHistoryAdmin):
    organisation_lookup = "member__committee__organisation"
    list_display = ("area", "member", "workstream", "project")


@admin.register(PointRaised)
class PointRaisedAdmin(ScopedHistoryAdmin):
    organisation_lookup = "item__meeting__committee__organisation"
    list_display = ("__str__", "item", "workstream", "project")


@admin.register(Action)
class ActionAdmin(ScopedHistoryAdmin):
    organisation_lookup = "meeting__committee__organisation"
    list_display = ("__str__", "owner", "due_date", "due_meeting", "status")
    list_filter = ("status", "meeting__committee__organisation")


@admin.register(WorkPlanItem)
class WorkPlanItemAdmin(ScopedHistoryAdmin):
    organisation_lookup = "committee__organisation"
    list_display = ("topic", "committee", "planned_meeting", "status")


@admin.register(Risk)
class RiskAdmin(ScopedHistoryAdmin):
    organisation_lookup = "organisation"
    list_display = ("reference", "title", "owner", "likelihood", "impact", "status")
    list_filter = ("organisation", "status")


@admin.register(RiskAssessment)
class RiskAssessmentAdmin(ScopedHistoryAdmin):
    organisation_lookup = "risk__organisation"
    list_display = ("risk", "period", "likelihood", "impact", "status")
