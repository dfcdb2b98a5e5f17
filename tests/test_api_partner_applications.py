"""A company applies to become a partner through the public form; staff see what to check
(an INN already registered, a near-duplicate name in the region), approve it (the
organization joins under its region's dealer, else the manufacturer, and the applicant is
invited as admin) or reject it with a reason. Every change of status is recorded."""

from __future__ import annotations

import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from backend.accounts.inn import complete_inn
from backend.accounts.models import Invitation, Membership, Organization, Role
from plugins.dealer_network.models import PartnerApplication, PartnerApplicationEvent

SUBMIT = """
mutation Submit($input: PartnerApplicationSubmitInput!) {
  partnerApplicationSubmit(input: $input) {
    receipt { id status createdAt message }
    errors { field code message }
  }
}
"""
APPROVE = """
mutation Approve($id: ID!) {
  partnerApplicationApprove(id: $id) {
    application { status organization { name kind level parent { name } } reviewedBy { email } }
    errors { field code message }
  }
}
"""
REJECT = """
mutation Reject($id: ID!, $reason: String!) {
  partnerApplicationReject(id: $id, reason: $reason) {
    application { status rejectionReason }
    errors { field code message }
  }
}
"""
APPLICATION = """
query One($id: ID!) {
  partnerApplication(id: $id) {
    companyName status
    flags { code message similarity organization { name } application { companyName } }
    events { fromStatus toStatus note actor { email } }
  }
}
"""
APPLICATIONS = """
query List($status: PartnerApplicationStatus, $search: String) {
  partnerApplications(first: 100, status: $status, search: $search) {
    totalCount
    edges { node {
      companyName status reviewedBy { email } organization { name }
      flags { code organization { name } application { companyName } }
      events { toStatus actor { email } }
    } }
  }
}
"""
ACCEPT = """
mutation Accept($token: String!) {
  invitationAccept(token: $token, password: "a-long-password-7") { errors { code } }
}
"""

_inns = iter(range(600_000_001, 600_100_000))


def application_input(**overrides) -> dict:
    return {"companyName": "ООО «Ромашка»", "legalName": "ООО «Ромашка»",
            "inn": complete_inn(str(next(_inns))), "kpp": "771001001",
            "region": "Тульская область",
            "address": "Тула, ул. Ленина, 1", "contactFirstName": "Ирина",
            "contactLastName": "Соколова", "email": "Irina@Romashka.test",
            "phone": "+7 (487) 200-00-00", "comment": "Хотим продавать краски", **overrides}


def errors_of(payload: dict) -> list[tuple[str | None, str]]:
    return [(e["field"], e["code"]) for e in payload["errors"]]


@pytest.fixture(autouse=True)
def _room_for_many_applications(settings):
    """These tests send more applications from one address than the public form allows
    in an hour; tests/test_partner_application_limits.py tests the limits."""
    settings.PARTNER_APPLICATIONS_PER_ADDRESS = 1000


@pytest.fixture
def submit(api):
    def run(**overrides) -> dict:
        return api.mutate(SUBMIT, {"input": application_input(**overrides)},
                          result="partnerApplicationSubmit")
    return run


@pytest.fixture
def staff(api_as, staff_user, network):
    return api_as(staff_user, network["factory"])


@pytest.fixture
def dealer_admin(api_as, make_user, network):
    return api_as(make_user("admin@alfa.test", network["dealer_a"], Role.ADMIN),
                  network["dealer_a"])


def submitted(submit, **overrides) -> str:
    payload = submit(**overrides)
    assert payload["errors"] == [], payload["errors"]
    return payload["receipt"]["id"]


def flags_of(staff, application_id: str) -> list[dict]:
    return staff(APPLICATION, {"id": application_id}).data["partnerApplication"]["flags"]


def approve(client, application_id: str) -> dict:
    return client.mutate(APPROVE, {"id": application_id}, result="partnerApplicationApprove")


def reject(client, application_id: str, reason: str) -> dict:
    return client.mutate(REJECT, {"id": application_id, "reason": reason},
                         result="partnerApplicationReject")


