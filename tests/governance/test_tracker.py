"""The action tracker and the chair's view, with a fixed clock (``today`` is passed in).

The demo's minutes give no dates, so these tests hold their own meetings: one on 10 July 2024
and the next on 11 September 2024 (``conftest.py``)."""

import datetime

import pytest

from boardpack.governance import selectors, services, views
from boardpack.governance.models import Action, Committee
from tests.governance.conftest import NEXT_MEETING_DAY

pytestmark = pytest.mark.django_db

DUE = datetime.date(2024, 7, 31)
DAY = datetime.timedelta(days=1)


@pytest.fixture
def action(meeting) -> Action:
    return services.action_create(
        meeting=meeting, text="Circulate the YMCA contacts", owner="Service Manager", due_date=DUE
    )


def _ids(actions):
    return [a.pk for a in actions]


def test_an_action_is_overdue_the_day_after_its_due_date(somerset, action):
    on_the_day = selectors.action_tracker(somerset, DUE)
    assert action.pk in _ids(on_the_day.open)
    assert action.pk not in _ids(on_the_day.overdue)
    next_day = selectors.action_tracker(somerset, DUE + DAY)
    assert action.pk in _ids(next_day.overdue)
    assert action.pk not in _ids(next_day.open)


def test_an_action_due_at_a_meeting_is_overdue_the_day_after_that_meeting(
    somerset, meeting, next_meeting
):
    due_at = services.action_create(
        meeting=meeting, text="Bring the plan back", owner="Director", due_meeting=next_meeting
    )
    assert due_at.pk in _ids(selectors.action_tracker(somerset, NEXT_MEETING_DAY).open)
    overdue = selectors.action_tracker(somerset, NEXT_MEETING_DAY + DAY).overdue
    assert _ids(overdue) == [due_at.pk]


def test_the_demos_actions_are_due_at_a_meeting_with_no_date_and_never_overdue(somerset):
    demo = Action.objects.filter(meeting__committee__organisation=somerset)
    assert demo.count() == 2
    assert {(a.due_date, a.due_meeting.date) for a in demo} == {(None, None)}
    far_ahead = selectors.action_tracker(somerset, datetime.date(2040, 1, 1))
    assert far_ahead.overdue == []
    assert set(_ids(far_ahead.open)) == set(_ids(demo))


def test_done_since_the_last_meeting(somerset, committee, meeting, next_meeting, action):
    services.action_update(
        action=action,
        today=datetime.date(2024, 8, 1),
        status="done",
        owner=action.owner,
        due_date=action.due_date,
        due_meeting=None,
    )
    # On 20 August the last meeting is 10 July: done on 1 August counts.
    tracker = selectors.action_tracker(somerset, datetime.date(2024, 8, 20))
    assert _ids(tracker.done_since_last_meeting) == [action.pk]
    assert action.pk not in _ids(tracker.overdue)
    # After the 11 September meeting it no longer does.
    later = selectors.action_tracker(somerset, NEXT_MEETING_DAY + DAY)
    assert _ids(later.done_since_last_meeting) == []

    chair = selectors.since_last_meeting(committee, datetime.date(2024, 8, 20))
    assert chair.last_meeting == meeting
    assert chair.next_meeting == next_meeting
    assert _ids(chair.done_since) == [action.pk]
    assert _ids(chair.from_last_meeting) == [action.pk]
    assert [w.topic for w in chair.work_plan] == ["data sharing (‘how it works’)"]


def test_the_chairs_view_of_meetings_the_minutes_do_not_date(somerset, dorset):
    somerset_chair = selectors.since_last_meeting(
        Committee.objects.get(organisation=somerset), datetime.date(2026, 1, 1)
    )
    assert somerset_chair.last_meeting.items.get().title.startswith("Children’s Services")
    assert somerset_chair.next_meeting.title == "Next meeting (date not yet set)"
    assert len(somerset_chair.from_last_meeting) == 2
    chair = selectors.since_last_meeting(
        Committee.objects.get(organisation=dorset), datetime.date(2026, 1, 1)
    )
    assert chair.last_meeting.items.get().title.startswith("People Services")
    assert chair.next_meeting.title == "Next meeting (date not yet set)"
    assert [a.report_template_slug for a in chair.report_requests] == ["members-quarterly"]
    assert chair.overdue == []  # due at a meeting with no date: never overdue by guesswork


@pytest.mark.parametrize(("today", "overdue"), [(DUE, False), (DUE + DAY, True)])
def test_the_tracker_page_shows_the_action_overdue_the_day_after(
    signed_in, monkeypatch, action, today, overdue
):
    monkeypatch.setattr(views, "today", lambda: today)  # the page's clock, fixed
    page = signed_in("councillor").get("/somerset/governance/actions/").content.decode()
    assert f"As of {today:%-d %B %Y}." in page
    overdue_table = page.split('aria-label="Overdue"')[1].split('aria-label="Open"')[0]
    open_table = page.split('aria-label="Open"')[1].split('aria-label="Done since')[0]
    assert ("Circulate the YMCA contacts" in overdue_table) == overdue
    assert ("Circulate the YMCA contacts" in open_table) == (not overdue)


def test_the_tracker_reads_in_a_fixed_number_of_queries(
    somerset, meeting, next_meeting, django_assert_max_num_queries
):
    for n in range(3):
        services.action_create(
            meeting=meeting, text=f"Action {n}", owner="Officer", due_meeting=next_meeting
        )
    with django_assert_max_num_queries(6):
        tracker = selectors.action_tracker(somerset, NEXT_MEETING_DAY + DAY)
        assert len(tracker.overdue) == 3
        for a in tracker.overdue:
            str(a.meeting), str(a.due_meeting), a.point and a.point.workstream
