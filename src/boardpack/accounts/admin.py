from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from simple_history.admin import SimpleHistoryAdmin

from boardpack.accounts.models import Membership, User


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 1


@admin.register(User)
class BoardpackUserAdmin(UserAdmin, SimpleHistoryAdmin):
    inlines = [MembershipInline]
    list_display = ("username", "first_name", "last_name", "is_demo", "is_staff")
    fieldsets = UserAdmin.fieldsets + (("Boardpack", {"fields": ("is_demo",)}),)
