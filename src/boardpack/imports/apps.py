from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "boardpack.imports"
    label = "imports"
    verbose_name = "Imports"

    def ready(self) -> None:
        from boardpack.imports import registry
        from boardpack.imports.datasets.budget import BUDGET
        from boardpack.imports.datasets.dsg import DSG
        from boardpack.imports.datasets.savings import SAVINGS

        for importer in (SAVINGS, BUDGET, DSG):
            registry.register(importer)
