from django.contrib import admin

from boardpack.core.admin_scoping import ScopedHistoryAdmin
from boardpack.workflow.models import FinanceApproval


@admin.register(FinanceApproval)
class FinanceApprovalAdmin(ScopedHistoryAdmin):
    organisation_lookup = "organisation"
    list_display = ("dataset", "period", "organisation", "status")
    list_filter = ("status", "dataset")
