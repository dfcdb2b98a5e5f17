"""Price rules' node types: thin over the models, relations through batch loaders, rows
through ``price_rules.visibility`` (``Meta.visible``)."""

from __future__ import annotations

import graphene
from django.utils import timezone

from backend.accounts.schema.types import OrganizationType
from backend.catalog.schema.types import CategoryType, ProductObjectType, ProductVariantType
from backend.core.graphql.types import ModelObjectType

from ..models import (
    MapFloor,
    PriceGroup,
    PriceList,
    PriceListAssignment,
    PriceListEntry,
    Promotion,
    RecomputeJob,
    ResaleMarkup,
    VolumeDiscount,
)
from ..visibility import (
    visible_map_floors,
    visible_price_groups,
    visible_price_list_assignments,
    visible_price_list_entries,
    visible_price_lists,
    visible_promotions,
    visible_recompute_jobs,
    visible_resale_markups,
    visible_volume_discounts,
)
from . import loaders
from .enums import (
    PriceListKindEnum,
    PromotionKindEnum,
    PromotionStatusEnum,
    RecomputeStatusEnum,
    RoundingEnum,
    StackingEnum,
)


def _organization(info, organization_id):
    return loaders.OrganizationOfPriceRuleLoader(info.context).load(organization_id)


class PriceGroupType(ModelObjectType):
    owner = graphene.Field(OrganizationType)
    members = graphene.List(graphene.NonNull(OrganizationType), required=True,
                            description="The organizations in the group.")
    member_count = graphene.Int(required=True, description=(
        "How many organizations are in the group (a list of groups shows it without "
        "loading every member)."))
    assignment_count = graphene.Int(required=True, description=(
        "How many list assignments target the group: deleting the group removes them."))

    class Meta:
        model = PriceGroup
        name = "PriceGroup"
        visible = visible_price_groups
        fields = ("id", "name", "created_at")

    @staticmethod
    def resolve_owner(root: PriceGroup, info):
        return _organization(info, root.owner_id)

    @staticmethod
    def resolve_members(root: PriceGroup, info):
        return loaders.MembersByGroupIdLoader(info.context).load(root.pk)

    @staticmethod
    def resolve_member_count(root: PriceGroup, info):
        return loaders.MemberCountByGroupIdLoader(info.context).load(root.pk)

    @staticmethod
    def resolve_assignment_count(root: PriceGroup, info):
        return loaders.AssignmentCountByGroupIdLoader(info.context).load(root.pk)


class PriceListAssignmentType(ModelObjectType):
    price_list = graphene.Field(lambda: PriceListType)
    organization = graphene.Field(OrganizationType, description="Personal prices of one "
                                                                "organization.")
    price_group = graphene.Field(PriceGroupType)
    is_owner_default = graphene.Boolean(required=True, description=(
        "The owner's default list for every organization buying from it."))

    class Meta:
        model = PriceListAssignment
        name = "PriceListAssignment"
        visible = visible_price_list_assignments
        fields = ("id", "region")

    @staticmethod
    def resolve_price_list(root: PriceListAssignment, info):
        return loaders.PriceListByIdLoader(info.context).load(root.price_list_id)

    @staticmethod
    def resolve_organization(root: PriceListAssignment, info):
        return _organization(info, root.organization_id)

    @staticmethod
    def resolve_price_group(root: PriceListAssignment, info):
        return loaders.PriceGroupByIdLoader(info.context).load(root.price_group_id)


