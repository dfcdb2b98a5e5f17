"""Resolution: the unit price one buyer pays for a variant, a quantity, on a day.

At each link of the seller chain the price comes from the seller's lists for this buyer
(``choice.list_sequence``); if none prices the variant and the seller chose a markup, from
the markup over the seller's own resolved purchase price (the next link up). Then the
seller's promotions for this buyer apply (``promotions.best_promoted``), then the minimum
resale price raises anything below it (``floors``). Nothing about an upper link leaks into
the result: a markup price names no purchase list and no purchase price.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from itertools import pairwise

from .amounts import net_gross_pair, refuse_float
from .choice import list_sequence
from .errors import PriceErrorCode, PriceRuleError, Problem
from .promotions import PromotionPlan, applicable_promotions, promotion_plan
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


class _Rung:
    """A price that holds at one link over a range of quantities (from a tier's minimum
    quantity to the next one that could change it), computed once for all the quantities
    of that range. ``next_quantity`` is where the answer could change next (the smallest
    minimum quantity above the range among the lists consulted, or the purchase price's
    next tier); ``next_tier`` its price, filled in when first asked."""

    __slots__ = (
        "currency",
        "floor_applied",
        "gross",
        "includes_vat",
        "list_amount",
        "list_id",
        "net",
        "next_known",
        "next_quantity",
        "next_tier",
        "promotion_ids",
        "tier",
    )

    def __init__(self, currency: str, net: Decimal, gross: Decimal, includes_vat: bool,
                 list_amount: Decimal, list_id: int | None, tier: Tier | None,
                 promotion_ids: tuple[int, ...], floor_applied: bool,
                 next_quantity: Decimal | None) -> None:
        self.currency = currency
        self.net = net
        self.gross = gross
        self.includes_vat = includes_vat
        self.list_amount = list_amount
        self.list_id = list_id
        self.tier = tier
        self.promotion_ids = promotion_ids
        self.floor_applied = floor_applied
        self.next_quantity = next_quantity
        self.next_tier: NextTier | None = None
        self.next_known = False


class _Ladder:
    """One variant at one link: the seller's lists that have it (in the sequence's order,
    tiers ascending), the minimum quantities where its price may change (``starts``), and
    the rungs found so far. From ``starts[k - 1]`` up to ``starts[k]`` the price is rung
    ``k``; below ``starts[0]`` no list prices the variant, so the price is the markup's over
    the purchase price, one rung per rung of the link above (``by_purchase``)."""

    __slots__ = ("asked", "by_purchase", "floor", "lists", "plans", "promotions", "rungs",
                 "starts", "variant")

    def __init__(self, variant: Variant, lists: list[tuple[PriceList, tuple[Tier, ...]]],
                 promotions: tuple[Promotion, ...], floor: Decimal | None) -> None:
        self.variant = variant
        self.lists = lists
        self.starts = sorted({t.min_quantity for _, tiers in lists for t in tiers})
        self.rungs: list[_Rung | None] = [None] * len(self.starts)
        self.by_purchase: dict[_Rung, _Rung | None] = {}
        # The rung of each quantity asked so far (a page asks each tier's quantity a few
        # times: for the price, the tiers, the next tier, the purchase price below).
        self.asked: dict[Decimal, _Rung | None] = {}
        self.promotions = promotions
        self.plans: dict[str, PromotionPlan] = {}  # by currency
        self.floor = floor


class Resolver:
    """Resolves many lines against one context; the list order and the promotions per
    link are computed once, so a page or a cart costs little more than one line.

    One pass per variant and link: the variant's tiers in the lists of the sequence give
    the quantities where its price may change, and the price between two of them (a
    "rung": list choice, fallbacks, markup over the purchase price, promotions, VAT and
    floor) is computed once, whatever quantity of that range is asked, and whatever asks
    (``resolve`` at any quantity, ``tiers``, the next tier of another answer). The
    promotions of a link are indexed by what they target, so a variant finds its own
    instead of testing every one."""

    def __init__(self, context: PriceContext) -> None:
        self.context = context
        self._sequences: dict[int, tuple[PriceList, ...]] = {}
        self._promotions: dict[int, tuple[Promotion, ...]] = {}
        self._targeting: dict[int, _PromotionIndex] = {}
        self._ladders: list[dict[int, _Ladder]] = [{} for _ in context.chain]
        self._floors: dict[int, Decimal | None] = {}

    def resolve(self, variant_id: int, quantity: Decimal) -> ResolvedPrice | None:
        """None when no list and no markup of the buyer's seller prices the variant, or
        when the buyer buys from nobody (the manufacturer: an empty chain)."""
        refuse_float(quantity, "quantity")
        if quantity <= 0:
            raise PriceRuleError([Problem(PriceErrorCode.NON_POSITIVE_QUANTITY,
                                          "A quantity must be above zero.")])
        if not self.context.chain:
            return None
        variant = self.context.variants[variant_id]
        rung = self._rung(0, variant, quantity)
        return None if rung is None else self._answer(variant, quantity, rung)

    def tiers(self, variant_id: int, quantity: Decimal) -> tuple[ResolvedPrice, ...]:
        """The price at ``quantity``, then at each next tier up (each ``resolve`` at that
        tier's minimum quantity); empty when the variant has no price."""
        found: list[ResolvedPrice] = []
        resolved = self.resolve(variant_id, quantity)
        while resolved is not None:
            found.append(resolved)
            following = resolved.next_tier
            if following is None or following.min_quantity <= resolved.quantity:
                break
            resolved = self.resolve(variant_id, following.min_quantity)
        return tuple(found)

    def price_tiers(self, variant_id: int, quantity: Decimal) -> tuple[NextTier, ...]:
        """``tiers`` as (min_quantity, unit_net, unit_gross) only: the quantity asked,
        then each next tier. Cheaper: each next tier is the object its rung already
        holds, and no ``ResolvedPrice`` is made (a catalog page lists thousands)."""
        refuse_float(quantity, "quantity")
        if quantity <= 0:
            raise PriceRuleError([Problem(PriceErrorCode.NON_POSITIVE_QUANTITY,
                                          "A quantity must be above zero.")])
        if not self.context.chain:
            return ()
        variant = self.context.variants[variant_id]
        rung = self._rung(0, variant, quantity)
        if rung is None:
            return ()
        found = [NextTier(quantity, rung.net, rung.gross)]
        while True:
            following = self._next_tier(0, variant, rung)
            if following is None or following.min_quantity <= quantity:
                return tuple(found)
            found.append(following)
            quantity = following.min_quantity
            rung = self._rung(0, variant, quantity)
            if rung is None:  # not reached: a next tier is priced
                return tuple(found)

    def _answer(self, variant: Variant, quantity: Decimal, rung: _Rung) -> ResolvedPrice:
        tier = rung.tier
        return ResolvedPrice(
            variant_id=variant.id, quantity=quantity, currency=rung.currency,
            unit_net=rung.net, unit_gross=rung.gross, vat_rate=self.context.vat_rate,
            prices_include_vat=rung.includes_vat, list_unit_price=rung.list_amount,
            list_id=rung.list_id, tier_min_quantity=None if tier is None else tier.min_quantity,
            unit=None if tier is None else tier.unit, by_markup=rung.list_id is None,
            promotion_ids=rung.promotion_ids, floor_applied=rung.floor_applied,
            next_tier=self._next_tier(0, variant, rung))

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
        by_target = self._targeting.get(index)
        if by_target is None:
            by_target = self._targeting[index] = _PromotionIndex(self._link_promotions(index))
        return by_target.targeting(variant)

    def _ladder(self, index: int, variant: Variant) -> _Ladder:
        lists = []
        for price_list in self._sequence(index):
            tiers = price_list.entries.get(variant.id)
            if tiers:
                lists.append((price_list, tiers if _ascending(tiers)
                              else tuple(sorted(tiers, key=_minimum))))
        context = self.context
        floor = None
        if context.floors.binds(context.chain[index].seller.organization_id):
            if variant.id not in self._floors:
                self._floors[variant.id] = context.floors.floor_for(variant)
            floor = self._floors[variant.id]
        ladder = self._ladders[index][variant.id] = _Ladder(
            variant, lists, self._targeted(index, variant), floor)
        return ladder

    def _rung(self, index: int, variant: Variant, quantity: Decimal) -> _Rung | None:
        """The price at ``quantity`` at link ``index`` (None: not priced)."""
        ladder = self._ladders[index].get(variant.id) or self._ladder(index, variant)
        asked = ladder.asked
        if quantity in asked:
            return asked[quantity]
        step = bisect_right(ladder.starts, quantity)
        if step:
            rung = ladder.rungs[step - 1]
            if rung is None:
                rung = ladder.rungs[step - 1] = self._listed(index, ladder,
                                                             ladder.starts[step - 1])
        else:
            rung = self._by_markup(index, ladder, quantity)
        asked[quantity] = rung
        return rung

    def _listed(self, index: int, ladder: _Ladder, quantity: Decimal) -> _Rung:
        """The rung from ``quantity`` (one of ``ladder.starts``, so some list prices it):
        the first list with a tier not above it; the next quantity is the smallest minimum
        above it among the lists looked at."""
        following: Decimal | None = None
        for price_list, tiers in ladder.lists:
            chosen: Tier | None = None
            for tier in tiers:
                if tier.min_quantity <= quantity:
                    if chosen is None or tier.min_quantity > chosen.min_quantity:
                        chosen = tier
                else:
                    if following is None or tier.min_quantity < following:
                        following = tier.min_quantity
                    break
            if chosen is not None:
                return self._finished(index, ladder, chosen.price, price_list.currency,
                                      price_list.prices_include_vat, price_list.id, chosen,
                                      following)
        raise AssertionError("a ladder's start is some list's tier")

    def _by_markup(self, index: int, ladder: _Ladder, quantity: Decimal) -> _Rung | None:
        """Below every list's first tier: the seller's markup over its own purchase price
        at ``quantity`` (the link above), one rung per rung of the purchase price."""
        context = self.context
        link = context.chain[index]
        markup = link.seller.markup
        if markup is None or index + 1 >= len(context.chain):
            return None
        purchase = self._rung(index + 1, ladder.variant, quantity)
        if purchase is None or purchase.currency != link.buyer.currency:
            return None
        if purchase in ladder.by_purchase:
            return ladder.by_purchase[purchase]
        following = ladder.starts[0] if ladder.starts else None
        purchase_next = self._next_tier(index + 1, ladder.variant, purchase)
        if purchase_next is not None and (following is None
                                          or purchase_next.min_quantity < following):
            following = purchase_next.min_quantity
        rung = ladder.by_purchase[purchase] = self._finished(
            index, ladder, markup.apply(purchase.net), purchase.currency, False, None, None,
            following)
        return rung

    def _finished(self, index: int, ladder: _Ladder, amount: Decimal, currency: str,
                  includes_vat: bool, list_id: int | None, tier: Tier | None,
                  following: Decimal | None) -> _Rung:
        """A price before promotions with the link's promotions, VAT and floor applied."""
        vat_rate = self.context.vat_rate
        promotion_ids: tuple[int, ...] = ()
        price = amount
        if ladder.promotions:
            plan = ladder.plans.get(currency)
            if plan is None:
                plan = ladder.plans[currency] = promotion_plan(ladder.promotions, currency)
            promoted = plan.apply(amount)
            price = promoted.price
            promotion_ids = tuple(p.id for p in promoted.promotions)
        net, gross = net_gross_pair(price, includes_vat, vat_rate)
        floor = ladder.floor
        floor_applied = (floor is not None and self.context.floors.currency == currency
                         and net < floor)
        if floor is not None and floor_applied:
            net, gross = net_gross_pair(floor, False, vat_rate)
        return _Rung(currency, net, gross, includes_vat, amount, list_id, tier, promotion_ids,
                     floor_applied, following)

    def _next_tier(self, index: int, variant: Variant, rung: _Rung) -> NextTier | None:
        """The price from the rung's next quantity on (None when nothing prices it)."""
        if not rung.next_known:
            rung.next_known = True
            if rung.next_quantity is not None:
                following = self._rung(index, variant, rung.next_quantity)
                if following is not None:
                    rung.next_tier = NextTier(rung.next_quantity, following.net,
                                              following.gross)
        return rung.next_tier


def _minimum(tier: Tier) -> Decimal:
    return tier.min_quantity


def _ascending(tiers: tuple[Tier, ...]) -> bool:
    return all(a.min_quantity < b.min_quantity for a, b in pairwise(tiers))


class _PromotionIndex:
    """Promotions by the variants, products and categories they name."""

    def __init__(self, promotions: Iterable[Promotion]) -> None:
        self._variants: dict[int, list[Promotion]] = {}
        self._products: dict[int, list[Promotion]] = {}
        self._categories: dict[int, list[Promotion]] = {}
        self._shared: dict[tuple[int, tuple[int, ...]], tuple[Promotion, ...]] = {}
        for promotion in promotions:
            for targets, ids in ((self._variants, promotion.variant_ids),
                                 (self._products, promotion.product_ids),
                                 (self._categories, promotion.category_ids)):
                for target in ids:
                    targets.setdefault(target, []).append(promotion)

    def targeting(self, variant: Variant) -> tuple[Promotion, ...]:
        # The product's and categories' part is the same for every variant of a product.
        key = (variant.product_id, variant.category_path)
        shared = self._shared.get(key)
        if shared is None:
            found = {p.id: p for p in self._products.get(variant.product_id, ())}
            for category_id in variant.category_path:
                found.update((p.id, p) for p in self._categories.get(category_id, ()))
            shared = self._shared[key] = tuple(found[i] for i in sorted(found))
        own = self._variants.get(variant.id)
        if not own:
            return shared
        every = {p.id: p for p in shared}
        every.update((p.id, p) for p in own)
        return tuple(every[i] for i in sorted(every))


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
