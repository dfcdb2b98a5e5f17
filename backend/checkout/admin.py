"""Django admin for carts, saved carts and uploaded order files: for staff to look when a
buyer asks for help. Everything here is the buyer's own working state, changed through
the API only, so the pages are read-only (a superuser may delete a stale row).

VIEW_ALL or MODERATE_ORDERS (staff permissions) lets a staff member look.
"""

from __future__ import annotations

from django.contrib import admin

from backend.core.permissions import Perm

from .models import Cart, CartLine, OrderFile, OrderFileMapping, SavedCart, SavedCartLine


def _staff_permissions(request) -> frozenset[Perm]:
    granted = getattr(request.user, "granted_staff_permissions", None)
    return granted() if granted is not None else frozenset()


class CheckoutPermissions(admin.ModelAdmin):
    def _looks(self, request) -> bool:
        granted = _staff_permissions(request)
        return Perm.VIEW_ALL in granted or Perm.MODERATE_ORDERS in granted

    def has_module_permission(self, request):
        return self._looks(request) or super().has_module_permission(request)

    def has_view_permission(self, request, obj=None):
        return self._looks(request) or super().has_view_permission(request, obj)

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class LinesInline(admin.TabularInline):
    extra = 0
    can_delete = False
    raw_id_fields = ("variant",)

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        return True


class CartLineInline(LinesInline):
    model = CartLine
    fields = ("variant", "quantity", "source", "added_at")
    readonly_fields = fields


class SavedCartLineInline(LinesInline):
    model = SavedCartLine
    fields = ("position", "variant", "quantity")
    readonly_fields = fields


@admin.register(Cart)
class CartAdmin(CheckoutPermissions):
    list_display = ("user", "buyer", "updated_at")
    list_select_related = ("user", "buyer")
    search_fields = ("user__email", "buyer__name")
    raw_id_fields = ("user", "buyer")
    inlines = (CartLineInline,)


@admin.register(CartLine)
class CartLineAdmin(CheckoutPermissions):
    list_display = ("cart", "variant", "quantity", "source", "added_at")
    list_filter = ("source",)
    list_select_related = ("cart", "cart__user", "variant")
    search_fields = ("variant__sku", "cart__user__email")
    raw_id_fields = ("cart", "variant")


@admin.register(SavedCart)
class SavedCartAdmin(CheckoutPermissions):
    list_display = ("name", "organization", "owner", "shared", "updated_at")
    list_filter = ("shared",)
    list_select_related = ("organization", "owner")
    search_fields = ("name", "organization__name", "owner__email")
    raw_id_fields = ("organization", "owner")
    inlines = (SavedCartLineInline,)


@admin.register(SavedCartLine)
class SavedCartLineAdmin(CheckoutPermissions):
    list_display = ("saved_cart", "position", "variant", "quantity")
    list_select_related = ("saved_cart", "variant")
    search_fields = ("variant__sku", "saved_cart__name")
    raw_id_fields = ("saved_cart", "variant")


@admin.register(OrderFile)
class OrderFileAdmin(CheckoutPermissions):
    list_display = ("filename", "user", "buyer", "created_at", "applied_at")
    list_select_related = ("user", "buyer")
    search_fields = ("filename", "user__email", "buyer__name")
    raw_id_fields = ("user", "buyer")
    exclude = ("sheets",)  # the uploaded rows: thousands of cells, not for a form


@admin.register(OrderFileMapping)
class OrderFileMappingAdmin(CheckoutPermissions):
    list_display = ("organization", "header_signature", "updated_at")
    list_select_related = ("organization",)
    search_fields = ("organization__name", "header_signature")
    raw_id_fields = ("organization",)
