"""Price workbooks are downloaded through a short-lived signed link: a list the viewer may
see, or the viewer's own prices resolved exactly as the engine resolves them. Nobody gets
a file they could not see through the API, and a sub-dealer's file holds no number of its
dealer's purchase prices."""

from __future__ import annotations

import tempfile
from datetime import timedelta
from decimal import Decimal

import pytest
from django.test import Client
from django.utils import timezone
from graphql_relay import to_global_id

from backend.accounts.models import Membership, Role
from backend.core.permissions import Perm
from price_rules.engine import Line, resolve_many
from price_rules.excel import downloads
from price_rules.models import (
    DiscountKind,
    PriceGroup,
    PriceGroupMember,
    PriceList,
    PriceListAssignment,
    PriceListEntry,
    PriceListKind,
    Promotion,
    ResaleMarkup,
)
from price_rules.services.context import load_price_context
from tests.fixtures.price_workbooks import rows_of

pytestmark = pytest.mark.django_db

D = Decimal
EXPORT = """mutation($list: ID, $language: String) {
  priceListExport(priceList: $list, language: $language) {
    url expiresAt errors { field code message } } }"""


@pytest.fixture
def priced(network, catalog, make_user):
    """The factory's default list with tiers, a Gold list for dealer A, dealer A's resale
    list for its sub-dealer (the door) and its markup (+25%, the rest), a running sale."""
    factory, dealer = network["factory"], network["dealer_a"]
    door, other = catalog["door"].variants.order_by("sku")
    paint = catalog["facade_white"].variants.order_by("sku").first()
    base = PriceList.objects.create(owner=factory, name="Базовый", is_base=True)
    PriceListAssignment.objects.create(price_list=base, is_owner_default=True)
    for variant, quantity, price in ((door, 1, "1000"), (door, 10, "950"), (other, 1, "2000"),
                                     (paint, 1, "500"), (paint, 5, "480")):
        PriceListEntry.objects.create(price_list=base, variant=variant,
                                      min_quantity=D(quantity), price=D(price))
    gold = PriceGroup.objects.create(owner=factory, name="Золотые дилеры")
    PriceGroupMember.objects.create(group=gold, organization=dealer)
    gold_list = PriceList.objects.create(owner=factory, name="Золотой", fallback=base)
    PriceListAssignment.objects.create(price_list=gold_list, price_group=gold)
    PriceListEntry.objects.create(price_list=gold_list, variant=door, price=D("850"))
    resale = PriceList.objects.create(owner=dealer, name="Субдилерам",
                                      kind=PriceListKind.RESALE)
    PriceListAssignment.objects.create(price_list=resale, organization=network["sub_a"])
    PriceListEntry.objects.create(price_list=resale, variant=door, price=D("1400"))
    PriceListEntry.objects.create(price_list=resale, variant=door, min_quantity=D(10),
                                  price=D("1300"), unit="PACK")
    ResaleMarkup.objects.create(organization=dealer, percent=D(25))
    today = timezone.localdate()
    sale = Promotion.objects.create(owner=factory, name="Распродажа", kind=DiscountKind.PERCENT,
                                    value=D(10), starts=today - timedelta(days=1),
                                    ends=today + timedelta(days=30))
    sale.variants.add(other)
    users = {
        "dealer_admin": make_user("admin@alpha.test", dealer, Role.ADMIN),
        "dealer_buyer": make_user("buyer@alpha.test", dealer, Role.BUYER),
        "other_dealer": make_user("admin@beta.test", network["dealer_b"], Role.ADMIN),
        "sub_buyer": make_user("buyer@sub.test", network["sub_a"], Role.BUYER),
        "sub_admin": make_user("admin@sub.test", network["sub_a"], Role.ADMIN),
        "staff": make_user("prices@factory.test", None, is_staff=True,
                           staff_permissions=[Perm.VIEW_ALL.value]),
    }
    return {"base": base, "gold_list": gold_list, "resale": resale, "door": door,
            "other": other, "paint": paint, "variants": [door, other, paint],
            **users, **network}


