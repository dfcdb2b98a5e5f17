"""The cart's root fields: the viewer's cart for a buyer, and SKU suggestions for the
quick-order pad. The buyer is always ``order_buyer``'s answer (the active organization, or a
client the viewer may order for)."""

from __future__ import annotations

import graphene

from backend.core.errors import DomainValidationError
from backend.core.graphql.ids import decode_global_id, graphql_error_from

from ..services.on_behalf import order_buyer
from ..services.orderable import buyer_viewer
from ..services.suggestions import suggest
from .cart_view import cart_view
from .types import CartType, SkuSuggestionType

SUGGESTIONS_MOST = 20


def query_buyer(info, buyer: str | None):
    """The organization a query is about (a GraphQL error when the viewer may not order
    for it)."""
    try:
        buyer_id = decode_global_id(buyer, "Organization", "buyer") if buyer else None
        return order_buyer(info.context.viewer, buyer_id)
    except DomainValidationError as exc:
        raise graphql_error_from(exc)


class CartQueries(graphene.ObjectType):
    cart = graphene.Field(
        CartType, required=True, buyer=graphene.ID(description=(
            "A client the viewer orders for; default: the active organization.")),
        description="The viewer's cart for the buyer, priced for the buyer now.")
    sku_suggestions = graphene.List(
        graphene.NonNull(SkuSuggestionType), required=True,
        query=graphene.String(required=True), buyer=graphene.ID(),
        first=graphene.Int(default_value=8),
        description="Variants the buyer may order whose SKU starts with the query, then "
                    "SKUs and names like it (none for a viewer who may not order for it).")

    @staticmethod
    def resolve_cart(root, info, buyer=None):
        organization = query_buyer(info, buyer)
        return cart_view(info.context, info.context.viewer.user, organization)

    @staticmethod
    def resolve_sku_suggestions(root, info, query, buyer=None, first=8):
        # Nothing to suggest to a viewer who may not order for the buyer.
        try:
            buyer_id = decode_global_id(buyer, "Organization", "buyer") if buyer else None
            organization = order_buyer(info.context.viewer, buyer_id)
        except DomainValidationError:
            return []
        limit = max(0, min(first or 0, SUGGESTIONS_MOST))
        return suggest(buyer_viewer(info.context.viewer.user, organization), query, limit)
