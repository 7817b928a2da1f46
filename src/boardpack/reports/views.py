"""Editions pages under ``/<organisation>/reports/``: list, create, narrative, workflow, files."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST

from boardpack.core.access import organisation_view
from boardpack.performance.suppression import Audience, audience_for
from boardpack.reports import services
from boardpack.reports.forms import (
    CorrectionForm,
    EditionCreateForm,
    NarrativeForm,
    RequestAnswerForm,
)
from boardpack.reports.markdown import markdown_preview_html
from boardpack.reports.models import Block, Edition, GeneratedFile, Generation
from boardpack.reports.rendering import CONTENT_TYPES, FORMATS
from boardpack.reports.requests import request_answer, template_requests
from boardpack.reports.selectors import (
    edition_document,
    editions_for,
    latest_generation,
    latest_version,
    narrative_drafts,
    templates_for,
)
from boardpack.workflow import policy

FORMAT_LABELS = {"html": "Web page (HTML)", "pdf": "PDF", "docx": "Word", "pptx": "PowerPoint"}


def _visible_editions(request: HttpRequest) -> QuerySet[Edition]:
    """Officers see every edition (drafts marked); members only those published at least once,
    as published: a draft pack is assembled from content that may not be approved yet."""
    editions = editions_for(request.organisation)  # type: ignore[attr-defined]
    if policy.sees_drafts(request.user):
        return editions
    return editions.filter(versions__isnull=False).distinct()


def _edition(request: HttpRequest, pk: int) -> Edition:
    return get_object_or_404(_visible_editions(request), pk=pk)


def _published_number(request: HttpRequest, edition: Edition) -> int | None:
    """For members, the latest published version (what they read); officers read the edition
    as it stands (None)."""
    if policy.sees_drafts(request.user):
        return None
    latest = latest_version(edition)
    if latest is None:  # not reached: members only find editions with a published version
        raise Http404("This edition has not been published")
    return latest.number


def _redirect_detail(edition: Edition, fragment: str = "") -> HttpResponse:
    response = redirect("reports:edition-detail", org=edition.organisation.slug, edition=edition.pk)
    if fragment:
        response["Location"] += f"#{fragment}"
    return response


@organisation_view
def edition_list(request: HttpRequest) -> HttpResponse:
    organisation = request.organisation  # type: ignore[attr-defined]
    return render(
        request,
        "reports/index.html",
        {
            "nav": "reports",
            "editions": _visible_editions(request),
            "form": EditionCreateForm(organisation=organisation),
            "has_templates": templates_for(organisation).exists(),
            "templates": templates_for(organisation),
            "can_edit": services.can_edit(request.user),
        },
    )


@organisation_view
def edition_create(request: HttpRequest) -> HttpResponse:
    organisation = request.organisation  # type: ignore[attr-defined]
    if not services.can_edit(request.user):
        raise PermissionDenied("Only the programme office can start an edition.")
    form = EditionCreateForm(request.POST or None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        try:
            edition = services.edition_create(
                template=form.cleaned_data["template"],
                period=form.cleaned_data["period"],
                user=request.user,
            )
        except services.EditionError as error:
            form.add_error(None, error.messages[0])
        else:
            messages.success(request, f"Edition {edition} started as a draft.")
            return _redirect_detail(edition)
    return render(request, "reports/edition_create.html", {"nav": "reports", "form": form})


@organisation_view
def edition_detail(request: HttpRequest, edition: int) -> HttpResponse:
    record = _edition(request, edition)
    published = _published_number(request, record)
    generation = latest_generation(record, published)
    files = {f.format: f for f in generation.files.all()} if generation else {}
    versions = list(record.versions.order_by("-number"))
    return render(
        request,
        "reports/edition_detail.html",
        {
            "nav": "reports",
            "edition": record,
            # Officers see the draft's true figures, marked where its readers would see c;
            # councillors the published version they may read.
            "document": edition_document(
                record,
                published,
                officers_preview=audience_for(request.user) == Audience.OFFICER,
            ),
            "generation": generation,
            "files": [(fmt, FORMAT_LABELS[fmt], files.get(fmt)) for fmt in FORMATS],
            "formats_ready": len(files),
            "formats_total": len(FORMATS),
            "all_versions": versions,
            "format_labels": FORMAT_LABELS,
            "can_edit": services.can_edit(request.user),
            "can_approve": services.can_approve(request.user),
            "can_publish": services.can_publish(request.user),
        },
    )


@organisation_view
def edition_narrative(request: HttpRequest, edition: int) -> HttpResponse:
    record = _edition(request, edition)
    if not services.can_edit(request.user):
        raise PermissionDenied("Only the programme office can edit an edition's narrative.")
    frozen = record.is_published
    drafts = narrative_drafts(record)
    form = NarrativeForm(
        request.POST if request.method == "POST" and not frozen else None,
        drafts=drafts,
        disabled=frozen,
    )
    previews: dict[int, str] = {}
    if request.method == "POST" and not frozen and form.is_valid():
        if "preview" in request.POST:
            previews = {
                pk: mark_safe(markdown_preview_html(text))  # noqa: S308 - cleaned by nh3
                for pk, text in form.texts().items()
            }
        else:
            try:
                changed = services.narrative_save(
                    edition=record, texts=form.texts(), user=request.user
                )
            except services.EditionError as error:
                form.add_error(None, error.messages[0])
            else:
                messages.success(
                    request,
                    f"Narrative saved ({changed} change{'s' if changed != 1 else ''})."
                    if changed
                    else "Nothing had changed.",
                )
                return _redirect_detail(record)
    return render(
        request,
        "reports/edition_narrative.html",
        {
            "nav": "reports",
            "edition": record,
            "form": form,
            "fields": [
                (block, field, previews.get(block.pk), saved)
                for (block, field), (_b, _t, saved) in zip(form.bound_fields(), drafts, strict=True)
            ],
            "frozen": frozen,
        },
    )


def _workflow(request: HttpRequest, edition: int, action: str) -> HttpResponse:
    record = _edition(request, edition)
    try:
        if action == "approve":
            services.edition_approve(edition=record, user=request.user)
            messages.success(request, "Edition approved. It can now be published.")
        else:
            version = services.edition_publish(edition=record, user=request.user)
            # Every format of the published version, from its snapshot, in the background.
            services.generation_start(edition=record, user=request.user)
            messages.success(
                request,
                f"Version {version.number} published. Later changes to the data will not "
                "change it.",
            )
    except services.EditionError as error:
        messages.error(request, error.messages[0])
    return _redirect_detail(record)


@organisation_view
@require_POST
def edition_approve(request: HttpRequest, edition: int) -> HttpResponse:
    return _workflow(request, edition, "approve")


@organisation_view
@require_POST
def edition_publish(request: HttpRequest, edition: int) -> HttpResponse:
    return _workflow(request, edition, "publish")


@organisation_view
def edition_correct(request: HttpRequest, edition: int) -> HttpResponse:
    record = _edition(request, edition)
    if not services.can_publish(request.user):
        raise PermissionDenied("Only the programme office can correct a published edition.")
    form = CorrectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.edition_correct(
                edition=record, reason=form.cleaned_data["reason"], user=request.user
            )
        except services.EditionError as error:
            form.add_error(None, error.messages[0])
        else:
            messages.success(request, f"Version {record.version} opened as a draft.")
            return _redirect_detail(record)
    return render(
        request,
        "reports/edition_correct.html",
        {"nav": "reports", "edition": record, "form": form},
    )


@organisation_view
@require_POST
def edition_generate(request: HttpRequest, edition: int) -> HttpResponse:
    record = _edition(request, edition)
    if not services.can_edit(request.user):
        raise PermissionDenied("Only the programme office can generate an edition's files.")
    generation = services.generation_start(edition=record, user=request.user)
    if generation.status == Generation.Status.DONE:
        messages.success(request, "Every format is ready to download.")
    return _redirect_detail(record, "downloads")


def _download(file: GeneratedFile, edition: Edition, version: int) -> HttpResponse:
    response = HttpResponse(bytes(file.content), content_type=CONTENT_TYPES[file.format])
    name = f"{edition.template.slug}-{edition.period.key}-v{version}.{file.format}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Content-Length"] = str(file.size)
    return response


def _file(generation: Generation | None, file_format: str) -> GeneratedFile:
    if file_format not in FORMATS or generation is None:
        raise Http404("No such file")
    file = generation.files.filter(format=file_format).first()
    if file is None:
        raise Http404("That file has not been generated yet")
    return file


@organisation_view
def edition_file(request: HttpRequest, edition: int, file_format: str) -> HttpResponse:
    record = _edition(request, edition)
    published = _published_number(request, record)
    return _download(
        _file(latest_generation(record, published), file_format),
        record,
        record.version if published is None else published,
    )


@organisation_view
def version_file(
    request: HttpRequest, edition: int, version: int, file_format: str
) -> HttpResponse:
    record = _edition(request, edition)
    if not record.versions.filter(number=version).exists():
        raise Http404("No such published version")
    return _download(_file(latest_generation(record, version), file_format), record, version)


@organisation_view
def template_detail(request: HttpRequest, template: str) -> HttpResponse:
    """A report template: its sections and blocks, and what committees asked of it (open until
    a block answers the request). The programme office records which block answers one."""
    from django.core.exceptions import ValidationError
    from django.utils import timezone

    record = get_object_or_404(templates_for(request.organisation), slug=template)  # type: ignore[attr-defined]
    requests = template_requests(record)
    blocks = list(
        Block.objects.filter(section__template=record)
        .select_related("section")
        .order_by("section__order", "section__pk", "order", "pk")
    )
    can_edit = services.can_edit(request.user)
    form = RequestAnswerForm(
        request.POST if request.method == "POST" else None,
        requests=[(r.action.pk, r.text[:120]) for r in requests if r.is_open],
        blocks=[(b.pk, f"{b.section.title}: {b.title or b.get_kind_display()}") for b in blocks],
    )
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied("Only the programme office can change a report template.")
        if form.is_valid():
            action = next(r.action for r in requests if r.action.pk == form.cleaned_data["action"])
            block = next(b for b in blocks if b.pk == form.cleaned_data["block"])
            try:
                request_answer(
                    block=block, action=action, user=request.user, today=timezone.localdate()
                )
            except ValidationError as error:
                form.add_error(None, error.messages[0])
            else:
                messages.success(request, "The request is answered and its action is done.")
                return redirect(
                    "reports:template-detail",
                    org=record.organisation.slug,
                    template=record.slug,
                )
    by_section: dict[int, list[Block]] = {}
    for block in blocks:
        by_section.setdefault(block.section_id, []).append(block)
    sections = [(s, by_section.get(s.pk, [])) for s in record.sections.order_by("order", "pk")]
    return render(
        request,
        "reports/template_detail.html",
        {
            "nav": "reports",
            "template": record,
            "requests": requests,
            "open_requests": [r for r in requests if r.is_open],
            "sections": sections,
            "form": form,
            "can_edit": can_edit,
        },
    )