def _link(api_as, user, price_list=None, language="ru") -> dict:
    return api_as(user).mutate(EXPORT, {
        "list": to_global_id("PriceList", price_list.pk) if price_list else None,
        "language": language}, result="priceListExport")


def _download(url: str):
    response = Client().get(url)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response, body


def _plain(number: Decimal) -> str:
    return format(number.normalize(), "f")


def _resolved(organization, variants) -> list[list]:
    """What the workbook must say: the engine's answer at each variant's minimum order
    quantity, then at each next tier."""
    context = load_price_context(organization, [v.id for v in variants], timezone.localdate())
    rows = []
    for variant in sorted(variants, key=lambda v: v.sku):
        quantity = variant.min_order_quantity
        while quantity is not None:
            [price] = resolve_many(context, [Line(variant.id, quantity)])
            if price is None:
                break
            rows.append([variant.sku, _plain(price.quantity), str(price.unit_net),
                         str(price.unit_gross), _plain(price.vat_rate * 100)])
            quantity = price.next_tier.min_quantity if price.next_tier else None
    return rows


def test_my_price_list_holds_the_prices_the_engine_resolves_tier_by_tier(priced, api_as):
    link = _link(api_as, priced["dealer_buyer"])
    response, body = _download(link["url"])

    assert link["errors"] == [] and response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "attachment" in response["Content-Disposition"]
    header, *rows = rows_of(body)
    assert header[:6] == ["Артикул", "Товар", "Вариант", "Мин. количество", "Цена без НДС",
                          "Цена с НДС"]
    assert [[r[0], r[3], r[4], r[5], r[6]] for r in rows] == _resolved(
        priced["dealer_a"], priced["variants"])
    assert len(rows) == 4  # the door at 850 (Gold), the other, the paint from 1 and 5
    sale_row = next(r for r in rows if r[0] == priced["other"].sku)
    assert (sale_row[4], sale_row[9]) == ("1800.00", "Распродажа")


def test_a_sub_dealers_file_holds_its_dealers_resale_prices_in_english(priced, api_as):
    link = _link(api_as, priced["sub_buyer"], language="en")
    header, *rows = rows_of(_download(link["url"])[1])

    assert header[0] == "SKU" and header[4] == "Net price"
    assert [[r[0], r[3], r[4], r[5], r[6]] for r in rows] == _resolved(
        priced["sub_a"], priced["variants"])
    door = [r for r in rows if r[0] == priced["door"].sku]
    assert [(r[3], r[4], r[7]) for r in door] == [("1", "1400.00", "PCS"),
                                                  ("10", "1300.00", "PACK")]


def test_a_sub_dealers_download_never_holds_a_dealer_purchase_price(priced, api_as):
    dealer_numbers = set()
    for row in _resolved(priced["dealer_a"], priced["variants"]):
        dealer_numbers |= {D(row[2]), D(row[3])}
    own = set()
    for row in _resolved(priced["sub_a"], priced["variants"]):
        own |= {D(row[2]), D(row[3])}
    assert dealer_numbers and not dealer_numbers & own  # the data keeps the two apart

    for user in ("sub_buyer", "sub_admin"):
        body = _download(_link(api_as, priced[user])["url"])[1]
        cells = [cell for row in rows_of(body) for cell in row if cell]
        numbers = set()
        for cell in cells:
            try:
                numbers.add(D(cell))
            except ArithmeticError:
                continue
        assert not numbers & dealer_numbers, user
        assert not any(priced[name].name in " ".join(cells)
                       for name in ("base", "gold_list", "resale"))


