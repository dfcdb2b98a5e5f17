"""Credit accounts in the API: the active organization's account with its seller
(``creditAccount``), the accounts a seller's side sees (``creditAccounts``), setting one
(``creditAccountSet``) and adjusting its ledger (``creditAdjust``); ``Organization.
creditAccount`` (its account with its parent) and ``Order.creditHold``."""

from __future__ import annotations

from typing import Any

import graphene
from django.db.models import F, Q

from backend.accounts.models import Organization
from backend.accounts.schema.types import OrganizationType
from backend.core.graphql.connection import resolve_connection
from backend.core.graphql.cost import QUERY_WEIGHT, FieldCost
from backend.core.graphql.extend import add_fields
from backend.core.graphql.ids import decode_query_id
from backend.core.graphql.loaders import DataLoader, remember_rows
from backend.orders.models import Order
from backend.orders.schema.types import OrderType

from ..services.accounts import AccountSettings, adjust, set_account
from ..visibility import sees_all_credit, visible_accounts
from .account_types import CreditAccountType, LedgerEntryType
from .enums import CreditHoldEnum, InvoicePolicyEnum, OverLimitPolicyEnum, PaymentTermsEnum
from .errors import CreditMutation

SEARCH_WEIGHT = 1_000
NESTED_PAGES_WEIGHT = 4


class AccountOfOrganizationLoader(DataLoader):
    """An organization's account with its parent, when the viewer may see it."""

    siblings = ((Organization, "pk"),)

    def batch_load(self, keys):
        rows = (visible_accounts(self.context.viewer)
                .filter(buyer_id__in=keys, seller_id=F("buyer__parent_id")))
        found = {row.buyer_id: row for row in rows}
        return [found.get(key) for key in keys]


def resolve_organization_credit_account(root: Organization, info):
    return AccountOfOrganizationLoader(info.context).load(root.pk)


def resolve_order_credit_hold(root: Order, info):
    return root.credit_hold


add_fields(OrganizationType, credit_account=graphene.Field(
    CreditAccountType, resolver=resolve_organization_credit_account, description=(
        "Its credit account with its parent (its seller), when the viewer may see it: the "
        "seller's side, staff, and the organization's own members; never a sub-dealer "
        "looking at its dealer.")))
add_fields(OrderType, credit_hold=graphene.Field(
    CreditHoldEnum, required=True, resolver=resolve_order_credit_hold, description=(
        "Placed beyond the buyer's available credit: held for the seller's moderator, or "
        "for a card payment.")))


class Queries(graphene.ObjectType):
    credit_account = graphene.Field(
        CreditAccountType, seller=graphene.ID(description=(
            "The seller (an Organization id); its parent by default.")),
        description=("The active organization's credit account with its seller (its "
                     "parent unless named); null when there is none or the viewer may not "
                     "see it."))
    credit_accounts = graphene.ConnectionField(
        CreditAccountType._meta.connection, required=True,
        search=graphene.String(description="Part of the buyer's name, or its INN."),
        description=("The accounts the viewer sees from the seller's side: staff every "
                     "account they see, an organization its buyers' accounts; by buyer "
                     "name."))

    @staticmethod
    def resolve_credit_account(root, info, seller=None):
        organization = info.context.viewer.organization
        if organization is None:
            return None
        seller_id = (decode_query_id(seller, "Organization", "seller") if seller
                     else organization.parent_id)
        if seller_id is None:
            return None
        account = visible_accounts(info.context.viewer).filter(
            buyer_id=organization.pk, seller_id=seller_id).first()
        if account is not None:
            # a page of one: its loads (figures, parties, entries) answer at once, so the
            # fast path builds it (a pending load would send it down the general path)
            remember_rows(info.context, [account])
        return account

    @staticmethod
    def resolve_credit_accounts(root, info, search=None, **args):
        viewer = info.context.viewer
        rows = visible_accounts(viewer)
        if not (viewer.is_staff or sees_all_credit(viewer)):
            organization = viewer.organization
            rows = rows.filter(seller_id=organization.pk if organization else None)
        if search and search.strip():
            text = search.strip()
            rows = rows.filter(Q(buyer__name__icontains=text) | Q(buyer__inn__startswith=text))
        return resolve_connection(rows.order_by("buyer__name", "pk"), args,
                                  CreditAccountType._meta.connection, info=info)


