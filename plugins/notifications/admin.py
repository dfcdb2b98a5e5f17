from django.contrib import admin

from .models import EmailDelivery, Notification, NotificationPreference


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ("event_type", "recipient", "topic", "created_at", "read_at")
    list_filter = ("topic", "event_type")
    search_fields = ("recipient__email",)
    raw_id_fields = ("recipient", "event", "order")
    readonly_fields = ("created_at",)


@admin.register(NotificationPreference)
class NotificationPreferenceAdmin(admin.ModelAdmin):
    list_display = ("user", "topic", "email", "in_app")
    list_filter = ("topic",)
    search_fields = ("user__email",)
    raw_id_fields = ("user",)


@admin.register(EmailDelivery)
class EmailDeliveryAdmin(admin.ModelAdmin):
    """The outbox, read-only: what each event sent, or failed to send."""

    list_display = ("to", "subject", "status", "attempts", "created_at", "sent_at")
    list_filter = ("status",)
    search_fields = ("to", "subject")
    raw_id_fields = ("event", "recipient")

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False
