"""The demo authority is the seed documents, figure for figure and word for word."""

import pytest
from django.apps import apps
from django.core.management import call_command

from boardpack.accounts.models import User
from boardpack.core.models import RAG, Organisation, ReportingPeriod
from boardpack.programme.models import (
    Escalation,
    FinanceSummary,
    Programme,
    ProgrammeUpdate,
    Project,
    Workstream,
    WorkstreamUpdate,
)

pytestmark = pytest.mark.django_db

WORKSTREAMS = {
    "Local mainstream school is the right choice for most children": [
        "Mainstream Plus",
        "Assessment post-5 including EHCPs",
        "Priority capital projects",
        "Supported internships",
        "EHCP communications and decision-making",
        "Funding and finance policy and strategy",
        "Attendance & preventing exclusion strategies",
    ],
    "Developing an excellent workforce for children": [
        "Neighbourhood working",
        "Recruit and retain high quality staff",
        "Children's workforce training programme",
        "Education restructure - short term",
    ],
    "Families can access support early": ["Best Start In Life", "Connect Somerset"],
    "Sufficient homes for children in care and school places for children with additional "
    "needs in Somerset": [
        "Sufficiency strategy 0-25",
        "Fostering improvement",
        "16+ Thrive - preventing homelessness accommodation",
        "Market shaping",
        "Homes and Horizons",
        "Children with disabilities resource transformation",
    ],
}


def somerset_programme() -> Programme:
    return Programme.objects.get(organisation__slug="somerset")


def test_organisations_and_default():
    assert set(Organisation.objects.values_list("slug", flat=True)) >= {"somerset", "dorset"}
    assert Organisation.objects.get(is_default=True).slug == "somerset"


def test_somerset_vision_and_workstreams():
    programme = somerset_programme()
    assert programme.vision == (
        "Our vision is that Somerset’s children and young people grow up in a safe, child "
        "friendly county that supports them to be happy, healthy and prepared for adulthood."
    )
    names = list(programme.workstreams.order_by("order").values_list("name", flat=True))
    assert names == list(WORKSTREAMS)
    for name, projects in WORKSTREAMS.items():
        workstream = programme.workstreams.get(name=name)
        assert list(workstream.projects.order_by("order").values_list("name", flat=True)) == (
            projects
        )
    assert Project.objects.filter(workstream__programme=programme).count() == 19


def test_directors_summary_has_its_seven_points_verbatim():
    update = ProgrammeUpdate.objects.get(programme=somerset_programme(), period__month="2024-06-01")
    texts = [p["text"] for p in update.progress_summary]
    assert len(texts) == 7
    assert texts[0] == (
        "New Children's Transformation Board and Finance Board established giving greater "
        "clarity on pressures, successes and areas of concern."
    )
    assert texts[-1] == (
        "Rising numbers of children and young people coming into care are also increasing "
        "budget pressures, with the greatest vulnerabilities and costs in the 10 to 15 age group."
    )


def test_workstream_points_as_written():
    june = ReportingPeriod.objects.get(organisation__slug="somerset", month="2024-06-01")
    workforce = WorkstreamUpdate.objects.get(workstream__slug="excellent-workforce", period=june)
    assert [p["heading"] for p in workforce.working_well] == [
        "Neighbourhood Working",
        "Neighbourhood Working",
        "Education Restructure",
    ]
    assert workforce.working_well[2]["text"] == (
        "Early indication that costed model may generate savings. Corporate agreement that "
        "Consultation to commence in September"
    )
    assert workforce.not_working_well[0]["text"].startswith(
        "Insufficient social workers (estimated 42 Social Worker /Advanced Practitioner vacancies"
    )
    assert workforce.not_working_well[1]["text"] == (
        "If establishment achieved, caseloads would be manageable. Average Social Worker "
        "caseload is 19.04"
    )
    mainstream = WorkstreamUpdate.objects.get(
        workstream__slug="local-mainstream-school", period=june
    )
    assert len(mainstream.working_well) == 9
    assert len(mainstream.not_working_well) == 3
    assert mainstream.working_well[5]["text"] == (
        "We have closed 60 'hard cases' from the original list of 140 children."
    )
    homes = WorkstreamUpdate.objects.get(workstream__slug="sufficient-homes", period=june)
    assert homes.not_working_well[2]["text"] == (
        "Significant increase in demand, 608 children now in care, escalation in youth "
        "violence is a risk factor"
    )
    assert all(u.rag == RAG.NOT_RATED for u in WorkstreamUpdate.objects.filter(period=june))


