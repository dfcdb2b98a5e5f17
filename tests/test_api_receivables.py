"""``receivables``: who sees which accounts in the monitor (staff all, a regional manager
its subtrees, a dealer its sub-dealers, nobody its own debt), the figures the contract
defines, every sort and the filters, and a page that runs the same number of SQL queries
however many accounts, invoices and payments it shows, on the execution fast path."""

from __future__ import annotations

import io
from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from backend.accounts.models import Role, StaffAssignment
from backend.core.permissions import Perm
from tests.fixtures.moderation import gid
from tests.receivables_world import account, invoice, payment, seed_credit

pytestmark = pytest.mark.django_db

PAGE = """query($filter: ReceivablesFilterInput, $sort: ReceivablesSortInput, $after: String,
 $first: Int) {
 receivables(first: $first, after: $after, filter: $filter, sort: $sort) { totalCount
  pageInfo { hasNextPage endCursor }
  edges { node { account { id balance { amount } overdue { amount } }
   client { id name } creditLimit { amount currency } balance { amount }
   available { amount } dueThisWeek { amount } overdue { amount } overdueDays
   lastPaymentOn lastPaymentAmount { amount } } } } }"""


@pytest.fixture
def credit(network, staff_user):
    return seed_credit(network, staff_user)


def _page(client, fast_path=None, first=50, **variables):
    if fast_path is not None:
        fast_path.reset()
    with CaptureQueriesContext(connection) as captured:
        response = client(PAGE, {"first": first, **variables})
    assert response.status == 200 and not response.errors, response.errors
    if fast_path is not None:
        assert fast_path.fallbacks == 0
    return len(captured), response.data["receivables"]


def _clients(page) -> list[str]:
    return [edge["node"]["client"]["name"] for edge in page["edges"]]


def test_the_figures_follow_the_ledger(credit, network, staff_user, api_as):
    _, page = _page(api_as(staff_user, network["factory"]),
                    filter={"search": network["sub_a"].name})
    (row,) = [edge["node"] for edge in page["edges"]]
    today = timezone.localdate()
    assert row["creditLimit"] == {"amount": "50000.00", "currency": "RUB"}
    # Invoices 12,200 + 6,100 + 2,440, payments 5,000 + 3,000, a refund of 100.
    assert Decimal(row["balance"]["amount"]) == Decimal("12840.00")
    assert Decimal(row["overdue"]["amount"]) == Decimal("7200.00")
    assert row["overdueDays"] == 10
    assert Decimal(row["dueThisWeek"]["amount"]) == Decimal("6100.00")
    # The limit less the open invoices (7,200 + 6,100) plus the advance (560 - 100).
    assert Decimal(row["available"]["amount"]) == Decimal("50000.00") - 13300 + 460
    assert row["lastPaymentOn"] == (today - timedelta(days=2)).isoformat()
    assert row["lastPaymentAmount"] == {"amount": "3000.00"}
    # The same figures as the account's own.
    assert row["account"]["balance"] == row["balance"]
    assert row["account"]["overdue"] == row["overdue"]


def test_who_sees_which_receivables(credit, network, staff_user, make_user, api_as):
    everyone = {network[k].name for k in ("dealer_a", "dealer_b", "sub_a", "sub_b")}
    _, staff = _page(api_as(staff_user, network["factory"]))
    assert set(_clients(staff)) == everyone and staff["totalCount"] == 4
    viewer = make_user("viewer@factory.test", is_staff=True,
                       staff_permissions=[Perm.VIEW_ALL.value])
    assert set(_clients(_page(api_as(viewer))[1])) == everyone
    regional = make_user("regional@factory.test", is_staff=True,
                         staff_permissions=[Perm.MANAGE_ORGANIZATIONS.value])
    StaffAssignment.objects.create(user=regional, organization=network["dealer_a"])
    assert set(_clients(_page(api_as(regional))[1])) == {network["dealer_a"].name,
                                                         network["sub_a"].name}
    for role, expected in ((Role.ADMIN, {network["sub_a"].name}),
                           (Role.ACCOUNTANT, {network["sub_a"].name}),
                           (Role.BUYER, set())):
        user = make_user(f"{role.lower()}@dealer-a.test", network["dealer_a"], role)
        _, page = _page(api_as(user, network["dealer_a"]))
        # Never the dealer's own account with the manufacturer: what it owes.
        assert set(_clients(page)) == expected, role
    sub_admin = make_user("admin@sub-a.test", network["sub_a"], Role.ADMIN)
    assert _page(api_as(sub_admin, network["sub_a"]))[1]["totalCount"] == 0
    assert _page(api_as(None))[1]["totalCount"] == 0


