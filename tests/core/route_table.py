"""What every route answers to whom: the one table the route matrix test checks.

``tests/core/test_route_matrix.py`` reads every route from the URL configuration (the admin's
and its history pages included), then fetches and posts each one as anonymous, as every role
of Somerset, and as a member of another organisation (Dorset) asking for Somerset's records;
and as every Somerset role asking for Dorset's. A route missing from ``ROUTES`` fails the test,
which prints the entry to add.

The actors:

* ``anonymous``;
* Somerset's ``office`` (programme office, the only staff user), ``lead`` (lead.education),
  ``finance``, ``analyst``, ``councillor``;
* ``outsider``: dorset.office, a programme officer of Dorset, made staff for these tests, so
  that the admin's organisation scoping (not merely its staff check) is what stops them.

Statuses are written per actor: a number, a set of numbers, ``LOGIN`` (a redirect to the
sign-in page) or ``ADMIN_LOGIN`` (to the admin's). Every POST must write nothing to the
database (sessions and sign-in throttling aside) unless the entry says ``writes=True``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

LOGIN = "login"
ADMIN_LOGIN = "admin-login"
LOGIN_PAGE = "sign-in-page"  # a redirect to the sign-in page itself (after signing out)
ROLES = ("office", "lead", "finance", "analyst", "councillor")
ACTORS = ("anonymous", *ROLES, "outsider")
USERNAMES = {
    "office": "office",
    "lead": "lead.education",
    "finance": "finance",
    "analyst": "analyst",
    "councillor": "councillor",
    "outsider": "dorset.office",
}

Status = int | str | frozenset[int]
Expectation = Mapping[str, Status]


def _status(value: Status | Iterable[int]) -> Status:
    if isinstance(value, int | str | frozenset):
        return value
    return frozenset(value)


def everyone(status: Status) -> Expectation:
    return {actor: status for actor in ACTORS}


def members(ok: Status = 200, *, outsider: Status = 404, anonymous: Status = LOGIN) -> Expectation:
    """An organisation's page every member may use; another organisation's members get 404."""
    return {"anonymous": anonymous, **{role: ok for role in ROLES}, "outsider": outsider}


def only(
    allowed: Mapping[str, Status] | Iterable[str],
    *,
    others: Status = 403,
    outsider: Status = 404,
    anonymous: Status = LOGIN,
    ok: Status = 200,
) -> Expectation:
    """Only some roles may; other members get ``others`` (403: their role may not)."""
    chosen = allowed if isinstance(allowed, Mapping) else {role: ok for role in allowed}
    return {
        "anonymous": anonymous,
        **{role: _status(chosen.get(role, others)) for role in ROLES},
        "outsider": outsider,
    }


def signed_in(ok: Status = 200) -> Expectation:
    """Any signed-in user, whatever their organisation."""
    return {"anonymous": LOGIN, **{role: ok for role in ROLES}, "outsider": ok}


@dataclass(frozen=True)
class Expect:
    """A route's answers: ``get``, and ``post`` (the same as ``get`` unless given).

    ``get_writes`` says a GET may write (the import preview stores the plan it shows).

    ``params`` gives samples for this route's parameters where the shared ``SAMPLES`` do not
    fit, and ``query`` a query string. ``writes`` lets a POST write (e.g. cancelling one's own
    import). ``dorset`` says whether the route has Dorset records to try the other way round.
    """

    get: Expectation
    post: Expectation | None = None
    params: dict[str, Callable[[str], str] | str] = field(default_factory=dict)
    query: dict[str, str] = field(default_factory=dict)
    writes: bool = False
    get_writes: bool = False
    dorset: bool = True

    @property
    def post_expectation(self) -> Expectation:
        return self.post if self.post is not None else self.get


@dataclass(frozen=True)
class AdminModel:
    """What Somerset's programme office (staff, with its role's permissions) may do with a
    model in the admin; every other role is sent to the admin's sign-in, and Dorset's staff
    user gets 403 or 404 for every Somerset record (and never sees one in a list)."""

    view: bool = False
    add: bool = False
    change: bool = False
    delete: bool = False
    history: bool = True  # registered with django-simple-history's admin


# --- samples for URL parameters, by organisation ----------------------------------------------


def _period(org: str) -> str:
    """The latest period with workstream updates (or the latest period)."""
    from boardpack.programme.models import WorkstreamUpdate

    found = (
        WorkstreamUpdate.objects.filter(period__organisation__slug=org)
        .select_related("period")
        .order_by("-period__month")
        .first()
    )
    if found is not None:
        return found.period.key
    return any_period(org).key


def any_period(org: str):  # type: ignore[no-untyped-def]
    """The organisation's latest period; Dorset's demo has none, so it is given June 2024."""
    from boardpack.core.models import Organisation, ReportingPeriod

    period = ReportingPeriod.objects.filter(organisation__slug=org).order_by("-month").first()
    if period is None:
        period, _ = ReportingPeriod.objects.get_or_create(
            organisation=Organisation.objects.get(slug=org), month=date(2024, 6, 1)
        )
    return period


def _workstream_content_type(org: str) -> str:
    from django.contrib.contenttypes.models import ContentType

    from boardpack.programme.models import Workstream

    return str(ContentType.objects.get_for_model(Workstream).pk)


def _workstream_id(org: str) -> str:
    from boardpack.programme.models import Workstream

    return str(Workstream.objects.get(slug=_workstream(org)).pk)


def _workstream(org: str) -> str:
    from boardpack.programme.models import Workstream

    found = Workstream.objects.filter(programme__organisation__slug=org).order_by("order").first()
    assert found is not None, f"{org} has no workstream"
    return found.slug


def _import_run(org: str) -> str:
    """An import run of the organisation's finance officer (or office), pending."""
    from boardpack.accounts.models import User
    from boardpack.imports.models import ImportRun

    period = any_period(org)
    owner = User.objects.get(username="finance" if org == "somerset" else "dorset.office")
    run = ImportRun.objects.create(
        organisation=period.organisation,
        dataset="savings",
        period=period,
        user=owner,
        file_name="mtfp.csv",
    )
    return str(run.pk)


