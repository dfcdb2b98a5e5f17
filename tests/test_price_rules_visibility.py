"""price_rules.visibility: who sees which price rules (the API tests go through GraphQL;
these pin the querysets themselves)."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from backend.accounts.models import Membership, Role
from backend.core.permissions import Perm
from backend.core.viewer import ANONYMOUS, Viewer
from price_rules import visibility
from price_rules.models import DiscountKind, PriceGroup, PriceGroupMember, Promotion

pytestmark = pytest.mark.django_db

EVERY = [name for name in dir(visibility) if name.startswith("visible_")]


def member(make_user, organization, role=Role.ADMIN, email=None) -> Viewer:
    user = make_user(email or f"{role.lower()}-{organization.pk}@test.ru", organization, role)
    membership = Membership.objects.get(user=user, organization=organization)
    return Viewer(user=user, organization=organization, membership=membership)


def staff(make_user, organization, *perms: Perm) -> Viewer:
    user = make_user(f"staff-{len(perms)}@factory.test", is_staff=True,
                     staff_permissions=[p.value for p in perms])
    return Viewer(user=user, staff_permissions=frozenset(perms))


def ids(queryset) -> set[int]:
    return set(queryset.values_list("pk", flat=True))


def test_staff_with_the_permission_see_every_row_others_none(price_rules, network, make_user):
    managers = staff(make_user, network["factory"], Perm.MANAGE_PRICES)
    plain = staff(make_user, network["factory"])
    for name in EVERY:
        function = getattr(visibility, name)
        model = function(ANONYMOUS).model
        assert ids(function(managers)) == ids(model.objects.all()), name
        assert ids(function(plain)) == set(), name
        assert ids(function(ANONYMOUS)) == set(), name


def test_a_dealer_admin_sees_what_its_organization_owns_and_the_floors(
        price_rules, network, make_user):
    dealer = member(make_user, network["dealer_a"])
    assert ids(visibility.visible_price_lists(dealer)) == {price_rules["resale"].pk}
    assert {e.price_list_id for e in visibility.visible_price_list_entries(dealer)} == {
        price_rules["resale"].pk}
    assert {a.price_list_id for a in visibility.visible_price_list_assignments(dealer)} == {
        price_rules["resale"].pk}
    assert ids(visibility.visible_resale_markups(dealer)) == {price_rules["markup"].pk}
    assert ids(visibility.visible_price_groups(dealer)) == set()
    assert ids(visibility.visible_volume_discounts(dealer)) == set()
    assert ids(visibility.visible_recompute_jobs(dealer)) == set()
    # The dealer has a sub-dealer: it sees the factory's floors its resale must respect.
    assert ids(visibility.visible_map_floors(dealer)) == {
        price_rules["variant_floor"].pk, price_rules["category_floor"].pk}


def test_members_without_the_permission_and_dealers_without_buyers_see_no_floors(
        price_rules, network, make_user):
    buyer = member(make_user, network["dealer_a"], Role.BUYER)
    for name in EVERY:
        if name != "visible_promotions":
            assert ids(getattr(visibility, name)(buyer)) == set(), name
    sub_admin = member(make_user, network["sub_a"])  # nobody buys from the sub-dealer
    assert ids(visibility.visible_map_floors(sub_admin)) == set()
    assert ids(visibility.visible_price_lists(sub_admin)) == set()
    # The manufacturer's rows are reached by staff permissions only, not by a role there.
    factory_admin = member(make_user, network["factory"])
    for name in EVERY:
        assert ids(getattr(visibility, name)(factory_admin)) == set(), name


def test_a_member_sees_its_sellers_running_promotions_that_reach_it(
        price_rules, network, make_user):
    today = timezone.localdate()
    dealer_a, dealer_b = network["dealer_a"], network["dealer_b"]

    def promotion(owner, name, **fields):
        return Promotion.objects.create(
            owner=owner, name=name, kind=DiscountKind.PERCENT, value=Decimal(5),
            starts=fields.pop("starts", today - timedelta(days=1)),
            ends=fields.pop("ends", today + timedelta(days=1)), **fields)

    everyone = promotion(network["factory"], "Всем")
    by_region = promotion(network["factory"], "Москве", audience_regions=["Москва"])
    named = promotion(network["factory"], "Альфе")
    named.audience_organizations.add(dealer_a)
    group = PriceGroup.objects.create(owner=network["factory"], name="Группа")
    PriceGroupMember.objects.create(group=group, organization=dealer_a)
    grouped = promotion(network["factory"], "Группе")
    grouped.audience_price_groups.add(group)
    others = promotion(network["factory"], "Бете")
    others.audience_organizations.add(dealer_b)
    promotion(network["factory"], "Прошла", starts=today - timedelta(days=9),
              ends=today - timedelta(days=2))
    resale = promotion(dealer_a, "Для субдилеров")

    buyer = member(make_user, dealer_a, Role.BUYER)
    assert ids(visibility.visible_promotions(buyer)) == {
        everyone.pk, by_region.pk, named.pk, grouped.pk}
    admin = member(make_user, dealer_a)
    assert ids(visibility.visible_promotions(admin)) == {
        everyone.pk, by_region.pk, named.pk, grouped.pk, resale.pk}
    # The sub-dealer sees its dealer's promotion, never what the dealer received.
    sub = member(make_user, network["sub_a"], Role.BUYER)
    assert ids(visibility.visible_promotions(sub)) == {resale.pk}
    assert ids(visibility.visible_promotions(member(make_user, dealer_b, Role.BUYER))) == {
        everyone.pk, others.pk}
