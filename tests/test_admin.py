"""The Django admin: every model of the accounts, catalog, price rules, inventory and dealer
network apps has working pages.

A new model without an admin, or an admin page that breaks (a wrong field name, a search on
a field that cannot be searched), fails here. The changelists must not run a query per row.
"""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from django.apps import apps
from django.contrib import admin
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from PIL import Image

from backend.accounts.inn import complete_inn
from backend.accounts.models import CustomRole, Organization, StaffAssignment, User
from backend.accounts.regions import RUSSIAN_REGIONS
from backend.accounts.services.members import invite_member
from backend.accounts.tokens import issue_tokens
from backend.catalog.models import (
    Attribute,
    AttributeValue,
    Category,
    Product,
    ProductImage,
    ProductVariant,
)
from backend.catalog.services.products import add_product_image
from backend.checkout.models import (
    Cart,
    CartLine,
    OrderFile,
    OrderFileMapping,
    SavedCart,
    SavedCartLine,
)
from backend.orders.models import Order, OrderNumberCounter, PaymentStatus
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
from plugins.dealer_network.services import ApplicationData, submit_application
from tests.fixtures.prices import create_price_rules
from tests.orders_world import make_order

ADMIN_APPS = ("accounts", "catalog", "price_rules", "inventory", "dealer_network", "orders",
              "checkout")
REGISTERED = sorted(
    (model for model in admin.site._registry if model._meta.app_label in ADMIN_APPS),
    key=lambda model: model._meta.label,
)


def url(model, view: str, *args) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def png(name: str = "door.png", size=(40, 30)) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 120, 40)).save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


@pytest.fixture
def superuser(db):
    return User.objects.create_superuser(email="root@factory.test", password="pw-0123456789")


@pytest.fixture
def staff_client(client, superuser):
    client.force_login(superuser)
    return client


@pytest.fixture
def grow(network, make_org, make_user, make_category, make_product, product_type):
    """Adds one more of everything the admin lists; called once per data size."""
    counter = iter(range(1, 1000))

    def add() -> None:
        n = next(counter)
        region = RUSSIAN_REGIONS[n].name
        dealer = make_org(f"Дилер {n}", parent=network["factory"], region=region)
        sub_dealer = make_org(f"Субдилер {n}", kind="SUB_DEALER", parent=dealer)
        user = make_user(f"buyer{n}@dealer.test", dealer)
        make_user(f"viewer{n}@dealer.test", sub_dealer, role="VIEWER")
        role = CustomRole.objects.create(organization=dealer, name=f"Закупщик {n}",
                                         permissions=["PLACE_ORDERS"])
        invite_member(dealer, f"new{n}@dealer.test", custom_role=role, invited_by=user)
        manager = make_user(f"manager{n}@factory.test", is_staff=True)
        StaffAssignment.objects.create(user=manager, organization=dealer)
        submit_application(ApplicationData(
            company_name=f"Партнёр {n}", legal_name=f"ООО «Партнёр {n}»",
            inn=complete_inn(f"{500_000_000 + n}"), region=region,
            contact_first_name="Анна", email=f"partner{n}@example.test"))
        issue_tokens(user)
        category = make_category(f"Категория {n}", parent=make_category(f"Раздел {n}"))
        product = make_product(f"Товар {n}", category, variants=2, colors=("white",),
                               sku_prefix=f"G{n}")
        add_product_image(product, png(f"p{n}.png"))
        attribute = Attribute.objects.create(name=f"Свойство {n}", slug=f"prop-{n}")
        AttributeValue.objects.create(attribute=attribute, name="Да", slug="yes")
        create_price_rules(network["factory"], dealer, sub_dealer, product.variants.first(),
                           category, product, suffix=f" {n}")
        create_stock_rows(n, network["factory"], dealer, product.variants.first(), user)
        create_order_rows(n, dealer, list(product.variants.all()), user)

    return add


