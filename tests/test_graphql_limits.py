"""What the endpoint does with bad, deep, expensive or paged queries: answers, never a 500."""

from __future__ import annotations

import json

import pytest
from django.test import Client

PRODUCTS_WITH_VARIANTS = """
query Products($first: Int) {
  products(first: $first) { edges { node { name variants { sku } } } }
}
"""


def codes(result) -> list[str | None]:
    return [e.get("extensions", {}).get("code") for e in result.errors]


# --- malformed documents -------------------------------------------------------------------

def test_syntax_error_is_a_graphql_error_with_http_400(api):
    result = api("{ organizations { edges { node { name } }")

    assert result.status == 400
    assert result.body.get("data") is None
    assert "Syntax Error" in result.errors[0]["message"]
    assert result.errors[0]["locations"]


def test_unknown_field_is_a_validation_error(api):
    result = api("{ organizations { edges { node { name password } } } }")

    assert result.status == 400
    assert "Cannot query field 'password'" in result.errors[0]["message"]


def test_argument_of_the_wrong_type_is_a_validation_error(api):
    result = api('{ organizations(first: "ten") { totalCount } }')

    assert result.status == 400
    assert "Int cannot represent" in result.errors[0]["message"]


def test_variable_of_the_wrong_type_is_an_error_not_a_crash(api):
    result = api("query Q($first: Int) { organizations(first: $first) { totalCount } }",
                 {"first": "ten"})

    assert result.status in (200, 400)
    assert result.errors
    assert "INTERNAL_ERROR" not in codes(result)


def test_missing_query_is_http_400(db):
    response = Client().post("/graphql/", json.dumps({"query": ""}),
                             content_type="application/json")

    assert response.status_code == 400


def test_body_that_is_not_json_is_http_400(db):
    response = Client().post("/graphql/", "{not json", content_type="application/json")

    assert response.status_code == 400


def test_mutation_over_get_is_refused(db):
    response = Client().get("/graphql/", {"query": 'mutation { tokensRevoke(refreshToken: "x") '
                                                   "{ revoked } }"},
                            HTTP_ACCEPT="application/json")

    assert response.status_code == 405


# --- depth ---------------------------------------------------------------------------------

def nested_parents(levels: int) -> str:
    return ("{ organizations { edges { node { " + "parent { " * levels + "name"
            + " }" * levels + " } } } }")


def test_query_deeper_than_the_limit_is_refused(api, settings):
    result = api(nested_parents(settings.GRAPHQL_MAX_DEPTH + 1))

    assert result.status == 400
    assert "depth" in result.errors[0]["message"]
    assert str(settings.GRAPHQL_MAX_DEPTH) in result.errors[0]["message"]


def test_query_within_the_depth_limit_runs(api, settings):
    # organizations > edges > node > parent... : the connection takes three levels.
    result = api(nested_parents(settings.GRAPHQL_MAX_DEPTH - 3))

    assert result.status == 200
    assert result.data["organizations"]["edges"] == []


def test_depth_limit_cannot_be_dodged_with_fragments(api, settings):
    levels = settings.GRAPHQL_MAX_DEPTH + 1
    query = ("query { organizations { edges { node { ...Deep } } } }\n"
             "fragment Deep on Organization { " + "parent { " * levels + "name"
             + " }" * levels + " }")

    result = api(query)

    assert result.status == 400
    assert "depth" in result.errors[0]["message"]


# --- cost ----------------------------------------------------------------------------------

def test_query_above_the_cost_limit_is_refused_before_running(api, settings):
    settings.GRAPHQL_MAX_COST = 300

    result = api("{ products(first: 100) { edges { node { name variants { sku } } } } }")

    assert codes(result) == ["QUERY_TOO_COMPLEX"]
    assert result.body.get("data") is None
    extensions = result.errors[0]["extensions"]
    assert extensions["limit"] == 300 and extensions["cost"] > 300
    assert "too expensive" in result.errors[0]["message"]


