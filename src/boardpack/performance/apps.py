from django.apps import AppConfig


class PerformanceConfig(AppConfig):
    name = "boardpack.performance"
    label = "performance"
    verbose_name = "Performance"

    def ready(self) -> None:
        from boardpack.core import datasets
        from boardpack.demo import steps
        from boardpack.imports import registry
        from boardpack.quality import checks

        steps.add("boardpack.performance.demo.load_performance")
        for name in ("indicators", "observations", "inspections"):
            datasets.register(name, f"boardpack.performance.datasets.{name.upper()}")
        checks.register("observations", "boardpack.performance.checks.check_observations")
        registry.register("indicators", "boardpack.performance.importers.INDICATORS_IMPORTER")