def _indicator_code(org: str) -> str:
    """The organisation's first performance indicator (Somerset's demo has its catalogue)."""
    from boardpack.performance.models import Indicator

    found = Indicator.objects.filter(organisation__slug=org).order_by("code").first()
    assert found is not None, f"{org} has no indicator"
    return found.code


def _committee(org: str) -> str:
    from boardpack.governance.models import Committee

    found = Committee.objects.filter(organisation__slug=org).order_by("pk").first()
    assert found is not None, f"{org} has no committee"
    return found.slug


def _meeting(org: str) -> str:
    from boardpack.governance.models import Meeting

    found = Meeting.objects.filter(committee__organisation__slug=org).order_by("pk").first()
    assert found is not None, f"{org} has no meeting"
    return str(found.pk)


def _action(org: str) -> str:
    from boardpack.governance.models import Action

    found = Action.objects.filter(meeting__committee__organisation__slug=org).order_by("pk").first()
    assert found is not None, f"{org} has no action"
    return str(found.pk)


def _item(org: str) -> str:
    from boardpack.governance.models import AgendaItem

    found = (
        AgendaItem.objects.filter(meeting__committee__organisation__slug=org).order_by("pk").first()
    )
    assert found is not None, f"{org} has no agenda item"
    return str(found.pk)


def _point(org: str) -> str:
    from boardpack.governance.models import PointRaised

    found = (
        PointRaised.objects.filter(item__meeting__committee__organisation__slug=org)
        .order_by("pk")
        .first()
    )
    assert found is not None, f"{org} has no point raised"
    return str(found.pk)


def _interest(org: str) -> str:
    from boardpack.governance.models import MemberInterest

    found = (
        MemberInterest.objects.filter(member__committee__organisation__slug=org)
        .order_by("pk")
        .first()
    )
    assert found is not None, f"{org} has no member's interest"
    return str(found.pk)


def _member(org: str) -> str:
    """A current member of the organisation's first committee (Dorset's minutes name none, so
    one is added for the matrix)."""
    from boardpack.governance.models import Committee, Member

    committee = Committee.objects.filter(organisation__slug=org).order_by("pk").first()
    assert committee is not None, f"{org} has no committee"
    found = committee.members.filter(left=False).order_by("pk").first()
    if found is None:
        found = Member.objects.create(committee=committee, name="A member", role="councillor")
    return str(found.pk)


def _work_plan_topic(org: str) -> str:
    """A topic on the organisation's work plans (both demo meetings' actions add one)."""
    from boardpack.governance.models import WorkPlanItem

    found = WorkPlanItem.objects.filter(committee__organisation__slug=org).order_by("pk").first()
    assert found is not None, f"{org} has no work plan topic"
    return str(found.pk)


