from django.apps import AppConfig


class CreditConfig(AppConfig):
    name = "plugins.credit"
    label = "credit"
    verbose_name = "Credit and payments"
