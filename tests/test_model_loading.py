"""Rows load through ``PortalModel.from_db`` (no ``__init__``): the instances must be the
same as Django's own, for every model of the project (found in the app registry: a new
model without a row here fails, naming it). What that relies on, no ``__init__`` override
and no ``pre_init``/``post_init`` receiver, is a system check error."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.apps import apps
from django.core.checks import run_checks
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.db import models
from django.db.models.signals import post_init
from django.test.utils import isolate_apps
from django.utils import timezone

from backend.accounts.models import CustomRole, StaffAssignment
from backend.accounts.services.members import invite_member
from backend.accounts.tokens import issue_tokens
from backend.catalog.models import Product, ProductImage, ProductVariant
from backend.checkout.models import (
    Cart,
    CartLine,
    OrderFile,
    OrderFileMapping,
    SavedCart,
    SavedCartLine,
)
from backend.core.checks import check_row_loading
from backend.core.models import PortalModel, RateCounter
from backend.orders.models import (
    Order,
    OrderEvent,
    OrderLine,
    OrderNumberCounter,
    Shipment,
    ShipmentLine,
)
from inventory.models import Warehouse
from plugins.announcements.models import Announcement, AnnouncementRead
from plugins.credit.models import (
    BankStatementImport,
    BankStatementRow,
    CreditAccount,
    Invoice,
    InvoiceCounter,
    InvoiceLine,
    LedgerEntry,
    Payment,
    PaymentAllocation,
    Requisites,
    StatementComparison,
)
from plugins.dealer_network.models import PartnerApplication, PartnerApplicationEvent
from plugins.notifications.models import EmailDelivery, Notification, NotificationPreference
from plugins.order_workflow.models import (
    AutoConfirmRule,
    DialogueEntry,
    Dispatch,
    DispatchLine,
    ForwardLink,
    LineProposal,
    LineUnits,
    OrderModeration,
)
from plugins.stripe_payments.models import CardPayment, WebhookEvent

pytestmark = pytest.mark.django_db

_django_from_db = models.Model.from_db.__func__


_PROJECT_PACKAGES = ("backend.", "price_rules.", "plugins.")


def _project_models() -> list[type[models.Model]]:
    return [m for m in apps.get_models() if m.__module__.startswith(_PROJECT_PACKAGES)]


def _state(instance):
    return {k: v for k, v in instance.__dict__.items() if k != "_state"}


@pytest.fixture
def rows(catalog, staff_user, network, make_user, price_rules):
    """At least one row of every model of the project, with its optional columns set
    where that is cheap (a new model adds its row here)."""
    ProductImage.objects.create(product=catalog["door"], image="products/door.jpg",
                                alt="Дверь", thumbnails={"64": "products/thumbs/door_64.webp"})
    admin = make_user("admin@dealer-a.test", network["dealer_a"], "ADMIN")
    role = CustomRole.objects.create(organization=network["dealer_a"], name="Склад",
                                     permissions=["VIEW_ORDERS"])
    invite_member(network["dealer_a"], "new@dealer-a.test", custom_role=role,
                  spending_limit=Decimal("1000.00"), invited_by=admin)  # and its audit event
    issue_tokens(admin)  # a refresh token
    StaffAssignment.objects.create(user=staff_user, organization=network["dealer_b"])
    RateCounter.objects.create(key="login:test", count=1,
                               expires_at=timezone.now() + timedelta(minutes=5))
    application = PartnerApplication.objects.create(
        company_name="Ромашка", legal_name="ООО «Ромашка»", inn="7707083893", region="Москва",
        contact_first_name="Анна", email="anna@romashka.test", organization=network["sub_a"],
        flags=[{"code": "DUPLICATE_INN", "message": "…"}])
    PartnerApplicationEvent.objects.create(application=application, actor=staff_user,
                                           to_status="SUBMITTED", note="Принята")
    announcement = Announcement.objects.create(
        author_organization=network["dealer_a"], author=admin, kind="PROMOTION",
        title="Скидка", text="Текст", image="announcements/1/a.png",
        thumbnails={"64": "announcements/1/thumbs/a_64.webp"}, audience_everyone=False,
        audience_regions=["Москва"], publish_at=timezone.now())
    AnnouncementRead.objects.create(announcement=announcement, user=admin)
    _ordering_rows(network, catalog["door"].variants.first(), admin)


def _ordering_rows(network, variant, admin):
    dealer, factory = network["dealer_a"], network["factory"]
    cart = Cart.objects.create(user=admin, buyer=dealer)
    CartLine.objects.create(cart=cart, variant=variant, quantity=Decimal("2"))
    saved = SavedCart.objects.create(organization=dealer, owner=admin, name="Ежемесячно",
                                     shared=True)
    SavedCartLine.objects.create(saved_cart=saved, variant=variant, quantity=Decimal("4"))
    OrderFile.objects.create(user=admin, buyer=dealer, filename="заказ.xlsx",
                             sheets=[{"name": "Лист1", "rows": [["Артикул", "Кол-во"]]}])
    OrderFileMapping.objects.create(organization=dealer, header_signature="abc",
                                    mapping={"sku": 0, "quantity": 1})
    OrderNumberCounter.objects.create(seller=factory, year=2026, last=1)
    order = Order.objects.create(
        seller=factory, buyer=dealer, year=2026, serial=1, status="PLACED", placed_by=admin,
        placed_as=dealer, idempotency_key="k-1", currency="RUB", vat_rate=Decimal("20"),
        subtotal_net=Decimal("100"), total_net=Decimal("100"), total_vat=Decimal("20"),
        total_gross=Decimal("120"), grand_total_gross=Decimal("120"),
        placed_at=timezone.now())
    line = OrderLine.objects.create(
        order=order, position=1, variant=variant, sku=variant.sku, name="Дверь", unit="PCS",
        quantity=Decimal("2"), unit_net=Decimal("50"), unit_gross=Decimal("60"),
        list_net=Decimal("50"), total_net=Decimal("100"), total_gross=Decimal("120"),
        price_breakdown={"list": 1})
    warehouse = Warehouse.objects.create(owner=factory, kind="REGIONAL", code="R-ORD",
                                         name="Склад", region="Москва")
    shipment = Shipment.objects.create(order=order, position=1, warehouse=warehouse,
                                       currency="RUB", ship_date=timezone.localdate(),
                                       cost_net=Decimal("10"))
    ShipmentLine.objects.create(shipment=shipment, order_line=line, quantity=Decimal("2"))
    event = OrderEvent.objects.create(order=order, event_type="PLACED", user=admin,
                                      acting_as=dealer, after={"status": "PLACED"})
    _notification_rows(order, event, admin)
    OrderModeration.objects.create(order=order, seller=factory, state="ON_MODERATION",
                                   moderator=admin, submitted_at=timezone.now())
    LineUnits.objects.create(line=line, order=order, pending=Decimal("1"), ready=Decimal("1"))
    proposal = LineProposal.objects.create(order=order, line=line, kind="QUANTITY",
                                           quantity=Decimal("1"), proposed_by=admin,
                                           before={"quantity": "2"})
    DialogueEntry.objects.create(order=order, kind="PROPOSAL", side="SELLER", author=admin,
                                 author_organization=factory, proposal=proposal)
    dispatch = Dispatch.objects.create(order=order, warehouse=warehouse, carrier_name="ПЭК",
                                       shipped_at=timezone.now(), created_by=admin)
    DispatchLine.objects.create(dispatch=dispatch, line=line, quantity=Decimal("1"))
    forwarded = Order.objects.create(
        seller=factory, buyer=dealer, year=2026, serial=2, status="PLACED", placed_by=admin,
        idempotency_key="k-2", currency="RUB", vat_rate=Decimal("20"),
        subtotal_net=Decimal("100"), total_net=Decimal("100"), total_vat=Decimal("20"),
        total_gross=Decimal("120"), grand_total_gross=Decimal("120"),
        placed_at=timezone.now())
    forwarded_line = OrderLine.objects.create(
        order=forwarded, position=1, variant=variant, sku=variant.sku, name="Дверь",
        unit="PCS", quantity=Decimal("2"), unit_net=Decimal("50"), unit_gross=Decimal("60"),
        list_net=Decimal("50"), total_net=Decimal("100"), total_gross=Decimal("120"))
    ForwardLink.objects.create(source_line=line, source_order=order,
                               forwarded_line=forwarded_line, forwarded_order=forwarded,
                               quantity=Decimal("2"))
    AutoConfirmRule.objects.create(seller=forwarded.seller, name="До 10 000",
                                   max_total=Decimal("10000")).buyers.add(order.buyer)
    _credit_rows(order, line, admin)


def _credit_rows(order, line, admin):
    account = CreditAccount.objects.create(buyer=order.buyer, seller=order.seller,
                                           credit_limit=Decimal("5000"), net_days=14,
                                           updated_by=admin)
    InvoiceCounter.objects.create(seller=order.seller, year=2026, last=1)
    today = timezone.localdate()
    invoice = Invoice.objects.create(
        account=account, seller=order.seller, buyer=order.buyer, order=order, year=2026,
        serial=1, issued_on=today, due_on=today + timedelta(days=14), currency="RUB",
        vat_rate=Decimal("22"), total_net=Decimal("100"), total_vat=Decimal("22"),
        total_gross=Decimal("122"), created_by=admin)
    InvoiceLine.objects.create(invoice=invoice, position=1, order_line=line, sku=line.sku,
                               name=line.name, unit="PCS", quantity=Decimal("2"),
                               unit_price_net=Decimal("50"), total_net=Decimal("100"),
                               total_vat=Decimal("22"), total_gross=Decimal("122"))
    payment = Payment.objects.create(account=account, method="BANK_TRANSFER", source="MANUAL",
                                     amount=Decimal("50"), currency="RUB", received_on=today,
                                     reference="117", invoice=invoice, created_by=admin)
    PaymentAllocation.objects.create(payment=payment, invoice=invoice, amount=Decimal("50"))
    LedgerEntry.objects.create(account=account, kind="INVOICE", amount=Decimal("122"),
                               occurred_on=today, invoice=invoice)
    LedgerEntry.objects.create(account=account, kind="PAYMENT", amount=Decimal("-50"),
                               occurred_on=today, payment=payment)
    statement = BankStatementImport.objects.create(seller=order.seller, file_name="1c.txt",
                                                   format="ONE_C", uploaded_by=admin)
    BankStatementRow.objects.create(statement=statement, position=1, doc_number="117",
                                    doc_date=today, amount=Decimal("50"), payer_inn="7707083893",
                                    fingerprint="f-1", state="MATCHED", account=account,
                                    invoice=invoice, payment=payment, matched_by=admin)
    StatementComparison.objects.create(account=account, period_start=today, period_end=today,
                                       file_name="акт.xlsx", file="credit/statements/a.xlsx",
                                       uploaded_by=admin, result={"lines": []})
    Requisites.objects.create(organization=order.seller, bank_name="Банк", bik="044525225")
    card = CardPayment.objects.create(intent_id="pi_test_1", account=account, invoice=invoice,
                                      amount=Decimal("72"), currency="RUB", created_by=admin)
    WebhookEvent.objects.create(event_id="evt_test_1", event_type="payment_intent.created",
                                intent_id=card.intent_id, outcome="ignored")


def _notification_rows(order, event, admin):
    Notification.objects.create(recipient=admin, event=event, order=order,
                                event_type="PLACED", topic="ORDER_MODERATION",
                                texts={"ru": {"title": "Заказ", "body": "Текст"}},
                                read_at=timezone.now())
    NotificationPreference.objects.create(user=admin, topic="ORDER_FULFILMENT", email=False)
    EmailDelivery.objects.create(event=event, recipient=admin, to=admin.email,
                                 subject="Заказ", body="Текст", status="SENT", attempts=1,
                                 sent_at=timezone.now())


def test_every_model_of_the_project_is_a_portal_model():
    assert [m._meta.label for m in _project_models() if not issubclass(m, PortalModel)] == []


def test_every_model_of_the_project_loads_as_django_would(rows):
    without_rows = []
    for model in _project_models():
        names = [f.attname for f in model._meta.concrete_fields]
        every_row = list(model._default_manager.values_list(*names))
        if not every_row:
            without_rows.append(model._meta.label)
        for values in every_row:
            expected = _django_from_db(model, "default", names, list(values))
            loaded = model._default_manager.get(pk=expected.pk)
            assert type(loaded) is model
            assert _state(loaded) == _state(expected), model
            assert loaded._state.adding is False and loaded._state.db == "default"
            assert loaded.get_deferred_fields() == set()
    assert not without_rows, (f"No row of {', '.join(without_rows)} to load: add one to "
                              "the `rows` fixture of tests/test_model_loading.py")


def test_loaded_rows_behave_like_model_instances(rows, catalog):
    variant = ProductVariant.objects.filter(product=catalog["door"]).first()
    assert variant.pack_size == Decimal("1.000")
    assert variant.product.name == catalog["door"].name  # relations load on access
    assert variant.product is variant.product  # and are cached
    variant.name = "Новое имя"
    variant.save(update_fields=["name"])
    assert ProductVariant.objects.get(pk=variant.pk).name == "Новое имя"
    image = ProductImage.objects.get(product=catalog["door"])
    assert image.image.name == "products/door.jpg"  # the file field wraps the stored name
    assert image.thumbnails == {"64": "products/thumbs/door_64.webp"}


def test_deferred_fields_stay_deferred_and_load_on_access(rows, catalog, django_assert_num_queries):
    product = Product.objects.only("name").get(pk=catalog["door"].pk)
    assert "description" in product.get_deferred_fields()
    assert "name" not in product.get_deferred_fields()
    with django_assert_num_queries(1):
        assert product.slug == catalog["door"].slug
    assert "slug" not in product.get_deferred_fields()


def test_with_init_receivers_django_builds_the_instance(rows, catalog):
    seen = []

    def receiver(sender, instance, **kwargs):
        seen.append(instance)

    post_init.connect(receiver, sender=Product)
    try:
        product = Product.objects.get(pk=catalog["door"].pk)
    finally:
        post_init.disconnect(receiver, sender=Product)
    assert seen == [product]


def test_nothing_listens_to_model_init_so_rows_take_the_fast_path():
    """A receiver (say an ImageField with dimension fields) would silently send every row
    through ``Model.__init__`` again: decide that knowingly, and change this test."""
    from django.db.models.signals import pre_init

    assert not pre_init.receivers and not post_init.receivers
    assert [m.id for m in run_checks() if m.id.startswith("core.")] == []


def test_an_init_receiver_is_a_system_check_error(capsys):
    def receiver(sender, instance, **kwargs):
        pass

    post_init.connect(receiver, sender=Product)
    try:
        errors = check_row_loading()
        with pytest.raises(SystemCheckError, match=r"core\.E002"):
            call_command("check")
    finally:
        post_init.disconnect(receiver, sender=Product)
    assert [e.id for e in errors] == ["core.E002"]
    assert "post_init (for catalog.Product)" in errors[0].msg
    assert check_row_loading() == []


def test_a_model_that_overrides_init_is_a_system_check_error():
    with isolate_apps("backend.core") as isolated:
        class Plain(PortalModel):
            class Meta:
                app_label = "core"

        class Initialised(PortalModel):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                self.cache = {}

            class Meta:
                app_label = "core"

        errors = check_row_loading([isolated.get_app_config("core")])
    assert [(e.id, e.obj) for e in errors] == [("core.E001", Initialised)]
