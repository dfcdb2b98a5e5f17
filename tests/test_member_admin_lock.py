"""The last-admin rule holds under concurrency: two admins demoting (or deactivating)
each other at the same moment, in real concurrent transactions on PostgreSQL, leave the
organization with one admin. Each request counts the other admins, then waits for the
other request to have counted too (a barrier) before it writes, so without the
organization lock both would see another admin and both would succeed."""

import contextlib
import threading

import pytest
from django.db import connection
from graphql_relay import to_global_id

from backend.accounts.models import Membership, Role
from backend.accounts.services import members
from tests.fixtures.graphql import GraphQLClient

pytestmark = pytest.mark.django_db(transaction=True)

ROUNDS = 3
# How long a request waits for the other to count too; with the lock the other waits
# for the lock instead, so this is how long the first holds it.
PATIENCE_SECONDS = 1.0

DEMOTE = """mutation($id: ID!) { membershipUpdate(id: $id, input: {role: BUYER}) {
  errors { code } } }"""
DEACTIVATE = """mutation($id: ID!) { membershipDeactivate(id: $id) { errors { code } } }"""


@pytest.fixture
def counted_together(monkeypatch):
    """Make each request wait, after counting the other admins, until the other request
    has counted too (or PATIENCE_SECONDS have passed)."""
    state = {"barrier": None}
    count = members._has_another_admin

    def count_then_wait(membership):
        found = count(membership)
        # A broken barrier: the other request is not counting now, it waits for the lock.
        with contextlib.suppress(threading.BrokenBarrierError):
            state["barrier"].wait(timeout=PATIENCE_SECONDS)
        return found

    monkeypatch.setattr(members, "_has_another_admin", count_then_wait)
    return state


def _at_once(requests):
    """Run each ``(client, document, variables)`` in its own thread and connection."""
    answers = [None] * len(requests)

    def run(index, client, document, variables):
        try:
            answers[index] = client(document, variables).body
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, *request))
               for i, request in enumerate(requests)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return answers


@pytest.mark.parametrize(("document", "result"), [(DEMOTE, "membershipUpdate"),
                                                  (DEACTIVATE, "membershipDeactivate")])
def test_two_admins_removing_each_other_at_once_leave_one_admin(
        network, make_user, counted_together, document, result):
    dealer = network["dealer_a"]
    first = make_user("first@alfa.test", dealer, Role.ADMIN).memberships.get()
    second = make_user("second@alfa.test", dealer, Role.ADMIN).memberships.get()
    clients = {m.pk: GraphQLClient(m.user, dealer) for m in (first, second)}
    for _ in range(ROUNDS):
        Membership.objects.filter(pk__in=[first.pk, second.pk]).update(
            role=Role.ADMIN, is_active=True, deactivated_at=None)
        counted_together["barrier"] = threading.Barrier(2)

        answers = _at_once([
            (clients[first.pk], document, {"id": to_global_id("Membership", second.pk)}),
            (clients[second.pk], document, {"id": to_global_id("Membership", first.pk)})])

        outcomes = sorted(tuple(e["code"] for e in answer["data"][result]["errors"])
                          for answer in answers)
        assert outcomes[0] == (), outcomes  # one succeeded
        assert "LAST_ADMIN" in outcomes[1], outcomes  # the other was refused
        admins = Membership.objects.filter(organization=dealer, role=Role.ADMIN,
                                           is_active=True)
        assert admins.count() == 1
