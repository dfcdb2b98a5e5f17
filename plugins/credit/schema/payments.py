"""Payments in the API: the ``payments``, ``bankStatements`` and ``bankStatementRows``
connections; ``paymentRecord`` and ``paymentRefund`` (the account's seller:
``may_manage_account``), ``bankStatementImport``, ``bankRowMatch`` and ``bankRowIgnore``
(the seller's bank work: ``may_import_statements``). The work is the services'
(``services/payments.py``, ``services/bank_import.py``)."""

from __future__ import annotations

import graphene
from graphene_file_upload.scalars import Upload

from backend.accounts.models import Organization
from backend.core.errors import DomainValidationError
from backend.core.graphql.connection import resolve_connection
from backend.core.graphql.cost import QUERY_WEIGHT, FieldCost
from backend.core.graphql.ids import decode_global_id, graphql_error_from
from backend.core.graphql.values import plain_values
from backend.orders.models import Order

from ..bankimport import max_bytes
from ..errors import CreditErrorCode as Code
from ..models import CreditAccount, Invoice, PaymentMethod, PaymentSource
from ..services import bank_import
from ..services.payment_lists import bank_rows_for, payments_for, statements_for
from ..services.payments import check_named_invoice, record_payment, record_refund
from ..visibility import may_manage_account, visible_accounts, visible_payments
from .errors import CreditMutation
from .payment_types import (
    AccountType,
    BankRowStateEnum,
    BankStatementRowType,
    BankStatementType,
    InvoiceType,
    PaymentSourceEnum,
    PaymentType,
)

NESTED_ROWS_WEIGHT = 2

COSTS = {
    "Query.payments": FieldCost(QUERY_WEIGHT, query=True),
    "Query.bankStatements": FieldCost(QUERY_WEIGHT, query=True),
    "Query.bankStatementRows": FieldCost(QUERY_WEIGHT, query=True),
    "Payment.allocations": FieldCost(NESTED_ROWS_WEIGHT),
}
if InvoiceType is not None:
    COSTS["Invoice.allocations"] = FieldCost(NESTED_ROWS_WEIGHT)


class PaymentFilterInput(graphene.InputObjectType):
    account = graphene.ID(description="One credit account's payments.")
    source = graphene.List(graphene.NonNull(PaymentSourceEnum))
    from_ = graphene.Date(name="from", description="Received on or after this day.")
    to = graphene.Date(description="Received on or before this day.")


def _pk(global_id: str | None, type_name: str, field: str) -> int | None:
    return decode_global_id(global_id, type_name, field) if global_id else None


class Queries(graphene.ObjectType):
    payments = graphene.ConnectionField(
        PaymentType._meta.connection, required=True, filter=PaymentFilterInput(),
        description="Payments the viewer sees (the accounts' sellers, staff, the buyer's "
                    "accountants), newest first.")
    bank_statements = graphene.ConnectionField(
        BankStatementType._meta.connection, required=True,
        description="The bank statements imported by the active organization (staff: the "
                    "manufacturer's), newest first.")
    bank_statement_rows = graphene.ConnectionField(
        BankStatementRowType._meta.connection, required=True, statement=graphene.ID(),
        state=BankRowStateEnum(), description="Rows of the viewer's bank statements (of one "
                                              "statement; in one state: UNMATCHED to match).")

    @staticmethod
    def resolve_payments(root, info, filter=None, **args):
        values = plain_values(dict(filter or {}))
        try:
            values["account"] = _pk(values.get("account"), "CreditAccount", "filter.account")
            values["from"] = values.pop("from_", None)
            rows = payments_for(info.context.viewer, values)
        except DomainValidationError as exc:
            raise graphql_error_from(exc) from None
        return resolve_connection(rows, args, PaymentType._meta.connection, info=info)

    @staticmethod
    def resolve_bank_statements(root, info, **args):
        return resolve_connection(statements_for(info.context.viewer), args,
                                  BankStatementType._meta.connection, info=info)

    @staticmethod
    def resolve_bank_statement_rows(root, info, statement=None, state=None, **args):
        try:
            rows = bank_rows_for(info.context.viewer,
                                 _pk(statement, "BankStatement", "statement"),
                                 plain_values(state))
        except DomainValidationError as exc:
            raise graphql_error_from(exc) from None
        return resolve_connection(rows, args, BankStatementRowType._meta.connection, info=info)


def _managed_account(info, global_id: str, field: str = "account") -> CreditAccount:
    viewer = info.context.viewer
    account = visible_accounts(viewer).select_related("seller").filter(
        pk=decode_global_id(global_id, "CreditAccount", field)).first()
    if account is None:
        raise DomainValidationError.single(Code.NOT_FOUND, "No such credit account.", field)
    if not may_manage_account(viewer, account):
        raise DomainValidationError.single(
            Code.PERMISSION_DENIED, "Only the account's seller records its payments.", field)
    return account


class PaymentRecordInput(graphene.InputObjectType):
    account = graphene.ID(required=True)
    amount = graphene.Decimal(required=True)
    currency = graphene.String(required=True)
    received_on = graphene.Date(required=True)
    reference = graphene.String(description="The bank document's number: a payment with "
                                            "the same reference is recorded once.")
    invoice = graphene.ID(description="Paid first (it must be open).")
    order = graphene.ID(description="The order paid (before its invoice, say).")
    purpose = graphene.String()


