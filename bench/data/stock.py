"""The benchmark's warehouses and stock (issue 12), in the issue's shape.

- 50 warehouses: the manufacturer's 3 factories and 12 regional warehouses across Russia
  (Moscow to Vladivostok, real coordinates), the own stock centers of 33 distributors and
  dealers (the bench dealer's first) and of 2 sub-dealers of the bench dealer (the bench
  sub-dealer's, and a sibling's shared with the network);
- stock: each variant is held by 10 to 30 of the 50 warehouses (about 20, ~2 million rows;
  8% of them at zero, a tenth to a third of the rest allocated);
- incoming supply: every 8th variant expected at a factory, every 40th also at a regional
  warehouse, in the coming 1 to 8 weeks;
- the default zoning of Russia, its carriers and rates (``inventory/zones.py``), the
  manufacturer allocating NEAREST, the bench dealer FEWEST_SHIPMENTS, 200 leftovers the
  bench dealer offers its sub-dealers.

Every value is a function of the ids (the supply's dates count from the day of the run).
Stock rows and supply go in by COPY with explicit ids into tables stripped of their
indexes and keys, rebuilt once full (``copy.filled_without_indexes``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import connection
from django.utils import timezone

from backend.accounts.models import Organization, OrganizationKind
from backend.catalog.models import ProductVariant
from inventory.models import (
    AllocationStrategy,
    Carrier,
    DeliveryZone,
    IncomingSupply,
    Leftover,
    QuantityDisplay,
    SellerStockSettings,
    StockItem,
    Warehouse,
    WarehouseKind,
)
from inventory.zones import load_default_zoning

from .copy import copy_rows, filled_without_indexes

K = OrganizationKind
D = QuantityDisplay
WAREHOUSES = 50
PARTNER_STOCK_CENTERS = 33  # distributors' and dealers'; 2 more of sub-dealers
MIN_HOLDERS, MAX_HOLDERS = 10, 30
# Steps through the 50 warehouses that visit distinct ones (coprime with 50).
STEPS = (1, 3, 7, 9, 11, 13, 17, 19, 21, 23)
LEFTOVERS = 200

# City -> (latitude, longitude).
COORDINATES = {
    "Москва": ("55.755800", "37.617300"), "Санкт-Петербург": ("59.934300", "30.335100"),
    "Подольск": ("55.431100", "37.544800"), "Екатеринбург": ("56.838900", "60.605700"),
    "Новосибирск": ("55.008400", "82.935700"), "Краснодар": ("45.035500", "38.975300"),
    "Казань": ("55.796100", "49.106400"), "Нижний Новгород": ("56.296500", "43.936100"),
    "Самара": ("53.195900", "50.100200"), "Ростов-на-Дону": ("47.235700", "39.701500"),
    "Челябинск": ("55.164400", "61.436800"), "Красноярск": ("56.015300", "92.893200"),
    "Липецк": ("52.603100", "39.570800"), "Дзержинск": ("56.238900", "43.463100"),
    "Иркутск": ("52.287000", "104.305000"), "Хабаровск": ("48.480200", "135.071900"),
    "Владивосток": ("43.115500", "131.885500"),
}


@dataclass(frozen=True)
class Place:
    kind: WarehouseKind
    code: str
    city: str
    region: str
    network_display: QuantityDisplay = D.HIDDEN


# The manufacturer's: what sub-dealers may see of them is mostly hidden, two in bands.
MANUFACTURER_PLACES = (
    Place(WarehouseKind.FACTORY, "F-LIP", "Липецк", "Липецкая область"),
    Place(WarehouseKind.FACTORY, "F-DZR", "Дзержинск", "Нижегородская область"),
    Place(WarehouseKind.FACTORY, "F-EKB", "Екатеринбург", "Свердловская область", D.BANDS),
    Place(WarehouseKind.REGIONAL, "R-MSK", "Москва", "Москва", D.BANDS),
    Place(WarehouseKind.REGIONAL, "R-SPB", "Санкт-Петербург", "Санкт-Петербург"),
    Place(WarehouseKind.REGIONAL, "R-KRD", "Краснодар", "Краснодарский край"),
    Place(WarehouseKind.REGIONAL, "R-ROV", "Ростов-на-Дону", "Ростовская область"),
    Place(WarehouseKind.REGIONAL, "R-KZN", "Казань", "Республика Татарстан"),
    Place(WarehouseKind.REGIONAL, "R-SAM", "Самара", "Самарская область"),
    Place(WarehouseKind.REGIONAL, "R-CHE", "Челябинск", "Челябинская область"),
    Place(WarehouseKind.REGIONAL, "R-NSK", "Новосибирск", "Новосибирская область"),
    Place(WarehouseKind.REGIONAL, "R-KJA", "Красноярск", "Красноярский край"),
    Place(WarehouseKind.REGIONAL, "R-IKT", "Иркутск", "Иркутская область"),
    Place(WarehouseKind.REGIONAL, "R-KHV", "Хабаровск", "Хабаровский край"),
    Place(WarehouseKind.REGIONAL, "R-VVO", "Владивосток", "Приморский край"),
)


def _city(address: str) -> str:
    """"г. Подольск, ул. ..." -> "Подольск"."""
    return address.split(",")[0].removeprefix("г. ").strip()


def _warehouse_rows() -> list[tuple]:
    """(id, owner, kind, code, name, address, region, city, lat, lon, pickup, priority,
    handling days, display, network display, shared) of the 50 warehouses."""
    organizations = Organization.objects.order_by("pk")
    manufacturer = organizations.get(kind=K.MANUFACTURER)
    dealer = organizations.filter(kind=K.DEALER).first()
    assert dealer is not None, "the bench network has no dealer"
    level1 = list(organizations.filter(parent=manufacturer).exclude(pk=dealer.pk)
                  [:PARTNER_STOCK_CENTERS - 1])
    sub_dealers = list(organizations.filter(parent=dealer, kind=K.SUB_DEALER)[:2])
    rows: list[tuple] = []

    def add(owner: Organization, kind: str, code: str, name: str, address: str,
            region: str, city: str, priority: int, display: str, network: str,
            shared: bool) -> None:
        latitude, longitude = COORDINATES[city]
        rows.append((len(rows) + 1, owner.pk, kind, code, name, address, region, city,
                     latitude, longitude, kind != WarehouseKind.FACTORY, priority,
                     1 if kind == WarehouseKind.STOCK_CENTER else 2, display, network,
                     shared))

    for i, place in enumerate(MANUFACTURER_PLACES):
        word = "Завод" if place.kind == WarehouseKind.FACTORY else "Склад"
        add(manufacturer, place.kind, place.code, f"{word} {place.city}",
            f"г. {place.city}, ул. Складская, д. {i + 1}", place.region, place.city,
            10 + i, D.EXACT, place.network_display, False)
    for i, owner in enumerate([dealer, *level1, *sub_dealers]):
        city = _city(owner.address)
        add(owner, WarehouseKind.STOCK_CENTER, f"SC-{owner.pk}", f"Сток-центр {owner.name}",
            owner.address, owner.region, city, 50 + i,
            D.BANDS if i % 3 == 2 else D.EXACT, D.HIDDEN,
            # Every other dealer shares with its fellow dealers; of the two sub-dealers,
            # the sibling shares with the bench sub-dealer, whose own is not shared.
            owner == sub_dealers[-1] if owner in sub_dealers else i % 2 == 1)
    assert len(rows) == WAREHOUSES, len(rows)
    return rows


def holders(variant_id: int) -> list[int]:
    """The indexes (0-49) of the warehouses holding a variant: 10 to 30 of them."""
    count = MIN_HOLDERS + (variant_id * 7_919 // 7) % (MAX_HOLDERS - MIN_HOLDERS + 1)
    start, step = (variant_id * 31) % WAREHOUSES, STEPS[variant_id % len(STEPS)]
    return [(start + k * step) % WAREHOUSES for k in range(count)]


def _stock_rows(variant_ids: list[int], warehouse_ids: list[int]) -> Iterator[tuple]:
    now = timezone.now()
    pk = 0
    for variant in variant_ids:
        for index in holders(variant):
            pk += 1
            spread = (variant * 2_654_435_761 + index * 40_503) % 1_000
            if spread < 80:
                on_hand = allocated = 0
            else:
                # The manufacturer's warehouses hold more than the partners' stock centers.
                on_hand = spread % (400 if index < len(MANUFACTURER_PLACES) else 60) + 1
                allocated = on_hand * (spread % 4) // 10
            yield pk, warehouse_ids[index], variant, on_hand, allocated, now


def _supply_rows(variant_ids: list[int], warehouse_ids: list[int]) -> Iterator[tuple]:
    now, today = timezone.now(), date.today()
    pk = 0
    for variant in variant_ids:
        if variant % 8:
            continue
        targets = [variant % 3]  # a factory
        if variant % 40 == 0:
            targets.append(3 + variant % 12)  # and a regional warehouse
        for n, index in enumerate(targets):
            pk += 1
            quantity = 50 + variant % 200
            expected = today + timedelta(days=7 + (variant // 8 + 11 * n) % 50)
            yield (pk, warehouse_ids[index], variant, quantity, 0, expected,
                   f"ПЗ-{variant}-{n + 1}", now, now)


def truncate_stock() -> None:
    tables = ", ".join(f'"{m._meta.db_table}"' for m in (Warehouse, Carrier, DeliveryZone,
                                                          SellerStockSettings))
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {tables} RESTART IDENTITY CASCADE")


def generate_stock() -> dict[str, int]:
    now = timezone.now()
    warehouses = _warehouse_rows()
    copy_rows(Warehouse, ("id", "owner_id", "kind", "code", "name", "address", "region",
                          "city", "latitude", "longitude", "pickup_allowed", "priority",
                          "handling_days", "display", "network_display",
                          "shared_with_network", "country", "is_active", "created_at",
                          "updated_at"),
              ((*row, "RU", True, now, now) for row in warehouses))
    warehouse_ids = [row[0] for row in warehouses]
    variant_ids = list(ProductVariant.objects.order_by("pk").values_list("pk", flat=True))
    with filled_without_indexes(StockItem):
        stock = copy_rows(StockItem, ("id", "warehouse_id", "variant_id", "on_hand",
                                      "allocated", "updated_at"),
                          _stock_rows(variant_ids, warehouse_ids))
    with filled_without_indexes(IncomingSupply):
        supply = copy_rows(IncomingSupply, ("id", "warehouse_id", "variant_id", "quantity",
                                            "reserved", "expected_date", "reference",
                                            "created_at", "updated_at"),
                           _supply_rows(variant_ids, warehouse_ids))
    carriers, zones, rates = load_default_zoning()
    manufacturer_id, dealer_id = warehouses[0][1], warehouses[len(MANUFACTURER_PLACES)][1]
    SellerStockSettings.objects.bulk_create([
        SellerStockSettings(organization_id=manufacturer_id,
                            strategy=AllocationStrategy.NEAREST),
        SellerStockSettings(organization_id=dealer_id,
                            strategy=AllocationStrategy.FEWEST_SHIPMENTS)])
    dealer_center = warehouse_ids[len(MANUFACTURER_PLACES)]
    held = (StockItem.objects.filter(warehouse_id=dealer_center, on_hand__gt=0)
            .order_by("variant_id").values_list("variant_id", flat=True)[:LEFTOVERS])
    Leftover.objects.bulk_create([
        Leftover(warehouse_id=dealer_center, variant_id=variant, is_published=True,
                 discount_percent=10 + variant % 4 * 5 if variant % 2 else None,
                 note="Остатки со склада: заберите со скидкой")
        for variant in held])
    return {"warehouses": len(warehouses), "stock rows": stock, "incoming supply": supply,
            "carriers": carriers, "zones": zones, "rates": rates, "leftovers": len(held)}
