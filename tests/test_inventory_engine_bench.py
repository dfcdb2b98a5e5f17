"""The inventory engine's benchmark runs end to end, quickly, so ``make bench`` keeps
working as the engine changes (speed is measured by the benchmark itself, not here)."""

from __future__ import annotations

from bench import inventory_engine


def test_the_inventory_engine_benchmark_plans_every_shape_with_real_splits():
    result = inventory_engine.run(runs=3)

    shapes = {shape.name: shape for shape in result.shapes}
    assert set(shapes) == {"nearest", "fewest shipments", "priority", "one shipment"}
    assert shapes["one shipment"].shipments == 1
    assert shapes["nearest"].shipments > shapes["fewest shipments"].shipments > 1
    assert all(shape.median_ms > 0 and shape.shortfalls > 0 for shape in result.shapes)
    assert "14-line order across 50 warehouses" in result.report()
    assert "proved the fewest" in result.report()
