"""The demo's orders (README "Orders"): three months of history across the dealers and
sub-dealers, placed through the placement service as a buyer would (cart, prices, stock,
shipments, events), so every order holds real stock and real prices.

- Regular orders of every dealer (from the factory) and of sub-dealers of each dealer,
  one picked up at a warehouse, one pre-order against incoming supply, one of samples,
  one placed by Столичный дом красок's admin on its sub-dealer's behalf.
- Подмосковный строитель's buyer has a spending limit (``SPENDING_LIMIT``): its orders
  above it went to its approver (``subdealer1.approver@demo.local``), who approved one and
  rejected one with a reason; the latest waits for the approver now.
- Столичный дом красок keeps a saved cart shared with its members.

Deterministic: the lines are drawn by a seeded generator from the SKUs the seller's
warehouses hold (in SKU order), the dates count back from the day of the load. Nobody is
e-mailed about this history (``notifications.silenced``). Loaded once: when a demo order
exists, a second load places none.
"""

from __future__ import annotations

import logging
import random
from dataclasses import dataclass
from datetime import timedelta
from decimal import ROUND_CEILING, Decimal

from django.db import transaction
from django.db.models import F, Sum
from django.utils import timezone

from backend.accounts.models import Membership, Organization, User
from backend.catalog.models import ProductVariant
from backend.checkout.models import Cart, CartLine, LineSource, SavedCart, SavedCartLine
from backend.checkout.services.placement import PlaceRequest, place_order
from backend.checkout.services.pricing import quote_lines
from backend.checkout.services.quantities import QuantityRules
from backend.core.errors import DomainValidationError
from backend.core.viewer import Viewer
from backend.orders.models import DeliveryMethod, Order, OrderEvent, OrderType
from backend.orders.services.approval import approve, reject
from backend.orders.services.notifications import silenced
from inventory.models import IncomingSupply, StockItem, Warehouse

logger = logging.getLogger(__name__)

SEED = 1313
KEY_PREFIX = "demo-"
SPENDING_LIMIT = Decimal("50000")
LINE_MOST = Decimal("15000")
LIMITED_BUYER = ("subdealer1.buyer@demo.local", "subdealer1")
APPROVER = "subdealer1.approver@demo.local"
SAVED_CART = ("dealer1", "dealer1.buyer@demo.local", "Ежемесячный заказ: краски и грунты", 6)


@dataclass(frozen=True)
class DemoOrder:
    key: str
    placer: str  # e-mail
    acting_as: str  # organization key (network.ORGANIZATIONS)
    days_ago: int
    lines: int
    buyer: str = ""  # a client ordered for on its behalf; empty: ``acting_as``
    order_type: str = OrderType.REGULAR
    pickup: bool = False
    above_limit: bool = False  # sized above ``SPENDING_LIMIT`` (the limited buyer's)
    answer: str = ""  # "approve" / "reject": the approver's, a day later
    comment: str = ""
    reference: str = ""


ORDERS: tuple[DemoOrder, ...] = (
    DemoOrder("d1-1", "dealer1.buyer@demo.local", "dealer1", 84, 9, reference="ЗК-1187"),
    DemoOrder("s1-1", "subdealer1.buyer@demo.local", "subdealer1", 77, 3),
    DemoOrder("d2-1", "dealer2.buyer@demo.local", "dealer2", 70, 5, pickup=True,
              comment="Заберём своим транспортом в четверг."),
    DemoOrder("s3-1", "subdealer3.buyer@demo.local", "subdealer3", 63, 4),
    DemoOrder("d3-1", "dealer3.buyer@demo.local", "dealer3", 56, 6, reference="УСК-0931"),
    DemoOrder("d1-2", "dealer1.buyer@demo.local", "dealer1", 49, 2,
              order_type=OrderType.PREORDER, comment="Под объект на Ленинском, к марту."),
    DemoOrder("s2-1", "subdealer2.buyer@demo.local", "subdealer2", 42, 4),
    DemoOrder("s1-2", "subdealer1.buyer@demo.local", "subdealer1", 35, 5, above_limit=True,
              answer="approve", comment="Согласовано: срочный объект в Химках."),
    DemoOrder("s5-1", "subdealer5.buyer@demo.local", "subdealer5", 28, 3),
    DemoOrder("d2-2", "dealer2.buyer@demo.local", "dealer2", 24, 3,
              order_type=OrderType.SAMPLES, comment="Образцы для выставочного зала."),
    DemoOrder("s1-3", "subdealer1.buyer@demo.local", "subdealer1", 18, 4, above_limit=True,
              answer="reject", comment="Бюджет ноября исчерпан: перенесите на декабрь."),
    DemoOrder("s2-2", "dealer1.admin@demo.local", "dealer1", 12, 5, buyer="subdealer2",
              comment="Заказ по телефону, согласован с Т. Козловой."),
    DemoOrder("d1-3", "dealer1.buyer@demo.local", "dealer1", 7, 14, reference="ЗК-1254"),
    DemoOrder("s4-1", "subdealer4.buyer@demo.local", "subdealer4", 5, 3),
    DemoOrder("d3-2", "dealer3.buyer@demo.local", "dealer3", 3, 4),
    DemoOrder("s1-4", "subdealer1.buyer@demo.local", "subdealer1", 1, 4, above_limit=True,
              reference="Химки-ТЦ", comment="Нужно до конца недели."),
)


