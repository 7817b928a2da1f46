from django.contrib import admin

from boardpack.core.admin_scoping import ScopedHistoryAdmin
from boardpack.core.models import Organisation, ReportingPeriod


@admin.register(Organisation)
class OrganisationAdmin(ScopedHistoryAdmin):
    organisation_lookup = "pk"
    list_display = ("name", "slug", "service_name", "is_default")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(ReportingPeriod)
class ReportingPeriodAdmin(ScopedHistoryAdmin):
    organisation_lookup = "organisation"
    list_display = ("organisation", "month", "title", "status")
    list_filter = ("organisation", "status")
