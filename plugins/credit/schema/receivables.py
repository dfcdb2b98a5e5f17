"""``receivables``: the monitor of what the viewer's side is owed (``services/
receivables.py``), one ``Receivable`` per credit account, sorted and paged in SQL: one
query for the page with every figure, one for its clients, one for ``totalCount``."""

from __future__ import annotations

from decimal import Decimal

import graphene

from backend.accounts.models import Organization
from backend.accounts.schema.types import OrganizationType
from backend.core.errors import CoreErrorCode, DomainValidationError
from backend.core.graphql.connection import CountableConnection, resolve_connection
from backend.core.graphql.cost import FieldCost
from backend.core.graphql.ids import decode_global_id, graphql_error_from
from backend.core.graphql.loaders import ByIdLoader
from backend.core.graphql.types import SortDirection
from backend.core.graphql.values import plain_values
from backend.core.money import Money
from inventory.schema.preview import MoneyType

from ..models import CreditAccount
from ..receivables_export import LANGUAGES, sign_export
from ..services.receivables import SORT_FIELDS, receivables
from .account_types import CreditAccountType
from .errors import CreditMutation


class ClientByIdLoader(ByIdLoader):
    """The receivables' clients (their accounts' buyers), for the whole page at once."""

    siblings = ((CreditAccount, "buyer_id"),)
    model = Organization


def _money(root: CreditAccount, amount: Decimal) -> MoneyType:
    """In the currency's minor units («0.00»), as the accounts' figures answer."""
    return MoneyType(amount=Money(amount, root.currency).quantize().amount,
                     currency=root.currency)


def _figure(name: str):
    def resolve(root: CreditAccount, info):
        return _money(root, getattr(root.figures.figures, name))
    return resolve


class ReceivableType(graphene.ObjectType):
    account = graphene.Field(CreditAccountType, required=True)
    client = graphene.Field(OrganizationType, required=True, description="The buyer.")
    credit_limit = graphene.Field(MoneyType, required=True)
    balance = graphene.Field(MoneyType, required=True, description=(
        "What the client owes (the ledger's sum; negative: an advance)."))
    available = graphene.Field(MoneyType, required=True, description=(
        "The limit less the balance and the orders on account not invoiced yet (may be "
        "negative)."))
    due_this_week = graphene.Field(MoneyType, required=True, description=(
        "Unpaid on invoices due from today to 6 days on."))
    overdue = graphene.Field(MoneyType, required=True, description=(
        "Unpaid on invoices due before today."))
    overdue_days = graphene.Int(description="Days since the oldest unpaid due date passed.")
    last_payment_on = graphene.Date()
    last_payment_amount = graphene.Field(MoneyType)

    class Meta:
        name = "Receivable"
        description = "What a client owes the viewer's side, on one credit account."

    @staticmethod
    def resolve_account(root, info):
        return root

    @staticmethod
    def resolve_client(root, info):
        return ClientByIdLoader(info.context).load(root.buyer_id)

    @staticmethod
    def resolve_credit_limit(root, info):
        return _money(root, root.credit_limit)

    resolve_balance = staticmethod(_figure("balance"))
    resolve_available = staticmethod(_figure("available"))
    resolve_due_this_week = staticmethod(_figure("due_this_week"))
    resolve_overdue = staticmethod(_figure("overdue"))

    @staticmethod
    def resolve_overdue_days(root, info):
        return root.figures.figures.overdue_days

    @staticmethod
    def resolve_last_payment_on(root, info):
        return root.figures.last_payment_on

    @staticmethod
    def resolve_last_payment_amount(root, info):
        amount = root.figures.last_payment_amount
        return None if amount is None else _money(root, amount)


class ReceivableConnection(CountableConnection):
    class Meta:
        node = ReceivableType


class ReceivablesFilterInput(graphene.InputObjectType):
    search = graphene.String(description="Part of the client's name, or its INN's beginning.")
    overdue_only = graphene.Boolean(description="Only clients with something overdue.")
    seller = graphene.ID(description=(
        "Owed to this organization (staff: the manufacturer or a dealer)."))


ReceivablesSortField = graphene.Enum(
    "ReceivablesSortField", [(f, f) for f in SORT_FIELDS],
    description="CLIENT (name), LIMIT, BALANCE, DUE_THIS_WEEK, OVERDUE, OVERDUE_DAYS, "
                "LAST_PAYMENT (its date).")


class ReceivablesSortInput(graphene.InputObjectType):
    field = graphene.Field(ReceivablesSortField, required=True)
    direction = graphene.Field(SortDirection, description="Default ASC.")


def plain_filter(filter) -> dict:
    """The filter's plain values, the seller's id decoded (a domain error if malformed)."""
    values = plain_values(dict(filter or {}))
    if values.get("seller"):
        values["seller"] = decode_global_id(values["seller"], "Organization", "filter.seller")
    else:
        values.pop("seller", None)
    return values


class Queries(graphene.ObjectType):
    receivables = graphene.ConnectionField(
        ReceivableConnection, required=True, filter=ReceivablesFilterInput(),
        sort=ReceivablesSortInput(), description=(
            "What clients owe the viewer's side, one row per credit account: staff every "
            "account (a regional manager its subtrees' buyers), a dealer's members with "
            "VIEW_INVOICES or MANAGE_CREDIT its sub-dealers. The most overdue first unless "
            "sorted."))

    @staticmethod
    def resolve_receivables(root, info, filter=None, sort=None, **args):
        try:
            values = plain_filter(filter)
        except DomainValidationError as exc:
            raise graphql_error_from(exc) from None
        rows = receivables(info.context.viewer, values, plain_values(dict(sort or {})))
        return resolve_connection(rows, args, ReceivableConnection, info=info)


class ReceivablesExport(CreditMutation):
    url = graphene.String(description="Where to GET the workbook (same origin), e.g. as a "
                                      "link's href; valid until expiresAt.")
    expires_at = graphene.DateTime()

    class Arguments:
        filter = ReceivablesFilterInput()
        sort = ReceivablesSortInput()
        language = graphene.String(default_value="ru", description="ru or en: the headers.")

    class Meta:
        description = ("A short-lived signed link to the receivables monitor, filtered and "
                       "sorted, as a workbook (xlsx), one row per account; it works only "
                       "for the signed-in user, while the sign-in lasts, and the monitor is "
                       "read again through the viewer's visibility when the file is "
                       "fetched.")

    @classmethod
    def perform_mutation(cls, root, info, filter=None, sort=None, language="ru"):
        viewer = info.context.viewer
        language = language or "ru"
        if language not in LANGUAGES:
            raise DomainValidationError.single(
                CoreErrorCode.INVALID, f"The language must be one of {', '.join(LANGUAGES)}.",
                "language")
        link = sign_export(viewer, plain_filter(filter), plain_values(dict(sort or {})),
                           language)
        return cls(url=link.url, expires_at=link.expires_at)


class Mutations(graphene.ObjectType):
    receivables_export = ReceivablesExport.Field()


# The figures are computed for every account of the filter when sorting by one (the
# sort key) and the search scans the clients' names: weighed like the order list's.
RECEIVABLES_WEIGHT = 1_000
COSTS = {"Query.receivables": FieldCost(RECEIVABLES_WEIGHT, query=True,
                                        arguments={"filter.search": RECEIVABLES_WEIGHT})}

