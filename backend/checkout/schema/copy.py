"""``orderCopyToCart``: an order the viewer may see, copied into its buyer's cart, re-priced
and re-checked line by line (``services.order_copy``)."""

from __future__ import annotations

import graphene

from backend.core.errors import DomainValidationError
from backend.core.graphql.ids import decode_global_id
from backend.orders.visibility import visible_orders

from ..errors import CheckoutErrorCode as Code
from ..services.cart import cart_for
from ..services.on_behalf import order_buyer
from ..services.order_copy import copy_order
from .cart_view import cart_view
from .types import CartType, CheckoutMutation, LineReportType


class OrderCopyToCart(CheckoutMutation):
    cart = graphene.Field(CartType)
    report = graphene.List(graphene.NonNull(LineReportType), required=True)

    failure_defaults = {"report": []}

    class Arguments:
        order = graphene.ID(required=True)
        replace = graphene.Boolean(default_value=False, description="Empty the cart first.")

    class Meta:
        description = ("Copy an order into the cart of its buyer: today's prices (each "
                       "line's report has the order's and today's unit net), quantities "
                       "moved to the nearest valid one, what may no longer be ordered "
                       "skipped.")

    @classmethod
    def perform_mutation(cls, root, info, order, replace=False):
        viewer = info.context.viewer
        pk = decode_global_id(order, "Order", "order")
        found = visible_orders(viewer).filter(pk=pk).first()
        if found is None:
            raise DomainValidationError.single(Code.NOT_FOUND, "No such order.", "order")
        buyer = order_buyer(viewer, found.buyer_id, "order")
        cart = cart_for(viewer.user, buyer, create=True)
        assert cart is not None
        report = copy_order(found, cart, bool(replace))
        return cls(cart=cart_view(info.context, viewer.user, buyer), report=report)


class OrderCopyMutations(graphene.ObjectType):
    order_copy_to_cart = OrderCopyToCart.Field()
