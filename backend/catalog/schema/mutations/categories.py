import graphene

from ...services.categories import CategoryData, delete_category, save_category
from ..types import CategoryType
from .base import CatalogMutation


class CategoryInput(graphene.InputObjectType):
    name = graphene.String()
    slug = graphene.String(description="Made from the name (transliterated) when omitted.")
    description = graphene.String()
    parent = graphene.ID(description="The parent category; null for a top-level one.")
    sort_order = graphene.Int()


def _category_data(info, input) -> CategoryData:
    data = dict(input)
    if "parent" in data:
        data["parent"] = (CategoryType.get_visible(info, data["parent"], "parent")
                          if data["parent"] else None)
    return CategoryData(**data)


class CategoryCreate(CatalogMutation):
    category = graphene.Field(CategoryType)

    class Arguments:
        input = CategoryInput(required=True)

    class Meta:
        description = "Create a category."

    @classmethod
    def perform_mutation(cls, root, info, input):
        return cls(category=save_category(None, _category_data(info, input)))


class CategoryUpdate(CatalogMutation):
    category = graphene.Field(CategoryType)

    class Arguments:
        id = graphene.ID(required=True)
        input = CategoryInput(required=True)

    class Meta:
        description = "Rename, move or edit a category."

    @classmethod
    def perform_mutation(cls, root, info, id, input):
        category = CategoryType.get_visible(info, id)
        return cls(category=save_category(category, _category_data(info, input)))


class CategoryDelete(CatalogMutation):
    deleted_id = graphene.ID()

    class Arguments:
        id = graphene.ID(required=True)

    class Meta:
        description = "Delete an empty category (no products, no subcategories)."

    @classmethod
    def perform_mutation(cls, root, info, id):
        delete_category(CategoryType.get_visible(info, id))
        return cls(deleted_id=id)
