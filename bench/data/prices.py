"""The benchmark's price rules, in the issue's shape.

- the manufacturer's base list: every variant, tiers from 1, 10 and 50 units;
- 20 price groups of the manufacturer, five distributors or dealers in each, and a list per
  group (every 20th variant, tiers from 1 and 10) falling back to the base list;
- personal lists for 1,000 organizations, 500 entries each: the manufacturer's for its 100
  distributors and dealers, each dealer's for its first nine sub-dealers;
- every distributor's and dealer's resale list for its sub-dealers (2,000 variants, tiers
  from 1 and 20) and its markup for the rest (+20 to +35%), one dealer in ten without;
- 50 promotions (40 of the manufacturer, 10 of dealers, the bench dealer's among them):
  percentages and fixed amounts, both stacking policies, on variants, products and
  categories, for everyone, organizations, price groups or regions; a few out of date;
- MAP floors: 90% of the base price for every top category, an amount for every 50th
  variant; volume discounts of the manufacturer and the bench dealer.

Every value is a function of the ids, so the data set is the same on every run. Prices are
whole cents, written as text by COPY; ids are explicit, the sequences reset afterwards.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from itertools import count

from django.db import connection
from django.utils import timezone

from backend.accounts.models import Organization, OrganizationKind
from backend.catalog.models import Category, Product, ProductVariant
from price_rules.models import (
    DiscountKind,
    MapFloor,
    PriceGroup,
    PriceGroupMember,
    PriceList,
    PriceListAssignment,
    PriceListEntry,
    PriceListKind,
    Promotion,
    ResaleMarkup,
    Stacking,
    VolumeDiscount,
    VolumeDiscountStep,
)

from .copy import copy_rows, filled_without_indexes

GROUPS = 20
PERSONAL_ENTRIES = 500
PERSONAL_LISTS = 1_000
RESALE_SHARE = 50  # a resale list prices one variant in 50 (2,000 of 100,000)
PROMOTIONS = 50
OPEN_START, OPEN_END = date(2020, 1, 1), date(2099, 12, 31)
EXPIRED_END = date(2021, 12, 31)
K = OrganizationKind


def base_cents(variant_id: int) -> int:
    """The manufacturer's base price of a variant at quantity 1, in kopecks (100.00 to
    9,999.99)."""
    return 10_000 + (variant_id * 7_919) % 990_000


def _money(cents: int) -> str:
    return f"{cents // 100}.{cents % 100:02d}"


def _share(cents: int, percent: int) -> int:
    return (cents * percent + 50) // 100


class _Writer:
    """Lists, their assignments and their entries, with ids handed out in order."""

    def __init__(self) -> None:
        self.now = timezone.now()
        self.lists: list[tuple] = []
        self.assignments: list[tuple] = []
        self.entries: list[Iterator[tuple]] = []
        self._list_ids = count(1)
        self._assignment_ids = count(1)
        self._entry_ids = count(1)

    def price_list(self, owner: int, name: str, kind: str = PriceListKind.PURCHASE, *,
                   priority: int = 0, is_base: bool = False,
                   fallback: int | None = None) -> int:
        list_id = next(self._list_ids)
        self.lists.append((list_id, owner, name, kind, "RUB", priority, False, is_base,
                           fallback, 1, 0, 0, "CENT", [], self.now, self.now))
        return list_id

    def assign(self, list_id: int, *, organization: int | None = None,
               group: int | None = None) -> None:
        self.assignments.append((next(self._assignment_ids), list_id, organization, group, "",
                                 organization is None and group is None))

    def tiers(self, list_id: int, variants: Iterator[int], percent: int,
              steps: tuple[tuple[int, int], ...]) -> None:
        """``steps``: (minimum quantity, percentage of the tier's price); the tier's price
        is ``percent`` of the base price times the step's percentage."""
        ids = self._entry_ids

        def rows() -> Iterator[tuple]:
            for variant_id in variants:
                price = _share(base_cents(variant_id), percent)
                for quantity, step in steps:
                    yield next(ids), list_id, variant_id, quantity, _money(_share(price, step)), ""

        self.entries.append(rows())

    def write(self) -> int:
        copy_rows(PriceList, ("id", "owner_id", "name", "kind", "currency", "priority",
                              "prices_include_vat", "is_base", "fallback_id", "formula_factor",
                              "formula_percent", "formula_amount", "formula_rounding",
                              "below_floor_skus", "created_at", "updated_at"),
                  # a fallback must exist before the list that names it: base lists first
                  sorted(self.lists, key=lambda row: row[8] is not None))
        copy_rows(PriceListAssignment, ("id", "price_list_id", "organization_id",
                                        "price_group_id", "region", "is_owner_default"),
                  self.assignments)
        columns = ("id", "price_list_id", "variant_id", "min_quantity", "price", "unit")
        with filled_without_indexes(PriceListEntry):
            return sum(copy_rows(PriceListEntry, columns, rows) for rows in self.entries)


def truncate_prices() -> None:
    """Empty the price tables (and restart their ids), keeping the network and catalog."""
    tables = ", ".join(f'"{m._meta.db_table}"' for m in (PriceGroup, PriceList, Promotion,
                                                          VolumeDiscount, MapFloor,
                                                          ResaleMarkup))
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {tables} RESTART IDENTITY CASCADE")


def generate_prices() -> int:
    """Write every price rule; return the number of list entries."""
    variants = ProductVariant.objects.count()
    products = Product.objects.count()
    manufacturer = Organization.objects.get(kind=K.MANUFACTURER).pk
    sellers = list(Organization.objects.filter(parent_id=manufacturer).order_by("pk")
                   .values_list("pk", flat=True))
    sub_dealers: dict[int, list[int]] = {}
    for pk, parent in (Organization.objects.filter(kind=K.SUB_DEALER).order_by("pk")
                       .values_list("pk", "parent_id")):
        sub_dealers.setdefault(parent, []).append(pk)
    writer = _Writer()

    base = writer.price_list(manufacturer, "Базовый прайс-лист завода", is_base=True)
    writer.assign(base)
    writer.tiers(base, iter(range(1, variants + 1)), 100, ((1, 100), (10, 95), (50, 90)))

    groups = _price_groups(manufacturer, sellers)
    for n, group in enumerate(groups):
        group_list = writer.price_list(manufacturer, f"Прайс группы {n + 1}", priority=n,
                                       fallback=base)
        writer.assign(group_list, group=group)
        writer.tiers(group_list, iter(range(n + 1, variants + 1, GROUPS)), 92,
                     ((1, 100), (10, 96)))

    def personal(owner: int, organization: int, kind: str, percent: int) -> None:
        personal_list = writer.price_list(owner, f"Персональный прайс {organization}", kind,
                                          priority=10)
        writer.assign(personal_list, organization=organization)
        writer.tiers(personal_list, _spread(organization, PERSONAL_ENTRIES, variants), percent,
                     ((1, 100),))

    for seller in sellers:
        personal(manufacturer, seller, PriceListKind.PURCHASE, 85)
    below = [(seller, sub) for seller in sellers for sub in sub_dealers.get(seller, [])[:9]]
    for seller, sub in below[:PERSONAL_LISTS - len(sellers)]:
        personal(seller, sub, PriceListKind.RESALE, 120)

    for seller in sellers:
        resale = writer.price_list(seller, f"Прайс для субдилеров {seller}", PriceListKind.RESALE)
        writer.assign(resale)
        writer.tiers(resale, iter(range(1 + seller % RESALE_SHARE, variants + 1, RESALE_SHARE)),
                     130, ((1, 100), (20, 95)))
    entries = writer.write()

    ResaleMarkup.objects.bulk_create(
        ResaleMarkup(organization_id=seller, percent=20 + seller % 4 * 5)
        for seller in sellers if seller % 10 != 9)
    dealers = _promotions(manufacturer, sellers, sub_dealers, groups, variants, products)
    _floors(manufacturer, variants)
    _volume_discounts(manufacturer, dealers[0])
    return entries


def _spread(organization: int, size: int, variants: int) -> Iterator[int]:
    """``size`` distinct variants spread over the catalog, different per organization."""
    stride = max(1, variants // size)
    offset = organization * 131 % stride
    return iter(range(1 + offset, variants + 1, stride)[:size])


def _price_groups(manufacturer: int, sellers: list[int]) -> list[int]:
    groups = PriceGroup.objects.bulk_create(
        PriceGroup(owner_id=manufacturer, name=f"Группа дилеров {n + 1}") for n in range(GROUPS))
    PriceGroupMember.objects.bulk_create(
        PriceGroupMember(group=groups[i % GROUPS], organization_id=seller)
        for i, seller in enumerate(sellers))
    return [g.pk for g in groups]


def _promotions(manufacturer: int, sellers: list[int], sub_dealers: dict[int, list[int]],
                groups: list[int], variants: int, products: int) -> list[int]:
    """The promotions; return the dealers that own some (the bench dealer first)."""
    leaves = list(Category.objects.filter(depth=2).order_by("pk").values_list("pk", flat=True))
    roots = list(Category.objects.filter(depth=0).order_by("pk").values_list("pk", flat=True))
    regions = sorted(set(Organization.objects.filter(parent_id=manufacturer)
                         .values_list("region", flat=True)))
    # The bench dealer (the first of kind DEALER, as the bench users are) and two others.
    first = Organization.objects.filter(kind=K.DEALER).order_by("pk").values_list(
        "pk", flat=True)[0]
    dealers = [first, *(s for s in sellers if s != first and sub_dealers.get(s))][:3]
    through = {name: getattr(Promotion, name).through
               for name in ("variants", "products", "categories", "audience_organizations",
                            "audience_price_groups")}
    links: dict[str, list] = {name: [] for name in through}
    for n in range(PROMOTIONS):
        # The first ten are the dealers' (the bench dealer's first), for their sub-dealers.
        owner = dealers[n % len(dealers)] if n < 10 else manufacturer
        buyers = sub_dealers[owner] if n < 10 else sellers
        fixed = n % 3 == 0
        promotion = Promotion.objects.create(
            owner_id=owner, name=f"Акция {n + 1}",
            kind=DiscountKind.FIXED if fixed else DiscountKind.PERCENT,
            value=10 + n if fixed else 3 + n % 12, currency="RUB" if fixed else "",
            stacking=Stacking.STACKS if n % 2 else Stacking.BEST_PRICE_WINS,
            starts=OPEN_START, ends=EXPIRED_END if n % 10 == 9 else OPEN_END,
            audience_regions=[regions[n % len(regions)]] if n % 4 == 3 else [])
        pk = promotion.pk
        target = n % 3
        if target == 0:
            links["variants"] += [through["variants"](promotion_id=pk, productvariant_id=v)
                                  for v in range(1 + n, variants + 1, 97)]
        elif target == 1:
            links["products"] += [through["products"](promotion_id=pk, product_id=p)
                                  for p in range(1 + n, products + 1, 41)]
        else:
            category = roots[n % len(roots)] if n % 5 == 0 else leaves[n * 7 % len(leaves)]
            links["categories"].append(through["categories"](promotion_id=pk,
                                                             category_id=category))
        if n % 4 == 1:
            links["audience_organizations"] += [
                through["audience_organizations"](promotion_id=pk, organization_id=o)
                for o in buyers[n % 2::2]]
        elif n % 4 == 2 and owner == manufacturer:
            links["audience_price_groups"] += [
                through["audience_price_groups"](promotion_id=pk, pricegroup_id=g)
                for g in groups[n % 4::4]]
    for name, rows in links.items():
        through[name].objects.bulk_create(rows, batch_size=5_000)
    return dealers


def _floors(manufacturer: int, variants: int) -> None:
    roots = Category.objects.filter(depth=0).order_by("pk").values_list("pk", flat=True)
    floors = [MapFloor(owner_id=manufacturer, category_id=pk, percent=90) for pk in roots]
    floors += [MapFloor(owner_id=manufacturer, variant_id=v,
                        amount=_money(_share(base_cents(v), 95)))
               for v in range(50, variants + 1, 50)]
    MapFloor.objects.bulk_create(floors, batch_size=5_000)


def _volume_discounts(manufacturer: int, dealer: int) -> None:
    for owner, name in ((manufacturer, "Скидка от суммы заказа"),
                        (dealer, "Скидка субдилерам от суммы")):
        discount = VolumeDiscount.objects.create(owner_id=owner, name=name)
        VolumeDiscountStep.objects.bulk_create(
            VolumeDiscountStep(discount=discount, threshold=threshold, percent=percent)
            for threshold, percent in ((100_000, 2), (300_000, 3), (1_000_000, 5)))
