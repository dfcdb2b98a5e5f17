"""VAT rates per country and date, and net/gross arithmetic. Pure module.

Rates are a table of (country, rate, valid from); the rate in force on a date is the last
row that started on or before it. Russia raised its standard VAT from 20% to 22% on
2026-01-01.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from .money import Money


@dataclass(frozen=True, slots=True)
class VatRate:
    country: str
    rate: Decimal
    valid_from: date


VAT_RATES: tuple[VatRate, ...] = (
    VatRate("RU", Decimal("0.20"), date(2019, 1, 1)),
    VatRate("RU", Decimal("0.22"), date(2026, 1, 1)),
    VatRate("BY", Decimal("0.20"), date(2010, 1, 1)),
    VatRate("KZ", Decimal("0.12"), date(2009, 1, 1)),
    VatRate("KZ", Decimal("0.16"), date(2026, 1, 1)),
    VatRate("AM", Decimal("0.20"), date(2012, 1, 1)),
    VatRate("KG", Decimal("0.12"), date(2012, 1, 1)),
    VatRate("UZ", Decimal("0.12"), date(2023, 1, 1)),
)


class UnknownTaxCountry(LookupError):
    """No VAT rate is known for the country on the date asked."""


def vat_rate(country: str, on: date) -> Decimal:
    """The standard VAT rate of ``country`` (ISO 3166 alpha-2) in force on ``on``."""
    code = country.strip().upper()
    rows = sorted((r for r in VAT_RATES if r.country == code and r.valid_from <= on),
                  key=lambda r: r.valid_from)
    if not rows:
        raise UnknownTaxCountry(f"no VAT rate for {code!r} on {on.isoformat()}")
    return rows[-1].rate


@dataclass(frozen=True, slots=True)
class TaxedMoney:
    net: Money
    gross: Money

    @property
    def tax(self) -> Money:
        return self.gross - self.net


def add_vat(net: Money, rate: Decimal) -> TaxedMoney:
    """Gross from net: the tax is rounded to the currency's minor unit."""
    tax = (net * rate).quantize()
    return TaxedMoney(net=net, gross=net + tax)


def extract_vat(gross: Money, rate: Decimal) -> TaxedMoney:
    """Net from a gross (VAT-inclusive) amount, as Russian price lists usually quote."""
    tax = Money(gross.amount * rate / (1 + rate), gross.currency).quantize()
    return TaxedMoney(net=gross - tax, gross=gross)
