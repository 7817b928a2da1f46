"""The DSG allocation and deficit tables, in a council's own headings that Boardpack does not
recognise, matched by hand on the mapping page (the table's first rows shown beside the
choices), imported, and read without asking the next time."""

import io
from decimal import Decimal

import pytest
from django.urls import reverse

from boardpack.finance.models import DSGAllocation, DSGDeficit, DSGLine
from boardpack.imports.models import ImportRun, SavedLayout
from tests.imports.helpers import csv_bytes, xlsx

pytestmark = pytest.mark.django_db

# Somerset's 2022/23 allocation (seed 004) in whole pounds, headed in a council's own words.
OWN_ALLOCATION = [
    ["Grant settlement 2022 to 2023"],
    ["Grant element", "Gross 2022-23 £", "Less academies £", "Contact"],
    ["High Needs Block (HNB)", "77,450,000", "8,800,000", "finance@example.org"],
    ["Central School Services Block (CSSB)", "5,600,000", "0", ""],
    ["Early Years (EYB) *", "29,100,000", "0", ""],
    ["Schools Block (SB) **", "357,000,000", "233,300,000", ""],
]


def upload(client, data: bytes, name: str) -> ImportRun:
    handle = io.BytesIO(data)
    handle.name = name
    client.post(
        reverse("imports:start", kwargs={"org": "somerset"}),
        {"dataset": "dsg", "period": "2022-12", "unit": "", "file": handle},
    )
    return ImportRun.objects.latest("pk")


def urls(run: ImportRun) -> tuple[str, str]:
    kwargs = {"org": "somerset", "run": run.pk}
    return reverse("imports:preview", kwargs=kwargs), reverse("imports:mapping", kwargs=kwargs)


def test_an_allocation_table_in_its_own_headings_is_matched_by_hand(signed_in, somerset):
    client = signed_in("finance")
    lines = DSGLine.history.count()
    run = upload(client, xlsx(OWN_ALLOCATION, title="Settlement"), "settlement.xlsx")
    preview_url, mapping_url = urls(run)
    assert client.get(preview_url)["Location"] == mapping_url

    page = client.get(mapping_url).content.decode()
    assert "Which table does the sheet hold?" in page
    assert "finance@example.org" in page and "77,450,000" in page  # the first rows shown
    response = client.post(mapping_url, {"table": "allocation"})
    assert response["Location"] == mapping_url
    page = client.get(mapping_url).content.decode()
    assert "The columns of the DSG allocation table" in page
    assert "Allocation before recoupment" in page and "Column B: Gross 2022-23 £" in page

    response = client.post(mapping_url, {"block": "0", "before_recoupment": "1", "recoupment": "2"})
    assert response["Location"] == preview_url
    page = client.get(preview_url).content.decode()
    assert "holds the DSG allocation only" in page
    run.refresh_from_db()
    assert run.table == "allocation" and run.status == ImportRun.Status.READY, run.problems
    response = client.post(
        reverse("imports:apply", kwargs={"org": "somerset", "run": run.pk}),
        {"fingerprint": run.plan_fingerprint},
    )
    assert response["Location"].endswith("/done/")
    hnb = DSGAllocation.objects.get(
        block__organisation=somerset, block__kind="high_needs", financial_year=2022
    )
    assert (hnb.before_recoupment, hnb.recoupment) == (Decimal("77.45"), Decimal("8.8"))
    assert DSGLine.history.count() == lines  # the monitoring table is left alone
    assert SavedLayout.objects.filter(organisation=somerset, table="allocation").count() == 1

    # The next file laid out the same way is read as the allocation without asking.
    again = [row[:] for row in OWN_ALLOCATION]
    again[2][1] = "77,500,000"
    run = upload(client, xlsx(again, title="Settlement"), "settlement-2.xlsx")
    preview_url, _mapping_url = urls(run)
    response = client.get(preview_url)
    assert response.status_code == 200
    assert "77.5" in response.content.decode()


def test_a_deficit_table_in_its_own_headings_is_matched_by_hand(signed_in, somerset):
    client = signed_in("finance")
    data = csv_bytes(
        [
            ["Position", "Date", "Cumulative shortfall £m"],
            ["Actual", "31/03/2022", "20.1"],
            ["Forecast", "31/03/2023", "26.0"],
        ]
    )
    run = upload(client, data, "shortfall.csv")
    preview_url, mapping_url = urls(run)
    assert client.get(preview_url)["Location"] == mapping_url
    client.post(mapping_url, {"table": "deficit"})
    # A required column left unmatched is refused with the GOV.UK error message.
    page = client.post(mapping_url, {"kind": "0", "as_at": "1"}).content.decode()
    assert "Choose the column that holds ‘Cumulative deficit’." in page
    response = client.post(mapping_url, {"kind": "0", "as_at": "1", "amount": "2"})
    assert "holds the DSG deficit only" in client.get(response["Location"]).content.decode()
    run.refresh_from_db()
    assert run.status == ImportRun.Status.READY, run.problems
    client.post(
        reverse("imports:apply", kwargs={"org": "somerset", "run": run.pk}),
        {"fingerprint": run.plan_fingerprint},
    )
    forecast = DSGDeficit.objects.get(organisation=somerset, kind="forecast", period=run.period)
    assert forecast.amount == Decimal("26.0")


def test_choosing_the_main_table_again_matches_its_columns(signed_in, somerset):
    client = signed_in("finance")
    run = upload(client, xlsx(OWN_ALLOCATION), "settlement.xlsx")
    _preview_url, mapping_url = urls(run)
    client.post(mapping_url, {"table": "allocation"})
    client.post(mapping_url, {"table": ""})
    run.refresh_from_db()
    assert run.table == "" and run.mapping == {}
    page = client.get(mapping_url).content.decode()
    assert "The columns of the DSG monitoring table" in page
    assert client.post(mapping_url, {"table": "nonsense"}).status_code == 404
