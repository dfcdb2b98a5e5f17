"""warehouseCreate and warehouseUpdate: staff with MANAGE_STOCK for any owner (the
manufacturer's factories and regional warehouses, a partner's stock centers), a partner's
member with MANAGE_STOCK for its own stock centers."""

from __future__ import annotations

import graphene

from backend.accounts.models import Organization
from backend.core.errors import CoreErrorCode, DomainValidationError
from backend.core.graphql.ids import decode_global_id
from backend.core.permissions import Perm

from ...services.warehouses import WarehouseData, create_warehouse, update_warehouse
from ...visibility import managing_organization_id
from ..enums import QuantityDisplayEnum, WarehouseKindEnum
from ..types import WarehouseType
from .base import Code, InventoryMutation, managed_warehouse


class WarehouseInput(graphene.InputObjectType):
    code = graphene.String(description="Unique short code (MSK-1), used in uploads.")
    name = graphene.String()
    kind = WarehouseKindEnum(description="A partner creates STOCK_CENTERs only.")
    address = graphene.String()
    country = graphene.String(description="Two letters, RU when omitted.")
    region = graphene.String(description="An official region (the countries query).")
    city = graphene.String()
    latitude = graphene.Decimal()
    longitude = graphene.Decimal()
    pickup_allowed = graphene.Boolean()
    priority = graphene.Int(description="Fixed-priority allocation takes lower first.")
    handling_days = graphene.Int(description="Days from an order to a ready shipment.")
    is_active = graphene.Boolean()
    display = QuantityDisplayEnum(description="How the owner's direct buyers see it.")
    network_display = QuantityDisplayEnum(description="How those further down see it.")
    shared_with_network = graphene.Boolean(description="A stock center shown to the "
                                                       "seller's other buyers.")
    owner = graphene.ID(description="Staff only: the owning organization (the "
                                    "manufacturer when omitted).")


def _data(input) -> WarehouseData:
    values = {name: input.get(name) for name in WarehouseData.__dataclass_fields__}
    for name in ("kind", "display", "network_display"):
        value = values[name]
        values[name] = getattr(value, "value", value)
    return WarehouseData(**values)


class WarehouseCreate(InventoryMutation):
    warehouse = graphene.Field(WarehouseType)

    class Arguments:
        input = WarehouseInput(required=True)

    class Meta:
        description = ("Create a warehouse: staff with MANAGE_STOCK for any organization, a "
                       "partner's member with MANAGE_STOCK a stock center of its own.")

    @classmethod
    def perform_mutation(cls, root, info, input):
        viewer = info.context.viewer
        partner_id = managing_organization_id(viewer)
        staff = viewer.has_perm(Perm.MANAGE_STOCK)
        owner_id = input.get("owner")
        if staff:
            owner = _owner(owner_id) if owner_id else _manufacturer()
            partner = False
        elif partner_id is not None:
            if owner_id and decode_global_id(owner_id, "Organization", "owner") != partner_id:
                raise DomainValidationError.single(
                    Code.STOCK_CENTER_ONLY, "You create stock centers of your own "
                                            "organization only.", "owner")
            owner, partner = Organization.objects.get(pk=partner_id), True
        else:
            raise DomainValidationError.single(
                CoreErrorCode.PERMISSION_DENIED, "You do not have permission to create "
                                                 "warehouses (needs MANAGE_STOCK).")
        return cls(warehouse=create_warehouse(owner, _data(input), partner=partner))


class WarehouseUpdate(InventoryMutation):
    warehouse = graphene.Field(WarehouseType)

    class Arguments:
        id = graphene.ID(required=True)
        input = WarehouseInput(required=True)

    class Meta:
        description = "Change a warehouse the viewer manages (the owner stays)."

    @classmethod
    def perform_mutation(cls, root, info, id, input):
        warehouse = managed_warehouse(info, id, "id")
        owner_id = input.get("owner")
        if owner_id and decode_global_id(owner_id, "Organization", "owner") != \
                warehouse.owner_id:
            raise DomainValidationError.single(
                Code.INVALID, "A warehouse's owner does not change: create another.", "owner")
        partner = not info.context.viewer.has_perm(Perm.MANAGE_STOCK)
        return cls(warehouse=update_warehouse(warehouse, _data(input), partner=partner))


def _owner(global_id: str) -> Organization:
    found = Organization.objects.filter(pk=decode_global_id(global_id, "Organization",
                                                            "owner")).first()
    if found is None:
        raise DomainValidationError.single(Code.UNKNOWN_OWNER, "No such organization.",
                                           "owner")
    return found


def _manufacturer() -> Organization:
    found = Organization.objects.filter(parent=None).order_by("pk").first()
    if found is None:
        raise DomainValidationError.single(Code.UNKNOWN_OWNER, "Choose the owner.", "owner")
    return found
