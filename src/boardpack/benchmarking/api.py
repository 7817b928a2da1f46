"""Benchmarks for BI tools: the same document ``boardpack export benchmarks`` prints."""

from __future__ import annotations

from django.core.exceptions import BadRequest
from django.http import Http404, HttpRequest, JsonResponse

from boardpack.api.views import api_organisation, api_view
from boardpack.benchmarking import selectors
from boardpack.benchmarking.datasets import benchmarks_document
from boardpack.benchmarking.models import BenchmarkValue, Measure
from boardpack.core.models import ReportingPeriod
from boardpack.core.page_cache import cached_page
from boardpack.periods import Month, PeriodError


@cached_page
@api_view
def benchmarks(request: HttpRequest) -> JsonResponse:
    """Every benchmarked measure in the year ending in ``?period=YYYY-MM``'s financial year."""
    organisation = api_organisation(request)
    key = request.GET.get("period")
    if not key:
        raise BadRequest("Give the period as ?period=YYYY-MM, for example ?period=2025-03")
    try:
        month = Month.parse(key)
    except PeriodError as exc:
        raise BadRequest(str(exc)) from exc
    period = ReportingPeriod(organisation=organisation, month=month.first_day)
    return JsonResponse(
        benchmarks_document(organisation, period), json_dumps_params={"ensure_ascii": False}
    )


@cached_page
@api_view
def measure(request: HttpRequest, measure: str) -> JsonResponse:
    """One measure compared in every year the organisation holds."""
    organisation = api_organisation(request)
    found = Measure.objects.filter(organisation=organisation, code=measure).first()
    home = selectors.home_authority(organisation)
    if found is None or home is None:
        raise Http404(f"No benchmarked measure {measure!r}")
    values = selectors.value_rows(BenchmarkValue.objects.filter(measure=found))
    codes = selectors.neighbour_codes_for(home)
    years = sorted({v.year for v in values}, key=lambda y: y.ljust(6, "0"))
    return JsonResponse(
        {
            "measure": found.code,
            "title": found.title,
            "years": [
                selectors.comparison_document(
                    selectors.compare(found, year, home, values=values, neighbour_codes=codes)
                )
                for year in years
            ],
        },
        json_dumps_params={"ensure_ascii": False},
    )
