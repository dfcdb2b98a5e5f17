"""Names people read are one line with a letter or digit: every mutation that takes one
refuses a name of only emoji, of only zero-width spaces, or with a line break, with a field
error, and saves nothing; a name with stray spaces is stored tidied up."""

from __future__ import annotations

import pytest
from graphql_relay import to_global_id

from backend.accounts.models import CustomRole, Invitation, Organization, Role, User
from backend.catalog.models import Attribute, Category, Product
from plugins.dealer_network.models import PartnerApplication
from tests.test_api_dealer_network import SUB_DEALER_CREATE, sub_dealer_input
from tests.test_api_partner_applications import SUBMIT, application_input

BAD_NAMES = {"emoji only": "🏭🚀", "zero-width only": "\u200b\u200b",
             "line break": "Дилер\nГамма"}
bad_names = pytest.mark.parametrize("bad", BAD_NAMES.values(), ids=BAD_NAMES.keys())

ORGANIZATION_CREATE = """
mutation($input: OrganizationInput!) { organizationCreate(input: $input) {
  organization { name legalName region } errors { field code message } } }"""
INVITE = """mutation($input: InvitationCreateInput!) { invitationCreate(input: $input) {
  errors { field code } } }"""
ACCEPT = """mutation($token: String!, $first: String, $last: String) {
  invitationAccept(token: $token, password: "a-long-password-7", firstName: $first,
                   lastName: $last) { token errors { field code message } } }"""
ROLE_CREATE = """mutation($input: CustomRoleInput!) { customRoleCreate(input: $input) {
  role { name } errors { field code message } } }"""
CATEGORY_CREATE = """mutation($input: CategoryInput!) { categoryCreate(input: $input) {
  category { name } errors { field code message } } }"""
PRODUCT_CREATE = """mutation($input: ProductInput!) { productCreate(input: $input) {
  product { name } errors { field code message } } }"""
ATTRIBUTE_CREATE = """mutation($input: AttributeInput!) { attributeCreate(input: $input) {
  attribute { name } errors { field code message } } }"""


def field_errors(payload: dict) -> list[tuple[str | None, str]]:
    return [(e["field"], e["code"]) for e in payload["errors"]]


@pytest.fixture
def staff(api_as, staff_user, network):
    return api_as(staff_user, network["factory"])


@pytest.fixture
def dealer_admin(api_as, make_user, network):
    return api_as(make_user("admin@alfa.test", network["dealer_a"], Role.ADMIN),
                  network["dealer_a"])


def organization_input(network, **overrides) -> dict:
    return {"name": "Дилер Гамма", "legalName": 'ООО "Гамма"', "inn": "7707083893",
            "kind": "DEALER", "region": "Тверская область",
            "parent": to_global_id("Organization", network["factory"].pk), **overrides}


# --- organizations and partners ------------------------------------------------------------

@bad_names
@pytest.mark.parametrize("field", ["name", "legalName", "region"])
def test_an_organization_name_of_emoji_invisible_characters_or_two_lines_is_refused(
        staff, network, field, bad):
    payload = staff.mutate(ORGANIZATION_CREATE, {"input": organization_input(
        network, **{field: bad})}, result="organizationCreate")

    assert payload["organization"] is None
    assert field_errors(payload) == [(field, "INVALID_NAME")]
    assert payload["errors"][0]["message"]
    assert not Organization.objects.filter(inn="7707083893").exists()


def test_an_organization_name_is_stored_trimmed_with_single_spaces(staff, network):
    payload = staff.mutate(ORGANIZATION_CREATE, {"input": organization_input(
        network, name="  Дилер\u00a0\u00a0Гамма ", legalName='ООО  "Гамма"\n',
        region=" Тверская\u2003область")}, result="organizationCreate")

    assert payload == {"organization": {"name": "Дилер Гамма", "legalName": 'ООО "Гамма"',
                                        "region": "Тверская область"}, "errors": []}


