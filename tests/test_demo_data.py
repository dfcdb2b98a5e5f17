"""``manage.py demo`` loads a believable network and catalog, and loading again changes nothing;
each plugin in ``PLUGINS`` loads its own demo data (its ``demo.load_demo``).

The load takes ~20 s (300 drawn images with thumbnails), so one test runs it twice and
checks the result; the cheaper tests check the plan and the README without a database.
"""

from __future__ import annotations

import io
from collections import Counter
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db.models import Count
from django.utils import timezone

from backend.accounts.inn import is_valid_inn, kpp_error
from backend.accounts.models import Membership, Organization, OrganizationKind, Role, User
from backend.accounts.regions import RUSSIAN_REGIONS, russian_region
from backend.catalog.models import (
    Attribute,
    AttributeValue,
    Category,
    Product,
    ProductImage,
    ProductType,
    ProductVariant,
)
from backend.catalog.search import search_products
from backend.catalog.thumbnails import THUMBNAIL_SIZES
from backend.checkout.models import CartLine, SavedCart
from backend.core.permissions import Perm
from backend.core.viewer import Viewer
from backend.demo.catalog_plan import plan_catalog
from backend.demo.network import DEMO_PASSWORD, ORGANIZATIONS, USERS
from backend.demo.orders import ORDERS as DEMO_ORDERS
from backend.demo.plugins import load_plugin_demos, plugin_demo_loaders
from backend.demo.stock_plan import DemoVariant, Scenario, plan_stock
from backend.orders.models import Order, OrderStatus, OrderType
from backend.orders.people import order_approvers
from inventory.models import (
    Carrier,
    DeliveryRate,
    DeliveryZone,
    IncomingSupply,
    Leftover,
    MovementReason,
    SellerStockSettings,
    StockItem,
    StockMovement,
    Warehouse,
)
from inventory.zones import ZONES, default_rates, zone_regions
from plugins.credit.models import (
    BankStatementRow,
    CreditAccount,
    Invoice,
    LedgerEntry,
    Payment,
    PaymentAllocation,
    Requisites,
)
from plugins.credit.services.receivables import receivables
from plugins.order_workflow.models import (
    Dispatch,
    ForwardLink,
    ModerationState,
    OrderModeration,
)
from price_rules import engine
from price_rules.models import (
    MapFloor,
    PriceGroup,
    PriceList,
    PriceListAssignment,
    PriceListEntry,
    Promotion,
    ResaleMarkup,
)
from price_rules.services.context import load_price_context

DEMO_README = Path(__file__).resolve().parent.parent / "backend" / "demo" / "README.md"
K = OrganizationKind


def _run_demo() -> str:
    out = io.StringIO()
    call_command("demo", stdout=out)
    return out.getvalue()


def _snapshot() -> dict[str, tuple[int, int | None]]:
    """(row count, highest id) of every table the demo writes."""
    models = [Organization, User, Membership, Category, Attribute, AttributeValue, ProductType,
              Product, ProductVariant, ProductImage, Product.attribute_values.through,
              ProductVariant.attribute_values.through, PriceGroup, PriceList, PriceListEntry,
              PriceListAssignment, ResaleMarkup, Promotion, MapFloor, Warehouse, StockItem,
              IncomingSupply, StockMovement, Leftover, Carrier, DeliveryZone, DeliveryRate,
              SellerStockSettings, CreditAccount, Invoice, Payment, LedgerEntry,
              PaymentAllocation, Requisites, BankStatementRow]
    return {m._meta.db_table: (m.objects.count(),
                               m.objects.order_by("-pk").values_list("pk", flat=True).first())
            for m in models}


