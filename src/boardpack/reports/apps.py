from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "boardpack.reports"
    label = "reports"
    verbose_name = "Report packs"

    def ready(self) -> None:
        from boardpack.demo import loader
        from boardpack.reports.demo import load_report_templates

        if load_report_templates not in loader.STEPS:
            loader.STEPS.append(load_report_templates)
