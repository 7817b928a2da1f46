"""Every route, as everyone: generated from the URL configuration, checked against one table.

For every route the URL configuration has (the admin's, and django-simple-history's history and
revert pages, included), the test GETs and POSTs it as anonymous, as each Somerset role and as
Dorset's staff user asking for Somerset's records, and compares each answer with
``tests/core/route_table.py``. A route the table does not mention fails, with the entry to add.
Every request is watched for database writes: nothing but sessions and sign-in throttling may be
written unless the table says so. Then each route that has Dorset records is asked for them by
every Somerset role: 404 (in the admin, 403 or 404) for all of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib import admin
from django.db import connection
from django.db.models import Model
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from boardpack.accounts.models import User
from tests.core import route_table
from tests.core.records import record_of
from tests.core.route_table import (
    ADMIN_LOGIN,
    LOGIN,
    LOGIN_PAGE,
    ROLES,
    ROUTES,
    SAMPLES,
    USERNAMES,
    AdminModel,
    Expect,
    Status,
    sample,
)

pytestmark = pytest.mark.django_db

# Writes that are not the record's: the session, sign-in throttling.
IGNORED_TABLES = ("django_session", "axes_")
WRITE = re.compile(r'^\s*(INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)"?', re.IGNORECASE)
OBJECT_KINDS = ("change", "delete", "history", "simple_history", "object-redirect", "other")


@dataclass(frozen=True)
class Route:
    key: str  # the table's key
    name: str | None  # the namespaced URL name
    route: str  # the pattern, for messages
    params: tuple[str, ...]
    positional: int
    model: type[Model] | None = None  # an admin model's route
    kind: str = ""  # which of the model's admin pages

    def __str__(self) -> str:
        return self.key + (f" ({self.kind})" if self.kind else "")


def _admin_kind(model: type[Model], name: str | None) -> str:
    if name is None:
        return "object-redirect"
    prefix = f"{model._meta.app_label}_{model._meta.model_name}_"
    kind = name.removeprefix(prefix)
    return kind if kind in ("changelist", "add", *OBJECT_KINDS) else "other"


def _admin_model(prefix: str) -> type[Model] | None:
    parts = prefix.strip("/").split("/")
    if len(parts) != 3 or parts[0] != "admin":
        return None
    for model in admin.site._registry:
        if (model._meta.app_label, model._meta.model_name) == (parts[1], parts[2]):
            return model
    return None


def all_routes(patterns: Any = None, namespace: str = "", prefix: str = "") -> list[Route]:
    found: list[Route] = []
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}:{pattern.namespace}" if pattern.namespace else namespace
            found += all_routes(pattern.url_patterns, inner.strip(":"), route)
            continue
        assert isinstance(pattern, URLPattern)
        name = f"{namespace}:{pattern.name}" if pattern.name and namespace else pattern.name
        params = tuple(re.findall(r"<(?:[^>:]+:)?([^>]+)>", prefix)) + tuple(
            pattern.pattern.regex.groupindex
        )
        positional = pattern.pattern.regex.groups - len(pattern.pattern.regex.groupindex)
        model = _admin_model(prefix)
        if model is not None:
            key = f"admin:{model._meta.label_lower}"
            found.append(
                Route(key, name, route, params, positional, model, _admin_kind(model, pattern.name))
            )
        elif name is None and route.startswith("admin/"):
            found.append(Route("admin:<catch-all>", None, route, params, positional))
        else:
            assert name, f"Give the route {route!r} a name so that it can be checked"
            found.append(Route(name, name, route, params, positional))
    return found


ROUTES_FOUND = all_routes()


# --- the missing-entry check ---------------------------------------------------------------------


def _suggestion(route: Route) -> str:
    if route.model is not None:
        return f'    "{route.key}": AdminModel(view=..., add=..., change=..., delete=...),'
    if route.name and route.name.startswith("api:"):
        return f'    "{route.key}": Expect(get=members(200, anonymous=401), query={{...}}),'
    if "org" in route.params:
        return (
            f'    "{route.key}": Expect(get=members(200), post=only({{"office": 302}})),'
            "  # who may GET / POST"
        )
    return f'    "{route.key}": Expect(get=signed_in(200)),'


def test_every_route_has_a_stated_expectation():
    missing = sorted({r.key: r for r in ROUTES_FOUND if r.key not in ROUTES}.values(), key=str)
    unknown_params = sorted(
        {
            p
            for r in ROUTES_FOUND
            if r.model is None  # an admin model's pages take a record of it
            for p in r.params
            if p not in SAMPLES and p != "org"
        }
    )
    message = []
    if missing:
        message.append(
            "These routes have no stated expectation. Add each to ROUTES in "
            "tests/core/route_table.py, saying what every actor gets (see its docstring):\n"
            + "\n".join(f"{_suggestion(r)}   # {r.route}" for r in missing)
        )
    if unknown_params:
        message.append(
            "These URL parameters have no sample: add them to SAMPLES in "
            f"tests/core/route_table.py: {', '.join(unknown_params)}"
        )
    assert not message, "\n\n".join(message)


def test_the_table_names_no_route_that_is_gone():
    keys = {r.key for r in ROUTES_FOUND}
    assert sorted(set(ROUTES) - keys) == [], "remove these from ROUTES in route_table.py"


# --- requests ------------------------------------------------------------------------------------


@contextmanager
def no_writes(allowed: bool, what: str) -> Iterator[None]:
    writes: list[str] = []

    def spy(execute, sql, params, many, context):  # type: ignore[no-untyped-def]
        match = WRITE.match(sql)
        if match and not match.group(2).lower().startswith(IGNORED_TABLES):
            writes.append(sql[:120])
        return execute(sql, params, many, context)

    with connection.execute_wrapper(spy):
        yield
    assert allowed or not writes, f"{what} wrote to the database: {writes}"


def _clients() -> dict[str, Client]:
    outsider = User.objects.get(username="dorset.office")
    outsider.is_staff = True  # so that the admin's scoping, not its staff check, stops them
    outsider.save(update_fields=["is_staff"])
    clients = {"anonymous": Client()}
    for actor, username in USERNAMES.items():
        client = Client()
        client.force_login(User.objects.get(username=username))
        clients[actor] = client
    return clients


def _matches(response: Any, expected: Status) -> bool:
    if expected == LOGIN:
        return response.status_code == 302 and response["Location"].startswith("/sign-in/?next=")
    if expected == LOGIN_PAGE:
        return response.status_code == 302 and response["Location"] == "/sign-in/"
    if expected == ADMIN_LOGIN:
        return response.status_code == 302 and response["Location"].startswith(
            "/admin/login/?next="
        )
    if isinstance(expected, frozenset):
        return response.status_code in expected
    return response.status_code == expected


def _shown(response: Any) -> str:
    location = f" → {response['Location']}" if response.has_header("Location") else ""
    return f"{response.status_code}{location}"


# --- URLs ----------------------------------------------------------------------------------------


def _admin_target(model: type[Model], org: str) -> Model | None:
    model_admin = admin.site._registry[model]
    if hasattr(model_admin, "organisation_lookup"):
        return record_of(model_admin, org)  # type: ignore[arg-type]
    if org != "somerset":
        return None
    if model._meta.label_lower == "accounts.user":
        return User.objects.get(username="councillor")
    if model._meta.app_label == "axes":
        from axes.models import AccessAttempt, AccessFailureLog, AccessLog

        if model is AccessAttempt:
            return AccessAttempt._default_manager.create(
                username="someone", ip_address="10.0.0.1", failures_since_start=1
            )
        if model is AccessLog:
            return AccessLog._default_manager.create(username="someone", ip_address="10.0.0.1")
        if model is AccessFailureLog:
            return AccessFailureLog._default_manager.create(
                username="someone", ip_address="10.0.0.1"
            )
    if model._meta.label_lower == "django_tasks_database.dbtaskresult":
        return _task_result()
    return model._default_manager.order_by("pk").first()


def _task_result() -> Model:
    """A background task's result (the tests run tasks at once, so none is stored)."""
    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.create(
        args_kwargs={"args": [1], "kwargs": {}},
        task_path="boardpack.reports.tasks.generate_edition_files",
        backend_name="default",
        run_after=timezone.now(),
        queue_name="default",
    )


