from django.apps import AppConfig


class OrderWorkflowConfig(AppConfig):
    name = "plugins.order_workflow"
    label = "order_workflow"
    verbose_name = "Order workflow"
