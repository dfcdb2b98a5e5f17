"""Root fields of the notifications. Every list resolves through visibility.py."""

from __future__ import annotations

import graphene

from backend.core.graphql.connection import resolve_connection

from ..services.preferences import preferences
from ..services.reads import unread_count
from .types import NotificationPreferenceType, NotificationType


class NotificationQueries(graphene.ObjectType):
    notifications = graphene.ConnectionField(
        NotificationType._meta.connection, required=True,
        unread_only=graphene.Boolean(description="Only those not read yet."),
        description="The signed-in user's notifications, newest first.")
    notification_unread_count = graphene.Int(
        required=True, description="The signed-in user's unread notifications.")
    notification_preferences = graphene.List(
        graphene.NonNull(NotificationPreferenceType), required=True,
        description="The signed-in user's choice per topic (empty when signed out).")

    @staticmethod
    def resolve_notifications(root, info, unread_only=None, **args):
        queryset = NotificationType.visible_queryset(info)
        if unread_only:
            queryset = queryset.filter(read_at__isnull=True)
        return resolve_connection(queryset.order_by("-created_at", "-pk"), args,
                                  NotificationType._meta.connection, info=info)

    @staticmethod
    def resolve_notification_unread_count(root, info):
        return unread_count(NotificationType.visible_queryset(info))

    @staticmethod
    def resolve_notification_preferences(root, info):
        user = info.context.viewer.user
        return [] if user is None else preferences(user)
