"""Django admin for partner applications and their events.

Applications arrive through the public form and change only through the services (so
each change is validated and recorded): the pages are read-only, with an action that
approves the selected applications the way ``partnerApplicationApprove`` does.
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from backend.core.errors import DomainValidationError
from backend.core.permissions import Perm

from . import services
from .models import ApplicationStatus, PartnerApplication, PartnerApplicationEvent


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class EventInline(admin.TabularInline):
    model = PartnerApplicationEvent
    fields = ("created_at", "from_status", "to_status", "actor", "note")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("actor")


@admin.register(PartnerApplication)
class PartnerApplicationAdmin(ReadOnlyAdmin):
    list_display = ("company_name", "inn", "kpp", "region", "status", "flag_count",
                    "organization", "created_at", "reviewed_by")
    list_filter = ("status", "region")
    search_fields = ("company_name", "legal_name", "inn", "email")
    list_select_related = ("organization", "reviewed_by")
    date_hierarchy = "created_at"
    inlines = (EventInline,)
    actions = ("approve",)

    @admin.display(description=_("flags"))
    def flag_count(self, obj: PartnerApplication) -> int:
        return len(obj.flags or [])

    def has_manage_organizations_permission(self, request) -> bool:
        return Perm.MANAGE_ORGANIZATIONS in request.user.granted_staff_permissions()

    @admin.action(description=_("Approve the selected applications"),
                  permissions=["manage_organizations"])
    def approve(self, request, queryset):
        approved = 0
        for application in queryset.filter(status=ApplicationStatus.SUBMITTED):
            try:
                with transaction.atomic():
                    services.approve_application(application, request.user)
            except DomainValidationError as exc:
                self.message_user(request, f"{application}: {exc}", messages.ERROR)
            else:
                approved += 1
        if approved:
            self.message_user(request, f"Approved {approved}.", messages.SUCCESS)


@admin.register(PartnerApplicationEvent)
class PartnerApplicationEventAdmin(ReadOnlyAdmin):
    list_display = ("created_at", "application", "from_status", "to_status", "actor")
    list_filter = ("to_status",)
    search_fields = ("application__company_name", "application__inn", "actor__email")
    list_select_related = ("application", "actor")
    date_hierarchy = "created_at"
