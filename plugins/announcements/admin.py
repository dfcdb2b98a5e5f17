"""Django admin for announcements: staff may read, fix a typo or take one down; read marks
are read-only."""

from __future__ import annotations

from django.contrib import admin

from .models import Announcement, AnnouncementRead


@admin.register(Announcement)
class AnnouncementAdmin(admin.ModelAdmin):
    list_display = ("title", "kind", "author_organization", "publish_at", "audience_everyone")
    list_filter = ("kind", "audience_everyone")
    search_fields = ("title", "text", "author_organization__name")
    raw_id_fields = ("author_organization", "author", "promotion")
    filter_horizontal = ("products", "audience_price_groups")
    readonly_fields = ("thumbnails", "created_at", "updated_at")
    date_hierarchy = "publish_at"


@admin.register(AnnouncementRead)
class AnnouncementReadAdmin(admin.ModelAdmin):
    list_display = ("announcement", "user", "read_at")
    raw_id_fields = ("announcement", "user")
    readonly_fields = ("announcement", "user", "read_at")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False
