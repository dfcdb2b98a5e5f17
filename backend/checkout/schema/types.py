"""The checkout's GraphQL types: error, cart, its lines and totals, the line reports of
quick order / order files / copies, SKU suggestions.

A cart and its lines are worked out when read (``cart_view``): prices, availability and
problems are never stored, so these types show plain objects (``CartView``,
``CartLineView``, ``reports.LineReport``), not model rows. A cart's id names its buyer (the
cart of the viewer for that buyer): stable before its first line, when no row exists yet.
"""

from __future__ import annotations

import graphene

from backend.accounts.schema.types import OrganizationType
from backend.catalog.schema.types import ProductVariantType, UnitEnum
from backend.core.errors import ErrorDetail
from backend.core.graphql.errors import error_code_for, error_type, graphql_enum
from backend.core.graphql.mutations import BaseMutation
from backend.core.graphql.types import Node
from inventory.schema.catalog_stock import AvailabilityByVariantIdLoader
from inventory.schema.preview import AllocationPreviewType, DeliveryAddressInput, preview_for
from inventory.schema.types import AvailabilityType
from inventory.services.planning import PlanLine
from price_rules.schema.price_types import VariantPriceType

from ..errors import CheckoutErrorCode
from ..models import LineSource
from ..services.orderable import buyer_viewer
from ..services.quantities import _tidy as tidy
from ..services.reports import LineReportStatus
from .cart_view import CartLineView, CartView, buyer_or_none, cart_view, line_cart

LineSourceEnum = graphene.Enum("LineSource", [(s.value, s.value) for s in LineSource],
                               description="How a line came into the cart.")
LineReportStatusEnum = graphene.Enum.from_enum(
    LineReportStatus, description="Whether a handed-in line was added or skipped.")
CheckoutErrorCodeEnum = graphql_enum(CheckoutErrorCode)

CheckoutError = error_type(
    "CheckoutError", CheckoutErrorCode,
    "An error of the cart, quick order, order files or placement.",
    skus=graphene.List(graphene.NonNull(graphene.String),
                       description="The SKUs the error is about."),
    nearest_quantity=graphene.Decimal(description="The nearest valid quantity "
                                                  "(BELOW_MINIMUM, NOT_MULTIPLE, "
                                                  "FRACTIONAL_QUANTITY)."),
    suggestions=graphene.List(graphene.NonNull(graphene.String),
                              description="The nearest SKUs (UNKNOWN_SKU)."),
)


def checkout_error(detail: ErrorDetail | None):
    """``detail`` as a CheckoutError (None stays None)."""
    if detail is None:
        return None
    params = detail.params
    return CheckoutError(field=BaseMutation.api_field(detail.field),
                         code=error_code_for(CheckoutErrorCode, detail.code),
                         message=detail.message, skus=params.get("skus"),
                         nearest_quantity=params.get("nearest_quantity"),
                         suggestions=params.get("suggestions"))


class CheckoutMutation(BaseMutation):
    """The checkout's mutations: errors are CheckoutErrors."""

    meta_defaults = {"error_type_class": CheckoutError, "error_code_enum": CheckoutErrorCode}

    class Meta:
        abstract = True


class QuantityRulesType(graphene.ObjectType):
    minimum = graphene.Decimal(required=True, description="The smallest valid quantity.")
    step = graphene.Decimal(required=True, description="Quantities go up in steps of this.")
    pack_size = graphene.Decimal(required=True, description="Units in one pack (shown).")
    unit = graphene.Field(UnitEnum, required=True)

    class Meta:
        name = "QuantityRules"
        description = "Which quantities of a variant may be ordered."

    @staticmethod
    def resolve_minimum(root, info):
        return tidy(root.minimum)

    @staticmethod
    def resolve_step(root, info):
        return tidy(root.step)

    @staticmethod
    def resolve_pack_size(root, info):
        return tidy(root.pack_size)


class CartLineType(graphene.ObjectType):
    variant = graphene.Field(ProductVariantType,
                             description="Null when the buyer may no longer see it.")
    sku = graphene.String(required=True)
    name = graphene.String(required=True)
    unit = graphene.Field(UnitEnum, required=True)
    quantity = graphene.Decimal(required=True)
    source = graphene.Field(LineSourceEnum, required=True)
    rules = graphene.Field(QuantityRulesType, required=True)
    price = graphene.Field(VariantPriceType, description=(
        "The buyer's unit price at the line's quantity (tier, promotions); null: no price."))
    unit_net = graphene.Decimal(description="After the cart's volume discount.")
    unit_gross = graphene.Decimal(description="After the cart's volume discount.")
    total_net = graphene.Decimal(required=True)
    total_gross = graphene.Decimal(required=True)
    availability = graphene.Field(AvailabilityType, description="Stock over the "
                                  "warehouses the viewer sees; null for a hidden variant.")
    problem = graphene.Field(CheckoutError, description=(
        "Why the line cannot be placed as it is (NOT_ORDERABLE, NO_PRICE, BELOW_MINIMUM, "
        "NOT_MULTIPLE, FRACTIONAL_QUANTITY); null when it can."))

    node_lookup = True

    class Meta:
        name = "CartLine"
        interfaces = (Node,)

    @classmethod
    def is_type_of(cls, root, info):
        return isinstance(root, CartLineView)

    @classmethod
    def get_node(cls, info, pk):
        """One of the viewer's cart lines, as its cart shows it (None for anyone else's,
        or for a cart of a buyer the viewer may no longer order for)."""
        found = line_cart(info.context.viewer, int(pk))
        if found is None:
            return None
        view = cart_view(info.context, info.context.viewer.user, found)
        return next((line for line in view.lines if line.id == int(pk)), None)

    @staticmethod
    def resolve_availability(root, info):
        if root.variant is None:
            return None
        return AvailabilityByVariantIdLoader(info.context).load(root.variant.pk)

    @staticmethod
    def resolve_problem(root, info):
        return checkout_error(root.problem)


