"""W-units: moving units on a 14-line order through ``move_units``.

    python -m bench.units_move [--runs 200] [--warmups 10]

A confirmed manufacturer's order of 14 lines (the lines' stock allocated in one
warehouse, as placement leaves it), moved by the manufacturer's staff. Three shapes, each
timed around ``move_units`` alone (the order row and the lines' units locked, the engine,
the one UPDATE, the event; for shipping the dispatch, the stock rows and the planned
shipments too):

- ``ready 1 line``: 2 units of one line PENDING -> READY;
- ``ready 14 lines``: 2 units of every line PENDING -> READY, one request;
- ``ship 14 lines``: 2 units of every line READY -> SHIPPED with a dispatch (they leave
  stock: on hand and allocated, movements SHIPMENT).

Every run is its own transaction, rolled back, so each starts from the same order. The
world is made first and deleted at the end: the database is left as it was (an empty
``b2b_bench`` works). Target: the median of each shape under 20 ms.
"""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass
from decimal import Decimal

from bench.catalog_page import _percentile

TARGET_MS = 20.0
LINES = 14


@dataclass(frozen=True)
class Shape:
    name: str
    median_ms: float
    p95_ms: float
    cpu_median_ms: float  # this process's CPU time (the database's work is not in it)
    queries: int


@dataclass(frozen=True)
class UnitsMoveResult:
    runs: int
    shapes: tuple[Shape, ...]
    round_trip_ms: float  # a ``SELECT 1``'s median: what the machine's load makes a query

    @property
    def passed(self) -> bool:
        return all(shape.median_ms < TARGET_MS for shape in self.shapes)

    def report(self) -> str:
        lines = [f"W-units moving units on a {LINES}-line order ({self.runs} runs each, "
                 f"target median < {TARGET_MS:.0f} ms)"]
        for shape in self.shapes:
            lines.append(f"  {shape.name:<16} median {shape.median_ms:6.2f} ms   "
                         f"p95 {shape.p95_ms:6.2f} ms   cpu {shape.cpu_median_ms:5.2f} ms   "
                         f"{shape.queries} SQL queries")
        lines.append(f"  one database round trip (SELECT 1): median {self.round_trip_ms:.2f} ms")
        lines.append("  " + ("PASS" if self.passed else "FAIL"))
        return "\n".join(lines)


def _world():
    """A manufacturer, its dealer, a staff moderator, 14 variants in stock and a confirmed
    14-line order holding them (everything rolled back by the caller)."""
    from django.utils import timezone

    from backend.accounts.inn import complete_inn
    from backend.accounts.models import Organization, User
    from backend.catalog.models import Category, Product, ProductType, ProductVariant
    from backend.core.permissions import Perm
    from backend.core.viewer import Viewer
    from backend.orders.models import Order, OrderLine, Shipment, ShipmentLine
    from inventory.models import StockItem, Warehouse, WarehouseKind
    from plugins.order_workflow.models import LineUnits, OrderModeration

    stamp = time.time_ns()
    factory = Organization(name=f"Завод {stamp}", legal_name="ООО Завод", kind="MANUFACTURER",
                           inn=complete_inn(str(stamp)[-9:]))
    factory.save()
    dealer = Organization(name=f"Дилер {stamp}", legal_name="ООО Дилер", kind="DEALER",
                          inn=complete_inn(str(stamp + 1)[-9:]), parent=factory)
    dealer.save()
    staff = User.objects.create_user(email=f"units.{stamp}@bench.local", password="x",
                                     is_staff=True,
                                     staff_permissions=[Perm.MODERATE_ORDERS.value])
    category = Category(name=f"Окна {stamp}", slug=f"okna-{stamp}")
    category.save()
    ptype = ProductType.objects.create(name=f"Окно {stamp}", slug=f"okno-{stamp}")
    product = Product.objects.create(name="Окно ПВХ", slug=f"okno-pvh-{stamp}",
                                     category=category, product_type=ptype)
    variants = [ProductVariant.objects.create(product=product, sku=f"UB-{stamp}-{i:02d}",
                                              name=f"Окно {i}", pack_size=Decimal(1))
                for i in range(LINES)]
    warehouse = Warehouse.objects.create(owner=factory, kind=WarehouseKind.FACTORY,
                                         code=f"U{stamp % 10**8}", name="Склад Липецк",
                                         region="Липецкая область", city="Липецк")
    StockItem.objects.bulk_create(StockItem(warehouse=warehouse, variant=v, on_hand=100,
                                            allocated=10) for v in variants)
    now = timezone.now()
    order = Order.objects.create(
        seller=factory, buyer=dealer, year=now.year, serial=stamp % 10**9, status="PLACED",
        placed_by=staff, placed_as=dealer, idempotency_key=f"units-{stamp}", currency="RUB",
        vat_rate=Decimal(20), subtotal_net=0, total_net=0, total_vat=0, total_gross=0,
        grand_total_gross=0, placed_at=now)
    lines = OrderLine.objects.bulk_create(
        OrderLine(order=order, position=i + 1, variant=v, sku=v.sku, name=v.name, unit="PCS",
                  quantity=10, unit_net=100, unit_gross=120, list_net=100, total_net=1000,
                  total_gross=1200) for i, v in enumerate(variants))
    shipment = Shipment.objects.create(order=order, position=1, warehouse=warehouse,
                                       currency="RUB", ship_date=now.date())
    ShipmentLine.objects.bulk_create(ShipmentLine(shipment=shipment, order_line=line,
                                                  quantity=10) for line in lines)
    OrderModeration.objects.create(order=order, seller=factory, state="CONFIRMED",
                                   submitted_at=now, confirmed_at=now)
    LineUnits.objects.bulk_create(LineUnits(line=line, order=order, pending=8, ready=2)
                                  for line in lines)
    viewer = Viewer(user=staff, organization=None, membership=None,
                    staff_permissions=staff.granted_staff_permissions())
    return viewer, order, [line.pk for line in lines]


