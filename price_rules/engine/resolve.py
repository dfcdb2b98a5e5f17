"""Resolution: the unit price one buyer pays for a variant, a quantity, on a day.

At each link of the seller chain the price comes from the seller's lists for this buyer
(``choice.list_sequence``); if none prices the variant and the seller chose a markup, from
the markup over the seller's own resolved purchase price (the next link up). Then the
seller's promotions for this buyer apply (``promotions.best_promoted``), then the minimum
resale price raises anything below it (``floors``). Nothing about an upper link leaks into
the result: a markup price names no purchase list and no purchase price.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from .amounts import net_and_gross, refuse_float
from .choice import list_sequence
from .errors import PriceErrorCode, PriceRuleError, Problem
from .promotions import applicable_promotions, best_promoted
from .types import PriceContext, PriceList, Promotion, Tier, Variant


@dataclass(frozen=True, slots=True)
class Line:
    variant_id: int
    quantity: Decimal

    def __post_init__(self) -> None:
        refuse_float(self.quantity, "quantity")


@dataclass(frozen=True, slots=True)
class NextTier:
    """From ``min_quantity`` on, the unit costs this (the full resolution at that
    quantity: "from 50 pcs: 412.00")."""

    min_quantity: Decimal
    unit_net: Decimal
    unit_gross: Decimal


@dataclass(frozen=True, slots=True)
class ResolvedPrice:
    """The unit price of ``variant_id`` at ``quantity`` for the context's buyer.

    ``list_id`` and ``tier_min_quantity`` name the list and tier used, or are None when the
    seller priced the variant by its markup (``by_markup``). ``list_unit_price`` is the
    price before promotions (net, or gross when ``prices_include_vat``), for a struck-out
    price. ``floor_applied``: the price was raised to the minimum resale price."""

    variant_id: int
    quantity: Decimal
    currency: str
    unit_net: Decimal
    unit_gross: Decimal
    vat_rate: Decimal
    prices_include_vat: bool
    list_unit_price: Decimal
    list_id: int | None
    tier_min_quantity: Decimal | None
    unit: str | None
    by_markup: bool
    promotion_ids: tuple[int, ...]
    floor_applied: bool
    next_tier: NextTier | None


@dataclass(frozen=True, slots=True)
class _Base:
    """A price before promotions, where it came from, and the quantities at which the
    answer could change (the next tiers)."""

    amount: Decimal
    currency: str
    includes_vat: bool
    list_id: int | None
    tier: Tier | None
    thresholds: tuple[Decimal, ...]


class Resolver:
    """Resolves many lines against one context; the list order and the promotions per
    link are computed once, so a page or a cart costs little more than one line.

    Answers are remembered per (link, variant, quantity): a catalog page asks for every
    tier of every variant, and each answer needs the next tier's, and each markup price the
    purchase price's at the same quantities (a page of 500 variants made ~5,500
    resolutions, three in four of them repeated). The promotions of a link are indexed by
    what they target, so a variant finds its own instead of testing every one."""

    def __init__(self, context: PriceContext) -> None:
        self.context = context
        self._sequences: dict[int, tuple[PriceList, ...]] = {}
        self._promotions: dict[int, tuple[Promotion, ...]] = {}
        self._targeting: dict[int, _PromotionIndex] = {}
        self._targeted_by_variant: dict[tuple[int, int], tuple[Promotion, ...]] = {}
        self._answers: dict[tuple[int, int, str, bool], ResolvedPrice | None] = {}
        self._thresholds: dict[tuple[int, int, str], tuple[Decimal, ...]] = {}

    def resolve(self, variant_id: int, quantity: Decimal) -> ResolvedPrice | None:
        """None when no list and no markup of the buyer's seller prices the variant, or
        when the buyer buys from nobody (the manufacturer: an empty chain)."""
        refuse_float(quantity, "quantity")
        if quantity <= 0:
            raise PriceRuleError([Problem(PriceErrorCode.NON_POSITIVE_QUANTITY,
                                          "A quantity must be above zero.")])
        if not self.context.chain:
            return None
        return self._resolve(0, self.context.variants[variant_id], quantity, True)

    def _sequence(self, index: int) -> tuple[PriceList, ...]:
        if index not in self._sequences:
            link = self.context.chain[index]
            self._sequences[index] = list_sequence(link.seller, link.buyer,
                                                   self.context.on_date)
        return self._sequences[index]

    def _link_promotions(self, index: int) -> tuple[Promotion, ...]:
        if index not in self._promotions:
            link = self.context.chain[index]
            self._promotions[index] = applicable_promotions(
                link.seller.promotions, link.seller.organization_id, link.buyer,
                self.context.on_date)
        return self._promotions[index]

    def _targeted(self, index: int, variant: Variant) -> tuple[Promotion, ...]:
        """The link's promotions for the buyer that target ``variant``."""
        key = (index, variant.id)
        found = self._targeted_by_variant.get(key)
        if found is None:
            by_target = self._targeting.get(index)
            if by_target is None:
                by_target = self._targeting[index] = _PromotionIndex(
                    self._link_promotions(index))
            found = self._targeted_by_variant[key] = by_target.targeting(variant)
        return found

    def _resolve(self, index: int, variant: Variant, quantity: Decimal,
                 with_next: bool) -> ResolvedPrice | None:
        # str(quantity): 10 and 10.000 are equal, but the answer carries the quantity asked.
        key = (index, variant.id, str(quantity), with_next)
        if key not in self._answers:
            if with_next:
                alone = self._resolve(index, variant, quantity, False)
                self._answers[key] = alone and self._with_next(index, variant, alone)
            else:
                self._answers[key] = self._resolve_once(index, variant, quantity)
        return self._answers[key]

    def _with_next(self, index: int, variant: Variant,
                   alone: ResolvedPrice) -> ResolvedPrice:
        thresholds = self._thresholds[(index, variant.id, str(alone.quantity))]
        if not thresholds:
            return alone
        following = self._resolve(index, variant, thresholds[0], False)
        if following is None:
            return alone
        # Spelled out: dataclasses.replace introspects the fields on every call (a tenth of
        # a priced catalog page's time).
        return ResolvedPrice(
            variant_id=alone.variant_id, quantity=alone.quantity, currency=alone.currency,
            unit_net=alone.unit_net, unit_gross=alone.unit_gross, vat_rate=alone.vat_rate,
            prices_include_vat=alone.prices_include_vat,
            list_unit_price=alone.list_unit_price, list_id=alone.list_id,
            tier_min_quantity=alone.tier_min_quantity, unit=alone.unit,
            by_markup=alone.by_markup, promotion_ids=alone.promotion_ids,
            floor_applied=alone.floor_applied,
            next_tier=NextTier(thresholds[0], following.unit_net, following.unit_gross))

    def _resolve_once(self, index: int, variant: Variant,
                      quantity: Decimal) -> ResolvedPrice | None:
        """The price at ``quantity`` without its next tier (whose quantities, the answer's
        thresholds, are kept for ``_with_next``)."""
        base = self._base(index, variant, quantity)
        if base is None:
            return None
        self._thresholds[(index, variant.id, str(quantity))] = base.thresholds
        context = self.context
        seller_id = context.chain[index].seller.organization_id
        promoted = best_promoted(base.amount, base.currency, self._targeted(index, variant))
        price = net_and_gross(promoted.price, base.includes_vat, context.vat_rate)
        floor = (context.floors.floor_for(variant)
                 if context.floors.binds(seller_id)
                 and context.floors.currency == base.currency else None)
        floor_applied = floor is not None and price.net < floor
        if floor is not None and floor_applied:
            price = net_and_gross(floor, False, context.vat_rate)
        return ResolvedPrice(
            variant_id=variant.id, quantity=quantity, currency=base.currency,
            unit_net=price.net, unit_gross=price.gross, vat_rate=context.vat_rate,
            prices_include_vat=base.includes_vat, list_unit_price=base.amount,
            list_id=base.list_id,
            tier_min_quantity=base.tier.min_quantity if base.tier else None,
            unit=base.tier.unit if base.tier else None, by_markup=base.list_id is None,
            promotion_ids=tuple(p.id for p in promoted.promotions),
            floor_applied=floor_applied, next_tier=None)

    def _base(self, index: int, variant: Variant, quantity: Decimal) -> _Base | None:
        above: set[Decimal] = set()
        for price_list in self._sequence(index):
            tiers = price_list.entries.get(variant.id, ())
            above.update(t.min_quantity for t in tiers if t.min_quantity > quantity)
            tier = choose_tier(tiers, quantity)
            if tier is not None:
                return _Base(tier.price, price_list.currency, price_list.prices_include_vat,
                             price_list.id, tier, tuple(sorted(above)))
        link = self.context.chain[index]
        markup = link.seller.markup
        if markup is None or index + 1 >= len(self.context.chain):
            return None
        purchase = self._resolve(index + 1, variant, quantity, True)
        if purchase is None or purchase.currency != link.buyer.currency:
            return None
        if purchase.next_tier is not None:
            above.add(purchase.next_tier.min_quantity)
        return _Base(markup.apply(purchase.unit_net), purchase.currency, False, None, None,
                     tuple(sorted(above)))


