from django.apps import AppConfig


class QualityConfig(AppConfig):
    name = "boardpack.quality"
    label = "quality"
    verbose_name = "Quality checks"

    def ready(self) -> None:
        from boardpack.quality import checks

        for name in ("savings", "budget", "dsg"):
            checks.register(name, f"boardpack.quality.finance.check_{name}")
