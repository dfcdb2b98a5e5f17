"""Price list workbooks: ``priceListImport`` (an xlsx upload into one list, every row
checked, all or nothing, or a dry run) and ``priceListExport`` (a short-lived signed link
to a list's workbook or to the viewer's own prices). Self-contained: its error type and
enum are its own; ``ExcelMutations`` joins the app's root mutation type."""

from __future__ import annotations

import graphene
from graphene_file_upload.scalars import Upload

from backend.core.errors import CoreErrorCode, DomainValidationError
from backend.core.graphql.errors import error_type
from backend.core.graphql.ids import decode_global_id, shown
from backend.core.graphql.mutations import BaseMutation
from backend.core.permissions import Perm

from ...errors import PriceRulesErrorCode
from ...excel.downloads import LANGUAGES, sign_download
from ...excel.imports import ImportMode, import_price_list
from ...models import PriceList
from ...visibility import managing_organization_id, visible_price_lists

PriceListFileError = error_type(
    "PriceListFileError", PriceRulesErrorCode,
    "An error of a price list workbook: the row (as Excel numbers it) and the column it is "
    "about when it is about one.",
    row=graphene.Int(description="The sheet's row number, or null for the whole file."),
    column=graphene.String(description="sku, min_quantity, price, unit or currency."),
    skus=graphene.List(graphene.NonNull(graphene.String),
                       description="The SKUs the error is about."),
)

PriceListImportMode = graphene.Enum(
    "PriceListImportMode", [(m.value, m.value) for m in ImportMode], description=(
        "REPLACE: the list becomes the file's rows; UPSERT: the file's tiers are added or "
        "changed (same SKU and minimum quantity), the list's other tiers stay."))


def _price_list(info, global_id: str) -> PriceList:
    pk = decode_global_id(global_id, "PriceList", "price_list")
    found = visible_price_lists(info.context.viewer).filter(pk=pk).first()
    if found is None:
        raise DomainValidationError.single(
            CoreErrorCode.NOT_FOUND, f"No PriceList with ID '{shown(global_id)}'.",
            "price_list")
    return found


class PriceListImport(BaseMutation):
    rows = graphene.Int(description="Data rows read (the header not counted).")
    applied = graphene.Boolean(required=True, description="The rows were saved (false for "
                                                          "a dry run and on errors).")

    added = graphene.Int(description="Tiers (SKU and minimum quantity) the file adds.")
    changed = graphene.Int(description="Tiers whose price or unit the file changes.")
    removed = graphene.Int(description="Tiers the list loses (REPLACE only).")

    failure_defaults = {"applied": False}

    class Arguments:
        price_list = graphene.ID(required=True)
        file = Upload(required=True, description=(
            "An .xlsx workbook, sent as a GraphQL multipart request. Its first sheet's "
            "first row names the columns, in Russian or English: SKU (Артикул), min "
            "quantity (Мин. количество; 1 when absent), price (Цена), optionally unit "
            "(Единица) and currency (Валюта, must be the list's)."))
        mode = PriceListImportMode(description="REPLACE when omitted.")
        dry_run = graphene.Boolean(default_value=False, description=(
            "Check everything, save nothing."))

    class Meta:
        description = ("Load a price list's tiers from an xlsx workbook: every problem is "
                       "reported with its row and column and nothing is saved unless every "
                       "row is right. Staff with MANAGE_PRICES, or a member with "
                       "MANAGE_PRICES of the list's owner.")
        error_type_class = PriceListFileError
        error_code_enum = PriceRulesErrorCode

    @classmethod
    def perform_mutation(cls, root, info, price_list, file, mode=None, dry_run=False):
        viewer = info.context.viewer
        target = _price_list(info, price_list)
        if viewer.has_perm(Perm.MANAGE_PRICES):
            actor = target.owner
        elif managing_organization_id(viewer) == target.owner_id:
            actor = viewer.organization
        else:
            raise DomainValidationError.single(
                CoreErrorCode.PERMISSION_DENIED, "You may see this list but not change it.",
                "price_list")
        result = import_price_list(actor, target, file, size=file.size,
                                   mode=ImportMode(mode or ImportMode.REPLACE.value),
                                   dry_run=bool(dry_run))
        return cls(rows=result.rows, applied=result.applied, added=result.added,
                   changed=result.changed, removed=result.removed)


class PriceListExport(BaseMutation):
    url = graphene.String(description="Where to GET the workbook (same origin), e.g. as a "
                                      "link's href; valid until expiresAt.")
    expires_at = graphene.DateTime()

    class Arguments:
        price_list = graphene.ID(description=(
            "A list the viewer may see; null: the viewer's own prices (every variant it "
            "may see, resolved for the active organization, one row per tier)."))
        language = graphene.String(default_value="ru", description="ru or en: the headers.")

    class Meta:
        description = ("A short-lived signed link to a price workbook (xlsx), for a browser "
                       "to download without the Authorization header; it works only for the "
                       "signed-in user, while the sign-in lasts, and is checked again when "
                       "the file is fetched.")
        error_type_class = PriceListFileError
        error_code_enum = PriceRulesErrorCode

    @classmethod
    def perform_mutation(cls, root, info, price_list=None, language="ru"):
        viewer = info.context.viewer
        language = language or "ru"
        if language not in LANGUAGES:
            raise DomainValidationError.single(
                CoreErrorCode.INVALID, f"The language must be one of {', '.join(LANGUAGES)}.",
                "language")
        if price_list is not None:
            list_id: int | None = _price_list(info, price_list).pk
        else:
            list_id = None
            if viewer.organization is None:
                raise DomainValidationError.single(
                    CoreErrorCode.REQUIRED, "Choose the organization whose prices to "
                                            "download (X-Organization header).", "price_list")
            if getattr(viewer.organization, "parent_id", None) is None:
                raise DomainValidationError.single(
                    CoreErrorCode.NOT_FOUND, "Your organization buys from nobody, so it has "
                                             "no prices of its own to download.", "price_list")
        link = sign_download(viewer, price_list_id=list_id, language=language)
        return cls(url=link.url, expires_at=link.expires_at)


class ExcelMutations(graphene.ObjectType):
    price_list_import = PriceListImport.Field()
    price_list_export = PriceListExport.Field()
