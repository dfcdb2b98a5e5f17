"""Announcements through the API: who publishes, who receives, read marks, validation."""

from __future__ import annotations

import io
import json
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone
from graphql_relay import to_global_id as gid
from PIL import Image

from backend.accounts.models import Role
from backend.accounts.tokens import issue_tokens
from plugins.announcements.models import Announcement, AnnouncementRead
from price_rules.models import DiscountKind, PriceGroup, PriceGroupMember, Promotion

pytestmark = pytest.mark.django_db

CREATE = """
mutation($input: AnnouncementInput!, $publishAt: DateTime, $publish: Boolean) {
  announcementCreate(input: $input, publishAt: $publishAt, publish: $publish) {
    announcement { id title status isMine paragraphs products { id } promotionId
                   audience { everyoneBelow priceGroupIds regions } }
    errors { field code message }
  }
}"""

FEED = """
query($filter: AnnouncementFilterInput) {
  announcements(filter: $filter, first: 50) {
    totalCount
    edges { node { id title kind isRead isMine publisherName status audience { regions }
                   products { id name } image(size: 256) { url size } } }
  }
  announcementsUnreadCount
}"""


@pytest.fixture
def people(network, make_user, make_org, staff_user):
    sub_a2 = make_org("Субдилер Альфа-2", kind="SUB_DEALER", parent=network["dealer_a"])
    return {
        "staff": (staff_user, network["factory"]),
        "dealer_a": (make_user("admin@a.test", network["dealer_a"], Role.ADMIN),
                     network["dealer_a"]),
        "dealer_a_buyer": (make_user("buyer@a.test", network["dealer_a"], Role.BUYER),
                           network["dealer_a"]),
        "dealer_b": (make_user("admin@b.test", network["dealer_b"], Role.ADMIN),
                     network["dealer_b"]),
        "sub_a": (make_user("admin@sub-a.test", network["sub_a"], Role.ADMIN),
                  network["sub_a"]),
        "sub_a2": (make_user("buyer@sub-a2.test", sub_a2, Role.BUYER), sub_a2),
        "sub_b": (make_user("buyer@sub-b.test", network["sub_b"], Role.BUYER),
                  network["sub_b"]),
    }


@pytest.fixture
def as_(people, api_as):
    return lambda who: api_as(*people[who])


@pytest.fixture
def groups(network):
    gold = PriceGroup.objects.create(owner=network["factory"], name="Золотые дилеры")
    PriceGroupMember.objects.create(group=gold, organization=network["dealer_a"])
    best = PriceGroup.objects.create(owner=network["dealer_a"], name="Лучшие субдилеры")
    PriceGroupMember.objects.create(group=best, organization=network["sub_a"])
    other = PriceGroup.objects.create(owner=network["dealer_b"], name="Чужая группа")
    return {"gold": gold, "best": best, "other": other}


def _input(**overrides):
    data = {"kind": "NEWS", "title": "Новый склад в Твери",
            "text": "Мы открыли склад.\r\n\r\n\r\nОтгрузки с понедельника.  ",
            "audience": {"everyoneBelow": True}}
    data.update(overrides)
    return data


def _publish(client, **variables):
    variables.setdefault("input", _input())
    return client.mutate(CREATE, variables, result="announcementCreate")


def _titles(client, filter=None):
    data = client(FEED, {"filter": filter}).data
    return {edge["node"]["title"] for edge in data["announcements"]["edges"]}


def test_the_manufacturers_everyone_below_reaches_dealers_and_sub_dealers(as_):
    payload = _publish(as_("staff"))
    assert payload["errors"] == []
    announcement = payload["announcement"]
    assert announcement["status"] == "PUBLISHED" and announcement["isMine"]
    assert announcement["paragraphs"] == ["Мы открыли склад.", "Отгрузки с понедельника."]
    for who in ("dealer_a", "dealer_a_buyer", "dealer_b", "sub_a", "sub_a2", "sub_b"):
        data = as_(who)(FEED).data
        node = data["announcements"]["edges"][0]["node"]
        assert (node["title"], node["isRead"], node["isMine"]) == (
            "Новый склад в Твери", False, False), who
        assert node["publisherName"] == "Завод" and node["audience"] is None
        assert data["announcementsUnreadCount"] == 1


