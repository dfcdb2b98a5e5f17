"""Warehouses, their stock, incoming supply, the movements that change them, delivery zones
and rates, and each seller's allocation settings.

Thin rows. Where an order's units come from and what delivery costs are decided by the
pure engines (``inventory/engine``); who sees which figure is decided in
``visibility.py``. The checks here are those the database can hold on its own: a stock row
never holds more allocated than on hand, nothing goes negative, so no code path (a
service, the admin, a raw ``UPDATE``) can store stock the engine would misread.

Available stock is never stored: it is ``on_hand - allocated`` of the row, read under the
row's lock when it matters (``locks.py``).
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import F, Q

from backend.accounts.models import Organization
from backend.catalog.models import ProductVariant
from backend.core.models import PortalModel

QUANTITY = {"max_digits": 14, "decimal_places": 3}
MONEY = {"max_digits": 14, "decimal_places": 2}


class WarehouseKind(models.TextChoices):
    FACTORY = "FACTORY", "factory warehouse"
    REGIONAL = "REGIONAL", "regional warehouse"
    STOCK_CENTER = "STOCK_CENTER", "a partner's stock center"


class QuantityDisplay(models.TextChoices):
    """How a warehouse's quantities are shown to an audience (``visibility.py``)."""

    EXACT = "EXACT", "exact quantities"
    BANDS = "BANDS", "bands (\"more than 100\")"
    HIDDEN = "HIDDEN", "not shown"


