"""The demo's warehouses and what each SKU's stock looks like (pure data; ``stock.py``
writes it).

Each variant gets a *scenario*, so an allocation preview of the demo shows every case the
engine handles: stock near and far, split between Krasnodar and Moscow, only in
Vladivostok, only on its way from a factory, or nowhere at all. Scenarios and quantities
come from the SKU's position in SKU order and a seeded generator: the same on every load.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from enum import Enum

from inventory.models import QuantityDisplay, WarehouseKind

D = QuantityDisplay
SEED = 12


@dataclass(frozen=True)
class WarehouseSpec:
    code: str
    owner: str  # key in network.ORGANIZATIONS
    kind: WarehouseKind
    name: str
    region: str  # official name (accounts/regions.py)
    city: str
    address: str
    latitude: str
    longitude: str
    pickup_allowed: bool
    priority: int
    handling_days: int
    display: QuantityDisplay = D.EXACT
    network_display: QuantityDisplay = D.HIDDEN
    shared_with_network: bool = False


F, R, S = WarehouseKind.FACTORY, WarehouseKind.REGIONAL, WarehouseKind.STOCK_CENTER
WAREHOUSES: tuple[WarehouseSpec, ...] = (
    WarehouseSpec("F-YAR", "factory", F, "Завод «Волга-Декор», Ярославль",
                  "Ярославская область", "Ярославль",
                  "150040, г. Ярославль, пр-т Октября, д. 87", "57.643000", "39.858000",
                  False, 30, 3),
    # Dealers see the paint factory's figures only in bands.
    WarehouseSpec("F-DZR", "factory", F, "Лакокрасочный завод, Дзержинск",
                  "Нижегородская область", "Дзержинск",
                  "606000, Нижегородская обл., г. Дзержинск, Восточное ш., д. 2",
                  "56.238900", "43.463100", False, 31, 3, display=D.BANDS),
    WarehouseSpec("F-ULY", "factory", F, "Завод дверей и окон, Ульяновск",
                  "Ульяновская область", "Ульяновск",
                  "432045, г. Ульяновск, Московское ш., д. 92", "54.314200", "48.403100",
                  False, 32, 5),
    # Sub-dealers see the Moscow warehouse's figures in bands; the others not at all.
    WarehouseSpec("R-MSK", "factory", R, "Склад Москва-Юг", "Москва", "Москва",
                  "115201, г. Москва, Каширское ш., д. 22, стр. 3", "55.655100",
                  "37.649900", True, 10, 1, network_display=D.BANDS),
    WarehouseSpec("R-SPB", "factory", R, "Склад Санкт-Петербург (Шушары)",
                  "Санкт-Петербург", "Санкт-Петербург",
                  "196626, г. Санкт-Петербург, пос. Шушары, Московское ш., д. 70",
                  "59.804900", "30.386600", True, 11, 1),
    WarehouseSpec("R-EKB", "factory", R, "Склад Екатеринбург", "Свердловская область",
                  "Екатеринбург", "620010, г. Екатеринбург, ул. Альпинистов, д. 57",
                  "56.788900", "60.632800", True, 12, 1),
    WarehouseSpec("R-KRD", "factory", R, "Склад Краснодар", "Краснодарский край",
                  "Краснодар", "350080, г. Краснодар, ул. Уральская, д. 75", "45.035500",
                  "39.060800", True, 13, 1),
    WarehouseSpec("R-VVO", "factory", R, "Склад Владивосток", "Приморский край",
                  "Владивосток", "690039, г. Владивосток, ул. Русская, д. 65", "43.166400",
                  "131.934100", True, 14, 2),
    WarehouseSpec("SC-MSK-1", "dealer1", S, "Сток-центр Столичного дома красок", "Москва",
                  "Москва", "107076, г. Москва, ул. Краснобогатырская, д. 44, стр. 1",
                  "55.812000", "37.707000", True, 50, 1, shared_with_network=True),
    WarehouseSpec("SC-SPB-1", "dealer2", S, "Сток-центр Невского Дома", "Санкт-Петербург",
                  "Санкт-Петербург", "192019, г. Санкт-Петербург, ул. Седова, д. 11, лит. А",
                  "59.894600", "30.416000", True, 50, 1),
    WarehouseSpec("SC-EKB-1", "dealer3", S, "Сток-центр УралСтройКомплекта",
                  "Свердловская область", "Екатеринбург",
                  "620014, г. Екатеринбург, ул. Малышева, д. 51", "56.837000", "60.615000",
                  True, 50, 1, display=D.BANDS),
    WarehouseSpec("SC-KHM-1", "subdealer1", S, "Сток-центр Подмосковного строителя",
                  "Московская область", "Химки",
                  "141400, Московская обл., г. Химки, Ленинградское ш., вл. 16",
                  "55.897000", "37.429700", True, 60, 1, shared_with_network=True),
)
FACTORY_OF = {"DV": "F-ULY", "OK": "F-ULY", "KR": "F-DZR", "EM": "F-DZR", "GR": "F-DZR"}
REGIONAL = ("R-MSK", "R-SPB", "R-EKB", "R-KRD", "R-VVO")
# Dealers' stock centers and the share of the ordinary SKUs each holds.
CENTERS = (("SC-MSK-1", 0.35), ("SC-SPB-1", 0.2), ("SC-EKB-1", 0.2), ("SC-KHM-1", 0.1))


class Scenario(Enum):
    EVERYWHERE = "in stock in several warehouses"
    NOWHERE = "out of stock everywhere, nothing coming"
    FAR_ONLY = "only in Vladivostok"
    SUPPLY_ONLY = "no stock, only incoming supply"
    SPLIT_KRD_MSK = "a little in Krasnodar and a little in Moscow"


def scenario_of(position: int) -> Scenario:
    """One SKU in 25 of each special case, the rest ordinary."""
    return {0: Scenario.NOWHERE, 1: Scenario.FAR_ONLY, 2: Scenario.SUPPLY_ONLY,
            3: Scenario.SPLIT_KRD_MSK, 4: Scenario.SPLIT_KRD_MSK}.get(position % 25,
                                                                    Scenario.EVERYWHERE)


@dataclass(frozen=True)
class DemoVariant:
    id: int
    sku: str
    order_multiple: Decimal


@dataclass
class StockPlan:
    stock: dict[tuple[str, int], Decimal] = field(default_factory=dict)  # (code, variant)
    supply: list[tuple[str, int, Decimal, date, str]] = field(default_factory=list)
    scenarios: dict[int, Scenario] = field(default_factory=dict)


def plan_stock(variants: list[DemoVariant], today: date) -> StockPlan:
    """``variants`` in SKU order; ``today`` anchors the expected dates of incoming supply."""
    rng = random.Random(SEED)
    plan = StockPlan()
    serial = 0

    def put(code: str, variant: DemoVariant, units: int) -> None:
        plan.stock[(code, variant.id)] = units * variant.order_multiple

    def expect(code: str, variant: DemoVariant, units: int, days: int) -> None:
        nonlocal serial
        serial += 1
        plan.supply.append((code, variant.id, units * variant.order_multiple,
                            today + timedelta(days=days), f"ПЗ-{today.year}-{serial:04d}"))

    for position, variant in enumerate(variants):
        scenario = scenario_of(position)
        plan.scenarios[variant.id] = scenario
        factory = FACTORY_OF.get(variant.sku[:2], "F-YAR")
        if scenario is Scenario.FAR_ONLY:
            put("R-VVO", variant, rng.randint(20, 120))
        elif scenario is Scenario.SUPPLY_ONLY:
            # Production in the coming weeks, a second batch for every other SKU later.
            expect(factory, variant, rng.randint(50, 300), rng.randint(7, 21))
            if position % 2:
                expect("R-MSK", variant, rng.randint(20, 80), rng.randint(25, 45))
        elif scenario is Scenario.SPLIT_KRD_MSK:
            # Neither covers an order of 15 (order multiples) alone; together they do.
            krasnodar = rng.randint(6, 12)
            put("R-KRD", variant, krasnodar)
            put("R-MSK", variant, rng.randint(15 - krasnodar, 10))
        elif scenario is Scenario.EVERYWHERE:
            put(factory, variant, rng.randint(100, 800))
            for code in REGIONAL:
                if code == "R-MSK" or rng.random() < 0.55:
                    put(code, variant, rng.randint(0, 4) and rng.randint(5, 250))
            for code, share in CENTERS:
                if rng.random() < share:
                    put(code, variant, rng.randint(1, 40))
            if rng.random() < 0.1:
                expect(factory, variant, rng.randint(100, 500), rng.randint(5, 40))
    return plan
