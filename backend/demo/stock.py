"""The demo's warehouses, stock, incoming supply and delivery tariffs (README "Stock").

The manufacturer's 3 factories and 5 regional warehouses (Moscow to Vladivostok), a stock
center for each dealer and one for a sub-dealer; stock per ``stock_plan.plan_stock``
(each stock row arrived by a RECEIPT movement two weeks ago, a few corrected since by
ADJUSTMENT movements); the default zoning of Russia with its carriers and rates
(``inventory/zones.py``); the manufacturer allocating NEAREST, Столичный дом красок
FEWEST_SHIPMENTS; Столичный дом красок's leftovers on sale to its sub-dealers.

Rows go in with ``bulk_create`` (about 7,000 stock rows and as many movements). Warehouses
are keyed by their code: once the demo's warehouses hold stock, a second load writes none.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone

from backend.accounts.models import Organization, User
from backend.catalog.models import ProductVariant
from inventory.models import (
    AllocationStrategy,
    IncomingSupply,
    Leftover,
    MovementReason,
    SellerStockSettings,
    StockItem,
    StockMovement,
    Warehouse,
)
from inventory.zones import load_default_zoning

from .stock_plan import SEED, WAREHOUSES, DemoVariant, plan_stock

# Who the movements name: the manufacturer's warehouses the admin, a partner's its admin
# where the demo has one.
MOVEMENT_USERS = {"factory": "admin@demo.local", "dealer1": "dealer1.admin@demo.local"}
ADJUSTMENTS = (
    ("R-MSK", -2, "Брак при приёмке: повреждена упаковка"),
    ("R-MSK", 3, "Пересорт: найдено при инвентаризации"),
    ("R-KRD", -1, "Списание: образец для выставочного зала"),
    ("SC-MSK-1", -1, "Бой при погрузке"),
    ("SC-MSK-1", 2, "Возврат от покупателя"),
    ("SC-SPB-1", -3, "Инвентаризация: недостача"),
)
LEFTOVERS = 8


@dataclass
class StockResult:
    created: int = 0


def load_stock(network: dict[str, Organization]) -> StockResult:
    """Create whatever part of the demo stock is missing (``network``: organizations by
    their key in ``network.ORGANIZATIONS``)."""
    result = StockResult()
    warehouses = _warehouses(network, result)
    carriers, zones, rates = load_default_zoning()
    result.created += carriers + zones + rates
    for key, strategy in (("factory", AllocationStrategy.NEAREST),
                          ("dealer1", AllocationStrategy.FEWEST_SHIPMENTS)):
        _, created = SellerStockSettings.objects.get_or_create(
            organization=network[key], defaults={"strategy": strategy})
        result.created += created
    if not StockItem.objects.filter(warehouse__in=warehouses.values()).exists():
        _stock(network, warehouses, result)
    if not Leftover.objects.filter(warehouse=warehouses["SC-MSK-1"]).exists():
        _leftovers(warehouses["SC-MSK-1"], network, result)
    return result


def _warehouses(network: dict[str, Organization], result: StockResult
                ) -> dict[str, Warehouse]:
    existing = {w.code: w for w in Warehouse.objects.filter(
        code__in=[spec.code for spec in WAREHOUSES])}
    missing = [
        Warehouse(code=s.code, owner=network[s.owner], kind=s.kind, name=s.name,
                  address=s.address, region=s.region, city=s.city,
                  latitude=Decimal(s.latitude), longitude=Decimal(s.longitude),
                  pickup_allowed=s.pickup_allowed, priority=s.priority,
                  handling_days=s.handling_days, display=s.display,
                  network_display=s.network_display,
                  shared_with_network=s.shared_with_network)
        for s in WAREHOUSES if s.code not in existing]
    for warehouse in Warehouse.objects.bulk_create(missing):
        existing[warehouse.code] = warehouse
    result.created += len(missing)
    return existing


def _users(network: dict[str, Organization]) -> dict[int, User]:
    """Owner organization id -> the user its movements name."""
    users = {u.email: u for u in User.objects.filter(email__in=MOVEMENT_USERS.values())}
    return {network[key].pk: users[email] for key, email in MOVEMENT_USERS.items()
            if email in users}


def _stock(network: dict[str, Organization], warehouses: dict[str, Warehouse],
           result: StockResult) -> None:
    today = timezone.localdate()
    variants = [DemoVariant(pk, sku, multiple) for pk, sku, multiple in
                ProductVariant.objects.order_by("sku").values_list("pk", "sku",
                                                                   "order_multiple")]
    plan = plan_stock(variants, today)
    users = _users(network)
    # Adjust one stocked row per entry of ADJUSTMENTS, chosen by the seeded generator.
    rng = random.Random(SEED)
    held = {code: sorted(v for (c, v), q in plan.stock.items() if c == code and q > 0)
            for code in {code for code, _, _ in ADJUSTMENTS}}
    adjusted = {(code, rng.choice(held[code])): (delta, comment)
                for code, delta, comment in ADJUSTMENTS}

    items, receipts, corrections = [], [], []
    for (code, variant_id), received in plan.stock.items():
        warehouse = warehouses[code]
        delta, comment = adjusted.get((code, variant_id), (0, ""))
        delta = max(Decimal(delta), -received)
        items.append(StockItem(warehouse=warehouse, variant_id=variant_id,
                               on_hand=received + delta))
        common = {"warehouse": warehouse, "variant_id": variant_id,
                  "user": users.get(warehouse.owner_id), "organization_id": warehouse.owner_id,
                  "allocated_after": 0}
        if received:  # a row at zero: sold out before the history starts
            receipts.append(StockMovement(
                reason=MovementReason.RECEIPT, on_hand_delta=received,
                on_hand_after=received, reference=f"ПН-{today:%y%m}-{code}",
                comment="Начальные остатки", **common))
        if delta:
            corrections.append(StockMovement(
                reason=MovementReason.ADJUSTMENT, on_hand_delta=delta,
                on_hand_after=received + delta, comment=comment, **common))
    StockItem.objects.bulk_create(items, batch_size=2000)
    IncomingSupply.objects.bulk_create([
        IncomingSupply(warehouse=warehouses[code], variant_id=variant_id, quantity=quantity,
                       expected_date=expected, reference=reference)
        for code, variant_id, quantity, expected, reference in plan.supply], batch_size=2000)
    StockMovement.objects.bulk_create(receipts, batch_size=2000)
    # The history reads as it happened: goods received two weeks ago, corrected since.
    StockMovement.objects.filter(warehouse__in=warehouses.values(),
                                 reason=MovementReason.RECEIPT).update(
        created_at=_morning(today - timedelta(days=14)))
    StockMovement.objects.bulk_create(corrections)
    result.created += len(items) + len(plan.supply) + len(receipts) + len(corrections)


def _morning(day) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(9, 30)))


def _leftovers(center: Warehouse, network: dict[str, Organization],
               result: StockResult) -> None:
    """Столичный дом красок sells leftovers of its stock center to its sub-dealers: every
    fifth SKU it holds, up to LEFTOVERS, the last one not published yet."""
    held = list(StockItem.objects.filter(warehouse=center, on_hand__gte=4)
                .order_by("variant__sku").values_list("variant_id", "on_hand"))[::5]
    user = _users(network).get(network["dealer1"].pk)
    rows = []
    for n, (variant_id, on_hand) in enumerate(held[:LEFTOVERS]):
        rows.append(Leftover(
            warehouse=center, variant_id=variant_id, created_by=user,
            quantity=(on_hand // 2) if n % 3 == 1 else None,
            discount_percent=Decimal((10, 15, 20, 30)[n % 4]),
            note=("Остатки партии, упаковка вскрыта" if n % 2
                  else "Распродажа остатков: заберите со склада со скидкой"),
            is_published=n < LEFTOVERS - 1))
    Leftover.objects.bulk_create(rows)
    result.created += len(rows)
