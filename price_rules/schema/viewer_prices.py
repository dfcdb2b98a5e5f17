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
from datetime import date
from decimal import Decimal

from django.utils import timezone
from graphql_relay import to_global_id

from backend.accounts.models import Organization
from backend.core.graphql.builders import answers_kept
from backend.core.graphql.loaders import DataLoader

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


# The answer's objects are plain slotted dataclasses, not frozen ones: a frozen dataclass sets
# each field through object.__setattr__, and a catalog page makes thousands of them. They are
# never changed once built (kept between requests by ``kept_prices``), so the execution keeps
# each one's built answer on it (``answers_kept``: ``built_answers``, not a price's field).
@answers_kept
@dataclass(slots=True)
class PriceTier:
    min_quantity: Decimal
    net: Decimal
    gross: Decimal
    built_answers: dict | None = field(default=None, repr=False, compare=False)


@answers_kept
class PriceTiers(list):
    """A variant's tiers as a page shows them (a list, never changed once built)."""

    __slots__ = ("built_answers",)

    def __init__(self, tiers=()) -> None:
        super().__init__(tiers)
        self.built_answers: dict | None = None


@answers_kept
@dataclass(slots=True)
class AppliedPromotion:
    id: str
    name: str
    kind: str
    value: Decimal
    valid_until: object
    built_answers: dict | None = field(default=None, repr=False, compare=False)


@answers_kept
@dataclass(slots=True)
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
    built_answers: dict | None = field(default=None, repr=False, compare=False)


@answers_kept
class PriceWalk(list):
    """A variant's ``[price, tiers]`` at ``quantity``, from one walk of its tiers (a list,
    never changed once built): the execution keeps the answers it built of both on it
    (``field_groups``: a catalog page reads a variant's two price fields together)."""

    __slots__ = ("built_answers", "quantity")

    def __init__(self, quantity: Decimal, price: VariantPrice | None,
                 tiers: list[PriceTier]) -> None:
        super().__init__((price, tiers))
        self.quantity = quantity
        self.built_answers: dict | None = None


@dataclass(slots=True)
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
    """One buyer's price context for some variants, and the answers asked of it.

    A variant's price at its minimum order and its tiers come from one walk
    (``Resolver.tiers``), shown once: the price's next tier is the second tier's object."""

    context: engine.PriceContext
    promotions: dict[int, AppliedPromotion]
    resolver: engine.Resolver = field(init=False)
    _answers: dict[tuple[int, Decimal], engine.ResolvedPrice | None] = field(
        default_factory=dict)
    _shown: dict[tuple[int, Decimal], PriceWalk] = field(default_factory=dict)
    _vat_percent: Decimal = field(init=False)

    def __post_init__(self) -> None:
        self.resolver = engine.Resolver(self.context)
        self._vat_percent = percent(self.context.vat_rate)

    def covers(self, variant_ids: Iterable[int]) -> bool:
        return all(v in self.context.variants for v in variant_ids)

    def resolved(self, variant_id: int, quantity: Decimal) -> engine.ResolvedPrice | None:
        key = (variant_id, quantity)
        if key not in self._answers:
            self._answers[key] = self._resolve(variant_id, quantity)
        return self._answers[key]

    def resolve_lines(self, lines: list[engine.Line]) -> list[engine.ResolvedPrice | None]:
        """The prices of many lines at once, remembered."""
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
        return self.walk(variant_id, quantity)[0]

    def shown(self, resolved: engine.ResolvedPrice,
              next_tier: PriceTier | None = None) -> VariantPrice:
        if resolved.list_unit_price == resolved.unit_net and not resolved.prices_include_vat:
            list_net, list_gross = resolved.unit_net, resolved.unit_gross
        else:
            listed = engine.net_and_gross(resolved.list_unit_price,
                                          resolved.prices_include_vat, resolved.vat_rate)
            list_net, list_gross = listed.net, listed.gross
        following = resolved.next_tier
        if next_tier is None and following is not None:
            next_tier = PriceTier(following.min_quantity, following.unit_net,
                                  following.unit_gross)
        return VariantPrice(
            resolved.currency, resolved.unit_net, resolved.unit_gross,
            self._vat_percent if resolved.vat_rate == self.context.vat_rate
            else percent(resolved.vat_rate), resolved.prices_include_vat, list_net,
            list_gross, resolved.tier_min_quantity, resolved.unit,
            None if following is None else next_tier,
            [self.promotions[i] for i in resolved.promotion_ids if i in self.promotions]
            if resolved.promotion_ids else [])

    def tiers(self, variant_id: int, quantity: Decimal) -> list[PriceTier]:
        """Every tier from ``quantity`` (the minimum order) up, following the next tiers."""
        return self.walk(variant_id, quantity)[1]

    def walk(self, variant_id: int, quantity: Decimal) -> PriceWalk:
        """The price at ``quantity`` and the tiers from there, from one walk of the
        variant's tiers, remembered (a page asks ``price`` and ``priceTiers`` of each)."""
        key = (variant_id, quantity)
        known = self._shown.get(key)
        if known is None:
            resolved: engine.ResolvedPrice | None = None
            walked: tuple[engine.NextTier, ...] = ()
            try:
                if variant_id in self.context.variants:
                    resolved = self.resolver.resolve(variant_id, quantity)
                    if resolved is not None:
                        walked = self.resolver.price_tiers(variant_id, quantity)
            except engine.PriceRuleError:
                logger.exception("A price could not be resolved",
                                 extra={"variant": variant_id})
                resolved, walked = None, ()
            tiers = PriceTiers(PriceTier(t.min_quantity, t.unit_net, t.unit_gross)
                               for t in walked)
            price = (None if resolved is None else
                     self.shown(resolved, tiers[1] if len(tiers) > 1 else None))
            known = self._shown[key] = PriceWalk(quantity, price, tiers)
        return known

