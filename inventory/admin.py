"""Django admin for the inventory: warehouses, stock, incoming supply, leftovers, and the
delivery tariffs (carriers, zones, rates) and sellers' allocation settings, which are
edited only here.

Who may do what: the staff permission MANAGE_STOCK (the portal's own, on the user's staff
permissions) lets a staff member change every page here, VIEW_ALL lets one look; Django's
model permissions (a superuser, groups) work as on every other admin page. Variants and
organizations are tens of thousands of rows: picked by search (``autocomplete_fields``) or
id (``raw_id_fields``), never from a select of every row.

Stock is history: the movements are read-only for everyone, and a stock figure changed here
writes its ADJUSTMENT movement in the same transaction (who, when, by how much). What
orders hold (``allocated``, a supply's ``reserved``) is written by the allocation services
only, so it is read-only here.
"""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.contrib import admin
from django.db.models import F

from backend.accounts.regions import RUSSIA, russian_region
from backend.core.permissions import Perm

from .models import (
    Carrier,
    DeliveryRate,
    DeliveryZone,
    IncomingSupply,
    Leftover,
    MovementReason,
    SellerStockSettings,
    StockItem,
    StockMovement,
    Warehouse,
)


def _staff_permissions(request) -> frozenset[Perm]:
    return request.user.granted_staff_permissions()


class StockPermissions(admin.ModelAdmin):
    """Django's model permissions, widened by the staff permissions MANAGE_STOCK (change
    everything) and VIEW_ALL (look)."""

    def _manages(self, request) -> bool:
        return Perm.MANAGE_STOCK in _staff_permissions(request)

    def has_module_permission(self, request):
        granted = _staff_permissions(request)
        return (Perm.MANAGE_STOCK in granted or Perm.VIEW_ALL in granted
                or super().has_module_permission(request))

    def has_view_permission(self, request, obj=None):
        return (Perm.VIEW_ALL in _staff_permissions(request) or self._manages(request)
                or super().has_view_permission(request, obj))

    def has_add_permission(self, request):
        return self._manages(request) or super().has_add_permission(request)

    def has_change_permission(self, request, obj=None):
        return self._manages(request) or super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._manages(request) or super().has_delete_permission(request, obj)


def _official_region(form: forms.ModelForm, field: str, name: str) -> str | None:
    """A Russian region's official name (any letter case accepted), or None with the
    field's error: the zones know regions by these names."""
    region = russian_region(name)
    if region is None:
        form.add_error(field, f"«{name}» is not one of Russia's regions as "
                              "backend/accounts/regions.py names them.")
        return None
    return region.name


class WarehouseForm(forms.ModelForm):
    class Meta:
        model = Warehouse
        fields = ("code", "name", "kind", "owner", "is_active", "country", "region", "city",
                  "address", "latitude", "longitude", "pickup_allowed", "priority",
                  "handling_days", "display", "network_display", "shared_with_network")

    def clean(self):
        data = super().clean()
        if data.get("country") == RUSSIA and data.get("region"):
            official = _official_region(self, "region", data["region"])
            if official is not None:
                data["region"] = official
        return data


@admin.register(Warehouse)
class WarehouseAdmin(StockPermissions):
    form = WarehouseForm
    list_display = ("code", "name", "kind", "owner", "region", "city", "pickup_allowed",
                    "priority", "display", "network_display", "shared_with_network",
                    "is_active")
    list_filter = ("kind", "is_active", "pickup_allowed", "display", "network_display",
                   "shared_with_network", "region")
    list_select_related = ("owner",)
    search_fields = ("code", "name", "city", "region", "owner__name")
    raw_id_fields = ("owner",)
    fieldsets = (
        (None, {"fields": ("code", "name", "kind", "owner", "is_active")}),
        ("Place", {"fields": ("country", "region", "city", "address", "latitude",
                              "longitude")}),
        ("Allocation", {"fields": ("pickup_allowed", "priority", "handling_days")}),
        ("Who sees the quantities", {"fields": ("display", "network_display",
                                                "shared_with_network")}),
    )



