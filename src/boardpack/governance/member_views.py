"""The programme office keeps a committee's members in the browser: add one, change a name or
role, and record that a member has left (kept, as a former member: nothing is deleted).

As with the other governance forms, every write goes through a service, every form carries the
version it was opened on (a save over a newer one shows both), other roles get 403 and another
organisation's committee or member is a 404.
"""

from __future__ import annotations

from django.db.models import Model
from django.http import HttpResponse
from django.shortcuts import get_object_or_404

from boardpack.governance import services
from boardpack.governance.models import Member
from boardpack.governance.record_forms import MemberForm, MemberLeaveForm
from boardpack.governance.record_views import _committee_url, _record_page
from boardpack.governance.views import OrganisationRequest, _committee, governance_view


def _member(request: OrganisationRequest, pk: int, **lookup: object) -> Member:
    return get_object_or_404(
        Member.objects.select_related("committee"),
        committee__organisation=request.organisation,
        pk=pk,
        **lookup,
    )


@governance_view("governance.add_member")
def member_new(request: OrganisationRequest, committee: str) -> HttpResponse:
    found = _committee(request, committee)
    form = MemberForm(request.POST or None)

    def save(_version: int) -> Model:
        data = form.cleaned_data
        return services.member_save(committee=found, name=data["name"], role=data["role"])

    return _record_page(
        request,
        form,
        save,
        title="Member",
        saved_message="Member added.",
        heading="Add a member",
        caption=found.name,
        back=_committee_url(request, found.slug) + "#members",
    )


@governance_view("governance.change_member")
def member_edit(request: OrganisationRequest, member: int) -> HttpResponse:
    found = _member(request, member)
    form = MemberForm(request.POST or None, instance=found)

    def save(version: int) -> Model:
        data = form.cleaned_data
        return services.member_save(
            committee=found.committee,
            member=found,
            version=version,
            name=data["name"],
            role=data["role"],
        )

    return _record_page(
        request,
        form,
        save,
        title="Member",
        saved_message="Member's details saved.",
        heading="Change the member's details",
        caption=found.committee.name,
        back=_committee_url(request, found.committee.slug) + "#members",
        record=found,
        kind="member",
    )


@governance_view("governance.change_member")
def member_leave(request: OrganisationRequest, member: int) -> HttpResponse:
    found = _member(request, member, left=False)
    # Bound on any POST, even an empty one: "remove" sends only the version, so a POST without
    # it is refused with a message rather than shown again as if nothing had been sent.
    form = MemberLeaveForm(request.POST if request.method == "POST" else None, member=found)
    committee = found.committee

    def save(version: int) -> Model:
        return services.member_leave(member=found, version=version)

    return _record_page(
        request,
        form,
        save,
        title="Member",
        saved_message=f"{found.name} is recorded as having left {committee.name}.",
        heading=f"Remove {found.name} from the committee",
        caption=committee.name,
        back=_committee_url(request, committee.slug) + "#members",
        template="member_leave.html",
        member=found,
    )
