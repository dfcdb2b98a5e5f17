"""Orders as placed: who bought from whom, what at which price, where each unit ships from,
and every change as an event.

A line snapshots what the buyer agreed to (SKU, name, unit, unit price net and gross, the
price's breakdown): later changes to the catalog or the price rules never change a placed
order. The planned shipments keep the allocation's picks (warehouse, supply), so that
cancelling or changing an order gives back exactly what placing took
(``inventory.services.locks.release``).

Statuses here are the ordering side's: an order waits for the buyer's own approver
(``AWAITING_APPROVAL``), is refused by them (``REJECTED``), or is sent to the seller
(``PLACED``). The seller's moderation and per-unit line statuses belong to the order
workflow plugin, which adds its own tables; ``status`` stays the buyer-side summary.

Numbers are per seller and year: «26-00042» is the seller's 42nd order of 2026
(``numbers.py``).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from backend.accounts.models import Organization
from backend.catalog.models import ProductVariant
from backend.core.models import PortalModel

from .credit import CreditHold

QUANTITY = {"max_digits": 14, "decimal_places": 3}
MONEY = {"max_digits": 14, "decimal_places": 2}


class OrderType(models.TextChoices):
    REGULAR = "REGULAR", "regular"
    PREORDER = "PREORDER", "pre-order"
    SAMPLES = "SAMPLES", "samples"


class OrderStatus(models.TextChoices):
    AWAITING_APPROVAL = "AWAITING_APPROVAL", "awaiting the buyer's approval"
    REJECTED = "REJECTED", "rejected by the buyer's approver"
    PLACED = "PLACED", "placed with the seller"
    CANCELLED = "CANCELLED", "cancelled"


class PaymentStatus(models.TextChoices):
    """Follows from the credit ledger (the credit plugin); UNPAID until it says more."""

    UNPAID = "UNPAID", "not paid"
    PARTIALLY_PAID = "PARTIALLY_PAID", "partially paid"
    PAID = "PAID", "paid"
    OVERDUE = "OVERDUE", "overdue"


class DeliveryMethod(models.TextChoices):
    DELIVERY = "DELIVERY", "delivery"
    PICKUP = "PICKUP", "pickup"


class OrderNumberCounter(PortalModel):
    """The last serial given per (seller, year). Placement takes the next one as its last
    write, so the row's lock is held only while the transaction commits."""

    seller = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["seller", "year"],
                                               name="order_counter_seller_year_unique")]


