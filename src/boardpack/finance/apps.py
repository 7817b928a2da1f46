from django.apps import AppConfig


class FinanceConfig(AppConfig):
    name = "boardpack.finance"
    label = "finance"
    verbose_name = "Finance"

    def ready(self) -> None:
        from boardpack.core import datasets
        from boardpack.demo import steps

        steps.add("boardpack.finance.demo.load_somerset_finance")
        for name in ("savings", "budget", "dsg"):
            datasets.register(name, f"boardpack.finance.datasets.{name.upper()}")
