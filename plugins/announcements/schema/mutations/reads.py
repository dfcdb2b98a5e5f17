"""Read marks: one announcement, or everything received."""

from __future__ import annotations

import graphene

from ... import services
from ...visibility import received_announcements
from ..types import AnnouncementType
from .base import AnnouncementMutation


class AnnouncementMarkRead(AnnouncementMutation):
    announcement = graphene.Field(AnnouncementType)

    class Arguments:
        id = graphene.ID(required=True)

    class Meta:
        description = "Mark an announcement the viewer may see as read by the signed-in user."

    @classmethod
    def perform_mutation(cls, root, info, id):
        announcement = AnnouncementType.get_visible(info, id)
        services.mark_read(info.context.viewer.user,
                           type(announcement).objects.filter(pk=announcement.pk))
        return cls(announcement=announcement)


class AnnouncementsMarkAllRead(AnnouncementMutation):
    marked = graphene.Int(required=True, description="How many were newly marked.")

    class Arguments:
        pass

    class Meta:
        description = "Mark every announcement received in the active organization as read."

    failure_defaults = {"marked": 0}

    @classmethod
    def perform_mutation(cls, root, info):
        viewer = info.context.viewer
        return cls(marked=services.mark_read(viewer.user, received_announcements(viewer)))
