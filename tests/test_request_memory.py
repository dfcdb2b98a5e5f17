"""A GraphQL request leaves no rows in reference cycles: they are freed when it ends,
not by a garbage collection in the middle of a later request."""

from __future__ import annotations

import gc

import pytest

from backend.catalog.models import Category, Product, ProductVariant

pytestmark = pytest.mark.django_db

PAGE = """{ products(first: 10) { totalCount edges { node { id name
    category { id name } variants { id sku } thumbnail { url } } } } }"""


@pytest.fixture
def no_collection():
    """Cyclic garbage made during the test is kept in ``gc.garbage`` for inspection."""
    gc.collect()
    gc.disable()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        yield
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.enable()


def test_a_catalog_page_leaves_no_rows_in_reference_cycles(api_as, catalog, staff_user,
                                                           no_collection):
    api = api_as(staff_user)
    assert len(api(PAGE).data["products"]["edges"]) == 4
    gc.collect()
    stranded = [o for o in gc.garbage if isinstance(o, Product | ProductVariant | Category)]
    assert stranded == []


def test_the_collector_runs_again_after_a_request(api_as, catalog, staff_user):
    assert gc.isenabled()
    api_as(staff_user)(PAGE).data  # noqa: B018
    assert gc.isenabled()
