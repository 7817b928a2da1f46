"""Django admin that shows a staff user only their own organisations' records.

Superusers administer the whole instance; everyone else with admin access sees and edits only
records of the organisations they belong to, and only those appear in the admin's choices.
"""

from __future__ import annotations

from django.contrib import admin
from django.db.models import QuerySet
from simple_history.admin import SimpleHistoryAdmin

from boardpack.core.access import organisations_for

# Related models offered as choices, and the path from each to its organisation.
CHOICE_LOOKUPS = {
    "core.organisation": "pk__in",
    "core.reportingperiod": "organisation__in",
    "programme.programme": "organisation__in",
    "programme.workstream": "programme__organisation__in",
    "programme.project": "workstream__programme__organisation__in",
    "programme.escalation": "programme__organisation__in",
    "finance.savingline": "organisation__in",
    "governance.committee": "organisation__in",
    "governance.member": "committee__organisation__in",
    "governance.meeting": "committee__organisation__in",
    "governance.agendaitem": "meeting__committee__organisation__in",
    "governance.pointraised": "item__meeting__committee__organisation__in",
    "governance.action": "meeting__committee__organisation__in",
    "governance.risk": "organisation__in",
}


class OrganisationScopedAdmin(admin.ModelAdmin):
    organisation_lookup = "organisation"

    def get_queryset(self, request) -> QuerySet:
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        return queryset.filter(
            **{f"{self.organisation_lookup}__in": organisations_for(request.user)}
        ).distinct()

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        self._scope_choices(field, request)
        return field

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if field is not None and db_field.related_model._meta.label_lower == "accounts.user":
            if not request.user.is_superuser:
                field.queryset = field.queryset.filter(
                    memberships__organisation__in=organisations_for(request.user)
                ).distinct()
        self._scope_choices(field, request)
        return field

    def _scope_choices(self, field, request) -> None:
        if field is None or request.user.is_superuser:
            return
        lookup = CHOICE_LOOKUPS.get(field.queryset.model._meta.label_lower)
        if lookup:
            field.queryset = field.queryset.filter(**{lookup: organisations_for(request.user)})


class ScopedHistoryAdmin(OrganisationScopedAdmin, SimpleHistoryAdmin):
    """Scoped to the user's organisations, with each record's history one click away."""
