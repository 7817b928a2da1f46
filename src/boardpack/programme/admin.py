from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

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
class ProgrammeAdmin(SimpleHistoryAdmin):
    list_display = ("name", "organisation")
    list_filter = ("organisation",)


@admin.register(Workstream)
class WorkstreamAdmin(SimpleHistoryAdmin):
    list_display = ("name", "programme", "order")
    list_filter = ("programme__organisation",)
    filter_horizontal = ("leads",)
    inlines = [ProjectInline]


@admin.register(Project)
class ProjectAdmin(SimpleHistoryAdmin):
    list_display = ("name", "workstream", "order")
    list_filter = ("workstream__programme__organisation",)


@admin.register(ProgrammeUpdate, FinanceSummary, WorkstreamUpdate, ProjectUpdate)
class PeriodRecordAdmin(SimpleHistoryAdmin):
    list_filter = ("period",)


@admin.register(Escalation)
class EscalationAdmin(SimpleHistoryAdmin):
    list_display = ("text", "workstream", "period", "status")
    list_filter = ("status", "source", "programme__organisation")
