"""Performance pages: the catalogue, an indicator, data quality and school inspections.

Officers see true values; councillors see small numbers suppressed (``c``), on every page.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from boardpack.charts import kinds
from boardpack.charts import performance as charts
from boardpack.core.access import organisation_view, period_or_404
from boardpack.core.models import Organisation
from boardpack.core.page_cache import cached_page
from boardpack.performance import selectors, services
from boardpack.performance.checks import check_observations
from boardpack.performance.forms import RagRuleForm, TargetForm
from boardpack.performance.models import Indicator, Judgement
from boardpack.performance.suppression import Audience, audience_for, threshold


def _org(request: HttpRequest) -> Organisation:
    """The organisation ``organisation_view`` resolved from the URL."""
    organisation: Organisation = getattr(request, "organisation")  # noqa: B009
    return organisation


def _base(request: HttpRequest, permission: str = "performance.view_indicator") -> dict[str, Any]:
    if not request.user.has_perm(permission):
        raise PermissionDenied
    audience = audience_for(request.user)
    return {
        "nav": "performance",
        "audience": audience,
        "suppressed": audience != Audience.OFFICER,
        "threshold": threshold(),
        "can_edit": request.user.has_perm("performance.change_indicator"),
    }


@cached_page
@organisation_view
def catalogue(request: HttpRequest) -> HttpResponse:
    context = _base(request)
    groups = selectors.catalogue_by_service_area(_org(request), audience=context["audience"])
    for _area, summaries in groups:
        for summary in summaries:
            summary.sparkline = kinds.sparkline(summary.authority_values)
    context["groups"] = groups
    context["latest_period"] = selectors.periods_with_figures(_org(request)).first()
    return render(request, "performance/catalogue.html", context)


def _indicator(request: HttpRequest, code: str) -> Indicator:
    indicator = selectors.indicator_or_none(_org(request), code)
    if indicator is None:
        raise Http404("No such indicator")
    return indicator


@cached_page
@organisation_view
def indicator(request: HttpRequest, code: str) -> HttpResponse:
    context = _base(request)
    found = _indicator(request, code)
    detail = selectors.indicator_detail(found, audience=context["audience"])
    tables = selectors.breakdown_tables(found, audience=context["audience"])
    context |= {
        "indicator": found,
        "detail": detail,
        "summary": detail.summary,
        "chart": charts.indicator_chart(detail.summary, _org(request).name),
        "tables": [
            (t, charts.breakdown_chart(t), f"breakdown-chart-{n}")
            for n, t in enumerate(tables, start=1)
        ],
        "targets": list(found.targets.all()),
    }
    return render(request, "performance/indicator.html", context)


@organisation_view
def indicator_edit(request: HttpRequest, code: str) -> HttpResponse:
    context = _base(request, "performance.change_indicator")
    found = _indicator(request, code)
    initial = {
        "rag_basis": found.rag_basis,
        "rag_comparator": found.rag_comparator,
        "amber_band": found.amber_band,
    }
    rule_form = RagRuleForm(initial=initial, prefix="rule")
    target_form = TargetForm(prefix="target")
    if request.method == "POST":
        if "save-rule" in request.POST:
            rule_form = RagRuleForm(request.POST, prefix="rule")
            if rule_form.is_valid():
                services.indicator_rag_rule_set(indicator=found, **rule_form.cleaned_data)
                messages.success(request, f"The RAG rule of {found.code} is saved.")
                return redirect("performance:indicator", org=_org(request).slug, code=code)
        elif "add-target" in request.POST:
            target_form = TargetForm(request.POST, prefix="target")
            if target_form.is_valid():
                try:
                    services.target_set(indicator=found, source=None, **target_form.cleaned_data)
                except ValidationError as exc:
                    target_form.add_error("value", exc.messages[0])
                else:
                    messages.success(request, f"The target of {found.code} is saved.")
                    return redirect(
                        "performance:indicator",
                        org=_org(request).slug,
                        code=code,
                    )
    errors = [
        (f"{form.prefix}-{name}", error)
        for form in (rule_form, target_form)
        for name, errs in form.errors.items()
        for error in errs
    ]
    context |= {
        "indicator": found,
        "rule_form": rule_form,
        "target_form": target_form,
        "errors": errors,
    }
    return render(
        request, "performance/indicator_edit.html", context, status=400 if errors else 200
    )


@organisation_view
def quality_latest(request: HttpRequest) -> HttpResponse:
    _base(request)
    latest = selectors.periods_with_figures(_org(request)).first()
    if latest is None:
        return render(request, "performance/quality.html", _base(request) | {"findings": []})
    return redirect("performance:quality", org=_org(request).slug, period=latest.key)


@cached_page
@organisation_view
def quality(request: HttpRequest, period: str) -> HttpResponse:
    context = _base(request)
    organisation = _org(request)
    reporting_period = period_or_404(organisation, period)
    if request.GET.get("switch"):
        chosen = period_or_404(organisation, request.GET["switch"])
        return redirect("performance:quality", org=organisation.slug, period=chosen.key)
    findings = check_observations(organisation, reporting_period)
    if context["suppressed"]:
        # The findings quote figures as written, small ones too: officers only.
        findings = []
        context["findings_withheld"] = True
    context |= {
        "period": reporting_period,
        "periods": selectors.periods_with_figures(organisation),
        "findings": findings,
        "errors": sum(1 for f in findings if f.is_error),
    }
    return render(request, "performance/quality.html", context)


@cached_page
@organisation_view
def inspections(request: HttpRequest) -> HttpResponse:
    context = _base(request, "performance.view_inspection")
    organisation = _org(request)
    periods = list(selectors.periods_with_figures(organisation))
    key = request.GET.get("period")
    period = period_or_404(organisation, key) if key else None
    found = selectors.inspections_for_period(organisation, period)
    counts = selectors.judgement_counts(found)
    context |= {
        "period": period,
        "periods": periods,
        "inspections": found,
        "counts": [(Judgement(k).label, v) for k, v in counts.items()],
        "total": len(found),
        "inadequate_share": selectors.inadequate_share(found),
        "judgements": Judgement.labels,
        "quarters": selectors.judgement_counts_by_quarter(found),
    }
    return render(request, "performance/inspections.html", context)
