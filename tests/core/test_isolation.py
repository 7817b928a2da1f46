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
from tests.core.route_table import _member, _work_plan_topic

pytestmark = pytest.mark.django_db

# Sample values for every URL parameter name the routes use. A new parameter name fails the
# test until it is given samples here.
SAMPLES: dict[str, list[str]] = {
    "org": ["somerset"],
    "period": ["2024-06", "2022-12", "2022-10"],
    "slug": ["local-mainstream-school", "sufficient-homes"],
    "dataset": ["savings", "budget", "dsg"],
    "fmt": ["xlsx", "csv"],
    "kind": ["workstream-update", "programme-update", "escalation"],
    "committee": ["scrutiny"],
    "file_format": ["html"],
    "version": ["1"],
    "template": ["members-quarterly"],
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


def _somerset_tidy_upload() -> str:
    from boardpack.benchmarking.models import TidyUpload
    from boardpack.core.models import Organisation

    upload = TidyUpload.objects.create(
        organisation=Organisation.objects.get(slug="somerset"),
        file_name="cla.csv",
        data=b"time_period,geographic_level,value\n2025,National,1\n",
    )
    return str(upload.pk)


def _somerset_indicator_code() -> str:
    """A Somerset indicator's code (one is made if the demo holds none)."""
    from boardpack.core.models import Organisation
    from boardpack.performance.models import Indicator
    from boardpack.performance.services import indicator_set

    found = Indicator.objects.filter(organisation__slug="somerset").order_by("code").first()
    if found is None:
        found = indicator_set(
            organisation=Organisation.objects.get(slug="somerset"),
            code="ISOLATION-CHECK",
            title="Isolation check",
            unit="count",
            polarity="neither",
            frequency="annual",
            service_area="Checks",
        )
    return found.code


def _somerset_measure_code() -> str:
    return "CLA-RATE-31-MARCH"  # a benchmarked measure the demo gives Somerset


def _somerset_update() -> str:
    from boardpack.programme.models import WorkstreamUpdate

    return str(
        WorkstreamUpdate.objects.get(
            workstream__slug="local-mainstream-school", period__month="2024-06-01"
        ).pk
    )


def _somerset_update_version() -> str:
    from boardpack.programme.models import WorkstreamUpdate

    update = WorkstreamUpdate.objects.get(
        workstream__slug="local-mainstream-school", period__month="2024-06-01"
    )
    return str(update.history.order_by("history_id").first().history_id)


def _somerset_escalation() -> str:
    from boardpack.programme.models import Escalation

    return str(Escalation.objects.filter(programme__organisation__slug="somerset")[0].pk)


def _somerset_meeting() -> str:
    from boardpack.governance.models import Meeting

    return str(
        Meeting.objects.filter(committee__organisation__slug="somerset", items__isnull=False)
        .distinct()
        .get()
        .pk
    )


def _somerset_action() -> str:
    from boardpack.governance.models import Action

    return str(Action.objects.filter(meeting__committee__organisation__slug="somerset")[0].pk)


def _somerset_item() -> str:
    from boardpack.governance.models import AgendaItem

    return str(AgendaItem.objects.filter(meeting__committee__organisation__slug="somerset")[0].pk)


def _somerset_point() -> str:
    from boardpack.governance.models import PointRaised

    return str(
        PointRaised.objects.filter(item__meeting__committee__organisation__slug="somerset")[0].pk
    )


def _somerset_interest() -> str:
    from boardpack.governance.models import MemberInterest

    return str(
        MemberInterest.objects.filter(member__committee__organisation__slug="somerset")[0].pk
    )


def _somerset_risk() -> str:
    from boardpack.core.models import Organisation
    from boardpack.governance.services import risk_save

    risk = risk_save(
        organisation=Organisation.objects.get(slug="somerset"),
        reference="R-isolation",
        title="A Somerset risk",
        owner="Director",
        likelihood=3,
        impact=3,
        status="open",
    )
    return str(risk.pk)


def _somerset_published_edition() -> str:
    """A published Somerset edition with its web page generated (version 1)."""
    from boardpack.accounts.models import User
    from boardpack.reports import services
    from boardpack.reports.models import Edition, GeneratedFile, Generation, ReportTemplate

    template = ReportTemplate.objects.get(organisation__slug="somerset", slug="scrutiny-progress")
    edition = Edition.objects.filter(template=template).first()
    if edition is None:
        office = User.objects.get(username="office")
        edition = services.edition_create(
            template=template,
            period=template.organisation.periods.get(month="2024-06-01"),
            user=office,
        )
        services.edition_approve(edition=edition, user=office)
        services.edition_publish(edition=edition, user=office)
        generation = Generation.objects.create(edition=edition, version=1, published=True)
        GeneratedFile.objects.create(
            generation=generation, format="html", content=b"<p>report</p>", size=13, sha256="-"
        )
    return str(edition.pk)


def _somerset_saving_line() -> str:
    from boardpack.finance.models import SavingLine

    return str(SavingLine.objects.get(organisation__slug="somerset", reference="CFE016").pk)


def _somerset_service_line() -> str:
    from boardpack.finance.models import ServiceArea

    return str(ServiceArea.objects.get(organisation__slug="somerset", name="Prevention").pk)


def _somerset_dsg_block() -> str:
    from boardpack.finance.models import DSGBlock

    return str(DSGBlock.objects.filter(organisation__slug="somerset")[0].pk)


SAMPLES["table"] = ["savings", "budget", "dsg"]
# Records a route's identifier points at: made for Somerset, so Dorset must not reach them.
IDENTIFIER_FACTORIES = {
    "run": _somerset_import_run,
    "upload": _somerset_tidy_upload,
    "code": _somerset_indicator_code,
    "measure": _somerset_measure_code,
    "pk": _somerset_update,
    "history_id": _somerset_update_version,
    "escalation": _somerset_escalation,
    "meeting": _somerset_meeting,
    "action": _somerset_action,
    "risk": _somerset_risk,
    "item": _somerset_item,
    "point": _somerset_point,
    "interest": _somerset_interest,
    "edition": _somerset_published_edition,
    "line": _somerset_saving_line,
    "area": _somerset_service_line,
    "block": _somerset_dsg_block,
    "member": lambda: _member("somerset"),
    "topic": lambda: _work_plan_topic("somerset"),
}
# Somerset users who between them may use every page.
SOMERSET_USERS = ["office", "finance", "analyst"]

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


def _api_url(route: str) -> str:
    """An API route with its parameters (``<str:code>``) filled from Somerset's records."""
    return "/" + re.sub(
        r"<(?:[^>:]+:)?([^>]+)>", lambda m: IDENTIFIER_FACTORIES[m.group(1)](), route
    )


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
    url = _api_url(route)
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
    response = client.get(_api_url(route), {"organisation": "somerset", "period": "2024-06"})
    assert response.status_code == 401
    assert "somerset" not in response.content.decode().lower()
