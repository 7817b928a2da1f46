"""Import and export of performance figures: round trip, refusals, and the API."""

from __future__ import annotations

import io
import json
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from boardpack.imports.framework import ImportContext
from boardpack.imports.registry import get
from boardpack.imports.services import apply_plan, prepare_import
from boardpack.performance.models import Observation, Source
from tests.imports.helpers import csv_bytes

pytestmark = pytest.mark.django_db
HEADER = ["indicator", "date", "area", "breakdown", "value", "qualifier", "as_written", "source"]


def export(fmt: str, dataset: str = "observations", tmp_path=None, **kw) -> str | bytes:
    if fmt == "xlsx":
        path = tmp_path / "out.xlsx"
        call_command("export", dataset, period="2023-03", fmt="xlsx", output=str(path), **kw)
        return path.read_bytes()
    out = io.StringIO()
    call_command("export", dataset, period="2023-03", fmt=fmt, stdout=out, **kw)
    return out.getvalue()


def prepare(organisation, period, data: bytes, name="figures.csv"):
    context = ImportContext(organisation, period)
    return context, prepare_import(
        importer=get("indicators"), context=context, data=data, file_name=name
    )


def snapshot(organisation) -> list[tuple]:
    return sorted(
        Observation.objects.filter(indicator__organisation=organisation).values_list(
            "indicator__code", "date", "area", "breakdown_key", "value", "qualifier", "as_written"
        )
    )


def test_export_json_writes_every_figure_as_written(testshire):
    doc = json.loads(export("json", organisation="testshire"))
    cells = {
        (o["indicator"], o["date"], o["source"], o["as_written"]): o for o in doc["observations"]
    }
    assert cells[("SW-PERMANENT-PCT", "2023-03-31", "report-a", "under 72%")]["value"] == "72"
    assert (
        cells[("SW-PERMANENT-PCT", "2023-03-31", "report-a", "under 72%")]["qualifier"] == "under"
    )
    assert cells[("PA-PCT", "2023-03-31", "report-a", "10.00%")]["value"] == "10.00"
    # Only the period's sources: the June 2024 report's figures are not in March's export.
    assert {o["source"] for o in doc["observations"]} == {
        "report-a",
        "inspections-register-2023-03",  # the share of inadequate inspections, computed
    }


def test_a_councillors_export_is_suppressed(testshire):
    doc = json.loads(export("json", organisation="testshire", audience="member"))
    special = [o for o in doc["observations"] if o["breakdown"] == {"school_type": "Special"}]
    assert {o["as_written"] for o in special if o["indicator"] != "ROLL-COUNT"} == {"c"}


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_an_export_imports_back_unchanged(testshire, march, fmt, tmp_path):
    data = export(fmt, organisation="testshire", tmp_path=tmp_path)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    before = snapshot(testshire)
    _context, preparation = prepare(testshire, march, raw, f"figures.{fmt}")
    assert preparation.plan.problems == []
    assert preparation.plan.new_count == 0 and preparation.plan.changed_count == 0
    # Every figure but the June report's two (not in March's export) is read back unchanged.
    assert preparation.plan.unchanged_count == len(snapshot(testshire)) - 2
    assert snapshot(testshire) == before


def test_an_xlsx_export_keeps_values_as_text(testshire, tmp_path):
    book = load_workbook(io.BytesIO(export("xlsx", organisation="testshire", tmp_path=tmp_path)))
    rows = list(book.active.values)
    header = rows[0]
    values = [r[header.index("value")] for r in rows[1:]]
    assert "10.00" in values and "17.06" in values


