"""Which credit rows a viewer may see: the only place that decides.

An account is between a buyer and its seller (its parent). It is seen:

- by staff with VIEW_ALL or MANAGE_CREDIT: every account;
- by a regional manager (other staff): the accounts whose buyer is in the subtrees
  assigned to them, sold by the manufacturer or by a dealer there;
- by the BUYER's members holding VIEW_INVOICES, MANAGE_PAYMENTS, PLACE_ORDERS or
  APPROVE_ORDERS, acting for the buyer (what it owes and what it may still order);
- by the SELLER's members holding VIEW_INVOICES, MANAGE_PAYMENTS or MANAGE_CREDIT,
  acting for the seller (a dealer's accounts with its sub-dealers).

Nobody else: a sub-dealer is neither party of its dealer's account with the manufacturer,
so it never sees it, nor any invoice, payment, entry or statement of it. Invoices,
payments, allocations, ledger entries and comparisons are seen with their account, but on
the buyer's side only by members holding VIEW_INVOICES or MANAGE_PAYMENTS (a buyer sees
its credit figures, not the documents). Bank statements are the seller's own: its members
with MANAGE_PAYMENTS or MANAGE_CREDIT, staff with VIEW_ALL or MANAGE_CREDIT for the
manufacturer's.

Nested fields load rows through these functions (a loader passes the ids of its page,
which only narrows), so a nested field answers what ``node(id:)`` answers.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from django.db.models import Model, Q, QuerySet

from backend.accounts.models import Organization
from backend.core.permissions import OrgPerm, Perm
from backend.core.viewer import Viewer

from .models import (
    BankStatementImport,
    BankStatementRow,
    CreditAccount,
    Invoice,
    InvoiceLine,
    LedgerEntry,
    Payment,
    PaymentAllocation,
    Requisites,
    StatementComparison,
)

M = TypeVar("M", bound=Model)

BUYER_FIGURES = (OrgPerm.VIEW_INVOICES, OrgPerm.MANAGE_PAYMENTS, OrgPerm.PLACE_ORDERS,
                 OrgPerm.APPROVE_ORDERS)
BUYER_DOCUMENTS = (OrgPerm.VIEW_INVOICES, OrgPerm.MANAGE_PAYMENTS)
SELLER_SIDE = (OrgPerm.VIEW_INVOICES, OrgPerm.MANAGE_PAYMENTS, OrgPerm.MANAGE_CREDIT)


def sees_all_credit(viewer: Viewer) -> bool:
    return viewer.has_perm(Perm.VIEW_ALL) or viewer.has_perm(Perm.MANAGE_CREDIT)


def _can_any(viewer: Viewer, perms: Iterable[OrgPerm]) -> bool:
    return any(viewer.can(perm) for perm in perms)


def _account_condition(viewer: Viewer, prefix: str = "", *,
                       documents: bool = False) -> Q | None:
    """The accounts' condition (None: all), ``prefix`` leading to the account."""
    if sees_all_credit(viewer):
        return None
    condition = Q(pk__in=[])
    if viewer.user is None:
        return condition
    if viewer.is_staff:
        for path in viewer.assigned_paths:
            condition |= Q(**{f"{prefix}buyer_id__in": Organization.objects.filter(
                path__startswith=path).values("pk")})
    organization = viewer.organization
    if organization is not None:
        if _can_any(viewer, BUYER_DOCUMENTS if documents else BUYER_FIGURES):
            condition |= Q(**{f"{prefix}buyer_id": organization.pk})
        if _can_any(viewer, SELLER_SIDE):
            condition |= Q(**{f"{prefix}seller_id": organization.pk})
    return condition


def _filtered(rows: QuerySet[M], condition: Q | None) -> QuerySet[M]:
    return rows if condition is None else rows.filter(condition)


def visible_accounts(viewer: Viewer) -> QuerySet[CreditAccount]:
    return _filtered(CreditAccount.objects.all(), _account_condition(viewer))


def visible_invoices(viewer: Viewer) -> QuerySet[Invoice]:
    return _filtered(Invoice.objects.all(),
                     _account_condition(viewer, "account__", documents=True))


def visible_invoice_lines(viewer: Viewer) -> QuerySet[InvoiceLine]:
    return _filtered(InvoiceLine.objects.all(),
                     _account_condition(viewer, "invoice__account__", documents=True))


def visible_payments(viewer: Viewer) -> QuerySet[Payment]:
    return _filtered(Payment.objects.all(),
                     _account_condition(viewer, "account__", documents=True))


def visible_allocations(viewer: Viewer) -> QuerySet[PaymentAllocation]:
    return _filtered(PaymentAllocation.objects.all(),
                     _account_condition(viewer, "invoice__account__", documents=True))


def visible_entries(viewer: Viewer) -> QuerySet[LedgerEntry]:
    return _filtered(LedgerEntry.objects.all(),
                     _account_condition(viewer, "account__", documents=True))