class VolumeStepType(graphene.ObjectType):
    threshold = graphene.Decimal(required=True, description="From this net total on.")
    percent = graphene.Decimal(required=True)

    class Meta:
        name = "VolumeStep"


class CartTotalsType(graphene.ObjectType):
    subtotal_net = graphene.Decimal(required=True, description="Before the volume discount.")
    volume_discount_percent = graphene.Decimal(required=True)
    next_volume_step = graphene.Field(VolumeStepType, description=(
        "The nearest step not reached yet that gives more, or null."))
    total_net = graphene.Decimal(required=True)
    total_vat = graphene.Decimal(required=True)
    total_gross = graphene.Decimal(required=True)

    class Meta:
        name = "CartTotals"


class CartType(graphene.ObjectType):
    buyer = graphene.Field(OrganizationType, required=True)
    lines = graphene.List(graphene.NonNull(CartLineType), required=True,
                          description="In the order added.")
    line_count = graphene.Int(required=True)
    currency = graphene.String(required=True)
    totals = graphene.Field(CartTotalsType, required=True)
    price_token = graphene.String(required=True, description=(
        "The prices as shown: send it back to orderPlace, which says what changed."))
    can_place = graphene.Boolean(required=True, description=(
        "It has lines and every line can be placed as it is."))
    updated_at = graphene.DateTime()
    shipment_preview = graphene.Field(
        AllocationPreviewType, required=True, address=DeliveryAddressInput(),
        pickup_warehouse=graphene.ID(), one_shipment=graphene.Boolean(default_value=False),
        description=("Where the cart's lines would come from for its buyer (a client too): "
                     "the seller's warehouses, shipments with carrier, cost and dates, "
                     "pre-orders, shortfalls. No address and no pickup: the buyer's region. "
                     "Nothing is reserved."))

    node_lookup = True

    class Meta:
        name = "Cart"
        interfaces = (Node,)
        description = "The viewer's cart for a buyer (its active organization or a client)."

    @classmethod
    def is_type_of(cls, root, info):
        return isinstance(root, CartView)

    @staticmethod
    def resolve_shipment_preview(root: CartView, info, address=None, pickup_warehouse=None,
                                 one_shipment=False):
        lines = [PlanLine(line.variant_id, line.quantity) for line in root.lines
                 if line.variant is not None]
        if not lines:
            return AllocationPreviewType(shipments=[], shortfalls=[], complete=True, errors=[])
        return preview_for(buyer_viewer(info.context.viewer.user, root.buyer), root.buyer,
                           lines, address, pickup_warehouse, one_shipment)

    @classmethod
    def get_node(cls, info, pk):
        """The viewer's cart for the buyer ``pk`` (None when it may not order for it)."""
        buyer = buyer_or_none(info.context.viewer, int(pk))
        return None if buyer is None else cart_view(info.context, info.context.viewer.user,
                                                    buyer)


class LineReportType(graphene.ObjectType):
    row = graphene.Int(required=True, description=(
        "1-based: the file's row, the pasted line, the order line's position."))
    sheet = graphene.String()
    sku = graphene.String(required=True, description="As written.")
    quantity_text = graphene.String(required=True, description="As written.")
    status = graphene.Field(LineReportStatusEnum, required=True)
    variant = graphene.Field(ProductVariantType)
    quantity = graphene.Decimal(description="What was added.")
    code = graphene.Field(CheckoutErrorCodeEnum, description="Why it was skipped.")
    message = graphene.String()
    suggestions = graphene.List(graphene.NonNull(graphene.String), required=True,
                                description="The nearest SKUs (UNKNOWN_SKU).")
    nearest_quantity = graphene.Decimal(description=(
        "The nearest valid quantity (BELOW_MINIMUM, NOT_MULTIPLE, FRACTIONAL_QUANTITY)."))
    price_before = graphene.Decimal(description="Order copy: the old order's unit net.")
    price_after = graphene.Decimal(description="Order copy: today's unit net.")

    class Meta:
        name = "LineReport"
        description = "What became of one handed-in line."

    @staticmethod
    def resolve_status(root, info):
        return root.status.value

    @staticmethod
    def resolve_code(root, info):
        return None if root.code is None else error_code_for(CheckoutErrorCode, root.code)

    @staticmethod
    def resolve_message(root, info):
        return root.message or None

    @staticmethod
    def resolve_quantity(root, info):
        return None if root.quantity is None else tidy(root.quantity)


class SkuSuggestionType(graphene.ObjectType):
    variant = graphene.Field(ProductVariantType, required=True)
    sku = graphene.String(required=True)
    name = graphene.String(required=True)

    class Meta:
        name = "SkuSuggestion"
