"""Unit statuses and a line's quantity split by them (``Units``), immutable."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum


class UnitStatus(StrEnum):
    PENDING = "PENDING"
    IN_PRODUCTION = "IN_PRODUCTION"
    READY = "READY"
    SHIPPED = "SHIPPED"
    DELIVERED = "DELIVERED"
    AT_DEALER = "AT_DEALER"
    SOLD = "SOLD"
    CANCELLED = "CANCELLED"


class Side(StrEnum):
    """Who moves units: the order's seller (its moderators) or its buyer."""

    SELLER = "SELLER"
    BUYER = "BUYER"


class FulfilmentState(StrEnum):
    NOT_STARTED = "NOT_STARTED"
    IN_PROGRESS = "IN_PROGRESS"
    PARTIALLY_SHIPPED = "PARTIALLY_SHIPPED"
    SHIPPED = "SHIPPED"
    DELIVERED = "DELIVERED"
    CANCELLED = "CANCELLED"


STATUSES: tuple[UnitStatus, ...] = tuple(UnitStatus)
# The order the statuses follow on the way to the buyer (CANCELLED is off that way).
ON_THE_WAY: tuple[UnitStatus, ...] = STATUSES[:-1]
READY_OR_LATER = frozenset({UnitStatus.READY, UnitStatus.SHIPPED, UnitStatus.DELIVERED,
                            UnitStatus.AT_DEALER, UnitStatus.SOLD})
SHIPPED_OR_LATER = frozenset({UnitStatus.SHIPPED, UnitStatus.DELIVERED,
                              UnitStatus.AT_DEALER, UnitStatus.SOLD})
DELIVERED_OR_LATER = frozenset({UnitStatus.DELIVERED, UnitStatus.AT_DEALER, UnitStatus.SOLD})
ZERO = Decimal(0)


@dataclass(frozen=True)
class Units:
    """One line's quantity by status; statuses not given hold zero."""

    counts: Mapping[UnitStatus, Decimal] = field(default_factory=dict)

    @classmethod
    def pending(cls, quantity: Decimal) -> Units:
        return cls({UnitStatus.PENDING: quantity})

    @classmethod
    def of(cls, **columns: Decimal) -> Units:
        """From lower-case column names, as the LineUnits row holds them."""
        return cls({UnitStatus(name.upper()): value for name, value in columns.items()})

    def __getitem__(self, status: UnitStatus) -> Decimal:
        return self.counts.get(status, ZERO)

    def columns(self) -> dict[str, Decimal]:
        """Every status's quantity under its LineUnits column name."""
        return {status.value.lower(): self[status] for status in STATUSES}

    @property
    def total(self) -> Decimal:
        return sum((self[status] for status in STATUSES), ZERO)

    @property
    def active(self) -> Decimal:
        return self.total - self[UnitStatus.CANCELLED]

    def in_any(self, statuses: Iterable[UnitStatus]) -> Decimal:
        return sum((self[status] for status in statuses), ZERO)

    def with_moved(self, source: UnitStatus, target: UnitStatus, quantity: Decimal) -> Units:
        counts = {status: self[status] for status in STATUSES}
        counts[source] -= quantity
        counts[target] += quantity
        return Units(counts)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Units) and all(self[s] == other[s] for s in STATUSES)

    def __hash__(self) -> int:
        return hash(tuple(self[s] for s in STATUSES))

    def __add__(self, other: Units) -> Units:
        return Units({status: self[status] + other[status] for status in STATUSES})
