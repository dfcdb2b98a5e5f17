"""Creating and changing warehouses: every field checked, every problem reported at once.

Who may act is the API's business (``manageable_warehouses``); what a partner may make is
decided here so no caller can forget it: a partner's warehouses are stock centers of its
own organization, the manufacturer's are factories and regional warehouses.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from decimal import Decimal

from django.db import IntegrityError, transaction

from backend.accounts.models import Organization
from backend.accounts.regions import official_region, region_error
from backend.core.errors import DomainValidationError, ErrorCollector
from backend.core.text import normalize_name
from backend.core.tree_paths import ancestor_ids

from ..models import QuantityDisplay, Warehouse, WarehouseKind
from .common import Code

MAX_HANDLING_DAYS = 365
TEXT_FIELDS = ("address", "city")


@dataclass
class WarehouseData:
    """A warehouse's fields; None leaves a field as it is (on create: the model's
    default, where it has one)."""

    code: str | None = None
    name: str | None = None
    kind: str | None = None
    address: str | None = None
    country: str | None = None
    region: str | None = None
    city: str | None = None
    latitude: Decimal | None = None
    longitude: Decimal | None = None
    pickup_allowed: bool | None = None
    priority: int | None = None
    handling_days: int | None = None
    is_active: bool | None = None
    display: str | None = None
    network_display: str | None = None
    shared_with_network: bool | None = None


def create_warehouse(owner: Organization, data: WarehouseData, *,
                     partner: bool) -> Warehouse:
    """A new warehouse of ``owner``; ``partner``: the caller acts for ``owner`` as a
    partner, who makes stock centers only."""
    warehouse = Warehouse(owner=owner)
    errors = ErrorCollector()
    for name in ("code", "name", "kind", "region"):
        if not (getattr(data, name) or "").strip():
            errors.add(Code.REQUIRED, f"The {name} is required.", name)
    _check(warehouse, data, errors, partner=partner)
    errors.raise_if_any()
    return _save(warehouse, data)


def update_warehouse(warehouse: Warehouse, data: WarehouseData, *,
                     partner: bool) -> Warehouse:
    errors = ErrorCollector()
    for name in ("code", "name", "region"):
        value = getattr(data, name)
        if value is not None and not value.strip():
            errors.add(Code.REQUIRED, f"The {name} cannot be empty.", name)
    _check(warehouse, data, errors, partner=partner)
    errors.raise_if_any()
    return _save(warehouse, data)


def _check(warehouse: Warehouse, data: WarehouseData, errors: ErrorCollector, *,
           partner: bool) -> None:
    errors.check_name(data.name, "name", Warehouse._meta.get_field("name").max_length)
    code = (data.code or "").strip()
    if code and (len(code) > 32 or not code.replace("-", "").replace("_", "").isalnum()):
        errors.add(Code.INVALID, "A code is at most 32 letters, digits, '-' and '_'.", "code")
    elif code and Warehouse.objects.filter(code__iexact=code).exclude(pk=warehouse.pk).exists():
        errors.add(Code.WAREHOUSE_CODE_TAKEN, f"Another warehouse has the code {code}.", "code")
    kind = data.kind or warehouse.kind
    if data.kind is not None and data.kind not in WarehouseKind.values:
        errors.add(Code.INVALID, "Unknown warehouse kind.", "kind")
    elif kind:
        is_partner_owner = bool(ancestor_ids(warehouse.owner.path))
        if (partner or is_partner_owner) and kind != WarehouseKind.STOCK_CENTER:
            errors.add(Code.STOCK_CENTER_ONLY, "A partner's warehouses are stock centers.",
                       "kind")
        elif not is_partner_owner and kind == WarehouseKind.STOCK_CENTER:
            errors.add(Code.UNKNOWN_OWNER, "A stock center belongs to a partner; the "
                                           "manufacturer has factories and regional "
                                           "warehouses.", "owner")
    for name in ("display", "network_display"):
        value = getattr(data, name)
        if value is not None and value not in QuantityDisplay.values:
            errors.add(Code.INVALID, "Unknown display.", name)
    country = (data.country if data.country is not None else warehouse.country) or ""
    if data.country is not None and (len(country) != 2 or not country.isalpha()):
        errors.add(Code.INVALID, "Use a two-letter country code, e.g. RU.", "country")
    elif data.region is not None or data.country is not None:
        region = data.region if data.region is not None else warehouse.region
        if region and (message := region_error(country, region)):
            errors.add(Code.UNKNOWN_REGION, message, "region")
    for name in TEXT_FIELDS:
        value = getattr(data, name)
        if value is not None and len(value) > (1000 if name == "address" else 100):
            errors.add(Code.INVALID, f"The {name} is too long.", name)
    _check_coordinates(warehouse, data, errors)
    if data.priority is not None and not 0 <= data.priority <= 1_000_000:
        errors.add(Code.INVALID, "The priority is a number from 0 to 1000000.", "priority")
    if data.handling_days is not None and not 0 <= data.handling_days <= MAX_HANDLING_DAYS:
        errors.add(Code.INVALID, f"Handling takes 0 to {MAX_HANDLING_DAYS} days.",
                   "handling_days")


def _check_coordinates(warehouse: Warehouse, data: WarehouseData,
                       errors: ErrorCollector) -> None:
    latitude = data.latitude if data.latitude is not None else warehouse.latitude
    longitude = data.longitude if data.longitude is not None else warehouse.longitude
    if data.latitude is None and data.longitude is None:
        return
    if (latitude is None) != (longitude is None):
        errors.add(Code.INVALID_COORDINATES, "Give both the latitude and the longitude.",
                   "latitude" if latitude is None else "longitude")
        return
    if latitude is not None and not -90 <= latitude <= 90:
        errors.add(Code.INVALID_COORDINATES, "The latitude is between -90 and 90.", "latitude")
    if longitude is not None and not -180 <= longitude <= 180:
        errors.add(Code.INVALID_COORDINATES, "The longitude is between -180 and 180.",
                   "longitude")
    for name, value in (("latitude", latitude), ("longitude", longitude)):
        if value is not None and value != round(Decimal(value), 6):
            errors.add(Code.INVALID_COORDINATES, "At most 6 decimals.", name)


def _save(warehouse: Warehouse, data: WarehouseData) -> Warehouse:
    for item in fields(data):
        value = getattr(data, item.name)
        if value is None:
            continue
        if item.name == "name":
            value = normalize_name(value)
        elif item.name == "code":
            value = value.strip().upper()
        elif item.name == "country":
            value = value.upper()
        elif isinstance(value, str):
            value = value.strip()
        setattr(warehouse, item.name, value)
    warehouse.region = official_region(warehouse.country, warehouse.region)
    try:
        with transaction.atomic():
            warehouse.save()
    except IntegrityError:  # the same code, saved by someone else a moment ago
        raise DomainValidationError.single(
            Code.WAREHOUSE_CODE_TAKEN, f"Another warehouse has the code {warehouse.code}.",
            "code") from None
    return warehouse
