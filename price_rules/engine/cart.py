"""A cart's prices: every line resolved, then the seller's order-total volume discount.

The volume step is chosen by the cart's net total after promotions ("from 300 000: 3%");
when several volume discounts reach the buyer, the largest percentage wins. The percentage
comes off every line's unit price, which the minimum resale price still bounds (a dealer's
volume discount cannot take a unit below MAP either). Lines without a price stay in the
quote, unpriced, and count for nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from .amounts import HUNDRED, ZERO, net_and_gross, round_half_up
from .errors import PriceErrorCode, PriceRuleError, Problem
from .resolve import Line, ResolvedPrice, Resolver
from .types import PriceContext, VolumeDiscount, VolumeStep


@dataclass(frozen=True, slots=True)
class QuotedLine:
    line: Line
    price: ResolvedPrice | None
    unit_net: Decimal | None
    unit_gross: Decimal | None
    total_net: Decimal
    total_gross: Decimal


@dataclass(frozen=True, slots=True)
class CartQuote:
    lines: tuple[QuotedLine, ...]
    currency: str
    subtotal_net: Decimal
    volume_discount_id: int | None
    volume_percent: Decimal
    next_volume_step: VolumeStep | None
    total_net: Decimal
    total_gross: Decimal


def quote_cart(context: PriceContext, lines: Iterable[Line]) -> CartQuote:
    resolver = Resolver(context)
    cart = tuple(lines)
    prices = tuple(resolver.resolve(line.variant_id, line.quantity) for line in cart)
    if not context.chain:  # the manufacturer buys from nobody: nothing is priced
        return CartQuote(tuple(QuotedLine(line, None, None, None, ZERO, ZERO) for line in cart),
                         "", ZERO, None, ZERO, None, ZERO, ZERO)
    buyer = context.chain[0].buyer
    currencies = {p.currency for p in prices if p is not None}
    if len(currencies) > 1:
        raise PriceRuleError([Problem(PriceErrorCode.CURRENCY_MISMATCH,
                                      f"A cart's prices are in {', '.join(sorted(currencies))}.")])
    currency = currencies.pop() if currencies else buyer.currency
    subtotal = sum((round_half_up(p.unit_net * line.quantity)
                    for line, p in zip(cart, prices, strict=True) if p is not None), ZERO)
    seller = context.chain[0].seller
    offers = [d for d in seller.volume_discounts
              if d.owner_id == seller.organization_id and d.currency == currency
              and d.runs_on(context.on_date) and d.reaches(buyer)]
    chosen, step, following = _volume_step(offers, subtotal)
    percent = step.percent if step is not None else ZERO
    floors = context.floors
    binds = floors.binds(seller.organization_id) and floors.currency == currency
    quoted: list[QuotedLine] = []
    for line, price in zip(cart, prices, strict=True):
        if price is None:
            quoted.append(QuotedLine(line, None, None, None, ZERO, ZERO))
            continue
        unit_net = price.unit_net
        if percent:
            unit_net = round_half_up(unit_net * (1 - percent / HUNDRED))
            floor = floors.floor_for(context.variants[line.variant_id]) if binds else None
            if floor is not None and unit_net < floor:
                unit_net = floor
        unit = net_and_gross(unit_net, False, context.vat_rate) if percent else None
        unit_gross = unit.gross if unit is not None else price.unit_gross
        quoted.append(QuotedLine(line, price, unit_net, unit_gross,
                                 round_half_up(unit_net * line.quantity),
                                 round_half_up(unit_gross * line.quantity)))
    return CartQuote(
        lines=tuple(quoted), currency=currency, subtotal_net=subtotal,
        volume_discount_id=chosen.id if chosen is not None and step is not None else None,
        volume_percent=percent, next_volume_step=following,
        total_net=sum((q.total_net for q in quoted), ZERO),
        total_gross=sum((q.total_gross for q in quoted), ZERO))


def _volume_step(offers: Iterable[VolumeDiscount], subtotal: Decimal
                 ) -> tuple[VolumeDiscount | None, VolumeStep | None, VolumeStep | None]:
    """The best reached step (largest percentage; then lower discount id), and the
    nearest step not yet reached that would give more ("spend 20 000 more for 5%")."""
    best: tuple[VolumeDiscount, VolumeStep] | None = None
    following: VolumeStep | None = None
    for offer in sorted(offers, key=lambda d: d.id):
        for step in offer.steps:
            if step.threshold <= subtotal and (best is None
                                               or step.percent > best[1].percent):
                best = (offer, step)
    reached = best[1].percent if best is not None else ZERO
    for offer in sorted(offers, key=lambda d: d.id):
        for step in offer.steps:
            if step.threshold > subtotal and step.percent > reached and (
                    following is None or step.threshold < following.threshold):
                following = step
    return (best[0], best[1], following) if best is not None else (None, None, following)
