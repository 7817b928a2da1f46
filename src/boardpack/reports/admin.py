from typing import Any

from django import forms
from django.contrib import admin

from boardpack.core.admin_scoping import CHOICE_LOOKUPS, ScopedHistoryAdmin
from boardpack.reports.models import (
    Block,
    Edition,
    EditionNarrative,
    EditionVersion,
    Generation,
    ReportTemplate,
    TemplateSection,
)

CHOICE_LOOKUPS.setdefault("reports.reporttemplate", "organisation__in")
CHOICE_LOOKUPS.setdefault("reports.templatesection", "template__organisation__in")
CHOICE_LOOKUPS.setdefault("reports.block", "section__template__organisation__in")
CHOICE_LOOKUPS.setdefault("reports.edition", "organisation__in")


class EditionAdminForm(forms.ModelForm):
    """An edition is its template for its period: another template, period or organisation is
    another edition (its narrative, snapshots and files belong to this one), so a change is
    refused with that reason. (Shown as fields, not read-only, so that a form posted without
    them is refused rather than saved.)"""

    FIXED = ("organisation", "template", "period")

    class Meta:
        model = Edition
        fields = ("organisation", "template", "period", "correction_reason")

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if self.instance.pk is None:
            return cleaned
        for name in self.FIXED:
            if name in cleaned and cleaned[name] != getattr(self.instance, name):
                self.add_error(
                    name,
                    f"An edition's {name} cannot change once it is made: create a new edition "
                    "for another template or period.",
                )
        return cleaned


class TemplateSectionInline(admin.TabularInline):
    model = TemplateSection
    extra = 0


class BlockInline(admin.TabularInline):
    model = Block
    extra = 0


@admin.register(ReportTemplate)
class ReportTemplateAdmin(ScopedHistoryAdmin):
    organisation_lookup = "organisation"
    list_display = ("title", "slug", "organisation", "audience")
    list_filter = ("organisation",)
    inlines = [TemplateSectionInline]


@admin.register(TemplateSection)
class TemplateSectionAdmin(ScopedHistoryAdmin):
    organisation_lookup = "template__organisation"
    list_display = ("title", "template", "order")
    list_filter = ("template__organisation",)
    inlines = [BlockInline]


@admin.register(Block)
class BlockAdmin(ScopedHistoryAdmin):
    organisation_lookup = "section__template__organisation"
    list_display = ("kind", "section", "order")
    list_filter = ("kind", "section__template__organisation")


@admin.register(Edition)
class EditionAdmin(ScopedHistoryAdmin):
    organisation_lookup = "organisation"
    list_display = ("template", "period", "status", "version")
    list_filter = ("status", "organisation")
    # Approval and publication go through the edition's page (approve, publish, correct), which
    # freezes the published snapshot: the admin may not move an edition between states.
    readonly_fields = ("status", "version", "created_by", "approved_by")
    form = EditionAdminForm


@admin.register(EditionNarrative)
class EditionNarrativeAdmin(ScopedHistoryAdmin):
    organisation_lookup = "edition__organisation"
    list_display = ("edition", "block", "updated_at")


@admin.register(EditionVersion, Generation)
class EditionRecordAdmin(ScopedHistoryAdmin):
    organisation_lookup = "edition__organisation"

    def has_change_permission(self, request, obj=None) -> bool:
        return False  # published snapshots and file runs are records, not edited by hand
