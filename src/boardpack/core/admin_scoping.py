"""Django admin that shows a staff user only their own organisations' records.

Superusers administer the whole instance; everyone else with admin access sees and edits only
records of the organisations they belong to, and only those appear in the admin's choices and
list filters.

Every object the admin reaches by its id (change, delete, history and a history version, which
django-simple-history's own views would look up unscoped) is looked up through the scoped
queryset; anything else, a malformed id included, is a 404. A save that would leave a record
outside the user's organisations (a revert to an old version, a changed foreign key) is refused
whole.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.admin import RelatedOnlyFieldListFilter
from django.contrib.admin.utils import unquote
from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.db import router, transaction
from django.db.models import Model, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from simple_history.admin import SimpleHistoryAdmin

from boardpack.core.access import organisations_for

# Related models offered as choices, and the path from each to its organisation, for related
# models whose own admin does not say it (those that do are scoped by their admin's lookup).
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


class NotFoundAdminMixin:
    """An id that names nothing (or nothing this user may see) is a 404, not a redirect.

    Django's admin answers a missing or malformed id with a redirect to its index and a
    message; a 404 tells an outsider no more, and is what every other route answers.
    """

    def _get_obj_does_not_exist_redirect(
        self, request: HttpRequest, opts: Any, object_id: str
    ) -> HttpResponse:
        raise Http404(f"No {opts.verbose_name} with this id")

    def _require_object(self, request: HttpRequest, object_id: str | None) -> None:
        # Django checks the permission before it finds the record, so a record the user may not
        # see (or a malformed id) would answer 403 to a POST: it must be 404 first.
        if object_id is None:
            return
        if self.get_object(request, unquote(object_id)) is None:  # type: ignore[attr-defined]
            raise Http404("No such record")

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if not (request.method == "POST" and "_saveasnew" in request.POST):
            self._require_object(request, object_id)
        return super().changeform_view(  # type: ignore[misc]
            request, object_id, form_url, extra_context
        )

    def delete_view(self, request, object_id, extra_context=None):
        self._require_object(request, object_id)
        return super().delete_view(request, object_id, extra_context)  # type: ignore[misc]


class OrganisationScopedAdmin(NotFoundAdminMixin, admin.ModelAdmin):
    organisation_lookup = "organisation"

    def get_queryset(self, request) -> QuerySet:
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        return queryset.filter(
            **{f"{self.organisation_lookup}__in": organisations_for(request.user)}
        ).distinct()

    # --- choices and filters -------------------------------------------------------------

    def get_list_filter(self, request) -> Any:
        """Filters on a related model offer only values the user's own records use."""
        filters: list[Any] = []
        for entry in super().get_list_filter(request):
            if isinstance(entry, str) and _is_relation(self.model, entry):
                filters.append((entry, RelatedOnlyFieldListFilter))
            else:
                filters.append(entry)
        return filters

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
        lookup = choice_lookup(field.queryset.model)
        if lookup:
            field.queryset = field.queryset.filter(
                **{lookup: organisations_for(request.user)}
            ).distinct()

    # --- writes ---------------------------------------------------------------------------

    def save_model(self, request, obj, form, change) -> None:
        super().save_model(request, obj, form, change)
        self.refuse_outside_scope(request, obj)

    def save_related(self, request, form, formsets, change) -> None:
        super().save_related(request, form, formsets, change)
        self.refuse_outside_scope(request, form.instance)

    def refuse_outside_scope(self, request, obj: Model) -> None:
        """After a save, inside the admin's transaction: the record must still be the user's."""
        if request.user.is_superuser:
            return
        if not self.get_queryset(request).filter(pk=obj.pk).exists():
            raise PermissionDenied("That change would move the record out of your organisation.")


class SafeHistoryAdmin(NotFoundAdminMixin, SimpleHistoryAdmin):
    """django-simple-history's pages, with the object looked up through ``get_queryset``.

    Its own views look the object up without the admin's queryset (so a scoped admin's history
    showed, and its revert overwrote, anyone's record) and answer a malformed id with a 500.
    Here the object must come from ``get_queryset`` and the version must be one of its own,
    or the answer is 404; a revert runs in one transaction.
    """

    def _object_or_404(self, request, object_id: str) -> Model:
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404(f"No {self.opts.verbose_name} with this id")
        return obj

    def history_view(self, request, object_id, extra_context=None):
        obj = self._object_or_404(request, object_id)
        return super().history_view(request, str(obj.pk), extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        obj = self._object_or_404(request, object_id)
        try:
            version = int(version_id)
        except (TypeError, ValueError):
            raise Http404("No such version") from None
        history_model = self.model.history.model  # type: ignore[attr-defined]
        if not history_model.objects.filter(
            **{self.opts.pk.attname: obj.pk, "history_id": version}
        ).exists():
            raise Http404("No such version of this record")
        # django-simple-history lets anyone who may *view* history post a revert (a view-only
        # form has no fields, so it is always valid, and is saved): reverting is changing.
        if request.method == "POST" and not self.has_change_history_permission(request, obj):
            raise PermissionDenied("Reverting a record needs permission to change it.")
        with transaction.atomic(using=router.db_for_write(self.model)):
            return super().history_form_view(
                request, str(obj.pk), str(version), extra_context=extra_context
            )


class ScopedHistoryAdmin(OrganisationScopedAdmin, SafeHistoryAdmin):
    """Scoped to the user's organisations, with each record's history one click away.

    A revert that would leave the record outside the user's organisations is undone whole
    (``refuse_outside_scope`` raises inside the revert's transaction).
    """


def _is_relation(model: type[Model], path: str) -> bool:
    field = None
    for part in path.split("__"):
        try:
            field = model._meta.get_field(part)
        except FieldDoesNotExist:
            return False
        if field.is_relation and isinstance(field.related_model, type):
            model = field.related_model
        else:
            return False
    return field is not None and field.is_relation


def choice_lookup(model: type[Model]) -> str | None:
    """The ``…__in`` lookup from ``model`` to its organisation, if it belongs to one."""
    registered = admin.site._registry.get(model)
    if isinstance(registered, OrganisationScopedAdmin):
        return f"{registered.organisation_lookup}__in"
    return CHOICE_LOOKUPS.get(model._meta.label_lower)
