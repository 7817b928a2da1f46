"""No lost updates, summaries, escalations as a log, history and restore."""

from __future__ import annotations

import pytest

from boardpack.core.models import RAG, ReportingPeriod
from boardpack.programme.models import (
    Escalation,
    FinanceSummary,
    ProgrammeUpdate,
    Project,
    WorkstreamUpdate,
)

pytestmark = pytest.mark.django_db

EDIT = "/somerset/programme/2024-06/workstreams/local-mainstream-school/edit/"
DIRECTOR = "/somerset/periods/2024-06/directors-summary/"
FINANCE = "/somerset/periods/2024-06/finance-summary/"


def education() -> WorkstreamUpdate:
    return WorkstreamUpdate.objects.get(
        workstream__slug="local-mainstream-school", period__month="2024-06-01"
    )


def edit(client, version: int, text: str):
    return client.post(
        EDIT,
        {
            "rag": "A",
            "working_well": text,
            "not_working_well": "",
            "to_escalate": "",
            "version": version,
        },
    )


def test_two_concurrent_edits_give_a_conflict_and_neither_is_lost(signed_in):
    lead, office = signed_in("lead.education"), signed_in("office")
    opened = education().version
    assert 'name="version" value="1"' in lead.get(EDIT).content.decode()
    assert edit(office, opened, "The office's point").status_code == 302
    response = edit(lead, opened, "The lead's point")
    assert response.status_code == 409
    page = response.content.decode()
    assert "Someone else saved this first" in page
    assert "The office&#x27;s point" in page and "The lead&#x27;s point" in page
    update = education()
    assert update.working_well == [{"heading": "", "text": "The office's point"}]
    assert update.version == 2
    # The page sends the lead's version back with the newer version number: saving it on
    # purpose works, and the office's stays in the history.
    assert 'name="version" value="2"' in page
    assert edit(lead, 2, "The lead's point").status_code == 302
    update = education()
    assert update.working_well == [{"heading": "", "text": "The lead's point"}]
    texts = [h.working_well for h in update.history.all()]
    assert [{"heading": "", "text": "The office's point"}] in texts


def test_an_edit_without_its_version_is_refused(signed_in):
    response = signed_in("office").post(
        EDIT, {"rag": "A", "working_well": "x", "not_working_well": "", "to_escalate": ""}
    )
    assert response.status_code == 200
    assert "sent without the version" in response.content.decode()
    assert education().version == 1


def test_directors_summary_is_written_and_conflicts_are_caught(signed_in):
    office = signed_in("office")
    assert office.get(DIRECTOR).status_code == 200
    data = {"overall_status": "A", "progress_summary": "First point\nSecond point", "version": 1}
    assert office.post(DIRECTOR, data).status_code == 302
    update = ProgrammeUpdate.objects.get(
        period__month="2024-06-01", programme__organisation__slug="somerset"
    )
    assert update.overall_status == RAG.AMBER and update.status == "draft" and update.version == 2
    assert [p["text"] for p in update.progress_summary] == ["First point", "Second point"]
    assert office.post(DIRECTOR, data).status_code == 409  # opened at version 1
    assert signed_in("lead.education").post(DIRECTOR, data).status_code == 403
    assert signed_in("finance").get(DIRECTOR).status_code == 403


def test_finance_summary_is_written_by_finance(signed_in):
    finance = signed_in("finance")
    data = {
        "overall_status": "R",
        "covering": "June 2024",
        "headline": "Overspend",
        "working_well": "Savings on track",
        "challenges": "Placements",
        "version": 1,
    }
    assert finance.post(FINANCE, data).status_code == 302
    summary = FinanceSummary.objects.get(
        period__month="2024-06-01", programme__organisation__slug="somerset"
    )
    assert (summary.headline, summary.covering, summary.status) == (
        "Overspend",
        "June 2024",
        "draft",
    )
    assert signed_in("councillor").post(FINANCE, data).status_code == 403
    bad = signed_in("finance").post(FINANCE, data | {"overall_status": "P", "version": 2})
    assert bad.status_code == 200
    summary.refresh_from_db()
    assert summary.overall_status == RAG.RED