# --- submitting ----------------------------------------------------------------------------

def test_anyone_may_apply_and_the_submission_is_recorded(submit, staff):
    payload = submit()

    assert payload["errors"] == []
    receipt = payload["receipt"]
    assert receipt["status"] == "SUBMITTED"
    assert "irina@romashka.test" in receipt["message"]
    application = PartnerApplication.objects.get()
    assert (application.email, application.kpp, application.flags) == (
        "irina@romashka.test", "771001001", [])
    one = staff(APPLICATION, {"id": receipt["id"]}).data["partnerApplication"]
    assert one["events"] == [{"fromStatus": None, "toStatus": "SUBMITTED", "note": "",
                              "actor": None}]


@pytest.mark.parametrize(("inn", "code"), [("7707083890", "INVALID_INN"),
                                           ("77070838", "INVALID_INN"),
                                           ("", "REQUIRED")])
def test_an_inn_that_fails_its_checksum_is_refused(submit, inn, code):
    payload = submit(inn=inn)

    assert (("inn", code) in errors_of(payload))
    assert payload["receipt"] is None
    assert not PartnerApplication.objects.exists()
    assert not PartnerApplicationEvent.objects.exists()


def test_every_problem_of_the_form_comes_back_at_once(submit):
    payload = submit(companyName=" ", region="", email="irina@", kpp="77-10", phone="call me")

    assert sorted(errors_of(payload)) == [
        ("companyName", "REQUIRED"), ("email", "INVALID_EMAIL"), ("kpp", "INVALID_KPP"),
        ("phone", "INVALID_PHONE"), ("region", "REQUIRED")]
    assert not PartnerApplication.objects.exists()


def test_a_second_application_for_a_company_already_applying_gets_an_ordinary_receipt(
        api, submit, staff):
    """Refusing it would tell anyone which companies have applied."""
    fresh = submit(inn="7736050003", companyName="Василёк", legalName="ООО «Василёк»",
                   email="another@partner.test")
    first = submitted(submit, inn="7707083893")

    again = submit(inn="7707083893", email="another@partner.test")

    assert again["errors"] == []
    assert again["receipt"]["id"] not in (first, fresh["receipt"]["id"])
    assert {k: v for k, v in again["receipt"].items() if k not in ("id", "createdAt")} == {
        k: v for k, v in fresh["receipt"].items() if k not in ("id", "createdAt")}
    assert PartnerApplication.objects.filter(inn="7707083893", status="SUBMITTED").count() == 2
    assert [(f["code"], f["application"]) for f in flags_of(staff, again["receipt"]["id"])] \
        == [("DUPLICATE_INN", {"companyName": "ООО «Ромашка»"})]
    assert [f["code"] for f in flags_of(staff, first)] == ["DUPLICATE_INN"]


def test_a_registered_inn_is_flagged_for_staff_and_never_shown_to_the_public(
        api, submit, staff, network):
    registered = network["dealer_b"]
    clean = submit(companyName="Василёк", legalName="ООО «Василёк»")
    flagged = api(SUBMIT, {"input": application_input(inn=registered.inn, kpp="")})

    public = flagged.data["partnerApplicationSubmit"]
    assert public["errors"] == []
    assert public["receipt"]["message"] == clean["receipt"]["message"]
    assert registered.name not in json.dumps(flagged.body, ensure_ascii=False)
    assert [(f["code"], f["organization"]) for f in flags_of(staff, public["receipt"]["id"])] \
        == [("DUPLICATE_INN", {"name": "Дилер Бета"})]


def test_a_near_duplicate_name_in_the_same_region_is_flagged(submit, staff, make_org,
                                                              network):
    make_org("Ромашка ООО", parent=network["factory"], region="Тульская область")

    flags = flags_of(staff, submitted(submit, companyName="ООО «Ромашка»",
                                      region="тульская область"))

    assert [(f["code"], f["organization"], f["similarity"]) for f in flags] == [
        ("SIMILAR_NAME", {"name": "Ромашка ООО"}, 1.0)]


