"""The read API: JSON documents for BI tools, the same documents the exports print."""

from __future__ import annotations

from django.core.exceptions import BadRequest
from django.http import Http404, HttpRequest, JsonResponse

from boardpack.core.access import organisation_for_user, organisations_for, period_or_404
from boardpack.core.models import Organisation
from boardpack.core.page_cache import cached_page
from boardpack.programme.selectors import programme_document, programme_for
from boardpack.workflow.policy import sees_drafts


def error(status: int, message: str) -> JsonResponse:
    return JsonResponse({"error": message}, status=status)


def api_organisation(request: HttpRequest) -> Organisation:
    """The organisation asked for (``?organisation=slug``), or the user's only one."""
    slug = request.GET.get("organisation")
    if slug:
        return organisation_for_user(request.user, slug)
    mine = list(organisations_for(request.user)[:2])
    if len(mine) == 1:
        return mine[0]
    raise BadRequest("Say which organisation with ?organisation=SLUG")


def api_view(view):
    """JSON errors instead of HTML: 401 when not signed in, 404 for what is not yours."""

    def wrapper(request: HttpRequest, *args, **kwargs):
        if not request.user.is_authenticated:
            return error(401, "Sign in to use the API")
        if request.method != "GET":
            return error(405, "The API is read-only: use GET")
        try:
            return view(request, *args, **kwargs)
        except BadRequest as exc:
            return error(400, str(exc))
        except Http404 as exc:
            return error(404, str(exc) or "Not found")

    wrapper.__name__ = view.__name__
    wrapper.__doc__ = view.__doc__
    return wrapper


def required_period(request: HttpRequest, organisation: Organisation):
    key = request.GET.get("period")
    if not key:
        raise BadRequest("Give the period as ?period=YYYY-MM, for example ?period=2024-06")
    return period_or_404(organisation, key)


@cached_page
@api_view
def programme(request: HttpRequest) -> JsonResponse:
    organisation = api_organisation(request)
    period = required_period(request, organisation)
    found = programme_for(organisation)
    if found is None:
        raise Http404("This organisation has no programme yet")
    # Members read approved content only; officers see drafts too (each marked with its status).
    approved_only = not sees_drafts(request.user)
    return JsonResponse(
        programme_document(found, period, approved_only=approved_only),
        json_dumps_params={"ensure_ascii": False},
    )