def _risk(org: str) -> str:
    from tests.core.records import MAKERS

    return str(MAKERS["governance.Risk"](org).pk)  # type: ignore[union-attr]


def _workstream_update(org: str):  # type: ignore[no-untyped-def]
    """The sample workstream's update in the sample period (made, as a draft, if missing)."""
    from boardpack.core.models import ReportingPeriod
    from boardpack.programme.models import Workstream, WorkstreamUpdate

    workstream = Workstream.objects.get(slug=_workstream(org), programme__organisation__slug=org)
    period = ReportingPeriod.objects.get(organisation__slug=org, month=_month(_period(org)))
    update, _ = WorkstreamUpdate.objects.get_or_create(workstream=workstream, period=period)
    return update


def _month(key: str) -> date:
    from boardpack.periods import Month

    return Month.parse(key).first_day


def _workstream_update_id(org: str) -> str:
    return str(_workstream_update(org).pk)


def _workstream_update_version(org: str) -> str:
    """The first stored version of the sample update (what "restore" would bring back)."""
    update = _workstream_update(org)
    if not update.history.exists():
        update.save()
    return str(update.history.order_by("history_id").first().history_id)


def _escalation(org: str) -> str:
    """An escalation raised by the sample workstream (which lead.education leads)."""
    from boardpack.programme.models import Escalation

    update = _workstream_update(org)
    found = (
        Escalation.objects.filter(workstream=update.workstream, period=update.period)
        .order_by("pk")
        .first()
    )
    if found is None:
        found = Escalation.objects.create(
            programme=update.workstream.programme,
            workstream=update.workstream,
            period=update.period,
            text="A decision for the route matrix",
        )
    return str(found.pk)


def _saving_line(org: str) -> str:
    """A saving of the MTFP year of June 2024 (the savings sample period)."""
    from boardpack.finance.models import SavingLine

    found = SavingLine.objects.filter(organisation__slug=org, financial_year=2024).first()
    assert found is not None, f"{org} has no 2024/25 saving"
    return str(found.pk)


def _service_line(org: str) -> str:
    """A service line with budget monitoring in December 2022 (the budget sample period)."""
    from boardpack.finance.models import BudgetLine

    found = (
        BudgetLine.objects.filter(
            service_area__organisation__slug=org, period__month=date(2022, 12, 1)
        )
        .order_by("pk")
        .first()
    )
    assert found is not None, f"{org} has no budget line in December 2022"
    return str(found.service_area_id)


def _dsg_block(org: str) -> str:
    from boardpack.finance.models import DSGLine

    found = (
        DSGLine.objects.filter(block__organisation__slug=org, period__month=date(2022, 12, 1))
        .order_by("pk")
        .first()
    )
    assert found is not None, f"{org} has no DSG line in December 2022"
    return str(found.block_id)


def _tidy_upload(org: str) -> str:
    """A DfE tidy-data file uploaded by the organisation, not yet applied."""
    from boardpack.benchmarking.models import TidyUpload
    from boardpack.core.models import Organisation

    upload = TidyUpload.objects.create(
        organisation=Organisation.objects.get(slug=org),
        file_name="cla.csv",
        data=b"time_period,geographic_level,value\n2025,National,1\n",
    )
    return str(upload.pk)


def _edition(org: str) -> str:
    """A published edition with its files (Somerset's demo has report templates)."""
    from tests.core.records import edition_with_files

    edition = edition_with_files(org)
    assert edition is not None, f"{org} has no report template"
    return str(edition.pk)


# Every URL parameter name, and how to get a sample of it for an organisation. A new parameter
# name fails the test until it is given one here.
SAMPLES: dict[str, Callable[[str], str] | str] = {
    "period": _period,
    "slug": _workstream,
    "dataset": "savings",
    "fmt": "xlsx",
    "run": _import_run,
    "app_label": "programme",
    "content_type_id": _workstream_content_type,
    "object_id": _workstream_id,
    "url": "no-such-admin-page/",
    "measure": "CLA-RATE-31-MARCH",
    "code": _indicator_code,
    "committee": _committee,
    "meeting": _meeting,
    "action": _action,
    "risk": _risk,
    "item": _item,
    "point": _point,
    "interest": _interest,
    "member": _member,
    "topic": _work_plan_topic,
    "template": "members-quarterly",  # a report template both demo organisations have
    # workflow: approval and history of a workstream update, escalations
    "kind": "workstream-update",
    "pk": _workstream_update_id,
    "history_id": _workstream_update_version,
    "escalation": _escalation,
    # finance editing
    "table": "savings",
    "line": _saving_line,
    "area": _service_line,
    "block": _dsg_block,
    # benchmarking: a tidy-data file being mapped
    "upload": _tidy_upload,
    # reports
    "edition": _edition,
    "version": "1",
    "file_format": "html",
}

