"""Performance indicators for BI tools: the same documents ``boardpack export`` prints, with
small numbers suppressed for councillors (and anyone who is not an officer)."""

from __future__ import annotations

from django.http import Http404, HttpRequest, JsonResponse

from boardpack.api.views import api_organisation, api_view
from boardpack.core.access import period_or_404
from boardpack.core.page_cache import cached_page
from boardpack.performance import selectors
from boardpack.performance.suppression import audience_for


@cached_page
@api_view
def indicators(request: HttpRequest) -> JsonResponse:
    """The indicator library with each indicator's latest figure, target, RAG and direction
    (as at the end of ``?period=YYYY-MM`` when given)."""
    organisation = api_organisation(request)
    key = request.GET.get("period")
    period = period_or_404(organisation, key) if key else None
    doc = selectors.indicators_document(organisation, period, audience_for(request.user))
    return JsonResponse(doc, json_dumps_params={"ensure_ascii": False})


@cached_page
@api_view
def observations(request: HttpRequest, code: str) -> JsonResponse:
    """Every figure of one indicator: dates, areas (comparators), breakdowns, sources."""
    organisation = api_organisation(request)
    indicator = selectors.indicator_or_none(organisation, code)
    if indicator is None:
        raise Http404(f"No indicator {code}")
    doc = selectors.observation_api_document(indicator, audience=audience_for(request.user))
    return JsonResponse(doc, json_dumps_params={"ensure_ascii": False})
