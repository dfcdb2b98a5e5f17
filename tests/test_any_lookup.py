"""``field__any=[...]`` selects what ``field__in=[...]`` selects, with one array parameter."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from backend.catalog.models import Product, ProductVariant
from backend.core.graphql.loaders import rows_by_pk

pytestmark = pytest.mark.django_db


def test_any_selects_the_same_rows_as_in(catalog):
    ids = [catalog["door"].pk, catalog["facade_white"].pk, 10**9]
    by_in = list(ProductVariant.objects.filter(product_id__in=ids).values_list("pk", flat=True))
    with CaptureQueriesContext(connection) as captured:
        by_any = list(ProductVariant.objects.filter(product_id__any=ids)
                      .values_list("pk", flat=True))
    assert by_any == by_in and len(by_any) == 4
    assert "= ANY(" in captured[0]["sql"]


def test_any_takes_keys_as_text_and_skips_none(catalog):
    door = catalog["door"]
    assert list(ProductVariant.objects.filter(product__any=[door.pk, None])) == list(
        door.variants.all())
    assert list(Product.objects.filter(pk__any=[str(door.pk)])) == [door]


def test_an_empty_list_matches_nothing_without_a_query(catalog, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert list(Product.objects.filter(pk__any=[])) == []
        assert list(Product.objects.filter(pk__any=[None])) == []


def test_rows_by_pk(catalog):
    door, hidden = catalog["door"], catalog["hidden"]
    rows = rows_by_pk(Product.objects.filter(is_published=True), [door.pk, hidden.pk])
    assert rows == {door.pk: door}
