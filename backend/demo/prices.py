"""The demo prices: the factory's base list with tiers, a Gold dealers list, personal prices,
every dealer's prices for its sub-dealers, promotions and MAP floors (README "Prices").

Through the price rules' services (each checks what it would in the API: owners, subtrees,
floors), except the base list's 3,600 entries, inserted in bulk. Everything is keyed by
its owner and name, so a second load creates nothing. Prices are computed from each SKU
(its line, its size in the line, a spread per product), so they are the same on every load.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.utils import timezone

from backend.accounts.models import Organization
from backend.catalog.models import Category, ProductVariant
from price_rules.models import (
    DiscountKind,
    MapFloor,
    PriceGroup,
    PriceList,
    PriceListEntry,
    PriceListKind,
    Promotion,
    ResaleMarkup,
    Rounding,
)
from price_rules.services.assignments import AssignmentData, assign_price_list
from price_rules.services.entries import EntryRow, replace_entries
from price_rules.services.floors import MapFloorData, set_map_floor
from price_rules.services.groups import PriceGroupData, save_price_group
from price_rules.services.lists import PriceListData, save_price_list
from price_rules.services.markups import MarkupData, set_resale_markup
from price_rules.services.promotions import PromotionData, save_promotion
from price_rules.services.recompute import recompute_list

D = Decimal
ONE = D(1)

# The smallest pack of each line, in roubles without VAT; larger packs cost more.
LINE_PRICES = {
    "KR-FAS": 1450, "KR-INT": 1180, "KR-MET": 640, "EM-UNI": 520, "GR-UNI": 470,
    "DV-SHP": 9800, "DV-EML": 7600, "DV-VHD": 26500, "OK": 14800, "DK-POT": 390,
    "DK-POL": 260, "DK-MOL": 540, "DK": 320, "EL-ROZ": 230, "EL-VYK": 210, "EL-AVT": 480,
    "SM-MOT": 690, "SM-IND": 560, "SM-PLS": 410,
}
# The price of each size of a line (the variants, in order) against its smallest.
SIZE_STEPS = {
    "KR": (1, 1.8, 3.3, 6.0, 10.5), "EM": (1, 1.8, 3.3, 6.0, 10.5),
    "GR": (1, 1.8, 3.3, 6.0, 10.5), "DV": (1, 1.05, 1.1, 1.18, 1.27),
    "OK": (1, 1.14, 1.3, 1.48, 1.7), "DK": (1, 1.2, 1.45, 1.7, 2.0),
    "EL": (1, 1.12, 1.25, 1.4, 1.6), "SM": (1, 1.8, 3.4, 12.0, 110.0),
}
# Quantity tiers: (minimum quantity, share of the single-unit price).
SMALL_GOODS_TIERS = ((1, ONE), (10, D("0.95")), (50, D("0.91")))
MADE_TO_ORDER_TIERS = ((1, ONE), (5, D("0.96")))


def base_price(sku: str, product_slug: str, size: int) -> Decimal:
    """The factory's price of one unit of ``sku`` (whole roubles, without VAT)."""
    line = LINE_PRICES.get(sku[:6]) or LINE_PRICES.get(sku[:2], 1000)
    steps = SIZE_STEPS.get(sku[:2], (1, 1.2, 1.4, 1.6, 1.8))
    spread = 0.85 + (zlib.crc32(product_slug.encode()) % 31) / 100  # 0.85 .. 1.15
    price = D(line) * D(str(steps[min(size, len(steps) - 1)])) * D(str(spread))
    return price.quantize(ONE, ROUND_HALF_UP)


def tiers_of(sku: str) -> tuple[tuple[int, Decimal], ...]:
    return MADE_TO_ORDER_TIERS if sku[:2] in ("DV", "OK") else SMALL_GOODS_TIERS


@dataclass
class PriceResult:
    created_lists: int = 0
    created_entries: int = 0
    created_rules: int = 0  # groups, assignments, markups, promotions, floors

    @property
    def created(self) -> int:
        return self.created_lists + self.created_entries + self.created_rules


@dataclass(frozen=True)
class _Variant:
    id: int
    sku: str
    size: int
    root: str  # the top category's slug
    category_id: int
    base: Decimal


