"""Invoices through the API, per role: the dealer's accountant reads its invoices (lines,
paid, remaining, status, the PDF link, Order.invoices and the UPDs); its buyer (no
VIEW_INVOICES) and the sub-dealer see none; staff see all and filter them; the seller
issues an order's invoice by hand (invoiceIssue), once; requisitesSet by the
organization's own admin or staff, validated, and Organization.requisites seen by the
account's parties."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone
from graphql_relay import to_global_id

from plugins.credit.models import CreditAccount, Invoice, PaymentAllocation, Requisites
from tests.fixtures.order_place import *  # noqa: F403
from tests.invoices_world import *  # noqa: F403
from tests.invoices_world import confirmed, invoice_of, shipped

pytestmark = pytest.mark.django_db

INVOICE_FIELDS = """id number issuedOn dueOn currency vatRate status overdueDays paidAt pdfUrl
  seller { name } buyer { name } order { number }
  totalNet { amount currency } totalVat { amount } totalGross { amount }
  paid { amount } remaining { amount }
  lines { position sku name unit quantity unitPriceNet { amount } totalNet { amount }
          totalVat { amount } totalGross { amount } }"""

INVOICES = f"""query($filter: InvoiceFilterInput) {{ invoices(filter: $filter, first: 20) {{
  totalCount edges {{ node {{ {INVOICE_FIELDS} }} }} }} }}"""

ORDER = """query($id: ID!) { order(id: $id) { invoices { number status pdfUrl }
  shipmentDocuments { dispatchNumber shippedAt updUrl } } }"""

ISSUE = """mutation($order: ID!) { invoiceIssue(order: $order) {
  invoice { number totalGross { amount } lines { sku } } errors { field code message } } }"""

REQUISITES_SET = """mutation($org: ID!, $input: RequisitesInput!) {
  requisitesSet(organization: $org, input: $input) {
    requisites { legalAddress bankName bik bankAccount correspondentAccount director
                 chiefAccountant }
    errors { field code message } } }"""


def gid(kind, row) -> str:
    return to_global_id(kind, row.pk)


@pytest.fixture
def world(credit_world):
    windows, doors = credit_world["variants"][1], credit_world["variants"][2]
    credit_world["order"] = confirmed(credit_world, (windows, 2), (doors, 3))
    return credit_world


def nodes(response, field="invoices"):
    return [edge["node"] for edge in response.data[field]["edges"]]


def test_the_accountant_reads_its_invoice(world, api_as):
    invoice = invoice_of(world["order"])
    payment = world["account"].payments.create(
        method="BANK_TRANSFER", source="MANUAL", amount=Decimal("100.00"), currency="RUB",
        received_on=timezone.localdate())
    PaymentAllocation.objects.create(payment=payment, invoice=invoice, amount=Decimal("100.00"))
    client = api_as(world["accountant"], world["dealer"])
    [node] = nodes(client(INVOICES))
    year = invoice.year % 100
    assert node["number"] == f"СЧ-{year}-00001"
    assert node["seller"]["name"] == world["factory"].name
    assert node["buyer"]["name"] == world["dealer"].name
    assert node["order"]["number"].endswith(f"{world['order'].serial:05d}")
    assert Decimal(node["totalGross"]["amount"]) == invoice.total_gross
    assert Decimal(node["paid"]["amount"]) == Decimal("100.00")
    assert Decimal(node["remaining"]["amount"]) == invoice.total_gross - Decimal("100")
    assert node["status"] == "UNPAID"  # the allocation was written behind the service
    assert node["vatRate"] == "22.00"
    assert [line["sku"] for line in node["lines"]][:2] == [world["variants"][1].sku,
                                                          world["variants"][2].sku]
    assert node["pdfUrl"].startswith(f"/downloads/invoices/{invoice.pk}/pdf/?t=")
    answer = client(ORDER, {"id": gid("Order", world["order"])}).data["order"]
    assert [i["number"] for i in answer["invoices"]] == [node["number"]]


def test_english_numbers_for_an_english_reader(world, api_as):
    world["accountant"].language = "en"
    world["accountant"].save(update_fields=["language"])
    [node] = nodes(api_as(world["accountant"], world["dealer"])(INVOICES))
    assert node["number"].startswith("INV-")


def test_the_buyer_without_view_invoices_and_the_sub_dealer_see_none(world, api_as):
    assert nodes(api_as(world["buyer"], world["dealer"])(INVOICES)) == []
    assert nodes(api_as(world["sub_buyer"], world["sub"])(INVOICES)) == []
    answer = api_as(world["buyer"], world["dealer"])(
        ORDER, {"id": gid("Order", world["order"])}).data["order"]
    assert answer["invoices"] == []


def test_an_unpaid_invoice_past_due_reads_overdue_and_filters(world, api_as):
    first = invoice_of(world["order"])
    second = invoice_of(confirmed(world, (world["variants"][3], 1)))
    Invoice.objects.filter(pk=first.pk).update(
        due_on=timezone.localdate() - datetime.timedelta(days=5))
    staff = api_as(world["staff"])
    by_number = {n["number"]: n for n in nodes(staff(INVOICES))}
    assert len(by_number) == 2
    overdue = nodes(staff(INVOICES, {"filter": {"overdueOnly": True}}))
    assert [(n["status"], n["overdueDays"]) for n in overdue] == [("OVERDUE", 5)]
    assert [n["id"] for n in nodes(staff(INVOICES, {"filter": {"status": ["OVERDUE"]}}))] == [
        gid("Invoice", first)]
    assert [n["id"] for n in nodes(staff(INVOICES, {"filter": {"status": ["UNPAID"]}}))] == [
        gid("Invoice", second)]
    year = second.year % 100
    found = nodes(staff(INVOICES, {"filter": {"search": f"СЧ-{year}-00002"}}))
    assert [n["id"] for n in found] == [gid("Invoice", second)]
    found = nodes(staff(INVOICES, {"filter": {"order": gid("Order", world["order"])}}))
    assert [n["id"] for n in found] == [gid("Invoice", first)]
    found = nodes(staff(INVOICES, {"filter": {"search": world["dealer"].inn}}))
    assert len(found) == 2


def test_shipment_documents_per_dispatch(world, api_as):
    dispatch = shipped(world, world["order"], (world["variants"][1], 2))
    answer = api_as(world["buyer"], world["dealer"])(
        ORDER, {"id": gid("Order", world["order"])}).data["order"]
    [document] = answer["shipmentDocuments"]
    assert document["dispatchNumber"].startswith("О-")
    assert document["updUrl"].startswith(f"/downloads/dispatches/{dispatch.pk}/upd/?t=")


def test_the_seller_issues_an_invoice_by_hand_once(credit_world, api_as):
    CreditAccount.objects.filter(pk=credit_world["account"].pk).update(
        invoice_policy="PER_SHIPMENT")
    order = confirmed(credit_world, (credit_world["variants"][1], 2))
    variables = {"order": gid("Order", order)}
    accountant = api_as(credit_world["accountant"], credit_world["dealer"])
    answer = accountant.mutate(ISSUE, variables, result="invoiceIssue")
    assert [e["code"] for e in answer["errors"]] == ["PERMISSION_DENIED"]
    staff = api_as(credit_world["staff"])
    answer = staff.mutate(ISSUE, variables, result="invoiceIssue")
    assert answer["errors"] == []
    assert Decimal(answer["invoice"]["totalGross"]["amount"]) == order.grand_total_gross
    again = staff.mutate(ISSUE, variables, result="invoiceIssue")
    assert [(e["code"], e["field"]) for e in again["errors"]] == [("NOTHING_TO_INVOICE",
                                                                   "order")]
    assert Invoice.objects.filter(order=order).count() == 1


def test_invoice_issue_without_an_account_or_confirmation(credit_world, api_as):
    from tests.workflow_units_world import placed

    staff = api_as(credit_world["staff"])
    waiting = placed(credit_world, (credit_world["variants"][1], 1), state="SUBMITTED")
    answer = staff.mutate(ISSUE, {"order": gid("Order", waiting)}, result="invoiceIssue")
    assert [e["code"] for e in answer["errors"]] == ["NOTHING_TO_INVOICE"]
    Invoice.objects.all().delete()
    CreditAccount.objects.all().delete()
    answer = staff.mutate(ISSUE, {"order": gid("Order", waiting)}, result="invoiceIssue")
    assert [e["code"] for e in answer["errors"]] == ["NO_CREDIT_ACCOUNT"]
    answer = staff.mutate(ISSUE, {"order": to_global_id("Order", 999999)},
                          result="invoiceIssue")
    assert [e["code"] for e in answer["errors"]] == ["NOT_FOUND"]


def test_requisites_set_by_the_own_admin_or_staff(credit_world, api_as):
    dealer = credit_world["dealer"]
    variables = {"org": gid("Organization", dealer), "input": {
        "bankName": " АО Тинькофф Банк ", "bik": "044525974",
        "bankAccount": "40702810110000000003", "chiefAccountant": "Кузнецова Е. В."}}
    admin = api_as(credit_world["admin"], dealer)
    answer = admin.mutate(REQUISITES_SET, variables, result="requisitesSet")
    assert answer["errors"] == []
    assert answer["requisites"]["bankName"] == "АО Тинькофф Банк"
    # the fields not given stay
    assert answer["requisites"]["director"] == "Сидоров С. С."
    assert answer["requisites"]["chiefAccountant"] == "Кузнецова Е. В."
    bad = {"org": variables["org"], "input": {"bik": "12345", "bankAccount": "x" * 20}}
    answer = admin.mutate(REQUISITES_SET, bad, result="requisitesSet")
    assert sorted(e["field"] for e in answer["errors"]) == ["input.bankAccount", "input.bik"]
    assert Requisites.objects.get(organization=dealer).bik == "044525974"
    buyer = api_as(credit_world["buyer"], dealer)
    answer = buyer.mutate(REQUISITES_SET, variables, result="requisitesSet")
    assert [e["code"] for e in answer["errors"]] == ["PERMISSION_DENIED"]
    factory = {"org": gid("Organization", credit_world["factory"]),
               "input": {"director": "Новиков Н. Н."}}
    answer = admin.mutate(REQUISITES_SET, factory, result="requisitesSet")
    assert [e["code"] for e in answer["errors"]] in (["PERMISSION_DENIED"], ["NOT_FOUND"])
    answer = api_as(credit_world["staff"]).mutate(REQUISITES_SET, factory,
                                                  result="requisitesSet")
    assert answer["errors"] == [] and answer["requisites"]["director"] == "Новиков Н. Н."


ORG_REQUISITES = """query($id: ID!) { node(id: $id) { ... on Organization {
  requisites { bankName bik } } } }"""


def test_requisites_are_seen_by_the_account_parties(credit_world, api_as):
    factory = {"id": gid("Organization", credit_world["factory"])}
    accountant = api_as(credit_world["accountant"], credit_world["dealer"])
    node = accountant(ORG_REQUISITES, factory).data["node"]
    assert node["requisites"] == {"bankName": "ПАО Сбербанк", "bik": "044525225"}
    sub = api_as(credit_world["sub_buyer"], credit_world["sub"])
    node = sub(ORG_REQUISITES, factory).data["node"]
    assert node is None or node["requisites"] is None
