"""Nobody sees or changes another organisation's data: every route, enumerated.

The routes are read from the URLconf, so a page or API document added later is covered
without anyone remembering to list it here. Each organisation route is first shown to work
for a Somerset user (so the 404 below is not vacuous), then asked for by a Dorset user.
"""

from __future__ import annotations

import itertools
import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.conftest import client_for

pytestmark = pytest.mark.django_db

# Sample values for every URL parameter name the routes use. A new parameter name fails the
# test until it is given samples here.
SAMPLES: dict[str, list[str]] = {
    "org": ["somerset"],
    "period": ["2024-06", "2022-12", "2022-10"],
    "slug": ["local-mainstream-school", "sufficient-homes"],
    "dataset": ["savings", "budget", "dsg"],
    "fmt": ["xlsx", "csv"],
}


def _somerset_import_run() -> str:
    from boardpack.accounts.models import User
    from boardpack.core.models import ReportingPeriod
    from boardpack.imports.models import ImportRun

    run = ImportRun.objects.create(
        organisation=ReportingPeriod.objects.get(
            organisation__slug="somerset", month="2024-06-01"
        ).organisation,
        dataset="savings",
        period=ReportingPeriod.objects.get(organisation__slug="somerset", month="2024-06-01"),
        user=User.objects.get(username="finance"),
        file_name="mtfp.csv",
    )
    return str(run.pk)


def _somerset_saving_line() -> str:
    from boardpack.finance.models import SavingLine

    return str(SavingLine.objects.get(organisation__slug="somerset", reference="CFE016").pk)


def _somerset_service_line() -> str:
    from boardpack.finance.models import ServiceArea

    return str(ServiceArea.objects.get(organisation__slug="somerset", name="Prevention").pk)


def _somerset_dsg_block() -> str:
    from boardpack.finance.models import DSGBlock

    return str(DSGBlock.objects.filter(organisation__slug="somerset").first().pk)


SAMPLES["table"] = ["savings", "budget", "dsg"]
# Records a route's identifier points at: made for Somerset, so Dorset must not reach them.
IDENTIFIER_FACTORIES = {
    "run": _somerset_import_run,
    "line": _somerset_saving_line,
    "area": _somerset_service_line,
    "block": _somerset_dsg_block,
}
# Somerset users who between them may use every page.
SOMERSET_USERS = ["office", "finance"]

Route = tuple[str, tuple[str, ...]]  # (namespaced URL name, parameter names)


def _routes(patterns=None, namespace="", prefix="") -> list[tuple[str, str, tuple[str, ...]]]:
    found = []
    patterns = get_resolver().url_patterns if patterns is None else patterns
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            if route.startswith("admin/"):
                continue
            inner = f"{namespace}:{pattern.namespace}" if pattern.namespace else namespace
            found += _routes(pattern.url_patterns, inner.strip(":"), route)
        elif isinstance(pattern, URLPattern):
            assert pattern.name, f"Give the route {route!r} a name so it can be checked"
            params = _parameters(prefix, pattern)
            name = f"{namespace}:{pattern.name}" if namespace else pattern.name
            found.append((route, name, params))
    return found


def _parameters(prefix: str, pattern: URLPattern) -> tuple[str, ...]:
    names = re.findall(r"<(?:[^>:]+:)?([^>]+)>", prefix)
    names += list(pattern.pattern.regex.groupindex)
    return tuple(names)


def organisation_routes() -> list[Route]:
    return sorted({(name, params) for _r, name, params in _routes() if "org" in params})


def api_routes() -> list[str]:
    return sorted({route for route, _n, _p in _routes() if route.startswith("api/")})


def _urls_for(route: Route, org: str) -> list[str]:
    name, params = route
    choices = []
    for param in params:
        if param == "org":
            choices.append([org])
        elif param in SAMPLES:
            choices.append(SAMPLES[param])
        elif param in IDENTIFIER_FACTORIES:
            choices.append([IDENTIFIER_FACTORIES[param]()])
        else:
            pytest.fail(f"Route {name!r} has a parameter {param!r}: add samples for it above")
    return [
        reverse(name, kwargs=dict(zip(params, combo, strict=True)))
        for combo in itertools.product(*choices)
    ]


def test_there_are_routes_to_check():
    assert len(organisation_routes()) >= 4
    assert "api/v1/programme" in api_routes()


@pytest.mark.parametrize("route", organisation_routes(), ids=lambda r: r[0])
def test_dorset_user_gets_404_for_every_somerset_page(route):
    dorset_user = client_for("dorset.office")
    urls = _urls_for(route, "somerset")
    working = [
        url
        for url in urls
        if any(client_for(u).get(url).status_code != 404 for u in SOMERSET_USERS)
    ]
    assert working, f"no sample makes {route[0]} work for Somerset; the check would be vacuous"
    for url in urls:
        assert dorset_user.get(url).status_code == 404, url
        assert dorset_user.post(url, {}).status_code == 404, url


@pytest.mark.parametrize("route", organisation_routes(), ids=lambda r: r[0])
def test_somerset_user_gets_404_for_every_dorset_page(route):
    somerset_user = client_for("office")
    for url in _urls_for(route, "dorset"):
        assert somerset_user.get(url).status_code == 404, url


@pytest.mark.parametrize("route", api_routes())
def test_api_documents_of_another_organisation_are_404(route):
    somerset_user = client_for("office")
    dorset_user = client_for("dorset.office")
    url = "/" + route
    found = False
    for period in SAMPLES["period"]:
        query = {"organisation": "somerset", "period": period}
        if somerset_user.get(url, query).status_code == 200:
            found = True
            response = dorset_user.get(url, query)
            assert response.status_code == 404, (url, period)
            assert "somerset" not in response.content.decode().lower()
    assert found, f"{route} returned nothing for Somerset in any sample period"
    # Naming no organisation, a Dorset user gets Dorset's own (or nothing), never Somerset's.
    for period in SAMPLES["period"]:
        response = dorset_user.get(url, {"period": period})
        assert "Somerset" not in response.content.decode()


@pytest.mark.parametrize("route", organisation_routes(), ids=lambda r: r[0])
def test_anonymous_visitors_are_sent_to_sign_in_from_every_page(route, client):
    for url in _urls_for(route, "somerset"):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/sign-in/?next="), url


@pytest.mark.parametrize("route", api_routes())
def test_anonymous_api_requests_are_401(route, client):
    response = client.get("/" + route, {"organisation": "somerset", "period": "2024-06"})
    assert response.status_code == 401
    assert "somerset" not in response.content.decode().lower()
