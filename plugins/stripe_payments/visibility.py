"""Which card payments a viewer may see: the only place that decides.

A card payment is seen as its account's payments are (``plugins.credit.visibility``: the
seller's side, the buyer's members holding VIEW_INVOICES or MANAGE_PAYMENTS, staff who see
the account), and by the person who started it, while acting for the buyer (a buyer paying
its order held for a card payment sees how its payment went).
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from backend.core.viewer import Viewer
from plugins.credit.visibility import account_documents_condition

from .models import CardPayment


def visible_card_payments(viewer: Viewer) -> QuerySet[CardPayment]:
    condition = account_documents_condition(viewer)
    if condition is None:
        return CardPayment.objects.all()
    if viewer.user is not None and viewer.organization is not None:
        condition |= Q(created_by_id=viewer.user.pk, account__buyer_id=viewer.organization.pk)
    return CardPayment.objects.filter(condition)
