"""Incoming supply of a warehouse the viewer manages: planned, changed, dropped, received."""

from __future__ import annotations

import graphene
from django.utils import timezone
from graphql_relay import to_global_id

from backend.core.errors import ErrorCollector
from backend.core.graphql.ids import decode_global_id

from ...models import IncomingSupply
from ...services.supply import (
    SupplyData,
    create_supply,
    delete_supply,
    receive_supply,
    update_supply,
)
from ...visibility import visible_incoming_supply
from ..types import IncomingSupplyType, StockItemType
from .base import Code, InventoryMutation, actor, managed_row, managed_warehouse, visible_variant


class IncomingSupplyInput(graphene.InputObjectType):
    warehouse = graphene.ID(description="Create only.")
    variant = graphene.ID(description="Create only.")
    quantity = graphene.Decimal(description="Above zero; whole for pieces, packs and sets.")
    expected_date = graphene.Date(description="Today or later.")
    reference = graphene.String(description="The document it comes with.")


def _data(input) -> SupplyData:
    return SupplyData(quantity=input.get("quantity"), expected_date=input.get("expected_date"),
                      reference=input.get("reference"))


def _managed_supply(info, global_id: str) -> IncomingSupply:
    pk = decode_global_id(global_id, "IncomingSupply", "id")
    return managed_row(info, IncomingSupply.objects.filter(pk=pk).select_related("variant"),
                       visible_incoming_supply, "id", Code.NOT_FOUND, "incoming supply")


class IncomingSupplyCreate(InventoryMutation):
    incoming_supply = graphene.Field(IncomingSupplyType)

    class Arguments:
        input = IncomingSupplyInput(required=True)

    class Meta:
        description = "Plan goods on their way to a warehouse the viewer manages."

    @classmethod
    def perform_mutation(cls, root, info, input):
        errors = ErrorCollector()
        for name in ("warehouse", "variant"):
            if not input.get(name):
                errors.add(Code.REQUIRED, f"The {name} is required.", name)
        errors.raise_if_any()
        warehouse = managed_warehouse(info, input["warehouse"])
        variant = visible_variant(info, input["variant"])
        supply = create_supply(warehouse, variant, _data(input), actor=actor(info),
                               today=timezone.localdate())
        return cls(incoming_supply=supply)


class IncomingSupplyUpdate(InventoryMutation):
    incoming_supply = graphene.Field(IncomingSupplyType)

    class Arguments:
        id = graphene.ID(required=True)
        input = IncomingSupplyInput(required=True)

    class Meta:
        description = ("Change a supply's quantity (never below what pre-orders hold), date "
                       "or reference; its warehouse and variant stay.")

    @classmethod
    def perform_mutation(cls, root, info, id, input):
        supply = _managed_supply(info, id)
        return cls(incoming_supply=update_supply(supply, _data(input), actor=actor(info),
                                                 today=timezone.localdate()))


class IncomingSupplyDelete(InventoryMutation):
    deleted_id = graphene.ID()

    class Arguments:
        id = graphene.ID(required=True)

    class Meta:
        description = "Drop a planned supply no pre-order holds any of."

    @classmethod
    def perform_mutation(cls, root, info, id):
        supply = _managed_supply(info, id)
        pk = supply.pk
        delete_supply(supply, actor=actor(info))
        return cls(deleted_id=to_global_id("IncomingSupply", pk))


class IncomingSupplyReceive(InventoryMutation):
    stock_item = graphene.Field(StockItemType)
    incoming_supply = graphene.Field(IncomingSupplyType, description=(
        "What is still expected; null once all of it has arrived."))

    class Arguments:
        id = graphene.ID(required=True)
        quantity = graphene.Decimal(description="What arrived; all of it when omitted.")

    class Meta:
        description = ("Goods arrived: on hand grows (movement SUPPLY_ARRIVED) and the "
                       "pre-orders' part becomes allocated stock.")

    @classmethod
    def perform_mutation(cls, root, info, id, quantity=None):
        supply = _managed_supply(info, id)
        item = receive_supply(supply, quantity, actor=actor(info))
        left = IncomingSupply.objects.filter(pk=supply.pk).first()
        return cls(stock_item=item, incoming_supply=left)
