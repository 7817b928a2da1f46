"""The monthly cycle through the pages: open July, carry June forward, submit, return, approve,
close; who may take each step; what councillors see."""

from __future__ import annotations

import pytest

from boardpack.core.models import RAG, ReportingPeriod
from boardpack.programme.models import (
    Escalation,
    FinanceSummary,
    ProgrammeUpdate,
    ProjectUpdate,
    Workstream,
    WorkstreamUpdate,
)
from boardpack.workflow.models import FinanceApproval

pytestmark = pytest.mark.django_db

PERIODS = "/somerset/periods/"
JULY = "/somerset/periods/2024-07/"
EDUCATION_JULY = "/somerset/programme/2024-07/workstreams/local-mainstream-school/"


def open_july(client) -> ReportingPeriod:
    response = client.post(PERIODS, {"frequency": "month"})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert response["Location"] == JULY
    return ReportingPeriod.objects.get(organisation__slug="somerset", month="2024-07-01")


def update_for(slug: str, period: ReportingPeriod) -> WorkstreamUpdate:
    return WorkstreamUpdate.objects.get(workstream__slug=slug, period=period)


def act(client, record_kind: str, pk: int, action: str, follow: bool = False, **extra):
    return client.post(
        f"/somerset/approval/{record_kind}/{pk}/", {"action": action, **extra}, follow=follow
    )


def test_opening_july_carries_june_forward_as_drafts(signed_in):
    june = ReportingPeriod.objects.get(organisation__slug="somerset", month="2024-06-01")
    june_escalations = Escalation.objects.filter(period=june, archived=False).count()
    ProjectUpdate.objects.create(
        project=Workstream.objects.get(slug="local-mainstream-school").projects.first(),
        period=june,
        rag=RAG.AMBER,
        stage="underway",
        commentary="Said in June",
    )
    closed = Escalation.objects.filter(period=june).first()
    closed.status, closed.closed_reason = Escalation.Status.CLOSED, "Decided in June"
    closed.save()

    july = open_july(signed_in("office"))
    assert july.frequency == "month" and july.status == "open"
    for june_update in WorkstreamUpdate.objects.filter(period=june):
        copy = update_for(june_update.workstream.slug, july)
        assert copy.working_well == june_update.working_well
        assert copy.not_working_well == june_update.not_working_well
        assert copy.status == "draft" and copy.carried_forward_from == june
    assert ProgrammeUpdate.objects.get(period=july).progress_summary == (
        ProgrammeUpdate.objects.get(period=june).progress_summary
    )
    assert FinanceSummary.objects.get(period=july).carried_forward_from == june
    project = ProjectUpdate.objects.get(period=july)
    assert (project.rag, project.stage, project.commentary) == (RAG.AMBER, "underway", "")
    # Open escalations come along, linked to June's; the closed one stays behind.
    july_escalations = Escalation.objects.filter(period=july)
    assert july_escalations.count() == june_escalations - 1
    assert all(e.carried_from.period == june for e in july_escalations)
    assert not july_escalations.filter(text=closed.text, workstream=closed.workstream).exists()

    page = signed_in("office").get(EDUCATION_JULY).content.decode()
    assert "Carried forward from June 2024" in page and "Draft" in page
    # Opening again opens August, never a second July.
    assert signed_in("office").post(PERIODS, {"frequency": "month"})["Location"] == (
        "/somerset/periods/2024-08/"
    )


def test_a_quarter_is_financial_year_aware(signed_in):
    response = signed_in("office").post(PERIODS, {"frequency": "quarter"})
    # After June 2024 (the end of Q1 2024/25) the next quarter is Q2: July to September.
    assert response["Location"] == "/somerset/periods/2024-09/"
    period = ReportingPeriod.objects.get(organisation__slug="somerset", month="2024-09-01")
    assert period.frequency == "quarter" and period.label == "Q2 2024/25"


@pytest.mark.parametrize("username", ["lead.education", "finance", "councillor", "analyst"])
def test_only_the_programme_office_opens_and_closes_periods(signed_in, username):
    before = ReportingPeriod.objects.count()
    client = signed_in(username)
    assert client.post(PERIODS, {"frequency": "month"}).status_code == 403
    assert client.post("/somerset/periods/2024-06/close/").status_code == 403
    assert ReportingPeriod.objects.count() == before
    assert ReportingPeriod.objects.get(month="2024-06-01").status == "open"


def test_bad_frequency_is_refused_and_writes_nothing(signed_in):
    before = ReportingPeriod.objects.count()
    response = signed_in("office").post(PERIODS, {"frequency": "fortnight"})
    assert response.status_code == 200
    assert "Select month or quarter" in response.content.decode()
    assert ReportingPeriod.objects.count() == before


