"""Finance documents for BI tools: the same documents ``boardpack export`` prints."""

from __future__ import annotations

from django.http import HttpRequest, JsonResponse

from boardpack.api.views import api_organisation, api_view, required_period
from boardpack.core.page_cache import cached_page
from boardpack.finance import selectors


def _document(request: HttpRequest, build) -> JsonResponse:
    organisation = api_organisation(request)
    period = required_period(request, organisation)
    return JsonResponse(build(organisation, period), json_dumps_params={"ensure_ascii": False})


@cached_page
@api_view
def savings(request: HttpRequest) -> JsonResponse:
    """The MTFP tracker: lines and column totals, amounts as strings of pounds."""
    return _document(request, selectors.savings_document)


@cached_page
@api_view
def budget(request: HttpRequest) -> JsonResponse:
    """Revenue budget monitoring with variance, A/(F), movement, arrow, subtotals and total."""
    return _document(request, selectors.budget_document)


@cached_page
@api_view
def dsg(request: HttpRequest) -> JsonResponse:
    """The DSG allocation, monitoring table and deficit."""
    return _document(request, selectors.dsg_document)
