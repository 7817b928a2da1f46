from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "boardpack.imports"
    label = "imports"
    verbose_name = "Imports"

    def ready(self) -> None:
        from boardpack.imports import registry

        for name in ("savings", "budget"):
            registry.register(name, f"boardpack.imports.datasets.{name}.{name.upper()}")
        registry.register("dsg", "boardpack.imports.datasets.dsg.monitoring.DSG")
