"""Organizations through /graphql/: creating, moving, validating, and who sees which."""

from __future__ import annotations

import pytest
from graphql_relay import to_global_id

from backend.accounts.models import Organization, Role
from backend.core.tree_paths import child_path

ORGANIZATION_CREATE = """
mutation Create($input: OrganizationInput!) {
  organizationCreate(input: $input) {
    organization { id name inn kpp level kind status parent { name } }
    errors { field code message }
  }
}
"""

ORGANIZATION_UPDATE = """
mutation Update($id: ID!, $input: OrganizationInput!) {
  organizationUpdate(id: $id, input: $input) {
    organization { id name level parent { name } }
    errors { field code message }
  }
}
"""

ORGANIZATIONS = """
query Organizations($first: Int) {
  organizations(first: $first) { totalCount edges { node { name level } } }
}
"""

ORGANIZATION = "query One($id: ID!) { organization(id: $id) { name } }"
NODE = "query Node($id: ID!) { node(id: $id) { id ... on Organization { name } } }"

VALID_INN = "7707083893"


def gid(org: Organization) -> str:
    return to_global_id("Organization", org.pk)


def new_dealer(supplier: Organization, **overrides) -> dict:
    return {"name": "Дилер Гамма", "legalName": 'ООО "Гамма"', "inn": VALID_INN,
            "kind": "DEALER", "parent": gid(supplier), **overrides}


def register(make_org, name: str, supplier: Organization, inn: str, kpp: str) -> Organization:
    org = make_org(name, parent=supplier)
    Organization.objects.filter(pk=org.pk).update(inn=inn, kpp=kpp)
    return org


def errors_of(payload) -> list[tuple[str | None, str]]:
    return [(e["field"], e["code"]) for e in payload["errors"]]


@pytest.fixture
def staff(api_as, staff_user, network):
    return api_as(staff_user, network["factory"])


@pytest.fixture
def create(staff):
    def run(input: dict, client=None) -> dict:
        return (client or staff).mutate(ORGANIZATION_CREATE, {"input": input},
                                        result="organizationCreate")
    return run


@pytest.fixture
def update(staff):
    def run(org: Organization, input: dict) -> dict:
        return staff.mutate(ORGANIZATION_UPDATE, {"id": gid(org), "input": input},
                            result="organizationUpdate")
    return run


def names(client, query=ORGANIZATIONS) -> list[str]:
    return [e["node"]["name"] for e in client(query).data["organizations"]["edges"]]


# --- organizationCreate: who may --------------------------------------------------------

def test_staff_with_manage_organizations_creates_a_dealer(create, network):
    payload = create(new_dealer(network["factory"], kpp="770701001"))

    assert payload["errors"] == []
    created = payload["organization"]
    assert created["name"] == "Дилер Гамма"
    assert created["inn"] == VALID_INN and created["kpp"] == "770701001"
    assert created["level"] == 1
    assert (created["kind"], created["status"]) == ("DEALER", "ACTIVE")  # a model default
    assert created["parent"] == {"name": "Завод"}
    org = Organization.objects.get(inn=VALID_INN)
    assert org.kind == "DEALER"
    assert org.path == child_path(network["factory"].path, org.pk)


def test_staff_creates_a_sub_dealer_two_levels_down(create, network):
    payload = create(new_dealer(network["dealer_a"], kind="SUB_DEALER", name="Субдилер А-2"))

    assert payload["errors"] == []
    assert payload["organization"]["level"] == 2
    assert Organization.objects.get(name="Субдилер А-2").depth == 2


def test_dealer_admin_may_not_create_organizations(create, api_as, make_user, network):
    admin = make_user("admin@alfa.test", network["dealer_a"], Role.ADMIN)
    before = Organization.objects.count()

    payload = create(new_dealer(network["dealer_a"]), client=api_as(admin, network["dealer_a"]))

    assert [e["code"] for e in payload["errors"]] == ["PERMISSION_DENIED"]
    assert "MANAGE_ORGANIZATIONS" in payload["errors"][0]["message"]
    assert payload["organization"] is None
    assert Organization.objects.count() == before