class PaymentRecord(CreditMutation):
    payment = graphene.Field(PaymentType)
    if AccountType is not None:  # the ledger's type (payment_types.py)
        account = graphene.Field(AccountType, description="The account, its figures new.")

    class Arguments:
        input = PaymentRecordInput(required=True)

    class Meta:
        description = ("Record a bank transfer received on a credit account (staff with "
                       "MANAGE_CREDIT for the manufacturer's; a dealer's MANAGE_CREDIT for "
                       "its sub-dealers'), allocated to the named invoice, then the oldest.")

    @classmethod
    def perform_mutation(cls, root, info, input):
        account = _managed_account(info, input["account"], "input.account")
        invoice = order = None
        if input.get("invoice"):
            invoice = Invoice.objects.filter(pk=decode_global_id(
                input["invoice"], "Invoice", "input.invoice")).first()
            if invoice is None:
                raise DomainValidationError.single(Code.INVOICE_NOT_OPEN,
                                                   "No such invoice.", "input.invoice")
            check_named_invoice(account, invoice, "input.invoice")
        if input.get("order"):
            order = Order.objects.filter(pk=decode_global_id(
                input["order"], "Order", "input.order")).first()
            if order is None:
                raise DomainValidationError.single(Code.NOT_FOUND, "No such order.",
                                                   "input.order")
        payment = record_payment(
            account, input["amount"], input["currency"], input["received_on"],
            PaymentMethod.BANK_TRANSFER, PaymentSource.MANUAL, input.get("reference") or "",
            invoice=invoice, order=order, user=info.context.viewer.user,
            purpose=(input.get("purpose") or "").strip())
        return cls(payment=payment, **({"account": payment.account}
                                       if AccountType is not None else {}))


class PaymentRefund(CreditMutation):
    payment = graphene.Field(PaymentType)
    if AccountType is not None:
        account = graphene.Field(AccountType, description="The account, its figures new.")

    class Arguments:
        payment = graphene.ID(required=True)
        amount = graphene.Decimal(required=True)
        reason = graphene.String(required=True)

    class Meta:
        description = ("Give back part of a payment (the account's seller): from its advance "
                       "first, then from the invoices it paid, newest first.")

    @classmethod
    def perform_mutation(cls, root, info, payment, amount, reason):
        row = visible_payments(info.context.viewer).filter(
            pk=decode_global_id(payment, "Payment", "payment")).first()
        if row is None:
            raise DomainValidationError.single(Code.NOT_FOUND, "No such payment.", "payment")
        account = CreditAccount.objects.select_related("seller").get(pk=row.account_id)
        if not may_manage_account(info.context.viewer, account):
            raise DomainValidationError.single(
                Code.PERMISSION_DENIED, "Only the account's seller refunds its payments.",
                "payment")
        record_refund(row, amount, reason, user=info.context.viewer.user)
        row.refresh_from_db()
        return cls(payment=row, **({"account": account} if AccountType is not None else {}))


class BankStatementImportPayload(CreditMutation):
    statement = graphene.Field(BankStatementType)

    class Arguments:
        file = Upload(required=True, description=(
            "1CClientBankExchange text (Windows-1251 or UTF-8), or a CSV / xlsx table with "
            "a header row (number, date, amount, payer's INN and name, purpose)."))
        seller = graphene.ID(description="Whose statement: default the active organization "
                                         "(the manufacturer for staff).")

    class Meta:
        name = "BankStatementImportPayload"
        description = ("Import a bank statement: every row checked first (nothing written "
                       "while any row is bad, each named); then each incoming payment is "
                       "MATCHED (recorded), UNMATCHED (for a person) or DUPLICATE.")

    @classmethod
    def perform_mutation(cls, root, info, file, seller=None):
        viewer = info.context.viewer
        named = None
        if seller:
            named = Organization.objects.filter(
                pk=decode_global_id(seller, "Organization", "seller")).first()
            if named is None:
                raise DomainValidationError.single(Code.NOT_FOUND, "No such organization.",
                                                   "seller")
        organization = bank_import.statement_seller(viewer, named)
        size = getattr(file, "size", None)
        if size is None:
            size = max_bytes() + 1
        statement = bank_import.import_statement(
            viewer, organization, file, filename=getattr(file, "name", "") or "",
            size=size)
        return cls(statement=statement)


class BankRowMatch(CreditMutation):
    row = graphene.Field(BankStatementRowType)

    class Arguments:
        row = graphene.ID(required=True)
        account = graphene.ID(required=True)
        invoice = graphene.ID(description="Paid first (it must be open and the account's).")

    class Meta:
        description = "Match an UNMATCHED bank row to an account: its payment is recorded."

    @classmethod
    def perform_mutation(cls, root, info, row, account, invoice=None):
        matched = bank_import.match_row(
            info.context.viewer, decode_global_id(row, "BankStatementRow", "row"),
            decode_global_id(account, "CreditAccount", "account"),
            _pk(invoice, "Invoice", "invoice"))
        return cls(row=matched)


class BankRowIgnore(CreditMutation):
    row = graphene.Field(BankStatementRowType)

    class Arguments:
        row = graphene.ID(required=True)
        reason = graphene.String(required=True)

    class Meta:
        description = ("Set an UNMATCHED bank row aside (not a buyer's payment); the reason "
                       "goes to the seller's audit trail.")

    @classmethod
    def perform_mutation(cls, root, info, row, reason):
        ignored = bank_import.ignore_row(
            info.context.viewer, decode_global_id(row, "BankStatementRow", "row"), reason)
        return cls(row=ignored)


class Mutations(graphene.ObjectType):
    payment_record = PaymentRecord.Field()
    payment_refund = PaymentRefund.Field()
    bank_statement_import = BankStatementImportPayload.Field()
    bank_row_match = BankRowMatch.Field()
    bank_row_ignore = BankRowIgnore.Field()
