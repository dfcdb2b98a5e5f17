"""An order file's mapping: a header nobody could guess is mapped once by the person and
offered again for the organization's next file with that header (wherever it sits); a
mapping without a SKU or quantity column, or naming a column the sheet lacks, is refused
and changes nothing; the file is its uploader's alone, for a buyer the uploader may order
for; a refused apply leaves the cart as it was."""

from __future__ import annotations

from decimal import Decimal

import pytest

from backend.checkout.models import Cart, CartLine, OrderFileMapping
from tests.fixtures.order_files.world import *  # noqa: F403
from tests.fixtures.order_files.world import apply_file, upload, workbook_bytes

pytestmark = pytest.mark.django_db

D = Decimal
# Headers no alias names: the person says which is which.
ODD = ["Поз.", "Шифр изделия", "Описание позиции", "Надо, шт"]


def _odd(title_rows: int, *rows: list[object]) -> bytes:
    titles = [[f"Заявка, лист {i + 1}"] for i in range(title_rows)]
    return workbook_bytes(("Лист1", [*titles, ODD, *rows]))


def _lines(cart_owner) -> dict[str, Decimal]:
    return {line.variant.sku: line.quantity for line in
            CartLine.objects.filter(cart__user=cart_owner).select_related("variant")}


def test_a_confirmed_mapping_is_offered_for_the_next_file_with_that_header(buyers, network,
                                                                          files_world):
    buyer, dealer = buyers["buyer"], network["dealer_a"]
    first = upload(buyer, dealer, _odd(1, [1, "DV-OAK-1001", "Дверь", 2]))["orderFile"]
    assert first["columns"]["sku"] is None and not first["columnsRemembered"]
    columns = {"sheet": 0, "headerRow": 2, "sku": 1, "quantity": 3, "name": 2}
    applied = apply_file(buyer, dealer, first["id"], columns)
    assert applied["errors"] == [] and applied["addedCount"] == 1
    assert OrderFileMapping.objects.get(organization=dealer).mapping == {
        "sku": 1, "quantity": 3, "name": 2}

    # Another buyer of the organization, a file with three title rows this time.
    second = upload(buyers["buyer 2"], dealer,
                    _odd(3, [1, "DV-OAK-1002", "Дверь", 1]))["orderFile"]
    assert second["columnsRemembered"]
    assert second["columns"] == {"sheet": 0, "headerRow": 4, "sku": 1, "quantity": 3,
                                 "name": 2, "unit": None, "price": None}
    # Another organization's files are not mapped by it.
    other = upload(buyers["other"], network["dealer_b"], _odd(0, [1, "X", "Y", 1]))
    assert not other["orderFile"]["columnsRemembered"]


def test_remember_false_keeps_nothing(buyers, network, files_world):
    buyer, dealer = buyers["buyer"], network["dealer_a"]
    first = upload(buyer, dealer, _odd(0, [1, "DV-OAK-1001", "Дверь", 2]))["orderFile"]
    apply_file(buyer, dealer, first["id"], {"sheet": 0, "headerRow": 1, "sku": 1,
                                            "quantity": 3}, remember=False)
    assert not OrderFileMapping.objects.exists()


@pytest.mark.parametrize(("columns", "errors"), [
    ({"sku": -1}, [("MISSING_COLUMN", "columns.sku")]),
    ({"quantity": 1}, [("MISSING_COLUMN", "columns.quantity")]),
    ({"quantity": 9}, [("UNKNOWN_COLUMN", "columns.quantity")]),
    ({"price": 7}, [("UNKNOWN_COLUMN", "columns.price")]),
    ({"sheet": 3}, [("UNKNOWN_COLUMN", "columns.sheet")]),
    ({"headerRow": 40}, [("UNKNOWN_COLUMN", "columns.headerRow")]),
])
def test_a_bad_mapping_is_refused_and_changes_nothing(buyers, network, files_world, columns,
                                                      errors):
    buyer, dealer = buyers["buyer"], network["dealer_a"]
    cart = Cart.objects.create(user=buyer, buyer=dealer)
    CartLine.objects.create(cart=cart, variant=files_world["door_2"], quantity=1)
    uploaded = upload(buyer, dealer, _odd(0, [1, "DV-OAK-1001", "Дверь", 2]))["orderFile"]
    mapping = {"sheet": 0, "headerRow": 1, "sku": 1, "quantity": 3, **columns}
    result = apply_file(buyer, dealer, uploaded["id"], mapping)
    assert [(e["code"], e["field"]) for e in result["errors"]] == errors
    assert result["cart"] is None and result["report"] == []
    assert _lines(buyer) == {"DV-OAK-1002": D(1)}
    assert not OrderFileMapping.objects.exists()