def test_staff_without_manage_organizations_may_not_create(create, api_as, make_user,
                                                           network):
    viewer = make_user("auditor@factory.test", network["factory"], is_staff=True,
                       staff_permissions=["VIEW_ALL"])

    payload = create(new_dealer(network["factory"]), client=api_as(viewer, network["factory"]))

    assert [e["code"] for e in payload["errors"]] == ["PERMISSION_DENIED"]
    assert not Organization.objects.filter(inn=VALID_INN).exists()


def test_anonymous_visitor_must_sign_in_to_create(create, api, network):
    payload = create(new_dealer(network["factory"]), client=api)

    assert [e["code"] for e in payload["errors"]] == ["AUTHENTICATION_REQUIRED"]
    assert not Organization.objects.filter(inn=VALID_INN).exists()


# --- organizationCreate: validation -------------------------------------------------------

@pytest.mark.parametrize("inn", [
    "7707083894",     # check digit off by one
    "500100732258",   # 12-digit, second check digit wrong
    "770708389",      # 9 digits
    "77070838931",    # 11 digits
    "77O7O83893",     # letters O for zeros
])
def test_invalid_inn_is_refused_and_nothing_is_created(create, network, inn):
    before = Organization.objects.count()

    payload = create(new_dealer(network["factory"], inn=inn))

    assert errors_of(payload) == [("inn", "INVALID_INN")]
    assert payload["organization"] is None
    assert Organization.objects.count() == before


def test_empty_inn_is_required(create, network):
    payload = create(new_dealer(network["factory"], inn=""))

    assert ("inn", "REQUIRED") in errors_of(payload)
    assert not Organization.objects.filter(name="Дилер Гамма").exists()


def test_bad_checksum_inn_gets_a_message_about_typos(create, network):
    payload = create(new_dealer(network["factory"], inn="7707083894"))

    assert errors_of(payload) == [("inn", "INVALID_INN")]
    assert "check digit" in payload["errors"][0]["message"]


def test_inn_and_kpp_already_registered_is_a_duplicate(create, make_org, network):
    register(make_org, "Старый Гамма", network["factory"], VALID_INN, "770701001")

    payload = create(new_dealer(network["factory"], kpp="770701001"))

    assert errors_of(payload) == [("inn", "DUPLICATE_INN")]
    assert Organization.objects.filter(inn=VALID_INN).count() == 1


def test_same_inn_with_another_kpp_is_a_separate_branch(create, make_org, network):
    register(make_org, "Гамма Москва", network["factory"], VALID_INN, "770701001")

    payload = create(new_dealer(network["factory"], kpp="781001001", name="Гамма Петербург"))

    assert payload["errors"] == []
    assert Organization.objects.filter(inn=VALID_INN).count() == 2


@pytest.mark.parametrize("kpp", ["77070100", "7707010011", "7707-0100", "ABCD01001"])
def test_malformed_kpp_is_refused(create, network, kpp):
    payload = create(new_dealer(network["factory"], kpp=kpp))

    assert errors_of(payload) == [("kpp", "INVALID_KPP")]
    assert not Organization.objects.filter(inn=VALID_INN).exists()


def test_missing_name_and_bad_inn_come_back_together(create, network):
    payload = create({"legalName": 'ООО "Гамма"', "inn": "123", "kind": "DEALER",
                      "parent": gid(network["factory"])})

    assert sorted(errors_of(payload)) == [("inn", "INVALID_INN"), ("name", "REQUIRED")]


def test_every_problem_of_an_input_is_reported_at_once(create, network):
    payload = create(new_dealer(network["factory"], name="  ", inn="7707083894", kpp="1",
                                currency="XYZ", country="Russia"))

    assert sorted(errors_of(payload)) == [
        ("country", "INVALID"), ("currency", "INVALID_CURRENCY"), ("inn", "INVALID_INN"),
        ("kpp", "INVALID_KPP"), ("name", "REQUIRED")]


def test_a_dealer_needs_a_supplier(create, network):
    input = new_dealer(network["factory"])
    del input["parent"]

    payload = create(input)

    assert errors_of(payload) == [("parent", "INVALID_PARENT")]


def test_a_manufacturer_has_no_supplier(create, network):
    payload = create(new_dealer(network["factory"], kind="MANUFACTURER"))

    assert errors_of(payload) == [("parent", "INVALID_PARENT")]
    assert not Organization.objects.filter(inn=VALID_INN).exists()


