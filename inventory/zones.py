"""The default zoning of Russia for delivery quotes, and a believable rate table over it.

Seven zones after the federal districts (the North Caucasus and the four new regions
quoted with the South): every one of the 89 regions of ``backend/accounts/regions.py`` is
in exactly one zone. Staff edit zones and rates in the Django admin; this is only where
the demo and the benchmark data start from (``zone_regions()``, ``default_rates()``).

Rates are derived from one table of road days between the zones: the longer the road,
the more a kilogram and a cubic metre cost and the higher the minimum charge. Each
carrier has its own price factor and speed, so the cheapest and the fastest differ.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from backend.accounts.regions import RUSSIAN_REGIONS

# Zone name -> the two-digit region codes (Federal Tax Service) it covers.
ZONE_REGION_CODES: dict[str, tuple[str, ...]] = {
    "Центр": ("31", "32", "33", "36", "37", "40", "44", "46", "48", "50", "57", "62", "67",
              "68", "69", "71", "76", "77"),
    "Северо-Запад": ("10", "11", "29", "35", "39", "47", "51", "53", "60", "78", "83"),
    "Юг": ("01", "05", "06", "07", "08", "09", "15", "20", "23", "26", "30", "34", "61",
           "90", "91", "92", "93", "94", "95"),
    "Приволжье": ("02", "12", "13", "16", "18", "21", "43", "52", "56", "58", "59", "63",
                  "64", "73"),
    "Урал": ("45", "66", "72", "74", "86", "89"),
    "Сибирь": ("04", "17", "19", "22", "24", "38", "42", "54", "55", "70"),
    "Дальний Восток": ("03", "14", "25", "27", "28", "41", "49", "65", "75", "79", "87"),
}
ZONES: tuple[str, ...] = tuple(ZONE_REGION_CODES)

# Days on the road between zones (symmetric), in the order of ZONES; within a zone the
# diagonal (the Far East is wide: three days inside it).
_ROAD_DAYS: tuple[tuple[int, ...], ...] = (
    # Ц  СЗ  Ю  П  У  С  ДВ
    (1, 2, 3, 2, 4, 6, 10),   # Центр
    (2, 1, 4, 3, 5, 7, 11),   # Северо-Запад
    (3, 4, 1, 3, 5, 7, 11),   # Юг
    (2, 3, 3, 1, 2, 5, 9),    # Приволжье
    (4, 5, 5, 2, 1, 3, 8),    # Урал
    (6, 7, 7, 5, 3, 2, 5),    # Сибирь
    (10, 11, 11, 9, 8, 5, 3),  # Дальний Восток
)


@dataclass(frozen=True)
class CarrierPlan:
    code: str
    name: str
    price_factor: Decimal  # times the base tariff
    extra_days: int  # added to the road days (negative: faster), never below one day
    max_weight_kg: Decimal | None


CARRIERS: tuple[CarrierPlan, ...] = (
    CarrierPlan("DELLIN", "Деловые Линии", Decimal("1.00"), 0, None),
    CarrierPlan("PEK", "ПЭК", Decimal("0.90"), 1, None),
    CarrierPlan("CDEK", "СДЭК", Decimal("1.45"), -1, Decimal("30")),
)


@dataclass(frozen=True)
class RatePlan:
    carrier: str  # CarrierPlan.code
    origin: str  # zone name
    destination: str
    per_kg: Decimal
    per_m3: Decimal
    min_charge: Decimal
    transit_days: int
    max_weight_kg: Decimal | None


def zone_regions() -> dict[str, list[str]]:
    """Zone name -> the official names of its regions."""
    names = {region.code: region.name for region in RUSSIAN_REGIONS}
    return {zone: [names[code] for code in codes]
            for zone, codes in ZONE_REGION_CODES.items()}


def road_days(origin: str, destination: str) -> int:
    return _ROAD_DAYS[ZONES.index(origin)][ZONES.index(destination)]


def default_rates() -> list[RatePlan]:
    """Every carrier between every pair of zones (both ways, and within each zone)."""
    cent = Decimal("0.01")
    rates = []
    for carrier in CARRIERS:
        for origin in ZONES:
            for destination in ZONES:
                days = road_days(origin, destination)
                factor = carrier.price_factor
                # Roughly 250 kg to a cubic metre of paint in boxes: a cubic metre costs
                # what 250 kg cost, so light bulky goods pay by volume.
                per_kg = ((Decimal(6) + Decimal(4) * days) * factor).quantize(cent)
                rates.append(RatePlan(
                    carrier=carrier.code, origin=origin, destination=destination,
                    per_kg=per_kg, per_m3=(per_kg * 250).quantize(cent),
                    min_charge=((Decimal(350) + Decimal(90) * days) * factor).quantize(cent),
                    transit_days=max(1, days + carrier.extra_days),
                    max_weight_kg=carrier.max_weight_kg))
    return rates


def load_default_zoning() -> tuple[int, int, int]:
    """Write the carriers, zones and rates above into an empty database (or add what is
    missing); return how many carriers, zones and rates were created."""
    from .models import Carrier, DeliveryRate, DeliveryZone

    carriers = {c.code: c for c in Carrier.objects.all()}
    new_carriers = [Carrier(code=plan.code, name=plan.name) for plan in CARRIERS
                    if plan.code not in carriers]
    for carrier in Carrier.objects.bulk_create(new_carriers):
        carriers[carrier.code] = carrier
    zones = {z.name: z for z in DeliveryZone.objects.all()}
    new_zones = [DeliveryZone(name=name, regions=regions)
                 for name, regions in zone_regions().items() if name not in zones]
    for zone in DeliveryZone.objects.bulk_create(new_zones):
        zones[zone.name] = zone
    existing = set(DeliveryRate.objects.values_list(
        "carrier__code", "origin_zone__name", "destination_zone__name"))
    new_rates = [
        DeliveryRate(carrier=carriers[r.carrier], origin_zone=zones[r.origin],
                     destination_zone=zones[r.destination], per_kg=r.per_kg, per_m3=r.per_m3,
                     min_charge=r.min_charge, transit_days=r.transit_days,
                     max_weight_kg=r.max_weight_kg)
        for r in default_rates() if (r.carrier, r.origin, r.destination) not in existing]
    DeliveryRate.objects.bulk_create(new_rates)
    return len(new_carriers), len(new_zones), len(new_rates)