def test_a_price_group_audience_skips_the_groups_sub_dealers(as_, groups):
    gold = gid("PriceGroup", groups["gold"].pk)
    payload = _publish(as_("staff"), input=_input(
        title="Золотым дилерам", audience={"everyoneBelow": False, "priceGroupIds": [gold]}))
    assert payload["errors"] == []
    assert _titles(as_("dealer_a")) == {"Золотым дилерам"}
    for who in ("dealer_b", "sub_a", "sub_a2", "sub_b"):
        assert _titles(as_(who)) == set(), who


def test_a_region_audience_reaches_organizations_of_the_region(as_):
    payload = _publish(as_("staff"), input=_input(
        title="Казань", audience={"everyoneBelow": False, "regions": ["республика татарстан"]}))
    assert payload["announcement"]["audience"]["regions"] == ["Республика Татарстан"]
    assert _titles(as_("dealer_b")) == {"Казань"}
    assert _titles(as_("dealer_a")) == set() and _titles(as_("sub_b")) == set()


def test_a_dealer_publishes_to_its_own_sub_dealers_only(as_, groups):
    payload = _publish(as_("dealer_a"), input=_input(
        title="Только лучшим", audience={
            "everyoneBelow": False, "priceGroupIds": [gid("PriceGroup", groups["best"].pk)]}))
    assert payload["errors"] == [] and payload["announcement"]["isMine"]
    assert _publish(as_("dealer_a"), input=_input(title="Всем моим"))["errors"] == []
    assert _titles(as_("sub_a")) == {"Только лучшим", "Всем моим"}
    assert _titles(as_("sub_a2")) == {"Всем моим"}  # outside the group
    for who in ("dealer_b", "sub_b"):
        assert _titles(as_(who)) == set(), who
    # The dealer's feed of received ones is empty; its own list has both.
    assert _titles(as_("dealer_a"), {"authored": False}) == set()
    assert _titles(as_("dealer_a"), {"authored": True}) == {"Только лучшим", "Всем моим"}
    assert as_("dealer_a")(FEED).data["announcementsUnreadCount"] == 0
    assert _titles(as_("staff")) >= {"Только лучшим", "Всем моим"}  # VIEW_ALL


def test_scheduled_and_unpublished_announcements_are_hidden_from_readers(as_):
    later = (timezone.now() + timedelta(days=2)).isoformat()
    scheduled = _publish(as_("staff"), input=_input(title="Скоро"), publishAt=later)
    assert scheduled["announcement"]["status"] == "SCHEDULED"
    draft = _publish(as_("staff"), input=_input(title="Черновик"), publish=False)
    assert draft["announcement"]["status"] == "UNPUBLISHED"
    shown = _publish(as_("staff"), input=_input(title="Сейчас"))["announcement"]
    assert _titles(as_("dealer_a")) == {"Сейчас"}
    assert _titles(as_("staff"), {"authored": True}) == {"Скоро", "Черновик", "Сейчас"}

    down = as_("staff").mutate(
        "mutation($id: ID!) { announcementUnpublish(id: $id) { announcement { status } "
        "errors { code } } }", {"id": shown["id"]}, result="announcementUnpublish")
    assert down == {"announcement": {"status": "UNPUBLISHED"}, "errors": []}
    assert _titles(as_("dealer_a")) == set()
    # Hidden ones cannot be read by id either.
    node = as_("dealer_a")("query($id: ID!) { announcement(id: $id) { id } }",
                           {"id": shown["id"]}).data
    assert node == {"announcement": None}


