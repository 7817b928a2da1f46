"""The demo's exports reproduce the seed's finance tables figure for figure.

The figures below are typed from the seeds (001 MTFP tracker; 002 budget monitoring Month 9
2022/23, DSG allocation and Table 7), not read from them.
"""

import io
import json

import pytest
from django.core.management import call_command
from openpyxl import load_workbook

from boardpack.core import datasets

MTFP = [
    # ref, £, over-achieved, achieved, on track, at risk (blank in the seed = None, not 0)
    ("CFE001", "324500", None, "149000", "175500", None),
    ("CFE003", "398100", None, "398100", None, None),
    ("CFE005", "410000", None, "410000", None, None),
    ("CFE006", "132000", None, "132000", None, None),
    ("CFE007", "141000", None, "141000", None, None),
    ("CFE008", "100000", None, "100000", None, None),
    ("CFE009", "125000", None, None, None, "125000"),
    ("CFE010", "11100", None, "11100", None, None),
    ("CFE012", "35000", None, None, "35000", None),
    ("CFE013", "30000", None, "30000", None, None),
    ("CFE015", "67000", None, None, "67000", None),
    ("CFE016", "3385800", None, None, "1482000", "1903800"),
    ("CFE017", "1714900", None, None, "1714900", None),
    ("CFE018", "1585500", None, None, None, "1585500"),
    ("CFE2324-05", "1109000", None, None, "692000", "417000"),
]

BUDGET = {
    # division: [(service area, budget, projection, variance, A/(F), movement, arrow)...]
    "Children's Social Care": [
        ("Prevention", "5.7", "5.8", "0.1", "A", "0.0", "→"),
        ("Fostering & Permanence", "12.8", "12.4", "(0.4)", "(F)", "0.2", "↓"),
        ("External Placements", "27.4", "41.9", "14.5", "A", "2.4", "↓"),
        ("Fieldwork", "8.9", "10.6", "1.7", "A", "0.5", "↓"),
        ("Disabilities", "3.6", "4.0", "0.4", "A", "0.1", "↓"),
        ("Partnership, Audit & Quality", "2.6", "2.5", "(0.1)", "(F)", "0.0", "→"),
        ("Safeguarding", "0.0", "0.0", "0.0", "-", "0.0", "→"),
        ("Children Looked After", "4.4", "5.3", "0.9", "A", "0.2", "↓"),
        ("Leaving Care", "2.0", "2.3", "0.3", "A", "0.1", "↓"),
        ("Residential Homes", "2.2", "2.0", "(0.2)", "(F)", "0.0", "→"),
        ("Central", "0.6", "1.1", "0.5", "A", "0.1", "↓"),
    ],
    "Commissioning": [
        ("Commissioning Services", "10.8", "10.9", "0.1", "A", "0.0", "→"),
        ("Supporting Families", "(0.4)", "(0.4)", "0.0", "-", "0.0", "→"),
        ("Central", "0.7", "0.7", "0.0", "-", "0.0", "→"),
    ],
    "Education Partnerships and Skills": [
        ("School Improvement", "0.1", "0.1", "0.0", "-", "0.0", "→"),
        ("Education System Development", "0.9", "0.9", "0.0", "-", "0.0", "→"),
        ("Early Years", "0.5", "0.5", "0.0", "-", "0.0", "→"),
        ("Schools Statutory", "0.0", "0.0", "0.0", "-", "0.0", "→"),
    ],
    "Inclusion": [
        ("Inclusion Services", "5.0", "5.1", "0.1", "A", "(0.1)", "↑"),
        ("Home to School Transport", "10.9", "12.3", "1.4", "A", "0.0", "→"),
        ("SEND Transport", "6.6", "8.1", "1.5", "A", "0.1", "↓"),
    ],
}
SUBTOTALS = {
    "Children's Social Care": ("70.2", "87.9", "17.7", "A", "3.6", "↓"),
    "Commissioning": ("11.1", "11.2", "0.1", "A", "0.0", "→"),
    "Education Partnerships and Skills": ("1.5", "1.5", "0.0", "-", "0.0", "→"),
    "Inclusion": ("22.5", "25.5", "3.0", "A", "0.0", "→"),
}
TOTAL = ("105.3", "126.1", "20.8", "A", "3.6", "↓")

