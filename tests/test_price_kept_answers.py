"""The kept prices' answers (``answers_kept`` on ``VariantPrice``, ``PriceTier``,
``AppliedPromotion``): a warm catalog page answers each kept price with the dict built for
the first page, equal to a fresh resolution. (A committed change drops the kept prices and
so their answers: ``test_price_kept.py`` checks the page after each kind of change.)"""

from __future__ import annotations

import pytest

from price_rules.schema.kept_prices import KEPT
from tests.test_price_kept import _fresh, _nothing_kept, _prices, buyers, shop  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db(transaction=True)


def _kept_answers() -> dict[int, list[int]]:
    """{id of a kept price or tier: ids of the answers kept on it}."""
    objects = [one for walks in KEPT._walks.values() for price, tiers in walks.values()
               for one in (price, *tiers, *(price.promotions if price else ())) if one]
    return {id(one): sorted(map(id, (one.built_answers or {}).values())) for one in objects}


def test_a_warm_page_answers_the_prices_built_for_the_first(buyers):  # noqa: F811
    first = _prices(buyers["sub_a"])
    built = _kept_answers()
    assert built and all(built.values())  # each price and tier: its answer kept on it

    again = _prices(buyers["sub_a"])
    assert again == first == _fresh(buyers["sub_a"])
    assert _kept_answers() == built  # nothing built again
