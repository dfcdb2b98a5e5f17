"""Placing an order: the cart becomes an order in one transaction, all of it or nothing.

In this order, inside ``transaction.atomic``:

1. the cart's lines locked (FOR UPDATE): a second placement of the same cart waits here
   and then finds the cart empty or changed (CART_CHANGED), or, with the same idempotency
   key, the first request's order (``idempotency.py``);
2. the lines checked: each still published and visible, its quantity within the rules
   (``quantities.py``) or, for samples, within the samples' own (``samples.py``);
3. priced again (``pricing.quote_lines``) and compared with the price token the buyer was
   shown: PRICES_CHANGED names each change and nothing is saved; NO_PRICE for a line
   nobody prices;
4. the delivery plan (``inventory.services.planning``): shortfalls are NOT_ENOUGH_STOCK /
   PREORDER_NOT_ALLOWED (a PREORDER order may take any product's incoming supply; a
   REGULAR one only a product that allows pre-orders);
5. the ``credit_check`` hook for the grand total (CREDIT_REFUSED, or the order placed
   with a ``credit_hold``: over the limit, or to be paid by card first);
6. the plan's units taken (``inventory.services.locks.allocate``: stock rows locked in
   primary-key order, re-checked, so two buyers never take the same unit);
7. the number (``numbers.next_serial``: the seller's counter row stays locked until
   commit, so it is taken last, after the cart's lines are deleted), the rows
   (``order_rows.py``: four statements), the event (PLACED, or APPROVAL_REQUESTED above
   the placer's spending limit; an order on behalf skips the buyer's internal approval).

Any refusal raises ``DomainValidationError`` (``PricesChanged`` for prices) and the
transaction rolls back: stock, supply, cart and orders stay exactly as they were.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone

from backend.accounts.models import Organization
from backend.accounts.regions import official_region, region_error
from backend.catalog.visibility import visible_variants
from backend.core.errors import DomainValidationError, ErrorCollector, ErrorDetail
from backend.core.plugins.manager import get_plugins_manager
from backend.core.viewer import Viewer
from backend.orders.credit import hold_of
from backend.orders.models import (
    DeliveryMethod,
    Order,
    OrderEventType,
    OrderStatus,
    OrderType,
)
from backend.orders.numbers import format_number, next_serial
from backend.orders.services import events
from inventory.services.locks import InsufficientStock, allocate
from inventory.services.planning import Address

from ..errors import CheckoutErrorCode as Code
from ..models import CartLine
from . import order_rows
from .delivery import order_plan, plan_errors
from .idempotency import check_key, is_key_conflict, placed_before
from .on_behalf import is_on_behalf, order_buyer
from .orderable import buyer_viewer
from .pricing import price_changes, quote_lines, read_token_lines
from .quantities import QuantityRules, quantity_problem
from .samples import check_samples

MAX_COMMENT = 2000
MAX_REFERENCE = Order._meta.get_field("buyer_reference").max_length or 100
MAX_STREET = Order._meta.get_field("delivery_address").max_length or 500
CENT = Decimal("0.01")


@dataclass(frozen=True)
class PlaceRequest:
    idempotency_key: str
    buyer_id: int | None = None
    price_token: str | None = None  # None: no check
    order_type: str = OrderType.REGULAR
    delivery_method: str = DeliveryMethod.DELIVERY
    address: Address | None = None  # DELIVERY; None: the buyer's region
    street: str = ""  # DELIVERY: the address's street, house, office
    pickup_warehouse_id: int | None = None  # PICKUP
    one_shipment: bool = False
    comment: str = ""
    buyer_reference: str = ""


@dataclass(frozen=True)
class PriceChangeInfo:
    sku: str
    name: str
    before: Decimal | None
    after: Decimal | None


class PricesChanged(DomainValidationError):
    """Some line's price differs from what the buyer was shown: ``changes`` says which."""

    def __init__(self, changes: list[PriceChangeInfo]):
        super().__init__(ErrorDetail(
            Code.PRICES_CHANGED, "Prices changed since the cart was shown: check them and "
                                 "place the order again.", "priceToken",
            {"skus": [c.sku for c in changes]}))
        self.changes = changes


def place_order(viewer: Viewer, request: PlaceRequest) -> Order:
    """The order ``request`` places for ``viewer``, or ``DomainValidationError``; a retry
    with the same idempotency key returns the first request's order."""
    key = check_key(request.idempotency_key)
    buyer = order_buyer(viewer, request.buyer_id)
    request = _checked(request, buyer)
    assert viewer.user is not None
    try:
        with transaction.atomic():
            return _place(viewer, buyer, key, request)
    except IntegrityError as error:
        if not is_key_conflict(error):
            raise
        conflict = error
    order = placed_before(viewer.user.pk, key, buyer)
    if order is None:
        raise conflict
    return order


