"""A dealer forwards its sub-dealers' confirmed orders to the manufacturer as one order of
its own, at its own purchase prices.

``forward_orders`` in one transaction:

1. the source orders locked (FOR UPDATE, in primary-key order: two forwards of
   overlapping orders wait for each other instead of deadlocking), then a retry with the
   same idempotency key answers with the first forward's order;
2. each checked: seen by the viewer, sold by the viewer's organization (its sub-dealer's),
   CONFIRMED, no unit moved beyond pending, not forwarded before (NOT_FORWARDABLE,
   ALREADY_FORWARDED name the orders);
3. the lines' pending units merged per variant and priced for the dealer
   (``checkout.services.pricing.quote_lines``: the dealer's purchase prices);
4. the stock (``forward_stock.py``): what the sources hold in the dealer's warehouses is
   released, what they hold in the manufacturer's is carried over, the rest is allocated
   from the manufacturer;
5. the credit check for the dealer's total, the number (``next_serial``, last: the
   manufacturer's counter stays locked until commit), the rows, a ``ForwardLink`` per
   source line, the ``order_submitted`` hook (the new order's moderation), events PLACED
   on the new order and FORWARDED on each source.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from backend.checkout.services import order_rows
from backend.checkout.services.pricing import quote_lines
from backend.core.errors import DomainValidationError, ErrorCollector
from backend.core.permissions import OrgPerm
from backend.core.plugins.manager import get_plugins_manager
from backend.core.viewer import Viewer
from backend.orders.credit import hold_of
from backend.orders.models import (
    DeliveryMethod,
    Order,
    OrderEventType,
    OrderLine,
    OrderStatus,
    OrderType,
)
from backend.orders.numbers import format_number, next_serial
from backend.orders.services import events
from backend.orders.visibility import visible_orders
from inventory.services import locks

from ..errors import WorkflowErrorCode as Code
from ..models import (
    UNIT_COLUMNS,
    ForwardLink,
    LineUnits,
    ModerationState,
    OrderModeration,
    UnitStatus,
)
from . import forward_stock

FORWARDED = "FORWARDED"
MAX_ORDERS = 50
MAX_COMMENT = 2000
MAX_KEY = Order._meta.get_field("idempotency_key").max_length or 64
CENT = Decimal("0.01")
KEY_CONSTRAINT = "order_idempotency_unique"


@dataclass(frozen=True)
class _Item:
    """A forwarded line before it is written: the variant and the source lines it carries."""

    variant: Any
    quantity: Decimal
    sources: list[tuple[OrderLine, Decimal]]


def forward_orders(viewer: Viewer, order_ids: Sequence[int | str], idempotency_key: str,
                   comment: str | None = "") -> Order:
    """The dealer's new order to the manufacturer carrying ``order_ids``, or
    ``DomainValidationError``; a retry with the same key returns the first forward's."""
    key, text, ids = _checked(viewer, order_ids, idempotency_key, comment)
    user = viewer.user
    assert user is not None
    try:
        with transaction.atomic():
            return _forward(viewer, ids, key, text)
    except IntegrityError as error:
        if KEY_CONSTRAINT not in str(error):
            raise
        conflict = error
    earlier = _forwarded_before(viewer, key)
    if earlier is None:
        raise conflict
    return earlier


def _checked(viewer: Viewer, order_ids: Sequence[int | str], key: str | None,
             comment: str | None) -> tuple[str, str, list[int]]:
    organization = viewer.organization
    if viewer.user is None or organization is None or not viewer.can(OrgPerm.MODERATE_ORDERS):
        raise DomainValidationError.single(
            Code.PERMISSION_DENIED, "Only a moderator of the dealer, acting for it, forwards "
                                    "its sub-dealers' orders.")
    if organization.parent_id is None:
        raise DomainValidationError.single(
            Code.NOT_FORWARDABLE, "Your organization buys from nobody: there is nobody to "
                                  "forward to.", "orders")
    errors = ErrorCollector()
    key = (key or "").strip()
    text = (comment or "").strip()
    if not key:
        errors.add(Code.REQUIRED, "Send the idempotency key the screen made.",
                   "idempotencyKey")
    elif len(key) > MAX_KEY:
        errors.add(Code.INVALID, f"The idempotency key is at most {MAX_KEY} characters.",
                   "idempotencyKey")
    if len(text) > MAX_COMMENT:
        errors.add(Code.INVALID, f"The comment is at most {MAX_COMMENT} characters.",
                   "comment")
    ids = list(dict.fromkeys(int(pk) for pk in order_ids))
    if not ids:
        errors.add(Code.REQUIRED, "Choose the orders to forward.", "orders")
    elif len(ids) > MAX_ORDERS:
        errors.add(Code.INVALID, f"At most {MAX_ORDERS} orders at once.", "orders")
    errors.raise_if_any()
    return key, text, ids