def test_escalations_are_records():
    june = ReportingPeriod.objects.get(organisation__slug="somerset", month="2024-06-01")
    by_workstream = {
        ws.slug: list(
            Escalation.objects.filter(workstream=ws, period=june)
            .order_by("order")
            .values_list("text", flat=True)
        )
        for ws in Workstream.objects.filter(programme=somerset_programme())
    }
    assert by_workstream["local-mainstream-school"] == []  # "N/A"
    assert by_workstream["excellent-workforce"] == []
    assert by_workstream["support-early"] == [
        "Lack of digital capacity to support Help to Help Yourself database of local resources "
        "and other foundations such as a CRM and refreshed Directory."
    ]
    assert by_workstream["sufficient-homes"] == [
        "Lack of private rental & housing for Care Leavers",
        "Rising demand for Children Looked After",
        "Marketing support for Fostering",
    ]


def test_finance_summary():
    summary = FinanceSummary.objects.get(programme=somerset_programme())
    assert summary.overall_status == RAG.RED
    assert summary.covering == "May/June 2024"
    assert summary.headline == (
        "Financial position is challenging given rising demand and significant budget "
        "pressure due to increasing external spend"
    )
    assert len(summary.working_well) == 4
    assert len(summary.challenges) == 3
    escalations = Escalation.objects.filter(source=Escalation.Source.FINANCE).order_by("order")
    assert [(e.heading, e.text) for e in escalations] == [
        ("Risk to delivering savings", "Construction delays for Homes and Horizons homes 6 to 8"),
        (
            "Risk to delivering savings",
            "Lack of move on social housing / private rent accommodation for Thrive 16+, is "
            "reducing savings possible through new contract",
        ),
    ]


def test_dorset_blueprint_for_change():
    programme = Programme.objects.get(organisation__slug="dorset")
    assert programme.name == "Blueprint for Change"
    assert "£1m of savings" in programme.description
    assert str(programme.savings_aim) == "1000000.00"
    assert set(programme.workstreams.values_list("slug", flat=True)) == {
        "localities",
        "adolescent-service",
    }
    assert "adolescent service" in programme.workstreams.get(slug="adolescent-service").description


def test_demo_users_one_per_role():
    roles = {
        u.username: list(u.groups.values_list("name", flat=True))
        for u in User.objects.filter(is_demo=True)
    }
    assert roles["office"] == ["Programme office"]
    assert roles["lead.education"] == ["Workstream lead"]
    assert roles["finance"] == ["Finance officer"]
    assert roles["analyst"] == ["Performance analyst"]
    assert roles["councillor"] == ["Councillor"]
    lead = User.objects.get(username="lead.education")
    assert list(lead.led_workstreams.values_list("slug", flat=True)) == ["local-mainstream-school"]
    assert list(
        User.objects.get(username="dorset.office").organisations.values_list("slug", flat=True)
    ) == ["dorset"]


def _row_counts() -> dict[str, int]:
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model._meta.app_label not in {"sessions", "admin", "contenttypes"}
    }


def test_second_run_changes_nothing_history_included():
    before = _row_counts()
    call_command("load_demo", verbosity=0)
    assert _row_counts() == before


def test_if_empty_leaves_existing_data(capsys):
    call_command("load_demo", "--if-empty")
    assert "already holds data" in capsys.readouterr().out
