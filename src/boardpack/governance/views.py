"""Governance pages: committees, meetings, the action tracker, the chair's view, the work plan
and the risk register. Reads need the view permission; writes the programme office's."""

from __future__ import annotations

import datetime
import functools
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from boardpack.core.access import organisation_view
from boardpack.core.models import Organisation
from boardpack.core.page_cache import cached_page
from boardpack.governance import selectors, services
from boardpack.governance.charts import heat_map_chart
from boardpack.governance.forms import ActionForm, ActionUpdateForm, RiskForm
from boardpack.governance.models import Action, Risk
from boardpack.programme.models import Escalation
from boardpack.workflow.edits import EditConflict
from boardpack.workflow.views import conflict_response


class OrganisationRequest(HttpRequest):
    """A request to an organisation's page: ``organisation_view`` has set its organisation."""

    organisation: Organisation


def today() -> datetime.date:
    return timezone.localdate()


def governance_view(permission: str) -> Callable[[Callable[..., HttpResponse]], Callable]:
    """An organisation page that needs ``permission`` to be seen at all."""

    def decorate(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @organisation_view
        @functools.wraps(view)
        def wrapper(request: OrganisationRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.has_perm(permission):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapper

    return decorate


def _render(request: OrganisationRequest, template: str, context: dict[str, Any]) -> HttpResponse:
    return render(request, f"governance/{template}", {"nav": "governance", **context})


def _can(request: OrganisationRequest, *models: str) -> dict[str, bool]:
    """Which governance records the user may add or change, e.g. ``can.add_meeting``."""
    return {
        f"{verb}_{model}": request.user.has_perm(f"governance.{verb}_{model}")
        for model in models
        for verb in ("add", "change")
    }


def _committee(request: OrganisationRequest, slug: str):
    return get_object_or_404(selectors.committees_for(request.organisation), slug=slug)


@cached_page
@governance_view("governance.view_meeting")
def index(request: OrganisationRequest) -> HttpResponse:
    tracker = selectors.action_tracker(request.organisation, today())
    return _render(
        request,
        "index.html",
        {
            "committees": selectors.committees_for(request.organisation),
            "meetings": selectors.meetings_for(request.organisation),
            "tracker": tracker,
            "can": _can(request, "meeting"),
        },
    )


@cached_page
@governance_view("governance.view_meeting")
def committee_detail(request: OrganisationRequest, committee: str) -> HttpResponse:
    found = _committee(request, committee)
    return _render(
        request,
        "committee_detail.html",
        {
            "committee": found,
            "members": found.members.filter(left=False).prefetch_related("interests__workstream"),
            "former_members": found.members.filter(left=True),
            "meetings": found.meetings.all(),
            "work_plan": selectors.work_plan_for(found),
            "can": _can(request, "meeting", "member", "memberinterest", "workplanitem"),
        },
    )


@cached_page
@governance_view("governance.view_action")
def since_last_meeting(request: OrganisationRequest, committee: str) -> HttpResponse:
    found = _committee(request, committee)
    return _render(
        request,
        "since_last_meeting.html",
        {"committee": found, "view": selectors.since_last_meeting(found, today())},
    )


@cached_page
@governance_view("governance.view_meeting")
def meeting_detail(request: OrganisationRequest, meeting: int) -> HttpResponse:
    try:
        found = selectors.meeting_with_business(request.organisation, meeting)
    except selectors.Meeting.DoesNotExist as exc:
        raise Http404("No such meeting") from exc
    selectors.attach_editions(request.organisation, list(found.items.all()))
    return _render(
        request,
        "meeting_detail.html",
        {
            "meeting": found,
            "today": today(),
            "can_add_action": request.user.has_perm("governance.add_action"),
            "can": _can(request, "meeting", "agendaitem", "pointraised"),
        },
    )


@governance_view("governance.add_action")
def action_new(request: OrganisationRequest, meeting: int) -> HttpResponse:
    found = get_object_or_404(selectors.meetings_for(request.organisation), pk=meeting)
    form = ActionForm(request.POST or None, meeting=found)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        action = services.action_create(
            meeting=found,
            text=data["text"],
            owner=data["owner"],
            due_date=data["due_date"],
            due_meeting=data["due_meeting"],
            report_template_slug=data["report_template_slug"],
            report_request=data["report_request"],
            work_plan_topic=data["work_plan_topic"],
            order=found.actions.count() + 1,
        )
        messages.success(request, "Action added.")
        return redirect("governance:action-detail", org=request.organisation.slug, action=action.pk)
    return _render(request, "action_form.html", {"meeting": found, "form": form})


@governance_view("governance.view_action")
def action_detail(request: OrganisationRequest, action: int) -> HttpResponse:
    found = get_object_or_404(selectors.actions_for(request.organisation), pk=action)
    can_change = request.user.has_perm("governance.change_action")
    form = None
    if can_change:
        form = ActionUpdateForm(request.POST or None, instance=found)
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            back = reverse(
                "governance:action-detail",
                kwargs={"org": request.organisation.slug, "action": found.pk},
            )
            try:
                services.action_update(
                    action=Action.objects.get(pk=found.pk),
                    today=today(),
                    status=data["status"],
                    owner=data["owner"],
                    due_date=data["due_date"],
                    due_meeting=data["due_meeting"],
                    dropped_reason=data["dropped_reason"],
                    version=data["version"],
                )
            except EditConflict as conflict:
                return conflict_response(
                    request,
                    record=conflict.current,
                    title="Action",
                    rows=form.conflict_rows(conflict.current),
                    cancel_url=back,
                )
            messages.success(request, "Action updated.")
            return redirect(back)
        if request.method == "POST":
            found = Action.objects.select_related(*selectors.ACTION_RELATED).get(pk=found.pk)
    elif request.method == "POST":
        raise PermissionDenied
    return _render(
        request,
        "action_detail.html",
        {
            "action": found,
            "form": form,
            "today": today(),
            "history": found.history.select_related("history_user").order_by("-history_date"),
        },
    )


@cached_page
@governance_view("governance.view_action")
def tracker(request: OrganisationRequest) -> HttpResponse:
    return _render(
        request,
        "tracker.html",
        {
            "tracker": selectors.action_tracker(request.organisation, today()),
            "committees": selectors.committees_for(request.organisation),
        },
    )


@cached_page
@governance_view("governance.view_workplanitem")
def work_plan(request: OrganisationRequest) -> HttpResponse:
    return _render(request, "work_plan.html", {"items": selectors.work_plans(request.organisation)})


@cached_page
@governance_view("governance.view_risk")
def risks(request: OrganisationRequest) -> HttpResponse:
    register = list(selectors.risks_for(request.organisation))
    grid = selectors.heat_map(register)
    return _render(
        request,
        "risks.html",
        {
            "risks": register,
            "grid": grid,
            "chart": heat_map_chart(grid, f"Risks by likelihood and impact, {today():%-d %B %Y}"),
            "can_add": request.user.has_perm("governance.add_risk"),
            "escalations": selectors.escalations_without_risk(request.organisation),
        },
    )


def _risk_save(request: OrganisationRequest, form: RiskForm, risk: Risk | None, escalation) -> Risk:
    data = dict(form.cleaned_data)
    workstream = data.pop("workstream")
    period = data.pop("period")
    return services.risk_save(
        organisation=request.organisation,
        risk=risk,
        workstream=workstream,
        escalation=escalation,
        period=period,
        **data,
    )


@governance_view("governance.add_risk")
def risk_new(request: OrganisationRequest) -> HttpResponse:
    escalation = None
    initial: dict[str, Any] = {}
    asked = request.GET.get("escalation") or request.POST.get("escalation")
    if asked:
        if not asked.isdigit():
            raise Http404("No such escalation")
        escalation = get_object_or_404(
            Escalation.objects.select_related("workstream", "period"),
            pk=int(asked),
            programme__organisation=request.organisation,
        )
        initial = {
            "title": escalation.heading or escalation.text[:300],
            "cause": escalation.text,
            "workstream": escalation.workstream,
            "period": escalation.period,
        }
    form = RiskForm(request.POST or None, organisation=request.organisation, initial=initial)
    if request.method == "POST" and form.is_valid():
        risk = _risk_save(request, form, None, escalation)
        messages.success(request, f"Risk {risk.reference} added to the register.")
        return redirect("governance:risk-detail", org=request.organisation.slug, risk=risk.pk)
    return _render(request, "risk_form.html", {"form": form, "escalation": escalation})


@cached_page
@governance_view("governance.view_risk")
def risk_detail(request: OrganisationRequest, risk: int) -> HttpResponse:
    found = get_object_or_404(selectors.risks_for(request.organisation), pk=risk)
    return _render(
        request,
        "risk_detail.html",
        {
            "risk": found,
            "assessments": found.assessments.select_related("period").order_by("-period__month"),
            "can_change": request.user.has_perm("governance.change_risk"),
        },
    )


@governance_view("governance.change_risk")
def risk_edit(request: OrganisationRequest, risk: int) -> HttpResponse:
    found = get_object_or_404(selectors.risks_for(request.organisation), pk=risk)
    form = RiskForm(request.POST or None, organisation=request.organisation, instance=found)
    if request.method == "POST" and form.is_valid():
        _risk_save(request, form, Risk.objects.get(pk=found.pk), None)
        messages.success(request, f"Risk {found.reference} updated.")
        return redirect("governance:risk-detail", org=request.organisation.slug, risk=found.pk)
    return _render(request, "risk_form.html", {"form": form, "risk": found})
