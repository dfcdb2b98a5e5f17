"""Read marks and preferences: each person's own."""

from __future__ import annotations

import graphene

from backend.core.errors import CoreErrorCode, DomainValidationError
from backend.core.graphql.errors import error_type
from backend.core.graphql.mutations import BaseMutation

from ..errors import NotificationErrorCode
from ..services import preferences as stored
from ..services.reads import mark_read, unread_count
from .types import NotificationPreferenceInput, NotificationPreferenceType, NotificationType

MAX_IDS = 100

NotificationError = error_type("NotificationError", NotificationErrorCode,
                               "An error of a notification operation.")


class NotificationMutation(BaseMutation):
    class Meta:
        abstract = True

    meta_defaults = {"error_type_class": NotificationError,
                     "error_code_enum": NotificationErrorCode}


class NotificationsMarkRead(NotificationMutation):
    unread_count = graphene.Int(required=True, description="Unread ones left.")

    class Arguments:
        ids = graphene.List(graphene.NonNull(graphene.ID), description=(
            f"The notifications to mark (at most {MAX_IDS})."))
        all = graphene.Boolean(description="true: mark every notification read.")

    class Meta:
        description = "Mark the signed-in user's notifications read: some, or all."

    failure_defaults = {"unread_count": 0}

    @classmethod
    def perform_mutation(cls, root, info, ids=None, all=None):
        mine = NotificationType.visible_queryset(info)
        if all:
            mark_read(mine)
        elif ids:
            if len(ids) > MAX_IDS:
                raise DomainValidationError.single(
                    CoreErrorCode.INVALID, f"Mark at most {MAX_IDS} at once.", "ids")
            rows = NotificationType.get_visible_many(info, ids, "ids")
            mark_read(mine.filter(pk__in=[row.pk for row in rows]))
        else:
            raise DomainValidationError.single(
                CoreErrorCode.REQUIRED, "Give the notifications' ids, or all: true.", "ids")
        return cls(unread_count=unread_count(mine))


class NotificationPreferencesUpdate(NotificationMutation):
    preferences = graphene.List(graphene.NonNull(NotificationPreferenceType), required=True)

    class Arguments:
        preferences = graphene.List(graphene.NonNull(NotificationPreferenceInput),
                                    required=True, description="Topics not given stay.")

    class Meta:
        description = "Choose how the signed-in user is told of each topic."

    failure_defaults = {"preferences": []}

    @classmethod
    def perform_mutation(cls, root, info, preferences=None):
        choices = [(str(getattr(p.topic, "value", p.topic)), p.email, p.in_app)
                   for p in preferences or []]
        topics = [topic for topic, _, _ in choices]
        if len(set(topics)) != len(topics):
            raise DomainValidationError.single(NotificationErrorCode.DUPLICATE_TOPIC,
                                               "Each topic may be given once.", "preferences")
        user = info.context.viewer.user
        stored.update_preferences(user, choices)
        return cls(preferences=stored.preferences(user))


class NotificationMutations(graphene.ObjectType):
    notifications_mark_read = NotificationsMarkRead.Field()
    notification_preferences_update = NotificationPreferencesUpdate.Field()
