from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "plugins.notifications"
    label = "notifications"
    verbose_name = "Notifications"