def test_the_seller_filter_and_the_overdue_only_filter(credit, network, staff_user, api_as):
    client = api_as(staff_user, network["factory"])
    _, dealers = _page(client, filter={"seller": gid("Organization", network["factory"].pk)})
    assert set(_clients(dealers)) == {network["dealer_a"].name, network["dealer_b"].name}
    fresh = account(network["factory"].children.create(
        name="Дилер Гамма", legal_name="ООО Гамма", inn="7707083893", kind="DEALER"))
    invoice(fresh, "100.00", timezone.localdate() + timedelta(days=30))
    _, overdue = _page(client, filter={"overdueOnly": True})
    assert "Дилер Гамма" not in _clients(overdue) and overdue["totalCount"] == 4
    _, every = _page(client)
    assert "Дилер Гамма" in _clients(every) and every["totalCount"] == 5
    response = client(PAGE, {"filter": {"seller": "not-an-id"}})
    assert response.errors


@pytest.mark.parametrize("field", ["CLIENT", "LIMIT", "BALANCE", "DUE_THIS_WEEK", "OVERDUE",
                                   "OVERDUE_DAYS", "LAST_PAYMENT"])
def test_every_sort_orders_the_whole_list_and_pages_without_gaps(
        field, credit, network, staff_user, api_as):
    today = timezone.localdate()
    for n in range(3):  # accounts differing in every figure
        org = network["factory"].children.create(
            name=f"Дилер {n}", legal_name=f"ООО {n}", inn=f"77070838{n}3", kind="DEALER")
        acc = account(org, f"{(n + 1) * 1000}.00")
        late = invoice(acc, f"{(n + 1) * 300}.00", today - timedelta(days=n + 1))
        invoice(acc, f"{(n + 1) * 50}.00", today + timedelta(days=n))
        payment(acc, f"{n + 1}0.00", today - timedelta(days=n), [(late, f"{n + 1}0.00")])
    client = api_as(staff_user, network["factory"])
    key = {"CLIENT": lambda r: r["client"]["name"].lower(),
           "LIMIT": lambda r: Decimal(r["creditLimit"]["amount"]),
           "BALANCE": lambda r: Decimal(r["balance"]["amount"]),
           "DUE_THIS_WEEK": lambda r: Decimal(r["dueThisWeek"]["amount"]),
           "OVERDUE": lambda r: Decimal(r["overdue"]["amount"]),
           "OVERDUE_DAYS": lambda r: r["overdueDays"],
           "LAST_PAYMENT": lambda r: r["lastPaymentOn"]}[field]
    for direction in ("ASC", "DESC"):
        sort = {"field": field, "direction": direction}
        _, whole = _page(client, sort=sort)
        rows = [edge["node"] for edge in whole["edges"]]
        values = [key(r) for r in rows]
        assert len(rows) == 7
        present = [v for v in values if v is not None]
        assert present == sorted(present, reverse=direction == "DESC"), values
        assert values[len(present):] == [None] * (len(values) - len(present))  # nulls last
        paged, after = [], None
        while True:
            _, page = _page(client, first=3, sort=sort, after=after)
            paged += _clients(page)
            if not page["pageInfo"]["hasNextPage"]:
                break
            after = page["pageInfo"]["endCursor"]
        assert paged == _clients(whole)


def test_a_page_runs_the_same_queries_however_many_rows(
        credit, network, staff_user, api_as, fast_path):
    client = api_as(staff_user, network["factory"])
    sorts = ({"field": "OVERDUE", "direction": "DESC"}, {"field": "CLIENT"})
    before = [_page(client, fast_path, sort=sort)[0] for sort in sorts]
    today = timezone.localdate()
    for n in range(6):
        org = network["dealer_a"].children.create(
            name=f"Суб {n}", legal_name="ООО", inn=f"7707083{n}93", kind="SUB_DEALER")
        acc = account(org)
        late = invoice(acc, "500.00", today - timedelta(days=3))
        payment(acc, "100.00", today, [(late, "50.00")])
    after = [_page(client, fast_path, sort=sort) for sort in sorts]
    assert all(page["totalCount"] == 10 for _, page in after)
    assert [count for count, _ in after] == before


EXPORT = """mutation($filter: ReceivablesFilterInput, $sort: ReceivablesSortInput,
 $language: String) {
 receivablesExport(filter: $filter, sort: $sort, language: $language) {
  url expiresAt errors { field code message } } }"""


