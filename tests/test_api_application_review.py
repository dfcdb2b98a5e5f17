"""What staff see when reviewing a partner application: flags as codes with parameters
(the storefront says them in the reader's language), the organization the partner would
join if approved now, and the application's short number, by which the queue is searched."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from graphql_relay import to_global_id

from backend.accounts.inn import complete_inn
from backend.accounts.regions import RUSSIAN_REGIONS
from plugins.dealer_network.models import APPLICATION_NUMBERS, PartnerApplication

SUBMIT = """
mutation Submit($input: PartnerApplicationSubmitInput!) {
  partnerApplicationSubmit(input: $input) {
    receipt { id number }
    errors { field code message }
  }
}
"""
APPLICATION = """
query One($id: ID!) {
  partnerApplication(id: $id) {
    number status
    flags { code subject subjectId name number inn kpp similarity later message }
    supplier { name kind }
    joinsAs
  }
}
"""
APPLICATIONS = """
query List($search: String, $status: PartnerApplicationStatus) {
  partnerApplications(first: 100, search: $search, status: $status) {
    edges { node {
      number companyName region status
      flags { code subject name later }
      supplier { name }
      joinsAs
    } }
  }
}
"""
APPROVE = """
mutation Approve($id: ID!) {
  partnerApplicationApprove(id: $id) {
    application { supplier { name } joinsAs organization { parent { name } } }
    errors { code }
  }
}
"""

_inns = iter(range(610_000_001, 610_100_000))


@pytest.fixture(autouse=True)
def _room_for_many_applications(settings):
    settings.PARTNER_APPLICATIONS_PER_ADDRESS = 1000


@pytest.fixture
def staff(api_as, staff_user, network):
    return api_as(staff_user, network["factory"])


@pytest.fixture
def submit(api):
    def run(**overrides) -> dict:
        data = {"companyName": "ООО «Ромашка»", "legalName": "ООО «Ромашка»",
                "inn": complete_inn(str(next(_inns))), "region": "Тульская область",
                "contactFirstName": "Ирина", "email": "irina@romashka.test", **overrides}
        payload = api.mutate(SUBMIT, {"input": data}, result="partnerApplicationSubmit")
        assert payload["errors"] == [], payload["errors"]
        return payload["receipt"]
    return run


def one(staff, receipt: dict) -> dict:
    return staff(APPLICATION, {"id": receipt["id"]}).data["partnerApplication"]


# --- flags: codes and parameters -----------------------------------------------------------

def test_a_flag_names_what_it_concerns_as_parameters_not_as_an_english_sentence(
        submit, staff, network):
    dealer = network["dealer_b"]
    receipt = submit(inn=dealer.inn, companyName="Василёк")

    [flag] = one(staff, receipt)["flags"]

    assert flag.pop("subjectId") == to_global_id("Organization", dealer.pk)
    assert flag == {"code": "DUPLICATE_INN", "subject": "ORGANIZATION", "name": "Дилер Бета",
                    "number": None,
                    "inn": dealer.inn, "kpp": dealer.kpp, "similarity": None, "later": False,
                    "message": f"INN {dealer.inn} is registered to Дилер Бета "
                               f"(KPP {dealer.kpp or '—'})."}


def test_pending_applications_that_resemble_each_other_say_which_came_later(submit, staff):
    first = submit(companyName="ООО «Ромашка»", email="one@partner.test")
    second = submit(companyName="Ромашка ООО", legalName="ООО Ромашка",
                    email="two@partner.test")

    [on_second] = one(staff, second)["flags"]
    [on_first] = one(staff, first)["flags"]

    assert (on_second["code"], on_second["subject"], on_second["name"], on_second["later"]) \
        == ("SIMILAR_NAME", "APPLICATION", "ООО «Ромашка»", False)
    assert (on_first["code"], on_first["subject"], on_first["name"], on_first["later"]) \
        == ("SIMILAR_NAME", "APPLICATION", "Ромашка ООО", True)
    assert on_first["similarity"] == on_second["similarity"]
    assert (on_second["number"], on_first["number"]) == (first["number"], second["number"])


def test_flags_stored_before_they_had_parameters_are_still_read(submit, staff):
    receipt = submit()
    application = PartnerApplication.objects.get(number=receipt["number"])
    other = PartnerApplication.objects.create(
        company_name="Старая заявка", legal_name="ООО «Старая заявка»", inn="7707083893",
        region="Тульская область", contact_first_name="Пётр", email="old@partner.test")
    old = [{"code": "SIMILAR_NAME", "application": other.pk, "similarity": 0.7,
            "message": "The name resembles Старая заявка, a pending application in the same "
                       "region."},
           {"code": "DUPLICATE_INN", "application": other.pk,
            "message": "A later application from Старая заявка (duplicate inn)."}]
    PartnerApplication.objects.filter(pk=application.pk).update(flags=old)

    read = one(staff, receipt)["flags"]
    assert [(f["subject"], f["name"], f["message"]) for f in read] == [
        ("APPLICATION", None, old[0]["message"]), ("APPLICATION", None, old[1]["message"])]

    migration = importlib.import_module(
        "plugins.dealer_network.migrations.0003_application_numbers_and_flag_parameters")
    migration.give_flags_parameters(apps, None)

    migrated = one(staff, receipt)["flags"]
    assert [(f["code"], f["name"], f["number"], f["inn"], f["later"]) for f in migrated] == [
        ("SIMILAR_NAME", "Старая заявка", other.number, None, False),
        ("DUPLICATE_INN", "Старая заявка", other.number, "7707083893", True)]


# --- where the partner will join -----------------------------------------------------------

def test_a_pending_application_shows_the_dealer_approval_would_place_it_under(
        submit, staff):
    in_moscow = submit(region="москва ")
    elsewhere = submit(region="Тульская область")

    assert one(staff, in_moscow)["supplier"] == {"name": "Дилер Альфа", "kind": "DEALER"}
    assert one(staff, in_moscow)["joinsAs"] == "SUB_DEALER"
    assert one(staff, elsewhere)["supplier"] == {"name": "Завод", "kind": "MANUFACTURER"}
    assert one(staff, elsewhere)["joinsAs"] == "DEALER"


def test_the_shown_supplier_is_the_one_approval_uses_and_is_gone_once_reviewed(
        submit, staff):
    receipt = submit(region="Москва")
    shown = one(staff, receipt)["supplier"]["name"]

    payload = staff.mutate(APPROVE, {"id": receipt["id"]}, result="partnerApplicationApprove")

    assert payload["errors"] == []
    assert payload["application"] == {"supplier": None, "joinsAs": None,
                                      "organization": {"parent": {"name": shown}}}


def test_the_queue_with_suppliers_runs_the_same_queries_for_2_and_6_rows(
        submit, staff, make_org, network, fast_path):
    # Regions of their own (not Тульская область nor Москва), from the list an application must use.
    regions = iter(place.name for place in RUSSIAN_REGIONS if place.code not in {"71", "77"})

    def add(n: int) -> None:
        for _ in range(n):
            region = next(regions)
            make_org(f"Дилер {region}", parent=network["factory"], region=region)
            submit(region=region, email=f"a{next(_inns)}@partner.test")
            submit(region="Тульская область", email=f"b{next(_inns)}@partner.test")

    def count() -> int:
        fast_path.reset()
        with CaptureQueriesContext(connection) as queries:
            rows = staff(APPLICATIONS).data["partnerApplications"]["edges"]
        assert fast_path.fallbacks == 0
        assert all(row["node"]["supplier"] for row in rows)
        return len(queries)

    add(1)
    before = count()
    add(2)
    assert count() == before


# --- numbers -------------------------------------------------------------------------------

def test_the_receipt_gives_a_short_number_that_finds_the_application(submit, staff):
    submit(companyName="Первая")
    receipt = submit(companyName="Вторая")
    number = receipt["number"]

    def found(search: str) -> list[str]:
        data = staff(APPLICATIONS, {"search": search}).data["partnerApplications"]
        return [edge["node"]["companyName"] for edge in data["edges"]]

    assert isinstance(number, int) and number > 0
    assert one(staff, receipt)["number"] == number
    for written in (APPLICATION_NUMBERS.format(number), APPLICATION_NUMBERS.format(number, "en"),
                    str(number).zfill(6), str(number), f"3-{number:06d}", f"№ {number}"):
        assert found(written) == ["Вторая"], written


def test_numbers_follow_the_order_of_submission(submit):
    numbers = [submit(email=f"n{i}@partner.test")["number"] for i in range(3)]

    assert numbers == sorted(numbers) and len(set(numbers)) == 3


@pytest.mark.parametrize(("text", "number"), [
    ("З-000042", 42), ("з-42", 42), ("A-000042", 42), ("А-000042", 42), ("3-000042", 42),
    ("000042", 42), ("42", 42), (" 42 ", 42), ("№42", 42), ("З 000042", 42),
    ("", None), ("Ромашка", None), ("Flood 2", None), ("0", None), ("42-З", None),
])
def test_a_number_is_read_in_every_way_people_write_it(text, number):
    assert APPLICATION_NUMBERS.parse(text) == number


def test_a_number_is_written_with_the_readers_prefix():
    assert APPLICATION_NUMBERS.format(42) == "З-000042"
    assert APPLICATION_NUMBERS.format(42, "en") == "A-000042"
    assert APPLICATION_NUMBERS.format(1234567) == "З-1234567"
