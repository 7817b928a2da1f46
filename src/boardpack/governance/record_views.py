"""The programme office keeps a committee's records in the browser: meetings, agenda items,
points raised with the officers' responses, and members' interests.

Every write goes through a service; every form carries the version it was opened on, and a
save over someone else's newer one shows both (the workflow's conflict page). Councillors and
other officers read these records on the meeting and committee pages; these forms need the
programme office's add or change permission (403 otherwise), and a record of another
organisation is a 404.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Model
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse

from boardpack.governance import selectors, services
from boardpack.governance.forms import VersionMixin
from boardpack.governance.models import AgendaItem, MemberInterest, PointRaised
from boardpack.governance.record_forms import (
    AgendaItemForm,
    MeetingForm,
    MemberInterestForm,
    PointForm,
)
from boardpack.governance.views import OrganisationRequest, _committee, _render, governance_view
from boardpack.workflow.edits import EditConflict
from boardpack.workflow.views import conflict_response


def add_service_errors(form: Any, error: ValidationError) -> None:
    """A service's refusal shown on the form: at the field it names, or above the form."""
    if not hasattr(error, "error_dict"):
        for message in error.messages:
            form.add_error(None, message)
        return
    for field, found in error.message_dict.items():
        for message in found:
            form.add_error(field if field in form.fields else None, message)