def _workbook_rows(response) -> list[tuple]:
    from openpyxl import load_workbook

    assert response.status_code == 200, response.content
    body = b"".join(response.streaming_content)
    sheet = load_workbook(io.BytesIO(body), read_only=True).active
    return [tuple(row) for row in sheet.iter_rows(values_only=True)]


def test_the_export_is_the_monitor_as_its_viewer_sees_it(
        credit, network, staff_user, make_user, api_as, client):
    admin = make_user("admin@dealer-a.test", network["dealer_a"], Role.ADMIN)
    response = api_as(admin, network["dealer_a"])(EXPORT, {
        "sort": {"field": "CLIENT", "direction": "ASC"}, "language": "en"})
    payload = response.data["receivablesExport"]
    assert payload["errors"] == [] and payload["url"].startswith("/downloads/receivables/")
    rows = _workbook_rows(client.get(payload["url"]))
    assert rows[0][:4] == ("Client", "INN", "Credit limit", "Balance")
    # The dealer's sub-dealer only, never its own account with the manufacturer.
    assert [row[0] for row in rows[1:]] == [network["sub_a"].name]
    sub = rows[1]
    assert (Decimal(str(sub[3])), Decimal(str(sub[6])), sub[7]) == (
        Decimal("12840"), Decimal("7200"), 10)
    staff = api_as(staff_user, network["factory"])(EXPORT, {
        "filter": {"seller": gid("Organization", network["factory"].pk)}})
    rows = _workbook_rows(client.get(staff.data["receivablesExport"]["url"]))
    assert rows[0][0] == "Клиент"
    assert {row[0] for row in rows[1:]} == {network["dealer_a"].name, network["dealer_b"].name}


def test_a_tampered_or_foreign_export_link_is_refused(credit, network, make_user, api_as,
                                                      client):
    admin = make_user("admin@dealer-a.test", network["dealer_a"], Role.ADMIN)
    url = api_as(admin, network["dealer_a"])(EXPORT, {}).data["receivablesExport"]["url"]
    assert client.get(url[:-3] + "xx/").status_code == 403
    bad = api_as(admin, network["dealer_a"])(EXPORT, {"language": "de"})
    assert [(e["field"], e["code"]) for e in bad.data["receivablesExport"]["errors"]] == [
        ("language", "INVALID")]
    anonymous = api_as(None)(EXPORT, {}).data["receivablesExport"]
    assert anonymous["url"] is None
    assert [e["code"] for e in anonymous["errors"]] == ["AUTHENTICATION_REQUIRED"]
    admin.memberships.update(is_active=False)  # the membership lost: the link stops
    assert client.get(url).status_code == 403


CLIENTS = """{ orderClients { name credit { creditLimit { amount } balance { amount }
 available { amount } overdue { amount } overdueDays dueThisWeek { amount }
 lastPaymentOn account { id } } } }"""


def test_the_client_card_when_ordering_on_behalf_shows_its_figures(
        credit, network, staff_user, make_user, make_org, api_as, fast_path):
    admin = make_user("admin@dealer-a.test", network["dealer_a"], Role.ADMIN)
    client = api_as(admin, network["dealer_a"])

    def cards():
        fast_path.reset()
        with CaptureQueriesContext(connection) as captured:
            response = client(CLIENTS)
        assert not response.errors and fast_path.fallbacks == 0, response.errors
        return len(captured), {c["name"]: c["credit"] for c in response.data["orderClients"]}

    before, found = cards()
    card = found[network["sub_a"].name]
    assert card["account"]["id"] == gid("CreditAccount", credit["sub_a"].pk)
    assert (card["balance"], card["overdue"], card["overdueDays"]) == (
        {"amount": "12840.00"}, {"amount": "7200.00"}, 10)
    # A sub-dealer without an account has no figures; more of them cost no more queries.
    for n in range(3):
        account(make_org(f"Субдилер {n}", kind="SUB_DEALER", parent=network["dealer_a"]))
    make_org("Без счёта", kind="SUB_DEALER", parent=network["dealer_a"])
    after, found = cards()
    assert found["Без счёта"] is None and found["Субдилер 2"]["balance"] == {"amount": "0.00"}
    assert after == before
    # Staff ordering for a dealer see the dealer's account with the manufacturer.
    staff = api_as(staff_user, network["factory"])(CLIENTS).data["orderClients"]
    by_name = {c["name"]: c["credit"] for c in staff}
    assert by_name[network["dealer_a"].name]["creditLimit"] == {"amount": "500000.00"}
