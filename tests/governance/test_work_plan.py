"""The programme office keeps a committee's work plan on the pages: a topic is added with the
meeting it is planned for (the demo's meetings have no date) or when in words, and the action it
came from; it is changed, then considered or withdrawn (kept on the plan, nothing deleted), each
with who did it in the history. Bad input is refused whole; other roles get 403, other councils
404."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from boardpack.governance import services
from boardpack.governance.models import Action, Committee, Meeting, WorkPlanItem
from tests.conftest import client_for
from tests.governance.conftest import minuted_meeting

pytestmark = pytest.mark.django_db

BASE = "/somerset/governance"
NEW = f"{BASE}/committees/scrutiny/work-plan/new/"


def _committee() -> Committee:
    return Committee.objects.get(organisation__slug="somerset", slug="scrutiny")


def _next_meeting() -> Meeting:
    return _committee().meetings.get(title="Next meeting (date not yet set)")


def _free_action() -> Action:
    """One of the demo meeting's actions that has not added a topic to the work plan."""
    action = Action.objects.filter(
        meeting=minuted_meeting("somerset"), work_plan_item__isnull=True
    ).first()
    assert action is not None
    return action


def counts() -> tuple[int, int]:
    return (WorkPlanItem.objects.count(), WorkPlanItem.history.count())


def test_a_topic_is_added_changed_considered_and_withdrawn_with_history():
    office = client_for("office")
    committee_page = f"{BASE}/committees/scrutiny/"
    page = office.get(committee_page).content.decode()
    assert "data sharing (‘how it works’)" in page  # the demo's, added by an action
    assert f'href="{NEW}"' in page
    form = office.get(NEW).content.decode()
    assert '<label class="govuk-label govuk-label--s" for="id_topic">Topic</label>' in form
    assert "Not planned for a meeting yet</option>" in form
    assert "Next meeting (date not yet set)</option>" in form
    assert "Date not stated</option>" in form  # the minuted meeting: no date, no title
    assert 'name="status"' not in form  # a new topic is planned

    meeting, action = _next_meeting(), _free_action()
    added = office.post(
        NEW,
        {
            "topic": "  Early help performance ",
            "planned_meeting": meeting.pk,
            "timing": "",
            "added_by": action.pk,
            "version": 0,
        },
    )
    assert added.status_code == 302, added.context["form"].errors
    assert added.url == f"{committee_page}#work-plan"
    topic = WorkPlanItem.objects.get(topic="Early help performance")
    assert (topic.committee, topic.planned_meeting, topic.added_by) == (
        _committee(),
        meeting,
        action,
    )
    assert (topic.status, topic.timing, topic.version) == ("planned", "", 1)
    assert topic.history.get().history_user.username == "office"
    page = office.get(committee_page).content.decode()
    assert "Topic added to the work plan." in page
    assert "Early help performance" in page
    edit = f"{BASE}/work-plan/{topic.pk}/edit/"
    assert f'href="{edit}"' in page
    assert 'Change<span class="govuk-visually-hidden"> Early help performance</span>' in page

    form = office.get(edit).content.decode()
    assert 'name="status"' in form and 'value="planned"' in form
    assert f'<option value="{action.pk}" selected>' in form  # its own action stays a choice
    changed = office.post(
        edit,
        {
            "topic": "Early help: performance",
            "planned_meeting": "",
            "timing": "after the consultation",
            "added_by": "",
            "status": "planned",
            "version": 1,
        },
    )
    assert changed.status_code == 302
    topic.refresh_from_db()
    assert (topic.topic, topic.planned_meeting, topic.timing) == (
        "Early help: performance",
        None,
        "after the consultation",
    )
    assert (topic.added_by, topic.version) == (None, 2)
    assert "after the consultation" in office.get(committee_page).content.decode()

    for version, status, shown in ((2, "considered", "Considered"), (3, "withdrawn", "Withdrawn")):
        sent = {"topic": topic.topic, "timing": topic.timing, "status": status, "version": version}
        assert office.post(edit, sent).status_code == 302
        topic.refresh_from_db()
        assert (topic.status, topic.version) == (status, version + 1)
        assert shown in office.get(committee_page).content.decode()
    assert WorkPlanItem.objects.filter(pk=topic.pk).exists()  # withdrawn, not deleted
    assert [h.history_user.username for h in topic.history.all()] == ["office"] * 4

    history = f"/somerset/history/work-plan-item/{topic.pk}/"
    assert f'href="{history}"' in office.get(edit).content.decode()
    shown = office.get(history).content.decode()
    assert "Work plan topic" in shown and "Withdrawn" in shown
    first = topic.history.order_by("history_id").first()
    assert office.post(f"{history}restore/{first.history_id}/", {}).status_code == 302
    topic.refresh_from_db()
    assert (topic.topic, topic.status, topic.planned_meeting) == (
        "Early help performance",
        "planned",
        meeting,
    )
    assert topic.version == 5