def _time_shape(name, call, runs: int, warmups: int) -> Shape:
    """Each run in its own transaction, rolled back (one transaction with a savepoint per
    run would pile up subtransactions, which slow every PostgreSQL snapshot past 64)."""
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext

    timings: list[float] = []
    cpu: list[float] = []
    queries = 0
    for run in range(warmups + runs):
        with transaction.atomic():
            if run == warmups:
                with CaptureQueriesContext(connection) as captured:
                    call()
                queries = len(captured)
            else:
                start, start_cpu = time.perf_counter(), time.process_time()
                call()
                if run > warmups:
                    timings.append((time.perf_counter() - start) * 1000)
                    cpu.append((time.process_time() - start_cpu) * 1000)
            transaction.set_rollback(True)
    return Shape(name, statistics.median(timings), _percentile(timings, 0.95),
                 statistics.median(cpu), queries)


def run(runs: int = 200, warmups: int = 10) -> UnitsMoveResult:
    from django.db import transaction

    from plugins.order_workflow.engine import UnitStatus as S
    from plugins.order_workflow.services.dispatches import DispatchData
    from plugins.order_workflow.services.units import UnitMove, move_units

    two = Decimal(2)
    with transaction.atomic():
        viewer, order, lines = _world()
    try:
        shapes = (
            _time_shape("ready 1 line", lambda: move_units(
                viewer, order.pk, [UnitMove(lines[0], S.PENDING, S.READY, two)]),
                runs, warmups),
            _time_shape("ready 14 lines", lambda: move_units(
                viewer, order.pk, [UnitMove(pk, S.PENDING, S.READY, two) for pk in lines]),
                runs, warmups),
            _time_shape("ship 14 lines", lambda: move_units(
                viewer, order.pk, [UnitMove(pk, S.READY, S.SHIPPED, two) for pk in lines],
                DispatchData(document_number="УПД-1", carrier_name="ТК")), runs, warmups),
        )
    finally:
        _remove(order)
    return UnitsMoveResult(runs, shapes, _round_trip(runs))


def _remove(order) -> None:
    """The bench's world goes again (every run was rolled back: only the world is left)."""
    from django.db import transaction

    from backend.accounts.models import Organization, User
    from backend.catalog.models import Category, Product, ProductType, ProductVariant
    from inventory.models import StockItem, StockMovement, Warehouse

    with transaction.atomic():
        variants = list(order.lines.values_list("variant_id", flat=True))
        product_ids = set(ProductVariant.objects.filter(pk__in=variants)
                          .values_list("product_id", flat=True))
        products = Product.objects.filter(pk__in=product_ids)
        categories = set(products.values_list("category_id", flat=True))
        types = set(products.values_list("product_type_id", flat=True))
        warehouses = set(Warehouse.objects.filter(owner_id=order.seller_id)
                         .values_list("pk", flat=True))
        seller, buyer, user = order.seller_id, order.buyer_id, order.placed_by_id
        order.delete()
        StockMovement.objects.filter(warehouse_id__in=warehouses).delete()
        StockItem.objects.filter(warehouse_id__in=warehouses).delete()
        Warehouse.objects.filter(pk__in=warehouses).delete()
        ProductVariant.objects.filter(pk__in=variants).delete()
        products.delete()
        ProductType.objects.filter(pk__in=types).delete()
        Category.objects.filter(pk__in=categories).delete()
        User.objects.filter(pk=user).delete()
        Organization.objects.filter(pk=buyer).delete()
        Organization.objects.filter(pk=seller).delete()


def _round_trip(runs: int) -> float:
    from django.db import connection

    timings = []
    with connection.cursor() as cursor:
        for _ in range(runs):
            start = time.perf_counter()
            cursor.execute("SELECT 1")
            cursor.fetchone()
            timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)


def main() -> int:
    from bench import cli

    return cli("python -m bench.units_move", __doc__, run, runs=200, warmups=10)


if __name__ == "__main__":
    raise SystemExit(main())