class Warehouse(PortalModel):
    """A place stock sits in: the manufacturer's factories and regional warehouses, a
    partner's own stock center. ``owner`` sells from it to the organizations below it."""

    owner = models.ForeignKey(Organization, on_delete=models.PROTECT,
                              related_name="warehouses")
    kind = models.CharField(max_length=16, choices=WarehouseKind.choices)
    code = models.CharField(max_length=32, unique=True,
                            help_text="Short code used in uploads and documents (MSK-1).")
    name = models.CharField(max_length=255)
    address = models.TextField(blank=True)
    country = models.CharField(max_length=2, default="RU")
    region = models.CharField(max_length=100, db_index=True,
                              help_text="Official region name (accounts/regions.py).")
    city = models.CharField(max_length=100, blank=True)
    latitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    pickup_allowed = models.BooleanField(default=False)
    priority = models.PositiveIntegerField(
        default=100, help_text="Fixed-priority allocation takes lower numbers first.")
    handling_days = models.PositiveSmallIntegerField(
        default=1, help_text="Days from an order to a shipment ready to leave.")
    is_active = models.BooleanField(default=True)
    # Who sees the quantities (visibility.py): the owner's direct buyers see them as
    # ``display``; organizations further down the owner's tree as ``network_display``
    # (the manufacturer's raw figures stay hidden from sub-dealers unless it allows them).
    display = models.CharField(max_length=8, choices=QuantityDisplay.choices,
                               default=QuantityDisplay.EXACT)
    network_display = models.CharField(max_length=8, choices=QuantityDisplay.choices,
                                       default=QuantityDisplay.HIDDEN)
    # A partner's stock center shared with its seller's network: its seller and the
    # seller's other buyers see it (as ``display``).
    shared_with_network = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["priority", "code"]
        indexes = [models.Index(fields=["owner", "is_active"], name="warehouse_owner_idx")]
        constraints = [
            models.CheckConstraint(condition=Q(latitude__gte=-90, latitude__lte=90)
                                   | Q(latitude__isnull=True), name="warehouse_latitude"),
            models.CheckConstraint(condition=Q(longitude__gte=-180, longitude__lte=180)
                                   | Q(longitude__isnull=True), name="warehouse_longitude"),
            models.CheckConstraint(condition=Q(latitude__isnull=True, longitude__isnull=True)
                                   | Q(latitude__isnull=False, longitude__isnull=False),
                                   name="warehouse_coordinates_pair"),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class StockItem(PortalModel):
    """What one warehouse holds of one variant. ``allocated`` is promised to placed
    orders and not yet shipped; available = on_hand - allocated, never stored."""

    warehouse = models.ForeignKey(Warehouse, on_delete=models.PROTECT, related_name="stock")
    variant = models.ForeignKey(ProductVariant, on_delete=models.CASCADE,
                                related_name="stock_items")
    on_hand = models.DecimalField(**QUANTITY, default=0)
    allocated = models.DecimalField(**QUANTITY, default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["warehouse_id", "variant_id"]
        constraints = [
            models.UniqueConstraint(fields=["warehouse", "variant"],
                                    name="stock_item_warehouse_variant_unique"),
            models.CheckConstraint(condition=Q(on_hand__gte=0), name="stock_on_hand_nonneg"),
            models.CheckConstraint(condition=Q(allocated__gte=0),
                                   name="stock_allocated_nonneg"),
            models.CheckConstraint(condition=Q(allocated__lte=F("on_hand")),
                                   name="stock_allocated_le_on_hand"),
        ]
        # "This variant's stock everywhere": the catalog's per-warehouse figures.
        indexes = [models.Index(fields=["variant", "warehouse"], name="stock_variant_idx")]

    def __str__(self) -> str:
        return f"{self.variant_id}@{self.warehouse_id}: {self.on_hand}/{self.allocated}"


class IncomingSupply(PortalModel):
    """Goods on their way to a warehouse (production, a transfer, a purchase): a pre-order
    may reserve from it until it arrives."""

    warehouse = models.ForeignKey(Warehouse, on_delete=models.PROTECT,
                                  related_name="incoming")
    variant = models.ForeignKey(ProductVariant, on_delete=models.CASCADE,
                                related_name="incoming_supply")
    quantity = models.DecimalField(**QUANTITY)
    reserved = models.DecimalField(**QUANTITY, default=0)
    expected_date = models.DateField()
    reference = models.CharField(max_length=64, blank=True,
                                 help_text="The document it comes with (a production order).")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["expected_date", "warehouse_id", "variant_id", "pk"]
        verbose_name_plural = "incoming supply"
        constraints = [
            models.CheckConstraint(condition=Q(quantity__gt=0), name="supply_quantity_pos"),
            models.CheckConstraint(condition=Q(reserved__gte=0), name="supply_reserved_nonneg"),
            models.CheckConstraint(condition=Q(reserved__lte=F("quantity")),
                                   name="supply_reserved_le_quantity"),
        ]
        indexes = [models.Index(fields=["variant", "expected_date"], name="supply_variant_idx")]

    def __str__(self) -> str:
        return (f"{self.quantity} of {self.variant_id} to {self.warehouse_id}"
                f" on {self.expected_date}")


class MovementReason(models.TextChoices):
    ADJUSTMENT = "ADJUSTMENT", "a person corrected the figure"
    UPLOAD = "UPLOAD", "a stock upload (xlsx)"
    ERP_SYNC = "ERP_SYNC", "the ERP exchange"
    RECEIPT = "RECEIPT", "goods received"
    SUPPLY_ARRIVED = "SUPPLY_ARRIVED", "incoming supply arrived"
    SUPPLY_PLANNED = "SUPPLY_PLANNED", "incoming supply planned or changed"
    ALLOCATION = "ALLOCATION", "allocated to an order"
    RELEASE = "RELEASE", "an order's allocation released"
    PREORDER = "PREORDER", "reserved from incoming supply for a pre-order"
    PREORDER_RELEASE = "PREORDER_RELEASE", "a pre-order's reservation released"
    SHIPMENT = "SHIPMENT", "shipped"


class StockMovement(PortalModel):
    """One change to a stock row (or to an incoming supply's reservation), with why and
    who: the history a stock figure can be explained by. Written by the services in the
    same transaction as the change; never edited."""

    warehouse = models.ForeignKey(Warehouse, on_delete=models.PROTECT,
                                  related_name="movements")
    variant = models.ForeignKey(ProductVariant, on_delete=models.CASCADE,
                                related_name="stock_movements")
    supply = models.ForeignKey(IncomingSupply, null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="movements")
    reason = models.CharField(max_length=20, choices=MovementReason.choices)
    on_hand_delta = models.DecimalField(**QUANTITY, default=0)
    allocated_delta = models.DecimalField(**QUANTITY, default=0)
    on_hand_after = models.DecimalField(**QUANTITY)
    allocated_after = models.DecimalField(**QUANTITY)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="+")
    organization = models.ForeignKey(Organization, null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+",
                                     help_text="The organization the user acted for.")
    reference = models.CharField(max_length=64, blank=True,
                                 help_text="An order number, an upload's file name, an ERP id.")
    comment = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["warehouse", "-created_at"], name="movement_warehouse_idx"),
            models.Index(fields=["variant", "-created_at"], name="movement_variant_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.reason} {self.on_hand_delta:+}/{self.allocated_delta:+} {self.variant_id}"


class Leftover(PortalModel):
    """A partner's stock offered to the organizations below it (leftovers it wants to
    sell): a row of its stock center, optionally at a discount and up to a quantity."""

    warehouse = models.ForeignKey(Warehouse, on_delete=models.CASCADE, related_name="leftovers")
    variant = models.ForeignKey(ProductVariant, on_delete=models.CASCADE,
                                related_name="leftovers")
    quantity = models.DecimalField(**QUANTITY, null=True, blank=True,
                                   help_text="At most this much; empty: all available.")
    discount_percent = models.DecimalField(max_digits=5, decimal_places=2, null=True,
                                           blank=True)
    note = models.TextField(blank=True)
    is_published = models.BooleanField(default=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["warehouse", "variant"],
                                    name="leftover_warehouse_variant_unique"),
            models.CheckConstraint(condition=Q(quantity__gt=0) | Q(quantity__isnull=True),
                                   name="leftover_quantity_pos"),
            models.CheckConstraint(condition=Q(discount_percent__gt=0,
                                               discount_percent__lt=100)
                                   | Q(discount_percent__isnull=True),
                                   name="leftover_discount_range"),
        ]

    def __str__(self) -> str:
        return f"leftover {self.variant_id}@{self.warehouse_id}"


