"""Input no column can store is the client's mistake, answered as one: a NUL byte or an
unpaired surrogate in a string, an absurd ID, a NaN or enormous decimal, a cursor past any
list, a value longer than its column. None of them reaches the database driver, none is an
internal error, and no error quotes back more than a short prefix of what was sent."""

from __future__ import annotations

import base64

import pytest
from graphql_relay import to_global_id

from backend.accounts.models import CustomRole, Membership, Organization, Role
from backend.catalog.models import AttributeValue
from plugins.dealer_network.models import PartnerApplication
from tests.test_api_partner_applications import application_input

pytestmark = pytest.mark.django_db

SEARCH = "query($s: String) { products(first: 5, filter: {search: $s}) { totalCount } }"
SIGN_IN = """mutation($email: String!) { tokenCreate(email: $email, password: "x") {
  token errors { field code } } }"""
SUBMIT = """mutation($input: PartnerApplicationSubmitInput!) {
  partnerApplicationSubmit(input: $input) { receipt { id } errors { field code message } } }"""
NODE = "query($id: ID!) { node(id: $id) { id } }"
MEMBERSHIP_UPDATE = """mutation($id: ID!, $input: MembershipUpdateInput!) {
  membershipUpdate(id: $id, input: $input) { membership { spendingLimit }
  errors { field code message } } }"""
ORGANIZATION_CREATE = """mutation($input: OrganizationInput!) {
  organizationCreate(input: $input) { organization { name } errors { field code message } } }"""
CUSTOM_ROLE_CREATE = """mutation($name: String!) {
  customRoleCreate(input: {name: $name, permissions: ["VIEW_ORDERS"]}) {
  role { name } errors { field code message } } }"""
ATTRIBUTE_CREATE = """mutation($values: [String!]) {
  attributeCreate(input: {name: "Цвет", values: $values}) {
  attribute { name } errors { field code message } } }"""


