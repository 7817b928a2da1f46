from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "boardpack.core"
    label = "core"

    def ready(self) -> None:
        from boardpack.core import checks  # noqa: F401 (registers the system checks)
