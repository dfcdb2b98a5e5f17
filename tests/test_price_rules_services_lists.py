"""Price groups, lists and assignments through the services: every refusal has its code
and leaves every table as it was."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from backend.core.errors import DomainValidationError
from price_rules.models import PriceList, PriceListAssignment, PriceListKind
from price_rules.services.assignments import AssignmentData, assign_price_list
from price_rules.services.groups import PriceGroupData, save_price_group
from price_rules.services.lists import PriceListData, delete_price_list, save_price_list
from tests.fixtures.price_services import codes, row_counts

pytestmark = pytest.mark.django_db


@pytest.fixture
def factory(network):
    return network["factory"]


def refused(call, *args) -> list[str]:
    before = row_counts()
    with pytest.raises(DomainValidationError) as caught:
        call(*args)
    assert row_counts() == before
    return codes(caught.value)


def test_a_group_takes_organizations_below_its_owner_only(network, factory, make_org):
    gold = save_price_group(factory, None, PriceGroupData(
        name="Золотые дилеры", add_members=[network["dealer_a"], network["sub_b"]]))
    assert set(gold.members.all()) == {network["dealer_a"], network["sub_b"]}

    gold = save_price_group(factory, gold, PriceGroupData(
        name="Платиновые", remove_members=[network["sub_b"]]))
    assert (gold.name, list(gold.members.all())) == ("Платиновые", [network["dealer_a"]])

    stranger = make_org("Чужой завод", kind="MANUFACTURER")
    dealer = network["dealer_a"]
    assert refused(save_price_group, dealer, None, PriceGroupData(
        name="Мои", add_members=[network["sub_a"], network["sub_b"], stranger])) == [
        "MEMBER_OUTSIDE_SUBTREE"]
    assert refused(save_price_group, dealer, None,
                   PriceGroupData(name="Мои", add_members=[dealer])) == [
        "MEMBER_OUTSIDE_SUBTREE"]  # not itself either
    assert refused(save_price_group, factory, None, PriceGroupData(name="Платиновые")) == [
        "UNIQUE"]
    assert refused(save_price_group, dealer, gold, PriceGroupData(name="Чужая")) == [
        "NOT_OWNER"]
    assert refused(save_price_group, factory, None, PriceGroupData(name=" ")) == ["REQUIRED"]


def test_a_list_is_created_and_changed_by_its_owner_only(network, factory):
    base = save_price_list(factory, None, PriceListData(
        name="Базовый", currency="rub", is_base=True, priority=1, prices_include_vat=True,
        valid_from=date(2026, 1, 1), valid_until=date(2026, 12, 31)))
    assert (base.currency, base.is_base, base.priority) == ("RUB", True, 1)
    gold = save_price_list(factory, None, PriceListData(name="Золотой", fallback=base))
    gold = save_price_list(factory, gold, PriceListData(priority=5))
    assert (gold.fallback, gold.priority) == (base, 5)

    assert refused(save_price_list, network["dealer_a"], gold,
                   PriceListData(priority=9)) == ["NOT_OWNER"]
    resale = save_price_list(network["dealer_a"], None, PriceListData(
        name="Субдилерам", kind=PriceListKind.RESALE))
    assert refused(save_price_list, network["dealer_a"], resale,
                   PriceListData(fallback=base)) == ["NOT_OWNER"]  # the factory's list


@pytest.mark.parametrize(("data", "code"), [
    (PriceListData(name="Второй базовый", is_base=True), "UNIQUE"),
    (PriceListData(name="Наоборот", valid_from=date(2026, 5, 1),
                   valid_until=date(2026, 4, 1)), "INVALID_PERIOD"),
    (PriceListData(name="Тугрики", currency="XXX"), "INVALID_CURRENCY"),
    (PriceListData(name="Ноль", source=None, formula_factor=Decimal(0)), "INVALID_FORMULA"),
    (PriceListData(name="Минус сто", formula_percent=Decimal(-100)), "INVALID_FORMULA"),
    (PriceListData(name="Перепродажа", kind=PriceListKind.RESALE), "INVALID"),
    (PriceListData(name=""), "REQUIRED"),
])
def test_bad_list_fields_are_refused_with_their_code(factory, data, code):
    save_price_list(factory, None, PriceListData(name="Базовый", is_base=True))
    assert refused(save_price_list, factory, None, data) == [code]


def test_a_fallback_or_formula_cycle_and_a_currency_mismatch_are_refused(factory):
    a = save_price_list(factory, None, PriceListData(name="A"))
    b = save_price_list(factory, None, PriceListData(name="B", fallback=a))
    c = save_price_list(factory, None, PriceListData(name="C", source=b))
    d = save_price_list(factory, None, PriceListData(name="D", source=c))

    assert refused(save_price_list, factory, a, PriceListData(fallback=b)) == [
        "FALLBACK_CYCLE"]
    assert refused(save_price_list, factory, b, PriceListData(source=d)) == ["FORMULA_CYCLE"]
    assert refused(save_price_list, factory, c, PriceListData(source=c)) == ["FORMULA_CYCLE"]
    euro = save_price_list(factory, None, PriceListData(name="EUR", currency="EUR"))
    assert refused(save_price_list, factory, euro, PriceListData(fallback=a)) == [
        "CURRENCY_MISMATCH"]
    # B's fallback A stays in roubles, and so does C derived from B:
    assert refused(save_price_list, factory, b, PriceListData(currency="EUR")) == [
        "CURRENCY_MISMATCH", "CURRENCY_MISMATCH"]


def test_an_assignment_has_exactly_one_target_inside_the_owners_subtree(network, factory,
                                                                        make_org):
    dealer = network["dealer_a"]
    resale = save_price_list(dealer, None, PriceListData(name="Субдилерам",
                                                         kind=PriceListKind.RESALE))
    gold = save_price_group(factory, None, PriceGroupData(name="Золото"))
    mine = save_price_group(dealer, None, PriceGroupData(name="Мои"))

    assign_price_list(dealer, resale, AssignmentData(organization=network["sub_a"]))
    assign_price_list(dealer, resale, AssignmentData(price_group=mine))
    assign_price_list(dealer, resale, AssignmentData(region=" Москва "))
    assign_price_list(dealer, resale, AssignmentData(owner_default=True))
    assert PriceListAssignment.objects.filter(price_list=resale).count() == 4

    for data in (AssignmentData(organization=network["sub_b"]),  # dealer B's sub-dealer
                 AssignmentData(organization=dealer),  # itself
                 AssignmentData(organization=factory),  # above it
                 AssignmentData(price_group=gold)):  # the factory's group
        assert refused(assign_price_list, dealer, resale, data) == [
            "ASSIGNMENT_OUTSIDE_SUBTREE"]
    assert refused(assign_price_list, dealer, resale, AssignmentData()) == [
        "ASSIGNMENT_TARGET"]
    assert refused(assign_price_list, dealer, resale, AssignmentData(
        region="Тула", owner_default=True)) == ["ASSIGNMENT_TARGET"]
    assert refused(assign_price_list, dealer, resale, AssignmentData(
        organization=network["sub_a"])) == ["UNIQUE"]
    assert refused(assign_price_list, factory, resale, AssignmentData(
        organization=network["sub_a"])) == ["NOT_OWNER"]


@pytest.mark.django_db(transaction=True)
def test_two_transactions_cannot_each_close_half_of_a_fallback_cycle(network):
    """A -> B in one transaction, B -> A in another at the same time: each alone is fine,
    together a cycle. The owner's lock makes the second wait and see the first."""
    import threading

    from django.db import connection, transaction

    factory = network["factory"]
    a = save_price_list(factory, None, PriceListData(name="A"))
    b = save_price_list(factory, None, PriceListData(name="B"))
    first_saved, release_first = threading.Event(), threading.Event()
    outcome: list[object] = []
    second_done = threading.Event()

    def first() -> None:
        try:
            with transaction.atomic():
                save_price_list(factory, a, PriceListData(fallback=b))
                first_saved.set()
                release_first.wait(timeout=30)
        finally:
            connection.close()

    def second() -> None:
        try:
            first_saved.wait(timeout=30)
            save_price_list(factory, b, PriceListData(fallback=a))
            outcome.append("saved")
        except DomainValidationError as error:
            outcome.append(codes(error))
        finally:
            second_done.set()
            connection.close()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    assert first_saved.wait(timeout=30)
    assert not second_done.wait(timeout=0.5)  # waiting for the first's lock on the owner
    release_first.set()
    for thread in threads:
        thread.join()

    assert outcome == [["FALLBACK_CYCLE"]]
    b.refresh_from_db()
    assert b.fallback_id is None


def test_a_list_is_deleted_by_its_owner_unless_another_list_depends_on_it(network, factory):
    base = save_price_list(factory, None, PriceListData(name="Базовый"))
    gold = save_price_list(factory, None, PriceListData(name="Золотой", fallback=base))
    derived = save_price_list(factory, None, PriceListData(name="-5%", source=base,
                                                           formula_percent=Decimal(-5)))
    assert refused(delete_price_list, factory, base) == ["LIST_IN_USE"]
    assert refused(delete_price_list, network["dealer_a"], gold) == ["NOT_OWNER"]
    delete_price_list(factory, gold)
    delete_price_list(factory, derived)
    delete_price_list(factory, base)
    assert not PriceList.objects.exists()
