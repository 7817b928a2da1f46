"""Issue 14's "done when": Somerset's 2025 rate of children looked after beside its comparators,
the same on the page, in the API, in the export and in a report block.

The expected figures are worked out here from the DfE's file itself (the copy the project ships),
with nothing but the csv module, and stated as the published figures: 55 per 10,000 against
England 67 and the South West 62; the ten 2025 neighbours' mean 66.3; rank 109 of the 151
authorities with a figure (highest first, as neither direction is better); band C.
"""

import csv
import io
import json
import re
from decimal import ROUND_HALF_UP, Decimal
from importlib import resources
from io import StringIO

import pytest
from django.core.management import call_command

from boardpack.benchmarking.models import Measure
from boardpack.core.models import ReportingPeriod
from boardpack.reports.assemble import build_document
from boardpack.reports.document import Chart, Paragraph, Table
from boardpack.reports.models import Block, BlockKind, ReportTemplate, TemplateSection

pytestmark = pytest.mark.django_db

ON_31_MARCH = "Children looked after on 31 March each year"


def _shipped(name: str) -> list[dict[str, str]]:
    data = resources.files("boardpack.benchmarking").joinpath("data", name).read_text("utf-8-sig")
    return list(csv.DictReader(io.StringIO(data)))


def _expected() -> dict[str, object]:
    rows = [
        r
        for r in _shipped("cla_number_and_rate_per_10k_children.csv")
        if r["time_period"] == "2025" and r["population_type"] == ON_31_MARCH
    ]
    by_level = {
        (r["geographic_level"], r["old_la_code"] or r["region_code"]): r["rate_per_10000"]
        for r in rows
    }
    authorities = {
        r["old_la_code"]: Decimal(r["rate_per_10000"])
        for r in rows
        if r["geographic_level"] == "Local authority" and r["rate_per_10000"][0].isdigit()
    }
    model = next(r for r in _shipped("sn_model_2025_wide.csv") if r["old_la_code"] == "933")
    neighbours = [authorities[model[f"SN_{i}"]] for i in range(1, 11) if model[f"SN_{i}"]]
    mean = (sum(neighbours, Decimal(0)) / len(neighbours)).quantize(Decimal("0.1"), ROUND_HALF_UP)
    own = authorities["933"]
    rank = 1 + sum(1 for v in authorities.values() if v > own)
    return {
        "value": by_level[("Local authority", "933")],
        "england": by_level[("National", "")],
        "region": by_level[("Regional", "E12000009")],
        "mean": str(mean),
        "with_data": len(neighbours),
        "rank": rank,
        "of": len(authorities),
        "band": "ABCD"[(rank - 1) * 4 // len(authorities)],
    }


def test_the_file_itself_gives_the_published_figures():
    assert _expected() == {
        "value": "55",
        "england": "67",
        "region": "62",
        "mean": "66.3",
        "with_data": 10,
        "rank": 109,
        "of": 151,
        "band": "C",
    }


def _page(signed_in, url: str) -> str:
    """The page's HTML with the white space before each tag taken out."""
    response = signed_in("councillor").get(url)
    assert response.status_code == 200
    return re.sub(r"\s+<", "<", response.content.decode())


def test_on_the_how_do_we_compare_page(signed_in):
    e = _expected()
    text = _page(signed_in, "/somerset/benchmarks/")
    row = text.split("Children looked after on 31 March, rate per 10,000 children</a>")[1]
    row = row.split("</tr>")[0]
    for cell in (
        f">{e['value']}<",
        f">{e['england']}<",
        f">{e['region']}<",
        f'{e["mean"]}<span class="govuk-body-s">({e["with_data"]} of 10 with data)',
        f">{e['rank']} of {e['of']}<",
        f">{e['band']}<",
        ">+3<",  # 52 in 2024
    ):
        assert cell in row, cell


def test_on_the_measure_page(signed_in):
    e = _expected()
    text = _page(signed_in, "/somerset/benchmarks/CLA-RATE-31-MARCH/")
    for expected in (
        f">{e['value']}<",
        f">{e['england']}<",
        f'South West</dt><dd class="govuk-summary-list__value">{e["region"]}<',
        f"{e['mean']} ({e['with_data']} of 10 neighbours with data)",
        f"{e['rank']} of {e['of']} authorities with data",
        f">{e['band']} (A is the highest quarter",
        "Somerset (us)",
    ):
        assert expected in text, expected


def _document_fields(doc: dict) -> dict:
    rate = next(m for m in doc["measures"] if m["measure"] == "CLA-RATE-31-MARCH")
    return {
        "value": rate["value"]["value"],
        "england": rate["england"]["value"],
        "region": rate["region"]["value"],
        "mean": rate["statistical_neighbours"]["mean"],
        "with_data": rate["statistical_neighbours"]["with_data"],
        "rank": rate["rank"],
        "of": rate["ranked_of"],
        "band": rate["quartile_band"],
    }


def test_in_the_export_each_as_a_field_of_its_own():
    out = StringIO()
    call_command("export", "benchmarks", "--period", "2025-03", "--format", "json", stdout=out)
    doc = json.loads(out.getvalue())
    assert _document_fields(doc) == _expected()
    measures = set(
        Measure.objects.filter(organisation__slug="somerset").values_list("code", flat=1)
    )
    assert {m["measure"] for m in doc["measures"]} == measures  # every benchmarked indicator
    for m in doc["measures"]:
        assert set(m) >= {
            "value",
            "england",
            "region",
            "statistical_neighbours",
            "rank",
            "ranked_of",
            "quartile_band",
            "change_since_previous_year",
        }
        assert set(m["statistical_neighbours"]) == {"mean", "with_data", "of"}


def test_in_the_export_as_csv_each_as_a_column_of_its_own():
    out = StringIO()
    call_command("export", "benchmarks", "--period", "2025-03", "--format", "csv", stdout=out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue().lstrip("\ufeff"))))
    rate = next(r for r in rows if r["measure"] == "CLA-RATE-31-MARCH")
    e = _expected()
    assert (rate["value"], rate["england"], rate["region_value"]) == ("55", "67", "62")
    assert (rate["sn_mean"], rate["sn_with_data"], rate["sn_of"]) == (e["mean"], "10", "10")
    assert (rate["rank"], rate["ranked_of"], rate["quartile_band"]) == ("109", "151", "C")