def b64(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


def codes(response) -> list[str | None]:
    return [e.get("extensions", {}).get("code") for e in response.errors]


@pytest.fixture
def dealer_admin(api_as, make_user, network):
    admin = make_user("admin@alfa.test", network["dealer_a"], Role.ADMIN)
    return api_as(admin, network["dealer_a"])


@pytest.fixture
def staff(api_as, staff_user, network):
    return api_as(staff_user, network["factory"])


# --- strings and ids, refused by the scalars --------------------------------------------------

@pytest.mark.parametrize("search", ["a\x00b", "a\udcffb", "\ud800"])
def test_a_search_with_a_nul_or_an_unpaired_surrogate_is_refused_as_input(api, catalog,
                                                                          search):
    response = api(SEARCH, {"s": search})

    assert codes(response) == ["INVALID_INPUT"]
    assert "cannot be stored" in response.errors[0]["message"]


def test_a_nul_written_in_the_document_is_refused_too(api, catalog):
    response = api('{ products(first: 5, filter: {search: "a\\u0000b"}) { totalCount } }')

    assert codes(response) == ["INVALID_INPUT"]
    assert "NUL" in response.errors[0]["message"]


def test_signing_in_with_a_nul_in_the_email_is_refused_before_any_lookup(api):
    response = api(SIGN_IN, {"email": "buyer\x00@alfa.test"})

    assert codes(response) == ["INVALID_INPUT"]
    assert "data" not in response.body or response.body["data"] is None


def test_a_partner_application_with_a_surrogate_in_a_name_changes_nothing(api):
    response = api(SUBMIT, {"input": application_input(companyName="Ромашка\udcff")})

    assert codes(response) == ["INVALID_INPUT"]
    assert not PartnerApplication.objects.exists()


def test_an_id_of_unreasonable_length_is_refused_without_being_echoed(api):
    response = api(NODE, {"id": "A" * 100_000})

    assert codes(response) == ["INVALID_INPUT"]
    assert len(response.errors[0]["message"]) < 400  # graphql-core quotes 240 characters


@pytest.mark.parametrize("bad_id", [
    "", "!!!", b64("Product:1.5"), b64("Product:"), b64("Product:-1"), b64("Product:0"),
    b64("Product: 7"), b64("Product:1_0"), b64("Product:99999999999999999999"), b64(":7"),
    b64("Product"), "Product:1",
])
def test_a_malformed_node_id_is_an_invalid_input_error(api, bad_id):
    response = api(NODE, {"id": bad_id})

    assert response.body["data"] == {"node": None}
    assert codes(response) == ["INVALID"]
    assert "is not a valid ID" in response.errors[0]["message"]


def test_a_bad_id_is_quoted_only_by_a_short_prefix(api):
    response = api(NODE, {"id": "!" * 250})

    assert codes(response) == ["INVALID"]
    assert len(response.errors[0]["message"]) < 80


def test_a_well_formed_id_of_no_node_type_finds_nothing(api, catalog):
    assert api(NODE, {"id": to_global_id("Nonexistent", 1)}).data == {"node": None}
    assert api(NODE, {"id": to_global_id("ProductConnection", 1)}).data == {"node": None}


def test_a_product_is_still_found_by_its_node_id(api, catalog):
    product_id = api("{ products(first: 1) { edges { node { id } } } }").data[
        "products"]["edges"][0]["node"]["id"]

    assert api(NODE, {"id": product_id}).data == {"node": {"id": product_id}}


# --- cursors ------------------------------------------------------------------------------

@pytest.mark.parametrize("cursor", [
    b64(f"arrayconnection:{2**63}"), b64(f"arrayconnection:{10**40}"), b64("arrayconnection:"),
    b64("arrayconnection: 7"), b64("arrayconnection:+7"), b64("arrayconnection:-1"),
    b64("arrayconnection:1.5"), b64("something:7"), "!!!", "", "A" * 10_000,
])
def test_a_cursor_no_page_ever_had_is_a_pagination_error(api, catalog, cursor):
    response = api("query($c: String) { products(first: 2, after: $c) { totalCount } }",
                   {"c": cursor})

    assert codes(response) == ["INVALID_PAGINATION"]
    assert response.errors[0]["message"] == "`after` is not a valid cursor."


# --- decimals -----------------------------------------------------------------------------

@pytest.fixture
def member(dealer_admin, make_user, network):
    return make_user("buyer@alfa.test", network["dealer_a"], Role.BUYER)


@pytest.mark.parametrize("limit", ["NaN", "sNaN", "Infinity", "-Infinity", "1e400",
                                   "1e-400", "12 rubles", 1e400, "9" * 200])
def test_a_spending_limit_that_is_no_finite_sane_number_is_refused(dealer_admin, member,
                                                                   limit):
    membership = Membership.objects.get(user=member)
    response = dealer_admin(MEMBERSHIP_UPDATE, {
        "id": to_global_id("Membership", membership.pk), "input": {"spendingLimit": limit}})

    assert codes(response) == ["INVALID_INPUT"]
    membership.refresh_from_db()
    assert membership.spending_limit is None


def test_a_spending_limit_written_in_the_document_as_nan_is_refused(dealer_admin, member):
    membership_id = to_global_id("Membership", Membership.objects.get(user=member).pk)
    response = dealer_admin(
        f'mutation {{ membershipUpdate(id: "{membership_id}", input: {{spendingLimit: "NaN"}}) '
        "{ errors { code } } }")

    assert codes(response) == ["INVALID_INPUT"]


def test_a_spending_limit_too_large_for_its_column_is_a_field_error(dealer_admin, member):
    membership = Membership.objects.get(user=member)
    payload = dealer_admin.mutate(MEMBERSHIP_UPDATE, {
        "id": to_global_id("Membership", membership.pk),
        "input": {"spendingLimit": "1000000000000"}}, result="membershipUpdate")

    assert payload["errors"] == [{"field": "spendingLimit", "code": "INVALID",
                                  "message": "At most 12 digits before the decimal point."}]
    membership.refresh_from_db()
    assert membership.spending_limit is None


def test_a_spending_limit_within_its_column_is_kept(dealer_admin, member):
    membership = Membership.objects.get(user=member)
    payload = dealer_admin.mutate(MEMBERSHIP_UPDATE, {
        "id": to_global_id("Membership", membership.pk),
        "input": {"spendingLimit": "999999999999.99"}}, result="membershipUpdate")

    assert payload == {"membership": {"spendingLimit": "999999999999.99"}, "errors": []}


# --- values longer than their column ------------------------------------------------------

def test_a_256_character_organization_name_is_a_field_error(staff, network):
    payload = staff.mutate(ORGANIZATION_CREATE, {"input": {
        "name": "Я" * 256, "legalName": "ООО Я", "inn": "7707083893", "kind": "DEALER",
        "parent": to_global_id("Organization", network["factory"].pk)}},
        result="organizationCreate")

    assert payload == {"organization": None, "errors": [{
        "field": "name", "code": "INVALID",
        "message": "At most 255 characters (this has 256)."}]}
    assert not Organization.objects.filter(inn="7707083893").exists()


def test_a_255_character_organization_name_fits(staff, network):
    payload = staff.mutate(ORGANIZATION_CREATE, {"input": {
        "name": "Я" * 255, "legalName": "ООО Я", "inn": "7707083893", "kind": "DEALER",
        "parent": to_global_id("Organization", network["factory"].pk)}},
        result="organizationCreate")

    assert payload["errors"] == []


def test_a_101_character_region_in_a_partner_application_is_a_field_error(api):
    payload = api.mutate(SUBMIT, {"input": application_input(region="Р" * 101)},
                         result="partnerApplicationSubmit")

    assert payload["errors"] == [{"field": "region", "code": "INVALID",
                                  "message": "At most 100 characters (this has 101)."}]
    assert not PartnerApplication.objects.exists()


def test_a_101_character_custom_role_name_is_a_field_error(dealer_admin):
    payload = dealer_admin.mutate(CUSTOM_ROLE_CREATE, {"name": "r" * 101},
                                  result="customRoleCreate")

    assert payload["errors"] == [{"field": "name", "code": "INVALID",
                                  "message": "At most 100 characters (this has 101)."}]
    assert not CustomRole.objects.exists()


def test_a_too_long_attribute_value_names_its_place_in_the_list(staff):
    payload = staff.mutate(ATTRIBUTE_CREATE, {"values": ["красный", "к" * 256]},
                           result="attributeCreate")

    assert payload["errors"] == [{"field": "values.1", "code": "INVALID",
                                  "message": "At most 255 characters (this has 256)."}]
    assert not AttributeValue.objects.exists()


def test_a_sub_dealer_admin_email_too_long_to_store_is_an_admin_email_error(dealer_admin):
    email = "a" * 60 + "@" + ".".join(["b" * 60] * 4) + ".ru"  # valid form, 309 characters
    payload = dealer_admin.mutate(
        """mutation($input: SubDealerCreateInput!) { subDealerCreate(input: $input) {
        organization { name } errors { field code } } }""",
        {"input": {"name": "Новый", "legalName": "ООО Новый", "inn": "7707083893",
                   "adminEmail": email}}, result="subDealerCreate")

    assert payload == {"organization": None,
                       "errors": [{"field": "adminEmail", "code": "INVALID"}]}
    assert not Organization.objects.filter(inn="7707083893").exists()


# --- found by the fuzz run (tests/test_api_fuzz.py) ----------------------------------------

def test_a_blank_product_id_for_a_new_variant_is_a_field_error(staff):
    payload = staff.mutate(
        """mutation { productVariantCreate(input: {product: "", sku: "X-1"}) {
        variant { sku } errors { field code } } }""", result="productVariantCreate")

    assert payload == {"variant": None, "errors": [{"field": "product", "code": "INVALID"}]}


def test_a_blank_category_id_for_a_new_product_is_a_field_error(staff, product_type):
    payload = staff.mutate(
        """mutation($type: ID!) { productCreate(input: {name: "Краска", category: "",
        productType: $type}) { product { name } errors { field code } } }""",
        {"type": to_global_id("ProductType", product_type.pk)}, result="productCreate")

    assert payload == {"product": None, "errors": [{"field": "category", "code": "INVALID"}]}


def test_quantities_whose_ratio_no_decimal_can_hold_are_field_errors(staff, catalog):
    payload = staff.mutate(
        """mutation($product: ID!) { productVariantCreate(input: {product: $product,
        sku: "X-1", minOrderQuantity: "1e17", orderMultiple: "1e-18"}) {
        variant { sku } errors { field code } } }""",
        {"product": to_global_id("Product", catalog["door"].pk)}, result="productVariantCreate")

    assert payload == {"variant": None, "errors": [
        {"field": "minOrderQuantity", "code": "INVALID_QUANTITY"},
        {"field": "orderMultiple", "code": "INVALID_QUANTITY"}]}