@admin.register(StockItem)
class StockItemAdmin(StockPermissions):
    list_display = ("variant", "warehouse", "on_hand", "allocated", "available",
                    "updated_at")
    list_filter = ("warehouse__kind", "warehouse")
    list_select_related = ("variant", "warehouse")
    search_fields = ("variant__sku", "variant__name", "warehouse__code")
    autocomplete_fields = ("variant",)
    raw_id_fields = ("warehouse",)
    readonly_fields = ("allocated", "updated_at")

    @admin.display(description="available", ordering=F("on_hand") - F("allocated"))
    def available(self, item: StockItem) -> Decimal:
        return item.on_hand - item.allocated

    def get_readonly_fields(self, request, obj=None):
        # A row's place is fixed once it exists; its figure is what one corrects.
        fixed = ("warehouse", "variant") if obj is not None else ()
        return (*fixed, *self.readonly_fields)

    def save_model(self, request, obj, form, change):
        """Save the figure under the row's lock and write the movement that explains it
        (the admin's change view runs in one transaction)."""
        before = Decimal(0)
        if change:
            locked = StockItem.objects.select_for_update().get(pk=obj.pk)
            before, obj.allocated = locked.on_hand, locked.allocated
        super().save_model(request, obj, form, change)
        delta = obj.on_hand - before
        if delta:
            StockMovement.objects.create(
                warehouse=obj.warehouse, variant=obj.variant,
                reason=MovementReason.ADJUSTMENT, on_hand_delta=delta,
                on_hand_after=obj.on_hand, allocated_after=obj.allocated, user=request.user,
                comment="Changed in the Django admin")

    def has_delete_permission(self, request, obj=None):
        # A row with history stays; zero its figure instead.
        return False


@admin.register(IncomingSupply)
class IncomingSupplyAdmin(StockPermissions):
    list_display = ("variant", "warehouse", "quantity", "reserved", "expected_date",
                    "reference")
    list_filter = ("warehouse",)
    list_select_related = ("variant", "warehouse")
    search_fields = ("variant__sku", "reference", "warehouse__code")
    date_hierarchy = "expected_date"
    autocomplete_fields = ("variant",)
    raw_id_fields = ("warehouse",)
    readonly_fields = ("reserved",)


@admin.register(StockMovement)
class StockMovementAdmin(StockPermissions):
    list_display = ("created_at", "variant", "warehouse", "reason", "on_hand_delta",
                    "allocated_delta", "on_hand_after", "allocated_after", "user",
                    "reference")
    list_filter = ("reason", "warehouse")
    list_select_related = ("variant", "warehouse", "user")
    search_fields = ("variant__sku", "reference", "comment", "warehouse__code",
                     "user__email")
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Leftover)
class LeftoverAdmin(StockPermissions):
    list_display = ("variant", "warehouse", "quantity", "discount_percent", "is_published",
                    "created_at")
    list_filter = ("is_published",)
    list_select_related = ("variant", "warehouse")
    search_fields = ("variant__sku", "warehouse__code", "warehouse__owner__name", "note")
    autocomplete_fields = ("variant",)
    raw_id_fields = ("warehouse", "created_by")


@admin.register(Carrier)
class CarrierAdmin(StockPermissions):
    list_display = ("name", "code", "is_active")
    list_filter = ("is_active",)
    search_fields = ("name", "code")


class DeliveryZoneForm(forms.ModelForm):
    class Meta:
        model = DeliveryZone
        fields = ("name", "country", "regions")
        widgets = {"regions": forms.Textarea(attrs={"rows": 6})}

    def clean(self):
        data = super().clean()
        regions = data.get("regions") or []
        if data.get("country") != RUSSIA:
            return data
        names = [_official_region(self, "regions", name) for name in regions]
        if None in names:
            return data
        others = (DeliveryZone.objects.filter(regions__overlap=names)
                  .exclude(pk=self.instance.pk).values_list("name", flat=True))
        if others:
            self.add_error("regions", "A region is in one zone; some are already in "
                                      f"{', '.join(others)}.")
        data["regions"] = names
        return data


@admin.register(DeliveryZone)
class DeliveryZoneAdmin(StockPermissions):
    form = DeliveryZoneForm
    list_display = ("name", "country", "region_count")
    search_fields = ("name",)

    @admin.display(description="regions")
    def region_count(self, zone: DeliveryZone) -> int:
        return len(zone.regions)


@admin.register(DeliveryRate)
class DeliveryRateAdmin(StockPermissions):
    list_display = ("carrier", "origin_zone", "destination_zone", "per_kg", "per_m3",
                    "min_charge", "transit_days", "max_weight_kg", "currency")
    list_filter = ("carrier", "origin_zone", "destination_zone")
    list_select_related = ("carrier", "origin_zone", "destination_zone")
    search_fields = ("carrier__name", "origin_zone__name", "destination_zone__name")


@admin.register(SellerStockSettings)
class SellerStockSettingsAdmin(StockPermissions):
    list_display = ("organization", "strategy", "updated_at")
    list_filter = ("strategy",)
    list_select_related = ("organization",)
    search_fields = ("organization__name",)
    raw_id_fields = ("organization",)
