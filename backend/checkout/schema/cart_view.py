"""A cart as shown: its lines priced for the cart's buyer at each line's quantity (tier,
promotions, the order-total volume discount through ``quote_cart``), each line's problem,
the totals and the price token.

Any number of lines costs the same queries: the cart, its lines with their variants and
products, which of them the buyer may see, and one price context (``new_price_book``, the
catalog's book for the buyer: the lines' ``price`` and the quote share it). Availability
loads for all lines in one batch (``CartLine.availability``).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from django.utils import timezone

from backend.accounts.models import Organization
from backend.catalog.models import ProductVariant
from backend.catalog.visibility import visible_variants
from backend.core.errors import DomainValidationError, ErrorDetail
from backend.core.graphql.loaders import remember_rows
from backend.core.viewer import Viewer
from price_rules.engine import CartQuote, Line, PriceRuleError, VolumeStep, quote_cart
from price_rules.schema.viewer_prices import VariantPrice, new_price_book

from ..errors import CheckoutErrorCode as Code
from ..models import Cart, CartLine
from ..services.on_behalf import order_buyer
from ..services.orderable import buyer_viewer
from ..services.pricing import price_token
from ..services.quantities import QuantityRules, quantity_problem
from ..services.quantities import _tidy as tidy
from ..visibility import visible_cart_lines

logger = logging.getLogger(__name__)
ZERO = Decimal(0)


@dataclass
class CartLineView:
    id: int
    variant: ProductVariant | None  # None when the buyer may no longer see it
    variant_id: int
    sku: str
    name: str
    unit: str
    quantity: Decimal
    source: str
    rules: QuantityRules
    price: VariantPrice | None
    unit_net: Decimal | None
    unit_gross: Decimal | None
    total_net: Decimal
    total_gross: Decimal
    problem: ErrorDetail | None


@dataclass
class CartTotalsView:
    subtotal_net: Decimal
    volume_discount_percent: Decimal
    next_volume_step: VolumeStep | None
    total_net: Decimal
    total_vat: Decimal
    total_gross: Decimal


@dataclass
class CartView:
    id: int  # the buyer's: the viewer has one cart per buyer
    buyer: Organization
    cart: Cart | None
    lines: list[CartLineView]
    currency: str
    totals: CartTotalsView
    price_token: str
    can_place: bool
    updated_at: datetime | None

    @property
    def line_count(self) -> int:
        return len(self.lines)


def cart_view(request, user, buyer: Organization) -> CartView:
    """``user``'s cart for ``buyer`` as shown now (an empty one when it has no row)."""
    cart = Cart.objects.filter(user=user, buyer=buyer).first()
    rows = (list(CartLine.objects.filter(cart=cart).select_related("variant__product")
                 .order_by("added_at", "pk")) if cart is not None else [])
    ids = [row.variant_id for row in rows]
    visible = (set(visible_variants(buyer_viewer(user, buyer)).filter(pk__in=ids)
                   .values_list("pk", flat=True)) if ids else set())
    shown = [row for row in rows if row.variant_id in visible]
    # As siblings: the lines' availability and nested variant fields load for all at once.
    remember_rows(request, [row.variant for row in shown])
    book = (new_price_book(request, buyer, [row.variant_id for row in shown],
                           timezone.localdate()) if shown else None)
    quote = _quote(book, shown)
    quoted = {q.line.variant_id: q for q in quote.lines} if quote is not None else {}
    lines = []
    for row in rows:
        variant = row.variant if row.variant_id in visible else None
        q = quoted.get(row.variant_id)
        price = book.price(row.variant_id, row.quantity) if book and variant else None
        rules = QuantityRules.of(row.variant)
        lines.append(CartLineView(
            id=row.pk, variant=variant, variant_id=row.variant_id, sku=row.variant.sku,
            name=row.variant.name or row.variant.product.name, unit=row.variant.unit,
            quantity=tidy(row.quantity), source=row.source, rules=rules, price=price,
            unit_net=q.unit_net if q else None, unit_gross=q.unit_gross if q else None,
            total_net=q.total_net if q else ZERO, total_gross=q.total_gross if q else ZERO,
            problem=_problem(row, variant, rules, q is not None and q.unit_net is not None)))
    return CartView(
        id=buyer.pk, buyer=buyer, cart=cart, lines=lines,
        currency=(quote.currency if quote is not None and quote.currency else buyer.currency),
        totals=_totals(quote), price_token=price_token(quote) if quote is not None else "",
        can_place=bool(lines) and all(line.problem is None for line in lines),
        updated_at=cart.updated_at if cart is not None else None)


def _quote(book, rows: list[CartLine]) -> CartQuote | None:
    if book is None:
        return None
    try:
        return quote_cart(book.context, [Line(row.variant_id, row.quantity) for row in rows])
    except PriceRuleError:
        # Prices in two currencies: refused at write time; if it slipped in, nothing is
        # priced (every line says NO_PRICE) rather than failing the cart.
        logger.exception("A cart could not be priced")
        return None


def _problem(row: CartLine, variant: ProductVariant | None, rules: QuantityRules,
             priced: bool) -> ErrorDetail | None:
    sku = row.variant.sku
    if variant is None:
        return ErrorDetail(Code.NOT_ORDERABLE, f"{sku} can no longer be ordered.",
                           params={"skus": [sku]})
    if not priced:
        return ErrorDetail(Code.NO_PRICE, f"{sku} has no price for the buyer.",
                           params={"skus": [sku]})
    problem = quantity_problem(rules, row.quantity)
    if problem is None:
        return None
    return ErrorDetail(problem.code, problem.message,
                       params={"skus": [sku], "nearest_quantity": problem.nearest})


def _totals(quote: CartQuote | None) -> CartTotalsView:
    if quote is None:
        return CartTotalsView(ZERO, ZERO, None, ZERO, ZERO, ZERO)
    return CartTotalsView(quote.subtotal_net, quote.volume_percent, quote.next_volume_step,
                          quote.total_net, quote.total_gross - quote.total_net,
                          quote.total_gross)


def buyer_or_none(viewer: Viewer, buyer_id: int) -> Organization | None:
    """The buyer ``buyer_id`` if ``viewer`` may order for it."""
    try:
        return order_buyer(viewer, buyer_id)
    except DomainValidationError:
        return None


def line_cart(viewer: Viewer, line_id: int) -> Organization | None:
    """The buyer of the viewer's cart line ``line_id`` (None: not the viewer's, or a buyer
    it may no longer order for)."""
    buyer_id = visible_cart_lines(viewer).filter(pk=line_id).values_list(
        "cart__buyer_id", flat=True).first()
    return None if buyer_id is None else buyer_or_none(viewer, buyer_id)