def test_cost_counts_page_sizes_passed_as_variables(api, settings):
    settings.GRAPHQL_MAX_COST = 300

    result = api(PRODUCTS_WITH_VARIANTS, {"first": 100})

    assert codes(result) == ["QUERY_TOO_COMPLEX"]


def test_cost_counts_page_sizes_from_variable_defaults(api, settings):
    settings.GRAPHQL_MAX_COST = 300
    query = """
    query Products($first: Int = 100) {
      products(first: $first) { edges { node { name variants { sku } } } }
    }
    """

    result = api(query)

    assert codes(result) == ["QUERY_TOO_COMPLEX"]


def test_cost_counts_fields_inside_fragments(api, settings):
    settings.GRAPHQL_MAX_COST = 300
    query = """
    query { products(first: 100) { edges { node { ...Card } } } }
    fragment Card on Product { name variants { sku } }
    """

    assert codes(api(query)) == ["QUERY_TOO_COMPLEX"]


def test_default_page_size_is_costed_when_edges_come_through_a_fragment(api, settings):
    settings.GRAPHQL_MAX_COST = 4 * settings.GRAPHQL_PAGE_SIZE_DEFAULT
    inline = "{ products { edges { node { name variants { sku } } } } }"
    via_fragment = """
    { products { ...Page } }
    fragment Page on ProductConnection { edges { node { name variants { sku } } } }
    """

    assert codes(api(inline)) == ["QUERY_TOO_COMPLEX"]
    assert codes(api(via_fragment)) == ["QUERY_TOO_COMPLEX"]


def test_cost_of_aliased_copies_adds_up(api, settings):
    settings.GRAPHQL_MAX_COST = 300
    one = "products(first: 40) { edges { node { name variants { sku } } } }"

    assert api("{ a: " + one + " }").status == 200
    assert codes(api("{ a: " + one + " b: " + one + " }")) == ["QUERY_TOO_COMPLEX"]


def test_cheaper_page_passes_the_same_limit(api, settings):
    settings.GRAPHQL_MAX_COST = 300

    result = api(PRODUCTS_WITH_VARIANTS, {"first": 50})

    assert result.status == 200
    assert result.data["products"]["edges"] == []


def test_connection_without_page_size_is_costed_at_the_default_page(api, settings):
    settings.GRAPHQL_MAX_COST = 4 * settings.GRAPHQL_PAGE_SIZE_DEFAULT

    result = api("{ products { edges { node { name variants { sku } } } } }")

    assert codes(result) == ["QUERY_TOO_COMPLEX"]


# --- page size -----------------------------------------------------------------------------

ORG_PAGE = """
query Page($first: Int, $last: Int, $after: String, $before: String) {
  organizations(first: $first, last: $last, after: $after, before: $before) {
    totalCount
    edges { cursor node { name } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}
"""

TREE_ORDER = ["Завод", "Дилер Альфа", "Субдилер Альфа-1", "Дилер Бета", "Субдилер Бета-1"]


@pytest.fixture
def staff(api_as, staff_user, network):
    return api_as(staff_user, network["factory"])


def page(client, **variables) -> dict:
    return client(ORG_PAGE, variables).data["organizations"]


def page_names(connection) -> list[str]:
    return [e["node"]["name"] for e in connection["edges"]]


def test_page_size_above_the_cap_is_an_invalid_pagination_error(staff, settings):
    result = staff(ORG_PAGE, {"first": settings.GRAPHQL_PAGE_SIZE_MAX + 1})

    assert codes(result) == ["INVALID_PAGINATION"]
    assert str(settings.GRAPHQL_PAGE_SIZE_MAX) in result.errors[0]["message"]
    assert (result.body.get("data") or {}).get("organizations") is None


def test_page_size_at_the_cap_is_allowed(staff, settings):
    connection = page(staff, first=settings.GRAPHQL_PAGE_SIZE_MAX)

    assert page_names(connection) == TREE_ORDER


