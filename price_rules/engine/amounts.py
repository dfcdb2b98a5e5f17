"""Decimal arithmetic of prices: rounding, formulas, VAT. Pure.

The engine keeps its own small vocabulary instead of importing ``backend.core.money``: the
layers forbid the engine any import from ``backend`` (so it can be benchmarked, property
tested and reused by the ordering work without Django). Every amount is a ``Decimal`` in the
currency of the list it came from; a list or a result carries its currency once. The services
turn results into ``Money`` at the boundary.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

CENT = Decimal("0.01")
ZERO = Decimal(0)
HUNDRED = Decimal(100)


class Rounding(StrEnum):
    """How a computed price is rounded, half up: to 0.01 or to whole units (roubles)."""

    CENT = "CENT"
    WHOLE = "WHOLE"

    @property
    def quantum(self) -> Decimal:
        return CENT if self is Rounding.CENT else Decimal(1)


def round_half_up(amount: Decimal, quantum: Decimal = CENT) -> Decimal:
    return amount.quantize(quantum, rounding=ROUND_HALF_UP)


def refuse_float(value: object, name: str) -> None:
    if isinstance(value, float):
        raise TypeError(f"{name} must be a Decimal, not a float")


@dataclass(frozen=True, slots=True)
class PriceFormula:
    """``round((price x factor) x (1 + percent/100) + amount)``: a derived list over its
    source ("base x 0.85", "+ 12%, whole roubles") or a dealer's markup over its purchase
    price ("purchase + 25%"). Each part is optional (factor 1, percent 0, amount 0)."""

    factor: Decimal = Decimal(1)
    percent: Decimal = ZERO
    amount: Decimal = ZERO
    rounding: Rounding = Rounding.CENT

    def __post_init__(self) -> None:
        for name in ("factor", "percent", "amount"):
            refuse_float(getattr(self, name), name)

    def apply(self, price: Decimal) -> Decimal:
        raw = price * self.factor * (1 + self.percent / HUNDRED) + self.amount
        return round_half_up(raw, self.rounding.quantum)

    @property
    def is_valid(self) -> bool:
        """A formula that could keep a positive price positive (factor and the percent
        multiplier above zero); the result of each price is still checked."""
        return self.factor > 0 and self.percent > -HUNDRED


@dataclass(frozen=True, slots=True)
class NetGross:
    net: Decimal
    gross: Decimal


def net_and_gross(amount: Decimal, includes_vat: bool, vat_rate: Decimal) -> NetGross:
    """A list amount as net and gross; the tax is rounded half up to 0.01 (as
    ``backend.core.taxes`` does), so ``gross - net`` is always whole cents."""
    net, gross = net_gross_pair(amount, includes_vat, vat_rate)
    return NetGross(net=net, gross=gross)


def net_gross_pair(amount: Decimal, includes_vat: bool,
                   vat_rate: Decimal) -> tuple[Decimal, Decimal]:
    """``net_and_gross`` as a plain pair, for the resolver's inner loop."""
    if includes_vat:
        tax = (amount * vat_rate / (1 + vat_rate)).quantize(CENT, rounding=ROUND_HALF_UP)
        return amount - tax, amount
    return amount, amount + (amount * vat_rate).quantize(CENT, rounding=ROUND_HALF_UP)
