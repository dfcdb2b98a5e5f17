"""Batch loaders of the invoices' fields: one query per relation per page, every row
through ``visibility.py``."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Sum

from backend.accounts.models import Organization
from backend.core.graphql.loaders import ByIdLoader, DataLoader, group_by
from backend.orders.models import Order

from ..models import Invoice, PaymentAllocation, Requisites
from ..visibility import (
    visible_invoice_lines,
    visible_invoices,
    visible_requisites,
    visible_shipment_documents,
)


class InvoiceOrganizationLoader(ByIdLoader):
    """The seller and the buyer: null when the viewer may not see that organization."""

    siblings = ((Invoice, "seller_id"), (Invoice, "buyer_id"))
    model = Organization


class InvoiceOrderLoader(ByIdLoader):
    siblings = ((Invoice, "order_id"),)
    model = Order


class InvoiceLinesLoader(DataLoader):
    siblings = ((Invoice, "pk"),)
    remembers_rows = False

    def batch_load(self, keys):
        grouped = group_by(visible_invoice_lines(self.context.viewer)
                           .filter(invoice_id__in=keys).order_by("invoice_id", "position"),
                           "invoice_id")
        return [grouped.get(key, []) for key in keys]


class InvoicePaidLoader(DataLoader):
    """What payments cover of each invoice (the invoice is visible: its key came from a
    visible row, so its allocations' sum is the viewer's to know)."""

    siblings = ((Invoice, "pk"),)
    remembers_rows = False

    def batch_load(self, keys):
        paid = dict(PaymentAllocation.objects.filter(invoice_id__in=keys)
                    .values("invoice_id").annotate(total=Sum("amount"))
                    .values_list("invoice_id", "total"))
        return [paid.get(key) or Decimal("0.00") for key in keys]


class InvoicesByOrderIdLoader(DataLoader):
    siblings = ((Order, "pk"),)

    def batch_load(self, keys):
        grouped = group_by(visible_invoices(self.context.viewer).filter(order_id__in=keys)
                           .order_by("order_id", "issued_on", "pk"), "order_id")
        return [grouped.get(key, []) for key in keys]


class ShipmentDocumentsByOrderIdLoader(DataLoader):
    siblings = ((Order, "pk"),)
    remembers_rows = False

    def batch_load(self, keys):
        grouped = group_by(visible_shipment_documents(self.context.viewer)
                           .filter(order_id__in=keys).order_by("order_id", "shipped_at", "pk"),
                           "order_id")
        return [grouped.get(key, []) for key in keys]


class RequisitesByOrganizationIdLoader(DataLoader):
    siblings = ((Organization, "pk"),)
    remembers_rows = False

    def batch_load(self, keys):
        rows: dict[int, Requisites] = {row.organization_id: row for row in visible_requisites(
            self.context.viewer).filter(organization_id__in=keys)}
        return [rows.get(key) for key in keys]
