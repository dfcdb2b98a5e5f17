import graphene

from ...services.categories import (
    AttributeData,
    ProductTypeData,
    save_attribute,
    save_product_type,
)
from ..types import AttributeInputTypeEnum, AttributeType, ProductTypeType
from .base import CatalogMutation


class AttributeInput(graphene.InputObjectType):
    name = graphene.String()
    slug = graphene.String()
    input_type = graphene.Field(AttributeInputTypeEnum)
    unit = graphene.String()
    filterable = graphene.Boolean()
    values = graphene.List(graphene.NonNull(graphene.String),
                           description="Value names to add; existing values are kept.")


class AttributeCreate(CatalogMutation):
    attribute = graphene.Field(AttributeType)

    class Arguments:
        input = AttributeInput(required=True)

    class Meta:
        description = "Create an attribute with its values."

    @classmethod
    def perform_mutation(cls, root, info, input):
        return cls(attribute=save_attribute(None, AttributeData(**input)))


class AttributeUpdate(CatalogMutation):
    attribute = graphene.Field(AttributeType)

    class Arguments:
        id = graphene.ID(required=True)
        input = AttributeInput(required=True)

    class Meta:
        description = "Edit an attribute or add values to it."

    @classmethod
    def perform_mutation(cls, root, info, id, input):
        attribute = AttributeType.get_visible(info, id)
        return cls(attribute=save_attribute(attribute, AttributeData(**input)))


class ProductTypeInput(graphene.InputObjectType):
    name = graphene.String()
    slug = graphene.String()
    product_attributes = graphene.List(graphene.NonNull(graphene.ID))
    variant_attributes = graphene.List(graphene.NonNull(graphene.ID))


def _product_type_data(info, input) -> ProductTypeData:
    data = dict(input)
    for key in ("product_attributes", "variant_attributes"):
        if data.get(key) is not None:
            data[key] = AttributeType.get_visible_many(info, data[key], key)
    return ProductTypeData(**data)


class ProductTypeCreate(CatalogMutation):
    product_type = graphene.Field(ProductTypeType)

    class Arguments:
        input = ProductTypeInput(required=True)

    class Meta:
        description = "Create a product type and choose its attributes."

    @classmethod
    def perform_mutation(cls, root, info, input):
        return cls(product_type=save_product_type(None, _product_type_data(info, input)))


class ProductTypeUpdate(CatalogMutation):
    product_type = graphene.Field(ProductTypeType)

    class Arguments:
        id = graphene.ID(required=True)
        input = ProductTypeInput(required=True)

    class Meta:
        description = "Edit a product type."

    @classmethod
    def perform_mutation(cls, root, info, id, input):
        product_type = ProductTypeType.get_visible(info, id)
        return cls(product_type=save_product_type(product_type,
                                                  _product_type_data(info, input)))
