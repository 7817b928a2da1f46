from django.apps import AppConfig


class BenchmarkingConfig(AppConfig):
    name = "boardpack.benchmarking"
    verbose_name = "Benchmarking (DfE open data)"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from boardpack.benchmarking import datasets
        from boardpack.benchmarking.demo import load_benchmarking_demo
        from boardpack.demo import loader

        datasets.register_all()
        if load_benchmarking_demo not in loader.STEPS:
            loader.STEPS.append(load_benchmarking_demo)
