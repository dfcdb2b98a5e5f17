"""Countries and Russia's regions come from one list (backend/accounts/regions.py):
the application form offers them, the application service refuses a Russian region not in
it, and the dealers of the demo network are found by its names."""

from __future__ import annotations

import pytest

from backend.accounts.models import Organization, OrganizationKind
from backend.accounts.regions import COUNTRIES, RUSSIAN_REGIONS, russian_region
from plugins.dealer_network.models import PartnerApplication
from plugins.dealer_network.services import regional_supplier
from tests.fixtures.graphql import GraphQLClient
from tests.test_api_partner_applications import SUBMIT, application_input

pytestmark = pytest.mark.django_db

COUNTRIES_QUERY = "{ countries { code name nameEn regions { code name nameEn } } }"


def submit(**overrides) -> dict:
    return GraphQLClient()(SUBMIT, {"input": application_input(**overrides)},
                           REMOTE_ADDR="10.1.0.1").data["partnerApplicationSubmit"]


def test_the_89_subjects_of_russia_have_unique_codes_and_names():
    assert len(RUSSIAN_REGIONS) == 89
    assert len({r.code for r in RUSSIAN_REGIONS}) == 89
    assert len({r.name.casefold() for r in RUSSIAN_REGIONS}) == 89
    assert all(r.code.isdigit() and len(r.code) == 2 and r.name_en for r in RUSSIAN_REGIONS)


def test_anyone_may_read_the_countries_and_russias_regions(db):
    response = GraphQLClient()(COUNTRIES_QUERY)

    countries = response.data["countries"]
    assert [c["code"] for c in countries][:5] == ["RU", "BY", "KZ", "KG", "AM"]
    assert all(len(c["code"]) == 2 and c["name"] and c["nameEn"] for c in countries)
    russia = countries[0]
    assert len(russia["regions"]) == 89
    assert {"code": "77", "name": "Москва", "nameEn": "Moscow"} in russia["regions"]
    assert all(c["regions"] == [] for c in countries[1:])
    assert len(COUNTRIES) == len(countries)


def test_a_russian_region_must_be_one_of_the_list():
    payload = submit(region="Тула")

    assert payload["errors"] == [{"field": "region", "code": "UNKNOWN_REGION",
                                  "message": payload["errors"][0]["message"]}]


def test_a_russian_region_is_stored_as_the_list_names_it():
    payload = submit(region="  московская   ОБЛАСТЬ ")

    assert payload["errors"] == []
    assert PartnerApplication.objects.get().region == "Московская область"


def test_another_countrys_region_is_free_text():
    assert submit(country="KZ", region="Алматы")["errors"] == []
    assert submit(country="DE", region="Bayern")["errors"] == []


def test_the_demo_network_uses_the_lists_names_and_its_applicants_find_their_dealers():
    from backend.demo.network import ORGANIZATIONS, load_network
    from plugins.dealer_network.demo import APPLICATIONS

    assert [o.region for o in ORGANIZATIONS if russian_region(o.region) is None] == []
    assert [a[3] for a in APPLICATIONS if russian_region(a[3]) is None] == []
    load_network()
    # As the demo's README promises: the Moscow applicant joins under the Moscow dealer.
    assert regional_supplier("Москва").name == "Столичный дом красок"
    for dealer in Organization.objects.filter(kind=OrganizationKind.DEALER):
        assert regional_supplier(russian_region(dealer.region).name) == dealer
