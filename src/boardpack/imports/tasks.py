"""Background tasks (django-tasks): a large file checked, and applied, outside the request."""

from __future__ import annotations

from django_tasks import task


@task()
def plan_import_run(run_id: int) -> None:
    from boardpack.imports.services import import_run_plan_task

    import_run_plan_task(run_id)


@task()
def apply_import_run(run_id: int, fingerprint: str, confirmed: bool) -> None:
    from boardpack.imports.services import import_run_apply_task

    import_run_apply_task(run_id, fingerprint, confirmed)
