"""Stored price sort keys shared by buyers whose resolution inputs are identical
(``price_rules/stored_keys.py``, "Shared sets"), in committed transactions: sub-dealers of
one dealer that no rule names read one set, filled once; a buyer with a price group, a
region, a currency, a seller of its own, or named by an assignment or a promotion never
reads another's set; a set whose signature differs is never read."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from backend.catalog.models import Product
from price_rules import stored_keys
from price_rules.models import (
    DiscountKind,
    PriceGroup,
    PriceGroupMember,
    PriceList,
    PriceListAssignment,
    PriceListEntry,
    Promotion,
)
from price_rules.sort_keys import product_keys_sql
from tests import test_api_catalog_prices as _catalog_prices

shop = _catalog_prices.shop  # the fixture: the rules of every kind

pytestmark = pytest.mark.django_db(transaction=True)

D = Decimal


@pytest.fixture
def subs(shop, make_org, catalog):
    """Dealer A's sub-dealers: two alike, and one differing from them in each input."""
    dealer_a, today = shop["dealer_a"], timezone.localdate()

    def sub(name, **fields):
        return make_org(name, kind="SUB_DEALER", parent=shop["dealer_a"], **fields)

    found = {"alike_1": sub("Альфа-2", region="Тверь"), "alike_2": sub("Альфа-3", region="Тверь"),
             "grouped": sub("Альфа-4", region="Тверь"), "elsewhere": sub("Альфа-5", region="Омск"),
             "in_usd": sub("Альфа-6", region="Тверь", currency="USD"),
             "named": sub("Альфа-7", region="Тверь"), "promoted": sub("Альфа-8", region="Тверь"),
             "of_dealer_b": make_org("Бета-2", kind="SUB_DEALER", parent=shop["dealer_b"],
                                     region="Тверь"),
             "sub_a": shop["sub_a"]}
    door = catalog["door"].variants.order_by("id").first()
    # Each differing input changes a price, so a shared set would show a wrong order.
    best = PriceGroup.objects.create(owner=dealer_a, name="Лучшие")
    PriceGroupMember.objects.create(group=best, organization=found["grouped"])
    for name, target in (("Группе", {"price_group": best}), ("Омску", {"region": "Омск"}),
                         ("Личный", {"organization": found["named"]})):
        own = PriceList.objects.create(owner=dealer_a, name=name, priority=5)
        PriceListAssignment.objects.create(price_list=own, **target)
        PriceListEntry.objects.create(price_list=own, variant=door, price=D("7.00"))
    promotion = Promotion.objects.create(
        owner=dealer_a, name="Лично -50%", kind=DiscountKind.PERCENT, value=D(50),
        starts=today, ends=today + timedelta(days=1))
    promotion.audience_organizations.add(found["promoted"])
    promotion.variants.add(door)
    return found


def _keys_read(buyer) -> dict[int, Decimal] | None:
    """The keys the catalog reads for ``buyer`` (stored now if they were not)."""
    found = stored_keys.stored_set(buyer, timezone.localdate())
    if found is None:
        return None
    sql, params = stored_keys.keys_sql(found.owner_id, found.version, timezone.localdate())
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return dict(cursor.fetchall())


def _computed(buyer) -> dict[int, Decimal]:
    sql, params = product_keys_sql(buyer, Product.objects.all(), timezone.localdate())
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return dict(cursor.fetchall())


def _sets() -> int:
    """Sets stored for the current version (the tables outlive a test's flush)."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {stored_keys.KEY_SETS} WHERE version = "
                       f"(SELECT value FROM {stored_keys.VERSION})")
        return cursor.fetchone()[0]


def test_buyers_alike_share_one_set_and_buyers_that_differ_never_do(subs):
    owners = {name: stored_keys.key_owner(buyer) for name, buyer in subs.items()}
    assert owners["alike_1"] == owners["alike_2"] < 0
    others = [owner for name, owner in owners.items() if not name.startswith("alike")]
    assert len(set(others)) == len(others) and owners["alike_1"] not in others
    for name in ("named", "promoted", "sub_a"):  # a rule names them: their own sets
        assert owners[name] == subs[name].pk

    assert _keys_read(subs["alike_1"]) == _computed(subs["alike_1"])
    assert _sets() == 1
    with CaptureQueriesContext(connection) as queries:  # already stored by its twin
        assert stored_keys.stored_set(subs["alike_2"], timezone.localdate()) is not None
    assert len(queries) == 1 and _sets() == 1  # the state only: nothing computed
    assert _keys_read(subs["alike_2"]) == _computed(subs["alike_2"])
    for name, buyer in subs.items():
        assert _keys_read(buyer) == _computed(buyer), name
    assert _sets() == len(set(owners.values()))


def test_a_buyer_that_joins_a_group_stops_sharing_at_once(subs):
    alike_1, alike_2 = subs["alike_1"], subs["alike_2"]
    assert _keys_read(alike_1) == _computed(alike_1)
    PriceGroupMember.objects.create(group=PriceGroup.objects.get(name="Лучшие"),
                                    organization=alike_2)  # committed: the version moves
    assert stored_keys.key_owner(alike_2) != stored_keys.key_owner(alike_1)
    assert _keys_read(alike_2) == _computed(alike_2) != _computed(alike_1)


def test_a_set_stored_under_the_same_id_for_other_inputs_is_never_read(subs):
    """A hash collision: the set's row names another signature, so the buyer neither reads
    it nor stores over it, and computes its keys directly."""
    alike = subs["alike_1"]
    owner = stored_keys.key_owner(alike)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT value FROM {stored_keys.VERSION}")
        version = cursor.fetchone()[0]
        cursor.execute(f"INSERT INTO {stored_keys.KEY_SETS} (buyer_id, version, day, keys, "
                       "signature) VALUES (%s, %s, %s, 1, 'other inputs')",
                       [owner, version, timezone.localdate()])
        cursor.execute(f"INSERT INTO {stored_keys.KEYS} (buyer_id, version, day, product_id, "
                       "gross) SELECT %s, %s, %s, id, 1 FROM catalog_product",
                       [owner, version, timezone.localdate()])
    assert stored_keys.stored_set(alike, timezone.localdate()) is None
