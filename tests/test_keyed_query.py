"""``KeyedQuery`` answers as the ORM would, with its queryset built and compiled to SQL
once per process."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from backend.catalog.models import ProductImage, ProductVariant
from backend.core import keyed_query
from backend.core.keyed_query import KeyedQuery
from bench.catalog_page import QUERY as CATALOG_PAGE

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


@pytest.fixture
def compilations(monkeypatch) -> list[str]:
    """The models of the keyed queries compiled to SQL from now on, one entry each."""
    compiled: list[str] = []

    class Counted(keyed_query._Compiled):
        def __init__(self, queryset, field):
            super().__init__(queryset, field)
            compiled.append(self.model.__name__)

    monkeypatch.setattr(keyed_query, "_Compiled", Counted)
    return compiled


def test_sql_is_compiled_once_and_queries_are_counted(catalog, compilations):
    built = []

    def build():
        built.append(1)
        return ProductVariant.objects.all()

    query = KeyedQuery(build, "product_id")
    with CaptureQueriesContext(connection) as captured:
        first = query.rows([catalog["door"].pk])
        second = query.rows([catalog["facade_white"].pk])
        query.rows([catalog["door"].pk, catalog["interior_grey"].pk])
    assert compilations == ["ProductVariant"] and built == [1]
    assert len(captured) == 3  # executed each time, through Django's cursor
    assert {r.product_id for r in first} == {catalog["door"].pk}
    assert {r.product_id for r in second} == {catalog["facade_white"].pk}


def test_the_loaders_compile_their_queries_once_per_process(catalog, api, compilations):
    """The second catalog page compiles nothing: the loaders' keyed queries live as long
    as the process (the first page may compile some, unless an earlier test did)."""
    assert api(CATALOG_PAGE, {"first": 3}).data
    compilations.clear()
    data = api(CATALOG_PAGE, {"first": 3}).data
    assert data["products"]["edges"][0]["node"]["variants"]
    assert compilations == []


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
