"""Orders confirmed without a moderator: a seller's ``AutoConfirmRule`` (kept in the
admin) says which. When an order reaches its seller (``order_submitted``, inside the
placing or approving transaction, after its workflow rows are opened), the first active
rule of the seller matching it confirms it: its type among the rule's order types, its
grand total at most the rule's ``max_total`` (when set), its buyer among the rule's
trusted buyers (or any buyer for a rule of ``all_buyers``). An order over its credit
limit (``over_credit``) is never confirmed so.

Nothing in the order changed since it was placed, so there is no stock to reconcile and
no credit to ask again (the placement did both). The moderation is CONFIRMED with
``auto_confirmed``, version bumped; the event AUTO_CONFIRMED names the rule.
"""

from __future__ import annotations

from django.db.models import F, Q
from django.utils import timezone

from backend.core.plugins.manager import get_plugins_manager
from backend.orders.credit import CreditHold
from backend.orders.models import Order
from backend.orders.services import events

from ..models import AutoConfirmRule, ModerationState, OrderModeration


def matching_rule(order: Order) -> AutoConfirmRule | None:
    """The seller's first active rule ``order`` meets (one query)."""
    return (AutoConfirmRule.objects.filter(
        seller_id=order.seller_id, is_active=True, order_types__contains=[order.order_type])
        .filter(Q(max_total__isnull=True) | Q(max_total__gte=order.grand_total_gross))
        .filter(Q(all_buyers=True) | Q(buyers=order.buyer_id))
        .order_by("pk").first())


def confirm_if_ruled(order: Order) -> bool:
    """Confirm ``order`` (its moderation just opened) when a rule says so."""
    rule = matching_rule(order)
    if rule is None:
        return False
    now = timezone.now()
    if order.credit_hold != CreditHold.NONE:
        return False  # over the limit: a person decides (or the card pays first)
    updated = OrderModeration.objects.filter(
        order_id=order.pk, state=ModerationState.SUBMITTED, over_credit=False).update(
        state=ModerationState.CONFIRMED, auto_confirmed=True, confirmed_at=now,
        version=F("version") + 1, updated_at=now)
    if not updated:
        return False
    events.record(order, "AUTO_CONFIRMED", message=rule.name,
                  before={"moderation_state": ModerationState.SUBMITTED.value},
                  after={"moderation_state": ModerationState.CONFIRMED.value,
                         "rule": rule.pk})
    get_plugins_manager().run("order_confirmed", None, order)
    return True
