"""Notification types. Rows come through ``visibility.visible_notifications``; the order
through the orders' visibility (``ByIdLoader``)."""

from __future__ import annotations

import graphene

from backend.core.graphql.loaders import ByIdLoader
from backend.core.graphql.types import ModelObjectType
from backend.orders.models import Order

from ..models import Notification, Topic
from ..texts import language_of, order_path
from ..visibility import visible_notifications

NotificationTopicEnum = graphene.Enum("NotificationTopic", [(t, t) for t in Topic.values])


class OrderOfNotificationLoader(ByIdLoader):
    siblings = ((Notification, "order_id"),)
    model = Order


def _text(root: Notification, info, part: str) -> str:
    texts = root.texts.get(language_of(info.context.viewer.user)) or root.texts.get("ru", {})
    return str(texts.get(part, ""))


class NotificationType(ModelObjectType):
    event_type = graphene.String(required=True, description="The order event's type.")
    title = graphene.String(required=True, description="In the viewer's language.")
    body = graphene.String(required=True, description="In the viewer's language.")
    url = graphene.String(required=True, description="The storefront path of its order.")
    # By its import path: importing the orders' types here, before the core apps' schema
    # modules, would reorder the fields they add to the catalog's types.
    order = graphene.Field("backend.orders.schema.types.OrderType", description=(
        "The order, while the viewer may see it (null otherwise)."))
    topic = graphene.Field(NotificationTopicEnum, required=True)

    class Meta:
        model = Notification
        name = "Notification"
        visible = visible_notifications
        fields = ("id", "created_at", "read_at")
        description = "An order event told to the signed-in user; only its recipient sees it."

    @staticmethod
    def resolve_title(root: Notification, info):
        return _text(root, info, "title")

    @staticmethod
    def resolve_body(root: Notification, info):
        return _text(root, info, "body")

    @staticmethod
    def resolve_url(root: Notification, info):
        return order_path(root.order_id)

    @staticmethod
    def resolve_order(root: Notification, info):
        return OrderOfNotificationLoader(info.context).load(root.order_id)


class NotificationPreferenceType(graphene.ObjectType):
    topic = graphene.Field(NotificationTopicEnum, required=True)
    email = graphene.Boolean(required=True)
    in_app = graphene.Boolean(required=True)

    class Meta:
        name = "NotificationPreference"
        description = "Whether the signed-in user is told of a topic by e-mail and in the portal."

    @staticmethod
    def resolve_topic(root: tuple[str, bool, bool], info):
        return root[0]

    @staticmethod
    def resolve_email(root: tuple[str, bool, bool], info):
        return root[1]

    @staticmethod
    def resolve_in_app(root: tuple[str, bool, bool], info):
        return root[2]


class NotificationPreferenceInput(graphene.InputObjectType):
    topic = graphene.Field(NotificationTopicEnum, required=True)
    email = graphene.Boolean(required=True)
    in_app = graphene.Boolean(required=True)
