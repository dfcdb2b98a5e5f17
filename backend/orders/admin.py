"""Django admin for orders: read-mostly. An order is what placement, approval and the
order workflow wrote, each change with its event; here staff look at an order with its
lines, shipments and history inline, and correct only what an integration may set by hand
(the seller's number, the payment status), which records an UPDATED event like any other
change.

Who may do what: the staff permission MODERATE_ORDERS lets a staff member make those
corrections, VIEW_ALL lets one look; Django's model permissions work as elsewhere. Nothing
is added or deleted here: orders are placed through the API, and their rows are history.
"""

from __future__ import annotations

from django.contrib import admin
from django.db import transaction

from backend.core.permissions import Perm

from .models import (
    Order,
    OrderEvent,
    OrderEventType,
    OrderLine,
    OrderNumberCounter,
    Shipment,
    ShipmentLine,
)
from .services.events import record

EDITABLE = ("seller_number", "payment_status")


def _staff_permissions(request) -> frozenset[Perm]:
    granted = getattr(request.user, "granted_staff_permissions", None)
    return granted() if granted is not None else frozenset()


class OrderPermissions(admin.ModelAdmin):
    """Read-only for everyone, viewable with VIEW_ALL or MODERATE_ORDERS."""

    def has_module_permission(self, request):
        granted = _staff_permissions(request)
        return (Perm.MODERATE_ORDERS in granted or Perm.VIEW_ALL in granted
                or super().has_module_permission(request))

    def has_view_permission(self, request, obj=None):
        granted = _staff_permissions(request)
        return (Perm.MODERATE_ORDERS in granted or Perm.VIEW_ALL in granted
                or super().has_view_permission(request, obj))

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        return True


class OrderLineInline(ReadOnlyInline):
    model = OrderLine
    fields = ("position", "sku", "name", "unit", "quantity", "preorder_quantity",
              "unit_net", "unit_gross", "total_net", "total_gross")
    readonly_fields = fields


class ShipmentInline(ReadOnlyInline):
    model = Shipment
    fields = ("position", "warehouse", "carrier", "pickup", "preorder", "cost_net",
              "ship_date", "arrival_date", "weight_kg")
    readonly_fields = fields


class OrderEventInline(ReadOnlyInline):
    model = OrderEvent
    fields = ("created_at", "event_type", "user", "acting_as", "on_behalf_of", "message",
              "before", "after")
    readonly_fields = fields


@admin.register(Order)
class OrderAdmin(OrderPermissions):
    list_display = ("__str__", "seller", "buyer", "status", "payment_status", "order_type",
                    "grand_total_gross", "currency", "placed_by", "on_behalf", "placed_at")
    list_filter = ("status", "payment_status", "order_type", "on_behalf", "delivery_method")
    list_select_related = ("seller", "buyer", "placed_by")
    search_fields = ("buyer__name", "buyer__inn", "seller__name", "buyer_reference",
                     "seller_number", "placed_by__email")
    date_hierarchy = "placed_at"
    inlines = (OrderLineInline, ShipmentInline, OrderEventInline)

    def get_readonly_fields(self, request, obj=None):
        return [f.name for f in Order._meta.fields if f.name not in EDITABLE]

    def has_change_permission(self, request, obj=None):
        return (Perm.MODERATE_ORDERS in _staff_permissions(request)
                or admin.ModelAdmin.has_change_permission(self, request, obj))

    def save_model(self, request, obj: Order, form, change):
        """Saves the corrected fields with an UPDATED event: what they were, what they are."""
        changed = [name for name in EDITABLE if name in form.changed_data]
        if not changed:
            return
        before = Order.objects.filter(pk=obj.pk).values(*changed).first() or {}
        with transaction.atomic():
            obj.save(update_fields=[*changed, "updated_at"])
            record(obj, OrderEventType.UPDATED, user=request.user,
                   message="Changed in the admin.", before=before,
                   after={name: getattr(obj, name) for name in changed})


@admin.register(OrderLine)
class OrderLineAdmin(OrderPermissions):
    list_display = ("order", "position", "sku", "name", "quantity", "unit_net", "total_net")
    list_select_related = ("order",)
    search_fields = ("sku", "name", "order__buyer__name")
    raw_id_fields = ("order", "variant")


@admin.register(Shipment)
class ShipmentAdmin(OrderPermissions):
    list_display = ("order", "position", "warehouse", "carrier", "pickup", "preorder",
                    "cost_net", "ship_date", "arrival_date")
    list_filter = ("pickup", "preorder")
    list_select_related = ("order", "warehouse", "carrier")
    search_fields = ("warehouse__code", "warehouse__name", "order__buyer__name")
    raw_id_fields = ("order", "warehouse", "carrier")


@admin.register(ShipmentLine)
class ShipmentLineAdmin(OrderPermissions):
    list_display = ("shipment", "order_line", "quantity", "supply")
    list_select_related = ("shipment", "shipment__order", "order_line", "supply")
    search_fields = ("order_line__sku",)
    raw_id_fields = ("shipment", "order_line", "supply")


@admin.register(OrderEvent)
class OrderEventAdmin(OrderPermissions):
    list_display = ("created_at", "order", "event_type", "user", "acting_as", "on_behalf_of",
                    "message")
    list_filter = ("event_type",)
    list_select_related = ("order", "user", "acting_as", "on_behalf_of")
    search_fields = ("message", "user__email", "order__buyer__name")
    raw_id_fields = ("order", "user", "acting_as", "on_behalf_of")
    date_hierarchy = "created_at"


@admin.register(OrderNumberCounter)
class OrderNumberCounterAdmin(OrderPermissions):
    list_display = ("seller", "year", "last")
    list_select_related = ("seller",)
    search_fields = ("seller__name",)
    raw_id_fields = ("seller",)
