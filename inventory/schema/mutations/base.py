"""What every inventory mutation shares: its error type and codes, and the one
permission check it makes (``manageable_warehouses``: staff with MANAGE_STOCK manage every
warehouse, a partner's members with MANAGE_STOCK its own stock centers, nobody else any).

A warehouse the viewer may see but not manage is NOT_MANAGER; one it may not see is
UNKNOWN_WAREHOUSE, as one that does not exist (ids leak nothing).
"""

from __future__ import annotations

from django.db.models import Model, QuerySet

from backend.accounts.acting import acting_seller
from backend.accounts.models import Organization
from backend.catalog.models import ProductVariant
from backend.catalog.visibility import visible_variants
from backend.core.errors import DomainValidationError
from backend.core.graphql.ids import decode_global_id, shown
from backend.core.graphql.mutations import BaseMutation
from backend.core.permissions import Perm

from ...errors import InventoryError, InventoryErrorCode
from ...models import Warehouse
from ...services.common import Actor
from ...visibility import manageable_warehouses, managing_organization_id, visible_warehouses

Code = InventoryErrorCode


class InventoryMutation(BaseMutation):
    """Inventory mutations: InventoryError with InventoryErrorCode, a signed-in viewer."""

    class Meta:
        abstract = True

    meta_defaults = {"error_type_class": InventoryError, "error_code_enum": InventoryErrorCode}


def actor(info) -> Actor:
    viewer = info.context.viewer
    return Actor(viewer.user, viewer.organization)


def managed_warehouse(info, global_id: str, field: str = "warehouse") -> Warehouse:
    pk = decode_global_id(global_id, "Warehouse", field)
    return managed_row(info, Warehouse.objects.filter(pk=pk), visible_warehouses, field,
                       Code.UNKNOWN_WAREHOUSE, "warehouse", through="")


def managed_row(info, rows: QuerySet, visible, field: str, unknown_code, what: str, *,
                through: str = "warehouse__") -> Model:
    """The row of ``rows`` if its warehouse is one the viewer manages; NOT_MANAGER if the
    viewer only sees it (``visible``), ``unknown_code`` otherwise."""
    viewer = info.context.viewer
    row = rows.filter(**{f"{through}pk__in" if through else "pk__in":
                         manageable_warehouses(viewer).values("pk")}).first()
    if row is not None:
        return row
    seen = visible(viewer).filter(pk__in=rows.values("pk")).exists()
    if seen:
        raise DomainValidationError.single(
            Code.NOT_MANAGER, f"You may see this {what} but not change it (needs "
                              "MANAGE_STOCK for its owner).", field)
    raise DomainValidationError.single(unknown_code, f"No {what} with this ID.", field)


def visible_variant(info, global_id: str, field: str = "variant") -> ProductVariant:
    pk = decode_global_id(global_id, "ProductVariant", field)
    variant = visible_variants(info.context.viewer).filter(pk=pk).first()
    if variant is None:
        raise DomainValidationError.single(
            Code.UNKNOWN_SKU, f"No variant with ID '{shown(global_id)}'.", field)
    return variant


def selling_organization(info) -> Organization:
    """The organization whose stock settings the viewer changes: a partner member's own
    (MANAGE_STOCK there), or, for staff with MANAGE_STOCK, the manufacturer."""
    viewer = info.context.viewer
    return acting_seller(viewer, managing_organization_id(viewer), Perm.MANAGE_STOCK, (
        "You do not have permission to manage stock (needs MANAGE_STOCK in the active "
        "organization, or the staff permission MANAGE_STOCK)."))
