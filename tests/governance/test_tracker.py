"""The action tracker and the chair's view, with a fixed clock (``today`` is passed in)."""

import datetime

import pytest

from boardpack.governance import selectors, services
from boardpack.governance.models import Action, Committee, Meeting

pytestmark = pytest.mark.django_db

DUE = datetime.date(2024, 7, 31)


@pytest.fixture
def committee(somerset) -> Committee:
    return Committee.objects.get(organisation=somerset, slug="scrutiny-children-families")


@pytest.fixture
def action(committee) -> Action:
    meeting = Meeting.objects.get(committee=committee, date="2024-06-26")
    return services.action_create(
        meeting=meeting, text="Circulate the YMCA contacts", owner="Service Manager", due_date=DUE
    )


def _ids(actions):
    return [a.pk for a in actions]


def test_an_action_is_overdue_the_day_after_its_due_date(somerset, action):
    on_the_day = selectors.action_tracker(somerset, DUE)
    assert action.pk in _ids(on_the_day.open)
    assert action.pk not in _ids(on_the_day.overdue)
    next_day = selectors.action_tracker(somerset, DUE + datetime.timedelta(days=1))
    assert action.pk in _ids(next_day.overdue)
    assert action.pk not in _ids(next_day.open)


def test_an_action_due_at_a_meeting_is_overdue_the_day_after_that_meeting(somerset, committee):
    demo_actions = Action.objects.filter(meeting__committee=committee)
    assert {a.due_meeting.date for a in demo_actions} == {datetime.date(2024, 8, 7)}
    assert not selectors.action_tracker(somerset, datetime.date(2024, 8, 7)).overdue
    overdue = selectors.action_tracker(somerset, datetime.date(2024, 8, 8)).overdue
    assert set(_ids(overdue)) == set(_ids(demo_actions))


def test_done_since_the_last_meeting(somerset, committee, action):
    services.action_update(
        action=action,
        today=datetime.date(2024, 7, 10),
        status="done",
        owner=action.owner,
        due_date=action.due_date,
        due_meeting=None,
    )
    # On 1 August the last meeting is 26 June: done on 10 July counts.
    tracker = selectors.action_tracker(somerset, datetime.date(2024, 8, 1))
    assert _ids(tracker.done_since_last_meeting) == [action.pk]
    assert action.pk not in _ids(tracker.overdue)
    # After the 7 August meeting it no longer does.
    later = selectors.action_tracker(somerset, datetime.date(2024, 8, 8))
    assert _ids(later.done_since_last_meeting) == []

    chair = selectors.since_last_meeting(committee, datetime.date(2024, 8, 1))
    assert chair.last_meeting.date == datetime.date(2024, 6, 26)
    assert chair.next_meeting.date == datetime.date(2024, 8, 7)
    assert _ids(chair.done_since) == [action.pk]
    assert len(chair.from_last_meeting) == 3
    assert [w.topic for w in chair.work_plan] == ["data sharing (‘how it works’)"]


def test_the_dorset_chairs_view_of_a_meeting_the_minutes_do_not_date(dorset):
    committee = Committee.objects.get(organisation=dorset)
    chair = selectors.since_last_meeting(committee, datetime.date(2026, 1, 1))
    assert chair.last_meeting.items.get().title.startswith("People Services")
    assert chair.next_meeting.title == "Next meeting (date not yet set)"
    assert [a.report_template_slug for a in chair.report_requests] == ["members-quarterly"]
    assert chair.overdue == []  # due at a meeting with no date: never overdue by guesswork


def test_the_tracker_page_shows_the_overdue_action(signed_in, somerset, action):
    page = signed_in("councillor").get("/somerset/governance/actions/").content.decode()
    assert "Circulate the YMCA contacts" in page
    assert "Overdue" in page


def test_the_tracker_reads_in_a_fixed_number_of_queries(somerset, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        tracker = selectors.action_tracker(somerset, datetime.date(2024, 8, 8))
        for a in tracker.overdue:
            str(a.meeting), str(a.due_meeting), a.point and a.point.workstream
