"""``OrderClient.credit``: the receivables monitor's figures of a client the viewer orders
for (``orderClients``), on the client's card in the on-behalf order screen: its account
with its seller (its parent), when that account is one of the viewer's receivables
(``visibility.receivable_accounts``), else null. The whole list's accounts and figures
load at once."""

from __future__ import annotations

import graphene
from django.db.models import F

from backend.accounts.models import Organization
from backend.checkout.schema.clients import OrderClientType
from backend.core.graphql.extend import add_fields
from backend.core.graphql.loaders import DataLoader

from ..services.figures import figures_of
from ..visibility import receivable_accounts
from .receivables import ReceivableType


class ClientCreditLoader(DataLoader):
    """The account (with its figures) of each client with its parent, by the client's id;
    None when there is none or the viewer may not see it as a receivable."""

    siblings = ((Organization, "pk"),)

    def batch_load(self, keys):
        accounts = list(receivable_accounts(self.context.viewer).filter(
            buyer_id__in=keys, seller_id=F("buyer__parent_id")))
        found = figures_of(accounts)
        for account in accounts:
            account.figures = found[account.pk]
        by_buyer = {account.buyer_id: account for account in accounts}
        return [by_buyer.get(key) for key in keys]


def _resolve_credit(root: Organization, info):
    return ClientCreditLoader(info.context).load(root.pk)


add_fields(OrderClientType, credit=graphene.Field(
    ReceivableType, resolver=_resolve_credit, description=(
        "What the client owes its seller (limit, balance, available, due this week, "
        "overdue, last payment), when the viewer sees its account among its receivables.")))
