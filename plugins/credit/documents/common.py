"""What every credit document shares: a party's block (name, INN, KPP, address, bank
details from ``Requisites``), Russian dates and amounts, units with their OKEI codes, and
the HTML -> PDF step."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.template.loader import render_to_string

from backend.accounts.models import Organization

from ..models import Requisites

MONTHS = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
          "сентября", "октября", "ноября", "декабря")
# The order line's unit -> (OKEI code, Russian symbol), as the UPD's unit columns want.
UNITS = {"PCS": ("796", "шт"), "M": ("006", "м"), "M2": ("055", "м²"), "M3": ("113", "м³"),
         "KG": ("166", "кг"), "L": ("112", "л"), "PACK": ("778", "упак"),
         "SET": ("839", "компл")}
CURRENCIES = {"RUB": ("Российский рубль", "643"), "USD": ("Доллар США", "840"),
              "EUR": ("Евро", "978"), "KZT": ("Тенге", "398"), "BYN": ("Белорусский рубль",
                                                                         "933")}


@dataclass(frozen=True)
class Party:
    name: str
    inn: str
    kpp: str
    address: str
    bank_name: str = ""
    bik: str = ""
    bank_account: str = ""
    correspondent_account: str = ""
    director: str = ""
    chief_accountant: str = ""

    @property
    def inn_kpp(self) -> str:
        return f"{self.inn}/{self.kpp}" if self.kpp else self.inn


def party(organization: Organization, requisites: Requisites | None) -> Party:
    name = organization.legal_name or organization.name
    if requisites is None:
        return Party(name, organization.inn, organization.kpp, organization.address)
    return Party(name, organization.inn, organization.kpp,
                 requisites.legal_address or organization.address, requisites.bank_name,
                 requisites.bik, requisites.bank_account, requisites.correspondent_account,
                 requisites.director, requisites.chief_accountant)


def requisites_of(*organizations: Organization) -> dict[int, Requisites]:
    return {row.organization_id: row for row in Requisites.objects.filter(
        organization_id__in=[organization.pk for organization in organizations])}


def long_date(day: datetime.date) -> str:
    """«1 декабря 2026 г.»"""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year} г."


def money(value: Decimal) -> str:
    """«12 345,60»: a narrow no-break space between thousands, a decimal comma."""
    return f"{value:,.2f}".replace(",", "\u202f").replace(".", ",")


def quantity(value: Decimal) -> str:
    text = f"{value.normalize():f}"
    return text.replace(".", ",")


def unit_of(code: str) -> tuple[str, str]:
    return UNITS.get(code, ("", code))


def render_html(template: str, context: dict) -> str:
    return render_to_string(template, context)


def html_to_pdf(html: str) -> bytes:
    # Imported here: WeasyPrint loads Pango when imported, which only PDF requests need.
    from weasyprint import HTML

    return HTML(string=html).write_pdf()
