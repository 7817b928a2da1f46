"""The programme office keeps a committee's work plan in the browser: add a topic, with the
meeting it is planned for (one of the committee's, dated or not) or when in words and the action
it came from, change it, and record that it was considered or withdrawn (kept on the plan,
marked so: nothing is deleted).

As with the other governance forms, every write goes through a service, every form carries the
version it was opened on (a save over a newer one shows both), other roles get 403 and another
organisation's committee or topic is a 404.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Model
from django.http import HttpResponse
from django.shortcuts import get_object_or_404

from boardpack.governance import services
from boardpack.governance.models import WorkPlanItem
from boardpack.governance.record_forms import WorkPlanItemForm
from boardpack.governance.record_views import _committee_url, _record_page
from boardpack.governance.views import OrganisationRequest, _committee, governance_view


def _values(form: WorkPlanItemForm) -> dict[str, Any]:
    data = form.cleaned_data
    return {
        "topic": data["topic"],
        "planned_meeting": data["planned_meeting"],
        "timing": data["timing"],
        "added_by": data["added_by"],
    }


@governance_view("governance.add_workplanitem")
def work_plan_item_new(request: OrganisationRequest, committee: str) -> HttpResponse:
    found = _committee(request, committee)
    form = WorkPlanItemForm(request.POST or None, committee=found)

    def save(_version: int) -> Model:
        return services.work_plan_item_save(committee=found, **_values(form))

    return _record_page(
        request,
        form,
        save,
        title="Work plan topic",
        saved_message="Topic added to the work plan.",
        heading="Add a topic to the work plan",
        caption=found.name,
        back=_committee_url(request, found.slug) + "#work-plan",
    )


@governance_view("governance.change_workplanitem")
def work_plan_item_edit(request: OrganisationRequest, topic: int) -> HttpResponse:
    found = get_object_or_404(
        WorkPlanItem.objects.select_related("committee"),
        committee__organisation=request.organisation,
        pk=topic,
    )
    committee = found.committee
    form = WorkPlanItemForm(request.POST or None, committee=committee, instance=found)

    def save(version: int) -> Model:
        return services.work_plan_item_save(
            committee=committee,
            item=found,
            version=version,
            status=form.cleaned_data["status"],
            **_values(form),
        )

    return _record_page(
        request,
        form,
        save,
        title="Work plan topic",
        saved_message="Work plan topic saved.",
        heading="Change the work plan topic",
        caption=committee.name,
        back=_committee_url(request, committee.slug) + "#work-plan",
        record=found,
        kind="work-plan-item",
    )
