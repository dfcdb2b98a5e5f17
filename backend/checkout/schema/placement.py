"""``orderPlace``: the viewer's cart for a buyer becomes an order
(``services/placement.py``: one transaction, all of it or nothing).

A refusal comes back in ``errors`` (field, code, message; the SKUs concerned), and for
PRICES_CHANGED with ``priceChanges``: each line whose price differs from the one shown,
before and after, so the checkout can show them and ask again. A retry with the same
``idempotencyKey`` answers with the order the first request placed.
"""

from __future__ import annotations

import graphene

from backend.core.graphql.ids import decode_global_id
from backend.orders.schema.enums import DeliveryMethodEnum, OrderTypeEnum
from backend.orders.schema.types import OrderType
from inventory.services.planning import Address

from ..services.placement import PlaceRequest, PricesChanged, place_order
from .types import CheckoutMutation, checkout_error


class OrderAddressInput(graphene.InputObjectType):
    region = graphene.String(required=True, description="An official region name.")
    city = graphene.String()
    address = graphene.String(description="Street, house, office.")
    latitude = graphene.Decimal()
    longitude = graphene.Decimal()


class OrderPlaceInput(graphene.InputObjectType):
    buyer = graphene.ID(description="A client the viewer orders for (an order on behalf); "
                                    "default the active organization.")
    idempotency_key = graphene.String(required=True, description=(
        "Made by the client once per checkout (a uuid): a retry with the same key returns "
        "the same order."))
    price_token = graphene.String(description="The cart's priceToken as shown; omitted: "
                                              "prices are not compared.")
    order_type = graphene.Field(OrderTypeEnum, default_value=OrderTypeEnum.REGULAR)
    delivery_method = graphene.Field(DeliveryMethodEnum, default_value=DeliveryMethodEnum.DELIVERY)
    address = graphene.Field(OrderAddressInput, description="For DELIVERY; omitted: the "
                                                            "buyer's region.")
    pickup_warehouse = graphene.ID(description="For PICKUP: one of the seller's warehouses.")
    one_shipment = graphene.Boolean(default_value=False)
    comment = graphene.String()
    buyer_reference = graphene.String(description="The buyer's own number for the order.")


class PriceChangeInfoType(graphene.ObjectType):
    sku = graphene.String(required=True)
    name = graphene.String(required=True)
    before = graphene.Decimal(description="The unit net shown (null: none was shown).")
    after = graphene.Decimal(description="The unit net now (null: no price any more).")

    class Meta:
        name = "PriceChangeInfo"
        description = "A line whose price changed since the cart was shown."


class OrderPlace(CheckoutMutation):
    order = graphene.Field(OrderType)
    price_changes = graphene.List(graphene.NonNull(PriceChangeInfoType), required=True)

    class Arguments:
        input = OrderPlaceInput(required=True)

    class Meta:
        description = ("Place the viewer's cart for a buyer as an order: prices, quantity "
                       "rules, credit and stock checked again, all of it or nothing.")
        login_required = True
        atomic = False  # the service's own transaction; a refusal has nothing to undo

    failure_defaults = {"price_changes": []}

    @classmethod
    def perform_mutation(cls, root, info, input):
        request = _request(input)
        try:
            order = place_order(info.context.viewer, request)
        except PricesChanged as changed:
            return cls(order=None, errors=[checkout_error(e) for e in changed.errors],
                       price_changes=[PriceChangeInfoType(sku=c.sku, name=c.name,
                                                          before=c.before, after=c.after)
                                      for c in changed.changes])
        return cls(order=order, price_changes=[], errors=[])


def _request(data) -> PlaceRequest:
    address = data.get("address")
    buyer = data.get("buyer")
    pickup = data.get("pickup_warehouse")
    return PlaceRequest(
        idempotency_key=data.get("idempotency_key") or "",
        buyer_id=decode_global_id(buyer, "Organization", "buyer") if buyer else None,
        price_token=data.get("price_token"),
        order_type=_plain(data.get("order_type")) or "REGULAR",
        delivery_method=_plain(data.get("delivery_method")) or "DELIVERY",
        address=None if address is None else Address(
            region=address.get("region") or "", city=address.get("city") or "",
            latitude=address.get("latitude"), longitude=address.get("longitude")),
        street=(address or {}).get("address") or "",
        pickup_warehouse_id=decode_global_id(pickup, "Warehouse", "pickupWarehouse")
        if pickup else None,
        one_shipment=bool(data.get("one_shipment")),
        comment=data.get("comment") or "", buyer_reference=data.get("buyer_reference") or "")


def _plain(value) -> str:
    return str(getattr(value, "value", value) or "")


class PlacementMutations(graphene.ObjectType):
    order_place = OrderPlace.Field()