def _checked(request: PlaceRequest, buyer: Organization) -> PlaceRequest:
    """``request`` with its texts trimmed, or the errors of its fields."""
    errors = ErrorCollector()
    comment = (request.comment or "").strip()
    reference = (request.buyer_reference or "").strip()
    if len(comment) > MAX_COMMENT:
        errors.add(Code.INVALID, f"The comment is at most {MAX_COMMENT} characters.",
                   "comment")
    street = (request.street or "").strip()
    if len(street) > MAX_STREET:
        errors.add(Code.INVALID, f"The address is at most {MAX_STREET} characters.",
                   "address.address")
    if len(reference) > MAX_REFERENCE:
        errors.add(Code.INVALID, f"The reference is at most {MAX_REFERENCE} characters.",
                   "buyerReference")
    if request.order_type not in OrderType.values:
        errors.add(Code.INVALID, "Unknown order type.", "orderType")
    pickup = request.delivery_method == DeliveryMethod.PICKUP
    if request.delivery_method not in DeliveryMethod.values:
        errors.add(Code.INVALID, "Unknown delivery method.", "deliveryMethod")
    elif pickup and request.pickup_warehouse_id is None:
        errors.add(Code.REQUIRED, "Choose the warehouse to pick the order up from.",
                   "pickupWarehouse")
    address = request.address
    if not pickup and address is not None:
        if not address.region.strip():
            errors.add(Code.REQUIRED, "The address's region is required.", "address.region")
        elif message := region_error(address.country, address.region):
            errors.add(Code.UNKNOWN_REGION, message, "address.region")
    errors.raise_if_any()
    return replace(request, comment=comment, buyer_reference=reference, street=street,
                   address=None if pickup else address,
                   pickup_warehouse_id=request.pickup_warehouse_id if pickup else None)


def _place(viewer: Viewer, buyer: Organization, key: str, request: PlaceRequest) -> Order:
    user = viewer.user
    assert user is not None
    lines = list(CartLine.objects.select_for_update(of=("self",))
                 .filter(cart__user_id=user.pk, cart__buyer_id=buyer.pk)
                 .select_related("variant__product").order_by("added_at", "pk"))
    if (earlier := placed_before(user.pk, key, buyer)) is not None:
        return earlier
    _check_cart(lines, request.price_token)
    if buyer.parent_id is None:
        raise DomainValidationError.single(Code.NO_SELLER, "Your organization buys from "
                                                           "nobody.", "buyer")
    _check_lines(viewer, buyer, lines, request.order_type)
    items = [order_rows.CartItem(line.variant, line.quantity) for line in lines]
    quote = quote_lines(buyer, [(line.variant_id, line.quantity) for line in lines])
    _check_prices(items, quote, request.price_token)
    plan = order_plan(buyer, items, request)
    vat_rate = next(q.price.vat_rate for q in quote.lines if q.price is not None)
    delivery_net = sum((s.quote.cost for s in plan.shipments if s.quote is not None),
                       Decimal(0))
    delivery_gross = delivery_net + (delivery_net * vat_rate).quantize(CENT)
    grand_total = quote.total_gross + delivery_gross
    credit_hold = hold_of(get_plugins_manager().run(
        "credit_check", None, buyer, buyer.parent, grand_total, quote.currency),
        Code.CREDIT_REFUSED)
    names = order_rows.price_names(quote)  # read before the stock rows are locked
    try:
        allocate(plan, reference=f"order {key}"[:64], user=user,
                 organization=viewer.organization)
    except InsufficientStock as short:
        raise plan_errors(short) from None
    # the cart's lines go before the number is taken: the seller's counter stays locked
    # from then until commit, every other placement for the seller waiting on it
    CartLine.objects.filter(pk__in=[line.pk for line in lines]).delete()
    on_behalf = is_on_behalf(viewer, buyer)
    limit = None if on_behalf or viewer.membership is None \
        else getattr(viewer.membership, "spending_limit", None)
    waits = limit is not None and grand_total > limit
    year = timezone.localdate().year
    order = Order(
        seller_id=buyer.parent_id, buyer=buyer, year=year,
        buyer_reference=request.buyer_reference, order_type=request.order_type,
        status=OrderStatus.AWAITING_APPROVAL if waits else OrderStatus.PLACED,
        placed_by=user, placed_as_id=getattr(viewer.organization, "pk", None),
        on_behalf=on_behalf, idempotency_key=key, currency=quote.currency,
        vat_rate=vat_rate * 100, subtotal_net=quote.subtotal_net,
        volume_discount_percent=quote.volume_percent, total_net=quote.total_net,
        total_vat=quote.total_gross - quote.total_net, total_gross=quote.total_gross,
        delivery_net=delivery_net, grand_total_gross=grand_total,
        delivery_method=request.delivery_method,
        pickup_warehouse_id=request.pickup_warehouse_id,
        delivery_region=_region(buyer, request), delivery_city=_city(request),
        delivery_address=request.street if request.address is not None else "",
        comment=request.comment, approval_limit=limit if waits else None,
        credit_hold=credit_hold,
        placed_at=timezone.now())
    rows = order_rows.build_rows(order, items, quote, names, plan)
    order.serial = next_serial(buyer.parent_id, year)
    order.save(force_insert=True)
    rows.write()
    if not waits:
        get_plugins_manager().run("order_submitted", None, order)
    events.record(order, OrderEventType.APPROVAL_REQUESTED if waits else OrderEventType.PLACED,
                  user=user, acting_as=viewer.organization,
                  message=_event_message(order, buyer, on_behalf, limit if waits else None),
                  after={"status": order.status, "number": format_number(year, order.serial),
                         "grand_total_gross": str(grand_total)})
    return order


