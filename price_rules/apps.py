from django.apps import AppConfig


class PriceRulesConfig(AppConfig):
    name = "price_rules"
    label = "price_rules"
    verbose_name = "Price rules"
