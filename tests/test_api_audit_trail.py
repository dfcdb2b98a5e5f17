"""The audit trail as people read it: ids named (a custom role, the changed member) only
where the viewer may see them, each event with its organization, filtered by person,
action and period, in a constant number of queries."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from backend.accounts.models import AuditEvent, CustomRole, Membership, Role
from backend.accounts.services.members import update_membership

EVENTS = """
query Events($filter: AuditEventFilterInput) {
  auditEvents(first: 100, filter: $filter) {
    totalCount
    edges { node {
      action targetName
      organization { name }
      actorSummary { fullName }
      changeList { field before { text hidden } after { text hidden } }
    } }
  }
}
"""


@pytest.fixture
def trail(network, make_user):
    """In dealer A and its sub-dealer: an admin gives a member a custom role."""
    people = {}
    for key, first in (("dealer_a", "Ирина"), ("sub_a", "Пётр")):
        org = network[key]
        admin = make_user(f"admin@{key}.test", org, Role.ADMIN, first_name=first,
                          last_name="Админова")
        member = make_user(f"member@{key}.test", org, first_name="Олег",
                           last_name=f"Кладовщик-{key}")
        role = CustomRole.objects.create(organization=org, name=f"Склад {key}",
                                         permissions=["VIEW_ORDERS"])
        update_membership(Membership.objects.get(user=member), admin, custom_role=role)
        people[key] = admin
    return people


@pytest.fixture
def dealer_admin(api_as, trail, network):
    return api_as(trail["dealer_a"], network["dealer_a"])


def nodes(client, **filter) -> list[dict]:
    data = client(EVENTS, {"filter": filter or None}).data["auditEvents"]
    return [edge["node"] for edge in data["edges"]]


def updates(client, **filter) -> dict[str, dict]:
    return {n["organization"]["name"]: n for n in nodes(client, **filter)
            if n["action"] == "membership.updated"}


def test_a_custom_role_and_the_member_are_named_not_numbered(dealer_admin):
    own = updates(dealer_admin)["Дилер Альфа"]

    assert own["targetName"] == "Олег Кладовщик-dealer_a"
    assert own["changeList"] == [
        {"field": "user", "before": None,
         "after": [{"text": "member@dealer_a.test", "hidden": False}]},
        {"field": "custom_role", "before": [],
         "after": [{"text": "Склад dealer_a", "hidden": False}]}]


def test_a_sub_dealers_event_says_whose_it_is_and_hides_what_the_viewer_may_not_see(
        dealer_admin):
    theirs = updates(dealer_admin)["Субдилер Альфа-1"]

    assert theirs["actorSummary"] == {"fullName": "Пётр Админова"}
    # The sub-dealer's custom roles are its own: the dealer learns a role was given, not
    # which.
    assert theirs["changeList"][1] == {"field": "custom_role", "before": [],
                                       "after": [{"text": "", "hidden": True}]}


def test_staff_who_see_everything_see_every_name(api_as, trail, staff_user, network):
    staff = api_as(staff_user, network["factory"])

    theirs = updates(staff)["Субдилер Альфа-1"]

    assert theirs["changeList"][1]["after"] == [{"text": "Склад sub_a", "hidden": False}]
    assert theirs["targetName"] == "Олег Кладовщик-sub_a"


def test_events_are_filtered_by_person_action_and_period(dealer_admin):
    assert set(updates(dealer_admin, person="петр")) == {"Субдилер Альфа-1"}
    assert set(updates(dealer_admin, person="Ирина Админова")) == {"Дилер Альфа"}
    assert nodes(dealer_admin, person="admin@dealer_a.test") == []  # names, not e-mails
    assert {n["action"] for n in nodes(dealer_admin, action="membership")} \
        == {"membership.updated"}
    assert {n["action"] for n in nodes(dealer_admin, action="membership.updated")} \
        == {"membership.updated"}
    today = timezone.localdate()
    assert len(nodes(dealer_admin, since=str(today), until=str(today))) \
        == len(nodes(dealer_admin)) > 0
    assert nodes(dealer_admin, until=str(today - timedelta(days=1))) == []
    AuditEvent.objects.filter(action="membership.updated").update(
        created_at=timezone.now() - timedelta(days=3))
    assert updates(dealer_admin, since=str(today - timedelta(days=1))) == {}
    assert len(updates(dealer_admin, since=str(today - timedelta(days=3)),
                       until=str(today - timedelta(days=3)))) == 2


def test_the_trail_runs_the_same_queries_for_more_events(dealer_admin, trail, network,
                                                         make_user, fast_path):
    def add(n: int) -> None:
        for i in range(n):
            role = CustomRole.objects.create(organization=network["dealer_a"],
                                             name=f"Роль {i}-{n}", permissions=[])
            member = make_user(f"m{i}-{n}@dealer_a.test", network["dealer_a"])
            update_membership(Membership.objects.get(user=member), trail["dealer_a"],
                              custom_role=role)

    def count() -> int:
        fast_path.reset()
        with CaptureQueriesContext(connection) as queries:
            nodes(dealer_admin)
        assert fast_path.fallbacks == 0
        return len(queries)

    before = count()
    add(3)
    assert count() == before
