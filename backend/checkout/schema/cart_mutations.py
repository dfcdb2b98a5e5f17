"""The cart's mutations: add lines (all or nothing), change a line's quantity, remove
lines, empty the cart, and quick order (pasted text: the good lines added, every line
reported). Each answers the cart as shown after it."""

from __future__ import annotations

import graphene

from backend.core.errors import DomainValidationError
from backend.core.graphql.ids import decode_global_id, decode_global_ids

from ..errors import CheckoutErrorCode as Code
from ..models import CartLine, LineSource
from ..services import cart as carts
from ..services.on_behalf import order_buyer
from ..services.orderable import LineInput
from ..services.quick_order import quick_order
from ..visibility import visible_cart_lines
from .cart_view import cart_view
from .types import CartType, CheckoutMutation, LineReportType, LineSourceEnum


class CartLineInput(graphene.InputObjectType):
    variant = graphene.ID(description="The variant; or give its sku.")
    sku = graphene.String(description="The SKU as written (case and spaces do not matter).")
    quantity = graphene.Decimal(required=True)


def _buyer(info, buyer):
    viewer = info.context.viewer
    return order_buyer(viewer, decode_global_id(buyer, "Organization", "buyer")
                       if buyer else None)


def _cart_answer(info, buyer):
    return cart_view(info.context, info.context.viewer.user, buyer)


def _line_inputs(lines) -> list[LineInput]:
    inputs = []
    for i, line in enumerate(lines):
        field = f"lines.{i}"
        if line.get("variant"):
            inputs.append(LineInput(line["quantity"], decode_global_id(
                line["variant"], "ProductVariant", f"{field}.variant"), field=field))
        elif (line.get("sku") or "").strip():
            inputs.append(LineInput(line["quantity"], sku=line["sku"], field=field))
        else:
            raise DomainValidationError.single(Code.REQUIRED, "Give a variant or a SKU.",
                                               f"{field}.sku")
    return inputs


class CartLinesAdd(CheckoutMutation):
    cart = graphene.Field(CartType)

    class Arguments:
        buyer = graphene.ID(description="A client the viewer orders for; default: the "
                                        "active organization.")
        lines = graphene.List(graphene.NonNull(CartLineInput), required=True)
        source = LineSourceEnum(default_value=LineSource.CATALOG.value)

    class Meta:
        description = ("Add lines to the cart, all or none (each problem at lines.N); a SKU "
                       "already in the cart adds its quantity to the line.")

    @classmethod
    def perform_mutation(cls, root, info, buyer=None, lines=(), source=None):
        organization = _buyer(info, buyer)
        if not lines:
            raise DomainValidationError.single(Code.REQUIRED, "Add at least one line.",
                                               "lines")
        inputs = _line_inputs(lines)
        cart = carts.cart_for(info.context.viewer.user, organization, create=True)
        assert cart is not None
        carts.add_lines(cart, inputs, getattr(source, "value", source) or LineSource.CATALOG)
        return cls(cart=_cart_answer(info, organization))


def _own_line(info, global_id: str, field: str) -> CartLine:
    """One of the viewer's cart lines (NOT_FOUND for anyone else's: it is not seen)."""
    pk = decode_global_id(global_id, "CartLine", field)
    line = (visible_cart_lines(info.context.viewer).select_related("cart__buyer")
            .filter(pk=pk).first())
    if line is None:
        raise DomainValidationError.single(Code.NOT_FOUND, "No such cart line.", field)
    return line


class CartLineUpdate(CheckoutMutation):
    cart = graphene.Field(CartType)

    class Arguments:
        id = graphene.ID(required=True)
        quantity = graphene.Decimal(required=True)

    class Meta:
        description = "Set a cart line's quantity (under the variant's quantity rules)."

    @classmethod
    def perform_mutation(cls, root, info, id, quantity):
        line = _own_line(info, id, "id")
        buyer = order_buyer(info.context.viewer, line.cart.buyer_id, "id")
        carts.update_line(line, quantity)
        return cls(cart=_cart_answer(info, buyer))


class CartLinesRemove(CheckoutMutation):
    cart = graphene.Field(CartType)

    class Arguments:
        ids = graphene.List(graphene.NonNull(graphene.ID), required=True)

    class Meta:
        description = "Remove lines of one cart."

    @classmethod
    def perform_mutation(cls, root, info, ids):
        if not ids:
            raise DomainValidationError.single(Code.REQUIRED, "Name a line.", "ids")
        pks = decode_global_ids(ids, "CartLine", "ids")
        lines = list(visible_cart_lines(info.context.viewer).filter(pk__in=pks)
                     .select_related("cart"))
        if len({line.pk for line in lines}) != len(set(pks)):
            raise DomainValidationError.single(Code.NOT_FOUND, "No such cart line.", "ids")
        if len({line.cart_id for line in lines}) > 1:
            raise DomainValidationError.single(Code.INVALID,
                                               "Name lines of one cart at a time.", "ids")
        cart = lines[0].cart
        buyer = order_buyer(info.context.viewer, cart.buyer_id, "ids")
        carts.remove_lines(cart, pks)
        return cls(cart=_cart_answer(info, buyer))


class CartClear(CheckoutMutation):
    cart = graphene.Field(CartType)

    class Arguments:
        buyer = graphene.ID()

    class Meta:
        description = "Remove every line of the cart."

    @classmethod
    def perform_mutation(cls, root, info, buyer=None):
        organization = _buyer(info, buyer)
        cart = carts.cart_for(info.context.viewer.user, organization)
        if cart is not None:
            carts.clear(cart)
        return cls(cart=_cart_answer(info, organization))


class QuickOrderAdd(CheckoutMutation):
    cart = graphene.Field(CartType)
    report = graphene.List(graphene.NonNull(LineReportType), required=True)
    added_count = graphene.Int(required=True)
    skipped_count = graphene.Int(required=True)

    failure_defaults = {"report": [], "added_count": 0, "skipped_count": 0}

    class Arguments:
        buyer = graphene.ID()
        text = graphene.String(required=True, description=(
            "Lines like «KR-FAS-0003-10 12», «KR-FAS-0003-10;12 шт», or cells pasted from "
            "a spreadsheet (SKU, then quantity)."))

    class Meta:
        description = "Add the good lines of pasted text to the cart; report every line."

    @classmethod
    def perform_mutation(cls, root, info, text, buyer=None):
        organization = _buyer(info, buyer)
        cart = carts.cart_for(info.context.viewer.user, organization, create=True)
        assert cart is not None
        report = quick_order(cart, text)
        added = sum(1 for line in report if line.added)
        return cls(cart=_cart_answer(info, organization), report=report, added_count=added,
                   skipped_count=len(report) - added)


class CartMutations(graphene.ObjectType):
    cart_lines_add = CartLinesAdd.Field()
    cart_line_update = CartLineUpdate.Field()
    cart_lines_remove = CartLinesRemove.Field()
    cart_clear = CartClear.Field()
    quick_order_add = QuickOrderAdd.Field()