def test_literal_page_size_above_the_cap_on_products_is_refused(api):
    result = api("{ products(first: 101) { edges { node { name } } } }")

    assert codes(result) == ["INVALID_PAGINATION"]
    assert api("{ products(first: 100) { edges { node { name } } } }").status == 200


@pytest.mark.parametrize("variables", [{"first": -1}, {"last": 101}, {"last": -3},
                                       {"first": 2, "last": 2}, {"after": "garbage"},
                                       {"before": "%%%"}])
def test_nonsense_page_arguments_are_invalid_pagination(staff, variables):
    result = staff(ORG_PAGE, variables)

    assert codes(result) == ["INVALID_PAGINATION"]


@pytest.mark.parametrize("size", [1, 2, 3, 4, 5, 6])
def test_walking_pages_forward_visits_every_organization_once(staff, size):
    seen: list[str] = []
    after = None
    for _ in range(10):
        connection = page(staff, first=size, after=after)
        assert connection["totalCount"] == 5
        seen += page_names(connection)
        assert connection["pageInfo"]["hasPreviousPage"] == (after is not None)
        if not connection["pageInfo"]["hasNextPage"]:
            break
        after = connection["pageInfo"]["endCursor"]
        assert after == connection["edges"][-1]["cursor"]

    assert seen == TREE_ORDER


@pytest.mark.parametrize("size", [1, 2, 3, 5])
def test_walking_pages_backward_visits_every_organization_once(staff, size):
    seen: list[str] = []
    before = None
    for _ in range(10):
        connection = page(staff, last=size, before=before)
        seen = page_names(connection) + seen
        if not connection["pageInfo"]["hasPreviousPage"]:
            break
        before = connection["pageInfo"]["startCursor"]

    assert seen == TREE_ORDER


def test_last_gives_the_final_items(staff):
    connection = page(staff, last=2)

    assert page_names(connection) == ["Дилер Бета", "Субдилер Бета-1"]
    assert connection["pageInfo"]["hasPreviousPage"] is True
    assert connection["pageInfo"]["hasNextPage"] is False


def test_before_a_cursor_gives_the_items_preceding_it(staff):
    everything = page(staff, first=5)
    fourth = everything["edges"][3]["cursor"]

    connection = page(staff, last=2, before=fourth)

    assert page_names(connection) == ["Дилер Альфа", "Субдилер Альфа-1"]
    assert connection["pageInfo"]["hasNextPage"] is True


def test_first_with_before_stops_at_the_cursor(staff):
    third = page(staff, first=5)["edges"][2]["cursor"]

    assert page_names(page(staff, first=10, before=third)) == ["Завод", "Дилер Альфа"]


def test_cursor_past_the_end_gives_an_empty_page(staff):
    last_cursor = page(staff, first=5)["pageInfo"]["endCursor"]

    connection = page(staff, first=2, after=last_cursor)

    assert connection["edges"] == []
    assert connection["pageInfo"]["hasNextPage"] is False
    assert connection["pageInfo"]["endCursor"] is None
    assert connection["totalCount"] == 5


def test_total_count_ignores_paging_and_follows_the_filter(staff):
    query = """
    { all: organizations(first: 1) { totalCount }
      south: organizations(first: 1, filter: {search: "Бета"}) {
        totalCount edges { node { name } } } }
    """

    data = staff(query).data

    assert data["all"]["totalCount"] == 5
    assert data["south"]["totalCount"] == 2
    assert page_names(data["south"]) == ["Дилер Бета"]


def test_no_page_size_gives_the_default_page(staff, make_org, network, settings):
    for i in range(settings.GRAPHQL_PAGE_SIZE_DEFAULT):
        make_org(f"Дилер {i:02d}", parent=network["factory"])

    connection = page(staff)

    assert len(connection["edges"]) == settings.GRAPHQL_PAGE_SIZE_DEFAULT
    assert connection["pageInfo"]["hasNextPage"] is True
    assert connection["totalCount"] == settings.GRAPHQL_PAGE_SIZE_DEFAULT + 5