@dataclass
class OrdersResult:
    created: int = 0


def load_orders(network: dict[str, Organization]) -> OrdersResult:
    """Create whatever part of the demo ordering is missing (``network``: organizations by
    their key in ``network.ORGANIZATIONS``), in one transaction, nobody e-mailed."""
    result = OrdersResult()
    with silenced(), transaction.atomic():
        result.created += Membership.objects.filter(
            user__email=LIMITED_BUYER[0], organization=network[LIMITED_BUYER[1]],
            spending_limit__isnull=True).update(spending_limit=SPENDING_LIMIT)
        _saved_cart(network, result)
        if not Order.objects.filter(idempotency_key__startswith=KEY_PREFIX).exists():
            users = {u.email: u for u in User.objects.filter(email__endswith="@demo.local")}
            now = timezone.now()
            for index, spec in enumerate(ORDERS):
                if _place(spec, index, network, users, now):
                    result.created += 1
    return result


def _place(spec: DemoOrder, index: int, network: dict[str, Organization],
           users: dict[str, User], now) -> bool:
    placer = users[spec.placer]
    acting_as = network[spec.acting_as]
    buyer = network[spec.buyer or spec.acting_as]
    rng = random.Random(SEED + index)
    lines = _lines(spec, buyer, rng)
    if not lines:
        logger.warning("demo order %s: no stock to draw lines from", spec.key)
        return False
    cart, _ = Cart.objects.get_or_create(user=placer, buyer=buyer)
    CartLine.objects.bulk_create([CartLine(cart=cart, variant=variant, quantity=quantity,
                                           source=LineSource.QUICK_ORDER)
                                  for variant, quantity in lines])
    request = PlaceRequest(
        idempotency_key=f"{KEY_PREFIX}{spec.key}",
        buyer_id=buyer.pk if spec.buyer else None, order_type=spec.order_type,
        delivery_method=DeliveryMethod.PICKUP if spec.pickup else DeliveryMethod.DELIVERY,
        pickup_warehouse_id=_pickup_warehouse(buyer) if spec.pickup else None,
        comment="" if spec.answer else spec.comment, buyer_reference=spec.reference)
    try:
        with transaction.atomic():
            order = place_order(_viewer(placer, acting_as), request)
    except DomainValidationError as error:
        CartLine.objects.filter(cart=cart).delete()
        logger.warning("demo order %s not placed: %s", spec.key, error)
        return False
    placed_at = now - timedelta(days=spec.days_ago, hours=rng.randint(1, 8))
    Order.objects.filter(pk=order.pk).update(placed_at=placed_at, created_at=placed_at,
                                             updated_at=placed_at)
    OrderEvent.objects.filter(order=order).update(created_at=placed_at)
    if spec.answer:
        _answer(spec, order, network, users, placed_at + timedelta(hours=20))
    return True


def _answer(spec: DemoOrder, order: Order, network: dict[str, Organization],
            users: dict[str, User], decided_at) -> None:
    viewer = _viewer(users[APPROVER], network[spec.acting_as])
    answer = approve if spec.answer == "approve" else reject
    try:
        with transaction.atomic():
            answer(viewer, order, spec.comment)
    except DomainValidationError as error:  # it did not wait: sized under the limit
        logger.warning("demo order %s not answered: %s", spec.key, error)
        return
    Order.objects.filter(pk=order.pk).update(decided_at=decided_at, updated_at=decided_at)
    OrderEvent.objects.filter(order=order, created_at__gt=decided_at).update(
        created_at=decided_at)


def _viewer(user: User, organization: Organization) -> Viewer:
    membership = Membership.objects.select_related("organization").get(
        user=user, organization=organization)
    return Viewer(user=user, organization=organization, membership=membership,
                  staff_permissions=user.granted_staff_permissions())


def _available(seller: Organization, where: dict | None = None, **product
               ) -> dict[int, Decimal]:
    """Per variant, the units the seller's active warehouses (``where``) hold free."""
    rows = (StockItem.objects.filter(warehouse__owner=seller, warehouse__is_active=True,
                                     **(where or {}),
                                     **{f"variant__product__{k}": v for k, v in product.items()})
            .values("variant_id").annotate(free=Sum(F("on_hand") - F("allocated")))
            .values_list("variant_id", "free"))
    return {variant_id: free for variant_id, free in rows if free > 0}