@pytest.mark.django_db
def test_demo_loads_the_network_and_catalog_once(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"

    _run_demo()
    after_first = _snapshot()
    second_output = _run_demo()

    assert _snapshot() == after_first
    assert "nothing changed" in second_output
    _assert_network()
    _assert_users()
    _assert_catalog()
    _assert_images_are_stored(settings.MEDIA_ROOT)
    _assert_search_works()
    _assert_prices()
    _assert_warehouses()
    _assert_stock()
    _assert_delivery()
    _assert_orders()
    _assert_notifications()


def _assert_notifications() -> None:
    """The demo's order events are in-app notifications (never e-mailed): the approver
    of the order waiting for approval has it unread; old ones are read."""
    from plugins.notifications.models import EmailDelivery, Notification

    waiting = Notification.objects.get(recipient__email="subdealer1.approver@demo.local",
                                       event_type="APPROVAL_REQUESTED",
                                       order__status=OrderStatus.AWAITING_APPROVAL)
    assert waiting.read_at is None and waiting.created_at < timezone.now()
    assert Notification.objects.filter(read_at__isnull=False).exists()
    assert not EmailDelivery.objects.exists()


def _assert_orders() -> None:
    # The workflow's demo forwards one sub-dealer order as a dealer's order of its own
    # (plugins/order_workflow/demo.py): the demo's placed orders are the others.
    forwarded = Order.objects.filter(idempotency_key__startswith="demo-forward-")
    orders = Order.objects.exclude(pk__in=forwarded)
    assert orders.count() == len(DEMO_ORDERS)
    assert set(orders.values_list("order_type", flat=True)) == set(OrderType.values)
    assert orders.filter(on_behalf=True).count() == 1
    assert orders.filter(delivery_method="PICKUP").count() == 1
    assert {o.buyer.kind for o in orders.select_related("buyer")} == {K.DEALER, K.SUB_DEALER}
    assert not orders.filter(lines=None).exists()
    # a forwarded order's stock comes from the manufacturer: it holds none of its own
    sources = ForwardLink.objects.values("source_order_id")
    assert not orders.exclude(pk__in=sources).filter(shipments=None).exists()
    dates = sorted(orders.values_list("placed_at", flat=True))
    assert dates[-1] - dates[0] > timedelta(days=60)
    assert dates[-1] <= timezone.now()
    limited = Membership.objects.get(user__email="subdealer1.buyer@demo.local")
    assert limited.spending_limit == Decimal("50000")
    [waiting] = orders.filter(status=OrderStatus.AWAITING_APPROVAL)
    assert (waiting.placed_by, waiting.buyer) == (limited.user, limited.organization)
    assert waiting.grand_total_gross > limited.spending_limit
    approver = User.objects.get(email="subdealer1.approver@demo.local")
    assert [u.email for u in order_approvers(waiting.buyer_id, waiting.placed_by_id)] == [
        approver.email]
    [rejected] = orders.filter(status=OrderStatus.REJECTED)
    assert rejected.decided_by == approver and rejected.decision_comment
    assert orders.filter(decided_by=approver, status=OrderStatus.PLACED).count() == 1
    assert not orders.exclude(status=OrderStatus.REJECTED).exclude(pk__in=sources).filter(
        shipments__lines=None).exists()
    _assert_workflow()
    _assert_credit()
    saved = SavedCart.objects.get()
    assert saved.shared and saved.lines.count() == 6
    assert not CartLine.objects.exists()  # every demo cart was placed


def _assert_workflow() -> None:
    """plugins/order_workflow/demo.py: a few orders taken further, the others SUBMITTED."""
    states = Counter(OrderModeration.objects.values_list("state", flat=True))
    assert states[ModerationState.ON_MODERATION] == 1
    assert states[ModerationState.AWAITING_BUYER] == 1
    assert states[ModerationState.CONFIRMED] == 3  # partly shipped, ready, forwarded
    assert states[ModerationState.SUBMITTED] >= 8
    ready = OrderModeration.objects.get(
        order__buyer__memberships__user__email="subdealer1.buyer@demo.local",
        state=ModerationState.CONFIRMED)
    assert not ForwardLink.objects.filter(source_order=ready.order_id).exists()
    [forwarded] = Order.objects.filter(idempotency_key__startswith="demo-forward-")
    assert forwarded.buyer.kind == K.DEALER and forwarded.seller.parent_id is None
    assert ForwardLink.objects.filter(forwarded_order=forwarded).exists()
    assert Dispatch.objects.count() == 1


def _assert_credit() -> None:
    """plugins/credit/demo.py: an account for every dealer and sub-dealer, each policy,
    invoices of the confirmed orders (one overdue, partly paid), an advance, a bank
    statement row left unmatched, the factory's admin managing credit."""
    accounts = CreditAccount.objects.select_related("buyer", "seller")
    assert {a.buyer.kind for a in accounts} == {K.DEALER, K.SUB_DEALER}
    assert accounts.count() == Organization.objects.filter(
        kind__in=(K.DEALER, K.SUB_DEALER)).count()
    assert all(a.seller_id == a.buyer.parent_id for a in accounts)
    assert {a.over_limit_policy for a in accounts} == {"REFUSE", "MODERATE", "CARD"}
    assert len({a.credit_limit for a in accounts}) >= 6
    assert Requisites.objects.filter(organization__kind=K.MANUFACTURER).exists()
    assert Requisites.objects.filter(organization__kind=K.DEALER).count() == 3
    staff = User.objects.get(email="admin@demo.local")
    viewer = Viewer(user=staff, organization=None,
                    staff_permissions=staff.granted_staff_permissions())
    assert Perm.MANAGE_CREDIT.value in staff.staff_permissions
    rows = {row.client_name: row.figures for row in receivables(viewer, {}, None)[0:100]}
    dealer1 = rows["Столичный дом красок"]
    assert dealer1.figures.overdue > 0 and dealer1.figures.overdue_days > 30
    assert dealer1.last_payment_on is not None
    assert Invoice.objects.filter(status="OVERDUE").count() == 0  # partly paid, overdue
    assert Invoice.objects.filter(status="PARTIALLY_PAID").count() == 2
    assert Invoice.objects.filter(status="PAID").count() == 1
    assert rows["ДомТорг Зеленоград"].figures.due_this_week > 0
    assert rows["Невский Дом"].figures.advance == Decimal("50000.00")
    refusing = rows["Гатчина-Ремонт"].figures
    assert refusing.credit_limit == Decimal("10000")
    assert refusing.available < 0  # its next order is refused
    [unmatched] = BankStatementRow.objects.filter(state="UNMATCHED")
    assert unmatched.statement.seller.kind == K.MANUFACTURER


def _assert_network() -> None:
    kinds = dict(Organization.objects.values_list("kind").annotate(n=Count("id")))
    assert kinds == {K.MANUFACTURER: 1, K.DEALER: 3, K.SUB_DEALER: 6, K.END_CLIENT: 4}
    factory = Organization.objects.get(kind=K.MANUFACTURER)
    for org in Organization.objects.select_related("parent"):
        assert is_valid_inn(org.inn), org
        assert org.kpp == "" or kpp_error(org.kpp) is None, org
        assert (org.currency, org.status, org.country) == ("RUB", "ACTIVE", "RU")
        if org.parent is None:
            assert org == factory
            continue
        assert org.path.startswith(org.parent.path)
        assert org.depth == org.parent.depth + 1
    dealers = Organization.objects.filter(kind=K.DEALER)
    assert {d.parent_id for d in dealers} == {factory.pk}
    assert len({d.region for d in dealers}) == 3
    for dealer in dealers:
        assert dealer.children.filter(kind=K.SUB_DEALER).count() == 2
    assert not Organization.objects.filter(kind=K.END_CLIENT).exclude(
        parent__kind=K.SUB_DEALER).exists()


def _assert_users() -> None:
    assert set(Membership.objects.values_list("role", flat=True)) == set(Role.values)
    admin = User.objects.get(email="admin@demo.local")
    assert admin.is_staff and admin.is_superuser
    assert admin.granted_staff_permissions() == frozenset(Perm)
    assert admin.check_password(DEMO_PASSWORD)
    manager = User.objects.get(email="manager@demo.local")
    assert manager.is_staff and not manager.is_superuser
    assert sorted(manager.staff_permissions) == ["MANAGE_CATALOG", "VIEW_ALL"]
    buyer = User.objects.get(email="subdealer4.buyer@demo.local")
    assert buyer.check_password(DEMO_PASSWORD) and not buyer.is_staff
    dealer1_roles = set(Membership.objects.filter(
        organization__name="Столичный дом красок", user__email__startswith="dealer1.",
    ).values_list("role", flat=True))
    assert dealer1_roles == set(Role.values)
    for org in Organization.objects.filter(kind__in=[K.DEALER, K.SUB_DEALER]):
        assert org.memberships.filter(role=Role.BUYER).exists(), org
    multi = Membership.objects.filter(user__email="multi@demo.local")
    assert sorted(multi.values_list("organization__kind", "role")) == [
        (K.DEALER, Role.BUYER), (K.SUB_DEALER, Role.BUYER)]


def _assert_catalog() -> None:
    assert Product.objects.count() == 300
    assert ProductVariant.objects.count() == 1500
    assert ProductVariant.objects.values("sku").distinct().count() == 1500
    assert not Product.objects.annotate(n=Count("variants")).exclude(n=5).exists()
    assert 25 <= Category.objects.count() <= 35
    assert set(Category.objects.values_list("depth", flat=True)) == {0, 1, 2}
    assert 4 <= ProductType.objects.count() <= 6
    assert set(Attribute.objects.values_list("input_type", flat=True)) >= {"DROPDOWN",
                                                                          "NUMERIC"}
    assert not ProductVariant.objects.filter(attribute_values=None).exists()
    assert not Product.objects.filter(attribute_values=None).exists()
    assert Product.objects.filter(samples_available=True).exists()
    assert Product.objects.filter(preorder_allowed=True).exists()
    assert Product.objects.filter(preorder_allowed=False).exists()
    assert ProductVariant.objects.filter(sku="KR-FAS-0001-10L").exists()


def _assert_images_are_stored(media_root: Path) -> None:
    images = list(ProductImage.objects.all())
    assert len(images) == 300
    assert len({i.product_id for i in images}) == 300
    for image in images:
        assert default_storage.exists(image.image.name)
        assert (media_root / image.image.name).is_file()
        assert set(image.thumbnails) == {str(size) for size in THUMBNAIL_SIZES}
        for name in image.thumbnails.values():
            assert default_storage.exists(name)


def _assert_search_works() -> None:
    assert not Product.objects.filter(search_document="").exists()
    product = Product.objects.get(variants__sku="KR-FAS-0001-10L")
    assert "kr-fas-0001-10l" in product.search_document
    found = search_products(Product.objects.all(), "краски фасадные")
    assert found.filter(pk=product.pk).exists()
    assert search_products(Product.objects.all(), "KR-FAS-0001").filter(pk=product.pk).exists()


# One SKU of each kind of goods: paint, door, oil, socket, window, moulding.
PRICED_SKUS = ("KR-FAS-0001-0.9L", "DV-SHP-0001-600X2000", "SM-MOT-0001-1L",
               "EL-ROZ-0001-AL", "OK-1ST-0001-1200X1400", "DK-MOL-0001-AN")


def _assert_prices() -> None:
    """Every organization a demo login buys for sees a price for each kind of goods, in a
    believable range, and no two organizations see the same prices; the factory buys from
    nobody."""
    variants = list(ProductVariant.objects.filter(sku__in=PRICED_SKUS).order_by("sku"))
    assert len(variants) == len(PRICED_SKUS)
    assert PriceListEntry.objects.filter(price_list__is_base=True).values(
        "variant_id").distinct().count() == ProductVariant.objects.count()
    today = timezone.localdate()
    seen: dict[tuple, str] = {}
    for organization in Organization.objects.filter(memberships__isnull=False).distinct():
        context = load_price_context(organization, [v.id for v in variants], today)
        prices = engine.resolve_many(context, [engine.Line(v.id, v.min_order_quantity)
                                               for v in variants])
        if organization.parent_id is None:
            assert prices == (None,) * len(variants)
            continue
        assert all(p is not None and Decimal(100) < p.unit_gross < Decimal(100_000)
                   for p in prices), (organization.name, prices)
        vector = tuple(p.unit_gross for p in prices)
        assert vector not in seen, (organization.name, seen.get(vector))
        seen[vector] = organization.name
    assert len(seen) == 13  # 3 dealers, 6 sub-dealers, 4 end clients
    assert Promotion.objects.count() >= 2 and MapFloor.objects.exists()
    assert not PriceList.objects.filter(below_floor_since__isnull=False).exists()


def test_demo_plan_has_the_documented_size():
    plan = plan_catalog()

    assert len(plan.products) == 300
    assert plan.variant_count == 1500
    assert len({v.sku for p in plan.products for v in p.variants}) == 1500
    assert len({p.slug for p in plan.products}) == 300


def test_demo_readme_lists_every_demo_login():
    readme = DEMO_README.read_text(encoding="utf-8")

    assert DEMO_PASSWORD in readme
    for user in USERS:
        assert f"`{user.email}`" in readme, user.email
    for org in ORGANIZATIONS:
        assert org.name in readme, org.name


# --- plugins ship their own demo data ------------------------------------------------------

@pytest.mark.django_db
def test_each_plugin_loads_its_own_demo_data_once(settings):
    settings.PLUGINS = ["tests.plugin_fixtures.first", "plugins.dealer_network"]
    from plugins.dealer_network import demo as dealer_network_demo
    from plugins.dealer_network.models import PartnerApplication

    assert plugin_demo_loaders() == [("plugins.dealer_network", dealer_network_demo.load_demo)]
    assert load_plugin_demos() == 9
    assert load_plugin_demos() == 0
    assert sorted(PartnerApplication.objects.values_list("email", flat=True)) == [
        "partner.flood1@demo.local", "partner.flood2@demo.local", "partner.flood3@demo.local",
        "partner.flood4@demo.local", "partner.flood5@demo.local", "partner.flood6@demo.local",
        "partner1@demo.local", "partner2@demo.local", "partner3@demo.local"]
    last = PartnerApplication.objects.get(email="partner.flood6@demo.local")
    assert [f["code"] for f in last.flags] == ["SIMILAR_NAME"] * 5


def test_a_plugin_without_a_demo_module_has_no_demo_data(settings):
    settings.PLUGINS = ["tests.plugin_fixtures.first"]

    assert plugin_demo_loaders() == []


def _assert_warehouses() -> None:
    """3 factories and 5 regional warehouses of the manufacturer, a stock center for each
    dealer and one sub-dealer; official region names, coordinates; who sees what."""
    warehouses = list(Warehouse.objects.select_related("owner"))
    kinds = Counter((w.kind, w.owner.kind) for w in warehouses)
    assert kinds == {("FACTORY", K.MANUFACTURER): 3, ("REGIONAL", K.MANUFACTURER): 5,
                     ("STOCK_CENTER", K.DEALER): 3, ("STOCK_CENTER", K.SUB_DEALER): 1}
    assert {"Владивосток", "Краснодар", "Москва"} <= {w.city for w in warehouses
                                                      if w.kind == "REGIONAL"}
    for w in warehouses:
        assert russian_region(w.region) is not None and russian_region(w.region).name == w.region
        assert w.latitude is not None and w.longitude is not None
    own = [w for w in warehouses if w.owner.kind == K.MANUFACTURER]
    assert Counter(w.display for w in own) == {"EXACT": 7, "BANDS": 1}
    assert Counter(w.network_display for w in own) == {"HIDDEN": 7, "BANDS": 1}
    shared = {w.owner.name: w.shared_with_network for w in warehouses if w.kind == "STOCK_CENTER"}
    assert shared["Столичный дом красок"] and not shared["Невский Дом"]
    assert shared["Подмосковный строитель"]


def _stock_places() -> tuple[dict[int, dict[str, Decimal]], dict[int, list]]:
    """variant -> {warehouse code: on hand > 0}; variant -> its incoming supply."""
    stock: dict[int, dict[str, Decimal]] = {}
    for variant, code, on_hand in StockItem.objects.filter(on_hand__gt=0).values_list(
            "variant_id", "warehouse__code", "on_hand"):
        stock.setdefault(variant, {})[code] = on_hand
    supply: dict[int, list] = {}
    for row in IncomingSupply.objects.values_list("variant_id", "warehouse__code",
                                                  "quantity", "expected_date"):
        supply.setdefault(row[0], []).append(row[1:])
    return stock, supply


def _assert_stock() -> None:
    stock, supply = _stock_places()
    variants = set(ProductVariant.objects.values_list("pk", flat=True))
    preorder = set(ProductVariant.objects.filter(product__preorder_allowed=True)
                   .values_list("pk", flat=True))
    far_only = {v for v, places in stock.items() if set(places) == {"R-VVO"}}
    supply_only = {v for v in supply if v not in stock}
    nowhere = variants - set(stock) - set(supply)
    # An order of 15 (order multiples) from Moscow or Krasnodar alone falls short; from
    # both it is covered.
    multiples = dict(ProductVariant.objects.values_list("pk", "order_multiple"))
    split = {v for v, places in stock.items() if set(places) == {"R-KRD", "R-MSK"}
             and max(places.values()) < 15 * multiples[v] <= sum(places.values())}
    several = {v for v, places in stock.items() if len(places) >= 3}
    assert min(len(far_only), len(supply_only), len(nowhere)) >= 50
    assert len(split) >= 100 and len(several) >= 1000
    assert supply_only & preorder and supply_only - preorder
    today = timezone.localdate()
    for v in supply_only:
        assert all(0 < (expected - today).days <= 60 for _, _, expected in supply[v])
    # Every stock row is explained by its movements: a receipt, and a few corrections (the
    # demo orders' allocations and pre-orders move no goods: on hand stays).
    rows = dict(((w, v), q) for w, v, q in StockItem.objects.values_list(
        "warehouse_id", "variant_id", "on_hand"))
    explained: dict[tuple[int, int], Decimal] = {}
    moved = StockMovement.objects.exclude(on_hand_delta=0)
    for w, v, delta in moved.values_list("warehouse_id", "variant_id", "on_hand_delta"):
        explained[(w, v)] = explained.get((w, v), Decimal(0)) + delta
    assert explained == {key: rows[key] for key in explained}
    assert {key for key, on_hand in rows.items() if on_hand} <= set(explained)
    reasons = Counter(StockMovement.objects.values_list("reason", flat=True))
    assert reasons[MovementReason.ADJUSTMENT] >= 5
    assert reasons[MovementReason.RECEIPT] == moved.values(
        "warehouse", "variant").distinct().count()
    # Quotes need every variant's weight and volume.
    assert not ProductVariant.objects.filter(weight_kg__isnull=True).exists()
    assert not ProductVariant.objects.filter(volume_m3__isnull=True).exists()
    leftovers = Leftover.objects.filter(is_published=True)
    assert leftovers.count() >= 5
    assert {o.warehouse.owner.name for o in leftovers} == {"Столичный дом красок"}
    assert not [o for o in leftovers if o.quantity is not None
                and o.quantity > rows[(o.warehouse_id, o.variant_id)]]


def _assert_delivery() -> None:
    zones = list(DeliveryZone.objects.all())
    covered = Counter(region for zone in zones for region in zone.regions)
    assert covered == {region.name: 1 for region in RUSSIAN_REGIONS}
    carriers = Carrier.objects.count()
    assert carriers >= 3
    pairs = Counter(DeliveryRate.objects.values_list("origin_zone", "destination_zone"))
    assert len(pairs) == len(zones) ** 2 and set(pairs.values()) == {carriers}
    strategies = dict(SellerStockSettings.objects.values_list("organization__name", "strategy"))
    assert strategies == {"Завод «Волга-Декор»": "NEAREST",
                          "Столичный дом красок": "FEWEST_SHIPMENTS"}


def test_the_default_zoning_puts_every_region_in_one_zone():
    regions = [name for names in zone_regions().values() for name in names]
    assert sorted(regions) == sorted(region.name for region in RUSSIAN_REGIONS)
    assert len(regions) == 89
    rates = default_rates()
    assert {(r.origin, r.destination) for r in rates} == {(a, b) for a in ZONES for b in ZONES}
    for rate in rates:
        assert rate.per_kg > 0 and rate.per_m3 > 0 and rate.min_charge > 0
        assert 1 <= rate.transit_days <= 12
    far = [r for r in rates if r.carrier == "DELLIN" and r.destination == "Дальний Восток"]
    near = {r.origin: r for r in far}
    assert near["Центр"].transit_days > near["Сибирь"].transit_days > 1
    assert near["Центр"].per_kg > near["Сибирь"].per_kg


def test_the_stock_plan_is_the_same_on_every_load():
    variants = [DemoVariant(n, f"KR-FAS-{n:04d}", Decimal(1)) for n in range(1, 301)]
    today = timezone.localdate()
    first, second = plan_stock(variants, today), plan_stock(variants, today)
    assert first.stock == second.stock and first.supply == second.supply
    assert set(first.scenarios.values()) == set(Scenario)