def test_importing_creates_and_changes_figures(testshire, march):
    data = csv_bytes(
        [
            HEADER,
            ["CLA-COUNT", "30/06/2023", "", "", "600", "", "", ""],
            ["CLA-COUNT", "2023-03-31", "", "", "581", "", "580", "report-a"],
            ["PA-COUNT", "31/03/2023", "", "school_type=Secondary", "7068", "", "", ""],
        ]
    )
    context, preparation = prepare(testshire, march, data)
    plan = preparation.plan
    assert plan.problems == []
    assert (plan.new_count, plan.changed_count) == (2, 1)
    apply_plan(importer=get("indicators"), context=context, plan=plan)
    new = Observation.objects.get(indicator__code="CLA-COUNT", date="2023-06-30")
    assert new.value == Decimal("600") and new.source.key == "import-2023-03"
    assert new.history.count() == 1
    changed = Observation.objects.get(
        indicator__code="CLA-COUNT", date="2023-03-31", source__key="report-a", breakdown_key=""
    )
    assert changed.value == Decimal("581") and changed.history.count() == 2
    assert Source.objects.get(organisation=testshire, key="import-2023-03").period == march


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (["NO-SUCH", "31/03/2023", "", "", "5", "", "", ""], "‘NO-SUCH’ is not an indicator"),
        (
            ["PA-PCT", "31/03/2023", "", "school_type=Primary", "140", "", "", ""],
            "PA-PCT is a percentage, so its value is from 0 to 100, not 140",
        ),
        (
            ["CLA-COUNT", "31/03/2023", "", "", "5", "roughly", "", ""],
            "‘roughly’ is not a qualifier",
        ),
        (
            ["CLA-COUNT", "31/03/2023", "", "locality=North", "5", "", "", ""],
            "CLA-COUNT has no dimension ‘locality’: its dimensions are placement_type",
        ),
        (["CLA-COUNT", "March 2023", "", "", "5", "", "", ""], "Date must be a date"),
        (["CLA-COUNT", "31/03/2023", "", "", "-5", "", "", ""], "cannot be negative"),
        (["CLA-COUNT", "31/03/2023", "", "", "", "", "", ""], "must say why"),
        (["CLA-COUNT", "31/03/2023", "wales", "", "5", "", "", ""], "‘wales’ is not an area"),
        (["CLA-COUNT", "31/03/2023", "", "placement", "5", "", "", ""], "is not a breakdown"),
    ],
)
def test_bad_rows_are_refused_whole_with_a_clear_message(testshire, march, row, message):
    good = ["CLA-COUNT", "30/06/2023", "", "", "600", "", "", ""]
    data = csv_bytes([HEADER, good, row])
    before = snapshot(testshire)
    _context, preparation = prepare(testshire, march, data)
    text = "\n".join(str(p) for p in preparation.plan.problems)
    assert message in text
    assert "row 3" in text
    with pytest.raises(CommandError, match="nothing was imported"):
        path = f"/tmp/bp-indicators-bad-{abs(hash(tuple(row)))}.csv"
        with open(path, "wb") as handle:
            handle.write(data)
        call_command("import", "indicators", path, period="2023-03", organisation="testshire")
    assert snapshot(testshire) == before


cells = st.one_of(
    st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=12),
    st.decimals(allow_nan=False, allow_infinity=False, places=2).map(str),
    st.sampled_from(["CLA-COUNT", "PA-PCT", "c", "x", "31/03/2023", "school_type=PRU", "140"]),
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=st.lists(st.lists(cells, min_size=8, max_size=8), min_size=1, max_size=4))
def test_any_file_is_planned_without_crashing_and_written_only_when_valid(testshire, march, rows):
    before = snapshot(testshire)
    context, preparation = prepare(testshire, march, csv_bytes([HEADER, *rows]))
    plan = preparation.plan
    if plan.problems:
        assert snapshot(testshire) == before
        return
    apply_plan(importer=get("indicators"), context=context, plan=plan)
    after = snapshot(testshire)
    assert len(after) == len(before) + plan.new_count
    for change in plan.to_write:
        p = change.payload
        held = Observation.objects.get(
            indicator=p["indicator"],
            date=p["date"],
            area=p["area"],
            breakdown_key=change.key.split("|")[3],
            source__key=p["source"],
            as_written=p["as_written"],
        )
        assert held.value == p["value"]
        if p["indicator"].unit == "percentage" and held.value is not None:
            assert 0 <= held.value <= 100
    Observation.objects.filter(source__key="import-2023-03").delete()


def test_api_lists_indicators_and_their_observations(testshire, as_user):
    client = as_user("t.analyst")
    doc = client.get("/api/v1/indicators", {"organisation": "testshire"}).json()
    codes = [i["code"] for i in doc["indicators"]]
    assert "PA-PCT" in codes
    obs = client.get(
        "/api/v1/indicators/PA-COUNT/observations", {"organisation": "testshire"}
    ).json()
    special = [o for o in obs["observations"] if o["breakdown"] == {"school_type": "Special"}]
    assert special[0]["value"] == "4"
    member = (
        as_user("t.councillor")
        .get("/api/v1/indicators/PA-COUNT/observations", {"organisation": "testshire"})
        .json()
    )
    special = [o for o in member["observations"] if o["breakdown"] == {"school_type": "Special"}]
    assert special[0]["value"] is None and special[0]["as_written"] == "c"
    missing = client.get("/api/v1/indicators/NOPE/observations", {"organisation": "testshire"})
    assert missing.status_code == 404
