"""paymentRecord, paymentRefund and the payments connection through the API, per role: the
account's seller records (staff with MANAGE_CREDIT for the manufacturer's accounts, a
dealer's MANAGE_CREDIT for its sub-dealers'), the buyer's accountants see their payments,
a sub-dealer never sees its dealer's payments to the manufacturer."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from plugins.credit.models import EntryKind, InvoiceStatus, LedgerEntry, Payment
from tests.fixtures.credit_payments import *  # noqa: F403
from tests.fixtures.credit_payments import gid, make_invoice

pytestmark = pytest.mark.django_db

RECORD = """mutation($input: PaymentRecordInput!) {
  paymentRecord(input: $input) {
    payment { id amount { amount currency } allocated { amount } advance { amount }
              refunded { amount } source method reference purpose receivedOn }
    account { id advance { amount } }
    errors { field code message }
  }
}"""
REFUND = """mutation($payment: ID!, $amount: Decimal!, $reason: String!) {
  paymentRefund(payment: $payment, amount: $amount, reason: $reason) {
    payment { id advance { amount } refunded { amount } allocated { amount } }
    errors { field code message }
  }
}"""
PAYMENTS = """query($filter: PaymentFilterInput) {
  payments(filter: $filter, first: 20) {
    totalCount
    edges { node { id amount { amount } reference source allocated { amount }
                   allocations { amount { amount currency } payment { id } } } }
  }
}"""


def record(client, account, amount="100.00", **fields):
    variables = {"input": {"account": gid("CreditAccount", account.pk), "amount": amount,
                           "currency": "RUB", "receivedOn": "2026-11-30", **fields}}
    return client(RECORD, variables).data["paymentRecord"]


@pytest.mark.parametrize(("user", "org", "account", "allowed"), [
    ("staff", "factory", "dealer_account", True),
    ("viewer_staff", "factory", "dealer_account", False),  # VIEW_ALL reads only
    ("dealer_admin", "dealer_a", "sub_account", True),  # its sub-dealer's account
    ("dealer_admin", "dealer_a", "dealer_account", False),  # its own debt: the factory's
    ("dealer_accountant", "dealer_a", "sub_account", False),  # no MANAGE_CREDIT
    ("sub_accountant", "sub_a", "sub_account", False),
    ("other_admin", "dealer_b", "sub_account", False),
])
def test_who_records_payments(credit_world, api_as, user, org, account, allowed):
    w = credit_world
    payload = record(api_as(w[user], w[org]), w[account])
    if allowed:
        assert payload["errors"] == []
        assert payload["payment"]["source"] == "MANUAL"
        assert Payment.objects.count() == 1
    else:
        assert payload["payment"] is None
        assert payload["errors"][0]["code"] in {"PERMISSION_DENIED", "NOT_FOUND"}
        assert not Payment.objects.exists()


def test_a_payment_pays_the_named_invoice_then_keeps_the_rest(credit_world, api_as):
    w = credit_world
    account = w["sub_account"]
    older = make_invoice(account, "300.00", due_in=3)
    named = make_invoice(account, "500.00", due_in=30)
    client = api_as(w["dealer_admin"], w["dealer_a"])
    payload = record(client, account, "900.00", invoice=gid("Invoice", named.pk),
                     reference="п/п 77", purpose="Оплата по счету")
    assert payload["errors"] == []
    payment = payload["payment"]
    assert (payment["allocated"]["amount"], payment["advance"]["amount"]) == (
        "800.00", "100.00")
    assert payload["account"]["advance"]["amount"] == "100.00"
    named.refresh_from_db()
    older.refresh_from_db()
    assert named.status == older.status == InvoiceStatus.PAID
    again = record(client, account, "900.00", reference="п/п 77")
    assert again["payment"]["id"] == payment["id"]
    assert LedgerEntry.objects.filter(kind=EntryKind.PAYMENT).count() == 1


@pytest.mark.parametrize(("fields", "code", "field"), [
    ({"amount": "0"}, "AMOUNT_NOT_POSITIVE", "amount"),
    ({"amount": "-10.00"}, "AMOUNT_NOT_POSITIVE", "amount"),
    ({"currency": "EUR"}, "CURRENCY_MISMATCH", "currency"),
    ({"amount": "1.001"}, "INVALID", "amount"),
])
def test_bad_input_writes_nothing(credit_world, api_as, fields, code, field):
    w = credit_world
    client = api_as(w["staff"], w["factory"])
    variables = {"input": {"account": gid("CreditAccount", w["dealer_account"].pk),
                           "amount": "10.00", "currency": "RUB",
                           "receivedOn": "2026-11-30", **fields}}
    payload = client(RECORD, variables).data["paymentRecord"]
    assert [(e["code"], e["field"]) for e in payload["errors"]] == [(code, field)]
    assert not Payment.objects.exists() and not LedgerEntry.objects.exists()


def test_a_paid_or_foreign_invoice_cannot_be_named(credit_world, api_as):
    w = credit_world
    paid = make_invoice(w["dealer_account"], "10.00")
    client = api_as(w["staff"], w["factory"])
    record(client, w["dealer_account"], "10.00", invoice=gid("Invoice", paid.pk))
    again = record(client, w["dealer_account"], "10.00", invoice=gid("Invoice", paid.pk))
    assert again["errors"][0]["code"] == "INVOICE_NOT_OPEN"
    foreign = make_invoice(w["sub_account"], "10.00")
    other = record(client, w["dealer_account"], "10.00", invoice=gid("Invoice", foreign.pk))
    assert other["errors"][0]["code"] == "INVOICE_NOT_OPEN"
    assert Payment.objects.count() == 1


def test_refund_from_the_advance_then_the_invoice(credit_world, api_as):
    w = credit_world
    invoice = make_invoice(w["dealer_account"], "100.00")
    client = api_as(w["staff"], w["factory"])
    payment_id = record(client, w["dealer_account"], "150.00")["payment"]["id"]
    first = client(REFUND, {"payment": payment_id, "amount": "80.00",
                            "reason": "Ошибочный платёж"}).data["paymentRefund"]
    assert first["errors"] == []
    assert (first["payment"]["advance"]["amount"], first["payment"]["refunded"]["amount"],
            first["payment"]["allocated"]["amount"]) == ("0.00", "80.00", "70.00")
    invoice.refresh_from_db()
    assert invoice.status == InvoiceStatus.PARTIALLY_PAID
    too_much = client(REFUND, {"payment": payment_id, "amount": "70.01",
                               "reason": "x"}).data["paymentRefund"]
    assert too_much["errors"][0]["code"] == "REFUND_TOO_LARGE"
    no_reason = client(REFUND, {"payment": payment_id, "amount": "1.00",
                                "reason": ""}).data["paymentRefund"]
    assert no_reason["errors"][0]["code"] == "REASON_REQUIRED"
    dealer = api_as(w["dealer_admin"], w["dealer_a"])
    refused = dealer(REFUND, {"payment": payment_id, "amount": "1.00",
                              "reason": "mine"}).data["paymentRefund"]
    assert refused["errors"][0]["code"] in {"NOT_FOUND", "PERMISSION_DENIED"}
    refunds = LedgerEntry.objects.filter(kind=EntryKind.REFUND)
    assert [e.amount for e in refunds] == [Decimal("80.00")]


def test_who_sees_which_payments(credit_world, api_as):
    w = credit_world
    staff = api_as(w["staff"], w["factory"])
    record(staff, w["dealer_account"], "100.00", reference="to-factory")
    record(api_as(w["dealer_admin"], w["dealer_a"]), w["sub_account"], "50.00",
           reference="to-dealer")

    def seen(user, org, **filter_):
        data = api_as(w[user], w[org])(PAYMENTS, {"filter": filter_ or None}).data
        return sorted(e["node"]["reference"] for e in data["payments"]["edges"])

    assert seen("staff", "factory") == ["to-dealer", "to-factory"]
    assert seen("viewer_staff", "factory") == ["to-dealer", "to-factory"]
    assert seen("dealer_accountant", "dealer_a") == ["to-dealer", "to-factory"]
    assert seen("dealer_buyer", "dealer_a") == []  # figures only, no documents
    assert seen("sub_accountant", "sub_a") == ["to-dealer"]  # never the dealer's own
    assert seen("other_admin", "dealer_b") == []
    assert seen("staff", "factory", account=gid("CreditAccount", w["sub_account"].pk)) == [
        "to-dealer"]
    assert seen("staff", "factory", source=["STRIPE"]) == []
    assert seen("staff", "factory", **{"from": "2026-12-01"}) == []
    assert api_as(w["staff"], w["factory"])(PAYMENTS, {"filter": {
        "from": "2026-12-02", "to": "2026-12-01"}}).errors


def test_allocations_listed_on_the_payment(credit_world, api_as):
    w = credit_world
    make_invoice(w["dealer_account"], "40.00", issued_on=date(2026, 11, 1))
    make_invoice(w["dealer_account"], "40.00", issued_on=date(2026, 11, 2))
    staff = api_as(w["staff"], w["factory"])
    record(staff, w["dealer_account"], "60.00")
    (edge,) = staff(PAYMENTS).data["payments"]["edges"]
    assert [a["amount"]["amount"] for a in edge["node"]["allocations"]] == ["40.00", "20.00"]
