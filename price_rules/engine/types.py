"""The engine's inputs: plain frozen dataclasses that the services build from rows.

Ids are the database ids; nothing here is a model. Quantities and amounts are ``Decimal``
(variants are sold by the metre and the litre too); floats are refused.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import IntEnum, StrEnum

from .amounts import HUNDRED, PriceFormula, refuse_float, round_half_up


@dataclass(frozen=True, slots=True)
class Tier:
    """From ``min_quantity`` on, one unit costs ``price`` (in the list's currency, net or
    gross as the list says); ``unit`` is the unit of sale when it is not the variant's."""

    min_quantity: Decimal
    price: Decimal
    unit: str | None = None

    def __post_init__(self) -> None:
        refuse_float(self.min_quantity, "min_quantity")
        refuse_float(self.price, "price")


@dataclass(frozen=True, slots=True)
class PriceList:
    """A list as the engine sees it. ``entries`` maps a variant id to its tiers (any order;
    ``validate_entries`` refuses duplicates). A derived list arrives with its entries already
    computed (``derive_entries``) and keeps ``formula``/``source_id`` for the record."""

    id: int
    owner_id: int
    currency: str
    entries: Mapping[int, tuple[Tier, ...]]
    priority: int = 0
    valid_from: date | None = None
    valid_until: date | None = None
    prices_include_vat: bool = False
    fallback_id: int | None = None
    source_id: int | None = None
    formula: PriceFormula | None = None

    def is_valid_on(self, day: date) -> bool:
        return ((self.valid_from is None or self.valid_from <= day)
                and (self.valid_until is None or day <= self.valid_until))


class AssignmentKind(IntEnum):
    """Who a list is assigned to; the value is the rank, most specific first."""

    ORGANIZATION = 0
    PRICE_GROUP = 1
    REGION = 2
    OWNER_DEFAULT = 3


@dataclass(frozen=True, slots=True)
class Assignment:
    """``list_id`` applies to one organization, one price group, one region (``target``
    is its id or region name) or, as ``OWNER_DEFAULT``, to every buyer of the list's owner
    (``target`` None)."""

    list_id: int
    kind: AssignmentKind
    target: int | str | None = None


@dataclass(frozen=True, slots=True)
class Buyer:
    """An organization buying from its seller (its parent)."""

    organization_id: int
    currency: str
    price_group_ids: frozenset[int] = frozenset()
    region: str = ""


@dataclass(frozen=True, slots=True)
class Seller:
    """What one seller offers the organizations below it: its lists with their assignments,
    its promotions and volume discounts, and the markup it chose for the variants none of its
    lists prices (None: those variants have no price from this seller)."""

    organization_id: int
    lists: tuple[PriceList, ...] = ()
    assignments: tuple[Assignment, ...] = ()
    markup: PriceFormula | None = None
    promotions: tuple[Promotion, ...] = ()
    volume_discounts: tuple[VolumeDiscount, ...] = ()


@dataclass(frozen=True, slots=True)
class ChainLink:
    buyer: Buyer
    seller: Seller


@dataclass(frozen=True, slots=True)
class Variant:
    """What rules need to know of a variant: its SKU (for errors), product, and category
    with its ancestors, nearest first (promotions on a category, floors per category)."""

    id: int
    sku: str
    product_id: int
    category_path: tuple[int, ...] = ()


class DiscountKind(StrEnum):
    PERCENT = "PERCENT"
    FIXED = "FIXED"


class Stacking(StrEnum):
    """``BEST_PRICE_WINS``: the promotion never combines; the buyer gets whichever of the
    exclusive promotions, or the combination of the stacking ones, is cheapest.
    ``STACKS``: combines with every other stacking promotion."""

    BEST_PRICE_WINS = "BEST_PRICE_WINS"
    STACKS = "STACKS"


