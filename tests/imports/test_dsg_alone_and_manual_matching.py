"""A DSG allocation table on its own (the common published form: blocks and allocations, no
projections), a deficit table on its own, and a council's own layout matched by hand on the
mapping page with the table's first rows shown."""

import io
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.urls import reverse

from boardpack.finance.models import DSGAllocation, DSGDeficit, DSGLine
from boardpack.imports.models import ImportRun
from tests.imports.helpers import csv_bytes, messages, prepare, xlsx

pytestmark = pytest.mark.django_db

# Somerset's 2022/23 allocation (seed 004) in whole pounds, as a DfE-style published table.
ALLOCATION_IN_POUNDS = [
    ["Dedicated Schools Grant allocations 2022 to 2023"],
    ["Somerset"],
    ["DSG block", "Allocation before recoupment £", "Recoupment and deductions £"],
    ["High Needs Block (HNB)", "76,300,000", "8,800,000"],
    ["Central School Services Block (CSSB)", "5,600,000", "0"],
    ["Early Years (EYB) *", "29,100,000", "0"],
    ["Schools Block (SB) **", "357,000,000", "233,300,000"],
    ["Total DSG", "468,000,000", "242,100,000"],
]


def period(somerset, month="2022-12-01"):
    from boardpack.core.models import ReportingPeriod

    return ReportingPeriod.objects.get(organisation=somerset, month=month)


def test_an_allocation_table_in_whole_pounds_imports_as_allocations(tmp_path, somerset):
    before = {
        a.block.kind: a.before_recoupment
        for a in DSGAllocation.objects.filter(block__organisation=somerset, financial_year=2022)
    }
    lines_history = DSGLine.history.count()
    preparation = prepare("dsg", somerset, period(somerset), xlsx(ALLOCATION_IN_POUNDS))
    assert preparation.plan.ok, messages(preparation)
    assert "holds the DSG allocation only" in preparation.plan.notes[0]
    assert preparation.tables[0].unit.value == "£"
    path = tmp_path / "allocation.xlsx"
    path.write_bytes(xlsx(ALLOCATION_IN_POUNDS))
    out = io.StringIO()
    call_command("import", "dsg", str(path), "--period", "2022-12", stdout=out, stderr=out)
    after = {
        a.block.kind: a.before_recoupment
        for a in DSGAllocation.objects.filter(block__organisation=somerset, financial_year=2022)
    }
    assert after == before  # the same figures: £76,300,000 is the seed's 76.3 (£m)
    assert after["high_needs"] == Decimal("76.3")
    assert DSGLine.history.count() == lines_history  # the monitoring table is left alone

    changed = [row[:] for row in ALLOCATION_IN_POUNDS]
    changed[3][1] = "77,450,000"
    changed[7][1] = "469,150,000"
    path.write_bytes(xlsx(changed))
    call_command("import", "dsg", str(path), "--period", "2022-12", stdout=out, stderr=out)
    hnb = DSGAllocation.objects.get(
        block__organisation=somerset, block__kind="high_needs", financial_year=2022
    )
    assert hnb.before_recoupment == Decimal("77.45")


def test_a_deficit_table_on_its_own(somerset):
    data = csv_bytes(
        [
            ["Actual or forecast", "As at", "Cumulative deficit £m"],
            ["Actual", "31/03/2022", "20.1"],
            ["Forecast", "31/03/2023", "25.5"],
        ]
    )
    preparation = prepare("dsg", somerset, period(somerset), data, name="deficit.csv")
    assert preparation.plan.ok, messages(preparation)
    assert "holds the DSG deficit only" in preparation.plan.notes[0]
    from boardpack.imports.framework import ImportContext
    from boardpack.imports.registry import get
    from boardpack.imports.services import apply_plan

    apply_plan(
        importer=get("dsg"),
        context=ImportContext(somerset, period(somerset)),
        plan=preparation.plan,
    )
    forecast = DSGDeficit.objects.get(
        organisation=somerset, period=period(somerset), kind="forecast"
    )
    assert forecast.amount == Decimal("25.5")


def test_a_councils_own_mtfp_summary_is_matched_by_hand(signed_in):
    client = signed_in("finance")
    own_layout = [
        ["Savings delivery summary, June 2024"],
        ["Scheme", "What", "Saving 24/25", "Delivered", "Likely", "Risk", "Note"],
        ["CFE010", "Cease funding MOMO app", "11,100", "11,100", "", "", "Done in May"],
    ]
    handle = io.BytesIO(xlsx(own_layout, title="Summary"))
    handle.name = "summary.xlsx"
    response = client.post(
        reverse("imports:start", kwargs={"org": "somerset"}),
        {"dataset": "savings", "period": "2024-06", "unit": "", "file": handle},
    )
    preview = client.get(response["Location"])
    run = ImportRun.objects.latest("pk")
    mapping_url = reverse("imports:mapping", kwargs={"org": "somerset", "run": run.pk})
    assert preview["Location"] == mapping_url
    page = client.get(mapping_url).content.decode()
    assert "row 2 of sheet ‘Summary’" in page
    assert "Cease funding MOMO app" in page and "Done in May" in page  # the first rows shown
    response = client.post(
        mapping_url,
        {
            "reference": "0",
            "description": "1",
            "target": "2",
            "achieved": "3",
            "on_track": "4",
            "at_risk": "5",
            "comment": "6",
        },
    )
    page = (
        client.get(response["Location"]).content.decode()
        if response.status_code == 302
        else response.content.decode()
    )
    assert "Done in May" in page, page[:3000]


def test_a_sheet_with_no_known_heading_still_offers_matching_by_hand(signed_in):
    client = signed_in("finance")
    handle = io.BytesIO(csv_bytes([["Scheme code", "Narrative", "Sum"], ["CFE010", "x", "11,100"]]))
    handle.name = "own.csv"
    response = client.post(
        reverse("imports:start", kwargs={"org": "somerset"}),
        {"dataset": "savings", "period": "2024-06", "unit": "", "file": handle},
    )
    run = ImportRun.objects.latest("pk")
    mapping_url = reverse("imports:mapping", kwargs={"org": "somerset", "run": run.pk})
    assert client.get(response["Location"])["Location"] == mapping_url
    page = client.get(mapping_url).content.decode()
    assert "Column A: Scheme code" in page and "11,100" in page
