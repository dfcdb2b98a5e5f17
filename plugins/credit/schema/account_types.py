"""The ledger's types: ``CreditAccount`` (limits, terms, policies and the figures derived
from its ledger) and ``LedgerEntry``. Relations and figures load through loaders keyed by
the page's rows, so a page of accounts costs the same queries as one."""

from __future__ import annotations

import graphene

from backend.accounts.models import Organization
from backend.accounts.schema.types import OrganizationType
from backend.core.graphql.connection import resolve_connection
from backend.core.graphql.loaders import ByIdLoader, DataLoader
from backend.core.graphql.types import ModelObjectType
from backend.core.money import Money
from inventory.schema.preview import MoneyType

from ..models import CreditAccount, LedgerEntry
from ..services.figures import AccountFigures, figures_of
from ..visibility import may_manage_account, visible_accounts, visible_entries
from .enums import (
    InvoicePolicyEnum,
    LedgerEntryKindEnum,
    OverLimitPolicyEnum,
    PaymentTermsEnum,
)


class PartyOfAccountLoader(ByIdLoader):
    """An account's buyer or seller (None when the viewer may not see that organization)."""

    siblings = ((CreditAccount, "buyer_id"), (CreditAccount, "seller_id"))
    model = Organization


class FiguresByAccountIdLoader(DataLoader):
    """The figures of the page's accounts, in the five queries of ``figures_of``."""

    siblings = ((CreditAccount, "pk"),)
    remembers_rows = False

    def batch_load(self, keys):
        accounts = list(visible_accounts(self.context.viewer).filter(pk__in=keys))
        found = figures_of(accounts)
        return [found.get(key) for key in keys]


def _money(amount, currency: str) -> MoneyType:
    """In the currency's minor units («0.00», not «0»), as the money columns answer."""
    return MoneyType(amount=Money(amount, currency).quantize().amount, currency=currency)


def _figure(name: str):
    def resolve(root: CreditAccount, info):
        return FiguresByAccountIdLoader(info.context).load_then(
            root.pk, lambda found: _money(getattr(found.figures, name), root.currency))
    return resolve


def _with_figures(fn):
    def resolve(root: CreditAccount, info):
        return FiguresByAccountIdLoader(info.context).load_then(
            root.pk, lambda found: fn(root, found))
    return resolve


class LedgerEntryType(ModelObjectType):
    kind = graphene.Field(LedgerEntryKindEnum, required=True)
    amount = graphene.Field(MoneyType, required=True, description=(
        "Signed: + the buyer owes more (an invoice, a refund, a debit adjustment), - it owes "
        "less (a payment, a credit note, a credit adjustment)."))

    class Meta:
        model = LedgerEntry
        name = "LedgerEntry"
        visible = visible_entries
        description = "One change of what the buyer owes its seller, with its reason."
        fields = ("id", "occurred_on", "reason", "created_at")

    @staticmethod
    def resolve_amount(root: LedgerEntry, info):
        return FiguresCurrencyLoader(info.context).load_then(
            root.account_id, lambda currency: _money(root.amount, currency or ""))


class FiguresCurrencyLoader(DataLoader):
    """An entry's account's currency (the entries of a page: one query)."""

    siblings = ((LedgerEntry, "account_id"),)
    remembers_rows = False

    def batch_load(self, keys):
        found = dict(CreditAccount.objects.filter(pk__in=keys).values_list("pk", "currency"))
        return [found.get(key) for key in keys]


class CreditAccountType(ModelObjectType):
    buyer = graphene.Field(OrganizationType, required=True)
    seller = graphene.Field(OrganizationType,
                            description="Null when the viewer may not see the seller.")
    credit_limit = graphene.Field(MoneyType, required=True)
    terms = graphene.Field(PaymentTermsEnum, required=True)
    over_limit_policy = graphene.Field(OverLimitPolicyEnum, required=True)
    invoice_policy = graphene.Field(InvoicePolicyEnum, required=True)
    balance = graphene.Field(MoneyType, required=True, resolver=_figure("balance"),
                             description="The ledger's sum: + the buyer owes, - an advance.")
    invoiced_open = graphene.Field(MoneyType, required=True, resolver=_figure("invoiced_open"),
                                   description="What its invoices still ask for.")
    open_orders = graphene.Field(MoneyType, required=True, resolver=_figure("open_orders"),
                                 description="Orders on account not invoiced yet.")
    advance = graphene.Field(MoneyType, required=True, resolver=_figure("advance"),
                             description="Payments no invoice has taken yet.")
    available = graphene.Field(MoneyType, required=True, resolver=_figure("available"),
                               description=("The limit less the balance and the open "
                                            "orders: what may still be ordered on account "
                                            "(negative when over the limit)."))
    overdue = graphene.Field(MoneyType, required=True, resolver=_figure("overdue"),
                             description="The open part of invoices past their due date.")
    overdue_days = graphene.Int(
        resolver=_with_figures(lambda root, found: found.figures.overdue_days),
        description="Days since the oldest overdue invoice fell due; null when none.")
    due_this_week = graphene.Field(MoneyType, required=True, resolver=_figure("due_this_week"),
                                   description="Falling due within the next seven days.")
    last_payment_on = graphene.Date(
        resolver=_with_figures(lambda root, found: found.last_payment_on))
    last_payment_amount = graphene.Field(MoneyType, resolver=_with_figures(
        lambda root, found: None if found.last_payment_amount is None
        else _money(found.last_payment_amount, root.currency)))
    can_manage = graphene.Boolean(required=True, description=(
        "The viewer may set the limit and terms, record payments and adjust (the seller's "
        "side)."))
    entries = graphene.ConnectionField(
        lambda: LedgerEntryType._meta.connection, required=True,
        from_=graphene.Date(name="from"), to=graphene.Date(),
        description=("The ledger, newest first, optionally from and to a date (the "
                     "buyer's side sees it with VIEW_INVOICES or MANAGE_PAYMENTS)."))

    class Meta:
        model = CreditAccount
        name = "CreditAccount"
        visible = visible_accounts
        description = ("What a buyer owes its seller (the manufacturer for a dealer, a dealer "
                       "for its sub-dealer): the limit and terms the seller set, and the "
                       "figures derived from the ledger, invoices, payments and open orders.")
        fields = ("id", "currency", "net_days", "note", "updated_at")

    @staticmethod
    def resolve_buyer(root: CreditAccount, info):
        return PartyOfAccountLoader(info.context).load(root.buyer_id)

    @staticmethod
    def resolve_seller(root: CreditAccount, info):
        return PartyOfAccountLoader(info.context).load(root.seller_id)

    @staticmethod
    def resolve_credit_limit(root: CreditAccount, info):
        return _money(root.credit_limit, root.currency)

    @staticmethod
    def resolve_can_manage(root: CreditAccount, info):
        viewer = info.context.viewer
        if not viewer.is_staff:
            return may_manage_account(viewer, root)
        return PartyOfAccountLoader(info.context).load_then(
            root.seller_id, lambda seller: seller is not None and may_manage_account(
                viewer, root, seller=seller))

    @staticmethod
    def resolve_entries(root: CreditAccount, info, from_=None, to=None, **args):
        rows = visible_entries(info.context.viewer).filter(account_id=root.pk)
        if from_ is not None:
            rows = rows.filter(occurred_on__gte=from_)
        if to is not None:
            rows = rows.filter(occurred_on__lte=to)
        return resolve_connection(rows.order_by("-occurred_on", "-pk"), args,
                                  LedgerEntryType._meta.connection, info=info)


__all__ = ["AccountFigures", "CreditAccountType", "LedgerEntryType"]