def test_submit_return_resubmit_approve_close(signed_in):
    office, lead = signed_in("office"), signed_in("lead.education")
    july = open_july(office)
    update = update_for("local-mainstream-school", july)

    # A councillor lands on June while July has nothing approved.
    assert signed_in("councillor").get("/somerset/programme/")["Location"].endswith("/2024-06/")
    assert office.get("/somerset/programme/")["Location"].endswith("/2024-07/")

    # Only the programme office approves; a lead cannot approve even their own.
    assert act(lead, "workstream-update", update.pk, "submit").status_code == 302
    assert act(lead, "workstream-update", update.pk, "approve").status_code == 403
    update.refresh_from_db()
    assert update.status == "submitted"

    # Returning needs a comment.
    act(office, "workstream-update", update.pk, "return")
    update.refresh_from_db()
    assert update.status == "submitted"
    act(office, "workstream-update", update.pk, "return", comment="Add the July figures")
    update.refresh_from_db()
    assert (update.status, update.status_comment) == ("returned", "Add the July figures")
    assert "Add the July figures" in lead.get(EDUCATION_JULY).content.decode()

    act(lead, "workstream-update", update.pk, "submit")

    # Closing is refused while anything is not approved, listing it.
    response = office.post(f"{JULY}close/")
    assert response.status_code == 400
    text = response.content.decode()
    assert "Workstream update: Local mainstream school" in text and "Submitted" in text
    assert "Director&#x27;s summary" in text
    july.refresh_from_db()
    assert july.status == "open"

    act(office, "workstream-update", update.pk, "approve")
    update.refresh_from_db()
    assert update.status == "approved" and update.status_changed_by.username == "office"
    # Now councillors see July, with the approved update only.
    assert signed_in("councillor").get("/somerset/programme/")["Location"].endswith("/2024-07/")

    finance = signed_in("finance")
    for other in WorkstreamUpdate.objects.filter(period=july).exclude(pk=update.pk):
        act(office, "workstream-update", other.pk, "submit")
        act(office, "workstream-update", other.pk, "approve")
    director = ProgrammeUpdate.objects.get(period=july)
    act(office, "programme-update", director.pk, "submit")
    act(office, "programme-update", director.pk, "approve")
    summary = FinanceSummary.objects.get(period=july)
    assert act(office, "finance-summary", summary.pk, "approve").status_code == 403
    act(finance, "finance-summary", summary.pk, "submit")
    act(finance, "finance-summary", summary.pk, "approve")
    assert office.post(f"{JULY}close/").status_code == 302
    july.refresh_from_db()
    assert july.status == "closed"

    # Frozen: no more steps, and an edit needs a reason.
    act(office, "workstream-update", update.pk, "return", comment="Too late")
    update.refresh_from_db()
    assert update.status == "approved"


def test_members_see_approved_content_only_and_officers_see_drafts_marked(signed_in):
    july = open_july(signed_in("office"))
    councillor_page = signed_in("councillor").get(EDUCATION_JULY).content.decode()
    assert "has not been approved yet" in councillor_page
    june_point = update_for("local-mainstream-school", july).working_well[0]["text"]
    assert june_point.replace("'", "&#x27;") not in councillor_page
    officer_page = signed_in("analyst").get(EDUCATION_JULY).content.decode()
    assert june_point.replace("'", "&#x27;") in officer_page
    api = signed_in("councillor").get("/api/v1/programme", {"period": "2024-07"}).json()
    assert all(ws["working_well"] == [] for ws in api["workstreams"])
    assert api["finance_summary"] is None
    api = signed_in("office").get("/api/v1/programme", {"period": "2024-07"}).json()
    assert any(ws["working_well"] for ws in api["workstreams"])


def test_dorset_cannot_approve_a_somerset_update(signed_in):
    update = update_for("local-mainstream-school", ReportingPeriod.objects.get(month="2024-06-01"))
    response = act(
        signed_in("dorset.office"), "workstream-update", update.pk, "return", comment="x"
    )
    assert response.status_code == 404
    # Somerset's own URL with Dorset's slug: the record is not Dorset's.
    response = signed_in("dorset.office").post(
        f"/dorset/approval/workstream-update/{update.pk}/", {"action": "return", "comment": "x"}
    )
    assert response.status_code == 404
    update.refresh_from_db()
    assert update.status == "approved"


@pytest.mark.parametrize("action", ["", "publish", "approve"])
def test_a_role_that_may_take_no_step_gets_403_whatever_it_asks(signed_in, action):
    """Even a missing or unknown action: 403 (not a message and a redirect), nothing written."""
    update = update_for("local-mainstream-school", ReportingPeriod.objects.get(month="2024-06-01"))
    june_savings = "/somerset/periods/2024-06/finance/savings/"
    approvals = FinanceApproval.objects.count()
    for username in ("councillor", "analyst", "finance"):
        assert act(signed_in(username), "workstream-update", update.pk, action).status_code == 403
    for username in ("councillor", "analyst", "office", "lead.education"):
        response = signed_in(username).post(june_savings, {"action": action})
        assert response.status_code == 403, username
    update.refresh_from_db()
    assert update.status == "approved" and FinanceApproval.objects.count() == approvals
    # Those who may take a step are told what is wrong with an unknown action.
    for username, url in (
        ("office", f"/somerset/approval/workstream-update/{update.pk}/"),
        ("finance", june_savings),
    ):
        if action == "approve":
            continue
        response = signed_in(username).post(url, {"action": action}, follow=True)
        assert "Choose submit, approve or return." in response.content.decode()
    update.refresh_from_db()
    assert update.status == "approved" and FinanceApproval.objects.count() == approvals


