"""The demo's governance records are the minutes of seeds 000 and 003, word for word."""

import pytest
from django.core.exceptions import ValidationError

from boardpack.demo.loader import load_demo
from boardpack.governance import demo_data
from boardpack.governance.demo import split_point
from boardpack.governance.models import (
    Action,
    AgendaItem,
    Committee,
    Meeting,
    Member,
    MemberInterest,
    PointRaised,
    WorkPlanItem,
)
from boardpack.governance.selectors import open_report_requests
from tests.governance.conftest import minuted_meeting

pytestmark = pytest.mark.django_db

MODELS = [Committee, Meeting, Member, MemberInterest, AgendaItem, PointRaised, Action, WorkPlanItem]


def test_somerset_deep_dive_as_minuted(somerset):
    meeting = minuted_meeting("somerset")
    # The minutes name neither the committee nor the date, nor where they were published.
    assert (meeting.committee.name, meeting.date, meeting.minutes_source) == (
        "Scrutiny committee",
        None,
        "",
    )
    assert str(meeting) == "Scrutiny committee, date not stated"
    assert [(m.date, m.title) for m in meeting.committee.meetings.exclude(pk=meeting.pk)] == [
        (None, "Next meeting (date not yet set)")
    ]
    item = meeting.items.get()
    assert item.title == "Children’s Services Transformation Plan (deep dive)"
    assert item.purpose_text == "To consider PowerPoint presentation (to follow)."
    assert item.time_allowed_minutes == 55
    assert item.background_papers.startswith(
        "As background, refer to update to Executive on 5 June 2024 – Somerset Council "
        "Improvement and Transformation Programme Risk Register"
    )
    interests = {(i.area, i.member.name) for i in MemberInterest.objects.filter(noted_at=meeting)}
    assert interests == {
        ("Education for Life", "Jo Simons"),
        ("CLA Transformation", "Evie Potts-Jones"),
        ("CLA Transformation", "Martin Lovell"),
        ("SEND Strategy", "Simon Carswell"),
        ("SEND Strategy", "Frances Nicholson"),
        ("Connect Somerset", "Tobie Osmond"),
        ("Connect Somerset", "Ruth Hobbs"),
    }
    connect = MemberInterest.objects.filter(area="Connect Somerset").first()
    assert connect.project.name == "Connect Somerset"
    assert connect.workstream.slug == "support-early"
    points = list(item.points.all())
    assert len(points) == 7
    assert points[0].point == (
        "requested an explanation about the delays to Homes and Horizons homes 6 to 8, "
        "which is extremely concerning"
    )
    assert points[0].response.startswith("explained that there is funding but are a number")
    assert points[0].response.endswith("doing all can to deliver as soon as possible.")
    assert points[0].project.name == "Homes and Horizons"
    assert points[2].point == "recruitment of foster carers"
    assert points[2].response.startswith("aim is to have 10 net additional foster carers")
    assert points[5].response == ""  # the data-sharing point: an agreement, not an answer


def test_dorset_blueprint_for_change_as_minuted(dorset):
    item = minuted_meeting("dorset").items.get()
    assert item.title == "People Services - Children Transformation Programme Update"
    assert item.meeting.date is None  # the minutes do not give it
    points = list(item.points.all())
    assert len(points) == 16
    assert points[1].point == (
        "In response to a point raised about the transition of young people into adult services"
    )
    assert points[1].response == (
        "it was recognised that this needed to be a respectful process which considered the "
        "important role of parents"
    )
    assert points[6].point == (
        "The transformation programme aimed to provide £1m of savings through the delivery "
        "of services more efficiently"
    )
    assert [p.workstream.slug for p in points if p.workstream] == [
        "localities",
        "localities",
        "adolescent-service",
    ]


def test_every_point_is_the_minuted_text_split_and_nothing_reworded():
    for data in (demo_data.SOMERSET, demo_data.DORSET):
        for entry in data["points"]:
            point, response = split_point(entry["minuted"], entry["response_starts"])
            minuted = entry["minuted"]
            assert minuted.startswith(point)
            assert minuted.endswith(response)
            joiner = minuted[len(point) : len(minuted) - len(response)]
            assert joiner.strip(" \xa0") in ("", "–", "-", ",", "and"), joiner


def test_chairs_user_numbers_request_is_an_open_action_for_members_quarterly(dorset, somerset):
    [request] = open_report_requests(dorset, "members-quarterly")
    assert request.status == Action.Status.OPEN
    assert request.text == (
        "The Chairman also requested that user numbers for Children’s Services be included "
        "in the quarterly report produced for Cabinet."
    )
    assert request.owner == "Executive Director for People – Children"
    assert open_report_requests(somerset, "members-quarterly") == []


def test_actions_of_both_meetings_and_what_they_add_to_the_work_plan(somerset, dorset):
    somerset_actions = Action.objects.filter(meeting__committee__organisation=somerset)
    assert [a.text for a in somerset_actions] == [
        "it was agreed that data sharing (‘how it works’), will be added to the work plan.",
        "members are welcome to visit if wish and relevant contact information will be circulated.",
    ]
    assert somerset_actions[0].work_plan_item.topic == "data sharing (‘how it works’)"
    assert somerset_actions[1].point.project.name == (
        "16+ Thrive - preventing homelessness accommodation"
    )
    dorset_plan = WorkPlanItem.objects.get(committee__organisation=dorset)
    assert dorset_plan.topic == "the plan for the service moving forward"
    assert dorset_plan.timing == "when the consultation period was completed"


def test_loading_the_demo_again_changes_nothing():
    before = {m: (m.objects.count(), m.history.count()) for m in MODELS}
    load_demo()
    assert {m: (m.objects.count(), m.history.count()) for m in MODELS} == before


def test_minutes_with_a_bad_action_load_nothing(dorset):
    import copy

    from boardpack.governance.demo import load_minutes

    data = copy.deepcopy(demo_data.DORSET)
    data["committee"]["slug"] = "another-committee"
    data["actions"][1]["owner"] = ""
    before = {m: m.objects.count() for m in MODELS}
    with pytest.raises(ValidationError, match="Enter who owns the action"):
        load_minutes(dorset, data)
    assert {m: m.objects.count() for m in MODELS} == before

    data = copy.deepcopy(demo_data.DORSET)
    data["committee"]["slug"] = "another-committee"
    data["points"][3]["topic"] = {"workstream": "sufficient-homes"}  # Somerset's, not Dorset's
    with pytest.raises(ValidationError, match="No workstream 'sufficient-homes'"):
        load_minutes(dorset, data)
    assert {m: m.objects.count() for m in MODELS} == before