class Carrier(PortalModel):
    code = models.CharField(max_length=32, unique=True)
    name = models.CharField(max_length=120)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class DeliveryZone(PortalModel):
    """A set of regions rates are quoted between ("Центр", "Дальний Восток")."""

    name = models.CharField(max_length=120, unique=True)
    country = models.CharField(max_length=2, default="RU")
    regions = ArrayField(models.CharField(max_length=100), default=list,
                         help_text="Official region names; a region is in one zone.")

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["regions"], name="zone_regions_idx")]

    def __str__(self) -> str:
        return self.name


class DeliveryRate(PortalModel):
    """What a carrier charges from one zone to another: the larger of the weight and the
    volume charge, never below ``min_charge``; ``transit_days`` on the road."""

    carrier = models.ForeignKey(Carrier, on_delete=models.CASCADE, related_name="rates")
    origin_zone = models.ForeignKey(DeliveryZone, on_delete=models.CASCADE,
                                    related_name="rates_from")
    destination_zone = models.ForeignKey(DeliveryZone, on_delete=models.CASCADE,
                                         related_name="rates_to")
    currency = models.CharField(max_length=3, default="RUB")
    per_kg = models.DecimalField(**MONEY, default=0)
    per_m3 = models.DecimalField(**MONEY, default=0)
    min_charge = models.DecimalField(**MONEY, default=0)
    transit_days = models.PositiveSmallIntegerField()
    max_weight_kg = models.DecimalField(**QUANTITY, null=True, blank=True,
                                        help_text="Heavier shipments need another carrier.")

    class Meta:
        ordering = ["origin_zone_id", "destination_zone_id", "carrier_id"]
        constraints = [
            models.UniqueConstraint(fields=["carrier", "origin_zone", "destination_zone"],
                                    name="delivery_rate_unique"),
            models.CheckConstraint(condition=Q(per_kg__gte=0, per_m3__gte=0, min_charge__gte=0),
                                   name="delivery_rate_nonneg"),
        ]

    def __str__(self) -> str:
        return f"{self.carrier_id}: {self.origin_zone_id} -> {self.destination_zone_id}"


class AllocationStrategy(models.TextChoices):
    NEAREST = "NEAREST", "nearest warehouse first (delivery zone, then distance)"
    FEWEST_SHIPMENTS = "FEWEST_SHIPMENTS", "fewest shipments"
    PRIORITY = "PRIORITY", "fixed warehouse priority"


class SellerStockSettings(PortalModel):
    """How a seller's orders are allocated across its warehouses."""

    organization = models.OneToOneField(Organization, on_delete=models.CASCADE,
                                        related_name="stock_settings")
    strategy = models.CharField(max_length=20, choices=AllocationStrategy.choices,
                                default=AllocationStrategy.NEAREST)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "seller stock settings"

    def __str__(self) -> str:
        return f"{self.organization_id}: {self.strategy}"
