from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from boardpack.core.access import latest_period, organisation_view, period_or_404
from boardpack.core.models import ReportingPeriod
from boardpack.core.points import format_points
from boardpack.governance.selectors import scrutiny_of_workstream
from boardpack.programme.forms import ProjectUpdateForm, WorkstreamUpdateForm
from boardpack.programme.selectors import (
    programme_for,
    programme_position,
    workstream_history,
    workstream_position,
    workstreams_for,
)
from boardpack.programme.services import (
    ProjectPosition,
    can_edit_workstream,
    workstream_update_submit,
)


def _periods(organisation):
    return ReportingPeriod.objects.filter(organisation=organisation).order_by("-month")


@organisation_view
def overview_latest(request: HttpRequest) -> HttpResponse:
    period = latest_period(request.organisation)
    if period is None:
        return render(
            request,
            "programme/no_periods.html",
            {"programme": programme_for(request.organisation), "nav": "programme"},
        )
    return redirect("programme:overview", org=request.organisation.slug, period=period.key)


@organisation_view
def overview(request: HttpRequest, period: str) -> HttpResponse:
    reporting_period = period_or_404(request.organisation, period)
    programme = programme_for(request.organisation)
    if programme is None:
        raise Http404("This organisation has no programme yet")
    if request.GET.get("switch"):
        chosen = period_or_404(request.organisation, request.GET["switch"])
        return redirect("programme:overview", org=request.organisation.slug, period=chosen.key)
    return render(
        request,
        "programme/overview.html",
        {
            "nav": "programme",
            "position": programme_position(programme, reporting_period),
            "period": reporting_period,
            "periods": _periods(request.organisation),
        },
    )


def _sent(data, prefix: str) -> bool:
    return any(key.startswith(prefix + "-") for key in data)


def _workstream(request: HttpRequest, slug: str):
    return get_object_or_404(workstreams_for(request.organisation), slug=slug)


@organisation_view
def workstream_detail(request: HttpRequest, period: str, slug: str) -> HttpResponse:
    reporting_period = period_or_404(request.organisation, period)
    workstream = _workstream(request, slug)
    return render(
        request,
        "programme/workstream_detail.html",
        {
            "nav": "programme",
            "period": reporting_period,
            "position": workstream_position(workstream, reporting_period),
            "history": [
                u for u in workstream_history(workstream) if u.period.month < reporting_period.month
            ],
            "can_edit": can_edit_workstream(request.user, workstream),
            "scrutiny": scrutiny_of_workstream(workstream),
        },
    )


@organisation_view
def workstream_update_edit(request: HttpRequest, period: str, slug: str) -> HttpResponse:
    reporting_period = period_or_404(request.organisation, period)
    workstream = _workstream(request, slug)
    if not can_edit_workstream(request.user, workstream):
        raise PermissionDenied("You can only edit the workstreams you lead.")
    if reporting_period.status == ReportingPeriod.Status.CLOSED:
        raise PermissionDenied("This period is closed for updates.")
    position = workstream_position(workstream, reporting_period)
    data = request.POST if request.method == "POST" else None
    # A project whose fields were not sent at all is left as it is.
    project_forms = [
        ProjectUpdateForm(
            data if data is not None and _sent(data, f"project-{row.project.pk}") else None,
            project=row.project,
            initial={"rag": row.rag, "stage": row.stage, "commentary": row.commentary},
        )
        for row in position.projects
    ]
    if data is not None:
        form = WorkstreamUpdateForm(data)
        valid = [f.is_valid() for f in [form, *project_forms] if f.is_bound]
        if all(valid):
            workstream_update_submit(
                workstream=workstream,
                period=reporting_period,
                rag=form.cleaned_data["rag"],
                working_well=form.cleaned_data["working_well"],
                not_working_well=form.cleaned_data["not_working_well"],
                to_escalate=form.cleaned_data["to_escalate"],
                projects=[
                    ProjectPosition(project=f.project, **f.cleaned_data)
                    for f in project_forms
                    if f.is_bound
                ],
            )
            messages.success(request, f"Update for {workstream.name} saved.")
            return redirect(
                "programme:workstream-detail",
                org=request.organisation.slug,
                period=reporting_period.key,
                slug=workstream.slug,
            )
    else:
        form = WorkstreamUpdateForm(
            initial={
                "rag": position.rag,
                "working_well": format_points(position.working_well),
                "not_working_well": format_points(position.not_working_well),
                "to_escalate": format_points(
                    [{"heading": e.heading, "text": e.text} for e in position.escalations]
                ),
            }
        )
    return render(
        request,
        "programme/workstream_update_form.html",
        {
            "nav": "programme",
            "period": reporting_period,
            "workstream": workstream,
            "form": form,
            "extra_forms": project_forms,
            "has_errors": any(f.errors for f in project_forms),
        },
    )
