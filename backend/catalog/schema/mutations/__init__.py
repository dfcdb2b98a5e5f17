"""The catalog's root mutation fields (staff with MANAGE_CATALOG), one module per entity."""

import graphene

from .attributes import (
    AttributeCreate,
    AttributeUpdate,
    ProductTypeCreate,
    ProductTypeUpdate,
)
from .categories import CategoryCreate, CategoryDelete, CategoryUpdate
from .images import ProductImageCreate, ProductImageDelete
from .products import ProductCreate, ProductDelete, ProductUpdate
from .variants import ProductVariantCreate, ProductVariantDelete, ProductVariantUpdate


class CatalogMutations(graphene.ObjectType):
    category_create = CategoryCreate.Field()
    category_update = CategoryUpdate.Field()
    category_delete = CategoryDelete.Field()
    attribute_create = AttributeCreate.Field()
    attribute_update = AttributeUpdate.Field()
    product_type_create = ProductTypeCreate.Field()
    product_type_update = ProductTypeUpdate.Field()
    product_create = ProductCreate.Field()
    product_update = ProductUpdate.Field()
    product_delete = ProductDelete.Field()
    product_variant_create = ProductVariantCreate.Field()
    product_variant_update = ProductVariantUpdate.Field()
    product_variant_delete = ProductVariantDelete.Field()
    product_image_create = ProductImageCreate.Field()
    product_image_delete = ProductImageDelete.Field()
