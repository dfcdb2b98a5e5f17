"""``Invoice.cardPayments``: the card payments started for an invoice, newest first, in one
query for a page of invoices, each row through ``visibility.visible_card_payments``."""

from __future__ import annotations

from typing import Any

import graphene

from backend.core.graphql.cost import FieldCost
from backend.core.graphql.extend import add_fields
from backend.core.graphql.loaders import DataLoader, group_by
from plugins.credit.models import Invoice
from plugins.credit.schema.invoices import InvoiceType

from ..visibility import visible_card_payments
from .intents import CardPaymentType


class CardPaymentsByInvoiceIdLoader(DataLoader):
    siblings = ((Invoice, "pk"),)

    def batch_load(self, keys):
        grouped = group_by(visible_card_payments(self.context.viewer)
                           .filter(invoice_id__in=keys)
                           .order_by("invoice_id", "-created_at", "-pk"), "invoice_id")
        return [grouped.get(key, []) for key in keys]


def resolve_card_payments(root: Invoice, info):
    return CardPaymentsByInvoiceIdLoader(info.context).load(root.pk)


add_fields(
    InvoiceType,
    card_payments=graphene.Field(
        graphene.List(graphene.NonNull(CardPaymentType), required=True), required=True,
        resolver=resolve_card_payments, description=(
            "Card payments started for this invoice, newest first (waiting, failed, paid, "
            "refunded): what the buyer tried, and how it went.")),
)

COSTS: dict[str, Any] = {"Invoice.cardPayments": FieldCost(2)}