def _admin_url(route: Route, target: Model | None) -> str | None:
    assert route.model is not None
    base = f"/admin/{route.model._meta.app_label}/{route.model._meta.model_name}/"
    if route.kind == "changelist":
        return base
    if route.kind == "add":
        return base + "add/"
    if target is None:
        return None
    pk = target.pk
    if route.kind == "simple_history":
        version = target.history.order_by("history_id").first()  # type: ignore[attr-defined]
        return base + f"{pk}/history/{version.history_id}/"
    if route.kind == "object-redirect":
        return base + f"{pk}/"
    if route.kind in ("change", "delete", "history"):
        return base + f"{pk}/{route.kind}/"
    assert route.name is not None
    return reverse(route.name, args=[pk] * (len(route.params) + route.positional))


def _url(route: Route, expect: Expect, org: str) -> str:
    kwargs = {}
    for param in route.params:
        if param == "org":
            kwargs[param] = org
        else:
            kwargs[param] = sample(expect.params.get(param, SAMPLES[param]), org)
    if route.key == "admin:<catch-all>":
        return "/admin/" + kwargs["url"]
    assert route.name is not None, route
    url = reverse(route.name, kwargs=kwargs)
    if expect.query:
        period = sample(expect.params.get("period", SAMPLES["period"]), org)
        query = "&".join(f"{k}={v.format(org=org, period=period)}" for k, v in expect.query.items())
        url += "?" + query
    return url


