"""Order files in the API: orderFileUpload (read the file, guess or recall its mapping)
and orderFileApply (the confirmed mapping: the good rows into the cart, every row
reported). The file is its uploader's alone (``visible_order_files``); the buyer is the
one it was uploaded for, checked again when it is applied (``order_buyer``)."""

from __future__ import annotations

import graphene
from graphene_file_upload.scalars import Upload

from backend.core.graphql.ids import decode_global_id
from backend.core.graphql.types import ModelObjectType

from ..files.apply import apply_order_file
from ..files.guess import Columns
from ..files.reading import max_bytes
from ..files.stored import guessed_columns, sheet_views
from ..files.upload import upload_order_file
from ..models import OrderFile
from ..services.on_behalf import order_buyer
from ..visibility import visible_order_files
from .cart_view import cart_view
from .types import CartType, CheckoutMutation, LineReportType


class OrderFileSheetType(graphene.ObjectType):
    index = graphene.Int(required=True, description="0-based, in the workbook's order.")
    name = graphene.String(required=True)
    row_count = graphene.Int(required=True, description=(
        "Non-empty rows below the header (every non-empty row without one)."))
    header_row = graphene.Int(description="The guessed header's row number in the file; "
                                          "null: none found.")
    headers = graphene.List(graphene.NonNull(graphene.String), required=True, description=(
        "The header row's cells (empty strings without one), as wide as the preview."))
    preview = graphene.List(graphene.NonNull(graphene.List(graphene.NonNull(graphene.String))),
                            required=True, description="The first rows below the header.")

    class Meta:
        name = "OrderFileSheet"


class OrderFileColumnsType(graphene.ObjectType):
    sheet = graphene.Int(required=True, description="The sheet's index.")
    header_row = graphene.Int(required=True, description=(
        "The header's row number in the file; 0: no header, every row is data."))
    sku = graphene.Int(description="0-based column; null: not found.")
    quantity = graphene.Int(description="0-based column; null: not found.")
    name = graphene.Int()
    unit = graphene.Int()
    price = graphene.Int()

    class Meta:
        name = "OrderFileColumns"
        description = "Which sheet, header row and columns an order file is read by."


class OrderFileColumnsInput(graphene.InputObjectType):
    sheet = graphene.Int(required=True)
    header_row = graphene.Int(required=True, description="0: no header row.")
    sku = graphene.Int(required=True, description="0-based column.")
    quantity = graphene.Int(required=True, description="0-based column.")
    name = graphene.Int()
    unit = graphene.Int()
    price = graphene.Int()


class OrderFileType(ModelObjectType):
    sheets = graphene.List(graphene.NonNull(OrderFileSheetType), required=True)
    columns = graphene.Field(OrderFileColumnsType, required=True, description=(
        "The mapping to offer: the one the buyer's organization confirmed for this header, "
        "else the guess."))
    columns_remembered = graphene.Boolean(required=True, description=(
        "The columns are the ones confirmed for a file with the same header before."))

    class Meta:
        model = OrderFile
        name = "OrderFile"
        visible = visible_order_files
        fields = ("id", "filename", "created_at")
        description = "An uploaded order file waiting for its mapping to be confirmed."

    @staticmethod
    def resolve_sheets(root: OrderFile, info):
        return sheet_views(root)

    @staticmethod
    def resolve_columns(root: OrderFile, info):
        return guessed_columns(root)[0]

    @staticmethod
    def resolve_columns_remembered(root: OrderFile, info):
        return guessed_columns(root)[1]


class OrderFileUpload(CheckoutMutation):
    order_file = graphene.Field(OrderFileType)

    class Arguments:
        buyer = graphene.ID(description="A client the viewer orders for; default: the "
                                        "active organization.")
        file = Upload(required=True, description=(
            "An .xlsx workbook or a .csv file (UTF-8 or Windows-1251; comma, semicolon or "
            "tab), at most ORDER_FILE_MAX_BYTES."))

    class Meta:
        description = ("Read an order file (every sheet) and guess its columns; nothing is "
                       "added to the cart until orderFileApply.")

    @classmethod
    def perform_mutation(cls, root, info, file, buyer=None):
        viewer = info.context.viewer
        organization = order_buyer(viewer, decode_global_id(buyer, "Organization", "buyer")
                                   if buyer else None)
        size = getattr(file, "size", None)
        if size is None:
            size = max_bytes() + 1
        order_file = upload_order_file(viewer.user, organization, file,
                                       filename=getattr(file, "name", "") or "", size=size)
        return cls(order_file=order_file)


class OrderFileApply(CheckoutMutation):
    cart = graphene.Field(CartType)
    report = graphene.List(graphene.NonNull(LineReportType), required=True,
                           description="Every order row of the file, in the file's order.")
    added_count = graphene.Int(required=True)
    skipped_count = graphene.Int(required=True)

    failure_defaults = {"report": [], "added_count": 0, "skipped_count": 0}

    class Arguments:
        id = graphene.ID(required=True, description="The OrderFile.")
        columns = OrderFileColumnsInput(required=True)
        remember = graphene.Boolean(default_value=True, description=(
            "Remember this mapping for the buyer's files with the same header."))
        all_sheets = graphene.Boolean(default_value=False, description=(
            "Read every sheet: the others by the same header, or their own guess."))

    class Meta:
        description = ("Add the order file's good rows to the cart under the confirmed "
                       "mapping; report every row (added, or skipped and why).")

    @classmethod
    def perform_mutation(cls, root, info, id, columns, remember=True, all_sheets=False):
        viewer = info.context.viewer
        order_file = OrderFileType.get_visible(info, id)
        buyer = order_buyer(viewer, order_file.buyer_id)
        order_file.buyer = buyer
        applied = apply_order_file(
            viewer.user, order_file, Columns(**columns), remember_it=bool(remember),
            all_sheets=bool(all_sheets))
        return cls(cart=cart_view(info.context, viewer.user, buyer), report=applied.report,
                   added_count=applied.added_count, skipped_count=applied.skipped_count)


class OrderFileMutations(graphene.ObjectType):
    order_file_upload = OrderFileUpload.Field()
    order_file_apply = OrderFileApply.Field()
