"""The payments' types: ``Payment``, ``PaymentAllocation`` (also ``Invoice.allocations``),
``BankStatement`` and ``BankStatementRow``; every relation through a batch loader
(``payment_loaders.py``).

``CreditAccount`` and ``Invoice`` are the ledger's and the invoicing part's types: the
fields leading to them (``Payment.account``, ``.invoice``...) are added when those types
are in the schema (they are imported first, when present), so each part can be built and
tested alone and the merged schema has every field.
"""

from __future__ import annotations

import importlib
import importlib.util

import graphene
from graphene_django.registry import get_global_registry

from backend.core.graphql.extend import add_fields
from backend.core.graphql.types import ModelObjectType
from backend.orders.schema.types import OrderType
from inventory.schema.preview import MoneyType

from ..models import (
    BankStatementImport,
    BankStatementRow,
    CreditAccount,
    Invoice,
    Payment,
    PaymentAllocation,
    PaymentMethod,
    PaymentSource,
    RowState,
)
from ..visibility import visible_bank_rows, visible_bank_statements, visible_payments
from . import payment_loaders as loaders
from .statements import StatementComparisonType

for _part in ("accounts", "invoices"):  # the modules defining CreditAccount and Invoice
    if importlib.util.find_spec(f"{__package__}.{_part}") is not None:
        importlib.import_module(f"{__package__}.{_part}")
_registry = get_global_registry()
AccountType = _registry.get_type_for_model(CreditAccount)
InvoiceType = _registry.get_type_for_model(Invoice)


def _enum(name: str, choices, description: str) -> type[graphene.Enum]:
    return graphene.Enum(name, [(c.value, c.value) for c in choices], description=description)


PaymentMethodEnum = _enum("PaymentMethod", PaymentMethod, "How the money came.")
PaymentSourceEnum = _enum("PaymentSource", PaymentSource,
                          "Who recorded the payment: a person, a bank statement, Stripe.")
BankRowStateEnum = _enum("BankRowState", RowState,
                         "MATCHED (its payment recorded), UNMATCHED (waiting for a person), "
                         "DUPLICATE (imported before), IGNORED (set aside by a person).")


def money(amount, currency: str) -> MoneyType:
    return MoneyType(amount=amount, currency=currency)


def _totals(info, payment: Payment, pick):
    return loaders.PaymentTotalsLoader(info.context).load_then(payment.pk, pick)


class PaymentType(ModelObjectType):
    method = graphene.Field(PaymentMethodEnum, required=True)
    source = graphene.Field(PaymentSourceEnum, required=True)
    amount = graphene.Field(MoneyType, required=True)
    allocated = graphene.Field(MoneyType, required=True, description=(
        "The part invoices took."))
    refunded = graphene.Field(MoneyType, required=True, description="Given back (refunds).")
    advance = graphene.Field(MoneyType, required=True, description=(
        "What is left for the next invoices: amount - allocated - refunded."))
    order = graphene.Field(OrderType, description="The order the payer named (a card "
                                                  "payment for an order), if any.")
    allocations = graphene.List(graphene.NonNull(lambda: PaymentAllocationType),
                                required=True)

    class Meta:
        model = Payment
        name = "Payment"
        visible = visible_payments
        fields = ("id", "received_on", "reference", "payer_inn", "purpose", "created_at")
        description = ("Money received from a buyer on its credit account (a bank transfer or "
                       "a card), allocated to its invoices; the rest is an advance.")

    @staticmethod
    def resolve_amount(root: Payment, info):
        return money(root.amount, root.currency)

    @staticmethod
    def resolve_allocated(root: Payment, info):
        return _totals(info, root, lambda t: money(t[0], root.currency))

    @staticmethod
    def resolve_refunded(root: Payment, info):
        return _totals(info, root, lambda t: money(t[1], root.currency))

    @staticmethod
    def resolve_advance(root: Payment, info):
        return _totals(info, root, lambda t: money(root.amount - t[0] - t[1], root.currency))

    @staticmethod
    def resolve_order(root: Payment, info):
        return loaders.OrderOfPaymentLoader(info.context).load(root.order_id)

    @staticmethod
    def resolve_allocations(root: Payment, info):
        return loaders.AllocationsByPaymentLoader(info.context).load(root.pk)