class PriceListType(ModelObjectType):
    owner = graphene.Field(OrganizationType)
    kind = graphene.Field(PriceListKindEnum, required=True)
    formula_rounding = graphene.Field(RoundingEnum, required=True)
    fallback = graphene.Field(lambda: PriceListType, description=(
        "The list consulted for the variants this one lacks."))
    source = graphene.Field(lambda: PriceListType, description=(
        "A derived list's source: its entries are the source's through the formula."))
    is_derived = graphene.Boolean(required=True)
    below_floor_skus = graphene.List(graphene.NonNull(graphene.String), required=True,
                                     description="SKUs a MAP floor change left below it.")
    entry_count = graphene.Int(required=True, description="Entries (tiers) on the list.")
    assignments = graphene.List(graphene.NonNull(PriceListAssignmentType), required=True)

    class Meta:
        model = PriceList
        name = "PriceList"
        visible = visible_price_lists
        fields = ("id", "name", "currency", "valid_from", "valid_until", "priority",
                  "prices_include_vat", "is_base", "formula_factor", "formula_percent",
                  "formula_amount", "below_floor_since", "created_at", "updated_at")

    @staticmethod
    def resolve_owner(root: PriceList, info):
        return _organization(info, root.owner_id)

    @staticmethod
    def resolve_fallback(root: PriceList, info):
        return loaders.PriceListByIdLoader(info.context).load(root.fallback_id)

    @staticmethod
    def resolve_source(root: PriceList, info):
        return loaders.PriceListByIdLoader(info.context).load(root.source_id)

    @staticmethod
    def resolve_is_derived(root: PriceList, info):
        return root.source_id is not None

    @staticmethod
    def resolve_entry_count(root: PriceList, info):
        return loaders.EntryCountByListIdLoader(info.context).load(root.pk)

    @staticmethod
    def resolve_assignments(root: PriceList, info):
        return loaders.AssignmentsByListIdLoader(info.context).load(root.pk)


class PriceListEntryType(ModelObjectType):
    price_list = graphene.Field(PriceListType)
    variant = graphene.Field(ProductVariantType)
    min_quantity = graphene.Decimal(required=True, description="From this quantity on.")
    price = graphene.Decimal(required=True, description="Unit price in the list's currency "
                                                        "(with VAT if the list includes it).")
    unit = graphene.String(description="The unit of sale, when it is not the variant's.")

    class Meta:
        model = PriceListEntry
        name = "PriceListEntry"
        visible = visible_price_list_entries
        fields = ("id",)

    @staticmethod
    def resolve_price_list(root: PriceListEntry, info):
        return loaders.PriceListByIdLoader(info.context).load(root.price_list_id)

    @staticmethod
    def resolve_variant(root: PriceListEntry, info):
        return loaders.VariantOfPriceRuleLoader(info.context).load(root.variant_id)

    @staticmethod
    def resolve_unit(root: PriceListEntry, info):
        return root.unit or None


class ResaleMarkupType(ModelObjectType):
    organization = graphene.Field(OrganizationType)
    rounding = graphene.Field(RoundingEnum, required=True)

    class Meta:
        model = ResaleMarkup
        name = "ResaleMarkup"
        visible = visible_resale_markups
        description = ("A dealer's price for its buyers of the variants no resale list "
                       "prices: round((purchase x factor) x (1 + percent/100) + amount).")
        fields = ("id", "factor", "percent", "amount", "updated_at")

    @staticmethod
    def resolve_organization(root: ResaleMarkup, info):
        return _organization(info, root.organization_id)


def promotion_status(starts, ends, today=None) -> str:
    today = today or timezone.localdate()
    if today < starts:
        return "FUTURE"
    return "PAST" if today > ends else "RUNNING"


class PromotionType(ModelObjectType):
    owner = graphene.Field(OrganizationType)
    kind = graphene.Field(PromotionKindEnum, required=True)
    stacking = graphene.Field(StackingEnum, required=True)
    status = graphene.Field(PromotionStatusEnum, required=True, description="Today.")
    currency = graphene.String(description="The currency of a fixed discount.")
    variants = graphene.List(graphene.NonNull(ProductVariantType), required=True)
    products = graphene.List(graphene.NonNull(ProductObjectType), required=True)
    categories = graphene.List(graphene.NonNull(CategoryType), required=True)
    audience_organizations = graphene.List(graphene.NonNull(OrganizationType), required=True)
    audience_price_groups = graphene.List(graphene.NonNull(PriceGroupType), required=True)
    audience_regions = graphene.List(graphene.NonNull(graphene.String), required=True)

    class Meta:
        model = Promotion
        name = "Promotion"
        visible = visible_promotions
        fields = ("id", "name", "value", "starts", "ends", "created_at")

    @staticmethod
    def resolve_owner(root: Promotion, info):
        return _organization(info, root.owner_id)

    @staticmethod
    def resolve_status(root: Promotion, info):
        return promotion_status(root.starts, root.ends)

    @staticmethod
    def resolve_currency(root: Promotion, info):
        return root.currency or None

    @staticmethod
    def resolve_variants(root: Promotion, info):
        return loaders.PromotionVariantsLoader(info.context).load(root.pk)

    @staticmethod
    def resolve_products(root: Promotion, info):
        return loaders.PromotionProductsLoader(info.context).load(root.pk)

    @staticmethod
    def resolve_categories(root: Promotion, info):
        return loaders.PromotionCategoriesLoader(info.context).load(root.pk)

    @staticmethod
    def resolve_audience_organizations(root: Promotion, info):
        return loaders.PromotionOrganizationsLoader(info.context).load(root.pk)

    @staticmethod
    def resolve_audience_price_groups(root: Promotion, info):
        return loaders.PromotionPriceGroupsLoader(info.context).load(root.pk)


