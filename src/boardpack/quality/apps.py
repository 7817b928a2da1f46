from django.apps import AppConfig


class QualityConfig(AppConfig):
    name = "boardpack.quality"
    label = "quality"
    verbose_name = "Quality checks"

    def ready(self) -> None:
        from boardpack.quality import checks, finance

        checks.register("savings", finance.check_savings)
        checks.register("budget", finance.check_budget)
        checks.register("dsg", finance.check_dsg)
