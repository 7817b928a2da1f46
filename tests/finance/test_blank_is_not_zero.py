"""Blank is not zero: a part the MTFP tracker leaves blank (seed 001 leaves every
"Over-achieved" blank) stays ``None`` through import, storage, pages, exports and the API,
and a total of blanks is blank. An export for a period with no figures says so."""

import csv
import io
import json
from decimal import Decimal

import pytest
from django.core.management import call_command
from openpyxl import load_workbook

from boardpack.core.models import ReportingPeriod
from boardpack.finance import selectors
from boardpack.finance.models import SavingPosition, SavingsStatedTotal
from boardpack.finance.services import saving_position_set
from tests.imports.helpers import SAVINGS_HEADER, xlsx

pytestmark = pytest.mark.django_db


def june(organisation) -> ReportingPeriod:
    return ReportingPeriod.objects.get(organisation=organisation, month="2024-06-01")


def run(*args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_the_demo_keeps_blank_parts_blank_and_its_four_totals(somerset):
    cfe001 = SavingPosition.objects.get(line__reference="CFE001", period=june(somerset))
    assert cfe001.over_achieved is None and cfe001.at_risk is None
    assert (cfe001.achieved, cfe001.on_track) == (Decimal("149000"), Decimal("175500"))
    positions = selectors.savings_positions_for_period(somerset, june(somerset))
    assert selectors.savings_totals(positions) == {
        "target": Decimal("9568900"),
        "over_achieved": None,
        "achieved": Decimal("1371200"),
        "on_track": Decimal("4166400"),
        "at_risk": Decimal("4031300"),
    }
    stated = SavingsStatedTotal.objects.get(organisation=somerset, period=june(somerset))
    assert stated.over_achieved is None  # the seed's TOTALS row leaves it blank too


def test_totals_of_nothing_are_none_and_a_stated_zero_is_zero(somerset):
    assert selectors.savings_totals([]) == dict.fromkeys(
        ["target", "over_achieved", "achieved", "on_track", "at_risk"]
    )
    saving_position_set(
        organisation=somerset,
        period=june(somerset),
        reference="CFE010",
        over_achieved="0",
        achieved="11100",
    )
    positions = selectors.savings_positions_for_period(somerset, june(somerset))
    assert selectors.savings_totals(positions)["over_achieved"] == Decimal("0")
    doc = selectors.savings_document(somerset, june(somerset))
    cfe010 = next(line for line in doc["lines"] if line["ref"] == "CFE010")
    assert (cfe010["over_achieved"], cfe010["on_track"]) == ("0", None)
    assert doc["totals"]["over_achieved"] == "0"


def test_import_keeps_a_blank_blank_and_a_dash_zero(tmp_path, somerset):
    path = tmp_path / "tracker.xlsx"
    path.write_bytes(
        xlsx(
            [
                SAVINGS_HEADER,
                ["CFE010", "", "11,100", "-", "11,100", "", "", ""],
                ["CFE013", "", "30,000", "", "30,000", "", "", ""],
            ]
        )
    )
    out, _ = run("import", "savings", str(path), "--period", "2024-06")
    assert "1 changed" in out  # CFE010's over-achieved goes from blank to 0
    cfe010 = SavingPosition.objects.get(line__reference="CFE010", period=june(somerset))
    cfe013 = SavingPosition.objects.get(line__reference="CFE013", period=june(somerset))
    assert cfe010.over_achieved == 0 and cfe010.on_track is None
    assert cfe013.over_achieved is None and cfe013.at_risk is None
    assert cfe010.history.first().over_achieved == 0
    assert cfe010.history.all()[1].over_achieved is None


def test_page_shows_blank_cells_and_a_blank_total(signed_in):
    page = signed_in("finance").get("/somerset/finance/savings/2024-06/").content.decode()
    totals = page.split("TOTALS</th>")[1].split("</tr>")[0]
    cells = [c.split("</td>")[0].split(">")[-1] for c in totals.split("<td")[1:]]
    assert cells[:5] == ["9,568,900", "", "1,371,200", "4,166,400", "4,031,300"]
    cfe001 = page.split(">CFE001</th>")[1].split("</tr>")[0]
    cells = [c.split("</td>")[0].split(">")[-1] for c in cfe001.split("<td")[1:]]
    assert cells[1:6] == ["324,500", "", "149,000", "175,500", ""]
    assert "not £0" in page


def test_exports_and_api_keep_blank_blank(tmp_path, signed_in, somerset):
    out, _ = run("export", "savings", "--period", "2024-06", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    cfe001 = next(r for r in rows if r["ref"] == "CFE001")
    assert (cfe001["over_achieved"], cfe001["achieved"], cfe001["at_risk"]) == ("", "149000", "")
    path = tmp_path / "savings.xlsx"
    run("export", "savings", "--period", "2024-06", "--format", "xlsx", "-o", str(path))
    sheet = load_workbook(path)["savings"]
    assert [c.value for c in sheet[2]][2:7] == [324500, None, 149000, 175500, None]
    api = signed_in("analyst").get("/api/v1/finance/savings?period=2024-06").json()
    assert api["totals"]["over_achieved"] is None and api["lines"][0]["over_achieved"] is None
    assert api["totals"]["achieved"] == "1371200"


def test_export_for_a_period_with_no_figures_says_so(somerset):
    out, err = run("export", "savings", "--period", "2022-10")
    doc = json.loads(out)
    assert doc["lines"] == [] and set(doc["totals"].values()) == {None}
    assert "no MTFP savings tracker figures for" in err and "not 0" in err
    out, err = run("export", "budget", "--period", "2024-06")
    doc = json.loads(out)
    assert doc["divisions"] == []
    total = doc["total"]
    assert (total["current_budget"], total["projection"], total["variance"]) == (None,) * 3
    assert "no Revenue budget monitoring figures" in err
    out, err = run("export", "dsg", "--period", "2024-06", "--format", "csv")
    assert out.splitlines()[1:] == [] and "no Dedicated Schools Grant figures" in err
    # a period with figures gets no such message
    _, err = run("export", "savings", "--period", "2024-06")
    assert err == ""
