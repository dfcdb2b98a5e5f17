from django.apps import AppConfig


class AnnouncementsConfig(AppConfig):
    name = "plugins.announcements"
    label = "announcements"
    verbose_name = "Announcements"
