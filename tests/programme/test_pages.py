"""Every programme page, for signed-in and anonymous users."""

import pytest
from django.urls import reverse

from boardpack.core.models import RAG, ReportingPeriod
from boardpack.programme.models import Escalation, WorkstreamUpdate

pytestmark = pytest.mark.django_db

OVERVIEW = "/somerset/programme/2024-06/"
MAINSTREAM = "/somerset/programme/2024-06/workstreams/local-mainstream-school/"
HOMES = "/somerset/programme/2024-06/workstreams/sufficient-homes/"

PAGES = [
    "/",
    "/organisations/",
    "/somerset/programme/",
    OVERVIEW,
    MAINSTREAM,
    MAINSTREAM + "edit/",
]


@pytest.mark.parametrize("url", PAGES)
def test_anonymous_visitors_are_sent_to_sign_in(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:sign-in"))


def test_sign_in_page(client):
    response = client.get("/sign-in/")
    assert response.status_code == 200
    assert b"Sign in to Boardpack" in response.content


@pytest.mark.parametrize("username", ["office", "lead.education", "finance", "councillor"])
def test_signed_in_pages(signed_in, username):
    client = signed_in(username)
    assert client.get("/").status_code == 302
    assert client.get("/somerset/programme/")["Location"] == OVERVIEW
    overview = client.get(OVERVIEW)
    assert overview.status_code == 200
    text = overview.content.decode()
    assert "Children&#x27;s Transformation Programme" in text
    assert "Our vision is that Somerset’s children" in text
    assert "Local mainstream school is the right choice for most children" in text
    assert "Rising numbers of children and young people coming into care" in text
    assert client.get(MAINSTREAM).status_code == 200


def test_overview_counts_points_and_escalations(signed_in):
    response = signed_in("councillor").get(OVERVIEW)
    rows = {ws.workstream.slug: ws for ws in response.context["position"].workstreams}
    assert len(rows["local-mainstream-school"].projects) == 7
    assert len(rows["local-mainstream-school"].working_well) == 9
    assert len(rows["sufficient-homes"].escalations) == 3
    assert response.context["position"].finance_summary.overall_status == RAG.RED


def test_workstream_page_shows_projects_lists_and_history(signed_in):
    response = signed_in("councillor").get(HOMES)
    text = response.content.decode()
    assert "Homes and Horizons" in text
    assert "Working well" in text and "Not working well" in text and "To escalate" in text
    assert "Marketing support for Fostering" in text
    assert "Earlier periods" in text
    assert "Edit the update" not in text


def test_period_switcher_and_unknown_periods(signed_in):
    client = signed_in("office")
    assert client.get(OVERVIEW + "?switch=2024-06")["Location"] == OVERVIEW
    assert client.get("/somerset/programme/2024-06/?switch=nonsense").status_code == 404
    assert client.get("/somerset/programme/2031-01/").status_code == 404
    assert client.get("/somerset/programme/2024-13/").status_code == 404
    assert client.get("/somerset/programme/june/").status_code == 404
    assert client.get("/somerset/programme/2024-06/workstreams/nope/").status_code == 404


def test_dorset_without_periods_shows_its_programme(signed_in):
    response = signed_in("dorset.office").get("/dorset/programme/")
    assert response.status_code == 200
    assert b"Blueprint for Change" in response.content
    assert b"No reporting period has been opened yet" in response.content


class TestEditing:
    def post(self, client, url=MAINSTREAM + "edit/", **overrides):
        slug = url.rstrip("/").split("/")[-2]
        update = WorkstreamUpdate.objects.filter(
            workstream__slug=slug, period__month="2024-06-01"
        ).first()
        data = {
            "rag": "A",
            "working_well": "# Finance\nBudgets set\nMonitoring in place",
            "not_working_well": "Staff shortages",
            "to_escalate": "Need HR capacity",
            "version": update.version if update else 0,  # the version the form was opened on
        }
        data.update(overrides)
        return client.post(url, data)

    def test_lead_edits_their_own_workstream(self, signed_in):
        client = signed_in("lead.education")
        assert client.get(MAINSTREAM).content.decode().count("Edit the update") == 1
        assert client.get(MAINSTREAM + "edit/").status_code == 200
        response = self.post(client)
        assert response.status_code == 302
        update = WorkstreamUpdate.objects.get(
            workstream__slug="local-mainstream-school", period__month="2024-06-01"
        )
        assert update.rag == RAG.AMBER
        assert update.working_well == [
            {"heading": "Finance", "text": "Budgets set"},
            {"heading": "Finance", "text": "Monitoring in place"},
        ]
        escalation = Escalation.objects.get(workstream=update.workstream, period=update.period)
        assert escalation.text == "Need HR capacity"
        assert update.history.count() == 2  # loaded, then edited: nothing lost
        assert update.history.first().history_user.username == "lead.education"

    def test_escalation_status_survives_an_edit(self, signed_in):
        client = signed_in("lead.homes")
        url = HOMES + "edit/"
        kept = Escalation.objects.get(text="Rising demand for Children Looked After")
        kept.status = Escalation.Status.IN_HAND
        kept.save()
        response = self.post(
            client,
            url,
            to_escalate="Rising demand for Children Looked After\nA new one",
        )
        assert response.status_code == 302
        texts = dict(
            Escalation.objects.filter(
                workstream__slug="sufficient-homes", archived=False
            ).values_list("text", "status")
        )
        # The two taken out of the update are archived, never deleted.
        assert Escalation.objects.filter(workstream__slug="sufficient-homes").count() == 4
        assert texts == {
            "Rising demand for Children Looked After": "in_hand",
            "A new one": "open",
        }

    def test_lead_is_refused_another_leads_workstream(self, signed_in):
        client = signed_in("lead.education")
        assert client.get(HOMES + "edit/").status_code == 403
        assert self.post(client, HOMES + "edit/").status_code == 403
        assert "Edit the update" not in client.get(HOMES).content.decode()

    @pytest.mark.parametrize("username", ["councillor", "finance", "analyst"])
    def test_readers_cannot_edit(self, signed_in, username):
        client = signed_in(username)
        assert client.get(MAINSTREAM + "edit/").status_code == 403
        assert self.post(client).status_code == 403

    def test_programme_office_edits_any_workstream(self, signed_in):
        assert self.post(signed_in("office"), HOMES + "edit/").status_code == 302

    def test_closed_period_takes_a_correction_only_with_a_reason(self, signed_in):
        ReportingPeriod.objects.filter(organisation__slug="somerset").update(status="closed")
        update = WorkstreamUpdate.objects.get(
            workstream__slug="local-mainstream-school", period__month="2024-06-01"
        )
        client = signed_in("office")
        response = self.post(client)
        assert response.status_code == 200
        assert (
            "June 2024 is closed: give the reason for the correction" in response.content.decode()
        )
        update.refresh_from_db()
        assert update.rag == RAG.NOT_RATED and update.version == 1  # nothing written

        response = self.post(client, reason="Typo in the published paper")
        assert response.status_code == 302
        update.refresh_from_db()
        assert update.rag == RAG.AMBER
        assert update.status == "approved"  # a correction of approved content stays approved
        assert update.history.first().history_change_reason == "Typo in the published paper"

    @pytest.mark.parametrize(
        ("overrides", "field", "message"),
        [
            ({"rag": ""}, "rag", "Select a RAG status"),
            ({"rag": "P"}, "rag", "Select Red, Amber, Green or Not rated as the RAG status"),
            (
                {"working_well": "", "not_working_well": ""},
                "working_well",
                "Enter at least one point in working well or not working well",
            ),
            ({"working_well": "x" * 20001}, "working_well", "20000 characters or fewer"),
            ({"not_working_well": "y" * 2001}, "not_working_well", "a point can be at most 2000"),
            ({"to_escalate": "bad\x00text"}, "to_escalate", "NUL character"),
        ],
    )
    def test_bad_input_names_the_field_and_writes_nothing(
        self, signed_in, overrides, field, message
    ):
        before = WorkstreamUpdate.history.count(), Escalation.history.count()
        response = self.post(signed_in("lead.education"), **overrides)
        assert response.status_code == 200
        errors = response.context["form"].errors
        assert any(message in e for e in errors[field]), errors
        text = response.content.decode()
        assert "There is a problem" in text
        assert f'href="#id_{field}"' in text
        assert (WorkstreamUpdate.history.count(), Escalation.history.count()) == before


class TestProjectUpdates:
    URL = MAINSTREAM + "edit/"

    def data(self, **projects):
        data = {
            "rag": "G",
            "working_well": "Budgets set",
            "not_working_well": "",
            "to_escalate": "",
            "version": 1,  # the June update as loaded
        }
        for project_id, (rag, stage, commentary) in projects.items():
            data.update(
                {
                    f"project-{project_id}-rag": rag,
                    f"project-{project_id}-stage": stage,
                    f"project-{project_id}-commentary": commentary,
                }
            )
        return data

    def projects(self):
        from boardpack.programme.models import Project

        return list(
            Project.objects.filter(workstream__slug="local-mainstream-school").order_by("order")
        )

    def test_the_form_offers_every_project(self, signed_in):
        response = signed_in("lead.education").get(self.URL)
        text = response.content.decode()
        for project in self.projects():
            assert f'id="id_project-{project.pk}-rag"' in text
            assert project.name.replace("&", "&amp;") in text

    def test_lead_sets_project_rag_stage_and_commentary(self, signed_in):
        from boardpack.programme.models import ProjectUpdate

        plus, assessment = self.projects()[:2]
        response = signed_in("lead.education").post(
            self.URL,
            self.data(
                **{
                    str(plus.pk): ("A", "underway", "Pilot in 12 schools"),
                    str(assessment.pk): ("N", "", ""),
                }
            ),
        )
        assert response.status_code == 302
        saved = ProjectUpdate.objects.get(project=plus, period__month="2024-06-01")
        assert (saved.rag, saved.stage, saved.commentary) == (
            "A",
            "underway",
            "Pilot in 12 schools",
        )
        # Saying nothing about a project records nothing.
        assert not ProjectUpdate.objects.filter(project=assessment).exists()
        # Edited, the update is a draft again: councillors go on seeing June as approved, and
        # see the new one once it is approved.
        page = signed_in("councillor").get(MAINSTREAM).content.decode()
        assert "Pilot in 12 schools" not in page and "Budgets set" not in page
        assert "Education budgets have now been finalised" in page
        update = WorkstreamUpdate.objects.get(workstream=plus.workstream, period=saved.period)
        url = f"/somerset/approval/workstream-update/{update.pk}/"
        assert signed_in("lead.education").post(url, {"action": "submit"}).status_code == 302
        assert signed_in("office").post(url, {"action": "approve"}).status_code == 302
        page = signed_in("councillor").get(MAINSTREAM).content.decode()
        assert "Pilot in 12 schools" in page and "Underway" in page

    @pytest.mark.parametrize(
        ("values", "message"),
        [
            (("P", "underway", ""), "Select Red, Amber, Green or Not rated for Mainstream Plus"),
            (("", "underway", ""), "Select a RAG status for Mainstream Plus"),
            (("A", "finished-ish", ""), "Select a stage from the list for Mainstream Plus"),
            (("A", "", "z" * 1001), "Commentary for Mainstream Plus must be 1000 characters"),
            (("A", "", "bad\x00"), "Commentary for Mainstream Plus contains a NUL character"),
        ],
    )
    def test_bad_project_input_is_refused_whole(self, signed_in, values, message):
        from boardpack.programme.models import ProjectUpdate

        plus = self.projects()[0]
        before = (WorkstreamUpdate.history.count(), ProjectUpdate.history.count())
        response = signed_in("lead.education").post(self.URL, self.data(**{str(plus.pk): values}))
        assert response.status_code == 200
        text = response.content.decode()
        assert "There is a problem" in text
        assert message in text
        assert f'href="#id_project-{plus.pk}-' in text
        assert text.count("<title>Error: ") == 1
        assert (WorkstreamUpdate.history.count(), ProjectUpdate.history.count()) == before