def test_finance_positions_are_approved_per_dataset(signed_in):
    period = ReportingPeriod.objects.get(organisation__slug="somerset", month="2022-12-01")
    approval = FinanceApproval.objects.get(period=period, dataset="budget")
    assert approval.status == "approved"  # the demo's figures were presented
    approval.status = "draft"
    approval.save()
    url = "/somerset/periods/2022-12/finance/budget/"
    assert signed_in("office").post(url, {"action": "submit"}).status_code == 403
    signed_in("finance").post(url, {"action": "submit"})
    approval.refresh_from_db()
    assert approval.status == "submitted"
    signed_in("finance").post(url, {"action": "approve"})
    approval.refresh_from_db()
    assert approval.status == "approved"
    assert (
        signed_in("finance").post("/somerset/periods/2022-12/finance/nope/", {}).status_code == 404
    )


def test_outstanding_page_names_owners(signed_in):
    open_july(signed_in("office"))
    text = signed_in("office").get(JULY).content.decode()
    assert "Workstream update: Local mainstream school" in text
    rows = text.split("Workstream update: ")
    education = next(r for r in rows if r.startswith("Local mainstream school"))
    assert "Liam Lead" in education.split("</tr>")[0]  # the workstream's lead owns it
    assert "Femi Finance" in text  # the finance summary's owner
    assert "Director&#x27;s summary" in text and "Finance summary" in text
    assert signed_in("councillor").get(JULY).status_code == 403


def test_members_see_finance_figures_only_once_approved(signed_in):
    period = ReportingPeriod.objects.get(organisation__slug="somerset", month="2022-12-01")
    url = "/somerset/finance/budget/2022-12/"
    assert "Prevention" in signed_in("councillor").get(url).content.decode()
    FinanceApproval.objects.filter(period=period, dataset="budget").update(status="submitted")
    page = signed_in("councillor").get(url).content.decode()
    assert "have not been approved yet" in page and "Prevention" not in page
    assert "Prevention" in signed_in("analyst").get(url).content.decode()


def test_members_keep_the_approved_version_while_an_edit_awaits_approval(signed_in):
    june = ReportingPeriod.objects.get(organisation__slug="somerset", month="2024-06-01")
    update = update_for("local-mainstream-school", june)
    approved_points = update.working_well
    escalations = list(
        Escalation.objects.filter(workstream=update.workstream, period=june).values_list(
            "text", flat=True
        )
    )
    response = signed_in("lead.education").post(
        "/somerset/programme/2024-06/workstreams/local-mainstream-school/edit/",
        {
            "rag": "R",
            "working_well": "A draft point",
            "not_working_well": "",
            "to_escalate": "A draft escalation",
            "version": update.version,
        },
    )
    assert response.status_code == 302
    member = signed_in("councillor").get("/api/v1/programme", {"period": "2024-06"}).json()
    education = next(ws for ws in member["workstreams"] if ws["slug"] == "local-mainstream-school")
    assert [p["text"] for p in education["working_well"]] == [p["text"] for p in approved_points]
    assert [e["text"] for e in education["to_escalate"]] == escalations
    assert education["rag"] == "N" and education["approval"] == "approved"
    page = (
        signed_in("councillor")
        .get("/somerset/programme/2024-06/workstreams/local-mainstream-school/")
        .content.decode()
    )
    assert "A draft point" not in page and "A draft escalation" not in page
    officer = signed_in("office").get("/api/v1/programme", {"period": "2024-06"}).json()
    education = next(ws for ws in officer["workstreams"] if ws["slug"] == "local-mainstream-school")
    assert education["working_well"] == [{"heading": "", "text": "A draft point"}]
    assert education["approval"] == "draft" and education["rag"] == "R"


def test_dorset_office_opens_its_first_period_from_the_empty_programme(signed_in):
    office = signed_in("dorset.office")
    page = office.get("/dorset/programme/").content.decode()
    assert 'href="/dorset/periods/"' in page
    response = office.post("/dorset/periods/", {"frequency": "month"})
    assert response.status_code == 302
    period = ReportingPeriod.objects.get(organisation__slug="dorset")
    assert period.status == "open" and period.frequency == "month"
    # Nothing to carry forward from; every workstream's update is outstanding.
    text = office.get(response["Location"]).content.decode()
    assert text.count("Not started") >= 2


@pytest.mark.parametrize(
    ("comment", "message"),
    [("x" * 2001, "2000 characters or fewer"), ("bad\x00", "NUL character"), (" ", "Say what")],
)
def test_a_bad_return_comment_is_refused_and_writes_nothing(signed_in, comment, message):
    update = update_for("local-mainstream-school", ReportingPeriod.objects.get(month="2024-06-01"))
    WorkstreamUpdate.objects.filter(pk=update.pk).update(status="submitted")
    response = act(
        signed_in("office"), "workstream-update", update.pk, "return", comment=comment, follow=True
    )
    assert message in response.content.decode()
    update.refresh_from_db()
    assert (update.status, update.status_comment) == ("submitted", "")
