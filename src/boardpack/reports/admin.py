from typing import Any

from django.contrib import admin
from django.http import HttpRequest

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
    # An edition is its template for its period: another template or period is another edition
    # (its narrative, snapshots and files belong to this one).
    fixed_once_made = ("organisation", "template", "period")

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> tuple[str, ...]:
        fixed = self.fixed_once_made if obj is not None else ()
        return (*fixed, *self.readonly_fields)


@admin.register(EditionNarrative)
class EditionNarrativeAdmin(ScopedHistoryAdmin):
    organisation_lookup = "edition__organisation"
    list_display = ("edition", "block", "updated_at")


@admin.register(EditionVersion, Generation)
class EditionRecordAdmin(ScopedHistoryAdmin):
    organisation_lookup = "edition__organisation"

    def has_change_permission(self, request, obj=None) -> bool:
        return False  # published snapshots and file runs are records, not edited by hand