def _variants() -> list[_Variant]:
    roots = {c.id: c for c in Category.objects.filter(parent__isnull=True)}
    paths = dict(Category.objects.values_list("id", "path"))
    found = []
    for variant_id, sku, size, slug, category_id in ProductVariant.objects.order_by(
            "product_id", "sort_order", "id").values_list(
            "id", "sku", "sort_order", "product__slug", "product__category_id"):
        root = next(r for r in roots.values() if paths[category_id].startswith(r.path))
        found.append(_Variant(variant_id, sku, size, root.slug, category_id,
                              base_price(sku, slug, size)))
    return found


def _rows(variants: list[_Variant], price: Callable[[Decimal], Decimal],
          tiers: bool = True) -> list[EntryRow]:
    """Entries at ``price(base price of the tier)``, whole roubles, for every tier."""
    rows = []
    for v in variants:
        for quantity, share in (tiers_of(v.sku) if tiers else ((1, ONE),)):
            amount = price(v.base * share).quantize(ONE, ROUND_HALF_UP)
            rows.append(EntryRow(variant_id=v.id, price=amount, min_quantity=D(quantity)))
    return rows


class _Loader:
    def __init__(self, network: dict[str, Organization]):
        self.orgs = network
        self.result = PriceResult()
        self.today = timezone.localdate()

    def price_list(self, owner: str, name: str, **data) -> tuple[PriceList, bool]:
        organization = self.orgs[owner]
        existing = PriceList.objects.filter(owner=organization, name=name).first()
        if existing is not None:
            return existing, False
        self.result.created_lists += 1
        return save_price_list(organization, None, PriceListData(name=name, **data)), True

    def entries(self, owner: str, price_list: PriceList, rows: list[EntryRow]) -> None:
        replace_entries(self.orgs[owner], price_list, rows)
        self.result.created_entries += len(rows)

    def assign(self, owner: str, price_list: PriceList, **target) -> None:
        assign_price_list(self.orgs[owner], price_list, AssignmentData(**target))
        self.result.created_rules += 1

    def promotion(self, owner: str, name: str, **data) -> None:
        if Promotion.objects.filter(owner=self.orgs[owner], name=name).exists():
            return
        save_promotion(self.orgs[owner], None, PromotionData(name=name, **data))
        self.result.created_rules += 1

    def running(self) -> tuple[date, date]:
        """A promotion running now: from a week ago for two months."""
        return self.today - timedelta(days=7), self.today + timedelta(days=60)


def load_prices(network: dict[str, Organization]) -> PriceResult:
    """Create whatever part of the demo prices is missing (``network``: organizations by
    their key in ``network.ORGANIZATIONS``)."""
    load = _Loader(network)
    variants = _variants()
    by_root: dict[str, list[_Variant]] = {}
    for v in variants:
        by_root.setdefault(v.root, []).append(v)
    categories = {c.slug: c for c in Category.objects.all()}

    # The factory: its base list for everyone, in bulk (3,600 entries).
    base, created = load.price_list("factory", "Базовый прайс-лист", is_base=True,
                                    kind=PriceListKind.PURCHASE)
    if created:
        rows = _rows(variants, lambda p: p)
        PriceListEntry.objects.bulk_create(
            [PriceListEntry(price_list=base, variant_id=r.variant_id, min_quantity=r.min_quantity,
                            price=r.price) for r in rows], batch_size=2000)
        load.result.created_entries += len(rows)
        load.assign("factory", base, owner_default=True)
    _floors(load, variants, categories)

    # Gold dealers: 8% below the base list, whole roubles, derived and recomputed with it.
    gold = PriceGroup.objects.filter(owner=network["factory"], name="Золотые дилеры").first()
    if gold is None:
        gold = save_price_group(network["factory"], None, PriceGroupData(
            name="Золотые дилеры", add_members=[network["dealer1"]]))
        load.result.created_rules += 1
    gold_list, created = load.price_list(
        "factory", "Прайс «Золотые дилеры»", priority=10, source=base, fallback=base,
        formula_factor=D("0.92"), formula_rounding=Rounding.WHOLE)
    if created:
        load.result.created_entries += recompute_list(gold_list.pk)
        load.assign("factory", gold_list, price_group=gold)

    # Personal prices: УралСтройКомплект buys lubricants 12% below the base list.
    personal, created = load.price_list("factory", "Персональные цены УралСтройКомплект",
                                        fallback=base)
    if created:
        load.entries("factory", personal,
                     _rows(by_root["smazochnye-materialy"], lambda p: p * D("0.88")))
        load.assign("factory", personal, organization=network["dealer3"])

    _dealer_prices(load, variants, by_root, categories)
    _promotions(load, categories)
    return load.result


