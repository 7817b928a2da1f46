"""Finance officers keep the service areas (directorate → division → service line) and the MTFP
saving lines in the app; others may not."""

from decimal import Decimal

import pytest

from boardpack.finance.models import SavingLine, ServiceArea

pytestmark = pytest.mark.django_db


def area(name: str) -> ServiceArea:
    return ServiceArea.objects.get(organisation__slug="somerset", name=name)


def test_finance_officer_adds_a_division_and_a_service_line_and_renames_it(signed_in):
    client = signed_in("finance")
    page = client.get("/somerset/finance/service-areas/").content.decode()
    assert "Children&#x27;s Services" in page and "Prevention" in page
    directorate = area("Children's Services")
    response = client.post(
        "/somerset/finance/service-areas/add/",
        {"name": "Early Help", "level": "division", "parent": directorate.pk},
    )
    assert response.status_code == 302
    division = area("Early Help")
    assert division.parent == directorate and division.level == "division"
    last = max(directorate.children.values_list("order", flat=True))
    assert division.order == last
    client.post(
        "/somerset/finance/service-areas/add/",
        {"name": "Family Hubs", "level": "service_line", "parent": division.pk},
    )
    hubs = area("Family Hubs")
    client.post(
        f"/somerset/finance/service-areas/{hubs.pk}/",
        {"name": "Family Hubs and Centres", "level": "service_line", "parent": division.pk},
    )
    hubs.refresh_from_db()
    assert hubs.name == "Family Hubs and Centres" and hubs.history.count() == 2
    assert (
        "Family Hubs and Centres" in client.get("/somerset/finance/service-areas/").content.decode()
    )


def test_the_hierarchy_is_enforced_with_an_error_summary(signed_in):
    client = signed_in("finance")
    count = ServiceArea.objects.count()
    division = ServiceArea.objects.filter(organisation__slug="somerset", level="division").first()
    response = client.post(
        "/somerset/finance/service-areas/add/", {"name": "Orphan", "level": "service_line"}
    )
    text = response.content.decode()
    assert response.status_code == 200 and "govuk-error-summary" in text
    assert "A service line needs a parent division" in text
    response = client.post(
        "/somerset/finance/service-areas/add/",
        {"name": "Misplaced", "level": "division", "parent": division.pk},
    )
    assert "must be a directorate" in response.content.decode()
    prevention = area("Prevention")
    response = client.post(
        "/somerset/finance/service-areas/add/",
        {"name": "prevention", "level": "service_line", "parent": prevention.parent_id},
    )
    assert "already a service area called" in response.content.decode()
    response = client.post("/somerset/finance/service-areas/add/", {"name": "", "level": ""})
    assert "Enter the service area&#x27;s name." in response.content.decode()
    assert ServiceArea.objects.count() == count


def test_finance_officer_adds_and_changes_a_saving_line(signed_in, somerset):
    client = signed_in("finance")
    assert "CFE016" in client.get("/somerset/finance/savings-lines/").content.decode()
    response = client.post(
        "/somerset/finance/savings-lines/add/",
        {
            "reference": "CFE950",
            "description": "Joint commissioning of short breaks",
            "financial_year": "2024/25",
            "target": "£120,000",
        },
    )
    assert response.status_code == 302
    line = SavingLine.objects.get(organisation=somerset, reference="CFE950")
    assert (line.financial_year, line.target) == (2024, Decimal("120000"))
    assert line.order == max(
        SavingLine.objects.filter(organisation=somerset, financial_year=2024).values_list(
            "order", flat=True
        )
    )
    # a duplicate reference is refused
    response = client.post(
        "/somerset/finance/savings-lines/add/",
        {"reference": "CFE950", "description": "Again", "financial_year": "2024/25", "target": "1"},
    )
    assert "There is already a saving CFE950" in response.content.decode()
    # change: the reference and year stay, whatever is posted
    response = client.post(
        f"/somerset/finance/savings-lines/{line.pk}/",
        {
            "reference": "HACK",
            "description": "Joint commissioning of short breaks with health",
            "financial_year": "2030/31",
            "target": "125,000",
        },
    )
    assert response.status_code == 302
    line.refresh_from_db()
    assert (line.reference, line.financial_year, line.target) == ("CFE950", 2024, Decimal("125000"))
    assert line.history.count() == 2
    refused = client.post(
        "/somerset/finance/savings-lines/add/",
        {"reference": "bad ref!", "description": "", "financial_year": "2024", "target": "-5"},
    ).content.decode()
    assert "govuk-error-summary" in refused and "Enter what the saving is." in refused
    assert "cannot be negative" in refused


def test_only_finance_officers_keep_the_lists(signed_in):
    for user in ("councillor", "office", "analyst"):
        client = signed_in(user)
        for url in ("/somerset/finance/service-areas/", "/somerset/finance/savings-lines/add/"):
            assert client.get(url).status_code == 403
    assert signed_in("dorset.office").get("/somerset/finance/service-areas/").status_code == 404
    other = area("Prevention")
    assert signed_in("finance").get(f"/dorset/finance/service-areas/{other.pk}/").status_code == 404


def test_a_service_line_with_figures_keeps_its_level(signed_in):
    client = signed_in("finance")
    prevention = area("Prevention")
    directorate = area("Children's Services")
    response = client.post(
        f"/somerset/finance/service-areas/{prevention.pk}/",
        {"name": "Prevention", "level": "division", "parent": directorate.pk},
    )
    assert "has service areas or figures under it: it keeps its level" in response.content.decode()
    prevention.refresh_from_db()
    assert prevention.level == "service_line"
