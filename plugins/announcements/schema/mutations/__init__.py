"""The announcements' root mutation fields."""

import graphene

from .announcements import (
    AnnouncementCreate,
    AnnouncementPublish,
    AnnouncementUnpublish,
    AnnouncementUpdate,
)
from .reads import AnnouncementMarkRead, AnnouncementsMarkAllRead


class AnnouncementMutations(graphene.ObjectType):
    announcement_create = AnnouncementCreate.Field()
    announcement_update = AnnouncementUpdate.Field()
    announcement_publish = AnnouncementPublish.Field()
    announcement_unpublish = AnnouncementUnpublish.Field()
    announcement_mark_read = AnnouncementMarkRead.Field()
    announcements_mark_all_read = AnnouncementsMarkAllRead.Field()