class _PromotionIndex:
    """Promotions by the variants, products and categories they name."""

    def __init__(self, promotions: Iterable[Promotion]) -> None:
        self._variants: dict[int, list[Promotion]] = {}
        self._products: dict[int, list[Promotion]] = {}
        self._categories: dict[int, list[Promotion]] = {}
        for promotion in promotions:
            for targets, ids in ((self._variants, promotion.variant_ids),
                                 (self._products, promotion.product_ids),
                                 (self._categories, promotion.category_ids)):
                for target in ids:
                    targets.setdefault(target, []).append(promotion)

    def targeting(self, variant: Variant) -> tuple[Promotion, ...]:
        found = {p.id: p for p in self._variants.get(variant.id, ())}
        found.update((p.id, p) for p in self._products.get(variant.product_id, ()))
        for category_id in variant.category_path:
            found.update((p.id, p) for p in self._categories.get(category_id, ()))
        return tuple(found[i] for i in sorted(found))


def choose_tier(tiers: Iterable[Tier], quantity: Decimal) -> Tier | None:
    """The tier with the largest minimum quantity not above ``quantity``."""
    best: Tier | None = None
    for tier in tiers:
        if tier.min_quantity <= quantity and (best is None
                                              or tier.min_quantity > best.min_quantity):
            best = tier
    return best


def resolve(context: PriceContext, variant_id: int,
            quantity: Decimal) -> ResolvedPrice | None:
    """The price of one variant at ``quantity`` for the context's buyer on its day."""
    return Resolver(context).resolve(variant_id, quantity)


def resolve_many(context: PriceContext,
                 lines: Iterable[Line]) -> tuple[ResolvedPrice | None, ...]:
    """``resolve`` for each line (a catalog page, a cart), in the lines' order."""
    resolver = Resolver(context)
    return tuple(resolver.resolve(line.variant_id, line.quantity) for line in lines)
