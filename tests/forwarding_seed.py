"""A forward written directly (no stock, no pricing): a sub-dealer's confirmed order and
its dealer's order to the manufacturer carrying it, line for line, with the links. For
the walks that check what each side may see (the price leak walk, the authorization
matrix); the forward itself is tested through its service and the API."""

from __future__ import annotations

from plugins.order_workflow.models import ForwardLink, ModerationState, OrderModeration
from plugins.order_workflow.services.records import open_records
from tests.orders_world import make_order


def seed_forward(sub, sub_user, dealer, dealer_user, variants, *, sub_price: str,
                 dealer_price: str):
    """(the sub-dealer's order, the dealer's forwarded order)."""
    source = make_order(sub, sub_user, variants, price=sub_price)
    forwarded = make_order(dealer, dealer_user, variants, price=dealer_price)
    for order in (source, forwarded):
        open_records(order)
    OrderModeration.objects.filter(order=source).update(state=ModerationState.CONFIRMED)
    ForwardLink.objects.bulk_create(
        ForwardLink(source_line=line, source_order=source, forwarded_line=carrying,
                    forwarded_order=forwarded, quantity=line.quantity)
        for line, carrying in zip(source.lines.order_by("position"),
                                  forwarded.lines.order_by("position"), strict=True))
    return source, forwarded