class CreditAccountInput(graphene.InputObjectType):
    buyer = graphene.ID(required=True, description="The buyer (an Organization id): a "
                                                   "direct child of the seller.")
    currency = graphene.String(description="The account's; the seller's currency for a new "
                                           "one. Fixed once it has entries.")
    credit_limit = graphene.Decimal(required=True)
    terms = graphene.Field(PaymentTermsEnum, required=True)
    net_days = graphene.Int(description="NET terms' days (0 to 365); kept when omitted.")
    over_limit_policy = graphene.Field(OverLimitPolicyEnum, required=True)
    invoice_policy = graphene.Field(InvoicePolicyEnum)
    note = graphene.String()

    class Meta:
        name = "CreditAccountInput"


def _value(enum_value):
    return getattr(enum_value, "value", enum_value)


class CreditAccountSet(CreditMutation):
    account = graphene.Field(CreditAccountType)

    class Arguments:
        input = CreditAccountInput(required=True)

    class Meta:
        description = ("Create or change a buyer's credit account with the viewer's side "
                       "as its seller: staff with MANAGE_CREDIT for the manufacturer's "
                       "dealers, a dealer's members with MANAGE_CREDIT for its "
                       "sub-dealers.")

    @classmethod
    def perform_mutation(cls, root, info, input):
        buyer = OrganizationType.get_visible(info, input["buyer"], "buyer")
        data = AccountSettings(
            credit_limit=input["credit_limit"], terms=_value(input["terms"]),
            over_limit_policy=_value(input["over_limit_policy"]),
            net_days=input.get("net_days"), currency=input.get("currency"),
            invoice_policy=_value(input.get("invoice_policy")), note=input.get("note"))
        return cls(account=set_account(info.context.viewer, buyer, data))


class CreditAdjust(CreditMutation):
    entry = graphene.Field(LedgerEntryType)
    account = graphene.Field(CreditAccountType)

    class Arguments:
        account = graphene.ID(required=True)
        amount = graphene.Decimal(required=True, description=(
            "Signed for an adjustment: + the buyer owes more, - less. A credit note's is "
            "positive (the buyer owes that much less)."))
        currency = graphene.String(required=True, description="The account's currency.")
        reason = graphene.String(required=True)
        credit_note = graphene.Boolean(default_value=False)
        occurred_on = graphene.Date(description="Today unless given; not in the future.")

    class Meta:
        description = ("Adjust an account's ledger with a reason (ADJUSTMENT), or issue a "
                       "credit note (CREDIT_NOTE): the account's seller only.")

    @classmethod
    def perform_mutation(cls, root, info, account, amount, currency, reason,
                         credit_note=False, occurred_on=None):
        row = CreditAccountType.get_visible(info, account, "account")
        entry = adjust(info.context.viewer, row, amount, currency, reason,
                       credit_note=bool(credit_note), occurred_on=occurred_on)
        return cls(entry=entry, account=entry.account)


class Mutations(graphene.ObjectType):
    credit_account_set = CreditAccountSet.Field()
    credit_adjust = CreditAdjust.Field()


# An account's figures load for a page in one query; its entries' pages for a list of
# accounts in one windowed query (its share weighed as a warehouse's nested stock page).
COSTS: dict[str, Any] = {
    "Query.creditAccounts": FieldCost(QUERY_WEIGHT, query=True,
                                      arguments={"search": SEARCH_WEIGHT}),
    "CreditAccount.entries": FieldCost(NESTED_PAGES_WEIGHT),
    # the pages' counts, when asked, for the whole list in one query too
    "LedgerEntryConnection.totalCount": FieldCost(NESTED_PAGES_WEIGHT, query=True),
    "Organization.creditAccount": FieldCost(2),
}
