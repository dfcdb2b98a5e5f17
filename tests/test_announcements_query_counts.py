"""The announcements list runs as many queries for 2 announcements as for 8, each with
products, price groups and read marks, and stays on the execution fast path."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from backend.accounts.models import Role
from plugins.announcements.models import Announcement, AnnouncementRead
from price_rules.models import PriceGroup, PriceGroupMember
from tests.fixtures.graphql import GraphQLClient

pytestmark = pytest.mark.django_db

LIST = """
query { announcements(first: 50) { totalCount edges { node {
  id kind title text status paragraphs isRead isMine publisherName promotionId publishAt
  image(size: 64) { url } products { id name slug }
  audience { everyoneBelow priceGroupIds regions }
} } } announcementsUnreadCount }"""


def _add(count, author, catalog, group, reader):
    for i in range(count):
        announcement = Announcement.objects.create(
            author_organization=author, title=f"Новость {i}", text="Текст",
            publish_at=timezone.now(), audience_everyone=i % 2 == 0)
        announcement.products.set([catalog["door"], catalog["facade_white"]])
        if i % 2:
            announcement.audience_price_groups.set([group])
        if i % 3 == 0:
            AnnouncementRead.objects.create(announcement=announcement, user=reader)


def _run(client, fast_path) -> int:
    fast_path.reset()
    with CaptureQueriesContext(connection) as captured:
        response = client(LIST)
    assert response.status == 200 and not response.errors, response.errors
    assert fast_path.fallbacks == 0
    return len(captured)


@pytest.mark.parametrize("viewer", ["staff", "dealer admin", "sub-dealer"])
def test_the_announcements_list_is_constant_in_page_size(viewer, network, make_user,
                                                         staff_user, catalog, fast_path):
    group = PriceGroup.objects.create(owner=network["dealer_a"], name="Группа")
    PriceGroupMember.objects.create(group=group, organization=network["sub_a"])
    sub_user = make_user("sub@a.test", network["sub_a"], Role.ADMIN)
    clients = {"staff": GraphQLClient(staff_user, network["factory"]),
               "dealer admin": GraphQLClient(make_user("a@a.test", network["dealer_a"],
                                                       Role.ADMIN), network["dealer_a"]),
               "sub-dealer": GraphQLClient(sub_user, network["sub_a"])}
    client = clients[viewer]
    _add(2, network["dealer_a"], catalog, group, sub_user)
    before = _run(client, fast_path)
    _add(6, network["dealer_a"], catalog, group, sub_user)
    after = _run(client, fast_path)
    assert client(LIST).data["announcements"]["totalCount"] == 8
    assert before == after
