"""Django admin for the price rules: staff see and correct every rule.

Organizations, variants, products and categories are tens of thousands of rows, so they
are picked by id (``raw_id_fields``), never in a select of every row. A list's entries are
their own page (a list may hold 100,000); its assignments are inline. The database's own
constraints (a positive price, one target per assignment, a floor of one kind) are checked
by the forms before saving. The checks that need the engine (floors, formula cycles) belong
to the services that the API will use; the admin is the staff's repair tool.
"""

from __future__ import annotations

from django.contrib import admin

from .models import (
    MapFloor,
    PriceGroup,
    PriceGroupMember,
    PriceList,
    PriceListAssignment,
    PriceListEntry,
    Promotion,
    RecomputeJob,
    ResaleMarkup,
    VolumeDiscount,
    VolumeDiscountStep,
)


class MemberInline(admin.TabularInline):
    model = PriceGroupMember
    raw_id_fields = ("organization",)
    extra = 0


@admin.register(PriceGroup)
class PriceGroupAdmin(admin.ModelAdmin):
    list_display = ("name", "owner", "created_at")
    list_select_related = ("owner",)
    search_fields = ("name", "owner__name")
    raw_id_fields = ("owner",)
    inlines = (MemberInline,)


@admin.register(PriceGroupMember)
class PriceGroupMemberAdmin(admin.ModelAdmin):
    list_display = ("group", "organization")
    list_select_related = ("group", "organization")
    search_fields = ("group__name", "organization__name")
    raw_id_fields = ("group", "organization")


class AssignmentInline(admin.TabularInline):
    model = PriceListAssignment
    raw_id_fields = ("organization", "price_group")
    extra = 0


@admin.register(PriceList)
class PriceListAdmin(admin.ModelAdmin):
    list_display = ("name", "owner", "kind", "currency", "priority", "valid_from",
                    "valid_until", "prices_include_vat", "is_base", "source")
    list_filter = ("kind", "currency", "prices_include_vat", "is_base")
    list_select_related = ("owner", "source")
    search_fields = ("name", "owner__name")
    raw_id_fields = ("owner", "fallback", "source")
    inlines = (AssignmentInline,)


@admin.register(PriceListEntry)
class PriceListEntryAdmin(admin.ModelAdmin):
    list_display = ("variant", "price_list", "min_quantity", "price", "unit")
    list_select_related = ("variant", "price_list")
    search_fields = ("variant__sku", "price_list__name")
    raw_id_fields = ("price_list", "variant")


@admin.register(PriceListAssignment)
class PriceListAssignmentAdmin(admin.ModelAdmin):
    list_display = ("price_list", "organization", "price_group", "region", "is_owner_default")
    list_select_related = ("price_list", "organization", "price_group")
    search_fields = ("price_list__name", "organization__name", "price_group__name", "region")
    raw_id_fields = ("price_list", "organization", "price_group")


@admin.register(ResaleMarkup)
class ResaleMarkupAdmin(admin.ModelAdmin):
    list_display = ("organization", "factor", "percent", "amount", "rounding", "updated_at")
    list_select_related = ("organization",)
    search_fields = ("organization__name",)
    raw_id_fields = ("organization",)


@admin.register(Promotion)
class PromotionAdmin(admin.ModelAdmin):
    list_display = ("name", "owner", "kind", "value", "currency", "stacking", "starts", "ends")
    list_filter = ("kind", "stacking")
    list_select_related = ("owner",)
    search_fields = ("name", "owner__name")
    date_hierarchy = "starts"
    raw_id_fields = ("owner", "variants", "products", "categories", "audience_organizations",
                     "audience_price_groups")


class StepInline(admin.TabularInline):
    model = VolumeDiscountStep
    extra = 0


@admin.register(VolumeDiscount)
class VolumeDiscountAdmin(admin.ModelAdmin):
    list_display = ("name", "owner", "currency", "starts", "ends")
    list_select_related = ("owner",)
    search_fields = ("name", "owner__name")
    raw_id_fields = ("owner", "audience_organizations", "audience_price_groups")
    inlines = (StepInline,)


@admin.register(VolumeDiscountStep)
class VolumeDiscountStepAdmin(admin.ModelAdmin):
    list_display = ("discount", "threshold", "percent")
    list_select_related = ("discount",)
    search_fields = ("discount__name",)
    raw_id_fields = ("discount",)


@admin.register(MapFloor)
class MapFloorAdmin(admin.ModelAdmin):
    list_display = ("owner", "variant", "category", "amount", "percent", "currency")
    list_select_related = ("owner", "variant", "category")
    search_fields = ("variant__sku", "category__name", "owner__name")
    raw_id_fields = ("owner", "variant", "category")


@admin.register(RecomputeJob)
class RecomputeJobAdmin(admin.ModelAdmin):
    list_display = ("price_list", "status", "lists_done", "lists_total", "created_at",
                    "finished_at")
    list_select_related = ("price_list",)
    list_filter = ("status",)
    search_fields = ("price_list__name",)
    raw_id_fields = ("price_list",)
