from django.apps import AppConfig


class OrderWorkflowConfig(AppConfig):
    name = "plugins.order_workflow"
    label = "order_workflow"
    verbose_name = "Order workflow"

    def ready(self) -> None:
        # Forwarding follows unit moves: a forwarded line's moves flow back to its sources.
        from .services import flow_back, units

        if flow_back.follow_units not in units.AFTER_MOVED:
            units.AFTER_MOVED.append(flow_back.follow_units)