def create_stock_rows(n: int, factory, dealer, variant, user) -> None:
    """One of each inventory row: a warehouse of the factory and a dealer's stock center,
    stock, supply, a movement, a leftover, a carrier, two zones and a rate between them."""
    regional = Warehouse.objects.create(owner=factory, kind="REGIONAL", code=f"R-{n}",
                                        name=f"Склад {n}", region="Москва")
    center = Warehouse.objects.create(owner=dealer, kind="STOCK_CENTER", code=f"SC-{n}",
                                      name=f"Сток-центр {n}", region=dealer.region)
    for warehouse in (regional, center):
        StockItem.objects.create(warehouse=warehouse, variant=variant, on_hand=10,
                                 allocated=2)
        StockMovement.objects.create(warehouse=warehouse, variant=variant, user=user,
                                     reason=MovementReason.RECEIPT, on_hand_delta=10,
                                     on_hand_after=10, allocated_after=0)
    IncomingSupply.objects.create(warehouse=regional, variant=variant, quantity=5,
                                  expected_date="2030-01-01", reference=f"ПЗ-{n}")
    Leftover.objects.create(warehouse=center, variant=variant, discount_percent=10,
                            created_by=user)
    carrier = Carrier.objects.create(code=f"C{n}", name=f"Перевозчик {n}")
    origin = DeliveryZone.objects.create(name=f"Зона {n}", regions=[f"Регион {n}"])
    destination = DeliveryZone.objects.create(name=f"Зона {n}Б", regions=[])
    DeliveryRate.objects.create(carrier=carrier, origin_zone=origin,
                                destination_zone=destination, per_kg=10, transit_days=2)
    SellerStockSettings.objects.create(organization=dealer, strategy="FEWEST_SHIPMENTS")


def create_order_rows(n: int, dealer, variants, user) -> None:
    """An order with its lines, a shipment and an event; a cart, a saved cart and an
    uploaded order file with its remembered mapping."""
    make_order(dealer, user, variants, warehouse=Warehouse.objects.get(code=f"R-{n}"),
               carrier=Carrier.objects.get(code=f"C{n}"))
    OrderNumberCounter.objects.get_or_create(seller=dealer.parent, year=2026 + n)
    cart = Cart.objects.create(user=user, buyer=dealer)
    CartLine.objects.create(cart=cart, variant=variants[0], quantity=2)
    saved = SavedCart.objects.create(organization=dealer, owner=user, name=f"Список {n}")
    SavedCartLine.objects.create(saved_cart=saved, variant=variants[0], quantity=3)
    OrderFile.objects.create(user=user, buyer=dealer, filename=f"заказ-{n}.xlsx",
                             sheets=[{"name": "Лист1", "header_row": 0, "rows": [["SKU"]]}])
    OrderFileMapping.objects.create(organization=dealer, header_signature=f"sig-{n}",
                                    mapping={"sku": 0, "quantity": 1})


def test_every_model_has_an_admin():
    for app_label in ADMIN_APPS:
        for model in apps.get_app_config(app_label).get_models():
            assert model in admin.site._registry, f"{model._meta.label} has no admin"


@pytest.mark.parametrize("model", REGISTERED, ids=lambda model: model._meta.label)
def test_admin_pages_answer(model, staff_client, superuser, grow, rf):
    grow()
    assert model._default_manager.exists(), "the fixture data should cover every model"

    assert staff_client.get(url(model, "changelist")).status_code == 200
    model_admin = admin.site._registry[model]
    if model_admin.get_search_fields(rf.get("/")):
        assert staff_client.get(url(model, "changelist"), {"q": "1 a"}).status_code == 200

    request = rf.get("/")
    request.user = superuser
    add = staff_client.get(url(model, "add"))
    assert add.status_code == (200 if model_admin.has_add_permission(request) else 403)

    obj = model._default_manager.order_by("pk").last()
    assert staff_client.get(url(model, "change", obj.pk)).status_code == 200


@pytest.mark.parametrize("model", REGISTERED, ids=lambda model: model._meta.label)
def test_changelist_queries_do_not_grow_with_rows(model, staff_client, grow):
    grow()
    staff_client.get(url(model, "changelist"))  # warm caches (content types, sessions)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert staff_client.get(url(model, "changelist")).status_code == 200
        return len(queries)

    before = count()
    grow()
    grow()
    assert count() == before


def test_add_user_with_email_login(staff_client):
    response = staff_client.post(url(User, "add"), {
        "email": "New.Buyer@Dealer.Test", "usable_password": "true",
        "password1": "a-long-passphrase-42", "password2": "a-long-passphrase-42",
    })
    assert response.status_code == 302, response.context["adminform"].form.errors
    user = User.objects.get(email="new.buyer@dealer.test")
    assert user.check_password("a-long-passphrase-42")

    again = staff_client.post(url(User, "add"), {
        "email": "NEW.BUYER@dealer.test", "usable_password": "true",
        "password1": "a-long-passphrase-42", "password2": "a-long-passphrase-42",
    })
    assert again.status_code == 200
    assert "email" in again.context["adminform"].form.errors


