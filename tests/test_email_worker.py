"""The e-mail path as in production: the mutation commits, the task is queued in a real Redis,
a real Celery worker delivers through a real SMTP server, and retries when it is refused."""

from __future__ import annotations

from email.header import decode_header, make_header

import pytest

from backend.accounts.models import Invitation, Organization, Role
from tests.fixtures.worker import wait_for

INVITE = """mutation($input: InvitationCreateInput!) { invitationCreate(input: $input) {
  invitation { email status } errors { field code message } } }"""


@pytest.mark.django_db(transaction=True)
def test_a_worker_delivers_an_invitation_the_mail_server_refused_at_first(
        celery_worker, smtp_server, api_as, make_user, network):
    dealer = network["dealer_a"]
    # Saved before names were checked: the subject is built from a name with a line break.
    Organization.objects.filter(pk=dealer.pk).update(name="Дилер\nАльфа")
    admin = api_as(make_user("admin@alfa.test", dealer, Role.ADMIN), dealer)
    smtp_server.refuse = 1

    payload = admin.mutate(INVITE, {"input": {"email": "new@alfa.test"}},
                           result="invitationCreate")

    assert payload == {"invitation": {"email": "new@alfa.test", "status": "PENDING"},
                       "errors": []}
    assert Invitation.objects.filter(email="new@alfa.test").exists()
    wait_for(lambda: smtp_server.delivered, 15, "the worker delivered no e-mail",
             lambda: f"SMTP attempts: {smtp_server.attempts}. Worker log:\n"
                     f"{celery_worker.log()}")
    assert smtp_server.attempts == 2  # refused once, delivered on the retry
    [message] = smtp_server.delivered
    assert message["To"] == "new@alfa.test"
    subject = str(make_header(decode_header(message["Subject"])))
    assert subject == "Приглашение в Дилер Альфа / Invitation to Дилер Альфа"
    assert "/invitation/" in message.get_payload(decode=True).decode()
    wait_for(lambda: "e-mail delivered" in celery_worker.log(), 5,
             "the worker logged no delivery", celery_worker.log)
    assert "retrying in 1 s" in celery_worker.log()  # the task's own retry, one message