def test_invalid_input_is_refused_whole_and_nothing_is_saved(as_, catalog, network, groups):
    foreign_promotion = Promotion.objects.create(
        owner=network["dealer_b"], name="Чужая", kind=DiscountKind.PERCENT, value=5,
        starts=timezone.localdate(), ends=timezone.localdate())
    payload = _publish(as_("dealer_a"), input=_input(
        kind="NEW_PRODUCTS", title="  ", text="x" * 5001,
        productIds=[gid("Product", catalog["hidden"].pk)],
        promotionId=gid("Promotion", foreign_promotion.pk),
        audience={"everyoneBelow": True, "priceGroupIds": [gid("PriceGroup", groups["other"].pk)],
                  "regions": ["Нарния"]}))
    assert payload["announcement"] is None
    assert [(e["field"], e["code"]) for e in payload["errors"]] == [
        ("title", "REQUIRED"), ("text", "INVALID"), ("productIds", "UNKNOWN_PRODUCT"),
        ("promotionId", "UNKNOWN_PROMOTION"), ("priceGroupIds", "UNKNOWN_PRICE_GROUP"),
        ("regions", "UNKNOWN_REGION"), ("audience", "AUDIENCE_CONFLICT")]
    assert not Announcement.objects.exists()
    assert not Announcement.products.through.objects.exists()

    nobody = _publish(as_("dealer_a"), input=_input(kind="NEW_PRODUCTS",
                                                    audience={"everyoneBelow": False}))
    assert [(e["field"], e["code"]) for e in nobody["errors"]] == [
        ("productIds", "PRODUCTS_REQUIRED"), ("audience", "AUDIENCE_REQUIRED")]
    past = _publish(as_("staff"),
                    publishAt=(timezone.now() - timedelta(days=1)).isoformat())
    assert [(e["field"], e["code"]) for e in past["errors"]] == [
        ("publishAt", "PUBLISH_DATE_IN_PAST")]
    assert not Announcement.objects.exists()


def test_only_staff_and_dealers_managing_sub_dealers_publish(as_):
    for who in ("sub_a", "dealer_a_buyer"):
        payload = _publish(as_(who))
        assert [e["code"] for e in payload["errors"]] == ["PERMISSION_DENIED"], who
    staff_news = _publish(as_("staff"))["announcement"]
    edit = as_("dealer_a").mutate(
        "mutation($id: ID!, $input: AnnouncementInput!) { announcementUpdate(id: $id, "
        "input: $input) { announcement { id } errors { field code } } }",
        {"id": staff_news["id"], "input": _input(title="Чужое")}, result="announcementUpdate")
    assert edit == {"announcement": None, "errors": [{"field": "id", "code": "NOT_FOUND"}]}
    assert Announcement.objects.get().title == "Новый склад в Твери"


def test_an_author_edits_links_products_and_a_promotion(as_, catalog, network):
    promotion = Promotion.objects.create(
        owner=network["factory"], name="Осень", kind=DiscountKind.PERCENT, value=10,
        starts=timezone.localdate(), ends=timezone.localdate())
    news = _publish(as_("staff"))["announcement"]
    door = gid("Product", catalog["door"].pk)
    edited = as_("staff").mutate(
        "mutation($id: ID!, $input: AnnouncementInput!) { announcementUpdate(id: $id, "
        "input: $input) { announcement { title kind products { id } promotionId } "
        "errors { code } } }",
        {"id": news["id"], "input": _input(kind="PROMOTION", title="Скидка на двери",
                                           productIds=[door],
                                           promotionId=gid("Promotion", promotion.pk))},
        result="announcementUpdate")
    assert edited == {"announcement": {"title": "Скидка на двери", "kind": "PROMOTION",
                                       "products": [{"id": door}],
                                       "promotionId": gid("Promotion", promotion.pk)},
                      "errors": []}
    # The catalog asks for the announcements of the products it shows.
    assert _titles(as_("sub_b"), {"productIds": [door]}) == {"Скидка на двери"}
    assert _titles(as_("sub_b"), {"productIds": [gid("Product", catalog["facade_white"].pk)]}) \
        == set()
    assert _titles(as_("sub_b"), {"kind": "NEWS"}) == set()


MARK = "mutation($id: ID!) { announcementMarkRead(id: $id) { announcement { isRead } " \
       "errors { code } } }"
MARK_ALL = "mutation { announcementsMarkAllRead { marked errors { code } } }"


