"""Saved carts (requisition lists) in the API: the list the viewer may see, and the
owner's changes. Which lists a viewer sees is ``visibility.visible_saved_carts``'; a page's
lines and owners load in one batch each (siblings of the page's rows)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import graphene
from django.db.models import Q

from backend.accounts.schema.loaders import PersonSummaryByUserIdLoader
from backend.accounts.schema.types import PersonSummaryType
from backend.catalog.models import ProductVariant
from backend.catalog.schema.types import ProductVariantType
from backend.catalog.visibility import visible_variants
from backend.core.errors import DomainValidationError
from backend.core.graphql.connection import resolve_connection
from backend.core.graphql.ids import decode_global_id
from backend.core.graphql.loaders import DataLoader, remember_rows
from backend.core.graphql.types import ModelObjectType

from ..errors import CheckoutErrorCode as Code
from ..models import SavedCart, SavedCartLine
from ..services import saved_carts
from ..services.cart import cart_for
from ..services.on_behalf import order_buyer
from ..services.quantities import _tidy as tidy
from ..visibility import visible_saved_carts
from .cart_view import cart_view
from .types import CartType, CheckoutMutation, LineReportType


@dataclass(slots=True)
class SavedLine:
    variant: ProductVariant | None  # None when the viewer may no longer see it
    sku: str
    name: str
    quantity: Decimal


class SavedLinesBySavedCartIdLoader(DataLoader):
    """Each saved cart's lines (a page's in one query, and one for which of their variants
    the viewer may see)."""

    siblings = ((SavedCart, "pk"),)
    remembers_rows = False

    def batch_load(self, keys):
        rows = list(SavedCartLine.objects.filter(saved_cart_id__in=keys)
                    .select_related("variant__product").order_by("position", "pk"))
        ids = {row.variant_id for row in rows}
        seen = set(visible_variants(self.context.viewer).filter(pk__in=ids)
                   .values_list("pk", flat=True)) if ids else set()
        # As siblings: the lines' nested variant fields load for all of them at once.
        remember_rows(self.context, [row.variant for row in rows if row.variant_id in seen])
        lines: dict[int, list[SavedLine]] = {key: [] for key in keys}
        for row in rows:
            variant = row.variant
            lines[row.saved_cart_id].append(SavedLine(
                variant if variant.pk in seen else None, variant.sku,
                variant.name or variant.product.name, tidy(row.quantity)))
        return [lines[key] for key in keys]


class OwnerSummaryBySavedCartOwnerLoader(PersonSummaryByUserIdLoader):
    """Owners of a page of saved carts, in one batch."""

    siblings = ((SavedCart, "owner_id"),)


class SavedCartLineType(graphene.ObjectType):
    variant = graphene.Field(ProductVariantType, description="Null when the viewer may no "
                                                             "longer see it.")
    sku = graphene.String(required=True)
    name = graphene.String(required=True)
    quantity = graphene.Decimal(required=True)

    class Meta:
        name = "SavedCartLine"


class SavedCartType(ModelObjectType):
    owner = graphene.Field(PersonSummaryType, required=True)
    line_count = graphene.Int(required=True)
    lines = graphene.List(graphene.NonNull(SavedCartLineType), required=True)
    mine = graphene.Boolean(required=True, description="The viewer owns it (and may change "
                                                       "it).")

    class Meta:
        model = SavedCart
        name = "SavedCart"
        visible = visible_saved_carts
        fields = ("id", "name", "shared", "updated_at")
        description = "A named list of lines kept for reuse; shared: the organization's."

    @staticmethod
    def resolve_owner(root: SavedCart, info):
        return OwnerSummaryBySavedCartOwnerLoader(info.context).load(root.owner_id)

    @staticmethod
    def resolve_lines(root: SavedCart, info):
        return SavedLinesBySavedCartIdLoader(info.context).load(root.pk)

    @staticmethod
    def resolve_line_count(root: SavedCart, info):
        return SavedLinesBySavedCartIdLoader(info.context).load_then(root.pk, len)

    @staticmethod
    def resolve_mine(root: SavedCart, info):
        user = info.context.viewer.user
        return user is not None and root.owner_id == user.pk


class SavedCartQueries(graphene.ObjectType):
    saved_carts = graphene.ConnectionField(
        SavedCartType._meta.connection, required=True, search=graphene.String(),
        description="The viewer's saved carts and those shared in its organization, the "
                    "latest changed first.")

    @staticmethod
    def resolve_saved_carts(root, info, search=None, **args):
        rows = SavedCartType.visible_queryset(info)
        text = " ".join((search or "").split())
        if text:
            rows = rows.filter(Q(name__icontains=text))
        return resolve_connection(rows.order_by("-updated_at", "-pk"), args,
                                  SavedCartType._meta.connection, info=info)


class SavedCartInput(graphene.InputObjectType):
    name = graphene.String(required=True)
    shared = graphene.Boolean(default_value=False, description="Seen by the organization's "
                                                               "members who may order.")
    buyer = graphene.ID(description="Create: whose cart to save (default: the active "
                                    "organization's).")


def _buyer(info, buyer, field="buyer"):
    return order_buyer(info.context.viewer, decode_global_id(buyer, "Organization", field)
                       if buyer else None, field)


def _saved(info, global_id) -> SavedCart:
    pk = decode_global_id(global_id, "SavedCart", "id")
    saved = visible_saved_carts(info.context.viewer).filter(pk=pk).first()
    if saved is None:
        raise DomainValidationError.single(Code.NOT_FOUND, "No such list.", "id")
    return saved


def _data(data) -> saved_carts.SavedCartData:
    return saved_carts.SavedCartData(name=data.get("name") or "",
                                     shared=bool(data.get("shared")))


class SavedCartCreate(CheckoutMutation):
    saved_cart = graphene.Field(SavedCartType)

    class Arguments:
        input = SavedCartInput(required=True)

    class Meta:
        description = "Save the cart's lines as a named list."

    @classmethod
    def perform_mutation(cls, root, info, input):
        buyer = _buyer(info, input.get("buyer"), "input.buyer")
        user = info.context.viewer.user
        saved = saved_carts.create_saved_cart(user, buyer, cart_for(user, buyer), _data(input))
        return cls(saved_cart=saved)


class SavedCartUpdate(CheckoutMutation):
    saved_cart = graphene.Field(SavedCartType)

    class Arguments:
        id = graphene.ID(required=True)
        input = SavedCartInput(required=True)

    class Meta:
        description = "Rename or (un)share a list (its owner only)."

    @classmethod
    def perform_mutation(cls, root, info, id, input):
        saved = saved_carts.update_saved_cart(_saved(info, id), info.context.viewer.user,
                                              _data(input))
        return cls(saved_cart=saved)


class SavedCartDelete(CheckoutMutation):
    class Arguments:
        id = graphene.ID(required=True)

    class Meta:
        description = "Delete a list (its owner only)."

    @classmethod
    def perform_mutation(cls, root, info, id):
        saved_carts.delete_saved_cart(_saved(info, id), info.context.viewer.user)
        return cls()


class SavedCartToCart(CheckoutMutation):
    cart = graphene.Field(CartType)
    report = graphene.List(graphene.NonNull(LineReportType), required=True)

    failure_defaults = {"report": []}

    class Arguments:
        id = graphene.ID(required=True)
        buyer = graphene.ID()
        replace = graphene.Boolean(default_value=False, description="Empty the cart first.")

    class Meta:
        description = ("Copy a list into the cart: each line re-checked and re-priced, a "
                       "quantity moved to the nearest valid one, what may no longer be "
                       "ordered skipped; every line reported.")

    @classmethod
    def perform_mutation(cls, root, info, id, buyer=None, replace=False):
        saved = _saved(info, id)
        organization = _buyer(info, buyer)
        user = info.context.viewer.user
        cart = cart_for(user, organization, create=True)
        assert cart is not None
        report = saved_carts.saved_cart_to_cart(saved, cart, bool(replace))
        return cls(cart=cart_view(info.context, user, organization), report=report)


class SavedCartMutations(graphene.ObjectType):
    saved_cart_create = SavedCartCreate.Field()
    saved_cart_update = SavedCartUpdate.Field()
    saved_cart_delete = SavedCartDelete.Field()
    saved_cart_to_cart = SavedCartToCart.Field()