def test_a_second_manufacturer_can_be_registered_as_a_root(create, network):
    input = new_dealer(network["factory"], kind="MANUFACTURER", name="Завод-2")
    del input["parent"]

    payload = create(input)

    assert payload["errors"] == []
    assert payload["organization"]["level"] == 0
    assert payload["organization"]["parent"] is None


def test_unknown_parent_is_not_found(create, network):
    payload = create(new_dealer(network["factory"], parent=to_global_id("Organization", 987654)))

    assert errors_of(payload) == [("parent", "NOT_FOUND")]
    assert not Organization.objects.filter(inn=VALID_INN).exists()


@pytest.mark.parametrize("parent", ["not-an-id", "T3JnYW5pemF0aW9uOmFiYw==",
                                    to_global_id("Category", 1), to_global_id("Organization", 0),
                                    "42"])
def test_malformed_or_foreign_parent_id_is_invalid_not_a_crash(create, network, parent):
    result_payload = create(new_dealer(network["factory"], parent=parent))

    assert errors_of(result_payload) == [("parent", "INVALID")]
    assert not Organization.objects.filter(inn=VALID_INN).exists()


def test_the_network_is_at_most_five_levels_deep(create, make_org, network):
    client = make_org("Клиент", kind="END_CLIENT", parent=network["sub_a"])     # level 3
    branch = make_org("Филиал клиента", kind="END_CLIENT", parent=client)      # level 4
    assert branch.depth == 4

    payload = create(new_dealer(branch, kind="END_CLIENT"))

    assert errors_of(payload) == [("parent", "TREE_TOO_DEEP")]
    assert not Organization.objects.filter(inn=VALID_INN).exists()


def test_the_fifth_level_is_still_allowed(create, make_org, network):
    client = make_org("Клиент", kind="END_CLIENT", parent=network["sub_a"])     # level 3

    payload = create(new_dealer(client, kind="END_CLIENT"))

    assert payload["errors"] == []
    assert payload["organization"]["level"] == 4


# --- organizationUpdate -------------------------------------------------------------------

def test_moving_a_dealer_moves_its_whole_subtree(update, staff, make_org, network):
    deep = make_org("Клиент Альфа", kind="END_CLIENT", parent=network["sub_a"])

    payload = update(network["dealer_a"], {"parent": gid(network["dealer_b"])})

    assert payload["errors"] == []
    assert payload["organization"]["level"] == 2
    assert payload["organization"]["parent"] == {"name": "Дилер Бета"}
    levels = {e["node"]["name"]: e["node"]["level"]
              for e in staff(ORGANIZATIONS).data["organizations"]["edges"]}
    assert levels == {"Завод": 0, "Дилер Бета": 1, "Дилер Альфа": 2, "Субдилер Альфа-1": 3,
                      "Клиент Альфа": 4, "Субдилер Бета-1": 2}
    dealer_b, dealer_a, sub_a, deep = (
        Organization.objects.get(pk=o.pk)
        for o in (network["dealer_b"], network["dealer_a"], network["sub_a"], deep))
    assert dealer_a.path == child_path(dealer_b.path, dealer_a.pk)
    assert sub_a.path == child_path(dealer_a.path, sub_a.pk)
    assert deep.path == child_path(sub_a.path, deep.pk)
    assert [o.depth for o in (dealer_a, sub_a, deep)] == [2, 3, 4]
    assert set(dealer_b.subtree()) == {dealer_b, dealer_a, sub_a, deep,
                                       Organization.objects.get(pk=network["sub_b"].pk)}


def test_moved_subtree_is_listed_in_tree_order(update, staff, network):
    update(network["dealer_a"], {"parent": gid(network["dealer_b"])})

    # Siblings sort by id: dealer A was registered before dealer B's sub-dealer.
    assert names(staff) == ["Завод", "Дилер Бета", "Дилер Альфа", "Субдилер Альфа-1",
                            "Субдилер Бета-1"]


def test_moving_an_organization_under_its_own_descendant_is_refused(update, network):
    before = {o.pk: o.path for o in Organization.objects.all()}

    payload = update(network["dealer_a"], {"parent": gid(network["sub_a"])})

    assert errors_of(payload) == [("parent", "INVALID_PARENT")]
    assert {o.pk: o.path for o in Organization.objects.all()} == before


