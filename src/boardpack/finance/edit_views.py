"""Finance officers change figures in the browser: a saving's position, a budget line, a DSG line.

Each form hands its figures to the same service the importer uses (same validation, same
history), and each edit page shows the record's history underneath. Only users who may change
the table (finance officers) reach these pages; a closed period cannot be changed.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from boardpack.core.access import organisation_view, period_or_404
from boardpack.core.models import ReportingPeriod
from boardpack.finance import services
from boardpack.finance.forms import (
    SAVING_PART_LABELS,
    MonitoringFiguresForm,
    SavingPositionForm,
    add_service_errors,
)
from boardpack.finance.models import (
    BudgetLine,
    DSGBlock,
    DSGLine,
    SavingLine,
    SavingPosition,
    ServiceArea,
)
from boardpack.finance.selectors.editing import (
    budget_lines_for_editing,
    dsg_lines_for_editing,
    record_history,
    saving_lines_for_editing,
    shown_millions,
    shown_pounds,
)

TABLES = {
    "savings": ("MTFP savings tracker", "finance.change_savingline"),
    "budget": ("Revenue budget monitoring", "finance.change_budgetline"),
    "dsg": ("Dedicated Schools Grant", "finance.change_dsgblock"),
}
MONITORING_FIELDS = {"current_budget": "Current budget", "projection": "Full year projection"}


def _editable_period(request: HttpRequest, table: str, period: str) -> ReportingPeriod:
    if not request.user.has_perm(TABLES[table][1]):
        raise PermissionDenied("Only finance officers change finance figures.")
    reporting_period = period_or_404(request.organisation, period)  # type: ignore[attr-defined]
    if reporting_period.status == ReportingPeriod.Status.CLOSED:
        raise PermissionDenied("This period is closed: its figures cannot be changed.")
    return reporting_period


def _context(table: str, period: ReportingPeriod) -> dict[str, Any]:
    return {"nav": "finance", "table": table, "table_title": TABLES[table][0], "period": period}


@organisation_view
def figures(request: HttpRequest, table: str, period: str) -> HttpResponse:
    """Every line the table may hold for the period, each with a link to change it."""
    if table not in TABLES:
        raise Http404("No such finance table")
    reporting_period = _editable_period(request, table, period)
    organisation = request.organisation  # type: ignore[attr-defined]
    rows: list[dict[str, Any]]
    if table == "savings":
        rows = [
            {
                "label": f"{line.reference} {line.description}",
                "summary": (
                    f"target {shown_pounds(line.target)}"
                    + ("" if position else "; no position this period")
                ),
                "pk": line.pk,
            }
            for line, position in saving_lines_for_editing(organisation, reporting_period)
        ]
    elif table == "budget":
        rows = [
            {
                "label": f"{area.parent.name if area.parent else ''}: {area.name}",
                "summary": _monitoring_summary(line),
                "pk": area.pk,
            }
            for area, line in budget_lines_for_editing(organisation, reporting_period)
        ]
    else:
        rows = [
            {"label": str(block), "summary": _monitoring_summary(line), "pk": block.pk}
            for block, line in dsg_lines_for_editing(organisation, reporting_period)
        ]
    context = _context(table, reporting_period) | {"rows": rows}
    return render(request, "finance/figures.html", context)


def _monitoring_summary(line: BudgetLine | DSGLine | None) -> str:
    if line is None:
        return "no figures this period"
    return (
        f"budget {shown_millions(line.current_budget)}, "
        f"projection {shown_millions(line.projection)}"
    )


@organisation_view
def saving_position_edit(request: HttpRequest, period: str, line: int) -> HttpResponse:
    reporting_period = _editable_period(request, "savings", period)
    organisation = request.organisation  # type: ignore[attr-defined]
    saving = SavingLine.objects.filter(organisation=organisation, pk=line).first()
    if saving is None or saving.financial_year != reporting_period.period.financial_year.start_year:
        raise Http404("No such saving in this period's financial year")
    position = SavingPosition.objects.filter(line=saving, period=reporting_period).first()
    if request.method == "POST":
        form = SavingPositionForm(request.POST)
        if form.is_valid():
            try:
                services.saving_position_set(
                    organisation=organisation,
                    period=reporting_period,
                    reference=saving.reference,
                    financial_year=saving.financial_year,
                    **form.cleaned_data,
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, f"{saving.reference}'s position saved.")
                return redirect(
                    "finance:savings", org=organisation.slug, period=reporting_period.key
                )
    else:
        form = SavingPositionForm(initial=SavingPositionForm.initial_from(position))
    history = (
        record_history(
            position.history.all(),
            SAVING_PART_LABELS | {"comment": "Comments"},
            shown_pounds,
        )
        if position
        else []
    )
    context = _context("savings", reporting_period) | {
        "form": form,
        "caption": f"MTFP {saving.financial_year_label} – {reporting_period.label}",
        "heading": f"{saving.reference} {saving.description}",
        "lead": f"Target {shown_pounds(saving.target)}. Over-achieved, achieved, on track and "
        "at risk must add up to the target. Leave a part blank when nothing is reported "
        "under it: blank is kept as blank, not as £0.",
        "history": history,
        "back": "finance:savings",
    }
    return render(request, "finance/figures_form.html", context)


def _monitoring_edit(
    request: HttpRequest,
    *,
    table: str,
    period: ReportingPeriod,
    record: BudgetLine | DSGLine | None,
    heading: str,
    save: Any,
) -> HttpResponse:
    if request.method == "POST":
        form = MonitoringFiguresForm(request.POST)
        if form.is_valid():
            # What the source stated beside the figures is kept: it is what the source said.
            stated = {
                name: getattr(record, name) if record is not None else default
                for name, default in (
                    ("stated_variance", None),
                    ("stated_marker", ""),
                    ("stated_movement", None),
                    ("stated_direction", ""),
                    ("stated_variance_negative", False),
                    ("stated_movement_negative", False),
                )
            }
            try:
                save(**form.cleaned_data, **stated)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, f"{heading}: figures saved.")
                return redirect(f"finance:{table}", org=period.organisation.slug, period=period.key)
    else:
        form = MonitoringFiguresForm(initial=MonitoringFiguresForm.initial_from(record))
    history = (
        record_history(record.history.all(), MONITORING_FIELDS, shown_millions) if record else []
    )
    context = _context(table, period) | {
        "form": form,
        "caption": f"{TABLES[table][0]} – {period.label}",
        "heading": heading,
        "lead": "Amounts in £m, to at most three decimal places. The variance, A/(F), "
        "movement and arrow are computed from these figures.",
        "history": history,
        "back": f"finance:{table}",
    }
    return render(request, "finance/figures_form.html", context)


@organisation_view
def budget_line_edit(request: HttpRequest, period: str, area: int) -> HttpResponse:
    reporting_period = _editable_period(request, "budget", period)
    organisation = request.organisation  # type: ignore[attr-defined]
    service_area = (
        ServiceArea.objects.filter(
            organisation=organisation, pk=area, level=ServiceArea.Level.SERVICE_LINE
        )
        .select_related("parent")
        .first()
    )
    if service_area is None:
        raise Http404("No such service line")
    record = BudgetLine.objects.filter(service_area=service_area, period=reporting_period).first()

    def save(**figures: Any) -> None:
        services.budget_figures_set(
            organisation=organisation,
            period=reporting_period,
            service_area=service_area,
            **figures,
        )

    division = service_area.parent.name if service_area.parent else ""
    return _monitoring_edit(
        request,
        table="budget",
        period=reporting_period,
        record=record,
        heading=f"{service_area.name} ({division})" if division else service_area.name,
        save=save,
    )


@organisation_view
def dsg_line_edit(request: HttpRequest, period: str, block: int) -> HttpResponse:
    reporting_period = _editable_period(request, "dsg", period)
    organisation = request.organisation  # type: ignore[attr-defined]
    found = DSGBlock.objects.filter(organisation=organisation, pk=block).first()
    if found is None:
        raise Http404("No such DSG block")
    record = DSGLine.objects.filter(block=found, period=reporting_period).first()

    def save(**figures: Any) -> None:
        services.dsg_figures_set(
            organisation=organisation,
            period=reporting_period,
            block=found,
            row_label=record.row_label if record else "",
            **figures,
        )

    return _monitoring_edit(
        request, table="dsg", period=reporting_period, record=record, heading=str(found), save=save
    )
