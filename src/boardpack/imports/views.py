"""Upload pages: choose a file → match its columns (once per layout) → preview → apply."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from boardpack.core.access import latest_period, organisation_view, period_or_404
from boardpack.imports import registry
from boardpack.imports.amounts import AmountError, Unit
from boardpack.imports.forms import UNIT_CHOICES, MappingForm, UploadForm
from boardpack.imports.framework import ImportContext, Importer, TableShape
from boardpack.imports.models import ImportRun
from boardpack.imports.services import (
    ImportRefused,
    import_run_apply,
    import_run_apply_later,
    import_run_cancel,
    import_run_choose_add_new,
    import_run_choose_sheet,
    import_run_choose_table,
    import_run_choose_unit,
    import_run_create,
    import_run_map,
    import_run_plan_later,
    import_run_preparation,
    import_run_prepare,
)
from boardpack.imports.spreadsheet_templates import template_csv, template_xlsx

PERMISSION = "imports.add_importrun"
STATED_FIELDS = {"label": "Label", "variance": "Variance £m", "movement": "Movement £m"}


def may_import(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Members only (404 otherwise), and only those whose role may import (403 otherwise)."""

    @organisation_view
    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.has_perm(PERMISSION):
            raise PermissionDenied("Your role cannot import spreadsheets.")
        return view(request, *args, **kwargs)

    return wrapper


def _run(request: HttpRequest, run: int) -> ImportRun:
    return get_object_or_404(
        ImportRun.objects.select_related("period", "organisation"),
        pk=run,
        organisation=request.organisation,  # type: ignore[attr-defined]
        user=request.user,
    )


def _importer(run: ImportRun) -> Importer:
    try:
        return registry.get(run.dataset)
    except KeyError as exc:
        raise Http404("No such dataset") from exc


@may_import
def start(request: HttpRequest) -> HttpResponse:
    organisation = request.organisation  # type: ignore[attr-defined]
    if request.method == "POST":
        form = UploadForm(request.POST, request.FILES, organisation=organisation)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            run = import_run_create(
                organisation=organisation,
                period=form.cleaned_data["period"],
                dataset=form.cleaned_data["dataset"],
                user=request.user,
                file_name=upload.name,
                data=upload.read(),
                unit=form.cleaned_data["unit"],
                add_new=bool(form.cleaned_data["add_new"]),
            )
            return redirect("imports:preview", org=organisation.slug, run=run.pk)
    else:
        period = latest_period(organisation)
        form = UploadForm(
            organisation=organisation,
            initial={"period": period.key if period else "", "dataset": request.GET.get("dataset")},
        )
    runs = ImportRun.objects.filter(organisation=organisation).select_related("period", "user")[:15]
    period = latest_period(organisation)
    return render(
        request,
        "imports/start.html",
        {
            "nav": "imports",
            "form": form,
            "runs": runs,
            "importers": registry.all_importers(),
            "template_period": period,
        },
    )


@may_import
def preview(request: HttpRequest, run: int) -> HttpResponse:
    found = _run(request, run)
    importer = _importer(found)
    if found.status == ImportRun.Status.APPLIED:
        return redirect("imports:done", org=found.organisation.slug, run=found.pk)
    if found.status == ImportRun.Status.CANCELLED:
        raise Http404("This import was cancelled")
    if found.background:
        planned = _planned(found)
        if planned is None:
            return _render_progress(request, found)
        preparation = planned
    else:
        preparation = import_run_prepare(run=found, importer=importer)
    if preparation.needs_mapping:
        return redirect("imports:mapping", org=found.organisation.slug, run=found.pk)
    return _render_preview(request, found, importer, preparation)


def _planned(run: ImportRun) -> Any:
    """A large file's plan, made by a background task: started now when there is none (unless
    the last task failed: its page says why and offers to check the file again)."""
    if not run.is_busy and not run.plan_data and not run.error:
        try:
            import_run_plan_later(run=run)  # immediate backend: planned when this returns
        except ImportRefused:  # another tab started it a moment ago
            run.refresh_from_db()
    if run.is_busy:
        return None
    return import_run_preparation(run)


def _render_progress(request: HttpRequest, run: ImportRun) -> HttpResponse:
    """How far the background task has gone (refreshed by the user: a timed refresh would fail
    WCAG 2.2.1), or why it failed."""
    return render(
        request, "imports/progress.html", {"nav": "imports", "run": run, "importer": _importer(run)}
    )


