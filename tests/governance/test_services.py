"""Writes to governance records: what they keep, and the bad input they refuse whole."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from boardpack.core.models import ReportingPeriod
from boardpack.governance import services
from boardpack.governance.forms import ActionForm, RiskForm
from boardpack.governance.models import (
    Action,
    Member,
    MemberInterest,
    Risk,
    RiskAssessment,
    WorkPlanItem,
)
from boardpack.programme.models import Escalation

pytestmark = pytest.mark.django_db


@pytest.fixture
def action(meeting, next_meeting) -> Action:
    """An open action from the test's meeting of 10 July 2024, due at the next one."""
    return services.action_create(
        meeting=meeting, text="Circulate contacts", owner="Director", due_meeting=next_meeting
    )


def _counts():
    return (Action.objects.count(), WorkPlanItem.objects.count(), Action.history.count())


def test_an_action_with_a_work_plan_topic_adds_it_to_the_plan(meeting):
    action = services.action_create(
        meeting=meeting,
        text="Bring the Thrive 16+ move-on figures to the next meeting",
        owner="Service Director",
        due_date=datetime.date(2024, 8, 7),
        work_plan_topic="Thrive 16+ move-on accommodation",
    )
    assert action.status == Action.Status.OPEN
    assert action.work_plan_item.topic == "Thrive 16+ move-on accommodation"
    assert action.work_plan_item.committee == meeting.committee


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        ({"owner": "  ", "due_date": datetime.date(2024, 8, 7)}, "owner", "Enter who owns"),
        ({"owner": "Executive Director"}, "due_date", "Enter a due date or choose the meeting"),
        (
            {"owner": "Executive Director", "due_date": datetime.date(2024, 7, 9)},
            "due_date",
            "on or after the meeting it came from (10 July 2024)",
        ),
    ],
)
def test_bad_actions_are_refused_and_nothing_is_written(meeting, values, field, message):
    before = _counts()
    with pytest.raises(ValidationError) as caught:
        services.action_create(
            meeting=meeting, text="Circulate contacts", work_plan_topic="A topic", **values
        )
    assert message in " ".join(caught.value.message_dict[field])
    assert _counts() == before


def test_the_action_form_refuses_the_same_with_messages_on_its_fields(meeting):
    form = ActionForm(
        {"text": "Circulate contacts", "owner": "", "due_date": "09/07/2024"}, meeting=meeting
    )
    assert not form.is_valid()
    assert form.errors["owner"] == ["Enter who owns the action"]
    assert "on or after the meeting it came from" in form.errors["due_date"][0]
    form = ActionForm(
        {"text": "Circulate contacts", "owner": "Executive Director"}, meeting=meeting
    )
    assert not form.is_valid()
    assert form.errors["due_date"] == ["Enter a due date or choose the meeting it is due at"]


def test_status_changes_keep_history_and_a_dropped_action_needs_a_reason(action):
    kept = dict(owner=action.owner, due_date=None, due_meeting=action.due_meeting)
    with pytest.raises(ValidationError) as caught:
        services.action_update(
            action=action, today=datetime.date(2024, 7, 1), status="dropped", **kept
        )
    assert caught.value.message_dict["dropped_reason"] == ["Give the reason the action was dropped"]
    action.refresh_from_db()
    assert action.status == Action.Status.OPEN

    services.action_update(
        action=action, today=datetime.date(2024, 7, 1), status="in_progress", **kept
    )
    services.action_update(action=action, today=datetime.date(2024, 7, 3), status="done", **kept)
    action.refresh_from_db()
    assert action.completed_on == datetime.date(2024, 7, 3)
    assert [h.status for h in action.history.order_by("history_date")][-2:] == [
        "in_progress",
        "done",
    ]
    services.action_update(
        action=action,
        today=datetime.date(2024, 7, 4),
        status="dropped",
        dropped_reason="Overtaken by the September visit",
        **kept,
    )
    action.refresh_from_db()
    assert action.completed_on is None
    assert action.dropped_reason == "Overtaken by the September visit"


def test_a_member_linked_to_an_unknown_workstream_is_refused(meeting):
    member = Member.objects.get(name="Jo Simons")
    before = MemberInterest.objects.count()
    with pytest.raises(ValidationError) as caught:
        services.member_interest_add(member=member, area="Adolescents", workstream_slug="no-such")
    assert "No workstream 'no-such' in Somerset Council's programme" in str(caught.value)
    # Dorset's workstream is unknown to Somerset's committee, too.
    with pytest.raises(ValidationError):
        services.member_interest_add(
            member=member, area="Adolescents", workstream_slug="adolescent-service"
        )
    assert MemberInterest.objects.count() == before
    interest = services.member_interest_add(
        member=member, area="Education for Life", workstream_slug="local-mainstream-school"
    )
    assert interest.workstream.slug == "local-mainstream-school"
    assert MemberInterest.objects.count() == before


def _risk_values(**changes):
    values = dict(
        reference="R1",
        title="Foster carer sufficiency",
        owner="Head of Fostering",
        likelihood=4,
        impact=5,
        status="open",
    )
    values.update(changes)
    return values


def test_likelihood_seven_is_refused_by_the_service_and_the_form(somerset):
    with pytest.raises(ValidationError) as caught:
        services.risk_save(organisation=somerset, **_risk_values(likelihood=7))
    assert caught.value.message_dict["likelihood"] == [
        "Likelihood must be a whole number from 1 to 5"
    ]
    assert not Risk.objects.exists()
    form = RiskForm({**_risk_values(likelihood="7")}, organisation=somerset)
    assert not form.is_valid()
    assert form.errors["likelihood"] == ["Likelihood must be a whole number from 1 to 5"]


def test_score_rating_and_history_per_period(somerset):
    june = ReportingPeriod.objects.get(organisation=somerset, month="2024-06-01")
    risk = services.risk_save(
        organisation=somerset, period=june, **_risk_values(target_likelihood=2, target_impact=3)
    )
    assert (risk.score, risk.rating.label, risk.target_score, risk.target_rating.label) == (
        20,
        "Very high",
        6,
        "Medium",
    )
    later = ReportingPeriod.objects.create(organisation=somerset, month="2024-07-01")
    services.risk_save(organisation=somerset, risk=risk, period=later, **_risk_values(likelihood=3))
    assessments = list(RiskAssessment.objects.filter(risk=risk).order_by("period__month"))
    assert [(a.period.key, a.score, a.rating.label) for a in assessments] == [
        ("2024-06", 20, "Very high"),
        ("2024-07", 15, "High"),
    ]


def test_a_risk_is_raised_from_a_workstream_escalation(somerset):
    escalation = Escalation.objects.filter(
        programme__organisation=somerset, workstream__slug="sufficient-homes"
    ).first()
    risk = services.risk_from_escalation(
        escalation=escalation, reference="R7", owner="Director", likelihood=3, impact=4
    )
    assert risk.workstream == escalation.workstream
    assert risk.cause == escalation.text
    assert risk.assessments.get().period == escalation.period


def test_an_unknown_status_is_refused_with_a_message(action):
    with pytest.raises(ValidationError) as caught:
        services.action_update(
            action=action,
            today=datetime.date(2024, 7, 1),
            status="finished",
            owner=action.owner,
            due_date=None,
            due_meeting=action.due_meeting,
        )
    assert caught.value.message_dict["status"] == ["Select open, in progress, done or dropped"]
    action.refresh_from_db()
    assert action.status == "open"