@dataclass(frozen=True, slots=True)
class Promotion:
    """A discount from ``owner_id`` (a seller) to its buyers, from ``starts`` to ``ends``
    (both included), on the variants, products or categories named (at least one), for the
    audience named (organizations, price groups, regions; all empty: every buyer).
    ``value`` is a percentage, or an amount in ``currency`` for a fixed discount."""

    id: int
    owner_id: int
    kind: DiscountKind
    value: Decimal
    starts: date
    ends: date
    stacking: Stacking = Stacking.BEST_PRICE_WINS
    variant_ids: frozenset[int] = frozenset()
    product_ids: frozenset[int] = frozenset()
    category_ids: frozenset[int] = frozenset()
    organization_ids: frozenset[int] = frozenset()
    price_group_ids: frozenset[int] = frozenset()
    regions: frozenset[str] = frozenset()
    currency: str | None = None

    def __post_init__(self) -> None:
        refuse_float(self.value, "value")

    def targets(self, variant: Variant) -> bool:
        return (variant.id in self.variant_ids or variant.product_id in self.product_ids
                or not self.category_ids.isdisjoint(variant.category_path))

    def reaches(self, buyer: Buyer) -> bool:
        if not (self.organization_ids or self.price_group_ids or self.regions):
            return True
        return (buyer.organization_id in self.organization_ids
                or not self.price_group_ids.isdisjoint(buyer.price_group_ids)
                or (bool(buyer.region) and buyer.region in self.regions))

    def runs_on(self, day: date) -> bool:
        return self.starts <= day <= self.ends


@dataclass(frozen=True, slots=True)
class VolumeStep:
    """From an order total (net) of ``threshold`` on, ``percent`` off every line."""

    threshold: Decimal
    percent: Decimal


@dataclass(frozen=True, slots=True)
class VolumeDiscount:
    id: int
    owner_id: int
    currency: str
    steps: tuple[VolumeStep, ...]
    starts: date | None = None
    ends: date | None = None
    organization_ids: frozenset[int] = frozenset()
    price_group_ids: frozenset[int] = frozenset()
    regions: frozenset[str] = frozenset()

    def runs_on(self, day: date) -> bool:
        return ((self.starts is None or self.starts <= day)
                and (self.ends is None or day <= self.ends))

    def reaches(self, buyer: Buyer) -> bool:
        if not (self.organization_ids or self.price_group_ids or self.regions):
            return True
        return (buyer.organization_id in self.organization_ids
                or not self.price_group_ids.isdisjoint(buyer.price_group_ids)
                or (bool(buyer.region) and buyer.region in self.regions))


@dataclass(frozen=True, slots=True)
class MapFloors:
    """The manufacturer's minimum resale prices (net, in ``currency``): per variant, or per
    category as a percentage of ``base_prices`` (the manufacturer's base list, net). A
    variant's own floor wins over its categories'; the nearest category wins over its
    ancestors. Floors bind every seller except ``owner_id`` itself."""

    owner_id: int
    currency: str
    variant_floors: Mapping[int, Decimal] = field(default_factory=dict)
    category_percents: Mapping[int, Decimal] = field(default_factory=dict)
    base_prices: Mapping[int, Decimal] = field(default_factory=dict)

    def floor_for(self, variant: Variant) -> Decimal | None:
        own = self.variant_floors.get(variant.id)
        if own is not None:
            return own
        base = self.base_prices.get(variant.id)
        if base is None:
            return None
        for category_id in variant.category_path:
            percent = self.category_percents.get(category_id)
            if percent is not None:
                return round_half_up(base * percent / HUNDRED)
        return None

    def binds(self, seller_id: int) -> bool:
        return seller_id != self.owner_id


NO_FLOORS = MapFloors(owner_id=0, currency="")


@dataclass(frozen=True, slots=True)
class PriceContext:
    """Everything one buyer's prices depend on, on one day. ``chain[0]`` is the buyer and
    its seller; ``chain[1]`` is that seller buying from its own seller, and so on up to the
    manufacturer (only needed where a seller prices by markup over its purchase price)."""

    chain: tuple[ChainLink, ...]
    variants: Mapping[int, Variant]
    on_date: date
    vat_rate: Decimal
    floors: MapFloors = NO_FLOORS