DSG_ALLOCATION = [
    ("High Needs Block (HNB)", "76.3", "8.8", "67.5"),
    ("Central School Services Block (CSSB)", "5.6", "0.0", "5.6"),
    ("Early Years (EYB) *", "29.1", "0.0", "29.1"),
    ("Schools Block (SB) **", "357.0", "233.3", "123.7"),
]
DSG_ALLOCATION_TOTAL = ("Total DSG", "468.0", "242.1", "225.9")
DSG = [
    ("High Needs Block (HNB)", "67.5", "71.6", "4.1", "A", "(0.2)", "↑"),
    ("Central Schools Block (CSB)", "5.6", "5.6", "(0.0)", "-", "0.2", "↓"),
    ("Early Years (EYB)", "29.1", "28.9", "(0.2)", "(F)", "0.0", "↓"),
    ("De-delegated", "1.8", "1.9", "0.1", "A", "(0.0)", "→"),
]
DSG_TOTAL = ("Total", "104.0", "107.9", "3.9", "A", "(0.0)", "→")


def export(dataset: str, period: str, fmt: str = "json", output=None) -> str:
    out = io.StringIO()
    args = [dataset, "--period", period, "--format", fmt]
    if output:
        args += ["-o", str(output)]
    call_command("export", *args, stdout=out)
    return out.getvalue()


def shown(row: dict, column: str) -> str:
    """The figure a reader of the source sees: the stated one where the source stated it."""
    if column in ("marker", "direction"):
        return row["stated"].get(column, row[column])
    return row["stated"].get(f"{column}_printed", row["printed"][column])


@pytest.mark.django_db
def test_savings_export_reproduces_the_mtfp_tracker():
    doc = json.loads(export("savings", "2024-06"))
    assert list(doc) == ["period", "lines", "totals"]
    assert doc["period"] == "2024-06"
    got = [
        (
            line["ref"],
            line["target"],
            line["over_achieved"],
            line["achieved"],
            line["on_track"],
            line["at_risk"],
        )
        for line in doc["lines"]
    ]
    assert got == MTFP
    assert doc["totals"] == {
        "target": "9568900",
        "over_achieved": None,  # blank in every line, so no total: not £0
        "achieved": "1371200",
        "on_track": "4166400",
        "at_risk": "4031300",
    }
    cfe016 = doc["lines"][11]
    assert cfe016["description"] == "16+ placements (Block contract)"
    assert cfe016["comment"].startswith("Commissioning and finance review underway")
    assert set(cfe016) == {
        "ref",
        "description",
        "target",
        "over_achieved",
        "achieved",
        "on_track",
        "at_risk",
        "comment",
    }
    for line in doc["lines"]:
        assert all(isinstance(line[k], str) or line[k] is None for k in line)


@pytest.mark.django_db
def test_budget_export_computes_every_figure_of_the_seed():
    doc = json.loads(export("budget", "2022-12"))
    assert doc["previous_period"] == "2022-10"  # Month 7: the previous *reported* month
    assert [d["name"] for d in doc["divisions"]] == list(BUDGET)
    for division in doc["divisions"]:
        expected = BUDGET[division["name"]]
        got = [
            (
                row["label"],
                row["printed"]["current_budget"],
                row["printed"]["projection"],
                row["printed"]["variance"],
                row["marker"],
                row["printed"]["movement"],
                row["direction"],
            )
            for row in division["lines"]
        ]
        assert got == expected  # computed, not the stated copies
        sub = division["subtotal"]
        assert (
            sub["printed"]["current_budget"],
            sub["printed"]["projection"],
            sub["printed"]["variance"],
            sub["marker"],
            sub["printed"]["movement"],
            sub["direction"],
        ) == SUBTOTALS[division["name"]]
    total = doc["total"]
    assert total["label"] == "Children's Services Total"
    assert (
        total["printed"]["current_budget"],
        total["printed"]["projection"],
        total["printed"]["variance"],
        total["marker"],
        total["printed"]["movement"],
        total["direction"],
    ) == TOTAL
    assert total["variance"] == "20.8" and total["movement"] == "3.6"


@pytest.mark.django_db
def test_budget_month_7_follows_from_the_movement():
    month_9 = json.loads(export("budget", "2022-12"))
    month_7 = json.loads(export("budget", "2022-10"))
    assert month_7["previous_period"] is None
    assert month_7["total"]["printed"]["variance"] == "17.2"  # 20.8 − 3.6
    fostering_7 = month_7["divisions"][0]["lines"][1]
    assert fostering_7["label"] == "Fostering & Permanence"
    assert fostering_7["printed"]["variance"] == "(0.6)"  # (0.4) − 0.2
    assert month_9["divisions"][0]["lines"][1]["printed"]["movement"] == "0.2"


