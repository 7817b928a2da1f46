"""Finance reference data in the admin, scoped to the user's own organisations.

Figures are entered through the services (imports and pages), which validate them whole; the
admin is for reference data such as service areas and DSG blocks, and for history.
"""

from django.contrib import admin

from boardpack.core.admin_scoping import ScopedHistoryAdmin
from boardpack.finance.models import (
    BudgetLine,
    DSGAllocation,
    DSGBlock,
    DSGDeficit,
    DSGLine,
    SavingLine,
    SavingPosition,
    ServiceArea,
)


@admin.register(SavingLine)
class SavingLineAdmin(ScopedHistoryAdmin):
    organisation_lookup = "organisation"
    list_display = ("reference", "description", "financial_year", "target", "organisation")
    list_filter = ("organisation", "financial_year")
    search_fields = ("reference", "description")


@admin.register(SavingPosition)
class SavingPositionAdmin(ScopedHistoryAdmin):
    organisation_lookup = "line__organisation"
    list_display = ("line", "period", "over_achieved", "achieved", "on_track", "at_risk")
    list_filter = ("period",)


@admin.register(ServiceArea)
class ServiceAreaAdmin(ScopedHistoryAdmin):
    organisation_lookup = "organisation"
    list_display = ("name", "level", "parent", "order", "organisation")
    list_filter = ("organisation", "level")


@admin.register(BudgetLine)
class BudgetLineAdmin(ScopedHistoryAdmin):
    organisation_lookup = "service_area__organisation"
    list_display = ("service_area", "period", "current_budget", "projection")
    list_filter = ("period",)


@admin.register(DSGBlock)
class DSGBlockAdmin(ScopedHistoryAdmin):
    organisation_lookup = "organisation"
    list_display = ("name", "abbreviation", "kind", "order", "organisation")


@admin.register(DSGAllocation)
class DSGAllocationAdmin(ScopedHistoryAdmin):
    organisation_lookup = "block__organisation"
    list_display = ("block", "financial_year", "before_recoupment", "recoupment")


@admin.register(DSGLine)
class DSGLineAdmin(ScopedHistoryAdmin):
    organisation_lookup = "block__organisation"
    list_display = ("block", "period", "current_budget", "projection")
    list_filter = ("period",)


@admin.register(DSGDeficit)
class DSGDeficitAdmin(ScopedHistoryAdmin):
    organisation_lookup = "organisation"
    list_display = ("organisation", "period", "kind", "as_at", "amount")