class Order(PortalModel):
    seller = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="sales")
    buyer = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="orders")
    year = models.PositiveSmallIntegerField()
    serial = models.PositiveIntegerField()
    # The seller's own number (its ERP's), set by an integration; searched like ``number``.
    seller_number = models.CharField(max_length=64, blank=True, default="")
    buyer_reference = models.CharField(max_length=100, blank=True, default="")
    order_type = models.CharField(max_length=16, choices=OrderType.choices,
                                  default=OrderType.REGULAR)
    status = models.CharField(max_length=24, choices=OrderStatus.choices)
    payment_status = models.CharField(max_length=16, choices=PaymentStatus.choices,
                                      default=PaymentStatus.UNPAID)
    # What the credit check said when it was placed beyond the buyer's available credit
    # (``credit.py``): the seller's moderator decides, or the buyer pays by card first.
    credit_hold = models.CharField(max_length=16, choices=CreditHold.choices,
                                   default=CreditHold.NONE)
    # Who placed it, and as which organization: the buyer's own member, or on the buyer's
    # behalf a staff member (the manufacturer) or a dealer's admin (the dealer).
    placed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                  related_name="placed_orders")
    placed_as = models.ForeignKey(Organization, null=True, blank=True,
                                  on_delete=models.PROTECT, related_name="+")
    on_behalf = models.BooleanField(default=False)
    idempotency_key = models.CharField(max_length=64)
    currency = models.CharField(max_length=3)
    vat_rate = models.DecimalField(max_digits=5, decimal_places=2)
    subtotal_net = models.DecimalField(**MONEY)  # lines after promotions, before volume
    volume_discount_percent = models.DecimalField(max_digits=5, decimal_places=2, default=0)
    total_net = models.DecimalField(**MONEY)  # lines
    total_vat = models.DecimalField(**MONEY)
    total_gross = models.DecimalField(**MONEY)
    delivery_net = models.DecimalField(**MONEY, default=0)
    grand_total_gross = models.DecimalField(**MONEY)  # lines and delivery, with VAT
    delivery_method = models.CharField(max_length=16, choices=DeliveryMethod.choices,
                                       default=DeliveryMethod.DELIVERY)
    pickup_warehouse = models.ForeignKey("inventory.Warehouse", null=True, blank=True,
                                         on_delete=models.PROTECT, related_name="+")
    delivery_region = models.CharField(max_length=100, blank=True, default="")
    delivery_city = models.CharField(max_length=100, blank=True, default="")
    delivery_address = models.CharField(max_length=500, blank=True, default="")
    comment = models.TextField(blank=True, default="")
    # Internal approval: the limit it exceeded, and the answer.
    approval_limit = models.DecimalField(**MONEY, null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_comment = models.TextField(blank=True, default="")
    placed_at = models.DateTimeField()
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-placed_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["seller", "year", "serial"],
                                    name="order_seller_number_unique"),
            models.UniqueConstraint(fields=["placed_by", "idempotency_key"],
                                    name="order_idempotency_unique"),
            models.CheckConstraint(condition=Q(total_gross__gte=0) & Q(total_net__gte=0),
                                   name="order_totals_not_negative"),
        ]
        indexes = [
            models.Index(fields=["buyer", "-placed_at", "-id"], name="order_buyer_placed_idx"),
            models.Index(fields=["seller", "-placed_at", "-id"],
                         name="order_seller_placed_idx"),
            models.Index(fields=["buyer", "status"], name="order_buyer_status_idx",
                         condition=Q(status="AWAITING_APPROVAL")),
            models.Index(fields=["serial"], name="order_serial_idx"),
            # The order list, latest first (staff, and a dealer's subtree walked past the
            # others' orders: orders.visibility hashes its buyers).
            models.Index(fields=["-placed_at", "-id"], name="order_placed_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.year % 100:02d}-{self.serial:05d}"


class OrderLine(PortalModel):
    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="lines")
    position = models.PositiveIntegerField()
    variant = models.ForeignKey(ProductVariant, null=True, on_delete=models.SET_NULL,
                                related_name="+")
    sku = models.CharField(max_length=64)
    name = models.CharField(max_length=500)
    unit = models.CharField(max_length=8)
    quantity = models.DecimalField(**QUANTITY)
    # Of ``quantity``, what is pre-ordered against incoming supply.
    preorder_quantity = models.DecimalField(**QUANTITY, default=0)
    unit_net = models.DecimalField(**MONEY)
    unit_gross = models.DecimalField(**MONEY)
    list_net = models.DecimalField(**MONEY)  # before promotions and volume discount
    total_net = models.DecimalField(**MONEY)
    total_gross = models.DecimalField(**MONEY)
    # How the price came about: list, tier, promotions, volume discount (what the buyer
    # may see of its own price, nothing of the seller's purchase price).
    price_breakdown = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["order_id", "position"]
        constraints = [
            models.UniqueConstraint(fields=["order", "position"],
                                    name="order_line_position_unique"),
            models.CheckConstraint(condition=Q(quantity__gt=0), name="order_line_quantity_gt_0"),
            models.CheckConstraint(condition=Q(preorder_quantity__gte=0)
                                   & Q(preorder_quantity__lte=models.F("quantity")),
                                   name="order_line_preorder_within_quantity"),
        ]


class Shipment(PortalModel):
    """A planned shipment: one warehouse's part of the order, its carrier, cost and dates."""

    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="shipments")
    position = models.PositiveIntegerField()
    warehouse = models.ForeignKey("inventory.Warehouse", on_delete=models.PROTECT,
                                  related_name="+")
    carrier = models.ForeignKey("inventory.Carrier", null=True, blank=True,
                                on_delete=models.PROTECT, related_name="+")
    pickup = models.BooleanField(default=False)
    preorder = models.BooleanField(default=False)
    cost_net = models.DecimalField(**MONEY, null=True, blank=True)
    currency = models.CharField(max_length=3)
    ship_date = models.DateField()
    arrival_date = models.DateField(null=True, blank=True)
    weight_kg = models.DecimalField(**QUANTITY, default=0)

    class Meta:
        ordering = ["order_id", "position"]
        constraints = [models.UniqueConstraint(fields=["order", "position"],
                                               name="shipment_position_unique")]


class ShipmentLine(PortalModel):
    """Units of one order line in one shipment: from stock, or against incoming supply."""

    shipment = models.ForeignKey(Shipment, on_delete=models.CASCADE, related_name="lines")
    order_line = models.ForeignKey(OrderLine, on_delete=models.CASCADE,
                                   related_name="shipment_lines")
    quantity = models.DecimalField(**QUANTITY)
    supply = models.ForeignKey("inventory.IncomingSupply", null=True, blank=True,
                               on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["shipment_id", "order_line_id"]
        constraints = [models.CheckConstraint(condition=Q(quantity__gt=0),
                                              name="shipment_line_quantity_gt_0")]


class OrderEventType(models.TextChoices):
    PLACED = "PLACED", "placed"
    APPROVAL_REQUESTED = "APPROVAL_REQUESTED", "sent for approval"
    APPROVED = "APPROVED", "approved"
    REJECTED = "REJECTED", "rejected"
    CANCELLED = "CANCELLED", "cancelled"
    NOTE = "NOTE", "note"
    UPDATED = "UPDATED", "changed"


class OrderEvent(PortalModel):
    """One change of an order: who (and as which organization, on whose behalf), when,
    what, the values before and after. Never edited or deleted."""

    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="events")
    event_type = models.CharField(max_length=32)  # OrderEventType, or a plugin's type
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                             on_delete=models.PROTECT, related_name="+")
    acting_as = models.ForeignKey(Organization, null=True, blank=True,
                                  on_delete=models.PROTECT, related_name="+")
    on_behalf_of = models.ForeignKey(Organization, null=True, blank=True,
                                     on_delete=models.PROTECT, related_name="+")
    message = models.TextField(blank=True, default="")
    before = models.JSONField(default=dict, blank=True)
    after = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["order_id", "created_at", "pk"]
        indexes = [models.Index(fields=["order", "created_at"], name="order_event_order_idx")]
