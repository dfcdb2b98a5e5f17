"""Credit accounts through the API: the figures derived from the ledger, invoices, payments
and open orders; who sees which account (the buyer's roles, the seller's side, staff; a
sub-dealer never its dealer's account with the manufacturer); setting an account and
adjusting its ledger, with every refusal answered as an error and nothing written."""

from __future__ import annotations

from decimal import Decimal

import pytest

from plugins.credit.models import CreditAccount, LedgerEntry
from tests.credit_world import *  # noqa: F403
from tests.credit_world import gid
from tests.fixtures.graphql import GraphQLClient

pytestmark = pytest.mark.django_db

FIGURES = """id currency creditLimit { amount currency } terms netDays overLimitPolicy
  invoicePolicy balance { amount } invoicedOpen { amount } overdue { amount } overdueDays
  dueThisWeek { amount } openOrders { amount } advance { amount } available { amount currency }
  lastPaymentOn lastPaymentAmount { amount } canManage buyer { name } seller { name }"""
MY_ACCOUNT = f"query($seller: ID) {{ creditAccount(seller: $seller) {{ {FIGURES} }} }}"
ERRORS = "errors { field code message }"
SET = f"""mutation($input: CreditAccountInput!) {{ creditAccountSet(input: $input) {{
  account {{ id creditLimit {{ amount }} terms netDays overLimitPolicy invoicePolicy currency
             note canManage available {{ amount }} }} {ERRORS} }} }}"""
ADJUST = f"""mutation($account: ID!, $amount: Decimal!, $currency: String!, $reason: String!,
  $creditNote: Boolean) {{ creditAdjust(account: $account, amount: $amount, currency: $currency,
  reason: $reason, creditNote: $creditNote) {{ entry {{ kind amount {{ amount currency }} reason }}
  account {{ balance {{ amount }} available {{ amount }} }} {ERRORS} }} }}"""


def client(world, who):
    user = world["users"][who]
    return GraphQLClient(user, user.memberships.get().organization)


def _figures(account: dict) -> dict:
    return {"balance": account["balance"]["amount"],
            "invoicedOpen": account["invoicedOpen"]["amount"],
            "overdue": account["overdue"]["amount"], "overdueDays": account["overdueDays"],
            "dueThisWeek": account["dueThisWeek"]["amount"],
            "openOrders": account["openOrders"]["amount"],
            "advance": account["advance"]["amount"],
            "available": account["available"]["amount"]}


def test_the_dealers_account_shows_the_figures_its_ledger_gives(credit_world):
    w = credit_world
    account = client(w, "dealer admin")(MY_ACCOUNT).data["creditAccount"]

    assert _figures(account) == w["figures"]
    assert account["creditLimit"] == {"amount": "100000.00", "currency": "RUB"}
    assert (account["terms"], account["netDays"], account["overLimitPolicy"],
            account["invoicePolicy"]) == ("NET", 30, "MODERATE", "ON_CONFIRMATION")
    assert account["lastPaymentAmount"] == {"amount": "10000.00"}
    assert account["lastPaymentOn"] == str(w["payment"].received_on)
    assert account["buyer"] == {"name": "Дилер Альфа"} and account["seller"] == {"name": "Завод"}
    assert account["canManage"] is False  # a buyer never manages its own credit


@pytest.mark.parametrize(("who", "sees", "entries"), [
    ("dealer admin", True, 4), ("dealer buyer", True, 0), ("dealer accountant", True, 4),
    ("dealer viewer", False, None),
])
def test_the_buyers_roles_see_its_account_and_the_documents_roles_its_ledger(
        credit_world, who, sees, entries):
    found = client(credit_world, who)(
        "{ creditAccount { id entries { totalCount edges { node { kind amount { amount } } } } } }"
    ).data["creditAccount"]

    assert (found is not None) is sees
    if sees:
        assert found["entries"]["totalCount"] == entries


def test_a_sub_dealer_never_sees_its_dealers_account_with_the_manufacturer(credit_world):
    w = credit_world
    for who in ("sub buyer", "sub admin"):
        api = client(w, who)
        own = api(MY_ACCOUNT).data["creditAccount"]
        assert own["seller"] == {"name": "Дилер Альфа"}
        assert own["available"]["amount"] == "20000.00"
        assert api(MY_ACCOUNT, {"seller": gid(w["network"]["factory"])}).data[
            "creditAccount"] is None
        dealer = api("query($id: ID!) { node(id: $id) { ... on Organization { name "
                     "creditAccount { id } } } }", {"id": gid(w["network"]["dealer_a"])})
        assert dealer.data["node"] == {"name": "Дилер Альфа", "creditAccount": None}
        assert api("query($id: ID!) { node(id: $id) { id } }",
                   {"id": gid(w["account"])}).data["node"] is None
        assert api("{ creditAccounts { totalCount } }").data["creditAccounts"] == {
            "totalCount": 0}


