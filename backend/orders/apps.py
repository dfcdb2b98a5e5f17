from django.apps import AppConfig


class OrdersConfig(AppConfig):
    name = "backend.orders"
    label = "orders"
    verbose_name = "Orders"