def test_escalations_log_page_and_edit(signed_in):
    office = signed_in("office")
    page = office.get("/somerset/escalations/").content.decode()
    assert "Open escalations" in page
    escalation = Escalation.objects.filter(workstream__slug="sufficient-homes").first()
    url = f"/somerset/escalations/{escalation.pk}/"
    data = {
        "owner": "Director of Children's Services",
        "decision_needed": "Approve funding",
        "due_date": "31/07/2024",
        "status": "closed",
        "resolution": "",
        "closed_reason": "",
        "version": 1,
    }
    response = office.post(url, data)
    assert response.status_code == 200
    assert "Give the reason for closing the escalation" in response.content.decode()
    escalation.refresh_from_db()
    assert escalation.status == "open" and escalation.owner == ""
    other_project = Project.objects.filter(workstream__slug="local-mainstream-school").first()
    response = office.post(url, data | {"status": "in_hand", "project": other_project.pk})
    assert "Select a project of this workstream" in response.content.decode()
    project = escalation.workstream.projects.first()
    response = office.post(url, data | {"status": "in_hand", "project": project.pk})
    assert response.status_code == 302
    escalation.refresh_from_db()
    assert escalation.project == project
    assert project.name in office.get("/somerset/escalations/").content.decode()
    assert (escalation.owner, str(escalation.due_date), escalation.status) == (
        "Director of Children's Services",
        "2024-07-31",
        "in_hand",
    )
    assert "Approve funding" in office.get("/somerset/escalations/").content.decode()
    # The lead of another workstream may not change it; a closed one leaves the log.
    assert signed_in("lead.education").post(url, data).status_code == 403
    office.post(url, data | {"closed_reason": "Funding agreed", "version": 2})
    escalation.refresh_from_db()
    assert escalation.status == "closed"
    assert escalation.text not in office.get("/somerset/escalations/").content.decode()
    bad_date = office.post(url, data | {"due_date": "31/02/2024", "version": 3})
    assert "Enter the due date as a real date" in bad_date.content.decode()


def test_history_shows_a_readable_diff_and_restore_makes_a_new_version(signed_in):
    office = signed_in("office")
    update = education()
    original = update.working_well
    edit(office, 1, "Replaced point")
    url = f"/somerset/history/workstream-update/{update.pk}/"
    page = office.get(url).content.decode()
    assert "Changed by Priya Office" in page
    assert "Replaced point" in page and "Working well" in page
    first = update.history.order_by("history_id").first()
    restore = f"{url}restore/{first.history_id}/"
    assert signed_in("lead.homes").post(restore).status_code == 403
    assert signed_in("councillor").get(url).status_code == 403
    assert office.get(restore).status_code == 200
    assert office.post(restore).status_code == 302
    update = education()
    assert update.working_well == original and update.version == 3
    assert update.history.count() == 3  # loaded, edited, restored: nothing overwritten
    assert update.history.first().history_change_reason.startswith("Restored the version of")
    # Another organisation's record, or a version of another record: 404.
    other = WorkstreamUpdate.objects.exclude(pk=update.pk).first()
    other_version = other.history.first().history_id
    assert office.post(f"{url}restore/{other_version}/").status_code == 404
    assert (
        signed_in("dorset.office")
        .get(f"/dorset/history/workstream-update/{update.pk}/")
        .status_code
        == 404
    )
    assert office.get("/somerset/history/nothing/1/").status_code == 404


def test_restoring_in_a_closed_period_needs_a_reason(signed_in):
    office = signed_in("office")
    update = education()
    edit(office, 1, "Replaced point")
    ReportingPeriod.objects.filter(pk=update.period_id).update(status="closed")
    first = update.history.order_by("history_id").first()
    restore = f"/somerset/history/workstream-update/{update.pk}/restore/{first.history_id}/"
    response = office.post(restore, {"reason": ""})
    assert response.status_code == 200 and "give the reason" in response.content.decode()
    assert education().version == 2
    assert office.post(restore, {"reason": "Restore what was presented"}).status_code == 302
    assert "Restore what was presented" in education().history.first().history_change_reason


def test_finance_positions_have_history_and_finance_restores_them(signed_in):
    from boardpack.finance.models import SavingPosition

    position = SavingPosition.objects.filter(
        line__organisation__slug="somerset", period__month="2024-06-01"
    ).first()
    before = position.comment
    position.comment = "Changed by mistake"
    position.save()
    url = f"/somerset/history/saving-position/{position.pk}/"
    page = signed_in("finance").get(url).content.decode()
    assert "Changed by mistake" in page
    first = position.history.order_by("history_id").first()
    assert signed_in("office").post(f"{url}restore/{first.history_id}/").status_code == 403
    assert signed_in("finance").post(f"{url}restore/{first.history_id}/").status_code == 302
    position.refresh_from_db()
    assert position.comment == before
    assert signed_in("dorset.office").get(url.replace("somerset", "dorset")).status_code == 404