def test_a_refused_apply_leaves_the_cart_as_it_was(buyers, network, files_world, settings):
    settings.CART_MAX_LINES = 2
    buyer, dealer = buyers["buyer"], network["dealer_a"]
    cart = Cart.objects.create(user=buyer, buyer=dealer)
    CartLine.objects.create(cart=cart, variant=files_world["door"], quantity=5)
    content = _odd(0, [1, "DV-OAK-1001", "", 5], [2, "DV-OAK-1002", "", 1],
                   [3, "KR-FAS-0003-10", "", 20])
    uploaded = upload(buyer, dealer, content)["orderFile"]
    result = apply_file(buyer, dealer, uploaded["id"],
                        {"sheet": 0, "headerRow": 1, "sku": 1, "quantity": 3})
    assert [e["code"] for e in result["errors"]] == ["TOO_MANY_LINES"]
    assert _lines(buyer) == {"DV-OAK-1001": D(5)}
    assert not OrderFileMapping.objects.exists()


def test_the_file_is_its_uploaders_alone(buyers, network, files_world):
    buyer, dealer = buyers["buyer"], network["dealer_a"]
    uploaded = upload(buyer, dealer, _odd(0, [1, "DV-OAK-1001", "", 2]))["orderFile"]
    columns = {"sheet": 0, "headerRow": 1, "sku": 1, "quantity": 3}
    result = apply_file(buyers["buyer 2"], dealer, uploaded["id"], columns)
    assert [e["code"] for e in result["errors"]] == ["NOT_FOUND"]
    assert not CartLine.objects.exists()


def test_only_those_who_may_order_upload(buyers, network, files_world):
    result = upload(buyers["viewer"], network["dealer_a"], _odd(0, [1, "DV-OAK-1001", "", 2]))
    assert [e["code"] for e in result["errors"]] == ["PERMISSION_DENIED"]
    result = upload(buyers["buyer"], network["dealer_a"], _odd(0, [1, "DV-OAK-1001", "", 2]),
                    buyer=network["dealer_b"])
    assert [e["code"] for e in result["errors"]] == ["NOT_A_CLIENT"]


def test_a_dealer_admin_orders_from_a_file_for_its_sub_dealer(buyers, network, files_world):
    admin, dealer, sub = buyers["admin"], network["dealer_a"], network["sub_a"]
    uploaded = upload(admin, dealer, _odd(0, [1, "DV-OAK-1001", "", 2]), buyer=sub)
    assert uploaded["errors"] == []
    result = apply_file(admin, dealer, uploaded["orderFile"]["id"],
                        {"sheet": 0, "headerRow": 1, "sku": 1, "quantity": 3})
    assert result["errors"] == [] and result["addedCount"] == 1
    assert Cart.objects.get().buyer == sub
    assert OrderFileMapping.objects.get().organization == sub
    # Not for an organization the admin may not order for.
    refused = upload(admin, dealer, _odd(0, [1, "DV-OAK-1001", "", 2]),
                     buyer=network["dealer_b"])
    assert [e["code"] for e in refused["errors"]] == ["NOT_A_CLIENT"]


def test_old_files_are_deleted_by_the_periodic_task(buyers, network, files_world, settings):
    from datetime import timedelta

    from django.utils import timezone

    from backend.checkout.files.cleanup import delete_old_order_files
    from backend.checkout.models import OrderFile

    settings.ORDER_FILE_KEEP_HOURS = 24
    for _ in range(2):
        upload(buyers["buyer"], network["dealer_a"], _odd(0, [1, "DV-OAK-1001", "", 2]))
    old = OrderFile.objects.order_by("pk").first()
    OrderFile.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(hours=25))
    assert delete_old_order_files() == 1
    assert not OrderFile.objects.filter(pk=old.pk).exists() and OrderFile.objects.count() == 1
