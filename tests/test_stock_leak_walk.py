"""The stock-leak walk (issue 12, item 2): a sub-dealer never learns the factory's exact
figures when the manufacturer hides them from the network below its dealers.

The factory has a warehouse its dealers see exactly and the network below them not at all
(``network_display`` HIDDEN), and one the network below sees in bands only; both hold and
expect distinctive fractional quantities. The sub-dealer's admin walks the whole API as
the price-leak walk does (every root query by introspection, every field nested to the
depth limit, each ID argument set to each object seen, every object opened by
``node(id:)``): no number anywhere in any answer may equal one of those figures, nor a
total they are part of. The dealer, who may see the first warehouse exactly, finds them
(the seed is visible where it should be).
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from backend.accounts.models import Role
from inventory.models import (
    IncomingSupply,
    QuantityDisplay,
    StockItem,
    Warehouse,
    WarehouseKind,
)
from tests.fixtures.graphql import GraphQLClient
from tests.test_price_leak_walk import _numbers, leaks, walk

# the schema walk's documents stay prepared between its requests (tests/fixtures/graphql.py)
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("walk_documents_kept")]

HIDDEN_ON_HAND = Decimal("4819.250")
HIDDEN_AVAILABLE = Decimal("4817.250")  # 2 allocated
HIDDEN_INCOMING = Decimal("3907.125")
BANDED_AVAILABLE = Decimal("2713.375")
OWN_AVAILABLE = Decimal("3.125")  # the sub-dealer's own stock center: exact to it
DEALER_AVAILABLE = Decimal("6.500")  # the dealer's stock center: exact to its buyers


@pytest.fixture
def stock_chain(network, catalog, make_user):
    factory, dealer, sub = network["factory"], network["dealer_a"], network["sub_a"]
    variant = catalog["facade_white"].variants.order_by("pk").first()

    def warehouse(code, owner, kind, **fields):
        return Warehouse.objects.create(code=code, name=f"Склад {code}", owner=owner,
                                        kind=kind, region="Москва", **fields)

    hidden = warehouse("F-HIDDEN", factory, WarehouseKind.FACTORY,
                       display=QuantityDisplay.EXACT, network_display=QuantityDisplay.HIDDEN)
    banded = warehouse("R-BANDED", factory, WarehouseKind.REGIONAL,
                       display=QuantityDisplay.EXACT, network_display=QuantityDisplay.BANDS)
    own = warehouse("SUB-OWN", sub, WarehouseKind.STOCK_CENTER)
    dealers = warehouse("DEALER", dealer, WarehouseKind.STOCK_CENTER)
    StockItem.objects.create(warehouse=hidden, variant=variant, on_hand=HIDDEN_ON_HAND,
                             allocated=2)
    StockItem.objects.create(warehouse=banded, variant=variant, on_hand=BANDED_AVAILABLE)
    StockItem.objects.create(warehouse=own, variant=variant, on_hand=OWN_AVAILABLE)
    StockItem.objects.create(warehouse=dealers, variant=variant, on_hand=DEALER_AVAILABLE)
    expected = timezone.localdate() + timedelta(days=10)
    for row in (hidden, banded):
        IncomingSupply.objects.create(warehouse=row, variant=variant,
                                      quantity=HIDDEN_INCOMING, expected_date=expected)
    admin = make_user("admin@sub-alfa.test", sub, Role.ADMIN)
    dealer_buyer = make_user("buyer@alfa.test", dealer, Role.BUYER)
    return {"client": GraphQLClient(admin, sub),
            "dealer": GraphQLClient(dealer_buyer, dealer)}


def _forbidden() -> set[Decimal]:
    """The hidden and banded figures, and every total a sub-dealer's answer could hold
    them in."""
    parts = [HIDDEN_AVAILABLE, BANDED_AVAILABLE]
    shown = OWN_AVAILABLE + DEALER_AVAILABLE
    return {HIDDEN_ON_HAND, HIDDEN_AVAILABLE, HIDDEN_INCOMING, BANDED_AVAILABLE,
            HIDDEN_INCOMING * 2, HIDDEN_AVAILABLE + shown, BANDED_AVAILABLE + shown,
            sum(parts) + shown, sum(parts)}


def test_a_sub_dealer_finds_no_hidden_or_banded_factory_figure_anywhere(stock_chain):
    answers, types = walk(stock_chain["client"])

    assert {"Warehouse", "StockItem", "IncomingSupply", "ProductVariant"} <= types, types
    found = leaks(answers, _forbidden())
    assert not found, "the factory's figures reach the sub-dealer:\n" + "\n".join(found)
    # It walked the stock it may see exactly: its own and its dealer's.
    shown = {number for _, body in answers for _, number in _numbers(body)}
    assert {OWN_AVAILABLE, DEALER_AVAILABLE} <= shown


def test_the_dealer_sees_the_factory_figure_its_display_allows(stock_chain):
    answer = stock_chain["dealer"]("""{ products(first: 10) { edges { node { variants {
      stock { warehouse { code } available { exact } incoming { quantity { exact } } }
    } } } } }""").body
    found = {str(number) for _, number in _numbers(answer)}
    assert {str(HIDDEN_AVAILABLE), str(BANDED_AVAILABLE), str(HIDDEN_INCOMING)} <= found
