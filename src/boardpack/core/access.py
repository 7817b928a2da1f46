"""Which organisation a request is about, and whether its user may see it.

Every organisation's pages live under ``/<organisation slug>/``. A user who is not a member of
that organisation gets a 404: they learn nothing, not even that it exists.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse

from boardpack.core.models import Organisation, ReportingPeriod
from boardpack.periods import Month, PeriodError


def organisations_for(user: Any):
    if not user.is_authenticated:
        return Organisation.objects.none()
    if user.is_superuser:
        return Organisation.objects.all()
    return Organisation.objects.filter(memberships__user=user)


def organisation_for_user(user: Any, slug: str) -> Organisation:
    try:
        return organisations_for(user).get(slug=slug)
    except Organisation.DoesNotExist as exc:
        raise Http404("No such organisation") from exc


def organisation_view(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Sign-in required; resolves ``org`` from the URL to ``request.organisation`` or 404s."""

    @login_required
    @functools.wraps(view)
    def wrapper(request: HttpRequest, org: str, *args: Any, **kwargs: Any) -> HttpResponse:
        request.organisation = organisation_for_user(request.user, org)  # type: ignore[attr-defined]
        return view(request, *args, **kwargs)

    return wrapper


def period_or_404(organisation: Organisation, key: str) -> ReportingPeriod:
    try:
        month = Month.parse(key)
    except PeriodError as exc:
        raise Http404(str(exc)) from exc
    try:
        return ReportingPeriod.objects.get(organisation=organisation, month=month.first_day)
    except ReportingPeriod.DoesNotExist as exc:
        raise Http404(f"No reporting period {month.key} for this organisation") from exc


def latest_period(organisation: Organisation) -> ReportingPeriod | None:
    return ReportingPeriod.objects.filter(organisation=organisation).order_by("-month").first()


def default_organisation() -> Organisation:
    organisation = Organisation.objects.filter(is_default=True).first()
    if organisation is None:
        organisation = Organisation.objects.order_by("pk").first()
    if organisation is None:
        raise Organisation.DoesNotExist("No organisation yet: run `boardpack load_demo`.")
    return organisation
