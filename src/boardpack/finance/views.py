"""Finance pages: the MTFP tracker, revenue budget monitoring and the DSG, for any period."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from boardpack.core.access import organisation_view, period_or_404
from boardpack.core.models import Organisation, ReportingPeriod
from boardpack.core.page_cache import cached_page
from boardpack.finance import charts, selectors
from boardpack.finance.models import BudgetLine, DSGLine, SavingPosition
from boardpack.quality.finance import check_budget, check_dsg, check_savings
from boardpack.workflow.views import awaiting_approval

TABLES = {
    "savings": ("MTFP savings tracker", "finance.view_savingline"),
    "budget": ("Revenue budget monitoring", "finance.view_budgetline"),
    "dsg": ("Dedicated Schools Grant", "finance.view_dsgblock"),
}

EDIT_PERMISSIONS = {
    "savings": "finance.change_savingline",
    "budget": "finance.change_budgetline",
    "dsg": "finance.change_dsgblock",
}


def _organisation(request: HttpRequest) -> Organisation:
    """The organisation ``organisation_view`` resolved from the URL."""
    organisation: Organisation = getattr(request, "organisation")  # noqa: B009
    return organisation


def _periods(organisation: Organisation) -> QuerySet[ReportingPeriod]:
    return ReportingPeriod.objects.filter(organisation=organisation).order_by("-month")


def _periods_with(organisation: Organisation, table: str) -> QuerySet[ReportingPeriod]:
    reported = {
        "savings": SavingPosition.objects.filter(line__organisation=organisation),
        "budget": BudgetLine.objects.filter(service_area__organisation=organisation),
        "dsg": DSGLine.objects.filter(block__organisation=organisation),
    }[table]
    return _periods(organisation).filter(pk__in=reported.values("period"))


def _page(request: HttpRequest, table: str, period: str) -> tuple[ReportingPeriod, dict]:
    title, permission = TABLES[table]
    if not request.user.has_perm(permission):
        raise PermissionDenied
    reporting_period = period_or_404(_organisation(request), period)
    context = {
        "nav": "finance",
        "table": table,
        "table_title": title,
        "period": reporting_period,
        "periods": _periods(_organisation(request)),
        "reported_periods": _periods_with(_organisation(request), table),
        "can_edit": request.user.has_perm(EDIT_PERMISSIONS[table])
        and reporting_period.status != ReportingPeriod.Status.CLOSED,
    }
    return reporting_period, context


def _switched(request: HttpRequest, table: str) -> HttpResponse | None:
    if request.GET.get("switch"):
        chosen = period_or_404(_organisation(request), request.GET["switch"])
        return redirect(f"finance:{table}", org=_organisation(request).slug, period=chosen.key)
    return None


@organisation_view
def index(request: HttpRequest) -> HttpResponse:
    """The latest period with savings (or, failing that, any figures)."""
    for table in ("savings", "budget", "dsg"):
        latest = _periods_with(_organisation(request), table).first()
        if latest is not None:
            return redirect(f"finance:{table}", org=_organisation(request).slug, period=latest.key)
    latest = _periods(_organisation(request)).first()
    if latest is None:
        return render(request, "finance/no_periods.html", {"nav": "finance"})
    return redirect("finance:savings", org=_organisation(request).slug, period=latest.key)


@cached_page
@organisation_view
def savings(request: HttpRequest, period: str) -> HttpResponse:
    reporting_period, context = _page(request, "savings", period)
    if switched := _switched(request, "savings"):
        return switched
    if waiting := awaiting_approval(request, "savings", reporting_period, context):
        return waiting
    organisation = _organisation(request)
    # One read of the period's positions feeds the tracker, its chart and its checks.
    tracker = selectors.savings_tracker(organisation, reporting_period)
    positions = tracker["positions"]
    doc = selectors.savings_document(organisation, reporting_period, positions=positions)
    context |= {
        "tracker": tracker,
        "chart": charts.savings_delivery_chart(doc),
        "findings": check_savings(
            organisation,
            reporting_period,
            positions=positions,
            stated_totals=tracker["stated_totals"],
        ),
    }
    return render(request, "finance/savings.html", context)


@cached_page
@organisation_view
def budget(request: HttpRequest, period: str) -> HttpResponse:
    reporting_period, context = _page(request, "budget", period)
    if switched := _switched(request, "budget"):
        return switched
    if waiting := awaiting_approval(request, "budget", reporting_period, context):
        return waiting
    doc = selectors.budget_document(_organisation(request), reporting_period)
    context |= {
        "doc": doc,
        "chart": charts.budget_variance_chart(doc) if doc["divisions"] else None,
        "findings": check_budget(_organisation(request), reporting_period, doc=doc),
    }
    return render(request, "finance/budget.html", context)


@cached_page
@organisation_view
def dsg(request: HttpRequest, period: str) -> HttpResponse:
    reporting_period, context = _page(request, "dsg", period)
    if switched := _switched(request, "dsg"):
        return switched
    if waiting := awaiting_approval(request, "dsg", reporting_period, context):
        return waiting
    doc = selectors.dsg_document(_organisation(request), reporting_period)
    context |= {
        "doc": doc,
        "chart": charts.dsg_variance_chart(doc) if doc["lines"] else None,
        "findings": check_dsg(_organisation(request), reporting_period, doc=doc),
    }
    return render(request, "finance/dsg.html", context)