def test_a_slightly_different_spelling_is_flagged_too(submit, staff, make_org, network):
    make_org("Ромашка-Юг", parent=network["factory"], region="Тульская область")

    flags = flags_of(staff, submitted(submit, companyName="Ромашка", legalName="ИП Ромашкин"))

    assert [f["code"] for f in flags] == ["SIMILAR_NAME"]
    assert 0.6 <= flags[0]["similarity"] < 1


def test_the_same_name_in_another_region_or_an_unrelated_name_is_not_flagged(
        submit, staff, make_org, network):
    make_org("Ромашка ООО", parent=network["factory"], region="Республика Татарстан")
    make_org("Василёк", parent=network["factory"], region="Тульская область")

    assert flags_of(staff, submitted(submit)) == []


def test_two_pending_applications_for_one_company_flag_each_other(submit, staff):
    first = submitted(submit, companyName="ООО «Ромашка»", email="dealer1@partner.test")
    second = submitted(submit, companyName="Ромашка ООО", legalName="ООО Ромашка",
                       email="dealer2@partner.test")

    assert [(f["code"], f["application"]) for f in flags_of(staff, second)] == [
        ("SIMILAR_NAME", {"companyName": "ООО «Ромашка»"})]
    assert [(f["code"], f["application"]) for f in flags_of(staff, first)] == [
        ("SIMILAR_NAME", {"companyName": "Ромашка ООО"})]


# --- reviewing -----------------------------------------------------------------------------

def token_from(mail) -> str:
    return re.search(r"/invitation/(\S+)", mail.body).group(1)


@pytest.mark.django_db(transaction=True)  # the invitation e-mail goes out after commit
def test_approval_places_the_partner_under_its_regional_dealer_and_invites_the_applicant(
        submit, staff, api, network, mailoutbox):
    application_id = submitted(submit, region="москва", companyName="Краски Зеленограда")

    payload = approve(staff, application_id)

    assert payload["errors"] == []
    assert payload["application"] == {
        "status": "APPROVED", "reviewedBy": {"email": "staff@factory.test"},
        "organization": {"name": "Краски Зеленограда", "kind": "SUB_DEALER", "level": 2,
                         "parent": {"name": "Дилер Альфа"}}}
    assert [mail.to for mail in mailoutbox] == [["irina@romashka.test"]]
    assert api.mutate(ACCEPT, {"token": token_from(mailoutbox[0])},
                      result="invitationAccept")["errors"] == []
    membership = Membership.objects.get(user__email="irina@romashka.test")
    assert membership.role == Role.ADMIN
    assert membership.organization.name == "Краски Зеленограда"
    events = staff(APPLICATION, {"id": application_id}).data["partnerApplication"]["events"]
    assert [(e["fromStatus"], e["toStatus"], e["actor"]) for e in events] == [
        (None, "SUBMITTED", None),
        ("SUBMITTED", "APPROVED", {"email": "staff@factory.test"})]
    assert "Дилер Альфа" in events[1]["note"]


def test_without_a_dealer_in_the_region_the_partner_becomes_a_dealer_of_the_manufacturer(
        submit, staff):
    payload = approve(staff, submitted(submit, region="Тульская область"))

    assert payload["application"]["organization"] | {"name": None} == {
        "name": None, "kind": "DEALER", "level": 1, "parent": {"name": "Завод"}}


def test_approving_twice_is_an_invalid_status(submit, staff):
    application_id = submitted(submit)
    approve(staff, application_id)

    again = approve(staff, application_id)

    assert errors_of(again) == [("id", "INVALID_STATUS")]
    assert Organization.objects.filter(name="ООО «Ромашка»").count() == 1
    assert PartnerApplicationEvent.objects.count() == 2


def test_an_inn_registered_meanwhile_stops_the_approval_and_changes_nothing(
        submit, staff, network):
    application_id = submitted(submit, inn="7707083893", kpp="771001001")
    Organization.objects.filter(pk=network["sub_b"].pk).update(inn="7707083893",
                                                                kpp="771001001")

    payload = approve(staff, application_id)

    assert errors_of(payload) == [("inn", "DUPLICATE_INN")]
    application = PartnerApplication.objects.get()
    assert (application.status, application.organization) == ("SUBMITTED", None)
    assert PartnerApplicationEvent.objects.count() == 1
    assert not Invitation.objects.filter(email="irina@romashka.test").exists()