def price_range(prices: Iterable[VariantPrice | None]) -> PriceRange | None:
    """The range of a product's prices (each variant's at its minimum order); the
    currency is the first price's, prices in another are left out."""
    found = [p for p in prices if p is not None]
    if not found:
        return None
    currency = found[0].currency
    found = [p for p in found if p.currency == currency]
    nets = [p.net for p in found]
    grosses = [p.gross for p in found]
    return PriceRange(
        currency=currency, min_net=min(nets), max_net=max(nets), min_gross=min(grosses),
        max_gross=max(grosses), prices_include_vat=found[0].prices_include_vat,
        # A price's promotions are its seller's own, the only ones resolution applies at
        # the buyer's link.
        has_promotion=any(p.promotions for p in found))


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


class _PriceBooks(DataLoader):
    """The request's price books, kept with its loaders and released with them when the
    request is answered. Kept on the request itself, a page's books (some 20,000 objects)
    waited in the request's reference cycles for the garbage collector, which then walked
    them: ~20 ms of every priced page went to collecting them."""

    books: list[PriceBook]

    def __init__(self, context) -> None:
        if not getattr(self, "_initialised", False):
            self.books = []
        super().__init__(context)

    def batch_load(self, keys):
        raise NotImplementedError("holds the price books; loads nothing")

    def release(self) -> None:
        super().release()
        self.books = []


def price_book(request, variant_ids: list[int]) -> PriceBook | None:
    """The viewer's price book covering ``variant_ids`` (None without a buyer); one per
    request and set of variants, reused when an earlier one covers them."""
    buyer = viewer_buyer(request.viewer)
    if buyer is None:
        return None
    for book in _PriceBooks(request).books:
        if book.covers(variant_ids):
            return book
    return new_price_book(request, buyer, variant_ids, timezone.localdate())


def new_price_book(request, buyer: Organization, variant_ids: list[int],
                   on_date: date) -> PriceBook:
    """A price book loaded now (never one loaded earlier in the request), released with the
    request's loaders."""
    context = load_price_context(buyer, variant_ids, on_date)
    book = PriceBook(context, _seller_promotions(context))
    _PriceBooks(request).books.append(book)
    return book
