"""A list's entries in bulk: replace, upsert, change every price by a percentage.

Rows name their variant by ID or by SKU (an upload or a pasted table knows SKUs); SKUs
are matched case-insensitively among the variants the viewer may see, and the unknown
ones are refused together (``skus`` lists them), before the service checks the rest.
"""

from __future__ import annotations

from decimal import Decimal

import graphene
from django.db.models.functions import Upper

from backend.catalog.schema.types import ProductVariantType, UnitEnum
from backend.core.errors import DomainValidationError, ErrorCollector
from backend.core.graphql.ids import decode_global_id

from ...errors import PriceRulesErrorCode as Code
from ...services.entries import (
    EntryRow,
    change_entries_by_percent,
    replace_entries,
    set_variant_entries,
    upsert_entries,
)
from ..enums import RoundingEnum
from ..types import PriceListType
from .base import PriceRulesMutation, acting_organization

MAX_ROWS = 5000


class PriceListEntryRowInput(graphene.InputObjectType):
    variant = graphene.ID(description="The variant; or give its `sku`.")
    sku = graphene.String(description="The variant's SKU (case-insensitive).")
    min_quantity = graphene.Decimal(default_value=Decimal(1),
                                    description="From this quantity on (1 by default).")
    price = graphene.Decimal(required=True, description="Unit price in the list's currency.")
    unit = graphene.Field(UnitEnum, description="The unit of sale, when not the variant's.")


def entry_rows(info, rows: list[dict]) -> list[EntryRow]:
    """Input rows as the service's, every variant found among the visible ones."""
    errors = ErrorCollector()
    if len(rows) > MAX_ROWS:
        raise DomainValidationError.single(
            Code.INVALID, f"Send at most {MAX_ROWS} rows at a time (upload a file for more).",
            "rows", max_rows=MAX_ROWS)
    ids: dict[int, int] = {}
    for index, row in enumerate(rows):
        if bool(row.get("variant")) == bool((row.get("sku") or "").strip()):
            errors.add(Code.INVALID, "Give a row's variant or its SKU, one of the two.",
                       f"rows.{index}")
        elif row.get("variant"):
            ids[index] = decode_global_id(row["variant"], "ProductVariant", f"rows.{index}")
    errors.raise_if_any()
    wanted = {row["sku"].strip().upper() for row in rows if row.get("sku")}
    visible = ProductVariantType.visible_queryset(info)
    by_sku = dict(visible.annotate(sku_upper=Upper("sku")).filter(sku_upper__in=wanted)
                  .values_list("sku_upper", "pk")) if wanted else {}
    known = set(visible.filter(pk__in=set(ids.values())).values_list("pk", flat=True))
    unknown_skus = sorted({row["sku"].strip() for row in rows
                           if row.get("sku") and row["sku"].strip().upper() not in by_sku})
    if unknown_skus:
        errors.add(Code.UNKNOWN_VARIANT, f"Unknown SKUs: {', '.join(unknown_skus)}.", "rows",
                   skus=unknown_skus)
    unknown_ids = sorted({pk for pk in ids.values() if pk not in known})
    if unknown_ids:
        errors.add(Code.UNKNOWN_VARIANT, "Some variants are not in the catalog.", "rows",
                   variant_ids=unknown_ids)
    errors.raise_if_any()
    return [EntryRow(variant_id=ids[i] if i in ids else by_sku[row["sku"].strip().upper()],
                     price=row["price"], min_quantity=row["min_quantity"],
                     unit=row.get("unit") or "")
            for i, row in enumerate(rows)]


class _EntriesMutation(PriceRulesMutation):
    price_list = graphene.Field(PriceListType)

    class Meta:
        abstract = True

    class Arguments:
        price_list = graphene.ID(required=True)
        rows = graphene.List(graphene.NonNull(PriceListEntryRowInput), required=True)

    service = staticmethod(replace_entries)

    @classmethod
    def perform_mutation(cls, root, info, price_list, rows):
        actor = acting_organization(info)
        found = PriceListType.get_visible(info, price_list, "price_list")
        return cls(price_list=cls.service(actor, found, entry_rows(info, rows)))


class PriceListEntriesReplace(_EntriesMutation):
    class Meta:
        description = ("The list's entries become exactly these rows (all or nothing; a "
                       "dealer's resale list is checked against the MAP floors).")

    service = staticmethod(replace_entries)


class PriceListEntriesUpsert(_EntriesMutation):
    class Meta:
        description = ("Add these rows to the list; a row for a tier the list has (same "
                       "variant and minimum quantity) changes its price. All or nothing.")

    service = staticmethod(upsert_entries)


class PriceListEntriesSetVariants(PriceRulesMutation):
    price_list = graphene.Field(PriceListType)

    class Arguments:
        price_list = graphene.ID(required=True)
        variants = graphene.List(graphene.NonNull(graphene.ID), required=True,
                                 description="The variants whose tiers the rows replace.")
        rows = graphene.List(graphene.NonNull(PriceListEntryRowInput), required=True,
                             description="Their tiers; none removes the variants.")

    class Meta:
        description = ("The tiers of these variants become exactly these rows (a variant "
                       "without rows leaves the list); the list's other entries stay. All "
                       "or nothing, checked as any write.")

    @classmethod
    def perform_mutation(cls, root, info, price_list, variants, rows):
        actor = acting_organization(info)
        found = PriceListType.get_visible(info, price_list, "price_list")
        if len(variants) > MAX_ROWS:
            raise DomainValidationError.single(
                Code.INVALID, f"Send at most {MAX_ROWS} variants at a time.", "variants")
        variant_ids = {decode_global_id(v, "ProductVariant", "variants") for v in variants}
        return cls(price_list=set_variant_entries(actor, found, variant_ids,
                                                  entry_rows(info, rows)))


class PriceListEntriesChangeByPercent(PriceRulesMutation):
    price_list = graphene.Field(PriceListType)

    class Arguments:
        price_list = graphene.ID(required=True)
        percent = graphene.Decimal(required=True, description="E.g. 5 raises every price "
                                                              "by 5%, -3 lowers it by 3%.")
        rounding = graphene.Argument(RoundingEnum, default_value=RoundingEnum.CENT)
        search = graphene.String(description=(
            "Only the variants whose SKU or name holds this (as the entries query's "
            "search); the whole list when empty."))

    class Meta:
        description = ("Every price of the list times (1 + percent/100), rounded; refused "
                       "with every offending SKU when a price would fall below a MAP floor "
                       "or to zero. All or nothing.")

    @classmethod
    def perform_mutation(cls, root, info, price_list, percent, rounding="CENT", search=None):
        actor = acting_organization(info)
        found = PriceListType.get_visible(info, price_list, "price_list")
        return cls(price_list=change_entries_by_percent(actor, found, percent, rounding,
                                                        search=search or ""))
