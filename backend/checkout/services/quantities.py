"""The quantity rules of a variant: at least the minimum order quantity, a multiple of the
order multiple (the catalog keeps the minimum a multiple of it), whole units for pieces,
packs and sets. Pack size is what one pack holds, shown to the buyer, not a rule of its
own: a seller who sells whole packs only sets the order multiple to the pack size.

One answer for the cart, quick order, order files and placement: what is wrong with a
quantity, and the nearest quantity that is right (ties go up: a buyer asking for 15 of a
multiple of 10 more likely wants 20 than 10).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal, InvalidOperation

from ..errors import CheckoutErrorCode as Code

WHOLE_UNITS = frozenset({"PCS", "PACK", "SET"})
PLACES = 3  # the quantity columns' scale
LARGEST = Decimal(10) ** 11


@dataclass(frozen=True)
class QuantityRules:
    unit: str
    min_order_quantity: Decimal
    order_multiple: Decimal
    pack_size: Decimal = Decimal(1)

    @classmethod
    def of(cls, variant: object) -> QuantityRules:
        return cls(unit=variant.unit, min_order_quantity=variant.min_order_quantity,  # type: ignore[attr-defined]
                   order_multiple=variant.order_multiple,  # type: ignore[attr-defined]
                   pack_size=variant.pack_size)  # type: ignore[attr-defined]

    @property
    def step(self) -> Decimal:
        step = self.order_multiple
        if self.unit in WHOLE_UNITS and step % 1:
            step = step.to_integral_value(ROUND_CEILING)
        return step

    @property
    def minimum(self) -> Decimal:
        """The smallest valid quantity: the first multiple of the step from the minimum
        order on (a whole-unit variant's step is rounded up, so a minimum of 1.5 pieces
        in steps of 0.5 is 2, not 1.5, which no whole-unit step reaches)."""
        step = self.step
        return _tidy(step * max(1, (self.min_order_quantity / step)
                                .to_integral_value(ROUND_CEILING)))

    def nearest(self, quantity: Decimal) -> Decimal:
        """The valid quantity nearest to ``quantity`` (ties up), never below the minimum."""
        step = self.step
        steps = (quantity / step).quantize(Decimal(1), rounding=ROUND_HALF_UP)
        return _tidy(max(self.minimum, steps * step))


@dataclass(frozen=True)
class QuantityProblem:
    code: Code
    message: str
    nearest: Decimal | None  # None when there is nothing near (not a number)


def quantity_problem(rules: QuantityRules, quantity: Decimal | None) -> QuantityProblem | None:
    """Why ``quantity`` cannot be ordered under ``rules``, or None when it can."""
    if quantity is None:
        return QuantityProblem(Code.INVALID_QUANTITY, "Enter a quantity.", None)
    try:
        finite = quantity.is_finite() and quantity > 0 and quantity < LARGEST
    except InvalidOperation:
        finite = False
    if not finite:
        return QuantityProblem(Code.INVALID_QUANTITY,
                               "The quantity must be a positive number.", None)
    if quantity != quantity.quantize(Decimal(1).scaleb(-PLACES), rounding=ROUND_HALF_UP):
        return QuantityProblem(Code.INVALID_QUANTITY,
                               f"Use at most {PLACES} decimal places.",
                               rules.nearest(quantity))
    if rules.unit in WHOLE_UNITS and quantity % 1:
        return QuantityProblem(Code.FRACTIONAL_QUANTITY,
                               "Only whole units of this item can be ordered.",
                               rules.nearest(quantity))
    if quantity < rules.min_order_quantity:
        return QuantityProblem(Code.BELOW_MINIMUM,
                               f"The minimum order is {_plain(rules.min_order_quantity)}.",
                               _tidy(rules.minimum))
    if quantity % rules.step:
        return QuantityProblem(Code.NOT_MULTIPLE,
                               f"Order in multiples of {_plain(rules.step)}.",
                               rules.nearest(quantity))
    return None


def _tidy(value: Decimal) -> Decimal:
    """``value`` without trailing zeros, never in exponent form (30, not 3E+1)."""
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


def _plain(value: Decimal) -> str:
    return format(_tidy(value), "f")