def visible_comparisons(viewer: Viewer) -> QuerySet[StatementComparison]:
    return _filtered(StatementComparison.objects.all(),
                     _account_condition(viewer, "account__", documents=True))


def visible_document_accounts(viewer: Viewer) -> QuerySet[CreditAccount]:
    """The accounts whose documents (a reconciliation statement, its comparisons) the
    viewer sees: on the buyer's side only with VIEW_INVOICES or MANAGE_PAYMENTS."""
    return _filtered(CreditAccount.objects.all(), _account_condition(viewer, documents=True))


def may_manage_account(viewer: Viewer, account: CreditAccount, *,
                       seller: Organization | None = None) -> bool:
    """Set limits and terms, record payments, adjust: the account's seller only.
    ``seller``: the account's seller when already loaded (a page's, by a loader)."""
    if viewer.is_staff:
        seller = seller if seller is not None else account.seller
        return viewer.has_perm(Perm.MANAGE_CREDIT) and seller.parent_id is None
    organization = viewer.organization
    return (organization is not None and organization.pk == account.seller_id
            and viewer.can(OrgPerm.MANAGE_CREDIT))


def _statement_condition(viewer: Viewer, prefix: str = "") -> Q | None:
    if sees_all_credit(viewer):
        return None
    organization = viewer.organization
    if organization is not None and not viewer.is_staff and _can_any(
            viewer, (OrgPerm.MANAGE_PAYMENTS, OrgPerm.MANAGE_CREDIT)):
        return Q(**{f"{prefix}seller_id": organization.pk})
    return Q(pk__in=[])


def visible_bank_statements(viewer: Viewer) -> QuerySet[BankStatementImport]:
    return _filtered(BankStatementImport.objects.all(), _statement_condition(viewer))


def visible_bank_rows(viewer: Viewer) -> QuerySet[BankStatementRow]:
    return _filtered(BankStatementRow.objects.all(),
                     _statement_condition(viewer, "statement__"))


def visible_requisites(viewer: Viewer) -> QuerySet[Requisites]:
    """An organization's bank details: whoever sees an account it is a party of sees them
    on its documents; its own members always."""
    accounts = visible_accounts(viewer)
    condition = Q(organization_id__in=accounts.values("buyer_id")) | Q(
        organization_id__in=accounts.values("seller_id"))
    if viewer.organization is not None:
        condition |= Q(organization_id=viewer.organization.pk)
    return Requisites.objects.filter(condition)


def may_import_statements(viewer: Viewer, seller: Organization) -> bool:
    """Import the seller's bank statements and match their rows (payments): staff with
    MANAGE_CREDIT for the manufacturer; the seller's own members with MANAGE_CREDIT or
    MANAGE_PAYMENTS (its accountant) for a dealer."""
    if viewer.is_staff:
        return viewer.has_perm(Perm.MANAGE_CREDIT) and seller.parent_id is None
    organization = viewer.organization
    return (organization is not None and organization.pk == seller.pk
            and _can_any(viewer, (OrgPerm.MANAGE_CREDIT, OrgPerm.MANAGE_PAYMENTS)))


def visible_shipment_documents(viewer: Viewer) -> QuerySet:
    """The dispatches whose UPD (shipment document) the viewer may read: every dispatch it
    sees (the order workflow decides), with or without a credit account, since a shipment
    needs its document whatever the payment terms."""
    from plugins.order_workflow.visibility import visible_dispatches

    return visible_dispatches(viewer)


# stripe: another plugin's rows seen as an account's documents (card payments), without
# credit importing that plugin.
def account_documents_condition(viewer: Viewer, prefix: str = "account__") -> Q | None:
    """The condition (None: all) on rows reaching an account through ``prefix``, seen as
    the account's invoices and payments are."""
    return _account_condition(viewer, prefix, documents=True)


RECEIVABLES_SIDE = (OrgPerm.VIEW_INVOICES, OrgPerm.MANAGE_CREDIT)


def receivable_accounts(viewer: Viewer) -> QuerySet[CreditAccount]:
    """The receivables monitor's accounts: what the viewer's side is owed, never what it
    owes. Staff with VIEW_ALL or MANAGE_CREDIT: every account; a regional manager: the
    accounts of buyers in its assigned subtrees; a member holding VIEW_INVOICES or
    MANAGE_CREDIT: the accounts its organization sells on (a dealer's sub-dealers). A
    subset of ``visible_accounts``: a dealer's own account with the manufacturer is not
    one of its receivables."""
    if sees_all_credit(viewer):
        return CreditAccount.objects.all()
    condition = Q(pk__in=[])
    if viewer.user is not None and viewer.is_staff:
        for path in viewer.assigned_paths:
            condition |= Q(buyer_id__in=Organization.objects.filter(
                path__startswith=path).values("pk"))
    organization = viewer.organization
    if organization is not None and _can_any(viewer, RECEIVABLES_SIDE):
        condition |= Q(seller_id=organization.pk)
    return CreditAccount.objects.filter(condition)
