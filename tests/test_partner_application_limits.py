"""The public partner form is rate-limited per client address and in all, and bounds the
length of what it stores: a script cannot fill the database or the staff's inbox."""

from __future__ import annotations

import threading
from collections import Counter

import pytest
from django.db import connections

from plugins.dealer_network.models import PartnerApplication
from tests.fixtures.graphql import GraphQLClient
from tests.test_api_partner_applications import SUBMIT, application_input

SUBMIT_WITH_RETRY = SUBMIT.replace("errors { field code message }",
                                   "errors { field code message retryAfter }")


def submit(client: str = "10.0.0.1", **overrides) -> dict:
    """Submit the form from the client address ``client``."""
    return GraphQLClient()(SUBMIT_WITH_RETRY, {"input": application_input(**overrides)},
                           REMOTE_ADDR=client).data["partnerApplicationSubmit"]


def code_of(payload: dict) -> str:
    return payload["errors"][0]["code"] if payload["errors"] else "OK"


def test_one_address_may_send_a_few_applications_an_hour(db, settings):
    answers = [submit() for _ in range(8)]

    limit = settings.PARTNER_APPLICATIONS_PER_ADDRESS
    assert [code_of(a) for a in answers] == ["OK"] * limit + ["APPLICATIONS_THROTTLED"] * (
        8 - limit)
    refused = answers[-1]
    assert refused["receipt"] is None
    window = int(settings.PARTNER_APPLICATION_WINDOW.total_seconds())
    assert 0 < refused["errors"][0]["retryAfter"] <= window
    assert PartnerApplication.objects.count() == limit
    assert code_of(submit(client="10.0.0.2")) == "OK"  # another address is not affected


def test_all_addresses_together_are_limited_too(db, settings):
    settings.PARTNER_APPLICATIONS_PER_WINDOW = 6

    answers = Counter(code_of(submit(client=f"10.0.1.{i}")) for i in range(10))

    assert answers == {"OK": 6, "APPLICATIONS_THROTTLED": 4}
    assert PartnerApplication.objects.count() == 6


def test_a_refused_address_does_not_use_up_everyone_elses_allowance(db, settings):
    settings.PARTNER_APPLICATIONS_PER_WINDOW = 10
    for _ in range(30):
        submit(client="203.0.113.66")

    answers = Counter(code_of(submit(client=f"10.0.1.{i}")) for i in range(5))

    assert answers == {"OK": 5}


def test_invalid_submissions_count_too(db, settings):
    for _ in range(settings.PARTNER_APPLICATIONS_PER_ADDRESS):
        assert code_of(submit(email="not an address")) == "INVALID_EMAIL"

    assert code_of(submit()) == "APPLICATIONS_THROTTLED"


@pytest.mark.django_db(transaction=True)
def test_concurrent_submissions_from_one_address_stop_at_the_limit(settings):
    barrier = threading.Barrier(20)
    answers: list[str] = []
    lock = threading.Lock()

    def send(i: int) -> None:
        try:
            barrier.wait()
            code = code_of(submit(companyName=f"Компания {i}"))
        except Exception as exc:  # asserted below
            code = repr(exc)
        finally:
            connections.close_all()
        with lock:
            answers.append(code)

    threads = [threading.Thread(target=send, args=(i,)) for i in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    limit = settings.PARTNER_APPLICATIONS_PER_ADDRESS
    assert Counter(answers) == {"OK": limit, "APPLICATIONS_THROTTLED": 20 - limit}
    assert PartnerApplication.objects.count() == limit


def test_a_comment_of_at_most_2000_characters_is_accepted(db):
    assert code_of(submit(comment="ж" * 2000)) == "OK"
    assert PartnerApplication.objects.get().comment == "ж" * 2000


@pytest.mark.parametrize("size", [2001, 100_000, 1_000_000])
def test_a_longer_comment_is_refused_with_a_field_error(db, size):
    payload = submit(comment="x" * size)

    assert payload["errors"] == [{"field": "comment", "code": "INVALID", "retryAfter": None,
                                  "message": f"At most 2000 characters (this has {size})."}]
    assert not PartnerApplication.objects.exists()


def test_every_text_field_is_bounded_by_its_column(db):
    long_email = "a" * 60 + "@" + ".".join(["b" * 60] * 4) + ".test"  # valid, 309 long
    payload = submit(companyName="К" * 256, legalName="Л" * 256, region="Р" * 101,
                     contactFirstName="И" * 151, contactLastName="С" * 151,
                     email=long_email, address="А" * 501)

    assert sorted((e["field"], e["code"]) for e in payload["errors"]) == [
        ("address", "INVALID"), ("companyName", "INVALID"), ("contactFirstName", "INVALID"),
        ("contactLastName", "INVALID"), ("email", "INVALID"), ("legalName", "INVALID"),
        ("region", "INVALID")]
