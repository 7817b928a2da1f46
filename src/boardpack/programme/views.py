from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from boardpack.core.access import organisation_view, period_or_404
from boardpack.core.models import RAG, Organisation, ReportingPeriod
from boardpack.core.page_cache import cached_page
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
from boardpack.workflow.edits import CorrectionNeedsReason, EditConflict
from boardpack.workflow.policy import may_approve, may_submit, sees_drafts
from boardpack.workflow.selectors import latest_period_for
from boardpack.workflow.views import conflict_response


def _org(request: HttpRequest) -> Organisation:
    """The organisation ``organisation_view`` resolved from the URL."""
    organisation: Organisation = getattr(request, "organisation")  # noqa: B009
    return organisation


def _periods(organisation: Organisation) -> QuerySet[ReportingPeriod]:
    return ReportingPeriod.objects.filter(organisation=organisation).order_by("-month")


@organisation_view
def overview_latest(request: HttpRequest) -> HttpResponse:
    period = latest_period_for(request.user, _org(request))
    if period is None:
        return render(
            request,
            "programme/no_periods.html",
            {"programme": programme_for(_org(request)), "nav": "programme"},
        )
    return redirect("programme:overview", org=_org(request).slug, period=period.key)


@cached_page
@organisation_view
def overview(request: HttpRequest, period: str) -> HttpResponse:
    reporting_period = period_or_404(_org(request), period)
    programme = programme_for(_org(request))
    if programme is None:
        raise Http404("This organisation has no programme yet")
    if request.GET.get("switch"):
        chosen = period_or_404(_org(request), request.GET["switch"])
        return redirect("programme:overview", org=_org(request).slug, period=chosen.key)
    return render(
        request,
        "programme/overview.html",
        {
            "nav": "programme",
            "position": programme_position(
                programme, reporting_period, approved_only=not sees_drafts(request.user)
            ),
            "period": reporting_period,
            "periods": _periods(_org(request)),
            "officer": sees_drafts(request.user),
        },
    )


def _sent(data, prefix: str) -> bool:
    return any(key.startswith(prefix + "-") for key in data)


def _workstream(request: HttpRequest, slug: str):
    return get_object_or_404(workstreams_for(_org(request)), slug=slug)


@cached_page
@organisation_view
def workstream_detail(request: HttpRequest, period: str, slug: str) -> HttpResponse:
    reporting_period = period_or_404(_org(request), period)
    workstream = _workstream(request, slug)
    approved_only = not sees_drafts(request.user)
    position = workstream_position(workstream, reporting_period, approved_only=approved_only)
    update = position.update
    return render(
        request,
        "programme/workstream_detail.html",
        {
            "nav": "programme",
            "period": reporting_period,
            "position": position,
            "history": [
                u
                for u in workstream_history(workstream, approved_only=approved_only)
                if u.period.month < reporting_period.month
            ],
            "can_edit": can_edit_workstream(request.user, workstream),
            "officer": not approved_only,
            "may_submit": update is not None and may_submit(request.user, update),
            "may_approve": update is not None and may_approve(request.user, update),
            "scrutiny": scrutiny_of_workstream(workstream),
        },
    )


def _comparison(form, position) -> list[tuple[str, str, str]]:
    """The saved update and the one being sent, side by side, for the conflict page."""
    from boardpack.workflow.history import readable

    sent = {"rag": form.cleaned_data["rag"]} | {
        name: format_points(form.cleaned_data[name]) for name in LIST_FIELDS
    }
    saved = {
        "rag": position.rag,
        "working_well": format_points(position.working_well),
        "not_working_well": format_points(position.not_working_well),
        "to_escalate": format_points(
            [{"heading": e.heading, "text": e.text} for e in position.escalations]
        ),
    }
    labels = {"rag": "RAG status", **{n: form.fields[n].label for n in LIST_FIELDS}}
    rows = []
    for name, label in labels.items():
        theirs, yours = saved[name], sent[name]
        if name == "rag":
            theirs, yours = (
                RAG(theirs).label if theirs in RAG.values else theirs,
                (RAG(yours).label if yours in RAG.values else yours),
            )
        rows.append((str(label), readable(theirs), readable(yours)))
    return rows


LIST_FIELDS = ("working_well", "not_working_well", "to_escalate")


@organisation_view
def workstream_update_edit(request: HttpRequest, period: str, slug: str) -> HttpResponse:
    reporting_period = period_or_404(_org(request), period)
    workstream = _workstream(request, slug)
    if not can_edit_workstream(request.user, workstream):
        raise PermissionDenied("You can only edit the workstreams you lead.")
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
    detail = redirect(
        "programme:workstream-detail",
        org=_org(request).slug,
        period=reporting_period.key,
        slug=workstream.slug,
    )
    if data is not None:
        form = WorkstreamUpdateForm(data, period=reporting_period)
        valid = [f.is_valid() for f in [form, *project_forms] if f.is_bound]
        if all(valid):
            try:
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
                    version=form.cleaned_data["version"],
                    reason=form.cleaned_data["reason"],
                )
            except EditConflict as conflict:
                return conflict_response(
                    request,
                    record=conflict.current,
                    title=f"Update for {workstream.name}",
                    rows=_comparison(form, position),
                    cancel_url=detail.url,
                )
            except CorrectionNeedsReason as refused:
                form.add_error("reason", str(refused))
            else:
                messages.success(request, f"Update for {workstream.name} saved as a draft.")
                return detail
    else:
        form = WorkstreamUpdateForm(
            initial={
                "rag": position.rag,
                "working_well": format_points(position.working_well),
                "not_working_well": format_points(position.not_working_well),
                "to_escalate": format_points(
                    [{"heading": e.heading, "text": e.text} for e in position.escalations]
                ),
                "version": position.update.version if position.update else 0,
            },
            period=reporting_period,
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
