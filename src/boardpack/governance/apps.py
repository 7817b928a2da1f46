from django.apps import AppConfig


class GovernanceConfig(AppConfig):
    name = "boardpack.governance"
    label = "governance"
    verbose_name = "Governance"

    def ready(self) -> None:
        from boardpack.core import datasets

        for name in ("meetings", "actions", "risks"):
            datasets.register(name, f"boardpack.governance.datasets.{name.upper()}")