def _lines(spec: DemoOrder, buyer: Organization, rng: random.Random
           ) -> list[tuple[ProductVariant, Decimal]]:
    """``spec.lines`` lines the seller can supply, drawn in SKU order; quantities follow
    each variant's rules (a few units for samples), sized above the limit when asked."""
    seller = buyer.parent
    assert seller is not None
    if spec.order_type == OrderType.PREORDER:
        return _preorder_lines(spec, buyer, seller, rng)
    samples = spec.order_type == OrderType.SAMPLES
    # Picked up: everything from the one warehouse.
    where = {"warehouse_id": _pickup_warehouse(buyer)} if spec.pickup else {}
    free = _available(seller, where, is_published=True,
                      **({"samples_available": True} if samples else {}))
    variants = {v.pk: v for v in ProductVariant.objects.filter(pk__in=list(free))}
    rules = {pk: QuantityRules.of(v) for pk, v in variants.items()}
    candidates = sorted((v for pk, v in variants.items()
                         if free[pk] >= (1 if samples else rules[pk].minimum * 20)),
                        key=lambda v: v.sku)
    drawn = rng.sample(candidates, min(spec.lines * 2, len(candidates)))
    chosen = _priced(buyer, drawn)[:spec.lines]
    if samples:
        return [(variant, Decimal(rng.randint(1, 2))) for variant in chosen]
    lines = [(v, rules[v.pk].minimum * rng.randint(1, 4)) for v in chosen]
    if spec.above_limit:
        lines = _above_limit(buyer, lines, rules, free)
    return lines


def _priced(buyer: Organization, variants: list[ProductVariant]) -> list[ProductVariant]:
    """Those of ``variants`` the buyer has a price for, their minimum quantity worth at most
    ``LINE_MOST`` (a drum of oil priced per litre would make one line worth millions)."""
    quote = quote_lines(buyer, [(v.pk, QuantityRules.of(v).minimum) for v in variants])
    return [v for v, quoted in zip(variants, quote.lines, strict=True)
            if quoted.unit_net is not None and quoted.total_gross <= LINE_MOST]


def _above_limit(buyer: Organization, lines, rules, free):
    """The lines scaled (by whole steps) until the order is worth 1.3 times the limit."""
    quote = quote_lines(buyer, [(v.pk, q) for v, q in lines])
    factor = (SPENDING_LIMIT * Decimal("1.3") / max(quote.total_gross, Decimal(1))
              ).to_integral_value(ROUND_CEILING)
    if factor <= 1:
        return lines
    return [(v, min(q * factor, _whole_steps(free[v.pk], rules[v.pk]))) for v, q in lines]


def _whole_steps(quantity: Decimal, rules: QuantityRules) -> Decimal:
    return (quantity // rules.step) * rules.step


def _preorder_lines(spec: DemoOrder, buyer: Organization, seller: Organization,
                    rng: random.Random) -> list[tuple[ProductVariant, Decimal]]:
    """Variants with incoming supply at the seller's warehouses: all their free stock
    and part of the supply, so the order waits for it."""
    supplies = (IncomingSupply.objects.filter(warehouse__owner=seller,
                                              warehouse__is_active=True,
                                              variant__product__is_published=True,
                                              quantity__gt=F("reserved"))
                .select_related("variant").order_by("variant__sku", "pk"))
    incoming: dict[int, tuple[ProductVariant, Decimal]] = {}
    for supply in supplies:
        variant, units = incoming.get(supply.variant_id, (supply.variant, Decimal(0)))
        incoming[supply.variant_id] = (variant, units + supply.quantity - supply.reserved)
    free = _available(seller)
    drawn = rng.sample(sorted(incoming.values(), key=lambda vu: vu[0].sku),
                       min(spec.lines * 2, len(incoming)))
    priced = {v.pk for v in _priced(buyer, [v for v, _ in drawn])}
    lines = []
    for variant, units in [(v, u) for v, u in drawn if v.pk in priced][:spec.lines]:
        rules = QuantityRules.of(variant)
        quantity = _whole_steps(free.get(variant.pk, Decimal(0)) + units / 2, rules)
        if quantity >= rules.minimum:
            lines.append((variant, quantity))
    return lines


def _pickup_warehouse(buyer: Organization) -> int | None:
    return (Warehouse.objects.filter(owner_id=buyer.parent_id, is_active=True,
                                     pickup_allowed=True)
            .order_by("priority", "code").values_list("pk", flat=True).first())


def _saved_cart(network: dict[str, Organization], result: OrdersResult) -> None:
    org_key, owner_email, name, size = SAVED_CART
    organization = network[org_key]
    owner = User.objects.get(email=owner_email)
    saved, created = SavedCart.objects.get_or_create(
        organization=organization, owner=owner, name=name, defaults={"shared": True})
    if not created:
        return
    result.created += 1
    free = _available(organization.parent, is_published=True)  # type: ignore[arg-type]
    variants = sorted(ProductVariant.objects.filter(pk__in=list(free),
                                                    sku__startswith="KR-"),
                      key=lambda v: v.sku)
    chosen = random.Random(SEED).sample(variants, min(size, len(variants)))
    SavedCartLine.objects.bulk_create([
        SavedCartLine(saved_cart=saved, variant=variant, position=position,
                      quantity=QuantityRules.of(variant).minimum * 2)
        for position, variant in enumerate(sorted(chosen, key=lambda v: v.sku), start=1)])
    result.created += len(chosen)
