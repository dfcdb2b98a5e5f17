"""The seller's side of an order: moderation, per-unit line statuses, dispatches, forwarding.

- ``OrderModeration`` (one per order that reached its seller): the moderation state, and a
  ``version`` every moderation change increments, so that of two moderators acting on the
  same order at once the one holding a stale version gets CONCURRENT_CHANGE.
- ``LineUnits`` (one per order line): the line's quantity split by unit status. Moves
  between statuses are the only writes (``services/units.py``); the order's fulfilment
  state and progress are derived from these rows on every read, never stored.
- ``LineProposal``: a change the seller proposes to one line while moderating (quantity,
  unit price, date, a substitute SKU, removing the line), and the buyer's answer.
- ``DialogueEntry``: the moderation dialogue, oldest first: comments of either side,
  proposals and answers, state changes.
- ``Dispatch`` / ``DispatchLine``: units actually shipped together, with the seller's
  document number and carrier («ship the 4 ready units now»). ``orders.Shipment`` is the
  plan made when placing; a dispatch is what left the warehouse.
- ``AutoConfirmRule``: a seller's rule confirming trusted buyers' orders without a
  moderator (order types, a total, the buyers).
- ``ForwardLink``: a sub-dealer's line forwarded by its dealer to the manufacturer, and
  the dealer's line that carries it; unit statuses flow back along it.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import F, Q

from backend.accounts.models import Organization
from backend.catalog.models import ProductVariant
from backend.core.models import PortalModel
from backend.core.numbering import NumberSeries
from backend.orders.models import MONEY, QUANTITY, Order, OrderLine, OrderType

# «О-000042» / «D-000042»: a dispatch's number, on its packing list.
DISPATCH_NUMBERS = NumberSeries("order_workflow_dispatch_number",
                                prefixes={"ru": "О", "en": "D"})


class ModerationState(models.TextChoices):
    SUBMITTED = "SUBMITTED", "waiting for a moderator"
    ON_MODERATION = "ON_MODERATION", "on moderation"
    AWAITING_BUYER = "AWAITING_BUYER", "awaiting the buyer's answer"
    CONFIRMED = "CONFIRMED", "confirmed"
    REJECTED = "REJECTED", "rejected by the seller"
    CANCELLED = "CANCELLED", "cancelled"


OPEN_STATES = (ModerationState.SUBMITTED, ModerationState.ON_MODERATION,
               ModerationState.AWAITING_BUYER)


class UnitStatus(models.TextChoices):
    PENDING = "PENDING", "pending"
    IN_PRODUCTION = "IN_PRODUCTION", "in production"
    READY = "READY", "ready"
    SHIPPED = "SHIPPED", "shipped"
    DELIVERED = "DELIVERED", "delivered"
    AT_DEALER = "AT_DEALER", "in stock at the dealer"
    SOLD = "SOLD", "sold"
    CANCELLED = "CANCELLED", "cancelled"


# The LineUnits column holding each status's quantity.
UNIT_COLUMNS: dict[str, str] = {status.value: status.value.lower() for status in UnitStatus}


class OrderModeration(PortalModel):
    order = models.OneToOneField(Order, on_delete=models.CASCADE, related_name="moderation")
    # The order's seller, copied (it never changes) so the queue walks one index.
    seller = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="+")
    state = models.CharField(max_length=16, choices=ModerationState.choices,
                             default=ModerationState.SUBMITTED)
    version = models.PositiveIntegerField(default=1)
    moderator = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                  on_delete=models.PROTECT, related_name="+")
    auto_confirmed = models.BooleanField(default=False)
    # Set by the credit plugin when its policy sends an order over the limit to moderation.
    over_credit = models.BooleanField(default=False)
    reason = models.TextField(blank=True, default="")  # of a rejection or a cancellation
    submitted_at = models.DateTimeField()
    started_at = models.DateTimeField(null=True, blank=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)  # rejected or cancelled
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [
            models.Index(fields=["seller", "state", "submitted_at", "id"],
                         name="moderation_queue_idx"),
            models.Index(fields=["state", "submitted_at", "id"],
                         name="moderation_state_idx"),
        ]


class LineUnits(PortalModel):
    """Every unit of the line is in exactly one status: the columns add up to the line's
    quantity (``services`` keep it so; tests recompute it after every change)."""

    line = models.OneToOneField(OrderLine, on_delete=models.CASCADE, related_name="units")
    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="+")
    pending = models.DecimalField(**QUANTITY, default=0)
    in_production = models.DecimalField(**QUANTITY, default=0)
    ready = models.DecimalField(**QUANTITY, default=0)
    shipped = models.DecimalField(**QUANTITY, default=0)
    delivered = models.DecimalField(**QUANTITY, default=0)
    at_dealer = models.DecimalField(**QUANTITY, default=0)
    sold = models.DecimalField(**QUANTITY, default=0)
    cancelled = models.DecimalField(**QUANTITY, default=0)
    # The date the seller promises (proposed and accepted, or set while moderating).
    promised_date = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["order_id", "line_id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(pending__gte=0) & Q(in_production__gte=0) & Q(ready__gte=0)
                & Q(shipped__gte=0) & Q(delivered__gte=0) & Q(at_dealer__gte=0)
                & Q(sold__gte=0) & Q(cancelled__gte=0),
                name="line_units_not_negative"),
        ]


class ProposalKind(models.TextChoices):
    QUANTITY = "QUANTITY", "quantity"
    PRICE = "PRICE", "unit price"
    DATE = "DATE", "date"
    SUBSTITUTE = "SUBSTITUTE", "substitute"
    REMOVE = "REMOVE", "remove the line"


class ProposalStatus(models.TextChoices):
    OPEN = "OPEN", "waiting for the buyer"
    ACCEPTED = "ACCEPTED", "accepted"
    DECLINED = "DECLINED", "declined"
    WITHDRAWN = "WITHDRAWN", "withdrawn"


class LineProposal(PortalModel):
    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="+")
    line = models.ForeignKey(OrderLine, on_delete=models.CASCADE, related_name="proposals")
    kind = models.CharField(max_length=16, choices=ProposalKind.choices)
    status = models.CharField(max_length=16, choices=ProposalStatus.choices,
                              default=ProposalStatus.OPEN)
    quantity = models.DecimalField(**QUANTITY, null=True, blank=True)
    unit_net = models.DecimalField(**MONEY, null=True, blank=True)
    date = models.DateField(null=True, blank=True)
    substitute = models.ForeignKey(ProductVariant, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    substitute_sku = models.CharField(max_length=64, blank=True, default="")
    substitute_name = models.CharField(max_length=500, blank=True, default="")
    comment = models.TextField(blank=True, default="")
    # The line as it was when proposed: {"quantity", "unit_net", "date", "sku", "name"}.
    before = models.JSONField(default=dict, blank=True)
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+")
    proposed_at = models.DateTimeField(auto_now_add=True)
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="+")
    answered_at = models.DateTimeField(null=True, blank=True)
    answer_comment = models.TextField(blank=True, default="")

    class Meta:
        ordering = ["order_id", "proposed_at", "pk"]
        indexes = [models.Index(fields=["order", "status"], name="proposal_order_status_idx")]
        constraints = [
            # One open proposal of a kind per line: a new one withdraws the old first.
            models.UniqueConstraint(fields=["line", "kind"], condition=Q(status="OPEN"),
                                    name="proposal_one_open_per_line_kind"),
        ]


class DialogueSide(models.TextChoices):
    SELLER = "SELLER", "seller"
    BUYER = "BUYER", "buyer"


class DialogueKind(models.TextChoices):
    COMMENT = "COMMENT", "comment"
    PROPOSAL = "PROPOSAL", "proposal"
    ACCEPTED = "ACCEPTED", "proposal accepted"
    DECLINED = "DECLINED", "proposal declined"
    STATE = "STATE", "state changed"


class DialogueEntry(PortalModel):
    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=16, choices=DialogueKind.choices)
    side = models.CharField(max_length=8, choices=DialogueSide.choices)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                               related_name="+")
    author_organization = models.ForeignKey(Organization, null=True, blank=True,
                                            on_delete=models.PROTECT, related_name="+")
    text = models.TextField(blank=True, default="")
    proposal = models.ForeignKey(LineProposal, null=True, blank=True,
                                 on_delete=models.CASCADE, related_name="+")
    # For kind STATE: the moderation state it moved to.
    state = models.CharField(max_length=16, blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["order_id", "created_at", "pk"]
        indexes = [models.Index(fields=["order", "created_at"], name="dialogue_order_idx")]


class Dispatch(PortalModel):
    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="dispatches")
    number = models.BigIntegerField(unique=True, editable=False,
                                    db_default=DISPATCH_NUMBERS.db_default())
    # The seller's own document (its ERP's waybill or UPD number), typed by its staff.
    document_number = models.CharField(max_length=64, blank=True, default="")
    warehouse = models.ForeignKey("inventory.Warehouse", null=True, blank=True,
                                  on_delete=models.PROTECT, related_name="+")
    carrier = models.ForeignKey("inventory.Carrier", null=True, blank=True,
                                on_delete=models.PROTECT, related_name="+")
    carrier_name = models.CharField(max_length=120, blank=True, default="")
    tracking_number = models.CharField(max_length=100, blank=True, default="")
    comment = models.TextField(blank=True, default="")
    shipped_at = models.DateTimeField()
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="+")

    class Meta:
        ordering = ["order_id", "shipped_at", "pk"]


class DispatchLine(PortalModel):
    dispatch = models.ForeignKey(Dispatch, on_delete=models.CASCADE, related_name="lines")
    line = models.ForeignKey(OrderLine, on_delete=models.CASCADE, related_name="+")
    quantity = models.DecimalField(**QUANTITY)

    class Meta:
        ordering = ["dispatch_id", "line_id"]
        constraints = [models.CheckConstraint(condition=Q(quantity__gt=0),
                                              name="dispatch_line_quantity_gt_0")]


class ForwardLink(PortalModel):
    """``source_line`` (a sub-dealer's order to its dealer) travels in ``forwarded_line``
    (the dealer's order to the manufacturer), ``quantity`` of it. A line is forwarded once."""

    source_line = models.OneToOneField(OrderLine, on_delete=models.CASCADE,
                                       related_name="forward_link")
    source_order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="+")
    forwarded_line = models.ForeignKey(OrderLine, on_delete=models.CASCADE,
                                       related_name="forwarded_from")
    forwarded_order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="+")
    quantity = models.DecimalField(**QUANTITY)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["forwarded_order_id", "forwarded_line_id", "source_line_id"]
        indexes = [models.Index(fields=["source_order"], name="forward_source_order_idx"),
                   models.Index(fields=["forwarded_order"],
                                name="forward_forwarded_order_idx")]
        constraints = [models.CheckConstraint(condition=Q(quantity__gt=0),
                                              name="forward_quantity_gt_0"),
                       models.CheckConstraint(condition=~Q(source_order=F("forwarded_order")),
                                              name="forward_not_to_itself")]


def default_auto_confirm_types() -> list[str]:
    return [OrderType.REGULAR.value]


class AutoConfirmRule(PortalModel):
    """A seller's rule confirming orders without a moderator when they reach it: orders of
    one of ``order_types``, whose grand total (with VAT, in the order's currency) is at
    most ``max_total`` (no limit when empty), of a trusted buyer (one of ``buyers``, or
    any buyer with ``all_buyers``). Kept in the admin; ``services/auto_confirm.py``."""

    seller = models.ForeignKey(Organization, on_delete=models.CASCADE,
                               related_name="auto_confirm_rules")
    name = models.CharField(max_length=200)
    is_active = models.BooleanField(default=True)
    order_types = ArrayField(models.CharField(max_length=16, choices=OrderType.choices),
                             default=default_auto_confirm_types)
    max_total = models.DecimalField(**MONEY, null=True, blank=True)
    all_buyers = models.BooleanField(default=False)
    buyers = models.ManyToManyField(Organization, blank=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["seller_id", "name", "pk"]
        indexes = [models.Index(fields=["seller", "is_active"], name="auto_confirm_seller_idx")]

    def __str__(self) -> str:
        return self.name
