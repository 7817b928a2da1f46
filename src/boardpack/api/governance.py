"""Governance documents for BI tools: the same documents ``boardpack export`` prints.

None needs a period; ``?period=YYYY-MM`` narrows meetings and actions to that month's meetings
and gives each risk's position recorded for that period.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, JsonResponse

from boardpack.api.views import api_organisation, api_view
from boardpack.core.access import period_or_404
from boardpack.core.models import Organisation, ReportingPeriod
from boardpack.core.page_cache import cached_page
from boardpack.governance import datasets

Build = Callable[[Organisation, ReportingPeriod | None], dict[str, Any]]


def _document(request: HttpRequest, build: Build) -> JsonResponse:
    organisation = api_organisation(request)
    key = request.GET.get("period")
    period = period_or_404(organisation, key) if key else None
    return JsonResponse(build(organisation, period), json_dumps_params={"ensure_ascii": False})


@cached_page
@api_view
def meetings(request: HttpRequest) -> JsonResponse:
    """Meetings with their agenda items, members' interests, and the points raised."""
    return _document(request, datasets.meetings_document)


@cached_page
@api_view
def actions(request: HttpRequest) -> JsonResponse:
    """Actions with their source meeting, owner, due date or meeting, status and overdue."""
    return _document(request, datasets.actions_document)


@cached_page
@api_view
def risks(request: HttpRequest) -> JsonResponse:
    """The risk register: likelihood, impact, score and rating, target, status, review date."""
    return _document(request, datasets.risks_document)
