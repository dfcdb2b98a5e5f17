"""The other price rules mutations through the API: groups, assignments, markup,
promotions, volume discounts, floors, deletes and recomputations; each refused call
changes no row."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from graphql_relay import to_global_id

from price_rules.models import (
    MapFloor,
    PriceGroup,
    PriceList,
    PriceListAssignment,
    Promotion,
    RecomputeJob,
    ResaleMarkup,
    VolumeDiscount,
)
from tests.fixtures.price_services import row_counts

pytestmark = pytest.mark.django_db

ERRORS = "errors { field code skus organizationIds }"


def gid(type_name: str, pk) -> str:
    return to_global_id(type_name, pk)


def codes(payload) -> list[tuple[str | None, str]]:
    return [(e["field"], e["code"]) for e in payload["errors"]]


def test_staff_manage_groups_of_organizations_below_the_manufacturer(price_rules,
                                                                   price_viewers, network):
    staff = price_viewers["staff with MANAGE_PRICES"]
    created = staff.mutate(f"""mutation($input: PriceGroupInput!) {{
      priceGroupCreate(input: $input) {{ priceGroup {{ id name owner {{ name }}
      members {{ name }} }} {ERRORS} }} }}""", {"input": {
        "name": "Серебряные дилеры", "addMembers": [gid("Organization", network["dealer_b"].pk)]}},
        result="priceGroupCreate")
    assert created["errors"] == []
    assert created["priceGroup"]["members"] == [{"name": "Дилер Бета"}]
    update = f"""mutation($id: ID!, $input: PriceGroupInput!) {{
      priceGroupUpdate(id: $id, input: $input) {{ priceGroup {{ name members {{ name }} }}
      {ERRORS} }} }}"""
    before = row_counts()
    taken = staff.mutate(update, {"id": created["priceGroup"]["id"], "input": {
        "name": "Золотые дилеры"}}, result="priceGroupUpdate")
    assert codes(taken) == [("name", "UNIQUE")]
    assert row_counts() == before
    moved = staff.mutate(update, {"id": created["priceGroup"]["id"], "input": {
        "addMembers": [gid("Organization", network["dealer_a"].pk)],
        "removeMembers": [gid("Organization", network["dealer_b"].pk)]}},
        result="priceGroupUpdate")
    assert moved["priceGroup"]["members"] == [{"name": "Дилер Альфа"}]
    deleted = staff.mutate("""mutation($id: ID!) { priceGroupDelete(id: $id) {
      deletedId errors { code } } }""", {"id": created["priceGroup"]["id"]},
                           result="priceGroupDelete")
    assert deleted["errors"] == [] and not PriceGroup.objects.filter(name="Серебряные дилеры")


def test_a_dealer_cannot_put_its_supplier_in_a_group(price_viewers, network):
    before = row_counts()
    result = price_viewers["dealer admin"].mutate(f"""mutation($input: PriceGroupInput!) {{
      priceGroupCreate(input: $input) {{ priceGroup {{ id }} {ERRORS} }} }}""", {"input": {
        "name": "Свои", "addMembers": [gid("Organization", network["factory"].pk)]}},
        result="priceGroupCreate")
    assert codes(result) == [("addMembers", "MEMBER_OUTSIDE_SUBTREE")]
    assert result["errors"][0]["organizationIds"] == [gid("Organization", network["factory"].pk)]
    assert row_counts() == before


def test_the_dealer_sets_and_clears_its_markup_the_manufacturer_has_none(price_rules,
                                                                         price_viewers):
    markup = f"""mutation($input: ResaleMarkupInput!) {{ resaleMarkupSet(input: $input) {{
      markup {{ percent rounding organization {{ name }} }} {ERRORS} }} }}"""
    dealer = price_viewers["dealer admin"]
    result = dealer.mutate(markup, {"input": {"percent": "18.5", "rounding": "WHOLE"}},
                           result="resaleMarkupSet")
    assert result == {"markup": {"percent": "18.500", "rounding": "WHOLE",
                                 "organization": {"name": "Дилер Альфа"}}, "errors": []}
    nulls = dealer.mutate(markup, {"input": {"percent": "7", "factor": None, "amount": None,
                                             "rounding": None}}, result="resaleMarkupSet")
    assert nulls["markup"] == {"percent": "7.000", "rounding": "CENT",
                               "organization": {"name": "Дилер Альфа"}}
    assert ResaleMarkup.objects.values_list("factor", "amount").get() == (1, 0)
    before = row_counts()
    bad = dealer.mutate(markup, {"input": {"percent": "-100"}}, result="resaleMarkupSet")
    assert codes(bad) == [("percent", "INVALID_FORMULA")]
    factory = price_viewers["staff with MANAGE_PRICES"].mutate(
        markup, {"input": {"percent": "10"}}, result="resaleMarkupSet")
    assert codes(factory) == [("id", "INVALID")]
    assert row_counts() == before
    cleared = dealer.mutate("mutation { resaleMarkupClear { cleared errors { code } } }",
                            result="resaleMarkupClear")
    assert cleared == {"cleared": True, "errors": []}
    assert not ResaleMarkup.objects.exists()
    denied = price_viewers["dealer buyer"].mutate(
        "mutation { resaleMarkupClear { cleared errors { code } } }", result="resaleMarkupClear")
    assert denied == {"cleared": False, "errors": [{"code": "PERMISSION_DENIED"}]}


PROMOTION = f"""mutation($input: PromotionInput!) {{ promotionCreate(input: $input) {{
  promotion {{ id name kind value status owner {{ name }} variants {{ sku }}
  audienceOrganizations {{ name }} }} {ERRORS} }} }}"""


def _promotion_input(catalog, network, **overrides):
    today = timezone.localdate()
    return {"name": "Неделя дверей", "kind": "PERCENT", "value": "3",
            "starts": str(today), "ends": str(today + timedelta(days=6)),
            "variants": [gid("ProductVariant", v.pk) for v in catalog["door"].variants.all()],
            "audienceOrganizations": [gid("Organization", network["sub_a"].pk)], **overrides}


def test_a_promotions_refusals_name_the_field_a_form_shows_them_at(
        price_rules, price_viewers, catalog, network):
    dealer = price_viewers["dealer admin"]
    yesterday = str(timezone.localdate() - timedelta(days=1))
    period = dealer.mutate(PROMOTION, {"input": _promotion_input(
        catalog, network, ends=yesterday)}, result="promotionCreate")
    assert codes(period) == [("ends", "INVALID_PERIOD")]
    value = dealer.mutate(PROMOTION, {"input": _promotion_input(
        catalog, network, value="100")}, result="promotionCreate")
    assert codes(value) == [("value", "INVALID_DISCOUNT")]
    nothing = dealer.mutate(PROMOTION, {"input": _promotion_input(
        catalog, network, value="0", variants=[])}, result="promotionCreate")
    assert codes(nothing) == [("value", "INVALID_DISCOUNT"), ("variants", "INVALID_DISCOUNT")]


def test_a_dealers_promotion_below_the_floor_is_refused_with_every_sku(
        price_rules, price_viewers, catalog, network):
    dealer = price_viewers["dealer admin"]
    before = row_counts()
    # 1400 with VAT is about 1150 net; 10% off is below the door's floor (1100 net), 3%
    # off is not.
    below = dealer.mutate(PROMOTION, {"input": _promotion_input(
        catalog, network, value="10")}, result="promotionCreate")
    assert [e["code"] for e in below["errors"]] == ["BELOW_MAP_FLOOR"]
    assert below["errors"][0]["skus"] == [catalog["door"].variants.order_by("sku")[0].sku]
    outside = dealer.mutate(PROMOTION, {"input": _promotion_input(
        catalog, network, audienceOrganizations=[gid("Organization", network["factory"].pk)])},
        result="promotionCreate")
    assert codes(outside) == [("audienceOrganizations", "ASSIGNMENT_OUTSIDE_SUBTREE")]
    period = dealer.mutate(PROMOTION, {"input": _promotion_input(
        catalog, network, ends=str(timezone.localdate() - timedelta(days=1)))},
        result="promotionCreate")
    assert "INVALID_PERIOD" in [e["code"] for e in period["errors"]]
    assert row_counts() == before

    made = dealer.mutate(PROMOTION, {"input": _promotion_input(catalog, network)},
                         result="promotionCreate")
    assert made["errors"] == []
    assert made["promotion"]["status"] == "RUNNING"
    assert made["promotion"]["audienceOrganizations"] == [{"name": "Субдилер Альфа-1"}]
    # The sub-dealer reads the promotion that lowers its price, and cannot change it.
    sub = price_viewers["sub-dealer admin"]
    read = sub("{ promotions { edges { node { name owner { name } } } } }").data
    assert read["promotions"]["edges"] == [
        {"node": {"name": "Неделя дверей", "owner": {"name": "Дилер Альфа"}}}]
    refused = sub.mutate("""mutation($id: ID!) { promotionDelete(id: $id) {
      deletedId errors { field code } } }""", {"id": made["promotion"]["id"]},
                         result="promotionDelete")
    assert codes(refused) == [("id", "NOT_OWNER")]
    update = dealer.mutate(f"""mutation($id: ID!, $input: PromotionInput!) {{
      promotionUpdate(id: $id, input: $input) {{ promotion {{ name value }} {ERRORS} }} }}""",
                           {"id": made["promotion"]["id"],
                            "input": _promotion_input(catalog, network, name="Неделя", value="4")},
                           result="promotionUpdate")
    assert update == {"promotion": {"name": "Неделя", "value": "4.00"}, "errors": []}
    deleted = dealer.mutate("""mutation($id: ID!) { promotionDelete(id: $id) {
      deletedId errors { code } } }""", {"id": made["promotion"]["id"]},
                            result="promotionDelete")
    assert deleted["errors"] == [] and not Promotion.objects.filter(name="Неделя").exists()


def test_volume_discounts_are_created_replaced_and_deleted(price_viewers):
    staff = price_viewers["staff with MANAGE_PRICES"]
    volume = f"""mutation($input: VolumeDiscountInput!) {{ volumeDiscountCreate(input: $input) {{
      volumeDiscount {{ id name steps {{ threshold percent }} }} {ERRORS} }} }}"""
    before = row_counts()
    bad = staff.mutate(volume, {"input": {"name": "Объём", "currency": "RUB", "steps": [
        {"threshold": "300000", "percent": "3"}, {"threshold": "300000", "percent": "5"}]}},
        result="volumeDiscountCreate")
    assert bad["volumeDiscount"] is None and bad["errors"]
    assert row_counts() == before
    made = staff.mutate(volume, {"input": {"name": "Объём", "currency": "RUB", "steps": [
        {"threshold": "300000", "percent": "3"}, {"threshold": "1000000", "percent": "5"}]}},
        result="volumeDiscountCreate")
    assert made["volumeDiscount"]["steps"] == [{"threshold": "300000.00", "percent": "3.00"},
                                               {"threshold": "1000000.00", "percent": "5.00"}]
    replaced = staff.mutate(f"""mutation($id: ID!, $input: VolumeDiscountInput!) {{
      volumeDiscountUpdate(id: $id, input: $input) {{ volumeDiscount {{ steps {{ percent }} }}
      {ERRORS} }} }}""", {"id": made["volumeDiscount"]["id"], "input": {
        "name": "Объём", "currency": "RUB", "steps": [{"threshold": "500000", "percent": "4"}]}},
        result="volumeDiscountUpdate")
    assert replaced["volumeDiscount"] == {"steps": [{"percent": "4.00"}]}
    staff.mutate("""mutation($id: ID!) { volumeDiscountDelete(id: $id) { errors { code } } }""",
                 {"id": made["volumeDiscount"]["id"]}, result="volumeDiscountDelete")
    assert not VolumeDiscount.objects.exists()


def test_assignments_floors_lists_and_recomputations(price_rules, price_viewers, catalog):
    staff = price_viewers["staff with MANAGE_PRICES"]
    assignment = PriceListAssignment.objects.get(price_list=price_rules["gold_list"])
    unassigned = staff.mutate("""mutation($id: ID!) { priceListUnassign(id: $id) {
      deletedId errors { code } } }""", {"id": gid("PriceListAssignment", assignment.pk)},
                              result="priceListUnassign")
    assert unassigned["errors"] == []
    assert not PriceListAssignment.objects.filter(pk=assignment.pk).exists()

    job = staff.mutate("""mutation($id: ID!) { priceListRecompute(id: $id) {
      job { id status listsTotal priceList { name } } errors { code } } }""",
                       {"id": gid("PriceList", price_rules["base"].pk)},
                       result="priceListRecompute")
    assert job["errors"] == [] and job["job"]["priceList"] == {"name": "Базовый прайс"}
    read = staff("""query($id: ID!) { recomputeJob(id: $id) { status listsDone listsTotal } }""",
                 {"id": job["job"]["id"]}).data["recomputeJob"]
    assert read["status"] in ("PENDING", "DONE")  # eager without a broker
    assert RecomputeJob.objects.count() == 2

    floor = MapFloor.objects.get(variant__isnull=False)
    removed = staff.mutate("""mutation($id: ID!) { mapFloorDelete(id: $id) {
      deletedId flaggedLists { name } errors { code } } }""", {"id": gid("MapFloor", floor.pk)},
                           result="mapFloorDelete")
    assert removed["errors"] == [] and not MapFloor.objects.filter(pk=floor.pk).exists()

    dealer = price_viewers["dealer admin"]
    created = dealer.mutate("""mutation { priceListCreate(input: {name: "Распродажа",
      kind: RESALE, validFrom: "2026-12-01", validUntil: "2026-12-31", priority: 3}) {
      priceList { id validFrom validUntil priority } errors { code } } }""",
                            result="priceListCreate")
    assert created["priceList"]["validUntil"] == "2026-12-31"
    deleted = dealer.mutate("""mutation($id: ID!) { priceListDelete(id: $id) {
      deletedId errors { code } } }""", {"id": created["priceList"]["id"]},
                            result="priceListDelete")
    assert deleted["errors"] == [] and not PriceList.objects.filter(name="Распродажа").exists()