def test_a_list_export_holds_its_entries_for_who_may_see_the_list(priced, api_as):
    link = _link(api_as, priced["dealer_admin"], priced["resale"])
    header, *rows = rows_of(_download(link["url"])[1])

    assert header == ["Артикул", "Товар", "Мин. количество", "Цена", "Единица", "Валюта"]
    door = priced["door"]
    name = f"{door.product.name} — {door.name}"
    assert rows == [[door.sku, name, "1", "1400.00", None, "RUB"],
                    [door.sku, name, "10", "1300.00", "PACK", "RUB"]]
    staff_rows = rows_of(_download(_link(api_as, priced["staff"], priced["base"])["url"])[1])
    assert len(staff_rows) == 1 + 5


@pytest.mark.parametrize("user, list_name", [
    ("dealer_buyer", "resale"), ("other_dealer", "resale"), ("sub_admin", "resale"),
    ("sub_buyer", "resale"), ("dealer_admin", "base"), ("dealer_admin", "gold_list"),
    ("sub_admin", "base")])
def test_a_list_the_viewer_may_not_see_gets_no_link(priced, api_as, user, list_name):
    link = _link(api_as, priced[user], priced[list_name])

    assert link["url"] is None
    assert [e["code"] for e in link["errors"]] == ["NOT_FOUND"]


def test_anonymous_visitors_and_staff_without_an_organization_get_no_prices(
        priced, api, api_as):
    anonymous = api.mutate(EXPORT, {}, result="priceListExport")
    staff = _link(api_as, priced["staff"])

    assert [e["code"] for e in anonymous["errors"]] == ["AUTHENTICATION_REQUIRED"]
    assert [e["code"] for e in staff["errors"]] == ["REQUIRED"] and staff["url"] is None


def test_a_forged_expired_or_revoked_link_answers_403_with_no_data(priced, api_as,
                                                                   settings):
    url = _link(api_as, priced["dealer_admin"], priced["resale"])["url"]
    forged = url.replace(url.split("/")[-2], url.split("/")[-2][:-3] + "abc")
    other_url = _link(api_as, priced["sub_buyer"])["url"]

    assert _download(forged)[0].status_code == 403
    settings.PRICE_DOWNLOAD_TTL_SECONDS = -1
    expired, body = _download(url)
    assert expired.status_code == 403 and b"LINK_EXPIRED" in body
    settings.PRICE_DOWNLOAD_TTL_SECONDS = 120
    Membership.objects.filter(user=priced["sub_buyer"]).update(is_active=False)
    left, body = _download(other_url)
    assert left.status_code == 403 and b"1400" not in body
    priced["dealer_admin"].token_version += 1  # signed out everywhere
    priced["dealer_admin"].save(update_fields=["token_version"])
    revoked, body = _download(url)
    assert revoked.status_code == 403 and b"1400" not in body


def test_a_link_whose_list_left_the_viewers_sight_answers_404(priced, api_as):
    url = _link(api_as, priced["dealer_admin"], priced["resale"])["url"]
    Membership.objects.filter(user=priced["dealer_admin"]).update(role=Role.BUYER)

    response, body = _download(url)

    assert response.status_code == 404 and b"1400" not in body


def test_the_workbook_is_served_whole_from_a_temporary_file_left_nowhere_on_disk(
        priced, api_as, monkeypatch, tmp_path):
    """openpyxl spools the rows to a temporary file and the workbook goes to another; after
    the download, or after an export that failed half way, neither remains."""
    spool = tmp_path / "spool"
    spool.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(spool))
    url = _link(api_as, priced["dealer_admin"], priced["resale"])["url"]

    response, body = _download(url)  # read to the end: the test client closes it then

    assert response.status_code == 200 and int(response["Content-Length"]) == len(body)
    assert len(rows_of(body)) == 3
    assert list(spool.iterdir()) == []

    def failing_rows(price_list):
        yield ["SKU-1", "Door", 1, D("10.00"), "", "RUB"]
        raise RuntimeError("the database went away")

    monkeypatch.setattr(downloads, "list_rows", failing_rows)
    with pytest.raises(RuntimeError):
        Client().get(_link(api_as, priced["dealer_admin"], priced["resale"])["url"])
    assert list(spool.iterdir()) == []