def test_an_organization_cannot_be_its_own_supplier(update, network):
    payload = update(network["dealer_a"], {"parent": gid(network["dealer_a"])})

    assert errors_of(payload) == [("parent", "INVALID_PARENT")]


def test_moving_a_subtree_too_deep_is_refused(update, make_org, network):
    client_b = make_org("Клиент Бета", kind="END_CLIENT", parent=network["sub_b"])   # level 3
    before = {o.pk: o.path for o in Organization.objects.all()}

    # dealer A (with its sub-dealer) under a level-3 client would reach level 5.
    payload = update(network["dealer_a"], {"parent": gid(client_b)})

    assert errors_of(payload) == [("parent", "TREE_TOO_DEEP")]
    assert {o.pk: o.path for o in Organization.objects.all()} == before


def test_a_dealer_cannot_be_detached_from_its_supplier(update, network):
    payload = update(network["dealer_a"], {"parent": None})

    assert errors_of(payload) == [("parent", "INVALID_PARENT")]
    assert Organization.objects.get(pk=network["dealer_a"].pk).parent_id == network[
        "factory"].pk


def test_renaming_keeps_the_organization_in_place(update, network):
    payload = update(network["sub_a"], {"name": "Субдилер Альфа-Прим"})

    assert payload["errors"] == []
    sub_a = Organization.objects.get(pk=network["sub_a"].pk)
    assert sub_a.name == "Субдилер Альфа-Прим"
    assert sub_a.path == network["sub_a"].path


def test_update_changes_kind_and_status(update, network):
    payload = update(network["sub_a"], {"kind": "DEALER", "status": "SUSPENDED"})

    assert payload["errors"] == []
    sub_a = Organization.objects.get(pk=network["sub_a"].pk)
    assert (sub_a.kind, sub_a.status) == ("DEALER", "SUSPENDED")


def test_update_with_a_bad_inn_changes_nothing(update, network):
    payload = update(network["sub_a"], {"name": "Новое имя", "inn": "1234567890"})

    assert errors_of(payload) == [("inn", "INVALID_INN")]
    assert Organization.objects.get(pk=network["sub_a"].pk).name == "Субдилер Альфа-1"


def test_update_to_another_organizations_inn_and_kpp_is_a_duplicate(update, network):
    taken = network["dealer_b"]

    payload = update(network["dealer_a"], {"inn": taken.inn, "kpp": taken.kpp})

    assert errors_of(payload) == [("inn", "DUPLICATE_INN")]
    assert Organization.objects.get(pk=network["dealer_a"].pk).inn != taken.inn


def test_dealer_admin_may_not_move_organizations(api_as, make_user, network):
    admin = make_user("admin@alfa.test", network["dealer_a"], Role.ADMIN)

    payload = api_as(admin, network["dealer_a"]).mutate(
        ORGANIZATION_UPDATE, {"id": gid(network["sub_a"]), "input": {"name": "Моё"}},
        result="organizationUpdate")

    assert [e["code"] for e in payload["errors"]] == ["PERMISSION_DENIED"]
    assert Organization.objects.get(pk=network["sub_a"].pk).name == "Субдилер Альфа-1"


# --- visibility ---------------------------------------------------------------------------

@pytest.fixture
def buyer_a(api_as, make_user, network):
    return api_as(make_user("buyer@alfa.test", network["dealer_a"]), network["dealer_a"])


@pytest.fixture
def sub_dealer(api_as, make_user, network):
    return api_as(make_user("buyer@alfa-1.test", network["sub_a"]), network["sub_a"])


def test_dealer_buyer_sees_own_dealer_its_sub_dealers_and_the_manufacturer(buyer_a):
    data = buyer_a(ORGANIZATIONS).data["organizations"]

    assert [e["node"]["name"] for e in data["edges"]] == [
        "Завод", "Дилер Альфа", "Субдилер Альфа-1"]
    assert data["totalCount"] == 3


@pytest.mark.parametrize("hidden", ["dealer_b", "sub_b"])
def test_dealer_buyer_never_sees_another_dealer_by_id(buyer_a, network, hidden):
    org_id = gid(network[hidden])

    assert buyer_a(ORGANIZATION, {"id": org_id}).data["organization"] is None
    assert buyer_a(NODE, {"id": org_id}).data["node"] is None


