"""Facets of the product list: which attribute values its results have, counted."""

from __future__ import annotations

import graphene

from .types import AttributeType, AttributeValueType


class AttributeValueFacet(graphene.ObjectType):
    value = graphene.Field(AttributeValueType, required=True)
    count = graphene.Int(
        required=True,
        description="Products found with this value, counting every filter but the "
                    "values chosen for this same attribute.")
    selected = graphene.Boolean(required=True, description="Chosen in the filter.")


class AttributeFacet(graphene.ObjectType):
    attribute = graphene.Field(AttributeType, required=True)
    values = graphene.List(
        graphene.NonNull(AttributeValueFacet), required=True,
        description="Values that find something, and the chosen ones even when they do not.")
