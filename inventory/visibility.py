"""Which stock a viewer may see, and how: the only place that decides.

Stock is sold down the seller chain, so what a viewer sees follows the tree:

- Staff with MANAGE_STOCK or VIEW_ALL see every warehouse with exact quantities.
- A member of an organization sees
  - its organization's own warehouses (stock centers), exactly;
  - its seller's (the parent's) active warehouses, as each warehouse's ``display``;
  - the active warehouses of organizations further up its chain (the manufacturer, for a
    sub-dealer) only as their ``network_display``, hidden by default: a sub-dealer never
    sees the factory's raw figures unless the manufacturer allows it;
  - the active stock centers its seller's other buyers (its siblings) and its own buyers
    share with the network (``shared_with_network``), as their ``display``.
  A warehouse whose applicable display is HIDDEN is not visible at all.
- Anonymous visitors see no stock.

Stock rows, incoming supply and leftovers are visible with their warehouse; the quantities
are shown as ``warehouse_displays(viewer)`` says (exact or in bands). Movements (the stock
history) only to those who manage the warehouse. Nested fields load rows through these
functions, so what a nested field returns is what ``node(id:)`` returns.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from backend.core.permissions import OrgPerm, Perm
from backend.core.tree_paths import ancestor_ids
from backend.core.viewer import Viewer

from .models import (
    Carrier,
    DeliveryRate,
    DeliveryZone,
    IncomingSupply,
    Leftover,
    QuantityDisplay,
    SellerStockSettings,
    StockItem,
    StockMovement,
    Warehouse,
    WarehouseKind,
)

HIDDEN = QuantityDisplay.HIDDEN


def sees_all_stock(viewer: Viewer) -> bool:
    return viewer.has_perm(Perm.MANAGE_STOCK) or viewer.has_perm(Perm.VIEW_ALL)


def managing_organization_id(viewer: Viewer) -> int | None:
    """The partner organization whose own stock centers the viewer manages: the active
    one, when the viewer's role there holds MANAGE_STOCK and it is not the manufacturer at
    the root (whose warehouses only the staff permission MANAGE_STOCK reaches)."""
    organization = viewer.organization
    if organization is None or not viewer.can(OrgPerm.MANAGE_STOCK):
        return None
    if not ancestor_ids(organization.path):
        return None
    return int(organization.pk)


def _audiences(viewer: Viewer) -> list[tuple[Q, str | None]]:
    """(warehouses, the display field that applies to them, or None: exact) for a member
    of the active organization, one pair per relation of the tree."""
    organization = viewer.organization
    if organization is None:
        return []
    own_id = int(organization.pk)
    chain = ancestor_ids(organization.path)
    pairs: list[tuple[Q, str | None]] = [(Q(owner_id=own_id), None)]
    active = Q(is_active=True)
    shared = active & Q(shared_with_network=True, kind=WarehouseKind.STOCK_CENTER)
    if chain:
        seller_id = chain[-1]
        pairs.append((active & Q(owner_id=seller_id), "display"))
        if len(chain) > 1:
            pairs.append((active & Q(owner_id__in=chain[:-1]), "network_display"))
        pairs.append((shared & Q(owner__parent_id=seller_id) & ~Q(owner_id=own_id),
                      "display"))
    pairs.append((shared & Q(owner__parent_id=own_id), "display"))
    return pairs


def visible_warehouses(viewer: Viewer) -> QuerySet[Warehouse]:
    if sees_all_stock(viewer):
        return Warehouse.objects.all()
    condition = Q(pk__in=[])
    for warehouses, display_field in _audiences(viewer):
        if display_field is not None:
            warehouses &= ~Q(**{display_field: HIDDEN})
        condition |= warehouses
    return Warehouse.objects.filter(condition)


def warehouse_displays(viewer: Viewer) -> dict[int, QuantityDisplay]:
    """How the viewer sees each warehouse it may see (one query): EXACT or BANDS."""
    if sees_all_stock(viewer):
        return {pk: QuantityDisplay.EXACT
                for pk in Warehouse.objects.values_list("pk", flat=True)}
    displays: dict[int, QuantityDisplay] = {}
    rows = visible_warehouses(viewer).values_list(
        "pk", "owner_id", "display", "network_display")
    organization = viewer.organization
    own_id = int(organization.pk) if organization is not None else None
    chain = ancestor_ids(organization.path) if organization is not None else []
    for pk, owner_id, display, network_display in rows:
        if owner_id == own_id:
            shown = QuantityDisplay.EXACT
        elif chain and owner_id in chain[:-1]:
            shown = QuantityDisplay(network_display)
        else:
            shown = QuantityDisplay(display)
        displays[pk] = shown
    return displays


def visible_stock_items(viewer: Viewer) -> QuerySet[StockItem]:
    if sees_all_stock(viewer):
        return StockItem.objects.all()
    return StockItem.objects.filter(warehouse__in=visible_warehouses(viewer))


def visible_incoming_supply(viewer: Viewer) -> QuerySet[IncomingSupply]:
    if sees_all_stock(viewer):
        return IncomingSupply.objects.all()
    return IncomingSupply.objects.filter(warehouse__in=visible_warehouses(viewer))


def manageable_warehouses(viewer: Viewer) -> QuerySet[Warehouse]:
    """The warehouses whose stock, supply, leftovers and settings the viewer may change:
    every one for staff with MANAGE_STOCK, a partner's own stock centers for its members
    with MANAGE_STOCK."""
    if viewer.has_perm(Perm.MANAGE_STOCK):
        return Warehouse.objects.all()
    owner_id = managing_organization_id(viewer)
    if owner_id is None:
        return Warehouse.objects.none()
    return Warehouse.objects.filter(owner_id=owner_id, kind=WarehouseKind.STOCK_CENTER)


def visible_stock_movements(viewer: Viewer) -> QuerySet[StockMovement]:
    """The history of a warehouse's stock: for staff who see all stock and for those who
    manage the warehouse."""
    if sees_all_stock(viewer):
        return StockMovement.objects.all()
    return StockMovement.objects.filter(warehouse__in=manageable_warehouses(viewer))


def visible_leftovers(viewer: Viewer) -> QuerySet[Leftover]:
    """A partner's leftovers: to those who manage its stock centers, and, published, to
    the members of the organizations that buy from it."""
    if sees_all_stock(viewer):
        return Leftover.objects.all()
    condition = Q(warehouse__in=manageable_warehouses(viewer))
    organization = viewer.organization
    chain = ancestor_ids(organization.path) if organization is not None else []
    if chain:
        condition |= Q(is_published=True, warehouse__is_active=True,
                       warehouse__owner_id=chain[-1])
    return Leftover.objects.filter(condition)


def visible_carriers(viewer: Viewer) -> QuerySet[Carrier]:
    """Carriers, zones and rates are the tariff every signed-in buyer is quoted from."""
    if not viewer.is_authenticated:
        return Carrier.objects.none()
    return Carrier.objects.all()


def visible_delivery_zones(viewer: Viewer) -> QuerySet[DeliveryZone]:
    if not viewer.is_authenticated:
        return DeliveryZone.objects.none()
    return DeliveryZone.objects.all()


def visible_delivery_rates(viewer: Viewer) -> QuerySet[DeliveryRate]:
    if not viewer.is_authenticated:
        return DeliveryRate.objects.none()
    return DeliveryRate.objects.all()


def visible_seller_settings(viewer: Viewer) -> QuerySet[SellerStockSettings]:
    if sees_all_stock(viewer):
        return SellerStockSettings.objects.all()
    owner_id = managing_organization_id(viewer)
    if owner_id is None:
        return SellerStockSettings.objects.none()
    return SellerStockSettings.objects.filter(organization_id=owner_id)
