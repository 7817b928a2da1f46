"""A record of each admin-registered model for a given organisation, for the security tests.

Most come from the demo; a model the demo leaves empty for an organisation gets a maker here.
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import admin
from django.db.models import Model

from boardpack.core.admin_scoping import OrganisationScopedAdmin


def _project_update(slug: str) -> Model | None:
    from boardpack.programme.models import Project, ProjectUpdate
    from tests.core.route_table import any_period

    project = Project.objects.filter(workstream__programme__organisation__slug=slug).first()
    if project is None:
        return None
    update, _ = ProjectUpdate.objects.get_or_create(project=project, period=any_period(slug))
    return update


def _period(slug: str) -> Model:
    from tests.core.route_table import any_period

    return any_period(slug)


# Models the demo leaves empty, by label: a function making one for an organisation slug.
MAKERS: dict[str, Callable[[str], Model | None]] = {
    "programme.ProjectUpdate": _project_update,
    "core.ReportingPeriod": _period,
}


def scoped_admins() -> list[tuple[type[Model], OrganisationScopedAdmin]]:
    return sorted(
        (
            (model, model_admin)
            for model, model_admin in admin.site._registry.items()
            if isinstance(model_admin, OrganisationScopedAdmin)
        ),
        key=lambda pair: pair[0]._meta.label,
    )


def record_of(model_admin: OrganisationScopedAdmin, slug: str) -> Model | None:
    """The first record of the admin's model belonging to organisation ``slug``."""
    lookup = model_admin.organisation_lookup
    path = "slug" if lookup == "pk" else f"{lookup}__slug"
    found = model_admin.model._default_manager.filter(**{path: slug}).order_by("pk").first()
    if found is None and model_admin.model._meta.label in MAKERS:
        found = MAKERS[model_admin.model._meta.label](slug)
    return found
