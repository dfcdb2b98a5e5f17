"""Invoices in the API: the ``Invoice`` node with its lines, ``invoices(filter:)``,
``Order.invoices`` and ``Order.shipmentDocuments`` (a dispatch's UPD), and
``invoiceIssue`` (the seller bills a confirmed order by hand).

Every row through ``visibility.py``; nested fields load for the whole page (a constant
number of queries). Documents are signed links (``downloads.py``), built for the viewer.
"""

from __future__ import annotations

import graphene
from django.utils import timezone

from backend.accounts.schema.types import OrganizationType
from backend.core.errors import DomainValidationError
from backend.core.graphql.connection import resolve_connection
from backend.core.graphql.cost import MUTATION_WEIGHT, FieldCost
from backend.core.graphql.extend import add_fields
from backend.core.graphql.ids import decode_global_id, graphql_error_from
from backend.core.graphql.types import ModelObjectType
from backend.core.graphql.values import plain_values
from backend.orders.models import Order
from backend.orders.schema.types import OrderType
from inventory.schema.preview import MoneyType
from plugins.order_workflow.models import DISPATCH_NUMBERS, ModerationState, OrderModeration

from ..downloads import invoice_pdf_url, upd_url
from ..errors import CreditErrorCode as Code
from ..invoice_filters import listed_invoices, overdue_days, shown_status
from ..models import CreditAccount, Invoice, InvoiceLine, InvoiceStatus
from ..services.issuing import issue_by_hand
from ..services.numbers import format_number
from ..visibility import may_manage_account, visible_invoices
from . import invoice_loaders as loaders
from .errors import CreditMutation

InvoiceStatusEnum = graphene.Enum(
    "InvoiceStatus", [(s.value, s.value) for s in InvoiceStatus],
    description="Unpaid, partly paid, paid, overdue (unpaid past its due date), cancelled.")


def _language(info) -> str:
    return getattr(info.context.viewer.user, "language", None) or "ru"


def _money(amount, currency: str) -> dict:
    return {"amount": amount, "currency": currency}


class InvoiceLineType(graphene.ObjectType):
    position = graphene.Int(required=True)
    sku = graphene.String(required=True)
    name = graphene.String(required=True)
    unit = graphene.String(required=True, description="The order line's unit code (PCS, "
                                                      "M2...); empty for the delivery.")
    quantity = graphene.Decimal(required=True)
    unit_price_net = graphene.Field(MoneyType, required=True)
    total_net = graphene.Field(MoneyType, required=True)
    total_vat = graphene.Field(MoneyType, required=True)
    total_gross = graphene.Field(MoneyType, required=True)

    class Meta:
        name = "InvoiceLine"

    @staticmethod
    def resolve_unit_price_net(root: InvoiceLine, info):
        return _money(root.unit_price_net, root.invoice.currency)

    @staticmethod
    def resolve_total_net(root: InvoiceLine, info):
        return _money(root.total_net, root.invoice.currency)

    @staticmethod
    def resolve_total_vat(root: InvoiceLine, info):
        return _money(root.total_vat, root.invoice.currency)

    @staticmethod
    def resolve_total_gross(root: InvoiceLine, info):
        return _money(root.total_gross, root.invoice.currency)


