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


def _risk(slug: str) -> Model:
    from boardpack.core.models import Organisation
    from boardpack.governance.models import Risk
    from boardpack.governance.services import risk_save

    found = Risk.objects.filter(organisation__slug=slug, reference="R-admin").first()
    if found is not None:
        return found
    return risk_save(
        organisation=Organisation.objects.get(slug=slug),
        reference="R-admin",
        title="A risk for the admin tests",
        owner="Director",
        likelihood=3,
        impact=4,
        status="open",
    )


def _risk_assessment(slug: str) -> Model:
    from boardpack.governance.models import Risk, RiskAssessment
    from boardpack.governance.services import risk_assess
    from tests.core.route_table import any_period

    risk = _risk(slug)
    assert isinstance(risk, Risk)
    found = RiskAssessment.objects.filter(risk=risk).first()
    if found is not None:
        return found
    return risk_assess(risk=risk, period=any_period(slug))


def _published_edition(slug: str):  # type: ignore[no-untyped-def]
    """An edition, approved and published (so it has a version); None for an organisation
    without report templates (Dorset's demo has none)."""
    from boardpack.accounts.models import User
    from boardpack.reports import services
    from boardpack.reports.models import Edition, ReportTemplate
    from tests.core.route_table import any_period

    template = ReportTemplate.objects.filter(organisation__slug=slug).order_by("pk").first()
    if template is None:
        return None
    found = Edition.objects.filter(template=template).first()
    if found is not None:
        return found
    office = (
        User.objects.filter(
            memberships__organisation__slug=slug, is_active=True, groups__name="Programme office"
        )
        .order_by("pk")
        .first()
    )
    period = any_period(slug)
    edition = services.edition_create(template=template, period=period, user=office)
    from boardpack.reports.models import EDITABLE_KINDS, Block

    # Dorset's only template holds a committee request block and no text to write.
    block = Block.objects.filter(section__template=template, kind__in=EDITABLE_KINDS).first()
    if block is not None:
        services.narrative_save(edition=edition, texts={block.pk: "Admin test text."}, user=office)
    services.edition_approve(edition=edition, user=office)
    services.edition_publish(edition=edition, user=office)
    return edition


def _edition_narrative(slug: str) -> Model | None:
    edition = _published_edition(slug)
    return None if edition is None else edition.narratives.first()


def _edition_version(slug: str) -> Model | None:
    edition = _published_edition(slug)
    return None if edition is None else edition.versions.first()


def _generation(slug: str) -> Model | None:
    from boardpack.reports.models import Generation

    edition = _published_edition(slug)
    if edition is None:
        return None
    found = Generation.objects.filter(edition=edition).order_by("pk").first()
    if found is not None:
        return found
    return Generation.objects.create(
        edition=edition, version=edition.version, published=True, status=Generation.Status.DONE
    )


def edition_with_files(slug: str):  # type: ignore[no-untyped-def]
    """A published edition whose latest generation holds its HTML file (for the downloads)."""
    import hashlib

    from boardpack.reports.models import GeneratedFile, Generation

    generation = _generation(slug)
    if not isinstance(generation, Generation):
        return None
    content = b"<!doctype html><title>Edition</title><p>Published edition.</p>"
    GeneratedFile.objects.get_or_create(
        generation=generation,
        format="html",
        defaults={
            "content": content,
            "size": len(content),
            "sha256": hashlib.sha256(content).hexdigest(),
        },
    )
    return generation.edition


def _period(slug: str) -> Model:
    from tests.core.route_table import any_period

    return any_period(slug)


# Models the demo leaves empty, by label: a function making one for an organisation slug.
MAKERS: dict[str, Callable[[str], Model | None]] = {
    "programme.ProjectUpdate": _project_update,
    "core.ReportingPeriod": _period,
    "governance.Risk": _risk,
    "governance.RiskAssessment": _risk_assessment,
    "reports.Edition": _published_edition,
    "reports.EditionNarrative": _edition_narrative,
    "reports.EditionVersion": _edition_version,
    "reports.Generation": _generation,
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
