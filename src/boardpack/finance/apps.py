from django.apps import AppConfig


class FinanceConfig(AppConfig):
    name = "boardpack.finance"
    label = "finance"
    verbose_name = "Finance"

    def ready(self) -> None:
        from boardpack.core import datasets
        from boardpack.demo import loader
        from boardpack.finance.datasets import BUDGET, DSG, SAVINGS
        from boardpack.finance.demo import load_somerset_finance

        if load_somerset_finance not in loader.STEPS:
            loader.STEPS.append(load_somerset_finance)
        for dataset in (SAVINGS, BUDGET, DSG):
            datasets.register(dataset)
