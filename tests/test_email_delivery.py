"""E-mail goes out after commit, from a Celery task that retries, and never turns a committed
mutation into an error: a subject is one line whatever the names it is built from, a mail
server that fails is retried and then logged, a broker that cannot be reached is logged.

Celery runs eagerly here (no REDIS_URL), as in the demo; tests/test_email_worker.py runs
the same path through Redis and a real worker.
"""

from __future__ import annotations

import logging

import pytest
from graphql_relay import to_global_id
from kombu.exceptions import OperationalError

from backend.accounts.models import Invitation, Organization, Role
from backend.core.tasks import send_email
from plugins.dealer_network.models import PartnerApplication
from tests.test_api_dealer_network import SUB_DEALER_CREATE, sub_dealer_input
from tests.test_api_partner_applications import REJECT, SUBMIT, application_input

pytestmark = pytest.mark.django_db(transaction=True)  # e-mail is sent after a real commit

INVITE = """mutation($input: InvitationCreateInput!) { invitationCreate(input: $input) {
  invitation { email status } errors { field code message } } }"""


@pytest.fixture
def dealer(network):
    return network["dealer_a"]


@pytest.fixture
def dealer_admin(api_as, make_user, dealer):
    return api_as(make_user("admin@alfa.test", dealer, Role.ADMIN), dealer)


@pytest.fixture
def staff(api_as, staff_user, network):
    return api_as(staff_user, network["factory"])


def submitted_application(api) -> PartnerApplication:
    payload = api.mutate(SUBMIT, {"input": application_input()},
                         result="partnerApplicationSubmit")
    assert payload["errors"] == []
    return PartnerApplication.objects.get()


def logged(caplog, logger: str) -> list[logging.LogRecord]:
    return [record for record in caplog.records if record.name == logger]


def create_sub_dealer(client, **overrides) -> dict:
    return client.mutate(SUB_DEALER_CREATE, {"input": sub_dealer_input(**overrides)},
                         result="subDealerCreate")


# --- names with line breaks ----------------------------------------------------------------

def test_a_line_break_in_a_sub_dealers_name_is_refused_and_nothing_is_saved_or_sent(
        dealer_admin, mailoutbox):
    payload = create_sub_dealer(dealer_admin, name="Стройторг\nХимки")

    assert [(e["field"], e["code"]) for e in payload["errors"]] == [("name", "INVALID_NAME")]
    assert "one line" in payload["errors"][0]["message"]
    assert not Organization.objects.filter(inn=sub_dealer_input()["inn"]).exists()
    assert not Invitation.objects.exists()
    assert mailoutbox == []


def test_rejecting_an_application_stored_with_a_line_break_succeeds_and_mails_one_line(
        api, staff, mailoutbox):
    # A row saved before names were checked: its name still holds a line break.
    application = submitted_application(api)
    PartnerApplication.objects.filter(pk=application.pk).update(
        company_name="ООО «Ромашка»\r\nBcc: everyone@example.test")

    payload = staff.mutate(REJECT, {"id": to_global_id("PartnerApplication", application.pk),
                                    "reason": "Не наш профиль"},
                           result="partnerApplicationReject")

    assert payload == {"application": {"status": "REJECTED",
                                       "rejectionReason": "Не наш профиль"}, "errors": []}
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.subject == ("Заявка ООО «Ромашка» Bcc: everyone@example.test отклонена / "
                               "Application of ООО «Ромашка» Bcc: everyone@example.test "
                               "rejected")
    assert message.to == ["irina@romashka.test"] and message.bcc == []
    headers = message.message()
    assert headers.get_all("Subject") is not None and len(headers.get_all("Subject")) == 1
    assert headers.get_all("Bcc") is None


def test_inviting_to_an_organization_stored_with_a_line_break_succeeds_and_mails_one_line(
        dealer, dealer_admin, mailoutbox):
    Organization.objects.filter(pk=dealer.pk).update(name="Дилер\nАльфа")

    payload = dealer_admin.mutate(INVITE, {"input": {"email": "new@alfa.test"}},
                                  result="invitationCreate")

    assert payload == {"invitation": {"email": "new@alfa.test", "status": "PENDING"},
                       "errors": []}
    assert [m.subject for m in mailoutbox] == [
        "Приглашение в Дилер Альфа / Invitation to Дилер Альфа"]


# --- a failing mail server or broker -------------------------------------------------------

def test_a_mail_server_failing_once_delays_the_invitation_but_delivers_it(
        dealer_admin, flaky_mail, mailoutbox, caplog):
    backend = flaky_mail(1)

    with caplog.at_level(logging.INFO, logger="backend.core.tasks"):
        payload = create_sub_dealer(dealer_admin)

    assert payload["errors"] == []
    assert backend.attempts == 2
    assert [m.to for m in mailoutbox] == [["director@stroytorg.test"]]
    records = logged(caplog, "backend.core.tasks")
    assert [(r.levelname, r.attempt) for r in records] == [("WARNING", 1), ("INFO", 2)]
    assert "retrying" in records[0].getMessage()


def test_a_mail_server_that_keeps_failing_never_fails_the_committed_mutation(
        dealer_admin, flaky_mail, mailoutbox, caplog):
    backend = flaky_mail(100)

    with caplog.at_level(logging.INFO, logger="backend.core.tasks"):
        payload = create_sub_dealer(dealer_admin)

    assert payload["errors"] == []
    assert payload["invitation"]["email"] == "director@stroytorg.test"
    organization = Organization.objects.get(inn=sub_dealer_input()["inn"])
    assert Invitation.objects.filter(organization=organization).count() == 1
    assert backend.attempts == 3  # the first try and EMAIL_SEND_RETRIES = 2 retries
    assert mailoutbox == []
    records = logged(caplog, "backend.core.tasks")
    assert [(r.levelname, r.attempt) for r in records] == [
        ("WARNING", 1), ("WARNING", 2), ("ERROR", 3)]
    lost = records[-1]
    assert "giving up after 3 attempts" in lost.getMessage()
    assert lost.recipients == ["director@stroytorg.test"]


def test_a_broker_that_cannot_be_reached_never_fails_the_committed_mutation(
        api, staff, mailoutbox, monkeypatch, caplog):
    application = submitted_application(api)

    def broker_down(*args, **kwargs):
        raise OperationalError("Error 111 connecting to redis:6379. Connection refused.")

    monkeypatch.setattr(send_email, "delay", broker_down)
    with caplog.at_level(logging.ERROR, logger="backend.core.mail"):
        payload = staff.mutate(REJECT, {"id": to_global_id("PartnerApplication",
                                                           application.pk),
                                        "reason": "Не наш профиль"},
                               result="partnerApplicationReject")

    assert payload["errors"] == []
    assert PartnerApplication.objects.get().status == "REJECTED"
    assert mailoutbox == []
    assert [r.getMessage() for r in logged(caplog, "backend.core.mail")] == [
        "e-mail could not be queued"]
    assert "Connection refused" in caplog.text
