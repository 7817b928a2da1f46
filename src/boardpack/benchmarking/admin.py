from django.contrib import admin

from boardpack.benchmarking.models import (
    HomeAuthority,
    LocalAuthority,
    Measure,
    Region,
    StatisticalNeighbour,
    TidyMapping,
)
from boardpack.core.admin_scoping import NotFoundAdminMixin, ScopedHistoryAdmin


class ReferenceDataAdmin(NotFoundAdminMixin, admin.ModelAdmin):
    """England's geography is shared by every organisation: only superusers change it."""

    def has_add_permission(self, request) -> bool:
        return bool(request.user.is_superuser)

    def has_change_permission(self, request, obj=None) -> bool:
        return bool(request.user.is_superuser)

    def has_delete_permission(self, request, obj=None) -> bool:
        return bool(request.user.is_superuser)


@admin.register(Region)
class RegionAdmin(ReferenceDataAdmin):
    list_display = ["name", "code"]
    search_fields = ["name", "code"]


@admin.register(LocalAuthority)
class LocalAuthorityAdmin(ReferenceDataAdmin):
    list_display = ["name", "old_la_code", "new_la_code", "region"]
    search_fields = ["name", "old_la_code", "new_la_code"]
    list_filter = ["region"]


@admin.register(StatisticalNeighbour)
class StatisticalNeighbourAdmin(ReferenceDataAdmin):
    list_display = ["authority", "rank", "neighbour", "closeness", "model"]
    search_fields = ["authority__name"]


@admin.register(HomeAuthority)
class HomeAuthorityAdmin(ScopedHistoryAdmin):
    list_display = ["organisation", "authority", "neighbour_model"]


@admin.register(Measure)
class MeasureAdmin(ScopedHistoryAdmin):
    list_display = ["title", "code", "unit", "polarity", "organisation"]
    search_fields = ["title", "code"]


@admin.register(TidyMapping)
class TidyMappingAdmin(ScopedHistoryAdmin):
    list_display = ["name", "organisation"]
