"""Every list in the API runs the same number of SQL queries however many rows it shows.

Each root query field is asked for (walked by introspection, with nested lists and
objects, as in the authorization matrix) by staff and by a dealer's admin; then every
kind of row is added again (a new sub-dealer with users in every role, a custom role, an
invitation and its audit event; new products and a category; price lists with entries,
groups, promotions, floors of every kind; warehouses with stock, supply, movements and
leftovers), and the same documents must
run exactly as many queries. A relation read row by row (N+1) costs more queries with
more rows and fails here, naming the field. Every list must also be answered by the
execution fast path throughout: a fallback to graphql-core's general path (a pending
loader future, a resolver that raises per row) fails here too, naming the list."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from backend.accounts.models import CustomRole, Role
from backend.accounts.services.members import invite_member
from price_rules.models import PriceList, PriceListKind
from tests.fixtures.graphql import GraphQLClient
from tests.fixtures.prices import create_price_rules, running_promotion
from tests.fixtures.stock_world import add_stock_center, seed_stock
from tests.test_authorization_matrix import _root_queries, seed_prices

# the schema walk's documents stay prepared between its requests (tests/fixtures/graphql.py)
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("walk_documents_kept")]


def _populate(org, domain: str, make_user):
    """Rows of every kind in ``org``: a user per role, a custom role with a member, an
    invitation (and its audit event)."""
    users = [make_user(f"{role.lower()}@{domain}.test", org, role) for role in Role.values]
    custom = CustomRole.objects.create(organization=org, name=f"Склад {domain}",
                                       permissions=["VIEW_ORDERS", "VIEW_AUDIT"])
    clerk = make_user(f"clerk@{domain}.test", org)
    clerk.memberships.update(custom_role=custom)
    invite_member(org, f"invited@{domain}.test", invited_by=users[0])
    return users[0]


def _counts(clients, documents, fast_path) -> dict[tuple[str, str], int]:
    counts = {}
    for label, client in clients:
        for name, document in documents:
            fast_path.reset()
            with CaptureQueriesContext(connection) as captured:
                response = client(document)
            assert response.status == 200 and not response.errors, (name, response.errors)
            assert fast_path.fallbacks == 0, (
                f"Query.{name} as {label}: {fast_path.fallbacks} fallbacks to the general path")
            counts[(label, name)] = len(captured)
    return counts


def test_no_list_reads_its_rows_one_by_one(network, make_org, make_user, staff_user, catalog,
                                           make_product, make_category, fast_path):
    seed_prices(network, catalog)
    seed_stock(network, catalog, make_org)
    for key in ("dealer_a", "sub_a", "dealer_b"):
        admin = _populate(network[key], key.replace("_", "-"), make_user)
        if key == "dealer_a":
            dealer_admin = admin
    clients = [("staff", GraphQLClient(staff_user, network["factory"])),
               ("dealer admin", GraphQLClient(dealer_admin, network["dealer_a"]))]
    documents = _root_queries()
    before = _counts(clients, documents, fast_path)

    for i in (2, 3):  # more of everything
        sub = make_org(f"Субдилер Альфа-{i}", kind="SUB_DEALER", parent=network["dealer_a"])
        _populate(sub, f"sub-a{i}", make_user)
        shelf = make_category(f"Полка {i}", parent=catalog["paints"])
        paint = make_product(f"Краска {i}", shelf, variants=3, colors=("white",),
                             sku_prefix=f"P{i}")
        dealer = make_org(f"Дилер {i}", parent=network["factory"])
        create_price_rules(network["factory"], dealer,
                           make_org(f"Субдилер {i}", kind="SUB_DEALER", parent=dealer),
                           paint.variants.first(), shelf, paint, f" {i}")
        resale = PriceList.objects.create(owner=network["dealer_a"], name=f"Розница {i}",
                                          kind=PriceListKind.RESALE)
        for variant in paint.variants.all():
            resale.entries.create(variant=variant, price=2000)
        resale.assignments.create(organization=sub)
        running_promotion(network["dealer_a"], f"Акция {i}", sub).variants.add(
            *paint.variants.all())
        add_stock_center(f"SUB-A{i}", sub, paint)
        add_stock_center(f"DEALER-{i}", dealer, paint)
    after = _counts(clients, documents, fast_path)

    grown = [f"Query.{name} as {label}: {before[(label, name)]} queries, then "
             f"{after[(label, name)]} with more rows"
             for (label, name) in before if after[(label, name)] != before[(label, name)]]
    assert not grown, "\n".join(grown)