@pytest.mark.parametrize("visible", ["factory", "dealer_a", "sub_a"])
def test_dealer_buyer_sees_its_own_branch_by_id(buyer_a, network, visible):
    org_id = gid(network[visible])

    assert buyer_a(ORGANIZATION, {"id": org_id}).data["organization"] == {
        "name": network[visible].name}
    assert buyer_a(NODE, {"id": org_id}).data["node"] == {"id": org_id,
                                                           "name": network[visible].name}


def test_dealer_buyer_cannot_find_another_dealer_by_search(buyer_a):
    query = '{ organizations(filter: {search: "Бета"}) { totalCount edges { node { name } } } }'

    assert buyer_a(query).data["organizations"] == {"totalCount": 0, "edges": []}


@pytest.mark.parametrize("bad_id", ["garbage", to_global_id("Category", 1)])
def test_organization_by_a_malformed_or_foreign_id_is_a_clear_error(buyer_a, bad_id):
    result = buyer_a(ORGANIZATION, {"id": bad_id})

    assert result.status == 200
    assert [e["extensions"]["code"] for e in result.errors] == ["INVALID"]
    assert result.body["data"]["organization"] is None


def test_sub_dealer_sees_itself_and_its_dealer_only(sub_dealer, network):
    assert names(sub_dealer) == ["Дилер Альфа", "Субдилер Альфа-1"]
    assert sub_dealer(ORGANIZATION, {"id": gid(network["factory"])}).data[
        "organization"] is None
    assert sub_dealer(NODE, {"id": gid(network["dealer_b"])}).data["node"] is None


def test_parent_of_the_dealer_is_hidden_from_the_sub_dealer(sub_dealer, network):
    query = "query One($id: ID!) { organization(id: $id) { name parent { name } } }"

    dealer = sub_dealer(query, {"id": gid(network["dealer_a"])}).data["organization"]

    assert dealer == {"name": "Дилер Альфа", "parent": None}


def test_staff_with_view_all_sees_every_organization(api_as, make_user, network):
    auditor = make_user("auditor@factory.test", network["factory"], is_staff=True,
                        staff_permissions=["VIEW_ALL"])
    client = api_as(auditor, network["factory"])

    assert names(client) == ["Завод", "Дилер Альфа", "Субдилер Альфа-1", "Дилер Бета",
                             "Субдилер Бета-1"]
    assert client(NODE, {"id": gid(network["sub_b"])}).data["node"]["name"] == "Субдилер Бета-1"


def test_staff_flag_without_permissions_does_not_widen_visibility(api_as, make_user, network):
    clerk = make_user("clerk@factory.test", network["dealer_a"], is_staff=True)

    assert names(api_as(clerk, network["dealer_a"])) == [
        "Завод", "Дилер Альфа", "Субдилер Альфа-1"]


def test_anonymous_visitor_sees_no_organizations(api, network):
    assert api(ORGANIZATIONS).data["organizations"] == {"totalCount": 0, "edges": []}
    assert api(ORGANIZATION, {"id": gid(network["factory"])}).data["organization"] is None


# --- filters ------------------------------------------------------------------------------

FILTERED = """
query Filtered($filter: OrganizationFilterInput) {
  organizations(filter: $filter) { totalCount edges { node { name } } }
}
"""


def filtered(client, **filter) -> list[str]:
    return [e["node"]["name"]
            for e in client(FILTERED, {"filter": filter}).data["organizations"]["edges"]]


def test_organizations_filter_by_kind(staff):
    assert filtered(staff, kind="SUB_DEALER") == ["Субдилер Альфа-1", "Субдилер Бета-1"]
    assert filtered(staff, kind="MANUFACTURER") == ["Завод"]


def test_organizations_filter_by_search_and_region(staff, network):
    assert filtered(staff, search="альфа") == ["Дилер Альфа", "Субдилер Альфа-1"]
    assert filtered(staff, search=network["dealer_b"].inn[:10]) == ["Дилер Бета"]
    assert filtered(staff, region=" москва ") == ["Дилер Альфа"]


def test_filters_never_widen_what_a_buyer_sees(buyer_a):
    assert filtered(buyer_a, search="Субдилер") == ["Субдилер Альфа-1"]
    assert filtered(buyer_a, region="Республика Татарстан") == []