def test_in_the_api(signed_in):
    api = signed_in("councillor").get("/api/v1/benchmarks", {"period": "2025-03"})
    assert api.status_code == 200
    assert _document_fields(api.json()) == _expected()
    years = signed_in("councillor").get("/api/v1/benchmarks/CLA-RATE-31-MARCH").json()["years"]
    latest = next(y for y in years if y["year"] == "2025")
    assert _document_fields({"measures": [latest]}) == _expected()


def test_in_a_report_block(somerset):
    template = ReportTemplate.objects.create(
        organisation=somerset, slug="compare", title="How Somerset compares"
    )
    section = TemplateSection.objects.create(template=template, title="Compare", slug="c", order=1)
    Block.objects.create(section=section, kind=BlockKind.BENCHMARKS, order=1, config={})
    Block.objects.create(
        section=section,
        kind=BlockKind.BENCHMARK_MEASURE,
        order=2,
        config={"measure": "CLA-RATE-31-MARCH"},
    )
    period = ReportingPeriod.objects.get(organisation=somerset, month="2024-06-01")
    nodes = build_document(template, somerset, period).sections[0].nodes
    e = _expected()
    table = next(n for n in nodes if isinstance(n, Table))
    row = next(
        r
        for r in table.rows
        if r.cells[0].text.startswith("Children looked after on 31 March, rate")
    )
    assert [c.text for c in row.cells[1:]] == [
        "2025",
        e["value"],
        e["england"],
        e["region"],
        f"{e['mean']} (10 of 10)",
        f"{e['rank']} of {e['of']}",
        e["band"],
        "+3",
    ]
    summary = next(n.text for n in nodes if isinstance(n, Paragraph) and "ranked" in n.text)
    assert f"ranked {e['rank']} of {e['of']}" in summary and f"band {e['band']}" in summary
    assert f"mean was {e['mean']} (10 of 10" in summary
    ranked = [n for n in nodes if isinstance(n, Chart) and n.chart_type == "bar"]
    assert len(ranked) == 1
    assert "Somerset (us)" in ranked[0].categories and len(ranked[0].categories) == 11
    ranks = [int(r.cells[2].text) for r in ranked[0].table.rows]
    assert ranks == sorted(ranks) and e["rank"] in ranks