class InvoiceType(ModelObjectType):
    number = graphene.String(required=True, description="Per seller and year: «СЧ-26-00042» "
                                                        "(ru) / «INV-26-00042» (en), in the "
                                                        "viewer's language.")
    seller = graphene.Field(OrganizationType, description="Null when the viewer may not see "
                                                          "the seller.")
    buyer = graphene.Field(OrganizationType, required=True)
    order = graphene.Field(OrderType, description="The order it bills (null when hidden).")
    total_net = graphene.Field(MoneyType, required=True)
    total_vat = graphene.Field(MoneyType, required=True)
    total_gross = graphene.Field(MoneyType, required=True)
    paid = graphene.Field(MoneyType, required=True, description="What payments cover.")
    remaining = graphene.Field(MoneyType, required=True, description="What is left to pay.")
    status = graphene.Field(InvoiceStatusEnum, required=True, description=(
        "From the payments and the date: an unpaid invoice past its due date is OVERDUE."))
    overdue_days = graphene.Int(description="Days past the due date of an open invoice.")
    lines = graphene.List(graphene.NonNull(InvoiceLineType), required=True)
    pdf_url = graphene.String(required=True, description=(
        "The invoice as PDF (relative URL signed for the viewer, valid 12 hours)."))

    class Meta:
        model = Invoice
        name = "Invoice"
        visible = visible_invoices
        fields = ("id", "issued_on", "due_on", "currency", "vat_rate", "paid_at")
        description = "A seller's invoice to a buyer on account, for an order or a dispatch."

    @staticmethod
    def resolve_number(root: Invoice, info):
        return format_number(root.year, root.serial, _language(info))

    @staticmethod
    def resolve_seller(root: Invoice, info):
        return loaders.InvoiceOrganizationLoader(info.context).load(root.seller_id)

    @staticmethod
    def resolve_buyer(root: Invoice, info):
        return loaders.InvoiceOrganizationLoader(info.context).load(root.buyer_id)

    @staticmethod
    def resolve_order(root: Invoice, info):
        if root.order_id is None:
            return None
        return loaders.InvoiceOrderLoader(info.context).load(root.order_id)

    @staticmethod
    def resolve_total_net(root: Invoice, info):
        return _money(root.total_net, root.currency)

    @staticmethod
    def resolve_total_vat(root: Invoice, info):
        return _money(root.total_vat, root.currency)

    @staticmethod
    def resolve_total_gross(root: Invoice, info):
        return _money(root.total_gross, root.currency)

    @staticmethod
    def resolve_paid(root: Invoice, info):
        return loaders.InvoicePaidLoader(info.context).load_then(
            root.pk, lambda paid: _money(paid, root.currency))

    @staticmethod
    def resolve_remaining(root: Invoice, info):
        return loaders.InvoicePaidLoader(info.context).load_then(
            root.pk, lambda paid: _money(max(root.total_gross - paid, 0), root.currency))

    @staticmethod
    def resolve_status(root: Invoice, info):
        return shown_status(root, timezone.localdate())

    @staticmethod
    def resolve_overdue_days(root: Invoice, info):
        return overdue_days(root, timezone.localdate())

    @staticmethod
    def resolve_lines(root: Invoice, info):
        def with_invoice(lines: list[InvoiceLine]) -> list[InvoiceLine]:
            for line in lines:
                line.invoice = root
            return lines

        return loaders.InvoiceLinesLoader(info.context).load_then(root.pk, with_invoice)

    @staticmethod
    def resolve_pdf_url(root: Invoice, info):
        return invoice_pdf_url(info.context.viewer, root.pk)


class ShipmentDocumentType(graphene.ObjectType):
    dispatch_number = graphene.String(required=True, description="The dispatch's number in "
                                                                 "the viewer's language.")
    shipped_at = graphene.DateTime(required=True)
    upd_url = graphene.String(required=True, description=(
        "The dispatch's universal transfer document (УПД) as PDF (relative URL signed for "
        "the viewer, valid 12 hours)."))

    class Meta:
        name = "ShipmentDocument"
        description = "A dispatch's shipment document (УПД)."

    @staticmethod
    def resolve_dispatch_number(root, info):
        return DISPATCH_NUMBERS.format(root.number, _language(info))

    @staticmethod
    def resolve_upd_url(root, info):
        return upd_url(info.context.viewer, root.pk)


def resolve_order_invoices(root: Order, info):
    return loaders.InvoicesByOrderIdLoader(info.context).load(root.pk)


def resolve_shipment_documents(root: Order, info):
    return loaders.ShipmentDocumentsByOrderIdLoader(info.context).load(root.pk)