def test_read_marks_are_per_user(as_, people):
    first = _publish(as_("staff"), input=_input(title="Первая"))["announcement"]
    _publish(as_("staff"), input=_input(title="Вторая"))
    reader = as_("dealer_a")
    assert reader.mutate(MARK, {"id": first["id"]}, result="announcementMarkRead") == {
        "announcement": {"isRead": True}, "errors": []}
    assert _titles(reader, {"unread": True}) == {"Вторая"}
    assert _titles(reader, {"unread": False}) == {"Первая"}
    assert reader(FEED).data["announcementsUnreadCount"] == 1
    # A colleague of the same organization has read nothing.
    assert as_("dealer_a_buyer")(FEED).data["announcementsUnreadCount"] == 2
    assert reader.mutate(MARK_ALL, result="announcementsMarkAllRead") == {
        "marked": 1, "errors": []}
    assert reader.mutate(MARK_ALL, result="announcementsMarkAllRead")["marked"] == 0
    assert reader(FEED).data["announcementsUnreadCount"] == 0
    assert AnnouncementRead.objects.filter(user=people["dealer_a"][0]).count() == 2


def test_an_announcement_the_viewer_cannot_see_cannot_be_marked(as_, groups):
    secret = _publish(as_("staff"), input=_input(audience={
        "everyoneBelow": False, "priceGroupIds": [gid("PriceGroup", groups["gold"].pk)]}))
    payload = as_("sub_a").mutate(MARK, {"id": secret["announcement"]["id"]},
                                  result="announcementMarkRead")
    assert payload["errors"] == [{"code": "NOT_FOUND"}]
    assert not AnnouncementRead.objects.exists()


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (800, 600), (200, 40, 40)).save(buffer, format="PNG")
    return buffer.getvalue()


def _upload_create(people, content: bytes, name="banner.png"):
    user, org = people["staff"]
    operations = {
        "query": "mutation($input: AnnouncementInput!, $image: Upload) { announcementCreate("
                 "input: $input, image: $image) { announcement { image(size: 256) { url size }"
                 " } errors { field code } } }",
        "variables": {"input": _input(), "image": None},
    }
    response = Client().post(
        "/graphql/", {"operations": json.dumps(operations),
                      "map": json.dumps({"0": ["variables.image"]}),
                      "0": SimpleUploadedFile(name, content)},
        HTTP_AUTHORIZATION=f"Bearer {issue_tokens(user).access}",
        HTTP_X_ORGANIZATION=str(org.pk))
    return response.json()["data"]["announcementCreate"]


def test_an_image_gets_the_catalogs_thumbnails(people, as_):
    payload = _upload_create(people, _png())
    assert payload["errors"] == [] and payload["announcement"]["image"]["size"] == 256
    assert set(Announcement.objects.get().thumbnails) == {"64", "256", "512"}
    node = as_("sub_b")(FEED).data["announcements"]["edges"][0]["node"]
    assert node["image"]["url"].endswith("_256.webp")


def test_a_file_that_is_not_an_image_is_refused(people):
    payload = _upload_create(people, b"%PDF-1.4 nope", "doc.png")
    assert payload == {"announcement": None,
                       "errors": [{"field": "image", "code": "INVALID_IMAGE"}]}
    assert not Announcement.objects.exists()


OPTIONS = "{ announcementAudienceOptions { priceGroups { id name memberCount } " \
          "regions { name nameEn } } }"


def test_a_publisher_chooses_among_its_own_price_groups(as_, groups):
    options = as_("dealer_a")(OPTIONS).data["announcementAudienceOptions"]
    assert options["priceGroups"] == [{"id": gid("PriceGroup", groups["best"].pk),
                                       "name": "Лучшие субдилеры", "memberCount": 1}]
    assert {"name": "Москва", "nameEn": "Moscow"} in options["regions"]
    assert as_("sub_a")(OPTIONS).data == {"announcementAudienceOptions": None}


def test_an_image_given_as_text_is_refused_not_crashed(as_):
    payload = as_("staff").mutate(
        'mutation { announcementCreate(image: "", input: {kind: NEWS, title: "Т", text: "Т", '
        "audience: {everyoneBelow: true}}) { announcement { id } errors { field code } } }",
        result="announcementCreate")
    assert payload == {"announcement": None,
                       "errors": [{"field": "image", "code": "INVALID_IMAGE"}]}
    assert not Announcement.objects.exists()
