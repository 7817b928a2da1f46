from axes import admin as axes_admin
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group

from boardpack.accounts.models import Membership, User
from boardpack.core.admin_scoping import NotFoundAdminMixin, SafeHistoryAdmin


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 1


@admin.register(User)
class BoardpackUserAdmin(UserAdmin, SafeHistoryAdmin):
    inlines = [MembershipInline]
    list_display = ("username", "first_name", "last_name", "is_demo", "is_staff")
    fieldsets = (*(UserAdmin.fieldsets or ()), ("Boardpack", {"fields": ("is_demo",)}))


admin.site.unregister(Group)


@admin.register(Group)
class RoleAdmin(NotFoundAdminMixin, GroupAdmin):
    """Roles are groups; a malformed or unknown id is a 404 here as everywhere."""


# django-axes' sign-in lockouts: an administrator lifts one by deleting its access attempt.
for _model, _axes_admin in (
    (AccessAttempt, axes_admin.AccessAttemptAdmin),
    (AccessLog, axes_admin.AccessLogAdmin),
    (AccessFailureLog, axes_admin.AccessFailureLogAdmin),
):
    if admin.site.is_registered(_model):
        admin.site.unregister(_model)
    admin.site.register(_model, type(_axes_admin.__name__, (NotFoundAdminMixin, _axes_admin), {}))