def _forwarded_before(viewer: Viewer, key: str) -> Order | None:
    """The order this viewer already forwarded with ``key``; the key used for another
    order of this user (a placement) is refused."""
    order = Order.objects.filter(placed_by_id=getattr(viewer.user, "pk", None),
                                 idempotency_key=key).first()
    if order is not None and (order.buyer_id != getattr(viewer.organization, "pk", None)
                              or not ForwardLink.objects.filter(forwarded_order=order).exists()):
        raise DomainValidationError.single(
            Code.INVALID, "This key was already used for another order: reload the screen.",
            "idempotencyKey")
    return order


def _forward(viewer: Viewer, ids: list[int], key: str, comment: str) -> Order:
    dealer = viewer.organization
    assert dealer is not None and viewer.user is not None
    sources = list(visible_orders(viewer).select_for_update(of=("self",))
                   .filter(pk__in=ids).order_by("pk"))
    if (earlier := _forwarded_before(viewer, key)) is not None:
        return earlier
    missing = set(ids) - {order.pk for order in sources}
    if missing:
        raise DomainValidationError.single(Code.NOT_FOUND, "No order with this ID.", "orders",
                                           ids=sorted(missing))
    lines = _check_sources(dealer.pk, sources)
    items = _merged(lines)
    quote = quote_lines(dealer, [(item.variant.pk, item.quantity) for item in items])
    _check_prices(items, quote)
    stock = forward_stock.source_stock([line for line, _q in lines], dealer.parent_id)
    carried = stock.carried_by_variant()
    needs = [(item.variant.pk, max(item.quantity - carried.get(item.variant.pk, Decimal(0)),
                                   Decimal(0))) for item in items]
    preorder = any(order.order_type == OrderType.PREORDER for order in sources)
    plan = forward_stock.manufacturer_plan(dealer, needs, preorder)
    vat_rate = next(q.price.vat_rate for q in quote.lines if q.price is not None)
    delivery_net = sum((s.quote.cost for s in plan.shipments if s.quote is not None),
                       Decimal(0))
    grand_total = quote.total_gross + delivery_net + (delivery_net * vat_rate).quantize(CENT)
    credit_hold = hold_of(get_plugins_manager().run(
        "credit_check", None, dealer, dealer.parent, grand_total, quote.currency),
        Code.CREDIT_REFUSED)
    names = order_rows.price_names(quote)
    reference = f"forward {key}"[:64]
    forward_stock.release_source(stock, reference=reference, user=viewer.user,
                                 organization=dealer)
    try:
        locks.allocate(plan, reference=reference, user=viewer.user, organization=dealer)
    except locks.InsufficientStock as short:
        raise DomainValidationError([replace(d, code=Code.OUT_OF_STOCK, field="orders")
                                     for d in short.errors]) from None
    year = timezone.localdate().year
    order = Order(
        seller_id=dealer.parent_id, buyer=dealer, year=year, order_type=(
            OrderType.PREORDER if preorder else OrderType.REGULAR),
        status=OrderStatus.PLACED, placed_by=viewer.user, placed_as=dealer, on_behalf=False,
        idempotency_key=key, currency=quote.currency, vat_rate=vat_rate * 100,
        subtotal_net=quote.subtotal_net, volume_discount_percent=quote.volume_percent,
        total_net=quote.total_net, total_vat=quote.total_gross - quote.total_net,
        total_gross=quote.total_gross, delivery_net=delivery_net,
        grand_total_gross=grand_total, delivery_method=DeliveryMethod.DELIVERY,
        delivery_region=dealer.region or "", comment=comment, placed_at=timezone.now(),
        credit_hold=credit_hold)
    rows = order_rows.build_rows(order, [order_rows.CartItem(i.variant, i.quantity)
                                         for i in items], quote, names, plan)
    order.serial = next_serial(dealer.parent_id, year)
    order.save(force_insert=True)
    rows.write()
    by_variant = {line.variant_id: line for line in rows.lines}
    forward_stock.carry_over(stock, order, by_variant, len(rows.shipments) + 1)
    ForwardLink.objects.bulk_create(
        ForwardLink(source_line=source, source_order_id=source.order_id,
                    forwarded_line=by_variant[item.variant.pk], forwarded_order=order,
                    quantity=quantity)
        for item in items for source, quantity in item.sources)
    get_plugins_manager().run("order_submitted", None, order)
    number = format_number(year, order.serial)
    source_numbers = [format_number(o.year, o.serial) for o in sources]
    events.record(order, OrderEventType.PLACED, user=viewer.user, acting_as=dealer,
                  message="Forwarded the sub-dealers' orders " + ", ".join(source_numbers)
                  + ".",
                  after={"status": order.status, "number": number,
                         "grand_total_gross": str(grand_total),
                         "forwarded_from": source_numbers})
    for source in sources:
        # The sub-dealer reads its order's history: nothing here names the dealer's order.
        events.record(source, FORWARDED, user=viewer.user, acting_as=dealer,
                      message="Forwarded to the manufacturer.",
                      after={"moderation_state": ModerationState.CONFIRMED.value})
    return order


