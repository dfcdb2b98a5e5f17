"""The viewer's prices of catalog variants: one price context per page, resolved lazily.

Every price is resolved for the viewer's active organization as a buyer from its seller
(its parent). Anonymous visitors, and viewers whose organization buys from nobody (the
manufacturer's staff), have no buyer: no price, and no query. One ``load_price_context``
serves a whole batch (a page's variants); a request reuses a context that already covers
the variants asked, so a page's variant prices and its products' price ranges load it once.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone
from graphql_relay import to_global_id

from .. import engine
from ..buyers import viewer_buyer
from ..models import Promotion
from ..services.context import load_price_context

logger = logging.getLogger(__name__)

HUNDRED = Decimal(100)


def percent(rate: Decimal) -> Decimal:
    """A VAT rate (0.22) as a percentage without trailing zeros (22, 12.5)."""
    value = rate * HUNDRED
    return value.quantize(Decimal(1)) if value == value.to_integral() else value.normalize()


@dataclass(frozen=True, slots=True)
class PriceTier:
    min_quantity: Decimal
    net: Decimal
    gross: Decimal


@dataclass(frozen=True, slots=True)
class AppliedPromotion:
    id: str
    name: str
    kind: str
    value: Decimal
    valid_until: object


@dataclass(frozen=True, slots=True)
class VariantPrice:
    currency: str
    net: Decimal
    gross: Decimal
    vat_rate: Decimal
    prices_include_vat: bool
    list_net: Decimal
    list_gross: Decimal
    min_quantity: Decimal | None
    unit: str | None
    next_tier: PriceTier | None
    promotions: list[AppliedPromotion]


@dataclass(frozen=True, slots=True)
class PriceRange:
    currency: str
    min_net: Decimal
    max_net: Decimal
    min_gross: Decimal
    max_gross: Decimal
    prices_include_vat: bool
    has_promotion: bool


@dataclass
class PriceBook:
    """One buyer's price context for some variants, and the answers asked of it."""

    context: engine.PriceContext
    promotions: dict[int, AppliedPromotion]
    resolver: engine.Resolver = field(init=False)
    _answers: dict[tuple[int, Decimal], engine.ResolvedPrice | None] = field(
        default_factory=dict)

    def __post_init__(self) -> None:
        self.resolver = engine.Resolver(self.context)

    def covers(self, variant_ids: Iterable[int]) -> bool:
        return all(v in self.context.variants for v in variant_ids)

    def resolved(self, variant_id: int, quantity: Decimal) -> engine.ResolvedPrice | None:
        key = (variant_id, quantity)
        if key not in self._answers:
            self._answers[key] = self._resolve(variant_id, quantity)
        return self._answers[key]

    def resolve_lines(self, lines: list[engine.Line]) -> list[engine.ResolvedPrice | None]:
        """The prices of many lines at once (``engine.resolve_many``), remembered."""
        missing = [line for line in lines
                   if (line.variant_id, line.quantity) not in self._answers
                   and line.variant_id in self.context.variants]
        try:
            answers = engine.resolve_many(self.context, missing)
        except engine.PriceRuleError:  # a fallback cycle slipped in: price them one by one
            answers = tuple(self._resolve(line.variant_id, line.quantity) for line in missing)
        for line, answer in zip(missing, answers, strict=True):
            self._answers[(line.variant_id, line.quantity)] = answer
        return [self.resolved(line.variant_id, line.quantity) for line in lines]

    def _resolve(self, variant_id: int, quantity: Decimal) -> engine.ResolvedPrice | None:
        if variant_id not in self.context.variants:
            return None
        try:
            return self.resolver.resolve(variant_id, quantity)
        except engine.PriceRuleError:
            # Refused at write time; if one slipped in, the variant shows no price rather
            # than failing the page.
            logger.exception("A price could not be resolved", extra={"variant": variant_id})
            return None

    def price(self, variant_id: int, quantity: Decimal) -> VariantPrice | None:
        resolved = self.resolved(variant_id, quantity)
        return None if resolved is None else self.shown(resolved)

    def shown(self, resolved: engine.ResolvedPrice) -> VariantPrice:
        listed = engine.net_and_gross(resolved.list_unit_price, resolved.prices_include_vat,
                                      resolved.vat_rate)
        following = resolved.next_tier
        return VariantPrice(
            currency=resolved.currency, net=resolved.unit_net, gross=resolved.unit_gross,
            vat_rate=percent(resolved.vat_rate), prices_include_vat=resolved.prices_include_vat,
            list_net=listed.net, list_gross=listed.gross,
            min_quantity=resolved.tier_min_quantity, unit=resolved.unit,
            next_tier=None if following is None else PriceTier(
                following.min_quantity, following.unit_net, following.unit_gross),
            promotions=[self.promotions[i] for i in resolved.promotion_ids
                        if i in self.promotions])

    def tiers(self, variant_id: int, quantity: Decimal) -> list[PriceTier]:
        """Every tier from ``quantity`` (the minimum order) up, following the next tiers."""
        found: list[PriceTier] = []
        resolved = self.resolved(variant_id, quantity)
        while resolved is not None:
            found.append(PriceTier(resolved.quantity, resolved.unit_net, resolved.unit_gross))
            following = resolved.next_tier
            if following is None or following.min_quantity <= resolved.quantity:
                break
            resolved = self.resolved(variant_id, following.min_quantity)
        return found

    def price_range(self, lines: list[engine.Line]) -> PriceRange | None:
        prices = [p for p in self.resolve_lines(lines) if p is not None]
        if not prices:
            return None
        currency = prices[0].currency
        prices = [p for p in prices if p.currency == currency]
        nets = [p.unit_net for p in prices]
        grosses = [p.unit_gross for p in prices]
        return PriceRange(
            currency=currency, min_net=min(nets), max_net=max(nets), min_gross=min(grosses),
            max_gross=max(grosses), prices_include_vat=prices[0].prices_include_vat,
            has_promotion=any(p.promotion_ids for p in prices))


def _seller_promotions(context: engine.PriceContext) -> dict[int, AppliedPromotion]:
    """The promotions of the buyer's own seller (never those its seller received from
    above: those belong to the upper links), shown by their node ids."""
    if not context.chain:
        return {}
    own = {p.id: p for p in context.chain[0].seller.promotions}
    if not own:
        return {}
    names = dict(Promotion.objects.filter(id__in=list(own)).values_list("id", "name"))
    return {i: AppliedPromotion(id=to_global_id("Promotion", i), name=names.get(i, ""),
                                kind=p.kind.value, value=p.value, valid_until=p.ends)
            for i, p in own.items()}


def price_book(request, variant_ids: list[int]) -> PriceBook | None:
    """The viewer's price book covering ``variant_ids`` (None without a buyer); one per
    request and set of variants, reused when an earlier one covers them."""
    buyer = viewer_buyer(request.viewer)
    if buyer is None:
        return None
    books: list[PriceBook] = request.__dict__.setdefault("_price_books", [])
    for book in books:
        if book.covers(variant_ids):
            return book
    context = load_price_context(buyer, variant_ids, timezone.localdate())
    book = PriceBook(context, _seller_promotions(context))
    books.append(book)
    return book
