from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "backend.core"
    label = "core"
    verbose_name = "Core"

    def ready(self) -> None:
        from . import checks, lookups  # noqa: F401 (checks registers itself)

        lookups.register()
