"""Build the benchmark data set in its own database (``b2b_bench``).

    python -m bench.generate [--organizations 10000] [--variants 100000] [--reset]

10,000 organizations in a four-level tree (a manufacturer, ~100 distributors and dealers,
~1,900 sub-dealers, the rest end clients), ~200 categories, 20,000 products with 100,000
variants, attribute values, one image row per product, a few users to sign in as, and the
price rules of issue 11 (``bench.data.prices``: 1.4 million list entries, groups, personal
and resale lists, markups, promotions, floors).
Rows go in with PostgreSQL COPY and explicit ids (so materialized paths are computed in
Python), then the search index is refreshed and the tables analysed.

Running it again skips the work when the data already has the requested size; ``--reset``
(or a different size) truncates and regenerates. Data of the requested size without prices
or without stock (an older generator's) gets them added. ``--only stock`` replaces the
warehouses and stock of an existing data set, leaving the rest alone; ``--only orders``
its orders (``bench.data.orders``: 10,000 orders of 14 lines, with shipments and events).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from bench import setup_django


@contextmanager
def timed(label: str, timings: dict[str, float]) -> Iterator[None]:
    started = time.perf_counter()
    yield
    timings[label] = time.perf_counter() - started
    print(f"  {label:<28}{timings[label]:8.2f} s", flush=True)


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.generate", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--organizations", type=int, default=10_000)
    parser.add_argument("--variants", type=int, default=100_000)
    parser.add_argument("--variants-per-product", type=int, default=5)
    parser.add_argument("--reset", action="store_true",
                        help="truncate and regenerate even if the data has the requested size")
    parser.add_argument("--only", choices=["stock", "orders"],
                        help="regenerate only this part of an existing data set")
    parser.add_argument("--allow-any-database", action="store_true",
                        help="allow truncating a database whose name lacks 'bench' "
                             "(when DATABASE_URL points elsewhere)")
    args = parser.parse_args(argv)
    if args.organizations < 5 or args.variants < 1 or args.variants_per_product < 1:
        parser.error("need at least 5 organizations and 1 variant")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    database = setup_django()
    if "bench" not in database and not args.allow_any_database:
        print(f"Refusing to write benchmark data into database {database!r}: its name lacks "
              "'bench'. Unset DATABASE_URL or pass --allow-any-database.", file=sys.stderr)
        return 2

    from django.core.management import call_command
    from django.db import connection, transaction

    from backend.catalog.search import refresh_search_index
    from bench.data import catalog, network, orders, prices, stock
    from bench.data.copy import current_size, reset_sequences, truncate_all

    timings: dict[str, float] = {}
    print(f"Benchmark data in database {database!r}", flush=True)
    with timed("migrate", timings):
        call_command("migrate", verbosity=0, interactive=False)

    size = current_size()
    wanted = {"organizations": args.organizations, "variants": args.variants}
    has_prices = size.pop("price entries") > 0
    has_stock = size.pop("stock rows") > 0
    if size == wanted and has_prices and has_stock and not args.reset and not args.only:
        print(f"Already generated ({args.organizations:,} organizations, "
              f"{args.variants:,} variants, prices, stock): nothing to do. Pass --reset "
              "to regenerate.")
        return 0

    stock_figures: dict[str, int] = {}
    stock_steps: list[tuple[str, Callable[[], object]]] = [
        ("stock", lambda: stock_figures.update(stock.generate_stock()))]
    sequences = ("sequences", reset_sequences)
    order_figures: dict[str, int] = {}
    order_steps: list[tuple[str, Callable[[], object]]] = [
        ("truncate orders", orders.truncate_orders),
        ("orders", lambda: order_figures.update(orders.generate_orders()))]
    if args.only == "stock":
        steps = [("truncate stock", stock.truncate_stock), *stock_steps, sequences]
    elif args.only == "orders":
        steps = [*order_steps, sequences]
    elif size == wanted and not args.reset:
        # Data of an older generator, without prices or stock: add them, keep the rest.
        steps = []
        if not has_prices:
            steps += [("truncate prices", prices.truncate_prices),
                      ("prices", prices.generate_prices)]
        if not has_stock:
            steps += [("truncate stock", stock.truncate_stock), *stock_steps]
        steps.append(sequences)
    else:
        steps = [
            ("truncate", truncate_all),
            ("organizations", lambda: network.generate_organizations(args.organizations)),
            ("users and memberships", network.generate_users),
            ("categories and attributes", catalog.generate_reference_data),
            ("products", lambda: catalog.generate_products(args.variants,
                                                           args.variants_per_product)),
            ("prices", prices.generate_prices),
            *stock_steps,
            *order_steps,
            sequences,
        ]
    started = time.perf_counter()
    with transaction.atomic():
        for label, step in steps:
            with timed(label, timings):
                step()
    if any(label == "products" for label, _ in steps):
        with timed("search index", timings):
            refresh_search_index()
    # As autovacuum would soon do on a live database: planner statistics, and the
    # visibility map that lets counts be index-only scans.
    with timed("vacuum and analyze", timings), connection.cursor() as cursor:
        # Only the stock's tables when only they changed.
        only = {"stock": f" {stock.TABLES}", "orders": f" {orders.TABLES}"}
        cursor.execute("VACUUM ANALYZE" + only.get(args.only or "", ""))
    total = time.perf_counter() - started

    size = current_size()
    print(f"Generated {size['organizations']:,} organizations, {size['variants']:,} "
          f"variants, {size['price entries']:,} price list entries and "
          f"{size['stock rows']:,} stock rows in {total:.1f} s.")
    if order_figures:
        print("Orders: " + ", ".join(f"{value:,} {label}"
                                     for label, value in order_figures.items()) + ".")
    if stock_figures:
        print("Stock: " + ", ".join(f"{value:,} {label}"
                                    for label, value in stock_figures.items()) + ".")
    return 0


if __name__ == "__main__":
    sys.exit(main())