def test_staff_permissions_are_checkboxes(staff_client, make_user):
    user = make_user("manager@factory.test", is_staff=True)
    page = staff_client.get(url(User, "change", user.pk))
    assert b'type="checkbox" name="staff_permissions" value="MANAGE_CATALOG"' in page.content
    data = {
        "email": user.email, "first_name": "", "last_name": "", "phone": "", "language": "ru",
        "is_active": "on", "is_staff": "on", "staff_permissions": ["MANAGE_CATALOG", "VIEW_ALL"],
        "date_joined_0": "2026-01-01", "date_joined_1": "00:00:00",
    }
    response = staff_client.post(url(User, "change", user.pk), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    user.refresh_from_db()
    assert user.staff_permissions == ["MANAGE_CATALOG", "VIEW_ALL"]


def organization_data(**overrides) -> dict:
    data = {
        "name": "Дилер Гамма", "legal_name": 'ООО "Гамма"', "kind": "DEALER",
        "status": "ACTIVE", "parent": "", "inn": complete_inn("770000001"), "kpp": "",
        "country": "ru", "region": "Тульская область", "address": "", "currency": "rub",
        "memberships-TOTAL_FORMS": "0", "memberships-INITIAL_FORMS": "0",
        "memberships-MIN_NUM_FORMS": "0", "memberships-MAX_NUM_FORMS": "1000",
    }
    data.update(overrides)
    return data


def test_organization_form_applies_the_service_rules(staff_client, network):
    factory = network["factory"]
    bad_inn = staff_client.post(url(Organization, "add"),
                                organization_data(parent=factory.pk, inn="7700000010"))
    assert "inn" in bad_inn.context["adminform"].form.errors

    no_parent = staff_client.post(url(Organization, "add"), organization_data())
    assert "parent" in no_parent.context["adminform"].form.errors

    # A Russian region is a subject on the list (a dealer of «Тула» would serve nobody).
    free_text = staff_client.post(url(Organization, "add"),
                                  organization_data(parent=factory.pk, region="Тула"))
    assert "region" in free_text.context["adminform"].form.errors

    ok = staff_client.post(url(Organization, "add"),
                           organization_data(parent=factory.pk, region="тульская  ОБЛАСТЬ"))
    assert ok.status_code == 302
    org = Organization.objects.get(name="Дилер Гамма")
    assert (org.country, org.currency, org.depth) == ("RU", "RUB", 1)
    assert org.region == "Тульская область"
    assert org.path.startswith(factory.path)

    # Moving the manufacturer's child under its own child would make a cycle.
    dealer = network["dealer_a"]
    cycle = staff_client.post(
        url(Organization, "change", dealer.pk),
        organization_data(name=dealer.name, legal_name=dealer.legal_name, inn=dealer.inn,
                          parent=network["sub_a"].pk),
    )
    assert "parent" in cycle.context["adminform"].form.errors


def inline_management(prefix: str, total: int, initial: int) -> dict:
    return {f"{prefix}-TOTAL_FORMS": str(total), f"{prefix}-INITIAL_FORMS": str(initial),
            f"{prefix}-MIN_NUM_FORMS": "0", f"{prefix}-MAX_NUM_FORMS": "1000"}


def test_product_with_inline_variant_and_image_keeps_derived_data(staff_client, catalog,
                                                                  product_type):
    data = {
        "name": "Эмаль алкидная", "slug": "emal-alkidnaia", "category": catalog["paints"].pk,
        "product_type": product_type.pk, "description": "", "is_published": "on",
        **inline_management("variants", 1, 0), **inline_management("images", 1, 0),
        "variants-0-sku": "EM-ALK-01", "variants-0-name": "0,9 кг", "variants-0-unit": "PCS",
        "variants-0-pack_size": "1", "variants-0-min_order_quantity": "4",
        "variants-0-order_multiple": "2", "variants-0-sort_order": "0",
        "images-0-image": png(), "images-0-alt": "Банка", "images-0-sort_order": "0",
    }
    response = staff_client.post(url(Product, "add"), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    product = Product.objects.get(slug="emal-alkidnaia")
    assert product.variants.get().min_order_quantity == Decimal(4)
    assert "em-alk-01" in product.search_document  # the SKU became searchable
    image = product.images.get()
    assert set(image.thumbnails) == {"64", "256", "512"}


def test_variant_form_checks_sku_and_quantities(staff_client, catalog):
    product = catalog["door"]
    existing = product.variants.first()
    data = {
        "product": product.pk, "sku": existing.sku.lower(), "name": "", "unit": "PCS",
        "pack_size": "1", "min_order_quantity": "3", "order_multiple": "2", "sort_order": "0",
    }
    response = staff_client.post(url(ProductVariant, "add"), data)
    errors = response.context["adminform"].form.errors
    assert "sku" in errors and "min_order_quantity" in errors

    response = staff_client.post(url(ProductVariant, "add"),
                                 {**data, "sku": "DV-OAK-NEW", "min_order_quantity": "4"})
    assert response.status_code == 302
    product.refresh_from_db()
    assert "dv-oak-new" in product.search_document


def test_image_upload_makes_thumbnails_and_rejects_non_images(staff_client, catalog):
    product = catalog["door"]
    response = staff_client.post(url(ProductImage, "add"), {
        "product": product.pk, "image": png(), "alt": "Дверь", "sort_order": "0",
    })
    assert response.status_code == 302
    assert set(product.images.get().thumbnails) == {"64", "256", "512"}

    not_image = SimpleUploadedFile("door.png", b"not an image", content_type="image/png")
    response = staff_client.post(url(ProductImage, "add"), {
        "product": product.pk, "image": not_image, "alt": "", "sort_order": "0",
    })
    assert "image" in response.context["adminform"].form.errors


def test_category_cannot_move_under_its_own_child(staff_client, catalog):
    paints, facade = catalog["paints"], catalog["facade"]
    response = staff_client.post(url(Category, "change", paints.pk), {
        "name": paints.name, "slug": paints.slug, "parent": facade.pk, "description": "",
        "sort_order": "0",
    })
    assert "parent" in response.context["adminform"].form.errors


@pytest.fixture
def stock_row(network, catalog):
    warehouse = Warehouse.objects.create(owner=network["factory"], kind="REGIONAL",
                                         code="R-MSK", name="Склад Москва", region="Москва")
    return StockItem.objects.create(warehouse=warehouse, variant=catalog["door"].variants.first(),
                                    on_hand=10, allocated=3)


def stock_data(item: StockItem, on_hand: str) -> dict:
    return {"warehouse": item.warehouse_id, "variant": item.variant_id, "on_hand": on_hand}


def test_staff_permission_manage_stock_gates_changes(client, make_user, stock_row):
    """MANAGE_STOCK changes the inventory pages, VIEW_ALL only looks, another staff
    permission sees nothing of them."""
    change = url(StockItem, "change", stock_row.pk)
    stock_manager = make_user("stock@factory.test", is_staff=True,
                              staff_permissions=["MANAGE_STOCK"])
    viewer = make_user("viewer@factory.test", is_staff=True, staff_permissions=["VIEW_ALL"])
    catalog_manager = make_user("catalog@factory.test", is_staff=True,
                                staff_permissions=["MANAGE_CATALOG"])

    client.force_login(catalog_manager)
    assert client.get(url(Warehouse, "changelist")).status_code == 403
    assert client.get(change).status_code == 403

    client.force_login(viewer)
    assert client.get(url(Warehouse, "changelist")).status_code == 200
    assert client.get(url(Warehouse, "add")).status_code == 403
    assert client.post(change, stock_data(stock_row, "12")).status_code == 403

    client.force_login(stock_manager)
    assert client.get(url(DeliveryRate, "add")).status_code == 200
    assert client.post(change, stock_data(stock_row, "12")).status_code == 302
    stock_row.refresh_from_db()
    assert stock_row.on_hand == 12


def test_a_stock_figure_changed_in_the_admin_writes_its_movement(staff_client, superuser,
                                                                   stock_row):
    response = staff_client.post(url(StockItem, "change", stock_row.pk),
                                 {**stock_data(stock_row, "7"), "allocated": "0"})
    assert response.status_code == 302, response.context["adminform"].form.errors

    stock_row.refresh_from_db()
    assert (stock_row.on_hand, stock_row.allocated) == (7, 3)  # what orders hold stays
    movement = StockMovement.objects.get()
    assert (movement.reason, movement.on_hand_delta, movement.on_hand_after,
            movement.allocated_after, movement.user) == (MovementReason.ADJUSTMENT, -3, 7, 3,
                                                         superuser)
    # Saved unchanged: nothing happened, so no movement.
    staff_client.post(url(StockItem, "change", stock_row.pk), stock_data(stock_row, "7"))
    assert StockMovement.objects.count() == 1


def test_movements_are_read_only_even_for_a_superuser(staff_client, stock_row):
    staff_client.post(url(StockItem, "change", stock_row.pk), stock_data(stock_row, "11"))
    movement = StockMovement.objects.get()
    page = staff_client.get(url(StockMovement, "change", movement.pk))
    assert page.status_code == 200 and b'name="_save"' not in page.content
    assert staff_client.get(url(StockMovement, "add")).status_code == 403
    assert staff_client.post(url(StockMovement, "change", movement.pk),
                             {"reason": "RECEIPT"}).status_code == 403
    assert staff_client.post(url(StockMovement, "delete", movement.pk),
                             {"post": "yes"}).status_code == 403
    assert StockMovement.objects.filter(reason=MovementReason.ADJUSTMENT).count() == 1


def test_zones_and_warehouses_take_official_region_names_once(staff_client, network):
    def zone(name: str, regions: str):
        return staff_client.post(url(DeliveryZone, "add"),
                                 {"name": name, "country": "RU", "regions": regions})

    assert "regions" in zone("Центр", "Москва,Тула").context["adminform"].form.errors
    assert zone("Центр", "москва,Тульская  область").status_code == 302
    assert DeliveryZone.objects.get().regions == ["Москва", "Тульская область"]
    taken = zone("Столица", "Москва")
    assert "regions" in taken.context["adminform"].form.errors

    data = {"code": "R-TUL", "name": "Склад Тула", "kind": "REGIONAL",
            "owner": network["factory"].pk, "is_active": "on", "country": "RU",
            "region": "Тула", "city": "Тула", "address": "", "priority": "10",
            "handling_days": "1", "display": "EXACT", "network_display": "HIDDEN"}
    assert "region" in staff_client.post(url(Warehouse, "add"),
                                         data).context["adminform"].form.errors
    assert staff_client.post(url(Warehouse, "add"),
                             {**data, "region": "тульская область"}).status_code == 302
    assert Warehouse.objects.get().region == "Тульская область"


def test_the_sign_in_page_answers_an_anonymous_visitor(client):
    assert client.get(reverse("admin:login")).status_code == 200
    assert client.get(url(Warehouse, "changelist")).status_code == 302  # to the sign-in


def test_an_order_is_read_only_but_its_payment_status_with_an_event(staff_client, network,
                                                                    catalog, make_user):
    buyer = make_user("buyer@alfa.test", network["dealer_a"])
    order = make_order(network["dealer_a"], buyer, list(catalog["door"].variants.all()))
    page = staff_client.get(url(Order, "change", order.pk))
    assert page.status_code == 200
    data = {"seller_number": "1C-42", "payment_status": PaymentStatus.PAID,
            "lines-TOTAL_FORMS": 1, "lines-INITIAL_FORMS": 1,
            "shipments-TOTAL_FORMS": 0, "shipments-INITIAL_FORMS": 0,
            "events-TOTAL_FORMS": 1, "events-INITIAL_FORMS": 1,
            "status": "CANCELLED", "grand_total_gross": "1"}
    response = staff_client.post(url(Order, "change", order.pk), data)
    assert response.status_code == 302, response.content[:2000]
    order.refresh_from_db()
    assert (order.seller_number, order.payment_status) == ("1C-42", PaymentStatus.PAID)
    assert order.status == "PLACED" and order.grand_total_gross != 1  # read-only
    event = order.events.latest("pk")
    assert event.event_type == "UPDATED" and event.user.email == "root@factory.test"
    assert event.before == {"seller_number": "", "payment_status": "UNPAID"}
    assert event.after == {"seller_number": "1C-42", "payment_status": "PAID"}
    assert staff_client.get(url(Order, "add")).status_code == 403
    assert staff_client.post(url(Order, "delete", order.pk)).status_code == 403
