"""The W4 benchmark (``python -m bench.price_export``) runs end to end on a small data set:
it makes the lists it needs and downloads both workbooks through the real view (speed is
measured by the benchmark itself, not here)."""

from __future__ import annotations

import pytest

from bench import price_export
from bench.data import catalog, network
from bench.data.copy import reset_sequences, truncate_all


@pytest.mark.django_db(transaction=True)
def test_the_price_export_benchmark_makes_its_lists_and_downloads_both_workbooks():
    truncate_all()
    network.generate_organizations(60)
    network.generate_users()
    catalog.generate_reference_data()
    catalog.generate_products(300, 5)
    reset_sequences()

    result = price_export.run(rows=200)
    again = price_export.run(rows=200)

    listed, mine = result.exports
    assert result.created and not again.created  # made once, then reused
    assert listed.rows == result.raw_rows == 200
    assert mine.rows >= 200  # the visible variants, priced from the base list, per tier
    assert min(listed.bytes, mine.bytes) > 0 and listed.seconds > 0
    assert "W4 price list export" in result.report() and "peak" in result.report()
