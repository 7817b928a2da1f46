from django.contrib import admin

from boardpack.core.admin_scoping import ScopedHistoryAdmin
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


class ProjectInline(admin.TabularInline):
    model = Project
    extra = 0


@admin.register(Programme)
class ProgrammeAdmin(ScopedHistoryAdmin):
    organisation_lookup = "organisation"
    list_display = ("name", "organisation")
    list_filter = ("organisation",)


@admin.register(Workstream)
class WorkstreamAdmin(ScopedHistoryAdmin):
    organisation_lookup = "programme__organisation"
    list_display = ("name", "programme", "order")
    list_filter = ("programme__organisation",)
    filter_horizontal = ("leads",)
    inlines = [ProjectInline]


@admin.register(Project)
class ProjectAdmin(ScopedHistoryAdmin):
    organisation_lookup = "workstream__programme__organisation"
    list_display = ("name", "workstream", "order")
    list_filter = ("workstream__programme__organisation",)


@admin.register(ProgrammeUpdate, FinanceSummary, WorkstreamUpdate, ProjectUpdate)
class PeriodRecordAdmin(ScopedHistoryAdmin):
    organisation_lookup = "period__organisation"
    list_filter = ("period__organisation",)


@admin.register(Escalation)
class EscalationAdmin(ScopedHistoryAdmin):
    organisation_lookup = "programme__organisation"
    list_display = ("text", "workstream", "period", "status")
    list_filter = ("status", "source", "programme__organisation")