def _check_cart(lines: list[CartLine], token: str | None) -> None:
    """EMPTY_CART, or CART_CHANGED when the lines are not those the token showed (a
    concurrent placement emptied the cart, or a line was added, removed or changed)."""
    shown = read_token_lines(token) if token is not None else None
    if not lines:
        if token is not None:
            raise DomainValidationError.single(
                Code.CART_CHANGED, "The cart was placed or emptied meanwhile.")
        raise DomainValidationError.single(Code.EMPTY_CART, "The cart is empty.")
    if shown is not None and {ln.variant_id: ln.quantity for ln in lines} != {
            variant_id: quantity for variant_id, (quantity, _net) in shown.items()}:
        raise DomainValidationError.single(
            Code.CART_CHANGED, "The cart changed since it was shown: check it again.")


def _check_lines(viewer: Viewer, buyer: Organization, lines: list[CartLine],
                 order_type: str) -> None:
    errors = ErrorCollector()
    ids = [line.variant_id for line in lines]
    # the buyer's catalog, not the viewer's: a manager orders for a client only what the
    # client may order (the cart's rule)
    orderable = set(visible_variants(buyer_viewer(viewer.user, buyer))
                    .filter(pk__in=ids, product__is_published=True)
                    .values_list("pk", flat=True))
    for index, line in enumerate(lines):
        variant = line.variant
        if line.variant_id not in orderable:
            errors.add(Code.NOT_ORDERABLE, f"{variant.sku} can no longer be ordered.",
                       f"lines.{index}", skus=[variant.sku])
        elif order_type != OrderType.SAMPLES and (
                problem := quantity_problem(QuantityRules.of(variant), line.quantity)):
            errors.add(problem.code, f"{variant.sku}: {problem.message}",
                       f"lines.{index}.quantity", skus=[variant.sku],
                       nearest_quantity=problem.nearest)
    if order_type == OrderType.SAMPLES:
        check_samples(lines, errors)
    errors.raise_if_any()


def _check_prices(items: list[order_rows.CartItem], quote: object, token: str | None) -> None:
    if token is not None and (changes := price_changes(token, quote)):  # type: ignore[arg-type]
        by_id = {item.variant.pk: item.variant for item in items}
        raise PricesChanged([PriceChangeInfo(
            by_id[c.variant_id].sku, by_id[c.variant_id].name or by_id[c.variant_id].product.name,
            c.before, c.after) for c in changes])
    errors = ErrorCollector()
    for index, (item, quoted) in enumerate(zip(items, quote.lines, strict=True)):  # type: ignore[attr-defined]
        if quoted.unit_net is None:
            errors.add(Code.NO_PRICE, f"{item.variant.sku} has no price for you.",
                       f"lines.{index}", skus=[item.variant.sku])
    errors.raise_if_any()


def _region(buyer: Organization, request: PlaceRequest) -> str:
    if request.address is not None:
        return official_region(request.address.country, request.address.region)
    return "" if request.pickup_warehouse_id is not None \
        else official_region(buyer.country, buyer.region)


def _city(request: PlaceRequest) -> str:
    return request.address.city.strip()[:100] if request.address is not None else ""


def _event_message(order: Order, buyer: Organization, on_behalf: bool,
                   limit: Decimal | None) -> str:
    parts = []
    if on_behalf:
        parts.append(f"Placed on behalf of {buyer.name}.")
    if limit is not None:
        parts.append(f"Above the placer's limit of {limit} {order.currency}: waits for the "
                     "buyer's approver.")
    return " ".join(parts)