class VolumeDiscountStep(graphene.ObjectType):
    threshold = graphene.Decimal(required=True, description="From this order total (net).")
    percent = graphene.Decimal(required=True)


class VolumeDiscountType(ModelObjectType):
    owner = graphene.Field(OrganizationType)
    steps = graphene.List(graphene.NonNull(VolumeDiscountStep), required=True)
    audience_organizations = graphene.List(graphene.NonNull(OrganizationType), required=True)
    audience_price_groups = graphene.List(graphene.NonNull(PriceGroupType), required=True)
    audience_regions = graphene.List(graphene.NonNull(graphene.String), required=True)

    class Meta:
        model = VolumeDiscount
        name = "VolumeDiscount"
        visible = visible_volume_discounts
        fields = ("id", "name", "currency", "starts", "ends")

    @staticmethod
    def resolve_owner(root: VolumeDiscount, info):
        return _organization(info, root.owner_id)

    @staticmethod
    def resolve_steps(root: VolumeDiscount, info):
        return loaders.StepsByVolumeDiscountIdLoader(info.context).load(root.pk)

    @staticmethod
    def resolve_audience_organizations(root: VolumeDiscount, info):
        return loaders.DiscountOrganizationsLoader(info.context).load(root.pk)

    @staticmethod
    def resolve_audience_price_groups(root: VolumeDiscount, info):
        return loaders.DiscountPriceGroupsLoader(info.context).load(root.pk)


class MapFloorType(ModelObjectType):
    owner = graphene.Field(OrganizationType)
    variant = graphene.Field(ProductVariantType, description="A floor for one variant.")
    category = graphene.Field(CategoryType, description="A floor for a category's variants.")
    amount = graphene.Decimal(description="The variant's floor: a net unit price.")
    percent = graphene.Decimal(description="The category's floor: this percentage of the "
                                           "manufacturer's base list price.")

    class Meta:
        model = MapFloor
        name = "MapFloor"
        visible = visible_map_floors
        fields = ("id", "currency", "updated_at")

    @staticmethod
    def resolve_owner(root: MapFloor, info):
        return _organization(info, root.owner_id)

    @staticmethod
    def resolve_variant(root: MapFloor, info):
        return loaders.VariantOfPriceRuleLoader(info.context).load(root.variant_id)

    @staticmethod
    def resolve_category(root: MapFloor, info):
        return loaders.CategoryOfPriceRuleLoader(info.context).load(root.category_id)


class RecomputeJobType(ModelObjectType):
    price_list = graphene.Field(PriceListType, description="The list whose change started "
                                                           "the recomputation.")
    status = graphene.Field(RecomputeStatusEnum, required=True)
    error_code = graphene.String(description="Why a FAILED job stopped.")
    error_message = graphene.String()

    class Meta:
        model = RecomputeJob
        name = "RecomputeJob"
        visible = visible_recompute_jobs
        fields = ("id", "lists_total", "lists_done", "created_at", "finished_at")

    @staticmethod
    def resolve_price_list(root: RecomputeJob, info):
        return loaders.PriceListByIdLoader(info.context).load(root.price_list_id)

    @staticmethod
    def resolve_error_code(root: RecomputeJob, info):
        return root.error_code or None

    @staticmethod
    def resolve_error_message(root: RecomputeJob, info):
        return root.error_message or None
