"""Run every benchmark in sequence on the benchmark database: ``make bench``.

Exits non-zero when any benchmark misses its target, after running them all.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import Protocol


class Result(Protocol):
    @property
    def passed(self) -> bool: ...

    def report(self) -> str: ...


def benchmarks() -> list[tuple[str, Callable[..., Result]]]:
    from bench import (
        catalog_page,
        catalog_prices,
        catalog_stock,
        credit_check,
        execution,
        facets,
        inventory_allocation,
        inventory_engine,
        moderation_queue,
        order_file,
        order_list,
        order_place,
        price_cart,
        price_engine,
        price_export,
        price_sort,
        query_limits,
        units_move,
        visibility,
    )

    return [("W1 catalog page", catalog_page.run), ("GraphQL execution", execution.run),
            ("Visibility", visibility.run),
            ("Facets", facets.run), ("Query limits", query_limits.run),
            ("Price engine", price_engine.run), ("Price cart", price_cart.run),
            ("W1 with prices", catalog_prices.run), ("Price sort", price_sort.run),
            ("W1 with price and stock", catalog_stock.run),
            ("W4 price list export", price_export.run),
            ("Inventory engine", inventory_engine.run),
            ("Inventory allocation", inventory_allocation.run),
            ("W2 order placement", order_place.run),
            ("W2 credit check", credit_check.run),
            ("W3 order list", order_list.run),
            ("Moderation queue", moderation_queue.run),
            ("Order file", order_file.run),
            ("Unit moves", units_move.run)]


def main() -> int:
    from bench import setup_django

    database = setup_django()
    print(f"Benchmarks on database {database!r}\n", flush=True)
    failed = []
    for name, run in benchmarks():
        started = time.perf_counter()
        result = run()
        print(result.report())
        print(f"  ({time.perf_counter() - started:.1f} s)\n", flush=True)
        if not result.passed:
            failed.append(name)
    print(f"Missed target: {', '.join(failed)}" if failed else "All benchmarks met their target.")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
