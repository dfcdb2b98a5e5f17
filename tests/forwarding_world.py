"""Sub-dealer orders ready to forward: the sub-dealer of ``place_world`` places orders
(from its dealer's stock center) and the dealer confirms them (the moderation row set
CONFIRMED directly: moderation itself is tested with its services)."""

from __future__ import annotations

from backend.checkout.services.placement import PlaceRequest, place_order
from plugins.order_workflow.models import ModerationState, OrderModeration
from tests.fixtures.order_place import cart_of, viewer_of


def sub_order(world, *lines, key, confirmed=True):
    """An order of the sub-dealer's buyer: ``lines`` are (variant, quantity)."""
    cart_of(world["sub_buyer"], world["sub"], *lines)
    order = place_order(viewer_of(world["sub_buyer"], world["sub"]),
                        PlaceRequest(idempotency_key=key))
    if confirmed:
        OrderModeration.objects.filter(order=order).update(state=ModerationState.CONFIRMED)
    return order


def dealer_viewer(world):
    return viewer_of(world["admin"], world["dealer"])
