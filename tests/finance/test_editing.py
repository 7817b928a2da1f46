"""Finance officers change figures in the browser: a saving's position, a budget line and a
DSG line, through the same services (and rules, and history) as the importer."""

import csv
import io
from decimal import Decimal

import pytest
from django.core.management import call_command

from boardpack.core.models import ReportingPeriod
from boardpack.finance.models import BudgetLine, DSGLine, SavingLine, SavingPosition, ServiceArea

pytestmark = pytest.mark.django_db


def saving_url(reference: str, period: str = "2024-06") -> str:
    line = SavingLine.objects.get(organisation__slug="somerset", reference=reference)
    return f"/somerset/finance/savings/{period}/saving/{line.pk}/"


def cfe016() -> SavingPosition:
    return SavingPosition.objects.get(line__reference="CFE016", period__month="2024-06-01")


def test_finance_officer_changes_a_saving_and_the_page_export_and_history_follow(signed_in):
    client = signed_in("finance")
    table = client.get("/somerset/finance/savings/2024-06/").content.decode()
    assert "/somerset/finance/savings/2024-06/figures/" in table
    listing = client.get("/somerset/finance/savings/2024-06/figures/").content.decode()
    assert saving_url("CFE016") in listing and "CFE016 16+ placements" in listing
    form = client.get(saving_url("CFE016")).content.decode()
    assert 'value="1482000"' in form and 'value="1903800"' in form
    over = form.split('id="id_over_achieved"')[1].split(">")[0]
    assert 'value=""' in over  # blank in the seed, so blank in the form

    response = client.post(
        saving_url("CFE016"),
        {
            "over_achieved": "",
            "achieved": "£500,000",
            "on_track": "1,482,000",
            "at_risk": "1,403,800",
            "comment": "Block contract re-let in July",
        },
    )
    assert response.status_code == 302 and response["Location"].endswith("/savings/2024-06/")
    position = cfe016()
    assert (position.over_achieved, position.achieved, position.at_risk) == (
        None,
        Decimal("500000"),
        Decimal("1403800"),
    )
    page = client.get(response["Location"]).content.decode()
    assert "Block contract re-let in July" in page and "1,403,800" in page
    assert "1,871,200" in page  # achieved total: 1,371,200 + 500,000

    out = io.StringIO()
    call_command("export", "savings", "--period", "2024-06", "--format", "csv", stdout=out)
    row = next(r for r in csv.DictReader(io.StringIO(out.getvalue())) if r["ref"] == "CFE016")
    assert (row["achieved"], row["at_risk"], row["over_achieved"]) == ("500000", "1403800", "")

    latest = position.history.first()
    assert latest.history_user.username == "finance"
    assert latest.history_type == "~" and latest.comment == "Block contract re-let in July"
    history = (
        client.get(saving_url("CFE016"))
        .content.decode()
        .split('<h2 class="govuk-heading-m">History</h2>')[1]
    )
    assert "Achieved: blank → £500,000" in history and "At risk: £1,903,800 → £1,403,800" in history


def test_parts_that_do_not_add_up_are_refused_with_an_error_summary(signed_in):
    client = signed_in("finance")
    before = cfe016().history.count()
    response = client.post(
        saving_url("CFE016"),
        {
            "over_achieved": "",
            "achieved": "1,000",
            "on_track": "lots",
            "at_risk": "",
            "comment": "",
        },
    )
    content = response.content.decode()
    assert response.status_code == 200 and "govuk-error-summary" in content
    assert (
        '<a href="#id_on_track">On track (£): &#x27;lots&#x27;' in content
        or "#id_on_track" in content
    )
    response = client.post(
        saving_url("CFE016"),
        {"over_achieved": "", "achieved": "1,000", "on_track": "", "at_risk": "", "comment": ""},
    )
    content = response.content.decode()
    assert response.status_code == 200 and "govuk-error-summary" in content
    assert "add up to £1,000, £3,384,800 less than the target of £3,385,800" in content
    assert 'href="#id_at_risk"' in content
    assert cfe016().history.count() == before and cfe016().at_risk == Decimal("1903800")
    response = client.post(
        saving_url("CFE016"),
        {"over_achieved": "-5", "achieved": "", "on_track": "", "at_risk": "", "comment": ""},
    )
    assert "cannot be negative" in response.content.decode()
    assert cfe016().history.count() == before


def test_a_budget_line_and_a_dsg_line_are_changed_in_the_browser(signed_in):
    client = signed_in("finance")
    area = ServiceArea.objects.get(organisation__slug="somerset", name="Prevention")
    line = BudgetLine.objects.get(service_area=area, period__month="2022-12-01")
    stated = (line.stated_variance, line.stated_marker)
    url = f"/somerset/finance/budget/2022-12/service-line/{area.pk}/"
    assert url in client.get("/somerset/finance/budget/2022-12/figures/").content.decode()
    response = client.post(url, {"current_budget": str(line.current_budget), "projection": "99.5"})
    assert response.status_code == 302
    line.refresh_from_db()
    assert line.projection == Decimal("99.5")
    assert (line.stated_variance, line.stated_marker) == stated  # what the source said is kept
    assert line.history.first().history_user.username == "finance"
    page = client.get("/somerset/finance/budget/2022-12/").content.decode()
    assert "99.5" in page
    refused = client.post(url, {"current_budget": "", "projection": "1.2345"})
    text = refused.content.decode()
    assert "Enter the current budget in £m." in text and "more precise" in text
    line.refresh_from_db()
    assert line.projection == Decimal("99.5")

    dsg = DSGLine.objects.filter(
        block__organisation__slug="somerset", period__month="2022-12-01"
    ).first()
    url = f"/somerset/finance/dsg/2022-12/block/{dsg.block_id}/"
    response = client.post(url, {"current_budget": "(0.4)", "projection": "0.1"})
    assert response.status_code == 302
    dsg.refresh_from_db()
    assert (dsg.current_budget, dsg.projection) == (Decimal("-0.4"), Decimal("0.1"))
    assert dsg.history.count() >= 2


def test_only_finance_officers_of_the_organisation_may_change_figures(signed_in, somerset):
    url = saving_url("CFE016")
    for user in ("councillor", "analyst", "office"):
        client = signed_in(user)
        assert client.get(url).status_code == 403
        assert client.post(url, {"achieved": "3,385,800"}).status_code == 403
        assert "/figures/" not in client.get("/somerset/finance/savings/2024-06/").content.decode()
    assert signed_in("dorset.office").get(url).status_code == 404
    assert cfe016().achieved is None


def test_a_closed_period_cannot_be_changed(signed_in, somerset):
    ReportingPeriod.objects.filter(organisation=somerset, month="2024-06-01").update(
        status=ReportingPeriod.Status.CLOSED
    )
    assert signed_in("finance").get(saving_url("CFE016")).status_code == 403
