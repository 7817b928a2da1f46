from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "boardpack.reports"
    label = "reports"
    verbose_name = "Report packs"

    def ready(self) -> None:
        from boardpack.demo import steps

        steps.add("boardpack.reports.demo.load_report_templates")
        _task_results_admin_answers_404()


def _task_results_admin_answers_404() -> None:
    """The report worker's task results, in the admin: a malformed or unknown id is a 404 there
    as everywhere (the admin's autodiscovery has run by now: django.contrib.admin comes first)."""
    from django.contrib import admin
    from django_tasks_db.admin import DBTaskResultAdmin
    from django_tasks_db.models import DBTaskResult

    from boardpack.core.admin_scoping import NotFoundAdminMixin

    if admin.site.is_registered(DBTaskResult):
        admin.site.unregister(DBTaskResult)
    admin.site.register(
        DBTaskResult, type("TaskResultAdmin", (NotFoundAdminMixin, DBTaskResultAdmin), {})
    )
