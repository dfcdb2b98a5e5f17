"""stockUpload: a warehouse's stock from an xlsx workbook, a dry run unless asked."""

from __future__ import annotations

import graphene
from graphene_file_upload.scalars import Upload

from backend.core.graphql.errors import graphql_enum

from ...errors import InventoryError, InventoryErrorCode
from ...excel.upload import UploadRejected, upload_stock
from .base import Code, InventoryMutation, actor, managed_warehouse


class StockUploadResultType(graphene.ObjectType):
    rows = graphene.Int(required=True, description="Data rows read (the header not counted).")
    added = graphene.Int(required=True, description="Variants the warehouse held none of.")
    changed = graphene.Int(required=True)
    unchanged = graphene.Int(required=True)
    zeroed = graphene.Int(required=True, description="Full mode: variants not in the file, "
                                                     "left with what orders hold.")
    applied = graphene.Boolean(required=True, description="Saved (false for a dry run).")

    class Meta:
        name = "StockUploadResult"


class StockUploadRowErrorType(graphene.ObjectType):
    row = graphene.Int(required=True, description="The sheet's row number, as Excel shows it.")
    column = graphene.String(description="sku or quantity.")
    code = graphene.Field(graphql_enum(InventoryErrorCode), required=True)
    message = graphene.String(required=True)
    value = graphene.String(description="The cell as read.")

    class Meta:
        name = "StockUploadRowError"


class StockUpload(InventoryMutation):
    result = graphene.Field(StockUploadResultType)
    row_errors = graphene.List(graphene.NonNull(StockUploadRowErrorType), required=True)

    failure_defaults = {"row_errors": []}

    class Arguments:
        warehouse = graphene.ID(required=True)
        file = Upload(required=True, description=(
            "An .xlsx workbook (GraphQL multipart request): on its first sheet a header row "
            "names an SKU column (Артикул / SKU) and a quantity column (Остаток / "
            "Количество / Quantity / On hand), in any order, title rows above it allowed."))
        dry_run = graphene.Boolean(default_value=True, description=(
            "Check everything and report what would change; save nothing."))
        full = graphene.Boolean(default_value=False, description=(
            "The file is the warehouse's whole stock: variants not in it keep only what "
            "orders hold."))

    class Meta:
        description = ("Load a warehouse's stock from a workbook, all or nothing: every bad "
                       "row is named (row, column, code, value) and nothing is saved unless "
                       "every row is right. For a warehouse the viewer manages.")

    @classmethod
    def perform_mutation(cls, root, info, warehouse, file, dry_run=True, full=False):
        target = managed_warehouse(info, warehouse)
        try:
            result = upload_stock(target, file, size=file.size, actor=actor(info),
                                  name=getattr(file, "name", "") or "", full=bool(full),
                                  dry_run=bool(dry_run))
        except UploadRejected as rejected:
            return _rejected(cls, rejected)
        return cls(result=StockUploadResultType(**result.__dict__), row_errors=[])


def _rejected(cls, rejected: UploadRejected):
    rows = [e for e in rejected.errors if e.params.get("row") is not None]
    whole = [e for e in rejected.errors if e.params.get("row") is None]
    errors = [InventoryError(field="file", code=InventoryErrorCode(e.code_value),
                             message=e.message, skus=None) for e in whole]
    if rows:
        errors.insert(0, InventoryError(
            field="file", code=Code.UPLOAD_INVALID, skus=None,
            message=f"{len(rows)} rows cannot be loaded; nothing was saved."))
    return cls(result=None, errors=errors, row_errors=[StockUploadRowErrorType(
        row=e.params["row"], column=e.params.get("column"),
        code=InventoryErrorCode(e.code_value), message=e.message, value=e.params.get("value"))
        for e in rows])
