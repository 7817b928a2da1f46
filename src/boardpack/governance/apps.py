from django.apps import AppConfig


class GovernanceConfig(AppConfig):
    name = "boardpack.governance"
    label = "governance"
    verbose_name = "Governance"

    def ready(self) -> None:
        from boardpack.core import datasets
        from boardpack.governance.datasets import ACTIONS, MEETINGS, RISKS

        for dataset in (MEETINGS, ACTIONS, RISKS):
            datasets.register(dataset)
