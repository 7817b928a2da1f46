"""The programme office keeps a committee's records on the pages: meetings, agenda items,
points raised with responses, members' interests and actions. Each write path is shown to
create, change and leave records, with who did it in the history; bad input is refused whole."""

from __future__ import annotations

import datetime

import pytest

from boardpack.governance import services
from boardpack.governance.models import (
    Action,
    AgendaItem,
    Committee,
    Meeting,
    MemberInterest,
    PointRaised,
)
from boardpack.programme.models import Project, Workstream
from boardpack.workflow.edits import EditConflict
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

BASE = "/somerset/governance"


def committee() -> Committee:
    return Committee.objects.get(organisation__slug="somerset", slug="scrutiny")


def counts() -> tuple[int, ...]:
    return tuple(
        model.objects.count()
        for model in (Meeting, AgendaItem, PointRaised, MemberInterest, Action)
    )


def new_meeting(client, **values) -> Meeting:
    response = client.post(
        f"{BASE}/meetings/new/",
        {
            "committee": committee().pk,
            "date": "4/12/2024",
            "title": "",
            "minutes_source": "",
            "version": 0,
            **values,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return Meeting.objects.order_by("-pk")[0]


def test_a_meeting_is_created_changed_and_kept_with_its_history():
    office = client_for("office")
    form = office.get(f"{BASE}/meetings/new/?committee=scrutiny")
    assert form.status_code == 200
    body = form.content.decode()
    assert '<label class="govuk-label govuk-label--s" for="id_date">Date of the meeting' in body
    assert f'<option value="{committee().pk}" selected>' in body

    before = counts()
    refused = office.post(
        f"{BASE}/meetings/new/",
        {"committee": "", "date": "31/02/2024", "minutes_source": "javascript:alert(1)"},
    )
    assert refused.status_code == 200
    text = refused.content.decode()
    assert "There is a problem" in text
    assert "Choose the committee that meets" in text
    assert "Date of the meeting must be a real date, like 26/06/2024" in text
    assert "Enter the web address of the minutes, starting with https://" in text
    assert 'value="31/02/2024"' in text  # what was typed comes back
    assert counts() == before

    meeting = new_meeting(office, minutes_source="https://democracy.example.gov.uk/m/1")
    assert meeting.committee == committee()
    assert meeting.date == datetime.date(2024, 12, 4)
    assert meeting.version == 1
    assert meeting.history.get().history_user.username == "office"

    page = office.get(f"{BASE}/meetings/{meeting.pk}/").content.decode()
    assert "Meeting of 4 December 2024" in page
    assert "Change the meeting's details" in page

    edit = f"{BASE}/meetings/{meeting.pk}/edit/"
    assert 'value="04/12/2024"' in office.get(edit).content.decode()
    changed = office.post(edit, {"date": "", "title": "Budget deep dive", "version": 1})
    assert changed.status_code == 302
    meeting.refresh_from_db()
    assert (meeting.date, meeting.title, meeting.version) == (None, "Budget deep dive", 2)
    assert meeting.minutes_source == ""
    assert meeting.history.count() == 2
    assert meeting.history.first().history_user.username == "office"
    assert counts() == (before[0] + 1, *before[1:])


def test_a_save_over_a_newer_version_is_a_conflict_and_overwrites_nothing():
    office = client_for("office")
    meeting = new_meeting(office)
    edit = f"{BASE}/meetings/{meeting.pk}/edit/"
    assert (
        office.post(edit, {"date": "5/12/2024", "title": "First", "version": 1}).status_code == 302
    )
    stale = office.post(edit, {"date": "6/12/2024", "title": "Second", "version": 1})
    assert stale.status_code == 409
    text = stale.content.decode()
    assert "Someone else saved this first" in text
    assert "5 December 2024" in text and "6 December 2024" in text
    meeting.refresh_from_db()
    assert (meeting.title, meeting.version) == ("First", 2)
    # "Save my version over theirs" sends it again with the newer version: saved on purpose.
    assert (
        office.post(edit, {"date": "6/12/2024", "title": "Second", "version": 2}).status_code == 302
    )
    meeting.refresh_from_db()
    assert (meeting.title, meeting.date, meeting.version) == (
        "Second",
        datetime.date(2024, 12, 6),
        3,
    )


def test_an_agenda_item_is_added_and_changed_with_the_report_it_considered():
    office = client_for("office")
    meeting = new_meeting(office)
    url = f"{BASE}/meetings/{meeting.pk}/items/new/"
    form = office.get(url).content.decode()
    assert "No Boardpack report" in form

    refused = office.post(
        url,
        {"title": "", "purpose": "ponder", "time_allowed_minutes": "an hour", "version": 0},
    )
    text = refused.content.decode()
    assert refused.status_code == 200
    assert "Enter the item&#x27;s title" in text
    assert "Select to consider, to receive, to note or to approve" in text
    assert "Time allowed must be a whole number of minutes, like 55" in text
    assert 'value="an hour"' in text
    assert not meeting.items.exists()

    added = office.post(
        url,
        {
            "title": "MTFP savings",
            "purpose": "consider",
            "time_allowed_minutes": "30",
            "presenting_officer": "Finance Manager",
            "background_papers": "Executive report, 5 June 2024",
            "report": "",
            "version": 0,
        },
    )
    assert added.status_code == 302
    item = meeting.items.get()
    assert (item.title, item.time_allowed_minutes, item.order) == ("MTFP savings", 30, 1)
    assert item.presenting_officer == "Finance Manager"

    edit = f"{BASE}/items/{item.pk}/edit/"
    refused = office.post(edit, {"title": "MTFP", "purpose": "note", "report": "nope:2024-06"})
    assert "Choose one of this organisation&#x27;s reports" in refused.content.decode()
    changed = office.post(
        edit,
        {
            "title": "MTFP savings tracker",
            "purpose": "receive",
            "time_allowed_minutes": "",
            "presenting_officer": "Finance Manager",
            "report": "",
            "version": 1,
        },
    )
    assert changed.status_code == 302
    item.refresh_from_db()
    assert (item.title, item.purpose, item.time_allowed_minutes, item.version) == (
        "MTFP savings tracker",
        "receive",
        None,
        2,
    )
    assert item.background_papers == ""  # cleared on purpose: the field was sent empty
    assert item.history.count() == 2


def test_an_item_links_to_the_report_edition_it_considered():
    from boardpack.accounts.models import User
    from boardpack.reports import services as reports
    from boardpack.reports.models import ReportTemplate

    template = ReportTemplate.objects.get(organisation__slug="somerset", slug="scrutiny-progress")
    edition = reports.edition_create(
        template=template,
        period=template.organisation.periods.get(month="2024-06-01"),
        user=User.objects.get(username="office"),
    )
    office = client_for("office")
    meeting = new_meeting(office)
    url = f"{BASE}/meetings/{meeting.pk}/items/new/"
    assert "scrutiny-progress:2024-06" in office.get(url).content.decode()
    office.post(
        url,
        {"title": "Progress", "purpose": "consider", "report": "scrutiny-progress:2024-06"},
    )
    # The version was not sent: refused, nothing written.
    assert not meeting.items.exists()
    response = office.post(
        url,
        {
            "title": "Progress",
            "purpose": "consider",
            "report": "scrutiny-progress:2024-06",
            "version": 0,
        },
    )
    assert response.status_code == 302
    item = meeting.items.get()
    assert (item.report_template_slug, item.report_period_key) == ("scrutiny-progress", "2024-06")
    page = office.get(f"{BASE}/meetings/{meeting.pk}/").content.decode()
    assert f"/somerset/reports/{edition.pk}/" in page


def _item(office) -> AgendaItem:
    meeting = new_meeting(office)
    return services.agenda_item_save(meeting=meeting, title="Deep dive", purpose="consider")


def test_a_point_and_response_are_recorded_with_their_topic_and_shown_on_the_workstream():
    office = client_for("office")
    item = _item(office)
    homes = Workstream.objects.get(
        programme__organisation__slug="somerset", slug="sufficient-homes"
    )
    other = Workstream.objects.get(programme__organisation__slug="dorset", slug="localities")
    not_homes = Project.objects.filter(
        workstream__programme__organisation__slug="somerset"
    ).exclude(workstream=homes)[0]
    url = f"{BASE}/items/{item.pk}/points/new/"
    before = counts()
    refused = office.post(
        url,
        {
            "point": "",
            "workstream": other.pk,
            "indicator_code": "NO-SUCH",
            "version": 0,
        },
    )
    text = refused.content.decode()
    assert "Enter the point raised" in text
    assert "Choose one of this organisation&#x27;s workstreams" in text
    assert "Choose one of this organisation&#x27;s indicators" in text
    refused = office.post(
        url,
        {"point": "Why the delay?", "workstream": homes.pk, "project": not_homes.pk, "version": 0},
    )
    assert f"is a project of {not_homes.workstream.name}" in refused.content.decode()
    assert "Why the delay?</textarea>" in refused.content.decode()
    assert counts() == before

    added = office.post(
        url,
        {
            "point": "asked why homes 6 to 8 are late",
            "response": "",
            "workstream": homes.pk,
            "version": 0,
        },
    )
    assert added.status_code == 302
    point = item.points.get()
    assert (point.workstream, point.response, point.order) == (homes, "", 1)
    assert point.history.get().history_user.username == "office"

    edit = f"{BASE}/points/{point.pk}/edit/"
    changed = office.post(
        edit,
        {
            "point": "asked why homes 6 to 8 are late",
            "response": "planning and ground conditions",
            "workstream": homes.pk,
            "version": 1,
        },
    )
    assert changed.status_code == 302
    point.refresh_from_db()
    assert (point.response, point.version) == ("planning and ground conditions", 2)
    assert point.history.count() == 2
    workstream_page = client_for("councillor").get(
        "/somerset/programme/2024-06/workstreams/sufficient-homes/"
    )
    assert "planning and ground conditions" in workstream_page.content.decode()


def test_a_members_interest_is_recorded_and_changed():
    office = client_for("office")
    member = committee().members.get(name="Jo Simons")
    url = f"{BASE}/committees/scrutiny/interests/new/"
    before = counts()
    refused = office.post(url, {"member": member.pk, "area": "Education for Life", "version": 0})
    assert "Jo Simons already has an interest in Education for Life recorded" in (
        refused.content.decode()
    )
    refused = office.post(url, {"member": "", "area": "", "version": 0})
    assert "Choose the member" in refused.content.decode()
    assert "Enter the area of interest" in refused.content.decode()
    assert counts() == before

    early = Workstream.objects.get(programme__organisation__slug="somerset", slug="support-early")
    added = office.post(
        url, {"member": member.pk, "area": "Early help", "workstream": early.pk, "version": 0}
    )
    assert added.status_code == 302
    interest = MemberInterest.objects.get(member=member, area="Early help")
    assert interest.workstream == early
    page = office.get(f"{BASE}/committees/scrutiny/").content.decode()
    assert "Early help (Families can access support early)" in page

    edit = f"{BASE}/interests/{interest.pk}/edit/"
    changed = office.post(edit, {"member": member.pk, "area": "Early Help hubs", "version": 1})
    assert changed.status_code == 302
    interest.refresh_from_db()
    assert (interest.area, interest.workstream, interest.version) == ("Early Help hubs", None, 2)
    assert interest.history.count() == 2


def test_an_action_from_a_meeting_is_done_or_dropped_with_a_reason_and_keeps_its_history():
    office = client_for("office")
    meeting = new_meeting(office)
    response = office.post(
        f"{BASE}/meetings/{meeting.pk}/actions/new/",
        {"text": "Circulate contacts", "owner": "Service Manager", "due_date": "1/2/2025"},
    )
    assert response.status_code == 302
    action = meeting.actions.get()
    detail = f"{BASE}/actions/{action.pk}/"
    sent = {"owner": "Service Manager", "due_date": "01/02/2025"}
    office.post(detail, {**sent, "status": "in_progress", "version": 1})
    refused = office.post(detail, {**sent, "status": "dropped", "version": 2})
    assert "Give the reason the action was dropped" in refused.content.decode()
    action.refresh_from_db()
    assert (action.status, action.version) == ("in_progress", 2)
    office.post(detail, {**sent, "status": "dropped", "dropped_reason": "Overtaken", "version": 2})
    action.refresh_from_db()
    assert (action.status, action.dropped_reason, action.version) == ("dropped", "Overtaken", 3)
    stale = office.post(detail, {**sent, "status": "done", "version": 2})
    assert stale.status_code == 409
    action.refresh_from_db()
    assert action.status == "dropped"
    office.post(detail, {**sent, "status": "done", "version": 3})
    action.refresh_from_db()
    assert action.status == "done" and action.completed_on is not None
    assert [h.status for h in action.history.order_by("history_id")] == [
        "open",
        "in_progress",
        "dropped",
        "done",
    ]
    page = client_for("councillor").get(detail).content.decode()
    assert "Dropped: Overtaken" in page


def test_councillors_and_other_officers_read_but_may_not_write():
    item = AgendaItem.objects.filter(meeting__committee=committee()).first()
    point = PointRaised.objects.filter(item=item).first()
    interest = MemberInterest.objects.filter(member__committee=committee()).first()
    meeting = item.meeting
    urls = [
        f"{BASE}/meetings/new/",
        f"{BASE}/meetings/{meeting.pk}/edit/",
        f"{BASE}/meetings/{meeting.pk}/items/new/",
        f"{BASE}/items/{item.pk}/edit/",
        f"{BASE}/items/{item.pk}/points/new/",
        f"{BASE}/points/{point.pk}/edit/",
        f"{BASE}/committees/scrutiny/interests/new/",
        f"{BASE}/interests/{interest.pk}/edit/",
    ]
    before = counts()
    for username in ("councillor", "lead.education", "finance"):
        client = client_for(username)
        for url in urls:
            assert client.get(url).status_code == 403, (username, url)
            assert client.post(url, {"title": "x", "version": 0}).status_code == 403
        page = client.get(f"{BASE}/meetings/{meeting.pk}/").content.decode()
        assert "Add an agenda item" not in page and "Change this item" not in page
    assert counts() == before


def test_moving_a_meeting_after_an_action_due_date_is_refused():
    office = client_for("office")
    meeting = new_meeting(office)
    services.action_create(
        meeting=meeting,
        text="Report back",
        owner="Director",
        due_date=datetime.date(2024, 12, 20),
    )
    with pytest.raises(Exception, match="due on 20 December 2024, before 1 January 2025"):
        services.meeting_save(
            committee=meeting.committee,
            meeting=meeting,
            version=1,
            date=datetime.date(2025, 1, 1),
        )
    meeting.refresh_from_db()
    assert meeting.date == datetime.date(2024, 12, 4)
    with pytest.raises(EditConflict):
        services.meeting_save(committee=meeting.committee, meeting=meeting, version=7, title="x")


def test_moving_a_meeting_before_the_one_an_action_due_at_it_came_from_is_refused():
    office = client_for("office")
    first = new_meeting(office)
    second = services.meeting_save(committee=first.committee, date=datetime.date(2025, 2, 1))
    services.action_create(meeting=first, text="Bring back", owner="Director", due_meeting=second)
    with pytest.raises(Exception, match="agreed at a meeting after 1 November 2024"):
        services.meeting_save(
            committee=second.committee,
            meeting=second,
            version=1,
            date=datetime.date(2024, 11, 1),
        )
    with pytest.raises(Exception, match="due at a meeting before 1 March 2025"):
        services.meeting_save(
            committee=first.committee, meeting=first, version=1, date=datetime.date(2025, 3, 1)
        )
    second.refresh_from_db()
    first.refresh_from_db()
    assert (first.date, second.date) == (datetime.date(2024, 12, 4), datetime.date(2025, 2, 1))
