"""``KeyedQuery`` answers as the ORM would, with SQL compiled once."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from backend.catalog.models import ProductImage, ProductVariant
from backend.core.keyed_query import KeyedQuery

pytestmark = pytest.mark.django_db


def _state(row):
    return {k: v for k, v in row.__dict__.items() if k != "_state"}


def test_rows_are_those_of_the_orm_in_its_order(catalog):
    query = KeyedQuery(lambda: ProductVariant.objects.defer("created_at"), "product_id")
    keys = [catalog["door"].pk, catalog["facade_white"].pk, 10**9, None]
    expected = list(ProductVariant.objects.defer("created_at")
                    .filter(product_id__in=keys[:3]))
    rows = query.rows(keys)
    assert [_state(r) for r in rows] == [_state(r) for r in expected] and len(rows) == 4
    assert all(r.get_deferred_fields() == {"created_at"} for r in rows)
    assert rows[0].created_at == expected[0].product.variants.get(pk=rows[0].pk).created_at


def test_sql_is_compiled_once_and_queries_are_counted(catalog):
    query = KeyedQuery(ProductVariant.objects.all, "product_id")
    query.rows([catalog["door"].pk])
    with CaptureQueriesContext(connection) as captured:
        first = query.rows([catalog["door"].pk])
        second = query.rows([catalog["facade_white"].pk])
    assert len(captured) == 2
    assert captured[0]["sql"].split("WHERE")[0] == captured[1]["sql"].split("WHERE")[0]
    assert {r.product_id for r in first} == {catalog["door"].pk}
    assert {r.product_id for r in second} == {catalog["facade_white"].pk}


def test_field_converters_apply(catalog):
    ProductImage.objects.create(product=catalog["door"], image="products/door.jpg",
                                thumbnails={"64": "products/thumbs/door_64.webp"})
    [image] = KeyedQuery(ProductImage.objects.all, "product_id").rows([catalog["door"].pk])
    assert image.thumbnails == {"64": "products/thumbs/door_64.webp"}
    assert image.image.name == "products/door.jpg"


def test_no_keys_no_query(catalog, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert KeyedQuery(ProductVariant.objects.all, "product_id").rows([None]) == []


def test_joined_querysets_are_refused(catalog):
    query = KeyedQuery(lambda: ProductVariant.objects.select_related("product"), "product_id")
    with pytest.raises(ValueError, match="select_related"):
        query.rows([catalog["door"].pk])