FINANCE_PERIODS = {"savings": "2024-06", "budget": "2022-12", "dsg": "2022-12"}

# The read API answers POST with 405 to everyone signed in (before looking at anything).
READ_ONLY_API = {"anonymous": 401, **{role: 405 for role in ROLES}, "outsider": 405}

# The programme office and leads may edit; a lead only the workstreams they lead
# (lead.education leads the first Somerset workstream, the sample).
EDITORS = {"office": frozenset({200, 302}), "lead": frozenset({200, 302})}
IMPORTERS = {"finance": 200, "analyst": 200}
# An import run belongs to the person who uploaded it: anyone else who may import gets 404.
RUN_OWNER = {"finance": frozenset({200, 302}), "analyst": 404}
# Officers see drafts, what is outstanding and each record's history; councillors do not.
OFFICERS = ["office", "lead", "finance", "analyst"]
# A POST-only route answers a GET by any member with 405 (after the organisation check).
POST_ONLY = members(405)


ROUTES: dict[str, Expect | AdminModel] = {
    # --- signing in and out, account ------------------------------------------------------
    "accounts:sign-in": Expect(
        get={"anonymous": 200, **{r: 302 for r in ROLES}, "outsider": 302},
        post={"anonymous": 200, **{r: 302 for r in ROLES}, "outsider": 302},
    ),
    "accounts:sign-out": Expect(
        get=everyone(405), post={"anonymous": 302, **{r: 302 for r in ROLES}, "outsider": 302}
    ),
    "accounts:password-change": Expect(get=signed_in(200), post=signed_in(200)),
    "accounts:password-change-done": Expect(get=signed_in(200), post=signed_in(405)),
    # Single sign-on is not configured in the tests: not there at all.
    "accounts:oidc-start": Expect(get=everyone(404)),
    "accounts:oidc-callback": Expect(get=everyone(404)),
    # --- home -----------------------------------------------------------------------------
    "core:home": Expect(get=signed_in(302)),
    "core:organisations": Expect(get=signed_in(200)),
    # --- read API (?organisation=somerset) ------------------------------------------------
    "api:programme": Expect(
        get=members(200, anonymous=401),
        post=READ_ONLY_API,
        query={"organisation": "{org}", "period": "{period}"},
    ),
    "api:finance-savings": Expect(
        get=members(200, anonymous=401),
        post=READ_ONLY_API,
        query={"organisation": "{org}", "period": "2024-06"},
        dorset=False,
    ),
    "api:finance-budget": Expect(
        get=members(200, anonymous=401),
        post=READ_ONLY_API,
        query={"organisation": "{org}", "period": "2022-12"},
        dorset=False,
    ),
    "api:finance-dsg": Expect(
        get=members(200, anonymous=401),
        post=READ_ONLY_API,
        query={"organisation": "{org}", "period": "2022-12"},
        dorset=False,
    ),
    "api:benchmarks": Expect(
        get=members(200, anonymous=401),
        post=READ_ONLY_API,
        query={"organisation": "{org}", "period": "{period}"},
    ),
    "api:benchmark-measure": Expect(
        get=members(200, anonymous=401),
        post=READ_ONLY_API,
        query={"organisation": "{org}"},
        dorset=False,
    ),
    "api:indicators": Expect(
        get=members(200, anonymous=401),
        post=READ_ONLY_API,
        query={"organisation": "{org}"},
    ),
    "api:indicator-observations": Expect(
        get=members(200, anonymous=401),
        post=READ_ONLY_API,
        query={"organisation": "{org}"},
        dorset=False,
    ),
    "api:governance-meetings": Expect(
        get=members(200, anonymous=401), post=READ_ONLY_API, query={"organisation": "{org}"}
    ),
    "api:governance-actions": Expect(
        get=members(200, anonymous=401), post=READ_ONLY_API, query={"organisation": "{org}"}
    ),
    "api:governance-risks": Expect(
        get=members(200, anonymous=401), post=READ_ONLY_API, query={"organisation": "{org}"}
    ),
    # --- programme ------------------------------------------------------------------------
    "programme:overview-latest": Expect(get=members(302)),
    "programme:overview": Expect(get=members(200)),
    "programme:workstream-detail": Expect(get=members(200)),
    "programme:workstream-update-edit": Expect(get=only(EDITORS), post=only(EDITORS)),
    # --- finance --------------------------------------------------------------------------
    "finance:index": Expect(get=members(frozenset({200, 302})), dorset=False),
    "finance:savings": Expect(get=members(200), params={"period": "2024-06"}, dorset=False),
    "finance:budget": Expect(get=members(200), params={"period": "2022-12"}, dorset=False),
    "finance:dsg": Expect(get=members(200), params={"period": "2022-12"}, dorset=False),
    # --- benchmarking (performance analysts import) ----------------------------------------
    "benchmarking:compare": Expect(get=members(200)),
    "benchmarking:measure": Expect(get=members(200), dorset=False),
    # An empty form is the form again, with its error: nothing stored.
    "benchmarking:upload": Expect(get=only({"analyst": 200}), post=only({"analyst": 200})),
    # --- performance (analysts edit indicators' RAG rules and targets) --------------------
    "performance:catalogue": Expect(get=members(200)),
    "performance:indicator": Expect(get=members(200), dorset=False),
    # Neither button pressed: the form again, nothing saved.
    "performance:indicator-edit": Expect(
        get=only({"analyst": 200}), post=only({"analyst": 200}), dorset=False
    ),
    "performance:inspections": Expect(get=members(200)),
    "performance:quality-latest": Expect(get=members(frozenset({200, 302}))),
    "performance:quality": Expect(get=members(200)),
    # --- governance (the programme office keeps the committees' records and the risks) ----
    # A report template's page: its sections and what committees asked of it; the programme
    # office records which block answers a request (an empty form writes nothing).
    "reports:template-detail": Expect(
        get=members(200),
        post=only({"office": 200}),
    ),
    "governance:index": Expect(get=members(200)),
    "governance:committee-detail": Expect(get=members(200), dorset=False),
    "governance:since-last-meeting": Expect(get=members(200), dorset=False),
    "governance:meeting-detail": Expect(get=members(200), dorset=False),
    # An empty form is the form again, with its errors: nothing saved.
    "governance:action-new": Expect(
        get=only({"office": 200}), post=only({"office": 200}), dorset=False
    ),
    "governance:action-detail": Expect(get=members(200), post=only({"office": 200}), dorset=False),
    # The programme office keeps the meetings, agenda items, points raised and members'
    # interests; an empty form is the form again, with its errors: nothing saved.
    "governance:meeting-new": Expect(get=only({"office": 200}), post=only({"office": 200})),
    "governance:meeting-edit": Expect(get=only({"office": 200}), post=only({"office": 200})),
    "governance:item-new": Expect(get=only({"office": 200}), post=only({"office": 200})),
    "governance:item-edit": Expect(get=only({"office": 200}), post=only({"office": 200})),
    "governance:point-new": Expect(get=only({"office": 200}), post=only({"office": 200})),
    "governance:point-edit": Expect(get=only({"office": 200}), post=only({"office": 200})),
    "governance:interest-new": Expect(get=only({"office": 200}), post=only({"office": 200})),
    # Dorset's minutes name no members, so it has no interest to try the other way round.
    "governance:interest-edit": Expect(
        get=only({"office": 200}), post=only({"office": 200}), dorset=False
    ),
    # Committee members: names and roles. An empty form (no version, for "remove" too) is the
    # form again with its errors: nothing saved.
    "governance:member-new": Expect(get=only({"office": 200}), post=only({"office": 200})),
    "governance:member-edit": Expect(get=only({"office": 200}), post=only({"office": 200})),
    "governance:member-leave": Expect(get=only({"office": 200}), post=only({"office": 200})),
    "governance:tracker": Expect(get=members(200)),
    "governance:work-plan": Expect(get=members(200)),
    # A committee's work plan topics: added, changed, considered or withdrawn (an empty form is
    # the form again with its errors: nothing saved).
    "governance:work-plan-item-new": Expect(get=only({"office": 200}), post=only({"office": 200})),
    "governance:work-plan-item-edit": Expect(get=only({"office": 200}), post=only({"office": 200})),
    "governance:risks": Expect(get=members(200)),
    "governance:risk-new": Expect(get=only({"office": 200}), post=only({"office": 200})),
    "governance:risk-detail": Expect(get=members(200)),
    "governance:risk-edit": Expect(get=only({"office": 200}), post=only({"office": 200})),
    # --- finance lists (finance officers keep them) ---------------------------------------
    "finance:service-areas": Expect(get=only({"finance": 200}), dorset=False),
    "finance:saving-lines": Expect(get=only({"finance": 200}), dorset=False),
    # An empty form is the form again, with its errors: nothing saved.
    "finance:service-area-add": Expect(
        get=only({"finance": 200}), post=only({"finance": frozenset({200, 400})}), dorset=False
    ),
    "finance:saving-line-add": Expect(
        get=only({"finance": 200}), post=only({"finance": frozenset({200, 400})}), dorset=False
    ),
    # --- workflow (officers see drafts; the programme office opens periods) --------------
    "workflow:periods": Expect(
        get=only(["office", "lead", "finance", "analyst"]),
        post=only({"office": 200}),  # an empty form: the form again, nothing opened
    ),
    "workflow:period": Expect(get=only(["office", "lead", "finance", "analyst"])),
    "workflow:escalations": Expect(get=members(200)),
    # The programme office closes a period (June 2024 is all approved: it closes); one with
    # unapproved content is refused (400), listing it.
    "workflow:period-close": Expect(
        get=POST_ONLY, post=only({"office": frozenset({302, 400})}), writes=True
    ),
    # The office writes the director's summary; the office and finance the finance summary.
    # An empty form is the form again, with its errors: nothing saved.
    "workflow:directors-summary": Expect(get=only(["office"]), post=only(["office"])),
    "workflow:finance-summary": Expect(
        get=only(["office", "finance"]), post=only(["office", "finance"])
    ),
    # Finance submits and approves finance positions; without a valid action, nothing changes
    # (a message, back to the period). Everyone else: 403 before anything is looked at.
    "workflow:finance-transition": Expect(get=POST_ONLY, post=only({"finance": 302})),
    # A lead submits their own workstream's update, the office approves: an empty action is
    # refused with a message. Everyone else: 403.
    "workflow:transition": Expect(get=POST_ONLY, post=only({"office": 302, "lead": 302})),
    # The office and the workstream's own lead change its escalation (an empty form: errors).
    "workflow:escalation-edit": Expect(get=only(["office", "lead"]), post=only(["office", "lead"])),
    "workflow:history": Expect(get=only(OFFICERS)),
    # Those who may edit the record restore a version (as a new version: it writes).
    "workflow:restore": Expect(
        get=only(["office", "lead"]), post=only({"office": 302, "lead": 302}), writes=True
    ),
    # --- reports (the programme office drafts, approves and publishes editions) -----------
    "reports:index": Expect(get=members(200)),
    "reports:edition-create": Expect(get=only(["office"]), post=only(["office"])),
    # The sample edition is published: everyone in the organisation reads it.
    "reports:edition-detail": Expect(get=members(200), dorset=False),
    # A published edition's narrative is frozen: the page says so, nothing is saved.
    "reports:edition-narrative": Expect(get=only(["office"]), post=only(["office"]), dorset=False),
    # Already published: approving or publishing again is refused with a message.
    "reports:edition-approve": Expect(get=POST_ONLY, post=only({"office": 302}), dorset=False),
    "reports:edition-publish": Expect(get=POST_ONLY, post=only({"office": 302}), dorset=False),
    # A correction needs a reason: an empty form is the form again.
    "reports:edition-correct": Expect(get=only(["office"]), post=only(["office"]), dorset=False),
    # Generating renders every format and stores them.
    "reports:edition-generate": Expect(
        get=POST_ONLY, post=only({"office": 302}), writes=True, dorset=False
    ),
    "reports:edition-file": Expect(get=members(200), dorset=False),
    "reports:version-file": Expect(get=members(200), dorset=False),
    # --- finance figures (finance officers change them; an empty form: its errors) -------
    "finance:figures": Expect(get=only(["finance"]), params={"period": "2024-06"}, dorset=False),
    "finance:saving-position-edit": Expect(
        get=only(["finance"]), post=only(["finance"]), params={"period": "2024-06"}, dorset=False
    ),
    "finance:budget-line-edit": Expect(
        get=only(["finance"]), post=only(["finance"]), params={"period": "2022-12"}, dorset=False
    ),
    "finance:dsg-line-edit": Expect(
        get=only(["finance"]), post=only(["finance"]), params={"period": "2022-12"}, dorset=False
    ),
    "finance:service-area-edit": Expect(
        get=only(["finance"]), post=only({"finance": frozenset({200, 400})}), dorset=False
    ),
    "finance:saving-line-edit": Expect(
        get=only(["finance"]), post=only({"finance": frozenset({200, 400})}), dorset=False
    ),
    # --- benchmarking: mapping an uploaded file (an empty form: its errors, nothing stored)
    "benchmarking:map": Expect(get=only(["analyst"]), post=only(["analyst"])),
    # --- imports --------------------------------------------------------------------------
    "imports:start": Expect(get=only(IMPORTERS), post=only(IMPORTERS)),
    "imports:template": Expect(get=only(IMPORTERS)),
    "imports:preview": Expect(get=only(RUN_OWNER), get_writes=True, writes=True),
    "imports:mapping": Expect(get=only(RUN_OWNER), get_writes=True, writes=True),
    "imports:apply": Expect(
        get=only({"finance": 405, "analyst": 405}), post=only(RUN_OWNER), writes=True
    ),
    "imports:cancel": Expect(
        get=only({"finance": 405, "analyst": 405}), post=only(RUN_OWNER), writes=True
    ),
    "imports:done": Expect(get=only(RUN_OWNER)),
    # The preview's choices: add what Boardpack lacks, which sheet, which unit (the run's own).
    "imports:add-new": Expect(
        get=only({"finance": 405, "analyst": 405}), post=only(RUN_OWNER), writes=True
    ),
    "imports:sheet": Expect(
        get=only({"finance": 405, "analyst": 405}), post=only(RUN_OWNER), writes=True
    ),
    "imports:unit": Expect(
        get=only({"finance": 405, "analyst": 405}), post=only(RUN_OWNER), writes=True
    ),
    # A large file checked again after its background task failed (the run's own).
    "imports:check": Expect(
        get=only({"finance": 405, "analyst": 405}), post=only(RUN_OWNER), writes=True
    ),
    # --- the admin: its own pages ---------------------------------------------------------
    "admin:index": Expect(
        get=only({"office": 200}, others=ADMIN_LOGIN, anonymous=ADMIN_LOGIN, outsider=200)
    ),
    "admin:login": Expect(
        # Signed-in staff are sent on to the index; others see the form (and a refusal).
        get={"anonymous": 200, **{r: 200 for r in ROLES}, "office": 302, "outsider": 302},
        post=everyone(200),  # an empty form: the form again, with its errors
    ),
    # Anyone but staff is sent to the admin's index (and from there to its sign-in).
    "admin:logout": Expect(
        get=only({"office": 405}, others=302, anonymous=302, outsider=405),
        post=only({"office": LOGIN_PAGE}, others=302, anonymous=302, outsider=LOGIN_PAGE),
    ),
    "admin:password_change": Expect(
        get=only({"office": 200}, others=ADMIN_LOGIN, anonymous=ADMIN_LOGIN, outsider=200)
    ),
    "admin:password_change_done": Expect(
        get=only({"office": 200}, others=ADMIN_LOGIN, anonymous=ADMIN_LOGIN, outsider=200),
        post=only({"office": 405}, others=ADMIN_LOGIN, anonymous=ADMIN_LOGIN, outsider=405),
    ),
    "admin:jsi18n": Expect(
        get=only({"office": 200}, others=ADMIN_LOGIN, anonymous=ADMIN_LOGIN, outsider=200),
        post=only({"office": 405}, others=ADMIN_LOGIN, anonymous=ADMIN_LOGIN, outsider=405),
    ),
    # Without its query (which field, of which model) the autocomplete refuses.
    "admin:autocomplete": Expect(
        get=only({"office": 403}, others=ADMIN_LOGIN, anonymous=ADMIN_LOGIN, outsider=403),
        post=only({"office": 405}, others=ADMIN_LOGIN, anonymous=ADMIN_LOGIN, outsider=405),
    ),
    "admin:view_on_site": Expect(
        get=only({"office": 404}, others=ADMIN_LOGIN, anonymous=ADMIN_LOGIN, outsider=404)
    ),
    "admin:app_list": Expect(
        get=only({"office": 200}, others=ADMIN_LOGIN, anonymous=ADMIN_LOGIN, outsider=200)
    ),
    "admin:<catch-all>": Expect(
        get=only({"office": 404}, others=ADMIN_LOGIN, anonymous=ADMIN_LOGIN, outsider=404)
    ),
    # --- the admin: every registered model (all its URLs, history and revert included) ----
    "admin:core.organisation": AdminModel(),
    "admin:core.reportingperiod": AdminModel(view=True, add=True, change=True),
    "admin:programme.programme": AdminModel(view=True, change=True),
    "admin:programme.workstream": AdminModel(view=True, add=True, change=True),
    "admin:programme.project": AdminModel(view=True, add=True, change=True),
    "admin:programme.programmeupdate": AdminModel(view=True, change=True),
    # The programme office writes the finance summary (workflow), so it may change it here too.
    "admin:programme.financesummary": AdminModel(view=True, change=True),
    "admin:programme.workstreamupdate": AdminModel(view=True, change=True),
    "admin:programme.projectupdate": AdminModel(view=True, change=True),
    "admin:programme.escalation": AdminModel(view=True, change=True),
    "admin:finance.savingline": AdminModel(view=True),
    "admin:finance.savingposition": AdminModel(),
    "admin:finance.servicearea": AdminModel(),
    "admin:finance.budgetline": AdminModel(view=True),
    "admin:finance.dsgblock": AdminModel(view=True),
    "admin:finance.dsgallocation": AdminModel(),
    "admin:finance.dsgline": AdminModel(),
    "admin:finance.dsgdeficit": AdminModel(),
    # England's geography is shared reference data: only superusers change it.
    "admin:benchmarking.region": AdminModel(history=False),
    "admin:benchmarking.localauthority": AdminModel(history=False),
    "admin:benchmarking.statisticalneighbour": AdminModel(history=False),
    "admin:benchmarking.homeauthority": AdminModel(),
    "admin:benchmarking.measure": AdminModel(view=True),
    "admin:benchmarking.tidymapping": AdminModel(),
    # Finance approves finance (in the service); the office sees where each dataset stands.
    "admin:workflow.financeapproval": AdminModel(view=True),
    # The programme office keeps the committees' records, the actions and the risks.
    "admin:governance.committee": AdminModel(view=True, add=True, change=True),
    "admin:governance.member": AdminModel(view=True, add=True, change=True),
    "admin:governance.meeting": AdminModel(view=True, add=True, change=True),
    "admin:governance.agendaitem": AdminModel(view=True, add=True, change=True),
    "admin:governance.memberinterest": AdminModel(view=True, add=True, change=True),
    "admin:governance.pointraised": AdminModel(view=True, add=True, change=True),
    "admin:governance.action": AdminModel(view=True, add=True, change=True),
    "admin:governance.workplanitem": AdminModel(view=True, add=True, change=True),
    "admin:governance.risk": AdminModel(view=True, add=True, change=True),
    "admin:governance.riskassessment": AdminModel(view=True, add=True, change=True),
    # Report templates are set up by an administrator; editions are the office's (in the
    # service); narrative, published versions and file runs are records, not edited here.
    "admin:reports.reporttemplate": AdminModel(),
    "admin:reports.templatesection": AdminModel(),
    "admin:reports.block": AdminModel(),
    "admin:reports.edition": AdminModel(view=True, add=True, change=True),
    "admin:reports.editionnarrative": AdminModel(),
    "admin:reports.editionversion": AdminModel(),
    "admin:reports.generation": AdminModel(),
    # Background tasks' results are the instance's, not an organisation's: superusers only.
    "admin:django_tasks_database.dbtaskresult": AdminModel(history=False),
    "admin:accounts.user": AdminModel(),
    "admin:auth.group": AdminModel(history=False),
    "admin:axes.accessattempt": AdminModel(history=False),
    "admin:axes.accesslog": AdminModel(history=False),
    "admin:axes.accessfailurelog": AdminModel(history=False),
}


def sample(value: Callable[[str], str] | str, org: str) -> str:
    return value(org) if callable(value) else value