@pytest.mark.parametrize(("who", "names", "can_manage"), [
    ("dealer admin", ["Субдилер Альфа-1"], [True]),
    ("dealer accountant", ["Субдилер Альфа-1"], [False]),
    ("dealer buyer", [], []),
    ("other dealer admin", [], []),
    ("staff MANAGE_CREDIT", ["Дилер Альфа", "Субдилер Альфа-1"], [True, False]),
    ("staff VIEW_ALL", ["Дилер Альфа", "Субдилер Альфа-1"], [False, False]),
    ("staff without", [], []),
])
def test_the_sellers_side_lists_the_accounts_it_sees(credit_world, who, names, can_manage):
    found = client(credit_world, who)(
        "{ creditAccounts { totalCount edges { node { buyer { name } canManage "
        "available { amount } } } } }").data["creditAccounts"]

    nodes = [edge["node"] for edge in found["edges"]]
    assert [node["buyer"]["name"] for node in nodes] == names
    assert [node["canManage"] for node in nodes] == can_manage
    if "Дилер Альфа" in names:
        assert nodes[0]["available"]["amount"] == credit_world["figures"]["available"]


def test_a_dealer_sees_its_sub_dealers_account_on_the_organization(credit_world):
    w = credit_world
    found = client(w, "dealer admin")(
        "query($id: ID!) { node(id: $id) { ... on Organization { creditAccount { "
        "canManage available { amount } seller { name } } } } }",
        {"id": gid(w["network"]["sub_a"])}).data["node"]["creditAccount"]
    assert found == {"canManage": True, "available": {"amount": "20000.00"},
                     "seller": {"name": "Дилер Альфа"}}


def test_an_order_answers_its_credit_hold(credit_world):
    w = credit_world
    order = client(w, "dealer buyer")("query($id: ID!) { order(id: $id) { creditHold } }",
                                      {"id": gid(w["order"])})
    assert order.data["order"] == {"creditHold": "NONE"}


def _input(world, buyer="sub_a", **fields):
    return {"buyer": gid(world["network"][buyer]), "creditLimit": "50000",
            "terms": "NET", "netDays": 14, "overLimitPolicy": "REFUSE", **fields}


def test_a_dealer_sets_its_sub_dealers_account_and_staff_a_dealers(credit_world):
    w = credit_world
    changed = client(w, "dealer admin").mutate(SET, {"input": _input(
        w, invoicePolicy="PER_SHIPMENT", note=" Надёжный ")}, result="creditAccountSet")
    assert changed["errors"] == []
    assert changed["account"] == {
        "id": gid(w["sub_account"]), "creditLimit": {"amount": "50000.00"}, "terms": "NET",
        "netDays": 14, "overLimitPolicy": "REFUSE", "invoicePolicy": "PER_SHIPMENT",
        "currency": "RUB", "note": "Надёжный", "canManage": True,
        "available": {"amount": "50000.00"}}

    created = client(w, "staff MANAGE_CREDIT").mutate(SET, {"input": _input(
        w, "dealer_b", terms="PREPAYMENT", creditLimit="0", overLimitPolicy="CARD")},
        result="creditAccountSet")
    assert created["errors"] == []
    assert created["account"]["netDays"] == 0 and created["account"]["canManage"] is True
    account = CreditAccount.objects.get(buyer=w["network"]["dealer_b"])
    assert (account.seller, account.updated_by) == (
        w["network"]["factory"], w["users"]["staff MANAGE_CREDIT"])


@pytest.mark.parametrize(("who", "buyer", "code"), [
    ("dealer admin", "dealer_a", "PERMISSION_DENIED"),  # its own credit with its seller
    ("dealer admin", "sub_b", "NOT_FOUND"),  # another dealer's sub-dealer
    ("dealer accountant", "sub_a", "PERMISSION_DENIED"),  # no MANAGE_CREDIT
    ("sub admin", "dealer_a", "PERMISSION_DENIED"),
    ("staff MANAGE_CREDIT", "sub_a", "PERMISSION_DENIED"),  # the dealer's to set
    ("staff VIEW_ALL", "dealer_a", "PERMISSION_DENIED"),
])
def test_only_the_buyers_seller_sets_its_account(credit_world, who, buyer, code):
    w = credit_world
    before = list(CreditAccount.objects.order_by("pk").values())

    answer = client(w, who).mutate(SET, {"input": _input(w, buyer)}, result="creditAccountSet")

    assert answer["account"] is None
    assert [e["code"] for e in answer["errors"]] == [code]
    assert list(CreditAccount.objects.order_by("pk").values()) == before