@may_import
@require_POST
def check(request: HttpRequest, run: int) -> HttpResponse:
    """Check a large file again after a background task failed or refused it."""
    found = _run(request, run)
    if found.may_change and found.background:
        found.error = ""
        found.plan_data = b""
        found.save(update_fields=["error", "plan_data", "updated_at"])
    return redirect("imports:preview", org=found.organisation.slug, run=found.pk)


def _render_preview(
    request: HttpRequest, run: ImportRun, importer: Importer, preparation: Any, status: int = 200
) -> HttpResponse:
    plan = preparation.plan
    tables = [("", importer.title, dict(plan.fields))]
    tables += [(t.key, t.title, dict(t.fields_shown)) for t in importer.tables]
    groups: list[dict[str, Any]] = []
    fields_main = dict(plan.fields)
    for key, title, fields in tables:
        changes = [
            {
                "change": change,
                "fields": [
                    (fields.get(k, k), change.before.get(k, ""), change.after.get(k, ""))
                    for k in change.changed_fields
                ],
            }
            for change in plan.to_write
            if change.table == key
        ]
        if changes:
            groups.append({"title": title, "changes": changes})
    stated = [
        {
            "change": change,
            "fields": [
                (
                    STATED_FIELDS.get(k, fields_main.get(k, k)),
                    change.before.get(k, ""),
                    change.after.get(k, ""),
                )
                for k in change.changed_fields
            ],
        }
        for change in plan.stated_to_write
    ]
    if stated:
        groups.append({"title": "Stated totals kept", "changes": stated, "stated": True})
    return render(
        request,
        "imports/preview.html",
        {
            "nav": "imports",
            "run": run,
            "importer": importer,
            "plan": plan,
            "layout": preparation.layout,
            "tables": preparation.tables,
            "unit": preparation.unit,
            "groups": groups,
            "unchanged": [c for c in plan.changes if c.action == c.UNCHANGED],
            "unit_choices": UNIT_CHOICES,
            "sheets": preparation.workbook.sheets
            if preparation.workbook is not None and preparation.workbook.kind == "xlsx"
            else [],
        },
        status=status,
    )


@may_import
def mapping(request: HttpRequest, run: int) -> HttpResponse:
    found = _run(request, run)
    if not found.is_open:
        return redirect("imports:preview", org=found.organisation.slug, run=found.pk)
    importer = _importer(found)
    if request.method == "POST" and "table" in request.POST:
        # Which of the dataset's tables the sheet holds: its columns are matched afresh.
        table = request.POST["table"]
        if table and not any(t.key == table for t in importer.tables):
            raise Http404("No such table")
        import_run_choose_table(run=found, importer=importer, table=table)
        return redirect("imports:mapping", org=found.organisation.slug, run=found.pk)
    if found.background:
        planned = import_run_preparation(found) if not found.is_busy else None
        if planned is None:  # being checked, or to be: the preview page shows how far
            return redirect("imports:preview", org=found.organisation.slug, run=found.pk)
        preparation = planned
    else:
        preparation = import_run_prepare(run=found, importer=importer)
    layout = preparation.layout
    if layout is None:  # the file itself was refused: the preview says why
        return redirect("imports:preview", org=found.organisation.slug, run=found.pk)
    shape: TableShape = next((t for t in importer.tables if t.key == found.table), importer)
    if request.method == "POST":
        form = MappingForm(
            request.POST, importer=shape, layout=layout, initial_mapping=layout.mapping
        )
        if form.is_valid():
            import_run_map(
                run=found,
                importer=importer,
                layout=layout,
                mapping=form.mapping,
                user=request.user,
            )
            # No banner: whether anything can be imported is for the preview to say.
            return redirect("imports:preview", org=found.organisation.slug, run=found.pk)
    else:
        form = MappingForm(importer=shape, layout=layout, initial_mapping=layout.mapping)
    sample = layout.sheet.rows[layout.header_row : layout.header_row + 3]
    tables = [("", importer.title)] + [(t.key, t.title) for t in importer.tables]
    return render(
        request,
        "imports/mapping.html",
        {
            "nav": "imports",
            "run": found,
            "importer": importer,
            "table_title": shape.title,
            "tables": tables if importer.tables else [],
            "layout": layout,
            "form": form,
            # Every row as wide as the headings (a sheet's rows end at their last value), so
            # that each cell of the table has its column heading.
            "sample": [
                [("" if v is None else str(v)) for v in row]
                + [""] * (len(layout.headers) - len(row))
                for row in sample
            ],
        },
    )


