from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from boardpack.core.admin_scoping import OrganisationScopedAdmin
from boardpack.core.models import Organisation, ReportingPeriod


@admin.register(Organisation)
class OrganisationAdmin(OrganisationScopedAdmin, SimpleHistoryAdmin):
    organisation_lookup = "pk"
    list_display = ("name", "slug", "service_name", "is_default")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(ReportingPeriod)
class ReportingPeriodAdmin(OrganisationScopedAdmin, SimpleHistoryAdmin):
    organisation_lookup = "organisation"
    list_display = ("organisation", "month", "title", "status")
    list_filter = ("organisation", "status")
