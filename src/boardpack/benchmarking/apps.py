from django.apps import AppConfig


class BenchmarkingConfig(AppConfig):
    name = "boardpack.benchmarking"
    verbose_name = "Benchmarking (DfE open data)"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from boardpack.core import datasets
        from boardpack.demo import steps

        datasets.register("benchmarks", "boardpack.benchmarking.datasets.BENCHMARKS")
        steps.add("boardpack.benchmarking.demo.load_benchmarking_demo")