def test_bad_input_is_refused_whole_with_messages():
    office = client_for("office")
    other = Committee.objects.create(
        organisation=_committee().organisation, name="Corporate Parenting Board", slug="cpb"
    )
    other_meeting = services.meeting_save(committee=other, date=None, title="First meeting")
    dorset_meeting = minuted_meeting("dorset")
    taken = WorkPlanItem.objects.get(committee=_committee()).added_by
    before = counts()
    ok = {"topic": "A topic", "planned_meeting": "", "timing": "", "added_by": "", "version": 0}
    cases = [
        ({**ok, "topic": ""}, "Enter the topic"),
        ({**ok, "topic": "   "}, "Enter the topic"),
        ({**ok, "topic": "A" * 301}, "The topic must be 300 characters or fewer"),
        ({**ok, "timing": "A" * 201}, "When, in words, must be 200 characters or fewer"),
        ({**ok, "planned_meeting": other_meeting.pk}, "Choose a meeting of Scrutiny committee"),
        ({**ok, "planned_meeting": dorset_meeting.pk}, "Choose a meeting of Scrutiny committee"),
        ({**ok, "planned_meeting": "x"}, "Choose a meeting of Scrutiny committee"),
        (
            {**ok, "added_by": taken.pk},
            "Choose an action of Scrutiny committee that has not added a topic already",
        ),
        ({**ok, "topic": "A\x00"}, "Null characters are not"),
        ({k: v for k, v in ok.items() if k != "version"}, "The form was sent without the version"),
    ]
    for values, message in cases:
        refused = office.post(NEW, values)
        assert refused.status_code == 200, values
        text = refused.content.decode()
        assert "There is a problem" in text
        assert message in text, (values, message)
    assert counts() == before

    topic = WorkPlanItem.objects.get(committee=_committee())
    edit = f"{BASE}/work-plan/{topic.pk}/edit/"
    refused = office.post(edit, {**ok, "status": "done", "version": 1})
    assert "Select planned, considered or withdrawn" in refused.content.decode()
    refused = office.post(edit, {**ok, "version": 1})
    assert "Select where the topic stands" in refused.content.decode()
    assert counts() == before

    # The service refuses what the form cannot send: another committee's meeting or action.
    with pytest.raises(ValidationError) as refused_meeting:
        services.work_plan_item_save(
            committee=_committee(), topic="A topic", planned_meeting=other_meeting
        )
    assert refused_meeting.value.message_dict == {
        "planned_meeting": ["Choose a meeting of Scrutiny committee"]
    }
    dorset_action = Action.objects.filter(meeting=dorset_meeting).first()
    with pytest.raises(ValidationError) as refused_action:
        services.work_plan_item_save(committee=_committee(), topic="A", added_by=dorset_action)
    assert refused_action.value.message_dict == {
        "added_by": ["Choose an action of Scrutiny committee"]
    }
    with pytest.raises(ValidationError) as refused_twice:
        services.work_plan_item_save(committee=_committee(), topic="A", added_by=taken)
    assert "already added a topic" in str(refused_twice.value)
    with pytest.raises(ValidationError):
        services.work_plan_item_save(committee=_committee(), topic="  ")
    assert counts() == before


def test_a_save_over_a_newer_version_is_a_conflict():
    office = client_for("office")
    topic = WorkPlanItem.objects.get(committee=_committee())
    edit = f"{BASE}/work-plan/{topic.pk}/edit/"
    sent = {"topic": topic.topic, "timing": "", "status": "considered", "version": 1}
    assert office.post(edit, sent).status_code == 302
    stale = office.post(edit, {**sent, "topic": "Data sharing", "status": "withdrawn"})
    assert stale.status_code == 409
    text = stale.content.decode()
    assert "Someone else saved this first" in text
    assert "Considered" in text and "Withdrawn" in text
    topic.refresh_from_db()
    assert (topic.topic, topic.status, topic.version) == (
        "data sharing (‘how it works’)",
        "considered",
        2,
    )


def test_other_roles_get_403_and_other_councils_404():
    topic = WorkPlanItem.objects.get(committee=_committee())
    urls = [NEW, f"{BASE}/work-plan/{topic.pk}/edit/"]
    sent = {"topic": "X", "status": "withdrawn", "version": 1}
    before = counts()
    for username in ("councillor", "lead.education", "finance", "analyst"):
        client = client_for(username)
        for url in urls:
            assert client.get(url).status_code == 403, (username, url)
            assert client.post(url, sent).status_code == 403, (username, url)
        page = client.get(f"{BASE}/committees/scrutiny/").content.decode()
        assert "data sharing (‘how it works’)" in page  # they read the plan
        assert "Add a topic to the work plan" not in page
        assert "/work-plan/new/" not in page and f"/work-plan/{topic.pk}/edit/" not in page
    outsider = client_for("dorset.office")
    for url in urls:
        assert outsider.get(url).status_code == 404, url
        assert outsider.post(url, sent).status_code == 404, url
    # Somerset's topic under Dorset's address is not Dorset's either.
    dorset_url = f"/dorset/governance/work-plan/{topic.pk}/edit/"
    assert outsider.get(dorset_url).status_code == 404
    assert outsider.post(dorset_url, sent).status_code == 404
    assert outsider.get(f"/somerset/history/work-plan-item/{topic.pk}/").status_code == 404
    assert counts() == before
