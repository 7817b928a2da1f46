"""Pages of the reporting cycle: periods, summaries, approval, escalations, history."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from boardpack.core.access import organisation_view, period_or_404
from boardpack.core.models import RAG, ReportingPeriod
from boardpack.core.points import format_points
from boardpack.programme.models import FinanceSummary, ProgrammeUpdate
from boardpack.programme.selectors import programme_for
from boardpack.programme.services import finance_summary_save, programme_update_save
from boardpack.workflow import history, policy, selectors, services
from boardpack.workflow.edits import CorrectionNeedsReason, EditConflict
from boardpack.workflow.forms import (
    EscalationForm,
    FinanceSummaryForm,
    OpenPeriodForm,
    ProgrammeUpdateForm,
    ReasonForm,
)
from boardpack.workflow.models import FinanceDataset


def conflict_response(
    request: HttpRequest,
    *,
    record: Any,
    title: str,
    rows: list[tuple[str, str, str]],
    cancel_url: str,
) -> HttpResponse:
    """Someone saved first: show both versions, and let the user keep theirs or send theirs.

    What the user sent comes back in hidden fields with the newer version number, so "Save my
    version" saves it over the newer one on purpose; the newer one stays in the history.
    """
    resend = [
        (key, value)
        for key, values in request.POST.lists()
        if key not in {"csrfmiddlewaretoken", "version"}
        for value in values
    ]
    return render(
        request,
        "workflow/conflict.html",
        {
            "title": title,
            "record": record,
            "rows": rows,
            "resend": resend,
            "version": record.version,
            "cancel_url": cancel_url,
            "kind": history.kind_of(record),
        },
        status=409,
    )


def awaiting_approval(
    request: HttpRequest, dataset: str, period: ReportingPeriod, context: dict[str, Any]
) -> HttpResponse | None:
    """For members, a finance table whose figures are not yet approved: say so, show nothing.

    Officers see the figures (marked with their approval state on the period page).
    """
    if policy.sees_drafts(request.user):
        return None
    organisation = request.organisation  # type: ignore[attr-defined]
    if dataset not in selectors.finance_datasets_with_figures(period):
        return None  # nothing to hide: the page says there are no figures
    if selectors.finance_approved(organisation, period, dataset):
        return None
    return render(request, "workflow/finance_awaiting.html", context)


def _back(request: HttpRequest, fallback: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return fallback


# Periods -------------------------------------------------------------------------------------


@organisation_view
def periods(request: HttpRequest) -> HttpResponse:
    organisation = request.organisation  # type: ignore[attr-defined]
    if not policy.sees_drafts(request.user):
        raise PermissionDenied("Reporting periods are managed by the programme office.")
    may_manage = policy.may_manage_periods(request.user)
    form = OpenPeriodForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if not may_manage:
            raise PermissionDenied("Only the programme office opens reporting periods.")
        if form.is_valid():
            try:
                period = services.period_open(
                    organisation=organisation,
                    frequency=form.cleaned_data["frequency"],
                    user=request.user,
                )
            except services.PeriodError as refused:
                form.add_error("frequency", str(refused))
            else:
                messages.success(
                    request,
                    f"{period.label} is open. Last period's content is carried forward as drafts.",
                )
                return redirect("workflow:period", org=organisation.slug, period=period.key)
    next_month = services.next_period_month(organisation, ReportingPeriod.Frequency.MONTH)
    next_quarter = services.next_period_month(organisation, ReportingPeriod.Frequency.QUARTER)
    return render(
        request,
        "workflow/periods.html",
        {
            "nav": "periods",
            "periods": ReportingPeriod.objects.filter(organisation=organisation).order_by("-month"),
            "form": form,
            "may_manage": may_manage,
            "next_month": next_month,
            "next_quarter": next_quarter.quarter,
        },
    )


@organisation_view
def period_detail(request: HttpRequest, period: str) -> HttpResponse:
    if not policy.sees_drafts(request.user):
        raise PermissionDenied("What is outstanding is for officers.")
    reporting_period = period_or_404(request.organisation, period)  # type: ignore[attr-defined]
    items = selectors.period_outstanding(reporting_period)
    for item in items:
        item.may_submit = item.record is not None and policy.may_submit(request.user, item.record)  # type: ignore[attr-defined]
        item.may_approve = item.record is not None and policy.may_approve(  # type: ignore[attr-defined]
            request.user, item.record
        )
        if item.kind == "finance-approval":
            probe = item.record or _finance_probe(reporting_period, item.dataset)
            item.may_submit = policy.may_submit(request.user, probe)  # type: ignore[attr-defined]
            item.may_approve = policy.may_approve(request.user, probe)  # type: ignore[attr-defined]
    return render(
        request,
        "workflow/period_detail.html",
        {
            "nav": "periods",
            "period": reporting_period,
            "items": items,
            "blocking": [i for i in items if i.blocks_closing],
            "may_manage": policy.may_manage_periods(request.user),
        },
    )


def _finance_probe(period: ReportingPeriod, dataset: str) -> Any:
    from boardpack.workflow.models import FinanceApproval

    return FinanceApproval(organisation=period.organisation, period=period, dataset=dataset)


@organisation_view
@require_POST
def period_close(request: HttpRequest, period: str) -> HttpResponse:
    reporting_period = period_or_404(request.organisation, period)  # type: ignore[attr-defined]
    try:
        services.period_close(period=reporting_period, user=request.user)
    except services.PeriodNotReady as refused:
        return render(
            request,
            "workflow/period_not_ready.html",
            {"nav": "periods", "period": reporting_period, "items": refused.items},
            status=400,
        )
    except services.PeriodError as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, f"{reporting_period.label} is closed.")
    return redirect("workflow:period", org=reporting_period.organisation.slug, period=period)


# Approval ------------------------------------------------------------------------------------

APPROVABLE_KINDS = {"workstream-update", "programme-update", "finance-summary", "finance-approval"}


@organisation_view
@require_POST
def transition(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    organisation = request.organisation  # type: ignore[attr-defined]
    if kind not in APPROVABLE_KINDS:
        raise Http404("No such kind of record")
    record = history.record_or_404(history.kind_or_404(kind), organisation, pk)
    action = request.POST.get("action", "")
    fallback = reverse(
        "workflow:period", kwargs={"org": organisation.slug, "period": record.period.key}
    )
    try:
        services.approval_transition(
            record=record, action=action, user=request.user, comment=request.POST.get("comment", "")
        )
    except services.TransitionRefused as refused:
        messages.error(request, str(refused))
    else:
        done = {"submit": "submitted", "approve": "approved", "return": "returned"}[action]
        messages.success(request, f"{_name(record)} {done}.")
    return redirect(_back(request, fallback))


def _name(record: Any) -> str:
    if hasattr(record, "workstream"):
        return f"The update for {record.workstream.name}"
    if hasattr(record, "dataset"):
        return f"{record.get_dataset_display()} for {record.period.label}"
    return {ProgrammeUpdate: "The director's summary", FinanceSummary: "The finance summary"}.get(
        type(record), str(record)
    )


@organisation_view
@require_POST
def finance_transition(request: HttpRequest, period: str, dataset: str) -> HttpResponse:
    organisation = request.organisation  # type: ignore[attr-defined]
    reporting_period = period_or_404(organisation, period)
    if dataset not in FinanceDataset.values:
        raise Http404("No such finance dataset")
    action = request.POST.get("action", "")
    try:
        services.finance_approval_transition(
            organisation=organisation,
            period=reporting_period,
            dataset=dataset,
            action=action,
            user=request.user,
            comment=request.POST.get("comment", ""),
        )
    except services.TransitionRefused as refused:
        messages.error(request, str(refused))
    else:
        messages.success(
            request,
            f"{FinanceDataset(dataset).label} for {reporting_period.label}: {action} done.",
        )
    fallback = reverse("workflow:period", kwargs={"org": organisation.slug, "period": period})
    return redirect(_back(request, fallback))


# Summaries -----------------------------------------------------------------------------------


def _summary_page(
    request: HttpRequest,
    period: str,
    *,
    model: Any,
    form_class: Any,
    permission: str,
    title: str,
    initial: Any,
    save: Any,
    fields: list[str],
    kind: str,
) -> HttpResponse:
    organisation = request.organisation  # type: ignore[attr-defined]
    reporting_period = period_or_404(organisation, period)
    programme = programme_for(organisation)
    if programme is None:
        raise Http404("This organisation has no programme yet")
    if not request.user.has_perm(permission):
        raise PermissionDenied(f"Your role cannot write the {title.lower()}.")
    record = model.objects.filter(programme=programme, period=reporting_period).first()
    back = reverse(
        "workflow:period", kwargs={"org": organisation.slug, "period": reporting_period.key}
    )
    if request.method == "POST":
        form = form_class(request.POST, period=reporting_period)
        if form.is_valid():
            values = {name: form.cleaned_data[name] for name in fields}
            try:
                save(
                    programme=programme,
                    period=reporting_period,
                    version=form.cleaned_data["version"],
                    reason=form.cleaned_data["reason"],
                    **values,
                )
            except EditConflict as conflict:
                current = conflict.current
                rows = [
                    (
                        str(form.fields[name].label),
                        history.readable(_shown(getattr(current, name))),
                        history.readable(_shown(values[name])),
                    )
                    for name in fields
                ]
                return conflict_response(
                    request, record=current, title=title, rows=rows, cancel_url=back
                )
            except CorrectionNeedsReason as refused:
                form.add_error("reason", str(refused))
            else:
                messages.success(
                    request,
                    f"The {title.lower()} for {reporting_period.label} is saved as a draft.",
                )
                return redirect(back)
    else:
        form = form_class(initial=initial(record), period=reporting_period)
    return render(
        request,
        "workflow/summary_form.html",
        {
            "nav": "periods",
            "period": reporting_period,
            "form": form,
            "title": title,
            "record": record,
            "back": back,
            "kind": kind,
        },
    )


def _shown(value: Any) -> Any:
    if isinstance(value, str) and value in RAG.values and len(value) == 1:
        return RAG(value).label
    return value


@organisation_view
def directors_summary(request: HttpRequest, period: str) -> HttpResponse:
    def initial(record: ProgrammeUpdate | None) -> dict[str, Any]:
        if record is None:
            return {"overall_status": RAG.NOT_RATED, "version": 0}
        return {
            "overall_status": record.overall_status,
            "progress_summary": format_points(record.progress_summary),
            "version": record.version,
        }

    return _summary_page(
        request,
        period,
        model=ProgrammeUpdate,
        form_class=ProgrammeUpdateForm,
        permission="programme.change_programmeupdate",
        title="Director's summary",
        initial=initial,
        save=programme_update_save,
        fields=["overall_status", "progress_summary"],
        kind="programme-update",
    )


@organisation_view
def finance_summary(request: HttpRequest, period: str) -> HttpResponse:
    def initial(record: FinanceSummary | None) -> dict[str, Any]:
        if record is None:
            return {"overall_status": RAG.NOT_RATED, "version": 0}
        return {
            "overall_status": record.overall_status,
            "covering": record.covering,
            "headline": record.headline,
            "working_well": format_points(record.working_well),
            "challenges": format_points(record.challenges),
            "version": record.version,
        }

    return _summary_page(
        request,
        period,
        model=FinanceSummary,
        form_class=FinanceSummaryForm,
        permission="programme.change_financesummary",
        title="Finance summary",
        initial=initial,
        save=finance_summary_save,
        fields=["overall_status", "covering", "headline", "working_well", "challenges"],
        kind="finance-summary",
    )


# Escalations ---------------------------------------------------------------------------------


@organisation_view
def escalations(request: HttpRequest) -> HttpResponse:
    organisation = request.organisation  # type: ignore[attr-defined]
    officer = policy.sees_drafts(request.user)
    found = selectors.open_escalations(organisation, approved_only=not officer)
    return render(
        request,
        "workflow/escalations.html",
        {"nav": "escalations", "escalations": found, "officer": officer},
    )


@organisation_view
def escalation_edit(request: HttpRequest, escalation: int) -> HttpResponse:
    organisation = request.organisation  # type: ignore[attr-defined]
    found = history.record_or_404(history.KINDS["escalation"], organisation, escalation)
    if not policy.may_edit_escalation(request.user, found):
        raise PermissionDenied("Your role cannot change this escalation.")
    back = reverse("workflow:escalations", kwargs={"org": organisation.slug})
    fields = ["owner", "decision_needed", "due_date", "status", "resolution", "closed_reason"]
    projects = {p.pk: p for p in found.workstream.projects.all()} if found.workstream else {}
    if request.method == "POST":
        form = EscalationForm(request.POST, period=found.period, projects=projects.values())
        if form.is_valid():
            try:
                services.escalation_update(
                    escalation=found,
                    user=request.user,
                    version=form.cleaned_data["version"],
                    reason=form.cleaned_data["reason"],
                    project=projects.get(form.cleaned_data.get("project") or 0),
                    **{name: form.cleaned_data[name] for name in fields},
                )
            except EditConflict as conflict:
                current = conflict.current
                rows = [
                    (
                        str(form.fields[name].label),
                        history.readable(getattr(current, name)),
                        history.readable(form.cleaned_data[name]),
                    )
                    for name in fields
                ]
                return conflict_response(
                    request, record=current, title="Escalation", rows=rows, cancel_url=back
                )
            except CorrectionNeedsReason as refused:
                form.add_error("reason", str(refused))
            except ValidationError as refused:
                for field, errors in refused.message_dict.items():
                    for error in errors:
                        form.add_error(field if field in form.fields else None, error)
            else:
                messages.success(request, "Escalation saved.")
                return redirect(back)
    else:
        form = EscalationForm(
            initial={name: getattr(found, name) for name in fields}
            | {"version": found.version, "project": found.project_id or ""},
            period=found.period,
            projects=projects.values(),
        )
    return render(
        request,
        "workflow/escalation_form.html",
        {"nav": "escalations", "escalation": found, "form": form, "back": back},
    )


# History -------------------------------------------------------------------------------------


@organisation_view
def record_history(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    if not policy.sees_drafts(request.user):
        raise PermissionDenied("The history of each record is for officers.")
    found_kind = history.kind_or_404(kind)
    record = history.record_or_404(found_kind, request.organisation, pk)  # type: ignore[attr-defined]
    return render(
        request,
        "workflow/history.html",
        {
            "nav": "programme",
            "kind": kind,
            "title": found_kind.title,
            "record": record,
            "versions": history.versions(record),
            "may_restore": found_kind.may_restore(request.user, record),
        },
    )


@organisation_view
def restore(request: HttpRequest, kind: str, pk: int, history_id: int) -> HttpResponse:
    found_kind = history.kind_or_404(kind)
    organisation = request.organisation  # type: ignore[attr-defined]
    record = history.record_or_404(found_kind, organisation, pk)
    if not found_kind.may_restore(request.user, record):
        raise PermissionDenied("Your role cannot restore this record.")
    versions = {v.history_id: v for v in history.versions(record)}
    version = versions.get(history_id)
    if version is None:
        raise Http404("No such version of this record")
    back = reverse("workflow:history", kwargs={"org": organisation.slug, "kind": kind, "pk": pk})
    period = getattr(record, "period", None)
    form = ReasonForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.restore_version(
                record=record,
                history_id=history_id,
                user=request.user,
                reason=form.cleaned_data["reason"].strip(),
            )
        except CorrectionNeedsReason as refused:
            form.add_error("reason", str(refused))
        except ValidationError as refused:  # the old values no longer fit: say why, keep all
            for message in refused.messages:
                form.add_error(None, f"That version cannot be restored: {message}")
        else:
            messages.success(request, "That version is restored, as a new version.")
            return redirect(back)
    return render(
        request,
        "workflow/restore.html",
        {
            "nav": "programme",
            "record": record,
            "version": version,
            "form": form,
            "back": back,
            "title": found_kind.title,
            "needs_reason": period is not None and period.is_closed,
        },
    )