def _check_sources(dealer_id: int, sources: list[Order]) -> list[tuple[OrderLine, Decimal]]:
    """Each source line with the units it forwards (its pending ones), or the orders
    that may not be forwarded, named."""
    states = dict(OrderModeration.objects.filter(order__in=sources)
                  .values_list("order_id", "state"))
    forwarded = set(ForwardLink.objects.filter(source_order__in=sources)
                    .values_list("source_order_id", flat=True))
    units = {u.line_id: u for u in LineUnits.objects.filter(order__in=sources)}
    lines = list(OrderLine.objects.filter(order__in=sources).select_related("variant__product")
                 .order_by("order_id", "position"))
    moved = {line.order_id for line in lines
             if (u := units.get(line.pk)) is None or any(
                 getattr(u, column) for status, column in UNIT_COLUMNS.items()
                 if status not in (UnitStatus.PENDING, UnitStatus.CANCELLED))
             or line.variant_id is None}
    not_forwardable = [o for o in sources if o.seller_id != dealer_id
                       or states.get(o.pk) != ModerationState.CONFIRMED
                       or (o.pk in moved and o.pk not in forwarded)]
    already = [o for o in sources if o.pk in forwarded]
    errors = ErrorCollector()
    if not_forwardable:
        numbers = [format_number(o.year, o.serial) for o in not_forwardable]
        errors.add(Code.NOT_FORWARDABLE,
                   f"Only your sub-dealers' confirmed orders not yet being fulfilled are "
                   f"forwarded: {', '.join(numbers)}.", "orders", numbers=numbers)
    if already:
        numbers = [format_number(o.year, o.serial) for o in already]
        errors.add(Code.ALREADY_FORWARDED, f"Already forwarded: {', '.join(numbers)}.",
                   "orders", numbers=numbers)
    errors.raise_if_any()
    found = [(line, units[line.pk].pending) for line in lines if units[line.pk].pending > 0]
    if not found:
        raise DomainValidationError.single(Code.NOT_FORWARDABLE, "Nothing is left to forward: "
                                           "every unit is cancelled.", "orders")
    return found


def _merged(lines: list[tuple[OrderLine, Decimal]]) -> list[_Item]:
    """One item per variant, in the order the variants first appear."""
    items: dict[int, _Item] = {}
    for line, quantity in lines:
        item = items.get(line.variant_id)
        if item is None:
            items[line.variant_id] = _Item(line.variant, quantity, [(line, quantity)])
        else:
            items[line.variant_id] = _Item(item.variant, item.quantity + quantity,
                                           [*item.sources, (line, quantity)])
    return list(items.values())


def _check_prices(items: list[_Item], quote: Any) -> None:
    errors = ErrorCollector()
    for item, quoted in zip(items, quote.lines, strict=True):
        if quoted.unit_net is None:
            errors.add(Code.NOT_FORWARDABLE, f"{item.variant.sku} has no price for you from "
                                             "the manufacturer.", "orders",
                       skus=[item.variant.sku])
    errors.raise_if_any()