# --- expectations for an admin model -------------------------------------------------------------


def _admin_expectations(route: Route, model: AdminModel) -> tuple[dict, dict]:
    """GET and POST expectations per actor for one of an admin model's pages."""
    kind = route.kind
    may = {
        "changelist": model.view,
        "add": model.add,
        "change": model.view,
        "history": model.view,
        "simple_history": model.view,
        "delete": model.delete,
        "object-redirect": True,
        "other": model.change,
    }[kind]
    may_post = {"change": model.change, "simple_history": model.change}.get(kind, may)
    ok = 302 if kind == "object-redirect" else 200

    def table(allowed: bool) -> dict[str, Status]:
        result: dict[str, Status] = {actor: ADMIN_LOGIN for actor in ("anonymous", *ROLES)}
        result["office"] = ok if allowed else 403
        if kind in OBJECT_KINDS and kind != "object-redirect":
            result["outsider"] = frozenset({403, 404})  # never the Somerset record
        else:
            result["outsider"] = ok if allowed else 403
        return result

    return table(may), table(may_post)


# --- the matrix ----------------------------------------------------------------------------------


def _check(
    route: Route,
    clients: dict[str, Client],
    url: str,
    get: Mapping[str, Status],
    post: Mapping[str, Status],
    writes: tuple[bool, bool],
    secret: str | None,
) -> list[str]:
    problems = []
    for method, expected_by_actor in (("GET", get), ("POST", post)):
        for actor, expected in expected_by_actor.items():
            client = clients[actor]
            allowed = writes[0] if method == "GET" else writes[1]
            with no_writes(allowed, f"{method} {url} as {actor}"):
                response = client.get(url) if method == "GET" else client.post(url, {})
            if not _matches(response, expected):
                problems.append(
                    f"{method} {url} as {actor}: got {_shown(response)}, expected {expected!r}"
                )
            if actor == "outsider" and secret and response.status_code == 200:
                body = response.content.decode(errors="replace")
                if secret in body:
                    problems.append(f"{method} {url} as outsider shows Somerset's {secret!r}")
    return problems