add_fields(
    OrderType,
    invoices=graphene.Field(graphene.List(graphene.NonNull(InvoiceType), required=True),
                            resolver=resolve_order_invoices, required=True, description=(
                                "The order's invoices the viewer may see, oldest first.")),
    shipment_documents=graphene.Field(
        graphene.List(graphene.NonNull(ShipmentDocumentType), required=True),
        resolver=resolve_shipment_documents, required=True,
        description="A UPD per dispatch, oldest first."),
)


class InvoiceFilterInput(graphene.InputObjectType):
    account = graphene.ID(description="A CreditAccount.")
    status = graphene.List(graphene.NonNull(InvoiceStatusEnum))
    search = graphene.String(description="The invoice's number, the buyer's name or INN.")
    issued_from = graphene.Date()
    issued_to = graphene.Date()
    order = graphene.ID(description="An Order.")
    overdue_only = graphene.Boolean(description="Open invoices past their due date.")


def _filter_values(filter) -> dict:
    values = plain_values(dict(filter or {}))
    try:
        if values.get("account") is not None:  # "" is a wrong ID, not "any account"
            values["account"] = decode_global_id(values["account"], "CreditAccount",
                                                 "filter.account")
        if values.get("order") is not None:
            values["order"] = decode_global_id(values["order"], "Order", "filter.order")
    except DomainValidationError as exc:
        raise graphql_error_from(exc) from None
    return values


class Queries(graphene.ObjectType):
    invoices = graphene.ConnectionField(
        InvoiceType._meta.connection, required=True, filter=InvoiceFilterInput(),
        description=("Invoices the viewer may see: its organization's as a buyer (members "
                     "with VIEW_INVOICES or MANAGE_PAYMENTS) or as a seller, staff all or "
                     "their regions'. Newest first."))

    @staticmethod
    def resolve_invoices(root, info, filter=None, **args):
        return resolve_connection(listed_invoices(info.context.viewer, _filter_values(filter)),
                                  args, InvoiceType._meta.connection, info=info)


class InvoiceIssue(CreditMutation):
    invoice = graphene.Field(InvoiceType)

    class Arguments:
        order = graphene.ID(required=True)

    class Meta:
        description = ("The seller bills a confirmed order not invoiced yet, whatever the "
                       "account's invoice policy (one missed, or an account opened after "
                       "the confirmation). NO_CREDIT_ACCOUNT without an account; "
                       "NOTHING_TO_INVOICE when invoiced already or not confirmed.")

    @classmethod
    def perform_mutation(cls, root, info, order):
        viewer = info.context.viewer
        found = OrderType.get_visible(info, order, "order")
        account = (CreditAccount.objects.select_for_update()
                   .filter(buyer_id=found.buyer_id, seller_id=found.seller_id)
                   .select_related("seller").first())
        if account is None:
            raise DomainValidationError.single(
                Code.NO_CREDIT_ACCOUNT, "The buyer has no credit account with its seller.",
                "order")
        if not may_manage_account(viewer, account):
            raise DomainValidationError.single(
                Code.PERMISSION_DENIED, "Only the seller's credit managers issue invoices.",
                "order")
        confirmed = OrderModeration.objects.filter(
            order_id=found.pk, state=ModerationState.CONFIRMED).exists()
        invoice = issue_by_hand(account, found, viewer.user) if confirmed else None
        if invoice is None:
            raise DomainValidationError.single(
                Code.NOTHING_TO_INVOICE, "The order is invoiced already, or not confirmed.",
                "order")
        return cls(invoice=invoice)


class Mutations(graphene.ObjectType):
    invoice_issue = InvoiceIssue.Field()


# Nested relations load for the whole page: an order's invoices and UPDs, an invoice's
# lines and what is paid of it, one query each.
COSTS = {
    "Order.invoices": FieldCost(2),
    "Order.shipmentDocuments": FieldCost(2),
    "Invoice.lines": FieldCost(2),
    "Invoice.paid": FieldCost(1),
    "Invoice.remaining": FieldCost(1),
    "Mutation.invoiceIssue": FieldCost(MUTATION_WEIGHT * 2),
}
