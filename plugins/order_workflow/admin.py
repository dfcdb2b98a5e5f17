"""Django admin for the order workflow.

Moderation, proposals and the dialogue change only through the services (each change
locked, versioned, recorded as an event), so their pages are read-only, viewable by
staff with MODERATE_ORDERS or VIEW_ALL. The auto-confirm rules are the sellers' settings:
staff with MODERATE_ORDERS edit them.
"""

from __future__ import annotations

from django.contrib import admin

from backend.core.permissions import Perm

from .models import AutoConfirmRule, DialogueEntry, LineProposal, OrderModeration


def _granted(request) -> frozenset[Perm]:
    granted = getattr(request.user, "granted_staff_permissions", None)
    return granted() if granted is not None else frozenset()


def _sees_orders(request) -> bool:
    granted = _granted(request)
    return Perm.MODERATE_ORDERS in granted or Perm.VIEW_ALL in granted


class ReadOnlyWorkflowAdmin(admin.ModelAdmin):
    def has_module_permission(self, request):
        return _sees_orders(request) or super().has_module_permission(request)

    def has_view_permission(self, request, obj=None):
        return _sees_orders(request) or super().has_view_permission(request, obj)

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class DialogueInline(admin.TabularInline):
    model = DialogueEntry
    fk_name = "order"
    fields = ("created_at", "kind", "side", "author", "text", "state")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(OrderModeration)
class OrderModerationAdmin(ReadOnlyWorkflowAdmin):
    list_display = ("order", "seller", "state", "version", "moderator", "auto_confirmed",
                    "over_credit", "submitted_at", "confirmed_at", "closed_at")
    list_filter = ("state", "auto_confirmed", "over_credit")
    list_select_related = ("order", "seller", "moderator")
    search_fields = ("order__buyer__name", "order__buyer__inn", "seller__name",
                     "moderator__email")
    date_hierarchy = "submitted_at"


@admin.register(LineProposal)
class LineProposalAdmin(ReadOnlyWorkflowAdmin):
    list_display = ("order", "line", "kind", "status", "quantity", "unit_net", "date",
                    "substitute_sku", "proposed_by", "proposed_at", "answered_by",
                    "answered_at")
    list_filter = ("kind", "status")
    list_select_related = ("order", "line", "proposed_by", "answered_by")
    search_fields = ("line__sku", "substitute_sku", "comment", "answer_comment")
    date_hierarchy = "proposed_at"


@admin.register(DialogueEntry)
class DialogueEntryAdmin(ReadOnlyWorkflowAdmin):
    list_display = ("order", "created_at", "kind", "side", "author", "state", "text")
    list_filter = ("kind", "side")
    list_select_related = ("order", "author")
    search_fields = ("text", "author__email")
    date_hierarchy = "created_at"


@admin.register(AutoConfirmRule)
class AutoConfirmRuleAdmin(admin.ModelAdmin):
    list_display = ("name", "seller", "is_active", "order_types", "max_total", "all_buyers")
    list_filter = ("is_active", "all_buyers")
    list_select_related = ("seller",)
    search_fields = ("name", "seller__name")
    autocomplete_fields = ("seller", "buyers")

    def _moderates(self, request) -> bool:
        return Perm.MODERATE_ORDERS in _granted(request)

    def has_module_permission(self, request):
        return self._moderates(request) or super().has_module_permission(request)

    def has_view_permission(self, request, obj=None):
        return _sees_orders(request) or super().has_view_permission(request, obj)

    def has_add_permission(self, request):
        return self._moderates(request) or super().has_add_permission(request)

    def has_change_permission(self, request, obj=None):
        return self._moderates(request) or super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._moderates(request) or super().has_delete_permission(request, obj)
