"""Background tasks (django-tasks): every format of an edition rendered in one task."""

from __future__ import annotations

from django_tasks import task


@task()
def generate_edition_files(generation_id: int) -> str:
    from boardpack.reports.services import generation_run

    return str(generation_run(generation_id).status)