def test_bad_settings_are_answered_field_by_field_and_nothing_changes(credit_world):
    w = credit_world
    before = list(CreditAccount.objects.order_by("pk").values())
    staff = client(w, "staff MANAGE_CREDIT")

    answer = staff.mutate(SET, {"input": _input(w, "dealer_a", creditLimit="-1", netDays=400,
                                                currency="USD")}, result="creditAccountSet")

    assert answer["errors"] == [
        {"field": "creditLimit", "code": "LIMIT_NEGATIVE",
         "message": "The credit limit cannot be negative."},
        {"field": "netDays", "code": "INVALID", "message": "Net days are 0 to 365."},
        {"field": "currency", "code": "CURRENCY_MISMATCH", "message": (
            "The account already has entries in RUB; its currency cannot change.")}]
    fraction = staff.mutate(SET, {"input": _input(w, "dealer_a", creditLimit="1.005",
                                                  currency="XXX")}, result="creditAccountSet")
    assert [(e["field"], e["code"]) for e in fraction["errors"]] == [
        ("creditLimit", "INVALID"), ("currency", "INVALID")]
    assert list(CreditAccount.objects.order_by("pk").values()) == before


def test_the_seller_adjusts_the_ledger_with_a_reason(credit_world):
    w = credit_world
    staff = client(w, "staff MANAGE_CREDIT")
    variables = {"account": gid(w["account"]), "currency": "RUB"}

    debit = staff.mutate(ADJUST, {**variables, "amount": "500", "reason": " Пени "},
                         result="creditAdjust")
    note = staff.mutate(ADJUST, {**variables, "amount": "1500", "reason": "Возврат брака",
                                 "creditNote": True}, result="creditAdjust")

    assert debit == {"entry": {"kind": "ADJUSTMENT", "amount": {"amount": "500.00",
                                                                "currency": "RUB"},
                               "reason": "Пени"},
                     "account": {"balance": {"amount": "39500.00"},
                                 "available": {"amount": "60260.00"}}, "errors": []}
    assert note["entry"]["amount"] == {"amount": "-1500.00", "currency": "RUB"}
    assert note["account"] == {"balance": {"amount": "38000.00"},
                               "available": {"amount": "61760.00"}}
    assert LedgerEntry.objects.filter(account=w["account"]).count() == 6


@pytest.mark.parametrize(("who", "variables", "errors"), [
    ("staff MANAGE_CREDIT", {"amount": "0", "reason": " "},
     [("reason", "REASON_REQUIRED"), ("amount", "AMOUNT_NOT_POSITIVE")]),
    ("staff MANAGE_CREDIT", {"amount": "-5", "creditNote": True, "currency": "USD"},
     [("amount", "AMOUNT_NOT_POSITIVE"), ("currency", "CURRENCY_MISMATCH")]),
    ("staff MANAGE_CREDIT", {"amount": "0.001"}, [("amount", "INVALID")]),
    ("staff VIEW_ALL", {}, [("account", "PERMISSION_DENIED")]),
    ("dealer admin", {}, [("account", "PERMISSION_DENIED")]),  # its own account
    ("sub admin", {}, [("account", "NOT_FOUND")]),
])
def test_a_bad_adjustment_is_refused_and_writes_nothing(credit_world, who, variables, errors):
    w = credit_world
    count = LedgerEntry.objects.count()
    answer = client(w, who).mutate(ADJUST, {
        "account": gid(w["account"]), "currency": "RUB", "amount": "100", "reason": "Пени",
        **variables}, result="creditAdjust")

    assert answer["entry"] is None
    assert [(e["field"], e["code"]) for e in answer["errors"]] == errors
    assert LedgerEntry.objects.count() == count


def test_a_dealer_adjusts_its_sub_dealers_account(credit_world):
    w = credit_world
    answer = client(w, "dealer admin").mutate(ADJUST, {
        "account": gid(w["sub_account"]), "currency": "RUB", "amount": "-250.50",
        "reason": "Бонус за объём"}, result="creditAdjust")
    assert answer["errors"] == []
    assert answer["account"]["available"] == {"amount": "20250.50"}
    assert LedgerEntry.objects.get(account=w["sub_account"]).amount == Decimal("-250.50")
