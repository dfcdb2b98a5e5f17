import graphene

from ...services.products import VariantData, delete_variant, save_variant
from ..types import AttributeValueType, ProductObjectType, ProductVariantType, UnitEnum
from .base import CatalogMutation


class ProductVariantInput(graphene.InputObjectType):
    sku = graphene.String(description="Unique across the catalog (case-insensitive).")
    name = graphene.String()
    unit = graphene.Field(UnitEnum)
    pack_size = graphene.Decimal()
    min_order_quantity = graphene.Decimal()
    order_multiple = graphene.Decimal()
    weight_kg = graphene.Decimal()
    volume_m3 = graphene.Decimal()
    sort_order = graphene.Int()
    attribute_values = graphene.List(graphene.NonNull(graphene.ID))


class ProductVariantCreateInput(ProductVariantInput):
    product = graphene.ID(required=True)


def _variant_data(info, input) -> VariantData:
    data = dict(input)
    if data.get("product") is not None:  # "" too: an ID that finds no product
        data["product"] = ProductObjectType.get_visible(info, data["product"], "product")
    if data.get("attribute_values") is not None:
        data["attribute_values"] = AttributeValueType.get_visible_many(
            info, data["attribute_values"], "attribute_values")
    return VariantData(**data)


class ProductVariantCreate(CatalogMutation):
    variant = graphene.Field(ProductVariantType)

    class Arguments:
        input = ProductVariantCreateInput(required=True)

    class Meta:
        description = "Add a variant (SKU) to a product."

    @classmethod
    def perform_mutation(cls, root, info, input):
        return cls(variant=save_variant(None, _variant_data(info, input)))


class ProductVariantUpdate(CatalogMutation):
    variant = graphene.Field(ProductVariantType)

    class Arguments:
        id = graphene.ID(required=True)
        input = ProductVariantInput(required=True)

    class Meta:
        description = "Edit a variant."

    @classmethod
    def perform_mutation(cls, root, info, id, input):
        variant = ProductVariantType.get_visible(info, id)
        return cls(variant=save_variant(variant, _variant_data(info, input)))


class ProductVariantDelete(CatalogMutation):
    deleted_id = graphene.ID()

    class Arguments:
        id = graphene.ID(required=True)

    class Meta:
        description = "Delete a variant."

    @classmethod
    def perform_mutation(cls, root, info, id):
        delete_variant(ProductVariantType.get_visible(info, id))
        return cls(deleted_id=id)