@bad_names
@pytest.mark.parametrize("field", ["name", "legalName"])
def test_a_sub_dealer_name_of_emoji_invisible_characters_or_two_lines_is_refused(
        dealer_admin, field, bad):
    payload = dealer_admin.mutate(SUB_DEALER_CREATE, {"input": sub_dealer_input(
        **{field: bad})}, result="subDealerCreate")

    assert field_errors(payload) == [(field, "INVALID_NAME")]
    assert not Organization.objects.filter(inn=sub_dealer_input()["inn"]).exists()
    assert not Invitation.objects.exists()


@bad_names
@pytest.mark.parametrize("field", ["companyName", "legalName", "region", "contactFirstName",
                                   "contactLastName"])
def test_a_partner_application_with_a_bad_company_or_person_name_is_refused(api, field, bad):
    payload = api.mutate(SUBMIT, {"input": application_input(**{field: bad})},
                         result="partnerApplicationSubmit")

    assert payload["receipt"] is None
    assert field_errors(payload) == [(field, "INVALID_NAME")]
    assert not PartnerApplication.objects.exists()


# --- people and roles ----------------------------------------------------------------------

@pytest.mark.django_db(transaction=True)  # the invitation link is e-mailed after commit
@bad_names
@pytest.mark.parametrize("field", ["firstName", "lastName"])
def test_accepting_an_invitation_with_a_bad_personal_name_makes_no_account(
        dealer_admin, api, mailoutbox, field, bad):
    dealer_admin.mutate(INVITE, {"input": {"email": "new@alfa.test"}},
                        result="invitationCreate")
    token = mailoutbox[0].body.split("/invitation/")[1].split()[0]
    names = {"first": "Анна", "last": "Петрова"} | {field[:-4]: bad}

    payload = api.mutate(ACCEPT, {"token": token, **names}, result="invitationAccept")

    assert payload["token"] is None
    assert field_errors(payload) == [(field, "INVALID_NAME")]
    assert not User.objects.filter(email="new@alfa.test").exists()
    assert Invitation.objects.get(email="new@alfa.test").accepted_at is None


@bad_names
def test_a_custom_role_name_of_emoji_invisible_characters_or_two_lines_is_refused(
        dealer_admin, bad):
    payload = dealer_admin.mutate(ROLE_CREATE, {"input": {
        "name": bad, "permissions": ["PLACE_ORDERS"]}}, result="customRoleCreate")

    assert payload["role"] is None
    assert field_errors(payload) == [("name", "INVALID_NAME")]
    assert not CustomRole.objects.exists()


# --- catalog -------------------------------------------------------------------------------

@bad_names
def test_a_category_or_product_name_of_emoji_invisible_characters_or_two_lines_is_refused(
        staff, catalog, product_type, bad):
    categories, products = Category.objects.count(), Product.objects.count()

    category = staff.mutate(CATEGORY_CREATE, {"input": {"name": bad}},
                            result="categoryCreate")
    product = staff.mutate(PRODUCT_CREATE, {"input": {
        "name": bad, "category": to_global_id("Category", catalog["paints"].pk),
        "productType": to_global_id("ProductType", product_type.pk)}},
                           result="productCreate")

    assert field_errors(category) == [("name", "INVALID_NAME")]
    assert field_errors(product) == [("name", "INVALID_NAME")]
    assert (Category.objects.count(), Product.objects.count()) == (categories, products)


@bad_names
def test_an_attribute_value_of_emoji_invisible_characters_or_two_lines_is_refused(staff, bad):
    payload = staff.mutate(ATTRIBUTE_CREATE, {"input": {
        "name": "Цвет", "values": ["Белый", bad]}}, result="attributeCreate")

    assert field_errors(payload) == [("values.1", "INVALID_NAME")]
    assert not Attribute.objects.filter(name="Цвет").exists()
