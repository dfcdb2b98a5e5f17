"""Saved decimals have their column's scale in the saved instance (``PortalModel.save``,
``PortalQuerySet.bulk_create/bulk_update``), so a mutation answers "4.00" for "4" without
reading its row back."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from graphql_relay import to_global_id as gid

from price_rules.models import PriceList, PriceListEntry

pytestmark = pytest.mark.django_db

ERRORS = "errors { field code message }"


def reads_after_write(queries, table: str) -> list[str]:
    """SELECTs of ``table`` run after the last INSERT or UPDATE of it."""
    sql = [q["sql"] for q in queries]
    writes = [i for i, s in enumerate(sql) if re.match(rf'(INSERT INTO|UPDATE) "{table}"', s)]
    assert writes, f"{table} was not written"
    return [s for s in sql[writes[-1] + 1:]
            if s.startswith("SELECT") and f'FROM "{table}"' in s]


def test_a_markup_and_a_floor_answer_their_columns_scale_without_reading_back(
        price_rules, price_viewers, catalog):
    with CaptureQueriesContext(connection) as queries:
        markup = price_viewers["dealer admin"].mutate(f"""mutation {{
          resaleMarkupSet(input: {{percent: "25", amount: "4", factor: "1.5"}}) {{
          markup {{ percent amount factor }} {ERRORS} }} }}""", result="resaleMarkupSet")
    assert markup == {"markup": {"percent": "25.000", "amount": "4.00", "factor": "1.500000"},
                      "errors": []}
    assert reads_after_write(queries, "price_rules_resalemarkup") == []

    variant = gid("ProductVariant", catalog["door"].variants.order_by("sku")[1].pk)
    with CaptureQueriesContext(connection) as queries:
        floor = price_viewers["staff with MANAGE_PRICES"].mutate(f"""mutation($v: ID!) {{
          mapFloorSet(input: {{variant: $v, amount: "900"}}) {{ floor {{ amount }}
          {ERRORS} }} }}""", {"v": variant}, result="mapFloorSet")
    assert floor == {"floor": {"amount": "900.00"}, "errors": []}
    assert reads_after_write(queries, "price_rules_mapfloor") == []


def test_a_price_list_answers_its_formulas_scale_without_reading_back(price_rules,
                                                                     price_viewers):
    gold = PriceList.objects.get(name="Золотой прайс")
    with CaptureQueriesContext(connection) as queries:
        updated = price_viewers["staff with MANAGE_PRICES"].mutate(f"""mutation($id: ID!) {{
          priceListUpdate(id: $id, input: {{formulaAmount: "4", formulaPercent: "2.5"}}) {{
          priceList {{ formulaAmount formulaPercent }} {ERRORS} }} }}""",
            {"id": gid("PriceList", gold.pk)}, result="priceListUpdate")
    assert updated == {"priceList": {"formulaAmount": "4.00", "formulaPercent": "2.500"},
                       "errors": []}
    assert reads_after_write(queries, "price_rules_pricelist") == []


def test_rows_saved_in_bulk_get_the_scale_rounded_as_the_database_rounds(price_rules,
                                                                         catalog):
    base = PriceList.objects.get(name="Базовый прайс")
    variant = catalog["door"].variants.order_by("sku")[1]
    created = PriceListEntry.objects.bulk_create([
        PriceListEntry(price_list=base, variant=variant, price=Decimal("4.005")),
        PriceListEntry(price_list=base, variant=variant, min_quantity=5, price=7)])
    assert [(str(e.min_quantity), str(e.price)) for e in created] == [
        ("1.000", "4.01"), ("5.000", "7.00")]
    created[0].price = Decimal("3.1")
    PriceListEntry.objects.bulk_update(created[:1], ["price"])
    assert str(created[0].price) == "3.10"
    stored = {str(e.price) for e in PriceListEntry.objects.filter(pk__in=[e.pk for e in created])}
    assert stored == {"3.10", "7.00"}
