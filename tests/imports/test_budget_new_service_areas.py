"""A budget table from another council, in its own layout, adds the service areas Boardpack has
never seen, once the finance officer explicitly chooses to add them on the preview.

The file is laid out as councils publish budget monitoring: two title rows, headings in £000,
favourable variances in brackets, a heading row per division, a directorate total row named
after the directorate, and a footnote under the table."""

import io
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.urls import reverse

from boardpack.finance.models import BudgetLine, ServiceArea
from boardpack.imports.models import ImportRun
from tests.imports.helpers import xlsx

pytestmark = pytest.mark.django_db

OTHER_COUNCIL = [
    ["Northshire County Council"],
    ["Children's Services revenue budget monitoring 2024/25, Quarter 1"],
    [],
    ["Service", "Budget £000", "Forecast outturn £000", "Variance £000"],
    ["Early Help and Prevention"],
    ["Family Hubs", "4,210", "4,050", "(160)"],
    ["Youth Justice", "1,875", "1,990", "115"],
    ["Short Breaks", "2,340", "2,340", "-"],
    ["Safeguarding and Family Support"],
    ["Multi-Agency Safeguarding Hub", "3,120", "3,305", "185"],
    ["Family Support Workers", "5,460", "5,208", "(252)"],
    ["Leaving Care Grants", "980", "1,045", "65"],
    ["Children's Services", "17,985", "17,938", "(47)"],
    [],
    ["Note: figures are provisional and subject to audit."],
]
NEW_AREAS = [
    "Division ‘Early Help and Prevention’ in Children's Services",
    "Service line ‘Family Hubs’ in Early Help and Prevention",
    "Service line ‘Youth Justice’ in Early Help and Prevention",
    "Service line ‘Short Breaks’ in Early Help and Prevention",
    "Division ‘Safeguarding and Family Support’ in Children's Services",
    "Service line ‘Multi-Agency Safeguarding Hub’ in Safeguarding and Family Support",
    "Service line ‘Family Support Workers’ in Safeguarding and Family Support",
    "Service line ‘Leaving Care Grants’ in Safeguarding and Family Support",
]


def upload(client, data: bytes):
    handle = io.BytesIO(data)
    handle.name = "northshire-q1.xlsx"
    return client.post(
        reverse("imports:start", kwargs={"org": "somerset"}),
        {"dataset": "budget", "period": "2024-06", "unit": "", "file": handle},
    )


def test_other_councils_table_adds_eight_service_areas_after_an_explicit_choice(
    signed_in, somerset
):
    client = signed_in("finance")
    areas_before = ServiceArea.objects.filter(organisation=somerset).count()
    preview_url = upload(client, xlsx(OTHER_COUNCIL, title="Q1"))["Location"]
    page = client.get(preview_url).content.decode()
    run = ImportRun.objects.latest("pk")
    assert run.status == ImportRun.Status.REFUSED and not run.add_new
    assert "8 service areas in the file are not in Boardpack yet" in page
    for item in NEW_AREAS:
        assert item.replace("'", "&#x27;") in page
    assert "Add these 8 service areas" in page
    assert "headings in row 4" in page and "thousands (£000)" in page
    assert ServiceArea.objects.filter(organisation=somerset).count() == areas_before

    chosen = client.post(
        reverse("imports:add-new", kwargs={"org": "somerset", "run": run.pk}), {"add": "1"}
    )
    assert chosen["Location"] == preview_url
    page = client.get(preview_url).content.decode()
    run.refresh_from_db()
    assert run.add_new and run.status == ImportRun.Status.READY, run.problems
    assert "Boardpack will add 8 service areas" in page and "Do not add them" in page
    assert "6 new, 0 changed" in page
    # the directorate total row is a total, not a seventh line; the footnote is skipped
    assert "Row 13 (‘Children&#x27;s Services’) adds up the rows above it" in page
    assert "Row 13 (‘Children&#x27;s Services’) agrees with the 6 rows it totals" in page
    assert "Row 15 (‘Note: figures are provisional and subject to audit.’) is a note" in page

    applied = client.post(
        reverse("imports:apply", kwargs={"org": "somerset", "run": run.pk}),
        {"fingerprint": run.plan_fingerprint},
    )
    assert applied["Location"].endswith("/done/")
    division = ServiceArea.objects.get(organisation=somerset, name="Early Help and Prevention")
    assert division.level == ServiceArea.Level.DIVISION
    assert division.parent.name == "Children's Services"
    hubs = ServiceArea.objects.get(organisation=somerset, name="Family Hubs")
    assert hubs.parent == division and hubs.level == ServiceArea.Level.SERVICE_LINE
    line = BudgetLine.objects.get(service_area=hubs, period__month="2024-06-01")
    # £000 read as thousands and kept in £m; the bracketed variance is favourable
    assert (line.current_budget, line.projection) == (Decimal("4.21"), Decimal("4.05"))
    assert line.stated_variance == Decimal("-0.16") and line.stated_variance_negative
    breaks = BudgetLine.objects.get(service_area__name="Short Breaks", period__month="2024-06-01")
    assert breaks.stated_variance == 0 and not breaks.stated_variance_negative  # "-" is nil
    assert ServiceArea.objects.filter(organisation=somerset).count() == areas_before + 8
    budget = client.get("/somerset/finance/budget/2024-06/").content.decode()
    assert "Multi-Agency Safeguarding Hub" in budget and "Family Hubs" in budget


def test_choosing_not_to_add_goes_back_to_refusing(signed_in, somerset):
    client = signed_in("finance")
    preview_url = upload(client, xlsx(OTHER_COUNCIL))["Location"]
    run = ImportRun.objects.latest("pk")
    url = reverse("imports:add-new", kwargs={"org": "somerset", "run": run.pk})
    client.post(url, {"add": "1"})
    client.post(url, {"add": "0"})
    client.get(preview_url)
    run.refresh_from_db()
    assert not run.add_new and run.status == ImportRun.Status.REFUSED
    assert "choose to add the new service areas" in str(run.problems)


def test_command_line_adds_the_service_areas_with_add_new(tmp_path, somerset):
    path = tmp_path / "northshire.xlsx"
    path.write_bytes(xlsx(OTHER_COUNCIL))
    out = io.StringIO()
    with pytest.raises(Exception, match="nothing was imported"):
        call_command("import", "budget", str(path), "--period", "2024-06", stdout=out, stderr=out)
    assert not ServiceArea.objects.filter(name="Family Hubs").exists()
    out = io.StringIO()
    call_command(
        "import", "budget", str(path), "--period", "2024-06", "--add-new", stdout=out, stderr=out
    )
    assert "6 new, 0 changed" in out.getvalue()
    assert ServiceArea.objects.filter(organisation=somerset, name="Family Hubs").exists()
    # and again: nothing new, nothing changed
    out = io.StringIO()
    call_command("import", "budget", str(path), "--period", "2024-06", "--add-new", stdout=out)
    assert "0 new, 0 changed, 6 unchanged" in out.getvalue()


def test_a_new_line_with_no_division_is_refused(signed_in, somerset):
    client = signed_in("finance")
    rows = [["Service area", "Current budget", "Projection"], ["Family Hubs", "4.2", "4.0"]]
    upload(client, xlsx(rows))
    run = ImportRun.objects.latest("pk")
    client.post(reverse("imports:add-new", kwargs={"org": "somerset", "run": run.pk}), {"add": "1"})
    page = client.get(reverse("imports:preview", kwargs={"org": "somerset", "run": run.pk}))
    assert "no division is named for it" in page.content.decode()
    assert not ServiceArea.objects.filter(name="Family Hubs").exists()
