"""Who an order's event concerns, and under which topic: the one place that decides.

The people:

- the buyer: the order's placer (when a member of the buyer placed it, not its seller on
  the buyer's behalf) and the buyer's approvers (members whose role holds APPROVE_ORDERS:
  they answer for the buyer too);
- the seller's moderators: for the manufacturer (the root organization), its staff with
  ``Perm.MODERATE_ORDERS``; for a dealer (its sub-dealers' orders), the dealer's members
  with ``OrgPerm.MODERATE_ORDERS``;
- the dealer of a sub-dealer: when the buyer's parent is not the seller (a sub-dealer
  buying from the manufacturer directly), the parent's members with MODERATE_ORDERS hear
  where their sub-dealer's order stands.

Event types with a side (a comment, unit moves, a line change) go to the other side from
the one the actor acted for. Nobody is told of what they did themselves. Types not listed
(a note, a plugin's own) tell nobody.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db.models import Q

from backend.accounts.models import Membership, User
from backend.core.permissions import BUILTIN_ROLE_PERMS, OrgPerm, Perm
from backend.orders.models import Order, OrderEvent

from .models import Topic

Audience = Callable[[OrderEvent], set[int]]


def _members_holding(organization_id: int | None, perm: OrgPerm) -> set[int]:
    if organization_id is None:
        return set()
    roles = [role for role, perms in BUILTIN_ROLE_PERMS.items() if perm in perms]
    held = (Q(custom_role__isnull=True, role__in=roles)
            | Q(custom_role__permissions__contains=[perm.value]))
    return set(Membership.objects.filter(held, organization_id=organization_id,
                                         is_active=True, user__is_active=True)
               .values_list("user_id", flat=True))


def placer(event: OrderEvent) -> set[int]:
    order = event.order
    return set() if order.on_behalf else {order.placed_by_id}


def approvers(event: OrderEvent) -> set[int]:
    return _members_holding(event.order.buyer_id, OrgPerm.APPROVE_ORDERS)


def buyer(event: OrderEvent) -> set[int]:
    return placer(event) | approvers(event)


def seller_moderators(event: OrderEvent) -> set[int]:
    seller = event.order.seller
    if seller.parent_id is None:
        return set(User.objects.filter(
            is_active=True, is_staff=True,
            staff_permissions__contains=[Perm.MODERATE_ORDERS.value]).values_list("pk",
                                                                                  flat=True))
    return _members_holding(seller.pk, OrgPerm.MODERATE_ORDERS)


def buyers_dealer(event: OrderEvent) -> set[int]:
    order = event.order
    parent_id = order.buyer.parent_id
    if parent_id is None or parent_id == order.seller_id or order.seller.parent_id is not None:
        return set()
    return _members_holding(parent_id, OrgPerm.MODERATE_ORDERS)


def acted_for_seller(event: OrderEvent) -> bool:
    """The actor acted for the seller: as the seller organization, or as the
    manufacturer's staff (who act for no organization) on an order the buyer did not
    act on as itself."""
    order: Order = event.order
    if event.acting_as_id is not None:
        return event.acting_as_id == order.seller_id
    user = event.user
    return bool(user is not None and user.is_staff)


def other_side(event: OrderEvent) -> set[int]:
    return buyer(event) if acted_for_seller(event) else seller_moderators(event)


def buyer_and_dealer(event: OrderEvent) -> set[int]:
    return buyer(event) | buyers_dealer(event)


def buyer_and_accountants(event: OrderEvent) -> set[int]:
    """The buyer and its members who pay its invoices (MANAGE_PAYMENTS)."""
    return buyer(event) | _members_holding(event.order.buyer_id, OrgPerm.MANAGE_PAYMENTS)


def both_sides(event: OrderEvent) -> set[int]:
    return buyer(event) | seller_moderators(event) | buyers_dealer(event)


@dataclass(frozen=True)
class Rule:
    topic: Topic
    audience: Audience


# Event type -> who hears it, under which topic. An approval that lets an order reach its
# seller is also a new order to the seller's side (the second rule).
RULES: dict[str, tuple[Rule, ...]] = {
    "APPROVAL_REQUESTED": (Rule(Topic.ORDER_APPROVAL, approvers),),
    "APPROVED": (Rule(Topic.ORDER_APPROVAL, placer),
                 Rule(Topic.ORDER_MODERATION, seller_moderators)),
    "REJECTED": (Rule(Topic.ORDER_APPROVAL, placer),),
    "PLACED": (Rule(Topic.ORDER_MODERATION, seller_moderators),),
    "CANCELLED": (Rule(Topic.ORDER_MODERATION, both_sides),),
    "MODERATION_STARTED": (Rule(Topic.ORDER_MODERATION, buyer),),
    "PROPOSED": (Rule(Topic.ORDER_PROPOSALS, buyer),),
    "PROPOSAL_ACCEPTED": (Rule(Topic.ORDER_PROPOSALS, seller_moderators),),
    "PROPOSAL_DECLINED": (Rule(Topic.ORDER_PROPOSALS, seller_moderators),),
    "COMMENTED": (Rule(Topic.ORDER_PROPOSALS, other_side),),
    "CONFIRMED": (Rule(Topic.ORDER_MODERATION, buyer_and_dealer),),
    "AUTO_CONFIRMED": (Rule(Topic.ORDER_MODERATION, buyer_and_dealer),),
    "SELLER_REJECTED": (Rule(Topic.ORDER_MODERATION, buyer_and_dealer),),
    "UNITS_MOVED": (Rule(Topic.ORDER_FULFILMENT, other_side),),
    "DISPATCHED": (Rule(Topic.ORDER_FULFILMENT, buyer_and_dealer),),
    "FORWARDED": (Rule(Topic.ORDER_FORWARDING, buyer),),
    "LINE_CHANGED": (Rule(Topic.ORDER_MODERATION, other_side),),
    # The credit plugin's daily task: an invoice of the order passed its due date.
    "INVOICE_OVERDUE": (Rule(Topic.PAYMENTS, buyer_and_accountants),),
}


@dataclass(frozen=True)
class Recipient:
    user: User
    topic: Topic
    # The event is told as this type: an approval reaching the seller is a new order there.
    told_as: str


def recipients(event: OrderEvent) -> list[Recipient]:
    """Everyone ``event`` concerns, once each (the first rule naming them wins), never
    its actor; active users only, by id."""
    chosen: dict[int, tuple[Topic, str]] = {}
    for index, rule in enumerate(RULES.get(event.event_type, ())):
        told_as = "PLACED" if event.event_type == "APPROVED" and index == 1 else event.event_type
        for user_id in sorted(rule.audience(event)):
            if user_id != event.user_id:
                chosen.setdefault(user_id, (rule.topic, told_as))
    users = User.objects.filter(pk__in=list(chosen), is_active=True).order_by("pk")
    return [Recipient(user, *chosen[user.pk]) for user in users]


def known_types() -> Iterable[str]:
    return RULES.keys()
