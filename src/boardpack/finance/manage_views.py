"""Finance officers keep the lists the figures hang on: service areas (directorate → division →
service line) and the MTFP's saving lines. Writes go through the finance services."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from boardpack.core.access import organisation_view
from boardpack.finance import services
from boardpack.finance.forms import SavingLineForm, ServiceAreaForm, add_service_errors
from boardpack.finance.models import SavingLine, ServiceArea
from boardpack.finance.selectors.editing import shown_pounds

AREAS_PERMISSION = "finance.change_budgetline"
LINES_PERMISSION = "finance.change_savingline"


def _require(request: HttpRequest, permission: str) -> None:
    if not request.user.has_perm(permission):
        raise PermissionDenied("Only finance officers keep the finance lists.")


def _tree(organisation: Any) -> list[dict[str, Any]]:
    """Directorates, each with its divisions, each with its service lines, in their order."""
    areas = list(ServiceArea.objects.filter(organisation=organisation))
    children: dict[int | None, list[ServiceArea]] = {}
    for area in areas:
        children.setdefault(area.parent_id, []).append(area)
    for group in children.values():
        group.sort(key=lambda a: (a.order, a.name))

    def node(area: ServiceArea) -> dict[str, Any]:
        return {"area": area, "children": [node(c) for c in children.get(area.pk, [])]}

    return [node(a) for a in children.get(None, [])]


def _parents(organisation: Any) -> list[ServiceArea]:
    return list(
        ServiceArea.objects.filter(organisation=organisation)
        .exclude(level=ServiceArea.Level.SERVICE_LINE)
        .order_by("level", "order", "name")
    )


@organisation_view
def service_areas(request: HttpRequest) -> HttpResponse:
    _require(request, AREAS_PERMISSION)
    organisation = request.organisation  # type: ignore[attr-defined]
    return render(
        request,
        "finance/service_areas.html",
        {"nav": "finance", "tree": _tree(organisation)},
    )


@organisation_view
def service_area_edit(request: HttpRequest, area: int | None = None) -> HttpResponse:
    _require(request, AREAS_PERMISSION)
    organisation = request.organisation  # type: ignore[attr-defined]
    found = None
    if area is not None:
        found = ServiceArea.objects.filter(organisation=organisation, pk=area).first()
        if found is None:
            raise Http404("No such service area")
    parents = [p for p in _parents(organisation) if found is None or p.pk != found.pk]
    if request.method == "POST":
        form = ServiceAreaForm(request.POST, parents=parents)
        if form.is_valid():
            try:
                saved = services.service_area_save(
                    organisation=organisation,
                    area=found,
                    name=form.cleaned_data["name"],
                    level=form.cleaned_data["level"],
                    parent=form.cleaned_data["parent"],
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, f"{saved.name} saved.")
                return redirect("finance:service-areas", org=organisation.slug)
    else:
        initial = (
            {"name": found.name, "level": found.level, "parent": found.parent_id}
            if found
            else {"level": request.GET.get("level", ""), "parent": request.GET.get("parent")}
        )
        form = ServiceAreaForm(initial=initial, parents=parents)
    return render(
        request,
        "finance/service_area_form.html",
        {"nav": "finance", "form": form, "area": found},
    )


@organisation_view
def saving_lines(request: HttpRequest) -> HttpResponse:
    _require(request, LINES_PERMISSION)
    organisation = request.organisation  # type: ignore[attr-defined]
    lines = list(SavingLine.objects.filter(organisation=organisation))
    years: dict[str, list[dict[str, Any]]] = {}
    for line in lines:
        years.setdefault(line.financial_year_label, []).append(
            {"line": line, "target": shown_pounds(line.target)}
        )
    return render(
        request,
        "finance/saving_lines.html",
        {"nav": "finance", "years": sorted(years.items(), reverse=True)},
    )


@organisation_view
def saving_line_edit(request: HttpRequest, line: int | None = None) -> HttpResponse:
    _require(request, LINES_PERMISSION)
    organisation = request.organisation  # type: ignore[attr-defined]
    found = None
    if line is not None:
        found = SavingLine.objects.filter(organisation=organisation, pk=line).first()
        if found is None:
            raise Http404("No such saving")
    if request.method == "POST":
        data = request.POST.copy()
        if found is not None:  # a saving keeps its reference and year: history hangs on them
            data["reference"], data["financial_year"] = found.reference, found.financial_year_label
        form = SavingLineForm(data)
        if form.is_valid():
            try:
                saved = services.saving_line_set(
                    organisation=organisation,
                    reference=form.cleaned_data["reference"],
                    financial_year=form.cleaned_data["financial_year"],
                    description=form.cleaned_data["description"],
                    target=form.cleaned_data["target"],
                    workstream=found.workstream if found else None,
                    project=found.project if found else None,
                    order=None if found else _next_saving_order(organisation, form),
                    must_be_new=found is None,
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, f"{saved.reference} saved.")
                return redirect("finance:saving-lines", org=organisation.slug)
    else:
        initial = (
            {
                "reference": found.reference,
                "description": found.description,
                "financial_year": found.financial_year_label,
                "target": f"{found.target:f}".rstrip("0").rstrip("."),
            }
            if found
            else {}
        )
        form = SavingLineForm(initial=initial)
    return render(
        request,
        "finance/saving_line_form.html",
        {"nav": "finance", "form": form, "line": found},
    )


def _next_saving_order(organisation: Any, form: SavingLineForm) -> int:
    year = form.cleaned_data["financial_year"]
    orders = SavingLine.objects.filter(organisation=organisation, financial_year=year)
    return max((o for o in orders.values_list("order", flat=True)), default=0) + 1
