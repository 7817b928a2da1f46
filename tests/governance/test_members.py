"""The programme office keeps a committee's members on the pages: names and roles only. A member
is added, changed and removed (kept as a former member, nothing deleted), each with who did it
in the history; bad input is refused whole; other roles get 403, other councils 404."""

from __future__ import annotations

import datetime

import pytest

from boardpack.governance import services
from boardpack.governance.models import Action, Committee, Member, MemberInterest
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

BASE = "/somerset/governance"


def _committee() -> Committee:
    return Committee.objects.get(organisation__slug="somerset", slug="scrutiny")


def counts() -> tuple[int, int, int]:
    return (Member.objects.count(), Member.history.count(), MemberInterest.objects.count())


def test_a_member_is_added_changed_and_removed_with_history():
    office = client_for("office")
    committee_page = f"{BASE}/committees/scrutiny/"
    form = office.get(f"{BASE}/committees/scrutiny/members/new/").content.decode()
    assert '<label class="govuk-label govuk-label--s" for="id_name">Name</label>' in form
    assert '<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Role</legend>' in form

    added = office.post(
        f"{BASE}/committees/scrutiny/members/new/",
        {"name": "  Amy Carter ", "role": "chair", "version": 0},
    )
    assert added.status_code == 302
    member = Member.objects.get(committee=_committee(), name="Amy Carter")
    assert (member.role, member.left, member.version, member.order) == ("chair", False, 1, 8)
    assert member.history.get().history_user.username == "office"
    page = office.get(committee_page).content.decode()
    assert '<th scope="row" class="govuk-table__header">Amy Carter</th>' in page
    assert "Member added." in page

    edit = f"{BASE}/members/{member.pk}/edit/"
    assert 'value="Amy Carter"' in office.get(edit).content.decode()
    changed = office.post(edit, {"name": "Amy Carter-Jones", "role": "vice_chair", "version": 1})
    assert changed.status_code == 302
    member.refresh_from_db()
    assert (member.name, member.role, member.version) == ("Amy Carter-Jones", "vice_chair", 2)

    leave = f"{BASE}/members/{member.pk}/leave/"
    confirm = office.get(leave).content.decode()
    assert "Remove Amy Carter-Jones from the committee" in confirm
    removed = office.post(leave, {"version": 2})
    assert removed.status_code == 302
    member.refresh_from_db()
    assert (member.left, member.version) == (True, 3)
    assert [h.history_user.username for h in member.history.all()] == ["office"] * 3
    page = office.get(committee_page).content.decode()
    assert "Former members" in page
    assert "Amy Carter-Jones (Vice-chair)" in page
    assert '<th scope="row" class="govuk-table__header">Amy Carter-Jones</th>' not in page
    assert office.get(leave).status_code == 404  # a former member cannot leave again


def test_bad_input_is_refused_whole_with_messages():
    office = client_for("office")
    url = f"{BASE}/committees/scrutiny/members/new/"
    services.member_save(committee=_committee(), name="Amy Carter", role="chair")
    before = counts()
    cases = [
        ({"name": "", "role": "", "version": 0}, ["Enter the member&#x27;s name"]),
        ({"name": "", "role": "", "version": 0}, ["Select the member&#x27;s role"]),
        (
            {"name": "Ann", "role": "mayor", "version": 0},
            ["Select chair, vice-chair, councillor, co-opted member or officer"],
        ),
        (
            {"name": "Jo Simons", "role": "councillor", "version": 0},
            ["Jo Simons is already a member of Scrutiny committee"],
        ),
        (
            {"name": "Ben Ode", "role": "chair", "version": 0},
            ["Amy Carter is the chair of Scrutiny committee: change their role first"],
        ),
        ({"name": "A" * 201, "role": "officer", "version": 0}, ["200 characters or fewer"]),
        ({"name": "Ann\x00", "role": "officer", "version": 0}, ["Null characters are not"]),
        (
            {"name": "Ann", "role": "officer"},
            ["The form was sent without the version it was opened on"],
        ),
    ]
    for values, messages in cases:
        refused = office.post(url, values)
        assert refused.status_code == 200, values
        text = refused.content.decode()
        assert "There is a problem" in text
        for message in messages:
            assert message in text, (values, message)
    assert counts() == before

    jo = Member.objects.get(committee=_committee(), name="Jo Simons")
    refused = office.post(f"{BASE}/members/{jo.pk}/edit/", {"name": "", "role": "co_opted"})
    assert "Enter the member&#x27;s name" in refused.content.decode()
    refused = office.post(f"{BASE}/members/{jo.pk}/leave/", {})
    assert "The form was sent without the version" in refused.content.decode()
    assert counts() == before


