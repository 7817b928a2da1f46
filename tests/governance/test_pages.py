"""The governance pages, read as the programme office and a councillor would."""

import datetime

import pytest

from boardpack.core.models import ReportingPeriod
from boardpack.governance.models import Action, Meeting, Risk
from boardpack.programme.models import Escalation
from tests.conftest import client_for
from tests.governance.conftest import minuted_meeting

pytestmark = pytest.mark.django_db


def somerset_meeting() -> Meeting:
    return minuted_meeting("somerset")


@pytest.mark.parametrize("username", ["office", "councillor"])
def test_every_governance_page_shows(username):
    client = client_for(username)
    meeting = somerset_meeting()
    action = Action.objects.filter(meeting=meeting).first()
    for url in [
        "/somerset/governance/",
        "/somerset/governance/committees/scrutiny/",
        "/somerset/governance/committees/scrutiny/since-last-meeting/",
        f"/somerset/governance/meetings/{meeting.pk}/",
        "/somerset/governance/actions/",
        f"/somerset/governance/actions/{action.pk}/",
        "/somerset/governance/work-plan/",
        "/somerset/governance/risks/",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url


def test_workstream_page_lists_what_scrutiny_asked_with_the_responses(signed_in):
    page = signed_in("councillor").get("/somerset/programme/2024-06/workstreams/sufficient-homes/")
    text = page.content.decode()
    assert "What scrutiny asked" in text
    assert "requested an explanation about the delays to Homes and Horizons homes 6 to 8" in text
    assert "explained that there is funding but are a number of reasons for the delays" in text
    assert "recruitment of foster carers" in text
    assert "the 2 YMCA’s are main providers and it is going well" in text
    other = signed_in("councillor").get(
        "/somerset/programme/2024-06/workstreams/local-mainstream-school/"
    )
    assert "query about what ‘most children’ means" in other.content.decode()
    assert "Homes and Horizons homes 6 to 8" not in other.content.decode()


def test_the_programme_office_adds_and_closes_an_action_on_the_pages(signed_in, meeting):
    client = signed_in("office")
    url = f"/somerset/governance/meetings/{meeting.pk}/actions/new/"
    before = Action.objects.count()
    refused = client.post(url, {"text": "Circulate contacts", "owner": "", "due_date": "1/6/2024"})
    assert refused.status_code == 200
    body = refused.content.decode()
    assert "There is a problem" in body
    assert "Enter who owns the action" in body
    assert "The due date must be on or after the meeting it came from (10 July 2024)" in body
    assert Action.objects.count() == before

    done = client.post(
        url,
        {
            "text": "Circulate the YMCA contacts",
            "owner": "Service Manager",
            "due_date": "31/07/2024",
            "work_plan_topic": "Move-on accommodation",
        },
    )
    assert done.status_code == 302
    action = Action.objects.get(text="Circulate the YMCA contacts")
    assert action.work_plan_item.topic == "Move-on accommodation"

    detail = f"/somerset/governance/actions/{action.pk}/"
    refused = client.post(
        detail,
        {"status": "dropped", "owner": "Service Manager", "due_date": "31/07/2024", "version": 1},
    )
    assert "Give the reason the action was dropped" in refused.content.decode()
    client.post(
        detail,
        {"status": "done", "owner": "Service Manager", "due_date": "31/07/2024", "version": 1},
    )
    action.refresh_from_db()
    assert action.status == "done" and action.completed_on is not None
    history = client.get(detail).content.decode()
    assert "Priya Office" in history


def test_councillors_read_but_cannot_change(signed_in):
    client = signed_in("councillor")
    meeting = somerset_meeting()
    action = Action.objects.filter(meeting=meeting).first()
    assert client.get(f"/somerset/governance/meetings/{meeting.pk}/actions/new/").status_code == 403
    response = client.post(f"/somerset/governance/actions/{action.pk}/", {"status": "done"})
    assert response.status_code == 403
    action.refresh_from_db()
    assert action.status == "open"
    assert client.get("/somerset/governance/risks/new/").status_code == 403


def test_the_risk_register_from_form_to_heat_map(signed_in, somerset):
    client = signed_in("office")
    values = {
        "reference": "R1",
        "title": "Insufficient foster homes",
        "owner": "Head of Fostering",
        "likelihood": "7",
        "impact": "5",
        "status": "open",
        "workstream": "",
        "period": "",
    }
    refused = client.post("/somerset/governance/risks/new/", values)
    assert "Likelihood must be a whole number from 1 to 5" in refused.content.decode()
    assert not Risk.objects.exists()

    escalation = Escalation.objects.get(
        programme__organisation=somerset, text="Marketing support for Fostering"
    )
    assert (
        "Marketing support for Fostering"
        in client.get("/somerset/governance/risks/").content.decode()
    )
    form = client.get(f"/somerset/governance/risks/new/?escalation={escalation.pk}")
    assert "Marketing support for Fostering" in form.content.decode()
    june = ReportingPeriod.objects.get(organisation=somerset, month="2024-06-01")
    saved = client.post(
        "/somerset/governance/risks/new/",
        {
            **values,
            "likelihood": "4",
            "escalation": escalation.pk,
            "workstream": escalation.workstream.pk,
            "period": june.pk,
        },
    )
    assert saved.status_code == 302
    risk = Risk.objects.get()
    assert (risk.escalation, risk.score, risk.rating.label) == (escalation, 20, "Very high")
    assert risk.assessments.get().period == june
    register = client.get("/somerset/governance/risks/").content.decode()
    assert "R1 Insufficient foster homes" in register
    assert "<svg" in register
    assert "1 at likelihood 4, impact 5 (score 20, very high)" in register
    assert "Marketing support for Fostering" not in register  # now on the register
    client.post(f"/somerset/governance/risks/{risk.pk}/edit/", {**values, "likelihood": "2"})
    risk.refresh_from_db()
    assert (risk.score, risk.rating.label) == (10, "High")
    assert risk.history.count() == 2


@pytest.mark.parametrize(
    "path",
    [
        "meetings/{meeting}/",
        "actions/",
        "committees/scrutiny/since-last-meeting/",
        "committees/scrutiny/",
        "work-plan/",
        "",
    ],
)
def test_pages_read_in_the_same_number_of_queries_however_many_actions(
    signed_in, path, page_cache_off
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from boardpack.governance.services import action_create

    client = signed_in("office")
    meeting = somerset_meeting()
    url = "/somerset/governance/" + path.format(meeting=meeting.pk)
    client.get(url)  # the session and permissions are cached from here on

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    before = queries()
    for n in range(5):
        action_create(
            meeting=meeting,
            text=f"Action {n}",
            owner="Officer",
            due_date=datetime.date(2024, 7, 1 + n),
            work_plan_topic=f"Topic {n}",
        )
    assert queries() == before


def test_an_escalation_of_another_organisation_or_nonsense_is_not_found(signed_in, dorset):
    client = signed_in("office")
    assert client.get("/somerset/governance/risks/new/?escalation=abc").status_code == 404
    assert client.get("/somerset/governance/risks/new/?escalation=999999").status_code == 404