@pytest.mark.django_db(transaction=True)
def test_rejection_needs_a_reason_which_the_applicant_is_told(submit, staff, mailoutbox):
    application_id = submitted(submit)

    assert errors_of(reject(staff, application_id, "  ")) == [("reason", "REQUIRED")]
    assert PartnerApplication.objects.get().status == "SUBMITTED"
    assert mailoutbox == []

    payload = reject(staff, application_id, "Компания не работает в нашей отрасли")

    assert payload == {"application": {"status": "REJECTED", "rejectionReason":
                                       "Компания не работает в нашей отрасли"}, "errors": []}
    assert [mail.to for mail in mailoutbox] == [["irina@romashka.test"]]
    assert "Компания не работает в нашей отрасли" in mailoutbox[0].body
    assert errors_of(approve(staff, application_id)) == [("id", "INVALID_STATUS")]
    events = PartnerApplicationEvent.objects.order_by("pk")
    assert [(e.from_status, e.to_status, e.note) for e in events] == [
        ("", "SUBMITTED", ""), ("SUBMITTED", "REJECTED", "Компания не работает в нашей отрасли")]


# --- who may review ------------------------------------------------------------------------

def test_partners_and_visitors_neither_see_nor_review_applications(submit, dealer_admin,
                                                                   api):
    application_id = submitted(submit)

    for client in (dealer_admin, api):
        assert client(APPLICATIONS).data["partnerApplications"]["totalCount"] == 0
        assert client(APPLICATION, {"id": application_id}).data["partnerApplication"] is None
    assert errors_of(approve(dealer_admin, application_id)) == [(None, "PERMISSION_DENIED")]
    assert errors_of(reject(dealer_admin, application_id, "Нет")) == [
        (None, "PERMISSION_DENIED")]
    assert errors_of(approve(api, application_id)) == [(None, "AUTHENTICATION_REQUIRED")]
    assert PartnerApplication.objects.get().status == "SUBMITTED"


def test_staff_who_only_see_everything_may_read_but_not_approve(submit, api_as, make_user,
                                                               network):
    auditor = api_as(make_user("auditor@factory.test", network["factory"], is_staff=True,
                               staff_permissions=["VIEW_ALL"]), network["factory"])
    application_id = submitted(submit)

    assert auditor(APPLICATIONS).data["partnerApplications"]["totalCount"] == 1
    assert errors_of(approve(auditor, application_id)) == [(None, "PERMISSION_DENIED")]


def test_staff_filter_applications_by_status_and_search(submit, staff):
    submitted(submit, companyName="Альфа-Декор")
    rejected = submitted(submit, companyName="Бета-Краски")
    reject(staff, rejected, "Дубликат")

    def companies(**variables) -> list[str]:
        data = staff(APPLICATIONS, variables).data["partnerApplications"]
        return [edge["node"]["companyName"] for edge in data["edges"]]

    assert companies() == ["Бета-Краски", "Альфа-Декор"]  # newest first
    assert companies(status="SUBMITTED") == ["Альфа-Декор"]
    assert companies(search="бета") == ["Бета-Краски"]


def test_the_application_list_runs_the_same_queries_for_2_and_6_rows(submit, staff,
                                                                    network):
    branches = iter(range(100, 1000))

    def add(n: int) -> None:
        """Each round: a pending application flagged by INN, and one resembling it that is
        approved, so every kind of reference in the list is there from the first round."""
        for _ in range(n):
            submitted(submit, companyName="Ромашка", inn=network["dealer_a"].inn,
                      kpp=f"771001{next(branches)}")
            approve(staff, submitted(submit, companyName="ООО «Ромашка»",
                                     email=f"a{next(_inns)}@partner.test"))

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            staff(APPLICATIONS)
        return len(queries)

    add(1)
    before = count()
    add(2)
    assert count() == before
