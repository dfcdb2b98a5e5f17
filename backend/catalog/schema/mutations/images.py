import graphene
from graphene_file_upload.scalars import Upload

from ...services.products import add_product_image, delete_product_image
from ..types import ProductImageType, ProductObjectType
from .base import CatalogMutation


class ProductImageCreate(CatalogMutation):
    image = graphene.Field(ProductImageType)

    class Arguments:
        product = graphene.ID(required=True)
        image = Upload(required=True, description="A JPEG, PNG, WebP or GIF up to 10 MB, "
                                                  "sent as a GraphQL multipart request.")
        alt = graphene.String(default_value="")

    class Meta:
        description = "Upload a product image; thumbnails are made at once."

    @classmethod
    def perform_mutation(cls, root, info, product, image, alt=""):
        target = ProductObjectType.get_visible(info, product, "product")
        return cls(image=add_product_image(target, image, alt))


class ProductImageDelete(CatalogMutation):
    deleted_id = graphene.ID()

    class Arguments:
        id = graphene.ID(required=True)

    class Meta:
        description = "Delete a product image and its thumbnails."

    @classmethod
    def perform_mutation(cls, root, info, id):
        delete_product_image(ProductImageType.get_visible(info, id))
        return cls(deleted_id=id)