class PaymentAllocationType(graphene.ObjectType):
    payment = graphene.Field(PaymentType, required=True)
    amount = graphene.Field(MoneyType, required=True)
    created_at = graphene.DateTime(required=True)

    class Meta:
        name = "PaymentAllocation"
        description = "The part of a payment an invoice took."

    @staticmethod
    def resolve_payment(root: PaymentAllocation, info):
        return loaders.PaymentByIdLoader(info.context).load(root.payment_id)

    @staticmethod
    def resolve_amount(root: PaymentAllocation, info):
        return money(root.amount, root.currency)  # annotated by the allocations' loaders


class BankStatementType(ModelObjectType):
    format = graphene.String(required=True, description="ONE_C, CSV or XLSX.")
    rows_total = graphene.Int(required=True)
    matched = graphene.Int(required=True)
    unmatched = graphene.Int(required=True)
    duplicates = graphene.Int(required=True)

    class Meta:
        model = BankStatementImport
        name = "BankStatement"
        visible = visible_bank_statements
        fields = ("id", "file_name", "created_at")
        description = "A seller's imported bank statement file: its incoming payments."

    @staticmethod
    def _counts(info, root, pick):
        return loaders.RowCountsLoader(info.context).load_then(root.pk, pick)

    @staticmethod
    def resolve_rows_total(root, info):
        return BankStatementType._counts(info, root, loaders.rows_total)

    @staticmethod
    def resolve_matched(root, info):
        return BankStatementType._counts(
            info, root, lambda c: loaders.state_count(c, RowState.MATCHED))

    @staticmethod
    def resolve_unmatched(root, info):
        return BankStatementType._counts(
            info, root, lambda c: loaders.state_count(c, RowState.UNMATCHED))

    @staticmethod
    def resolve_duplicates(root, info):
        return BankStatementType._counts(
            info, root, lambda c: loaders.state_count(c, RowState.DUPLICATE))


class BankStatementRowType(ModelObjectType):
    amount = graphene.Field(MoneyType, required=True)
    state = graphene.Field(BankRowStateEnum, required=True)
    payment = graphene.Field(PaymentType, description="The payment recorded (MATCHED).")

    class Meta:
        model = BankStatementRow
        name = "BankStatementRow"
        visible = visible_bank_rows
        fields = ("id", "position", "doc_number", "doc_date", "payer_inn", "payer_name",
                  "purpose")
        description = "An incoming payment of an imported bank statement."

    @staticmethod
    def resolve_amount(root: BankStatementRow, info):
        return money(root.amount, root.currency)

    @staticmethod
    def resolve_payment(root: BankStatementRow, info):
        return loaders.PaymentByIdLoader(info.context).load(root.payment_id)


def _account_of(root, info):
    return loaders.AccountOfPaymentLoader(info.context).load(root.account_id)


def _invoice_of(root, info):
    return loaders.InvoiceOfPaymentLoader(info.context).load(root.invoice_id)


if AccountType is not None:
    add_fields(PaymentType, account=graphene.Field(AccountType, required=True,
                                                   resolver=_account_of))
    add_fields(BankStatementRowType, account=graphene.Field(
        AccountType, resolver=_account_of, description="The account it was matched to."))
# A compared statement leads to its account.
if AccountType is not None:
    add_fields(StatementComparisonType, account=graphene.Field(
        AccountType, required=True, resolver=_account_of))
if InvoiceType is not None:
    add_fields(PaymentType, invoice=graphene.Field(
        InvoiceType, resolver=_invoice_of, description="The invoice the payer named."))
    add_fields(PaymentAllocationType, invoice=graphene.Field(
        InvoiceType, required=True, resolver=_invoice_of))
    add_fields(BankStatementRowType, invoice=graphene.Field(
        InvoiceType, resolver=_invoice_of, description="The invoice it was matched to."))
    add_fields(InvoiceType, allocations=graphene.List(
        graphene.NonNull(PaymentAllocationType), required=True, description=(
            "The payments' parts this invoice took, oldest first."),
        resolver=lambda root, info: loaders.AllocationsByInvoiceLoader(info.context).load(
            root.pk)))