def _floors(load: _Loader, variants: list[_Variant], categories: dict[str, Category]) -> None:
    """Minimum resale prices: paints and doors at 110% of the base list, and one SKU of
    facade paint at 112% (above every tier of the dealers' lists)."""
    factory = load.orgs["factory"]
    if MapFloor.objects.filter(owner=factory).exists():
        return
    for slug in ("lakokrasochnye-materialy", "dveri"):
        set_map_floor(factory, MapFloorData(category=categories[slug], percent=D(110)))
        load.result.created_rules += 1
    first = next(v for v in variants if v.sku.startswith("KR-FAS"))
    set_map_floor(factory, MapFloorData(
        variant=ProductVariant.objects.get(pk=first.id),
        amount=(first.base * D("1.12")).quantize(D("0.01"))))
    load.result.created_rules += 1


def _dealer_prices(load: _Loader, variants: list[_Variant], by_root: dict[str, list[_Variant]],
                   categories: dict[str, Category]) -> None:
    orgs = load.orgs
    # Столичный дом красок: one list for its sub-dealers, prices with VAT (its purchase
    # price from the Gold list + 35%).
    resale, created = load.price_list("dealer1", "Прайс для субдилеров",
                                      kind=PriceListKind.RESALE, prices_include_vat=True)
    if created:
        load.entries("dealer1", resale, _rows(
            variants, lambda p: (p * D("0.92")).quantize(ONE, ROUND_HALF_UP) * D("1.35")
            * D("1.22")))
        load.assign("dealer1", resale, owner_default=True)
    # Невский Дом: +28% for its sub-dealers, and Гатчина-Ремонт's paints at +24%.
    resale, created = load.price_list("dealer2", "Прайс Невского Дома для партнёров",
                                      kind=PriceListKind.RESALE)
    if created:
        load.entries("dealer2", resale, _rows(variants, lambda p: p * D("1.28")))
        load.assign("dealer2", resale, owner_default=True)
    personal, created = load.price_list("dealer2", "Краски для Гатчина-Ремонт",
                                        kind=PriceListKind.RESALE, fallback=resale)
    if created:
        load.entries("dealer2", personal, _rows(by_root["lakokrasochnye-materialy"],
                                                lambda p: p * D("1.24")))
        load.assign("dealer2", personal, organization=orgs["subdealer4"])
    # УралСтройКомплект sets no list: its sub-dealers pay its purchase price + 25%.
    # Sub-dealers with end clients sell to them by markup too.
    for key, percent in (("dealer3", 25), ("subdealer1", 18), ("subdealer2", 15),
                         ("subdealer3", 20), ("subdealer5", 12)):
        if not ResaleMarkup.objects.filter(organization=orgs[key]).exists():
            set_resale_markup(orgs[key], MarkupData(percent=D(percent),
                                                    rounding=Rounding.WHOLE))
            load.result.created_rules += 1


def _promotions(load: _Loader, categories: dict[str, Category]) -> None:
    starts, ends = load.running()
    load.promotion("factory", "Осенняя распродажа фасадных красок", kind=DiscountKind.PERCENT,
                   value=D(7), starts=starts, ends=ends,
                   categories=[categories["fasadnye-kraski"]])
    load.promotion("dealer1", "Неделя межкомнатных дверей в Москве", kind=DiscountKind.PERCENT,
                   value=D(5), starts=starts, ends=ends, audience_regions=["Москва"],
                   categories=[categories["mezhkomnatnye-dveri"]])
    load.promotion("dealer3", "Масла для Челябинска", kind=DiscountKind.PERCENT, value=D(4),
                   starts=starts, ends=ends, audience_regions=["Челябинская область"],
                   categories=[categories["smazochnye-materialy"]])
