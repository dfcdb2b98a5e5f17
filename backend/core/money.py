"""Money: a Decimal amount with a currency. Never a float.

Pure module: no Django import, so engines can use it and mypy checks it strictly.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

# ISO 4217 minor units of the currencies a dealer network trades in.
CURRENCY_DECIMALS: dict[str, int] = {
    "RUB": 2, "USD": 2, "EUR": 2, "KZT": 2, "BYN": 2, "CNY": 2, "UZS": 2, "AMD": 2,
    "KGS": 2, "TRY": 2, "AED": 2, "JPY": 0,
}


class CurrencyMismatch(ValueError):
    """Raised when amounts in two currencies meet in one operation."""


def to_decimal(value: Decimal | int | str) -> Decimal:
    """Convert to Decimal, refusing floats (they cannot hold money exactly)."""
    if isinstance(value, float):
        raise TypeError("money amounts must not be floats; pass a Decimal or a string")
    try:
        result = Decimal(value)
    except InvalidOperation as exc:
        raise ValueError(f"not a number: {value!r}") from exc
    if not result.is_finite():
        raise ValueError(f"not a finite amount: {value!r}")
    return result


def validate_currency(code: str) -> str:
    """Return the upper-case code if it is a supported ISO 4217 currency."""
    normalized = code.strip().upper()
    if normalized not in CURRENCY_DECIMALS:
        raise ValueError(f"unsupported currency {code!r}")
    return normalized


@dataclass(frozen=True, slots=True)
class Money:
    amount: Decimal
    currency: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "amount", to_decimal(self.amount))
        object.__setattr__(self, "currency", validate_currency(self.currency))

    @classmethod
    def zero(cls, currency: str) -> Money:
        return cls(Decimal(0), currency)

    def _check(self, other: Money) -> None:
        if not isinstance(other, Money):
            raise TypeError(f"cannot combine Money with {type(other).__name__}")
        if other.currency != self.currency:
            raise CurrencyMismatch(f"{self.currency} and {other.currency} do not mix")

    def __add__(self, other: Money) -> Money:
        self._check(other)
        return Money(self.amount + other.amount, self.currency)

    def __sub__(self, other: Money) -> Money:
        self._check(other)
        return Money(self.amount - other.amount, self.currency)

    def __mul__(self, factor: Decimal | int) -> Money:
        if isinstance(factor, float | Money):
            raise TypeError("multiply Money by a Decimal or an int")
        return Money(self.amount * factor, self.currency)

    __rmul__ = __mul__

    def __neg__(self) -> Money:
        return Money(-self.amount, self.currency)

    def __lt__(self, other: Money) -> bool:
        self._check(other)
        return self.amount < other.amount

    def __le__(self, other: Money) -> bool:
        self._check(other)
        return self.amount <= other.amount

    def quantize(self) -> Money:
        """Round half up to the currency's minor unit."""
        exponent = Decimal(1).scaleb(-CURRENCY_DECIMALS[self.currency])
        return Money(self.amount.quantize(exponent, rounding=ROUND_HALF_UP), self.currency)

    def __str__(self) -> str:
        return f"{self.quantize().amount} {self.currency}"