def _save(
    request: OrganisationRequest,
    form: VersionMixin,
    save: Callable[[int], Model],
    *,
    title: str,
    cancel_url: str,
) -> Model | HttpResponse | None:
    """Run ``save(version)`` for a valid form: the record, the conflict page, or None (errors)."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        return save(form.cleaned_data["version"])
    except EditConflict as conflict:
        return conflict_response(
            request,
            record=conflict.current,
            title=title,
            rows=form.conflict_rows(conflict.current),
            cancel_url=cancel_url,
        )
    except ValidationError as refused:
        add_service_errors(form, refused)
        return None


def _form_page(
    request: OrganisationRequest,
    form: Any,
    *,
    heading: str,
    caption: str,
    back: str,
    template: str = "record_form.html",
    **extra: Any,
) -> HttpResponse:
    return _render(
        request,
        template,
        {"form": form, "heading": heading, "caption": caption, "back": back, **extra},
    )


def _record_page(
    request: OrganisationRequest,
    form: Any,
    save: Callable[[int], Model],
    *,
    title: str,
    saved_message: str,
    heading: str,
    caption: str,
    back: str,
    next_url: Callable[[Model], str] | None = None,
    **extra: Any,
) -> HttpResponse:
    """A record's form page: on a valid POST, save it (or show the conflict page), say so and
    go to ``next_url(record)`` (``back`` by default); otherwise the form, with its errors."""
    saved = _save(request, form, save, title=title, cancel_url=back)
    if isinstance(saved, HttpResponse):
        return saved
    if saved is not None:
        messages.success(request, saved_message)
        return redirect(next_url(saved) if next_url else back)
    return _form_page(request, form, heading=heading, caption=caption, back=back, **extra)


def _meeting_url(request: OrganisationRequest, meeting_pk: int, anchor: str = "") -> str:
    url = reverse(
        "governance:meeting-detail",
        kwargs={"org": request.organisation.slug, "meeting": meeting_pk},
    )
    return f"{url}#{anchor}" if anchor else url


# Meetings -------------------------------------------------------------------------------------


@governance_view("governance.add_meeting")
def meeting_new(request: OrganisationRequest) -> HttpResponse:
    chosen = selectors.committees_for(request.organisation).filter(
        slug=request.GET.get("committee", "")
    )
    form = MeetingForm(
        request.POST or None,
        organisation=request.organisation,
        initial={"committee": chosen.first()},
    )
    back = reverse("governance:index", kwargs={"org": request.organisation.slug})

    def save(_version: int) -> Model:
        data = form.cleaned_data
        return services.meeting_save(
            committee=data["committee"],
            date=data["date"],
            title=data["title"],
            minutes_source=data["minutes_source"],
        )

    return _record_page(
        request,
        form,
        save,
        title="Meeting",
        saved_message="Meeting added. Add its agenda items next.",
        next_url=lambda saved: _meeting_url(request, saved.pk),
        heading="Add a meeting",
        caption="Governance",
        back=back,
    )


@governance_view("governance.change_meeting")
def meeting_edit(request: OrganisationRequest, meeting: int) -> HttpResponse:
    found = get_object_or_404(selectors.meetings_for(request.organisation), pk=meeting)
    form = MeetingForm(request.POST or None, organisation=request.organisation, instance=found)
    back = _meeting_url(request, found.pk)

    def save(version: int) -> Model:
        data = form.cleaned_data
        return services.meeting_save(
            committee=found.committee,
            meeting=found,
            version=version,
            date=data["date"],
            title=data["title"],
            minutes_source=data["minutes_source"],
        )

    return _record_page(
        request,
        form,
        save,
        title="Meeting",
        saved_message="Meeting details saved.",
        heading="Change the meeting's details",
        caption=found.committee.name,
        back=back,
        record=found,
        kind="meeting",
    )


# Agenda items ---------------------------------------------------------------------------------


@governance_view("governance.add_agendaitem")
def item_new(request: OrganisationRequest, meeting: int) -> HttpResponse:
    found = get_object_or_404(selectors.meetings_for(request.organisation), pk=meeting)
    form = AgendaItemForm(request.POST or None, organisation=request.organisation)
    back = _meeting_url(request, found.pk)

    def save(_version: int) -> Model:
        return services.agenda_item_save(meeting=found, **form.item_values())

    return _record_page(
        request,
        form,
        save,
        title="Agenda item",
        saved_message="Agenda item added.",
        next_url=lambda saved: _meeting_url(request, found.pk, f"item-{saved.pk}"),
        heading="Add an agenda item",
        caption=str(found),
        back=back,
    )


def _item(request: OrganisationRequest, pk: int) -> AgendaItem:
    return get_object_or_404(
        AgendaItem.objects.select_related("meeting__committee"),
        meeting__committee__organisation=request.organisation,
        pk=pk,
    )


@governance_view("governance.change_agendaitem")
def item_edit(request: OrganisationRequest, item: int) -> HttpResponse:
    found = _item(request, item)
    form = AgendaItemForm(request.POST or None, organisation=request.organisation, instance=found)
    back = _meeting_url(request, found.meeting_id, f"item-{found.pk}")

    def save(version: int) -> Model:
        return services.agenda_item_save(
            meeting=found.meeting, item=found, version=version, **form.item_values()
        )

    return _record_page(
        request,
        form,
        save,
        title="Agenda item",
        saved_message="Agenda item saved.",
        heading="Change the agenda item",
        caption=str(found.meeting),
        back=back,
        record=found,
        kind="agenda-item",
    )


# Points raised --------------------------------------------------------------------------------


def _point_values(form: PointForm) -> dict[str, Any]:
    data = form.cleaned_data
    return {
        "text": data["point"],
        "response": data["response"],
        "workstream": data["workstream"],
        "project": data["project"],
        "saving_line": data["saving_line"],
        "indicator_code": data["indicator_code"],
    }


@governance_view("governance.add_pointraised")
def point_new(request: OrganisationRequest, item: int) -> HttpResponse:
    found = _item(request, item)
    form = PointForm(request.POST or None, organisation=request.organisation)
    back = _meeting_url(request, found.meeting_id, f"item-{found.pk}")

    def save(_version: int) -> Model:
        return services.point_save(item=found, **_point_values(form))

    return _record_page(
        request,
        form,
        save,
        title="Point raised",
        saved_message="Point and response recorded.",
        next_url=lambda saved: _meeting_url(request, found.meeting_id, f"point-{saved.pk}"),
        heading="Record a point raised",
        caption=found.title,
        back=back,
    )


@governance_view("governance.change_pointraised")
def point_edit(request: OrganisationRequest, point: int) -> HttpResponse:
    found = get_object_or_404(
        PointRaised.objects.select_related("item__meeting__committee"),
        item__meeting__committee__organisation=request.organisation,
        pk=point,
    )
    form = PointForm(request.POST or None, organisation=request.organisation, instance=found)
    back = _meeting_url(request, found.item.meeting_id, f"point-{found.pk}")

    def save(version: int) -> Model:
        return services.point_save(
            item=found.item, point=found, version=version, **_point_values(form)
        )

    return _record_page(
        request,
        form,
        save,
        title="Point raised",
        saved_message="Point and response saved.",
        heading="Change the point and response",
        caption=found.item.title,
        back=back,
        record=found,
        kind="point-raised",
    )


# Members' interests ---------------------------------------------------------------------------


def _committee_url(request: OrganisationRequest, slug: str) -> str:
    return reverse(
        "governance:committee-detail", kwargs={"org": request.organisation.slug, "committee": slug}
    )


@governance_view("governance.add_memberinterest")
def interest_new(request: OrganisationRequest, committee: str) -> HttpResponse:
    found = _committee(request, committee)
    form = MemberInterestForm(request.POST or None, committee=found)
    back = _committee_url(request, found.slug)

    def save(_version: int) -> Model:
        data = form.cleaned_data
        return services.member_interest_save(
            committee=found,
            member=data["member"],
            area=data["area"],
            workstream=data["workstream"],
            project=data["project"],
            noted_at=data["noted_at"],
        )

    return _record_page(
        request,
        form,
        save,
        title="Member's interest",
        saved_message="Member's interest recorded.",
        heading="Record a member's interest",
        caption=found.name,
        back=back,
        no_members=not found.members.filter(left=False).exists(),
    )


@governance_view("governance.change_memberinterest")
def interest_edit(request: OrganisationRequest, interest: int) -> HttpResponse:
    found = get_object_or_404(
        MemberInterest.objects.select_related("member__committee"),
        member__committee__organisation=request.organisation,
        pk=interest,
    )
    committee = found.member.committee
    form = MemberInterestForm(request.POST or None, committee=committee, instance=found)
    back = _committee_url(request, committee.slug)

    def save(version: int) -> Model:
        data = form.cleaned_data
        return services.member_interest_save(
            committee=committee,
            interest=found,
            version=version,
            member=data["member"],
            area=data["area"],
            workstream=data["workstream"],
            project=data["project"],
            noted_at=data["noted_at"],
        )

    return _record_page(
        request,
        form,
        save,
        title="Member's interest",
        saved_message="Member's interest saved.",
        heading="Change the member's interest",
        caption=committee.name,
        back=back,
        record=found,
        kind="member-interest",
    )
