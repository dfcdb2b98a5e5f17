"""The workflow's demo data (``manage.py demo`` runs ``load_demo`` after the demo orders,
which reached their sellers SUBMITTED): some orders taken further through the services,
as their moderators would.

- Столичный дом красок's oldest order: confirmed by the factory's staff, two lines made
  ready, one of them shipped (a dispatch with its document number): partly shipped.
- Its latest (14 lines): on moderation, the staff propose a smaller quantity on one line:
  waiting for the dealer's answer.
- Уральская строительная компания's oldest order: on moderation (taken, nothing proposed).
- Подмосковный строитель's first order: confirmed by its dealer, ready to forward (the
  dealer's forwarding screen lists it).
- ДомТорг Зеленоград's first order: confirmed by its dealer and forwarded to the factory
  as one order of the dealer.

Every other order stays SUBMITTED. Sub-dealer 1's own stock (its dealer's stock centers)
is left as it is: the e2e scenario places an order there itself. Loaded once: when a demo
order has left SUBMITTED, a second load does nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from backend.accounts.models import Membership, User
from backend.core.errors import DomainValidationError
from backend.core.viewer import Viewer
from backend.orders.models import Order, OrderLine
from backend.orders.services.notifications import silenced

from .engine import UnitStatus
from .models import ModerationState, OrderModeration
from .services import moderation, units
from .services.dispatches import DispatchData
from .services.forwarding import forward_orders
from .services.proposals import ProposalRequest, propose

logger = logging.getLogger(__name__)

KEY = "demo-{}"
STAFF = "admin@demo.local"
DEALER_ADMIN = "dealer1.admin@demo.local"  # Столичный дом красок's only member role


def load_demo() -> int:
    """Take the demo orders through moderation, unit moves and forwarding; the number of
    orders changed (0 when loaded before or when there are no demo orders)."""
    orders = {order.idempotency_key: order for order in Order.objects.filter(
        idempotency_key__startswith="demo-", placed_by__email__endswith="@demo.local")}
    if not orders or OrderModeration.objects.filter(order__in=orders.values()).exclude(
            state=ModerationState.SUBMITTED).exists():
        return 0
    staff = _viewer(STAFF)
    dealer = _viewer(DEALER_ADMIN, member=True)
    steps: list[tuple[str, Callable[[Order], Any]]] = [
        ("d1-1", lambda order: _partly_shipped(staff, order)),
        ("d1-3", lambda order: _proposed(staff, order)),
        ("d3-1", lambda order: moderation.start(staff, order.pk)),
        ("s1-1", lambda order: moderation.confirm(dealer, order.pk, None)),
        ("s2-1", lambda order: _forwarded(dealer, order)),
    ]
    changed = 0
    with silenced():
        for key, step in steps:
            order = orders.get(KEY.format(key))
            if order is None:
                continue
            try:
                step(order)
                changed += 1
            except DomainValidationError as error:
                logger.warning("demo workflow %s: %s", key, error)
    return changed


def _viewer(email: str, member: bool = False) -> Viewer:
    """Staff as themselves, or a member acting for its (only) organization."""
    user = User.objects.get(email=email)
    membership = (Membership.objects.select_related("organization").get(user=user)
                  if member else None)
    return Viewer(user=user, organization=getattr(membership, "organization", None),
                  membership=membership, staff_permissions=user.granted_staff_permissions())


def _lines(order: Order) -> list[OrderLine]:
    return list(OrderLine.objects.filter(order=order).order_by("position"))


def _partly_shipped(staff: Viewer, order: Order) -> None:
    moderation.start(staff, order.pk)
    moderation.confirm(staff, order.pk, None, "Подтверждено: отгрузка частями.")
    first, second = _lines(order)[:2]
    units.move_units(staff, order.pk, [
        units.UnitMove(first.pk, UnitStatus.PENDING, UnitStatus.READY, first.quantity),
        units.UnitMove(second.pk, UnitStatus.PENDING, UnitStatus.IN_PRODUCTION,
                       second.quantity)])
    units.move_units(staff, order.pk, [
        units.UnitMove(first.pk, UnitStatus.READY, UnitStatus.SHIPPED, first.quantity)],
        DispatchData(document_number="УПД-2041", carrier_name="Деловые линии",
                     tracking_number="ДЛ-7731-0042"))


def _proposed(staff: Viewer, order: Order) -> None:
    moderation.start(staff, order.pk)
    line = max(_lines(order), key=lambda ln: ln.quantity)
    smaller = (line.quantity / 2).to_integral_value() or Decimal(1)
    propose(staff, order.pk, None, [ProposalRequest(
        line.pk, "QUANTITY", quantity=smaller,
        comment="На складе меньше, остальное — после поставки в следующем месяце.")])


def _forwarded(dealer: Viewer, order: Order) -> None:
    moderation.confirm(dealer, order.pk, None)
    forward_orders(dealer, [order.pk], "demo-forward-1",
                   "Заказ ДомТорг Зеленоград, отгрузка на наш склад.")
