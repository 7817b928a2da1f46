"""Nobody sees or changes another organisation's data: every route, enumerated.

The routes are read from the URLconf, so a page or API document added later is covered
without anyone remembering to list it here. Each organisation route is first shown to work
for a Somerset user (so the 404 below is not vacuous), then asked for by a Dorset user.
"""

from __future__ import annotations

import itertools
import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from tests.conftest import client_for

pytestmark = pytest.mark.django_db

# Sample values for every URL parameter name the routes use. A new parameter name fails the
# test until it is given samples here.
SAMPLES: dict[str, list[str]] = {
    "org": ["somerset"],
    "period": ["2024-06", "2022-12", "2022-10"],
    "slug": ["local-mainstream-school", "sufficient-homes"],
    "dataset": ["savings", "budget", "dsg"],
}
IDENTIFIER_PARAMS = {"pk", "id", "run", "run_id", "mapping_id", "line_id"}

PARAM = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")


def _routes(patterns=None, prefix=""):
    patterns = get_resolver().url_patterns if patterns is None else patterns
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            if route.startswith("admin/"):
                continue
            yield from _routes(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern):
            yield route


def organisation_routes() -> list[str]:
    return sorted({r for r in _routes() if "<slug:org>" in r})


def api_routes() -> list[str]:
    return sorted({r for r in _routes() if r.startswith("api/")})


def _urls_for(route: str, org: str) -> list[str]:
    names = [m.group("name") for m in PARAM.finditer(route)]
    choices = []
    for name in names:
        if name == "org":
            choices.append([org])
        elif name in SAMPLES:
            choices.append(SAMPLES[name])
        elif name in IDENTIFIER_PARAMS:
            choices.append(["1", "2", "3"])
        else:
            pytest.fail(f"Route {route!r} has a parameter {name!r}: add samples for it above")
    urls = []
    for combo in itertools.product(*choices):
        values = iter(combo)
        urls.append("/" + PARAM.sub(lambda _m, v=values: next(v), route))
    return urls


def test_there_are_routes_to_check():
    assert len(organisation_routes()) >= 4
    assert "api/v1/programme" in api_routes()


@pytest.mark.parametrize("route", organisation_routes())
def test_dorset_user_gets_404_for_every_somerset_page(route):
    somerset_user = client_for("office")
    dorset_user = client_for("dorset.office")
    urls = _urls_for(route, "somerset")
    working = [u for u in urls if somerset_user.get(u).status_code != 404]
    for url in urls:
        assert dorset_user.get(url).status_code == 404, url
        assert dorset_user.post(url, {}).status_code == 404, url
    if not any(name in route for name in IDENTIFIER_PARAMS):
        assert working, f"no sample makes {route!r} work for Somerset; the check would be vacuous"


@pytest.mark.parametrize("route", organisation_routes())
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
