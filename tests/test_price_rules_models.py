"""The price rules' tables refuse what the engine could misread, whatever path writes them:
tiers without a positive price or quantity, duplicate tiers, an assignment to no target or
two, a floor of both kinds or none, periods that end before they start."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError

from price_rules.models import (
    DiscountKind,
    MapFloor,
    PriceGroupMember,
    PriceList,
    PriceListAssignment,
    PriceListEntry,
    Promotion,
    ResaleMarkup,
    VolumeDiscountStep,
)

pytestmark = pytest.mark.django_db


def refused(create, constraint: str) -> None:
    with pytest.raises(IntegrityError) as error, transaction.atomic():
        create()
    assert constraint in str(error.value)


@pytest.fixture
def rules(price_rules, network, catalog):
    return {**price_rules, **network, "variant": catalog["door"].variants.first(),
            "other_variant": catalog["door"].variants.last(), "doors": catalog["doors"]}


@pytest.mark.parametrize(("price", "quantity", "constraint"), [
    (Decimal(0), Decimal(1), "price_entry_price_pos"),
    (Decimal("-1.00"), Decimal(1), "price_entry_price_pos"),
    (Decimal(5), Decimal(0), "price_entry_quantity_pos"),
])
def test_a_tier_needs_a_positive_price_and_minimum_quantity(rules, price, quantity,
                                                            constraint):
    refused(lambda: PriceListEntry.objects.create(
        price_list=rules["base"], variant=rules["other_variant"], price=price,
        min_quantity=quantity), constraint)


def test_a_variant_has_one_tier_per_minimum_quantity_on_a_list(rules):
    refused(lambda: PriceListEntry.objects.create(
        price_list=rules["base"], variant=rules["variant"], min_quantity=Decimal("10.000"),
        price=Decimal(900)), "price_entry_tier_unique")


@pytest.mark.parametrize("targets", [
    {},
    {"is_owner_default": True, "region": "Москва"},
    {"organization": "sub_b", "price_group": "gold"},
    {"organization": "sub_b", "is_owner_default": True},
])
def test_an_assignment_has_exactly_one_target(rules, targets):
    values = {key: rules[value] if key in ("organization", "price_group") else value
              for key, value in targets.items()}

    refused(lambda: PriceListAssignment.objects.create(price_list=rules["gold_list"],
                                                       **values),
            "price_assignment_one_target")


def test_an_assignment_is_made_once_per_target(rules):
    refused(lambda: PriceListAssignment.objects.create(price_list=rules["base"],
                                                       is_owner_default=True),
            "price_assignment_default_unique")
    refused(lambda: PriceListAssignment.objects.create(price_list=rules["resale"],
                                                       organization=rules["sub_a"]),
            "price_assignment_org_unique")


def test_the_forms_report_an_assignment_without_target_before_the_database(rules):
    with pytest.raises(ValidationError) as error:
        PriceListAssignment(price_list=rules["gold_list"]).full_clean()

    assert "price_assignment_one_target" in str(error.value)


def test_a_list_period_ends_after_it_starts_and_a_list_neither_falls_back_nor_derives_from_itself(
        rules):
    base = rules["base"]
    refused(lambda: PriceList.objects.create(owner=rules["factory"], name="Назад",
                                             valid_from=date(2026, 2, 1),
                                             valid_until=date(2026, 1, 31)),
            "price_list_period")
    refused(lambda: PriceList.objects.filter(pk=base.pk).update(fallback=base),
            "price_list_fallback_not_self")
    refused(lambda: PriceList.objects.filter(pk=base.pk).update(source=base),
            "price_list_source_not_self")
    refused(lambda: PriceList.objects.create(owner=rules["factory"], name="Ноль",
                                             formula_factor=Decimal(0)), "price_list_formula")


def test_an_owner_has_one_base_list(rules):
    refused(lambda: PriceList.objects.create(owner=rules["factory"], name="Ещё базовый",
                                             is_base=True), "price_list_one_base_per_owner")


def test_an_organization_is_in_a_group_once_and_has_one_markup(rules):
    refused(lambda: PriceGroupMember.objects.create(group=rules["gold"],
                                                    organization=rules["dealer_a"]),
            "price_group_member_unique")
    refused(lambda: ResaleMarkup.objects.create(organization=rules["dealer_a"]),
            "resalemarkup_organization_id_key")
    refused(lambda: ResaleMarkup.objects.create(organization=rules["dealer_b"],
                                                percent=Decimal(-100)),
            "resale_markup_formula")


@pytest.mark.parametrize(("values", "constraint"), [
    ({"ends": date(2026, 2, 28)}, "promotion_period"),
    ({"value": Decimal(0)}, "promotion_value_pos"),
    ({"value": Decimal(100)}, "promotion_percent_below_100"),
    ({"kind": DiscountKind.FIXED}, "promotion_fixed_has_currency"),
])
def test_a_promotion_has_a_period_and_a_sensible_discount(rules, values, constraint):
    fields = {"owner": rules["factory"], "name": "Акция", "kind": DiscountKind.PERCENT,
              "value": Decimal(10), "starts": date(2026, 3, 1), "ends": date(2026, 3, 31)}
    fields.update(values)

    refused(lambda: Promotion.objects.create(**fields), constraint)


@pytest.mark.parametrize("percent", [Decimal(0), Decimal(100)])
def test_a_volume_step_takes_off_between_0_and_100_percent(rules, percent):
    refused(lambda: VolumeDiscountStep.objects.create(discount=rules["volume"],
                                                      threshold=Decimal(500_000),
                                                      percent=percent),
            "volume_step_percent")


@pytest.mark.parametrize("values", [
    {},
    {"variant": "other_variant", "amount": Decimal(10), "percent": Decimal(90)},
    {"variant": "other_variant", "category": "doors", "amount": Decimal(10)},
    {"variant": "other_variant", "percent": Decimal(90)},
    {"category": "doors", "amount": Decimal(10)},
    {"variant": "other_variant", "amount": Decimal(0)},
])
def test_a_floor_is_an_amount_for_a_variant_or_a_percentage_for_a_category(rules, values):
    fields = {key: rules[value] if key in ("variant", "category") else value
              for key, value in values.items()}

    refused(lambda: MapFloor.objects.create(owner=rules["factory"], **fields),
            "map_floor_variant_amount_or_category_percent")


def test_a_variant_or_category_has_one_floor_per_owner(rules):
    refused(lambda: MapFloor.objects.create(owner=rules["factory"], variant=rules["variant"],
                                            amount=Decimal(1)), "map_floor_variant_unique")
    refused(lambda: MapFloor.objects.create(owner=rules["factory"], category=rules["doors"],
                                            percent=Decimal(80)), "map_floor_category_unique")


def test_a_list_that_others_derive_from_or_fall_back_to_cannot_be_deleted(rules):
    with pytest.raises(ProtectedError), transaction.atomic():
        rules["base"].delete()

    rules["gold_list"].delete()  # nothing depends on it; its entries and assignments go too
    assert not PriceListAssignment.objects.filter(price_group=rules["gold"]).exists()
