"""``price`` and ``priceTiers`` of a variant from one lookup: the first asked at the minimum
order leaves the variant's walk on its row for the other, for that request only; in a
query whose prices are kept, the first reads the kept walk directly, without the loader."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from graphql import OperationType

from backend.catalog.models import ProductVariant
from backend.core.graphql.loaders import remember_rows
from price_rules.schema import catalog_prices
from price_rules.schema.price_loaders import PriceBookByVariantIdLoader
from tests.test_price_kept import _fresh, _nothing_kept, _prices, buyers, shop  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_page_asks_the_loader_once_per_variant_for_both_fields(buyers,  # noqa: F811
                                                                  monkeypatch):
    asked: list[int] = []
    load = PriceBookByVariantIdLoader.load

    def counted(self, key):
        asked.append(key)
        return load(self, key)

    monkeypatch.setattr(PriceBookByVariantIdLoader, "load", counted)
    first = _prices(buyers["sub_a"])
    # price and priceTiers: one load at most (none when the page's price ranges, resolved
    # first, kept every walk the variants then read directly)
    assert len(asked) == len(set(asked))
    asked.clear()
    assert _prices(buyers["sub_a"]) == first  # kept prices, read directly
    assert asked == []
    asked.clear()
    assert _fresh(buyers["sub_a"]) == first  # nothing kept
    assert asked and len(asked) == len(set(asked))


def _info(viewer, row) -> SimpleNamespace:
    context = SimpleNamespace(viewer=viewer)
    remember_rows(context, [row])  # a page's row: its loads answer at once
    return SimpleNamespace(context=context,
                           operation=SimpleNamespace(operation=OperationType.QUERY))


def test_a_walk_left_by_another_request_is_never_read(shop):  # noqa: F811
    row = ProductVariant.objects.filter(sku=shop["door"].sku).get()
    anonymous = SimpleNamespace(is_authenticated=False)
    earlier = _info(anonymous, row)
    row.__dict__[catalog_prices._SHOWN] = (earlier.context, ("another's price", ["tier"]))
    assert catalog_prices.resolve_price_tiers(row, earlier) == ["tier"]  # its own request

    later = _info(anonymous, row)
    assert catalog_prices.resolve_price(row, later) is None
    assert catalog_prices.resolve_price_tiers(row, later) == []
