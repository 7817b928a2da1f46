from django.apps import AppConfig


class PerformanceConfig(AppConfig):
    name = "boardpack.performance"
    label = "performance"
    verbose_name = "Performance"

    def ready(self) -> None:
        from boardpack.core import datasets
        from boardpack.demo import loader
        from boardpack.imports import registry
        from boardpack.performance.checks import check_observations
        from boardpack.performance.datasets import INDICATORS, INSPECTIONS, OBSERVATIONS
        from boardpack.performance.demo import load_performance
        from boardpack.performance.importers import INDICATORS_IMPORTER
        from boardpack.quality import checks

        if load_performance not in loader.STEPS:
            loader.STEPS.append(load_performance)
        for dataset in (INDICATORS, OBSERVATIONS, INSPECTIONS):
            datasets.register(dataset)
        checks.register("observations", check_observations)
        registry.register(INDICATORS_IMPORTER)
