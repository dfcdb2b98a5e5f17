"""Creating and editing organizations."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import IntegrityError, transaction

from backend.core.errors import DomainValidationError, ErrorCollector, ErrorDetail
from backend.core.inputs import UNSET
from backend.core.money import CURRENCY_DECIMALS
from backend.core.plugins import get_plugins_manager
from backend.core.text import normalize_name

from .. import audit
from ..errors import AccountErrorCode
from ..inn import inn_error, kpp_error
from ..models import Organization, OrganizationKind, User
from ..regions import official_region, region_error

MAX_TREE_DEPTH = 4  # manufacturer -> distributor -> dealer -> sub-dealer -> end client
# Fields holding a name people read: one line, a letter or digit.
NAME_FIELDS = ("name", "legal_name", "region")


@dataclass(kw_only=True)
class OrganizationData:
    """An organization's input; ``None`` (``UNSET`` for the parent, where ``None`` means
    no supplier) leaves a field as it is."""

    name: str | None = None
    legal_name: str | None = None
    inn: str | None = None
    kpp: str | None = None
    address: str | None = None
    country: str | None = None
    region: str | None = None
    currency: str | None = None
    status: str | None = None
    kind: str | None = None
    parent: Organization | None = UNSET


def organization_errors(org: Organization, data: OrganizationData) -> list[ErrorDetail]:
    """Everything wrong with applying ``data`` to ``org`` (a new one when unsaved)."""
    errors = ErrorCollector()
    if org.pk is None:
        for field in ("name", "legal_name", "inn", "kind"):
            if not getattr(data, field):
                errors.add(AccountErrorCode.REQUIRED, "This field is required.", field)
    _validate(org, data, errors)
    return errors.errors


def _validate(org: Organization, data: OrganizationData, errors: ErrorCollector) -> None:
    if data.name is not None and not data.name.strip():
        errors.add(AccountErrorCode.REQUIRED, "Enter the organization's name.", "name")
    if data.legal_name is not None and not data.legal_name.strip():
        errors.add(AccountErrorCode.REQUIRED, "Enter the legal name.", "legal_name")
    for field in NAME_FIELDS:
        errors.check_name(getattr(data, field), field,
                          Organization._meta.get_field(field).max_length)
    if data.inn is not None:
        message = inn_error(data.inn.strip())
        if message:
            errors.add(AccountErrorCode.INVALID_INN, message, "inn")
    if data.kpp:
        message = kpp_error(data.kpp.strip())
        if message:
            errors.add(AccountErrorCode.INVALID_KPP, message, "kpp")
    if data.currency is not None and data.currency.upper() not in CURRENCY_DECIMALS:
        errors.add(AccountErrorCode.INVALID_CURRENCY,
                   f"Unsupported currency '{data.currency}'.", "currency")
    if data.country is not None and (len(data.country) != 2 or not data.country.isalpha()):
        errors.add(AccountErrorCode.INVALID, "Use a two-letter country code, e.g. RU.",
                   "country")
    elif ((data.country is not None or data.region is not None)
          and not any(e.field == "region" for e in errors.errors)):
        country = org.country if data.country is None else data.country
        region = org.region if data.region is None else data.region
        if message := region_error(country, region):
            errors.add(AccountErrorCode.UNKNOWN_REGION, message, "region")
    kind = data.kind or org.kind
    parent = org.parent if data.parent is UNSET else data.parent
    if kind == OrganizationKind.MANUFACTURER and parent is not None:
        errors.add(AccountErrorCode.INVALID_PARENT, "A manufacturer has no supplier.", "parent")
    if kind and kind != OrganizationKind.MANUFACTURER and parent is None:
        errors.add(AccountErrorCode.INVALID_PARENT,
                   "Choose the organization this one buys from.", "parent")
    if parent is not None:
        if org.pk and parent.path.startswith(org.path):
            errors.add(AccountErrorCode.INVALID_PARENT,
                       "An organization cannot be placed under itself or its own subtree.",
                       "parent")
        elif parent.depth + 1 + _subtree_height(org) > MAX_TREE_DEPTH:
            errors.add(AccountErrorCode.TREE_TOO_DEEP,
                       f"The network is at most {MAX_TREE_DEPTH + 1} levels deep.", "parent")


def _subtree_height(org: Organization) -> int:
    if not org.pk:
        return 0
    deepest = org.subtree().order_by("-depth").values_list("depth", flat=True).first()
    return (deepest or org.depth) - org.depth


def _apply(org: Organization, data: OrganizationData) -> None:
    for name in NAME_FIELDS:
        value = getattr(data, name)
        if value is not None:
            setattr(org, name, normalize_name(value))
    for name in ("address", "status", "kind"):
        value = getattr(data, name)
        if value is not None:
            setattr(org, name, value.strip())
    if data.inn is not None:
        org.inn = data.inn.strip()
    if data.kpp is not None:
        org.kpp = data.kpp.strip().upper()
    if data.country is not None:
        org.country = data.country.upper()
    if data.currency is not None:
        org.currency = data.currency.upper()
    org.region = official_region(org.country, org.region)
    if data.parent is not UNSET:
        org.parent = data.parent


def _save(org: Organization) -> None:
    try:
        with transaction.atomic():
            org.save()
    except IntegrityError:
        raise DomainValidationError.single(
            AccountErrorCode.DUPLICATE_INN,
            "An organization with this INN and KPP is already registered.", "inn")


def _name_of(organization: Organization | None) -> str | None:
    return organization.name if organization is not None else None


def create_organization(data: OrganizationData, actor: User | None = None) -> Organization:
    org = Organization()
    errors = organization_errors(org, data)
    if errors:
        raise DomainValidationError(errors)
    _apply(org, data)
    _save(org)
    audit.record(org, actor, "organization.created", org, name=org.name, inn=org.inn,
                 kind=org.kind, parent=_name_of(org.parent))
    get_plugins_manager().run("organization_created", None, org)
    return org


def update_organization(org: Organization, data: OrganizationData,
                        actor: User | None = None) -> Organization:
    errors = organization_errors(org, data)
    if errors:
        raise DomainValidationError(errors)
    fields = ("name", "legal_name", "inn", "kpp", "address", "country", "region", "currency",
              "status", "kind", "parent_id")
    before = {f: getattr(org, f) for f in fields}
    parent_before = org.parent
    _apply(org, data)
    _save(org)
    changed = {f: [before[f], getattr(org, f)] for f in fields if before[f] != getattr(org, f)}
    if "parent_id" in changed:  # the trail names the suppliers, as people know them
        del changed["parent_id"]
        changed["parent"] = [_name_of(parent_before), _name_of(org.parent)]
    if changed:
        audit.record(org, actor, "organization.updated", org, **changed)
    return org
