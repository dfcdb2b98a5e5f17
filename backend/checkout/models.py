"""Carts, saved carts (requisition lists), order files being imported, and the column
mappings organizations confirmed for their files.

A cart belongs to (user, buyer organization): the buyer is the user's active organization,
or a client the user orders for (staff, a regional manager, a dealer's admin for its
sub-dealers). Lines hold only variant and quantity: prices, availability and shipments are
worked out when the cart is read and again when it is placed, never stored here.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from backend.accounts.models import Organization
from backend.catalog.models import ProductVariant
from backend.core.models import PortalModel

QUANTITY = {"max_digits": 14, "decimal_places": 3}


class LineSource(models.TextChoices):
    CATALOG = "CATALOG", "catalog"
    QUICK_ORDER = "QUICK_ORDER", "quick order"
    FILE = "FILE", "order file"
    SAVED_CART = "SAVED_CART", "saved cart"
    ORDER_COPY = "ORDER_COPY", "copy of an order"


class Cart(PortalModel):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="carts")
    buyer = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="carts")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "buyer"],
                                               name="cart_user_buyer_unique")]


class CartLine(PortalModel):
    cart = models.ForeignKey(Cart, on_delete=models.CASCADE, related_name="lines")
    variant = models.ForeignKey(ProductVariant, on_delete=models.CASCADE, related_name="+")
    quantity = models.DecimalField(**QUANTITY)
    source = models.CharField(max_length=16, choices=LineSource.choices,
                              default=LineSource.CATALOG)
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["cart_id", "added_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["cart", "variant"], name="cart_line_variant_unique"),
            models.CheckConstraint(condition=Q(quantity__gt=0), name="cart_line_quantity_gt_0"),
        ]


class SavedCart(PortalModel):
    """A named list of lines kept for reuse ("monthly consumables"); shared lists are seen
    by every member of the organization who may place orders, private ones by the owner."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE,
                                     related_name="saved_carts")
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                              related_name="saved_carts")
    name = models.CharField(max_length=120)
    shared = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["organization_id", "name", "pk"]
        constraints = [models.UniqueConstraint(fields=["organization", "owner", "name"],
                                               name="saved_cart_name_unique")]


class SavedCartLine(PortalModel):
    saved_cart = models.ForeignKey(SavedCart, on_delete=models.CASCADE, related_name="lines")
    variant = models.ForeignKey(ProductVariant, on_delete=models.CASCADE, related_name="+")
    quantity = models.DecimalField(**QUANTITY)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["saved_cart_id", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["saved_cart", "variant"],
                                    name="saved_cart_line_variant_unique"),
            models.CheckConstraint(condition=Q(quantity__gt=0),
                                   name="saved_cart_line_quantity_gt_0"),
        ]


class OrderFile(PortalModel):
    """An uploaded order file, read into rows, waiting for its column mapping to be
    confirmed. Rows are kept as text exactly as read (``rows``: per sheet, a list of
    cells), so the mapping can be changed without uploading again. Old ones are deleted
    by a periodic task."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="+")
    buyer = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    filename = models.CharField(max_length=255)
    sheets = models.JSONField(default=list)  # [{"name", "header_row", "rows": [[str]]}]
    created_at = models.DateTimeField(auto_now_add=True)
    applied_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["created_at"], name="order_file_created_idx")]


class OrderFileMapping(PortalModel):
    """The column mapping an organization confirmed for files with these headers."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE,
                                     related_name="+")
    header_signature = models.CharField(max_length=64)  # of the normalized header cells
    mapping = models.JSONField(default=dict)  # {"sku": 0, "quantity": 3, ...}
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["organization", "header_signature"],
                                               name="order_file_mapping_unique")]