@pytest.mark.parametrize("route", ROUTES_FOUND, ids=lambda r: f"{r}:{r.route}")
def test_route_answers_every_actor_as_stated(route: Route):
    entry = ROUTES.get(route.key)
    assert entry is not None, (
        f"{route.key} has no entry in ROUTES: see test_every_route_has_a_stated_expectation"
    )
    clients = _clients()
    if isinstance(entry, AdminModel):
        assert route.model is not None
        target = _admin_target(route.model, "somerset")
        url = _admin_url(route, target)
        if url is None:
            pytest.fail(
                f"No Somerset {route.model._meta.label} to try {route.kind} on: give the model a "
                "maker in MAKERS in tests/core/records.py (or a record in the demo)"
            )
        get, post = _admin_expectations(route, entry)
        secret = str(target) if target is not None and "somerset" in url else None
        problems = _check(route, clients, url, get, post, (False, False), secret)
    else:
        url = _url(route, entry, "somerset")
        problems = _check(
            route,
            clients,
            url,
            entry.get,
            entry.post_expectation,
            (entry.get_writes, entry.writes),
            "Somerset",
        )
    assert not problems, "\n".join(problems)


def _dorset_routes() -> list[Route]:
    chosen = []
    for route in ROUTES_FOUND:
        entry = ROUTES.get(route.key)
        if (
            isinstance(entry, Expect)
            and entry.dorset
            and ("org" in route.params or "{org}" in "".join(entry.query.values()))
        ):
            chosen.append(route)
        elif isinstance(entry, AdminModel) and route.kind in OBJECT_KINDS:
            chosen.append(route)
    return chosen


@pytest.mark.parametrize("route", _dorset_routes(), ids=lambda r: f"{r}:{r.route}")
def test_somerset_can_neither_read_nor_change_a_dorset_record(route: Route):
    clients = _clients()
    dorset = clients.pop("outsider")
    entry = ROUTES[route.key]
    if isinstance(entry, AdminModel):
        assert route.model is not None
        target = _admin_target(route.model, "dorset")
        if target is None:
            pytest.skip(f"The demo has no Dorset {route.model._meta.label}")
        url = _admin_url(route, target)
        assert url is not None
        # (``<id>/`` only redirects to ``<id>/change/``, which is then refused)
        denied: Status = 302 if route.kind == "object-redirect" else frozenset({403, 404})
        owner_ok = dorset.get(url).status_code != 404
    else:
        url = _url(route, entry, "dorset")
        owner_ok = dorset.get(url).status_code != 404
    assert owner_ok, f"{url} is 404 for Dorset itself: the sample would make this vacuous"
    problems = []
    for actor in ROLES:
        for method in ("GET", "POST"):
            client = clients[actor]
            with no_writes(False, f"{method} {url} as Somerset's {actor}"):
                response = client.get(url) if method == "GET" else client.post(url, {})
            if isinstance(entry, AdminModel):
                expected = denied if actor == "office" else ADMIN_LOGIN
            else:  # what the table says a member of another organisation gets
                stated = entry.get if method == "GET" else entry.post_expectation
                expected = stated["outsider"]
            if not _matches(response, expected):
                problems.append(
                    f"{method} {url} as {actor}: got {_shown(response)}, expected {expected!r}"
                )
    assert not problems, "\n".join(problems)


def test_the_matrix_covers_the_admin_and_its_history_pages():
    kinds = {(r.key, r.kind) for r in ROUTES_FOUND}
    assert ("admin:finance.savingline", "simple_history") in kinds
    assert ("admin:finance.savingline", "history") in kinds
    assert ("admin:programme.workstream", "change") in kinds
    assert len([r for r in ROUTES_FOUND if r.model is None]) >= 20
    assert route_table.ACTORS[-1] == "outsider"


def test_a_missing_entry_says_what_to_add():
    new = Route(
        "reports:edition",
        "reports:edition",
        "<slug:org>/reports/<int:edition>/",
        ("org", "edition"),
        0,
    )
    assert _suggestion(new).startswith('    "reports:edition": Expect(get=members(200)')