@may_import
@require_POST
def apply(request: HttpRequest, run: int) -> HttpResponse:
    found = _run(request, run)
    importer = _importer(found)
    fingerprint = request.POST.get("fingerprint", "")
    confirmed = request.POST.get("confirmed") == "yes"
    try:
        if found.background:
            # Applied by a background task: the preview page shows how far, then the outcome.
            import_run_apply_later(run=found, fingerprint=fingerprint, confirmed=confirmed)
            return redirect("imports:preview", org=found.organisation.slug, run=found.pk)
        import_run_apply(run=found, importer=importer, fingerprint=fingerprint, confirmed=confirmed)
    except ImportRefused as refused:
        messages.error(request, str(refused))
        return redirect("imports:preview", org=found.organisation.slug, run=found.pk)
    # The confirmation page says what was imported: no banner as well.
    return redirect("imports:done", org=found.organisation.slug, run=found.pk)


@may_import
@require_POST
def add_new(request: HttpRequest, run: int) -> HttpResponse:
    """Add (``add=1``) or do not add (``add=0``) the lines the file names that Boardpack lacks."""
    found = _run(request, run)
    import_run_choose_add_new(run=found, add_new=request.POST.get("add") == "1")
    return redirect("imports:preview", org=found.organisation.slug, run=found.pk)


@may_import
@require_POST
def sheet(request: HttpRequest, run: int) -> HttpResponse:
    """Read the file from the sheet the user picked (hidden sheets only this way)."""
    found = _run(request, run)
    import_run_choose_sheet(run=found, sheet_name=request.POST.get("sheet", ""))
    return redirect("imports:preview", org=found.organisation.slug, run=found.pk)


@may_import
@require_POST
def unit(request: HttpRequest, run: int) -> HttpResponse:
    """Read the file again in the unit the user says its amounts are in."""
    found = _run(request, run)
    try:
        import_run_choose_unit(run=found, unit=request.POST.get("unit", ""))
    except AmountError as exc:
        messages.error(request, str(exc))
    return redirect("imports:preview", org=found.organisation.slug, run=found.pk)


@may_import
@require_POST
def cancel(request: HttpRequest, run: int) -> HttpResponse:
    found = _run(request, run)
    if found.is_busy:  # a page left open in another tab
        messages.error(
            request,
            f"{found.file_name} is {found.get_status_display().lower()}: it cannot be cancelled "
            "now.",
        )
        return redirect("imports:preview", org=found.organisation.slug, run=found.pk)
    import_run_cancel(run=found)
    messages.success(
        request, f"The import of {found.file_name} was cancelled: nothing was written."
    )
    return redirect("imports:start", org=found.organisation.slug)


@may_import
def done(request: HttpRequest, run: int) -> HttpResponse:
    found = _run(request, run)
    if found.status != ImportRun.Status.APPLIED:
        return redirect("imports:preview", org=found.organisation.slug, run=found.pk)
    return render(
        request, "imports/done.html", {"nav": "imports", "run": found, "importer": _importer(found)}
    )


@may_import
def template(request: HttpRequest, dataset: str, fmt: str) -> HttpResponse:
    organisation = request.organisation  # type: ignore[attr-defined]
    try:
        importer = registry.get(dataset)
    except KeyError as exc:
        raise Http404("No such dataset") from exc
    key = request.GET.get("period")
    period = period_or_404(organisation, key) if key else latest_period(organisation)
    if period is None:
        raise Http404("No reporting period yet")
    context = ImportContext(organisation, period, Unit(importer.unit.value))
    with_figures = request.GET.get("figures") == "1"
    name = f"{organisation.slug}-{importer.name}-{period.key}{'-figures' if with_figures else ''}"
    if fmt == "csv":
        response = HttpResponse(
            template_csv(importer, context, with_figures=with_figures),
            content_type="text/csv; charset=utf-8",
        )
    else:
        response = HttpResponse(
            template_xlsx(importer, context, with_figures=with_figures),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response