@pytest.mark.django_db
def test_dsg_export_reproduces_the_seed_tables():
    doc = json.loads(export("dsg", "2022-12"))
    allocation = doc["allocation"]
    assert allocation["financial_year"] == "2022/23"
    got = [
        (
            r["label"],
            r["printed"]["before_recoupment"],
            r["printed"]["recoupment"],
            r["printed"]["after_recoupment"],
        )
        for r in allocation["rows"]
    ]
    assert got == DSG_ALLOCATION
    total = allocation["total"]
    assert (
        total["label"],
        total["printed"]["before_recoupment"],
        total["printed"]["recoupment"],
        total["printed"]["after_recoupment"],
    ) == DSG_ALLOCATION_TOTAL
    columns = ["current_budget", "projection", "variance", "marker", "movement", "direction"]
    assert [(r["label"], *[shown(r, c) for c in columns]) for r in doc["lines"]] == DSG
    assert (doc["total"]["stated"]["label"], *[shown(doc["total"], c) for c in columns]) == (
        DSG_TOTAL
    )
    # What Boardpack computes where the seed's rounded figures say otherwise:
    csb, eyb, de_delegated = doc["lines"][1], doc["lines"][2], doc["lines"][3]
    assert (csb["printed"]["variance"], csb["marker"]) == ("0.0", "-")
    assert (eyb["printed"]["movement"], eyb["direction"]) == ("0.0", "→")
    assert de_delegated["printed"]["movement"] == "0.0"
    assert doc["total"]["printed"]["projection"] == "108.0"
    assert doc["total"]["printed"]["variance"] == "4.0"
    assert doc["deficit"] == [
        {
            "kind": "actual",
            "as_at": "2022-03-31",
            "as_at_label": "31 March 2022",
            "amount": "20.1",
            "printed": "£20.1m",
        },
        {
            "kind": "forecast",
            "as_at": "2023-03-31",
            "as_at_label": "31 March 2023",
            "amount": "24.0",
            "printed": "£24m",
        },
    ]


@pytest.mark.django_db
def test_budget_csv_has_one_row_per_line_with_markers_and_arrows():
    text = export("budget", "2022-12", "csv")
    lines = text.splitlines()
    assert lines[0].startswith("row,division,service_area,current_budget,projection,variance")
    assert "line,Children's Social Care,Fostering & Permanence,12.8,12.4,-0.4,(F),0.2,↓" in text
    assert "total,,Children's Services,105.3,126.1,20.8,A,3.6,↓" in text
    assert len(lines) == 1 + 21 + 4 + 1


@pytest.mark.django_db
def test_savings_xlsx_reads_back_with_plain_numbers(tmp_path):
    path = tmp_path / "savings.xlsx"
    export("savings", "2024-06", "xlsx", path)
    sheet = load_workbook(path, data_only=True)["savings"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == (
        "ref",
        "description",
        "target",
        "over_achieved",
        "achieved",
        "on_track",
        "at_risk",
        "comment",
    )
    assert len(rows) == 16
    assert rows[12][0] == "CFE016"
    assert rows[12][2:7] == (3385800, None, None, 1482000, 1903800)  # blank cells stay blank
    assert sum(r[2] for r in rows[1:]) == 9568900


@pytest.mark.django_db
def test_dsg_xlsx_has_a_sheet_per_table(tmp_path):
    path = tmp_path / "dsg.xlsx"
    export("dsg", "2022-12", "xlsx", path)
    book = load_workbook(path, data_only=True)
    assert book.sheetnames == ["dsg", "allocation", "deficit"]
    rows = list(book["dsg"].iter_rows(values_only=True))
    header = rows[0]
    csb = dict(zip(header, rows[2], strict=True))
    assert csb["label"] == "Central Schools Block (CSB)"
    assert csb["current_budget"] == pytest.approx(5.6)
    assert csb["stated_variance_printed"] == "(0.0)"
    total = dict(zip(header, rows[-1], strict=True))
    assert total["projection"] == pytest.approx(108.0)
    assert total["stated_projection"] == pytest.approx(107.9)
    allocation = list(book["allocation"].iter_rows(values_only=True))
    assert allocation[-1][2:7] == ("Total DSG", "2022/23", 468, 242.1, 225.9)


def test_finance_datasets_are_registered():
    for name in ("savings", "budget", "dsg"):
        assert datasets.get(name).formats == ["json", "csv", "xlsx"]
