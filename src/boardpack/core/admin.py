from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from boardpack.core.models import Organisation, ReportingPeriod


@admin.register(Organisation)
class OrganisationAdmin(SimpleHistoryAdmin):
    list_display = ("name", "slug", "service_name", "is_default")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(ReportingPeriod)
class ReportingPeriodAdmin(SimpleHistoryAdmin):
    list_display = ("organisation", "month", "title", "status")
    list_filter = ("organisation", "status")
