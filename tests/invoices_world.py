"""Invoices for the invoices' tests: dealer Alfa buys from the factory on account (net 14
days, an invoice on confirmation), both with requisites; ``confirmed(world, lines...)``
places an order and confirms it through the moderation service (the hook issues the
invoice), ``shipped(world, order, (variant, qty)...)`` readies and ships units (one
dispatch). Users: the dealer's accountant (VIEW_INVOICES, MANAGE_PAYMENTS), its buyer,
the sub-dealer's buyer, the factory's staff (every permission)."""

from __future__ import annotations

from decimal import Decimal
from itertools import count

import pytest

from backend.accounts.models import Role
from backend.orders.models import OrderLine
from plugins.credit.models import CreditAccount, Invoice, Requisites
from plugins.order_workflow.engine import UnitStatus
from plugins.order_workflow.services import moderation
from plugins.order_workflow.services.units import UnitMove, move_units
from tests.fixtures.order_place import viewer_of
from tests.workflow_units_world import placed

__all__ = ["confirmed", "credit_world", "shipped"]

_keys = count(1)


@pytest.fixture
def credit_world(place_world, make_user):
    world = dict(place_world)
    factory, dealer = world["factory"], world["dealer"]
    factory.kpp, factory.address = "770101001", "г. Москва, ул. Заводская, д. 1"
    factory.save(update_fields=["kpp", "address"])
    dealer.kpp, dealer.address = "772201001", "г. Москва, ул. Дилерская, д. 5"
    dealer.save(update_fields=["kpp", "address"])
    Requisites.objects.create(organization=factory, legal_address=factory.address,
                              bank_name="ПАО Сбербанк", bik="044525225",
                              bank_account="40702810938000000001",
                              correspondent_account="30101810400000000225",
                              director="Иванов И. И.", chief_accountant="Петрова А. А.")
    Requisites.objects.create(organization=dealer, bank_name="АО Альфа-Банк",
                              bik="044525593", bank_account="40702810101300000002",
                              correspondent_account="30101810200000000593",
                              director="Сидоров С. С.")
    world["account"] = CreditAccount.objects.create(
        buyer=dealer, seller=factory, credit_limit=Decimal("1000000"), terms="NET",
        net_days=14)
    world["accountant"] = make_user("accountant@alfa.test", dealer, Role.ACCOUNTANT)
    return world


def confirmed(world, *lines, buyer=None, organization=None):
    """An order placed and confirmed by the factory's staff: the hook's invoice issued."""
    order = placed(world, *lines, state="SUBMITTED", buyer=buyer, organization=organization)
    return moderation.confirm(viewer_of(world["staff"]), order.pk, None)


def shipped(world, order, *lines):
    """Ready and ship ``(variant, qty)...`` of ``order``: one dispatch."""
    viewer = viewer_of(world["staff"])
    moves = []
    for variant, quantity in lines:
        line = OrderLine.objects.get(order=order, variant=variant)
        moves.append((line.pk, Decimal(quantity)))
    move_units(viewer, order.pk, [UnitMove(pk, UnitStatus.PENDING, UnitStatus.READY, q)
                                  for pk, q in moves])
    return move_units(viewer, order.pk, [UnitMove(pk, UnitStatus.READY, UnitStatus.SHIPPED, q)
                                         for pk, q in moves]).dispatch


def invoice_of(order) -> Invoice:
    return Invoice.objects.get(order=order, dispatch_id__isnull=True)

