"""The engines' inputs and outputs. Quantities and money are ``Decimal``; dates are
calendar dates and every day count is in calendar days."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum


class Strategy(StrEnum):
    """How a seller's warehouses are ranked for an order (``SellerStockSettings``)."""

    NEAREST = "NEAREST"  # same delivery zone first, then distance, then priority
    FEWEST_SHIPMENTS = "FEWEST_SHIPMENTS"  # the fewest warehouse segments that cover it
    PRIORITY = "PRIORITY"  # the warehouses' fixed priority (lower first)


@dataclass(frozen=True)
class Location:
    region: str
    zone_id: int | None = None  # the delivery zone the region is in, if any
    latitude: Decimal | None = None
    longitude: Decimal | None = None


@dataclass(frozen=True)
class Source:
    """A warehouse of the seller that may ship the order."""

    warehouse_id: int
    code: str
    location: Location
    priority: int
    handling_days: int  # order -> ready to leave
    pickup_allowed: bool


@dataclass(frozen=True)
class Line:
    """One order line. ``key`` tells lines apart (the cart line's id or its index)."""

    key: int
    variant_id: int
    sku: str
    quantity: Decimal
    preorder_allowed: bool
    weight_kg: Decimal = Decimal(0)  # per unit
    volume_m3: Decimal = Decimal(0)  # per unit


@dataclass(frozen=True)
class Stock:
    warehouse_id: int
    variant_id: int
    available: Decimal  # on hand - allocated, never negative


@dataclass(frozen=True)
class Supply:
    """Incoming supply a pre-order may reserve from (its unreserved quantity)."""

    supply_id: int
    warehouse_id: int
    variant_id: int
    available: Decimal
    expected_date: date


@dataclass(frozen=True)
class Destination:
    """Where the order goes: an address's location, or pickup at a warehouse."""

    location: Location | None = None
    pickup_warehouse_id: int | None = None


@dataclass(frozen=True)
class AllocationRequest:
    lines: tuple[Line, ...]
    sources: tuple[Source, ...]
    stock: tuple[Stock, ...]
    supply: tuple[Supply, ...]
    destination: Destination
    strategy: Strategy
    today: date
    one_shipment: bool = False
    # The tariff between zones: "nearest" and "one shipment" rank warehouses by when the
    # goods would arrive, and every planned shipment is quoted from it.
    rates: tuple[Rate, ...] = ()


@dataclass(frozen=True)
class Pick:
    """Units of one line from one warehouse: from its stock (``supply_id`` None) or
    reserved from one incoming supply (a pre-order)."""

    line_key: int
    variant_id: int
    sku: str
    warehouse_id: int
    quantity: Decimal
    supply_id: int | None
    ready_date: date


@dataclass(frozen=True)
class PlannedShipment:
    """One warehouse segment leaving on one day."""

    warehouse_id: int
    picks: tuple[Pick, ...]
    ready_date: date
    weight_kg: Decimal
    volume_m3: Decimal


class ShortfallReason(StrEnum):
    NOT_ENOUGH_STOCK = "NOT_ENOUGH_STOCK"  # pre-order allowed, but supply does not cover it
    PREORDER_NOT_ALLOWED = "PREORDER_NOT_ALLOWED"  # stock short, the product takes none
    ONE_SHIPMENT_IMPOSSIBLE = "ONE_SHIPMENT_IMPOSSIBLE"  # no single warehouse covers it
    PICKUP_NOT_ALLOWED = "PICKUP_NOT_ALLOWED"


@dataclass(frozen=True)
class Shortfall:
    line_key: int
    variant_id: int
    sku: str
    requested: Decimal
    missing: Decimal
    reason: ShortfallReason


@dataclass(frozen=True)
class AllocationPlan:
    shipments: tuple[PlannedShipment, ...]
    shortfalls: tuple[Shortfall, ...]

    @property
    def complete(self) -> bool:
        return not self.shortfalls


# --- delivery quotes ------------------------------------------------------------------


@dataclass(frozen=True)
class Rate:
    carrier_id: int
    carrier_code: str
    carrier_name: str
    origin_zone_id: int
    destination_zone_id: int
    currency: str
    per_kg: Decimal
    per_m3: Decimal
    min_charge: Decimal
    transit_days: int
    max_weight_kg: Decimal | None = None


@dataclass(frozen=True)
class QuoteRequest:
    origin: Location
    destination: Destination
    weight_kg: Decimal
    volume_m3: Decimal
    ready_date: date


@dataclass(frozen=True)
class Quote:
    """A shipment's delivery: ``carrier_id`` None and cost 0 for pickup at the warehouse
    (delivery date = ready date)."""

    carrier_id: int | None
    carrier_code: str
    carrier_name: str
    cost: Decimal
    currency: str
    transit_days: int
    delivery_date: date
    pickup: bool = False


class QuoteProblem(StrEnum):
    NO_DELIVERY_ZONE = "NO_DELIVERY_ZONE"  # the address's region is in no zone
    NO_RATE = "NO_RATE"  # no carrier serves this pair of zones (or this weight)


# --- a plan with its delivery ---------------------------------------------------------


@dataclass(frozen=True)
class DeliveredShipment:
    """A planned shipment with its quote, or the reason it has none."""

    shipment: PlannedShipment
    quote: Quote | None
    problem: QuoteProblem | None = None


@dataclass(frozen=True)
class DeliveryPlan:
    shipments: tuple[DeliveredShipment, ...]
    shortfalls: tuple[Shortfall, ...]
    # NO_DELIVERY_ZONE when the address is in no zone, else NO_RATE when some shipment
    # has no carrier; None when every shipment is quoted.
    problem: QuoteProblem | None = None

    @property
    def complete(self) -> bool:
        return not self.shortfalls

    @property
    def quoted(self) -> bool:
        return all(s.quote is not None for s in self.shipments)

    @property
    def delivery_date(self) -> date | None:
        """When everything has arrived: None while something is short or unquoted."""
        if not self.complete or not self.shipments or not self.quoted:
            return None
        return max(s.quote.delivery_date for s in self.shipments if s.quote is not None)

    @property
    def delivery_currency(self) -> str:
        """The carriers' currency ("" when everything is picked up or nothing is quoted)."""
        currencies = sorted({s.quote.currency for s in self.shipments
                             if s.quote is not None and s.quote.currency})
        return currencies[0] if len(currencies) == 1 else ""

    @property
    def delivery_cost(self) -> Decimal | None:
        """The shipments' costs summed: None if one is unquoted or they are in several
        currencies (rates in one currency are the configuration this expects)."""
        if not self.quoted:
            return None
        if len({s.quote.currency for s in self.shipments
                if s.quote is not None and s.quote.currency}) > 1:
            return None
        return sum((s.quote.cost for s in self.shipments if s.quote is not None), Decimal(0))
