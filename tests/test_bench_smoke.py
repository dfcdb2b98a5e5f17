"""The benchmark data generator and the W1 workload run end to end on a small data set,
so that ``make bench`` keeps working as the code changes (speed is measured by the
benchmark itself, not here)."""

from __future__ import annotations

import pytest

from backend.catalog.models import Product, ProductVariant
from backend.catalog.search import refresh_search_index
from bench import (
    catalog_page,
    catalog_prices,
    execution,
    facets,
    order_file,
    price_cart,
    price_engine,
    price_sort,
    query_limits,
)
from bench.data import catalog, network, prices, stock
from bench.data.copy import current_size, reset_sequences, truncate_all


@pytest.mark.django_db(transaction=True)
def test_small_bench_data_and_the_catalog_page_workload():
    truncate_all()
    network.generate_organizations(60)
    network.generate_users()
    catalog.generate_reference_data()
    catalog.generate_products(600, 5)
    entries = prices.generate_prices()
    held = stock.generate_stock()
    reset_sequences()
    refresh_search_index()
    assert current_size() == {"organizations": 60, "variants": 600, "price entries": entries,
                              "stock rows": held["stock rows"]}
    # The small network has one dealer: the manufacturer's 15, its center, 2 sub-dealers'.
    assert (held["warehouses"], held["zones"], held["rates"]) == (18, 7, 147)
    assert 600 * 10 <= held["stock rows"] <= 600 * 18 and held["incoming supply"] == 90
    assert Product.objects.filter(is_published=True).count() >= catalog_page.PAGE

    result = catalog_page.run(runs=3, warmups=1)

    assert result.queries_first_10 == result.queries_first_100 <= 8
    assert result.fallbacks == 0 and "fast-path fallbacks" in result.report()
    assert min(result.raw_median_ms, result.median_ms, result.cpu_median_ms) > 0
    assert "W1 catalog page" in result.report()
    executed = execution.run(runs=1, warmups=0)
    assert all(s.same and not s.fallbacks for s in [*executed.leaves, executed.prices]), (
        executed.report())
    found = facets.run(runs=1, warmups=0)
    assert all(shape.queries > 0 for shape in found.shapes), found.report()
    limits = query_limits.run(runs=1)
    assert {s.name for s in limits.shapes} >= {"search pages of 100", "products by id"}
    assert all(s.error is None and s.aliases > 0 for s in limits.shapes), limits.report()
    cart = price_cart.run(runs=3, warmups=1)
    assert (cart.priced, cart.queries) == (14, 6), cart.report()
    priced = catalog_prices.run(runs=2, warmups=1, sort_runs=1, cold_runs=1)
    assert priced.variants_priced == priced.variants > 0, priced.report()
    assert priced.raw_mismatches == 0 and priced.sorted is not None, priced.report()
    assert all(s.constant and not s.fallbacks
               for s in (priced.plain, priced.priced, priced.cold, priced.sorted)), priced.report()
    sorted_ = price_sort.run(runs=2, cold_runs=1)
    assert all(b.keys > 0 and b.queries_warm_1 == b.queries_warm_page
               for b in sorted_.buyers), sorted_.report()
    ordered = order_file.run(rows=300, runs=1)
    assert ordered.skipped == ordered.expected_skipped == 6, ordered.report()
    assert ordered.added == 294 and ordered.queries < 40, ordered.report()
    # New rows after the generator get fresh ids (sequences were moved past COPY's ids).
    product = Product.objects.first()
    ProductVariant.objects.create(product=product, sku="AFTER-BENCH-1")


def test_bench_stock_spreads_each_variant_over_10_to_30_warehouses():
    counts = set()
    for variant in range(1, 2_001):
        places = stock.holders(variant)
        assert len(set(places)) == len(places) and set(places) <= set(range(50))
        counts.add(len(places))
    assert counts == set(range(10, 31))


def test_the_price_engine_benchmark_prices_a_whole_cart():
    result = price_engine.run(variants=2_000, runs=5)

    assert result.priced == 14
    assert result.cart_median_ms > 0 and "14-line cart" in result.report()
