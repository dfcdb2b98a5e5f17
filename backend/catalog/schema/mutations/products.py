import graphene

from ...services.products import ProductData, delete_product, save_product
from ..types import AttributeValueType, CategoryType, ProductObjectType, ProductTypeType
from .base import CatalogMutation


class ProductInput(graphene.InputObjectType):
    name = graphene.String()
    slug = graphene.String(description="Made from the name (transliterated) when omitted.")
    description = graphene.String()
    category = graphene.ID()
    product_type = graphene.ID()
    is_published = graphene.Boolean()
    samples_available = graphene.Boolean()
    preorder_allowed = graphene.Boolean()
    attribute_values = graphene.List(graphene.NonNull(graphene.ID),
                                     description="Replaces the product's attribute values.")


def _product_data(info, input) -> ProductData:
    data = dict(input)
    # "" too: an ID that finds nothing (a blank id would otherwise reach the model)
    if data.get("category") is not None:
        data["category"] = CategoryType.get_visible(info, data["category"], "category")
    if data.get("product_type") is not None:
        data["product_type"] = ProductTypeType.get_visible(info, data["product_type"],
                                                           "product_type")
    if data.get("attribute_values") is not None:
        data["attribute_values"] = AttributeValueType.get_visible_many(
            info, data["attribute_values"], "attribute_values")
    return ProductData(**data)


class ProductCreate(CatalogMutation):
    product = graphene.Field(ProductObjectType)

    class Arguments:
        input = ProductInput(required=True)

    class Meta:
        description = "Create a product (then add variants with productVariantCreate)."

    @classmethod
    def perform_mutation(cls, root, info, input):
        return cls(product=save_product(None, _product_data(info, input)))


class ProductUpdate(CatalogMutation):
    product = graphene.Field(ProductObjectType)

    class Arguments:
        id = graphene.ID(required=True)
        input = ProductInput(required=True)

    class Meta:
        description = "Edit a product."

    @classmethod
    def perform_mutation(cls, root, info, id, input):
        product = ProductObjectType.get_visible(info, id)
        return cls(product=save_product(product, _product_data(info, input)))


class ProductDelete(CatalogMutation):
    deleted_id = graphene.ID()

    class Arguments:
        id = graphene.ID(required=True)

    class Meta:
        description = "Delete a product with its variants and images."

    @classmethod
    def perform_mutation(cls, root, info, id):
        delete_product(ProductObjectType.get_visible(info, id))
        return cls(deleted_id=id)