def test_a_save_over_a_newer_version_is_a_conflict():
    office = client_for("office")
    jo = Member.objects.get(committee=_committee(), name="Jo Simons")
    edit = f"{BASE}/members/{jo.pk}/edit/"
    assert office.post(edit, {"name": "Jo Simons", "role": "officer", "version": 1}).status_code
    stale = office.post(edit, {"name": "Joanna Simons", "role": "co_opted", "version": 1})
    assert stale.status_code == 409
    assert "Someone else saved this first" in stale.content.decode()
    stale_leave = office.post(f"{BASE}/members/{jo.pk}/leave/", {"version": 1})
    assert stale_leave.status_code == 409
    jo.refresh_from_db()
    assert (jo.name, jo.role, jo.left, jo.version) == ("Jo Simons", "officer", False, 2)


def test_a_former_member_keeps_their_interests_but_no_new_ones():
    office = client_for("office")
    jo = Member.objects.get(committee=_committee(), name="Jo Simons")
    interest = jo.interests.get()
    services.member_leave(member=jo, version=1)
    form = office.get(f"{BASE}/committees/scrutiny/interests/new/").content.decode()
    assert "Jo Simons</option>" not in form
    assert "Ruth Hobbs</option>" in form
    refused = office.post(
        f"{BASE}/committees/scrutiny/interests/new/",
        {"member": jo.pk, "area": "Early help", "version": 0},
    )
    assert "Choose a member of Scrutiny committee" in refused.content.decode()
    edit = office.get(f"{BASE}/interests/{interest.pk}/edit/").content.decode()
    assert f'<option value="{jo.pk}" selected>' in edit
    meeting_page = office.get(f"{BASE}/meetings/{interest.noted_at_id}/").content.decode()
    assert "Education for Life – Jo Simons" in meeting_page


def test_restoring_a_version_brings_a_former_member_back_and_a_clash_is_refused():
    office = client_for("office")
    jo = Member.objects.get(committee=_committee(), name="Jo Simons")
    services.member_leave(member=jo, version=1)
    history = f"/somerset/history/member/{jo.pk}/"
    first = jo.history.order_by("history_id").first()
    assert office.get(history).status_code == 200
    assert office.post(f"{history}restore/{first.history_id}/", {}).status_code == 302
    jo.refresh_from_db()
    assert (jo.left, jo.version) == (False, 3)

    services.member_save(committee=_committee(), member=jo, version=3, name="Jo S", role="officer")
    services.member_save(committee=_committee(), name="Jo Simons", role="co_opted")
    refused = office.post(f"{history}restore/{first.history_id}/", {})
    assert refused.status_code == 200
    assert "That version cannot be restored" in refused.content.decode()
    jo.refresh_from_db()
    assert jo.name == "Jo S"


def test_other_roles_get_403_and_other_councils_404():
    jo = Member.objects.get(committee=_committee(), name="Jo Simons")
    urls = [
        f"{BASE}/committees/scrutiny/members/new/",
        f"{BASE}/members/{jo.pk}/edit/",
        f"{BASE}/members/{jo.pk}/leave/",
    ]
    before = counts()
    for username in ("councillor", "lead.education", "finance", "analyst"):
        client = client_for(username)
        for url in urls:
            assert client.get(url).status_code == 403, (username, url)
            sent = {"name": "X", "role": "officer", "version": 1}
            assert client.post(url, sent).status_code == 403, (username, url)
        page = client.get(f"{BASE}/committees/scrutiny/").content.decode()
        assert "Add a member" not in page and "/leave/" not in page
    outsider = client_for("dorset.office")
    for url in urls:
        assert outsider.get(url).status_code == 404, url
        assert outsider.post(url, {"name": "X", "role": "officer", "version": 1}).status_code == 404
    dorset_url = f"/dorset/governance/members/{jo.pk}/edit/"  # Somerset's member under Dorset
    assert outsider.get(dorset_url).status_code == 404
    assert counts() == before


def test_restoring_an_action_brings_back_its_status_and_due_meeting(meeting, next_meeting):
    office = client_for("office")
    action = services.action_create(
        meeting=meeting, text="Circulate contacts", owner="Director", due_meeting=next_meeting
    )
    services.action_update(
        action=action,
        today=datetime.date(2024, 7, 20),
        status="in_progress",
        owner="Director",
        due_date=None,
        due_meeting=next_meeting,
        version=1,
    )
    in_progress = action.history.order_by("-history_id").first()
    services.action_update(
        action=action,
        today=datetime.date(2024, 8, 1),
        status="done",
        owner="Service Manager",
        due_date=datetime.date(2024, 7, 31),
        due_meeting=None,
        version=2,
    )
    restore = f"/somerset/history/action/{action.pk}/restore/{in_progress.history_id}/"
    assert client_for("councillor").post(restore).status_code == 403
    assert office.post(restore, {}).status_code == 302
    action = Action.objects.get(pk=action.pk)
    assert (action.status, action.completed_on, action.owner) == ("in_progress", None, "Director")
    assert (action.due_date, action.due_meeting, action.version) == (None, next_meeting, 4)
    assert action.meeting == meeting  # where it came from stays
