"""The Members' Quarterly Report (seed 002) as data: its outline, its words and its references.

The data module is plain Python; these tests hold its structure to the seed's outline (written out
here in full, in order), keep every table's figures out of the narrative, and check that every
indicator code it names is one the performance demo data defines (when that module is present).
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import pytest

from boardpack.reports.demo_data.members_quarterly import (
    BLOCK_KEYS,
    BLOCK_KINDS,
    EDITION,
    SECTIONS,
    TEMPLATE,
)

# Every heading of seed 002, in order, with its level (1: a service area; 2, 3: within it).
SEED_HEADINGS: list[tuple[int, str]] = [
    (1, "Introduction"),
    (1, "Commissioning"),
    (2, "Sufficiency"),
    (3, "Homes and Horizons (H&H) Strategic Partnership"),
    (2, "Connect Somerset"),
    (2, "Transformation"),
    (2, "Early Help"),
    (3, "Household Support Fund"),
    (3, "Holiday Activities and Food"),
    (3, "Young Carers"),
    (1, "Children's Social Care"),
    (2, "Social Care"),
    (2, "Children with Disabilities"),
    (2, "Children Looked After"),
    (2, "Leaving Care"),
    (2, "Quality Assurance for children's social care and SEND"),
    (2, "Prevention Services"),
    (2, "Family Intervention Service"),
    (2, "Assessment & Safeguarding"),
    (2, "Voice of the Child"),
    (1, "Education Partnerships and Skills"),
    (2, "Education Operations"),
    (2, "Curriculum and Literacy"),
    (2, "Education Places"),
    (2, "Education Leadership"),
    (2, "Recent Ofsted inspection results"),
    (1, "Inclusion Somerset"),
    (1, "Inclusion Somerset"),  # the seed heads it twice
    (2, "Inclusion"),
    (2, "School Attendance"),
    (2, "Special Educational Needs and Disabilities (SEND)"),
    (2, "Educational Psychology"),
    (2, "Vulnerable Learners"),
    (3, "Suspensions"),
    (3, "Exclusions"),
    (3, "Attendance"),
    (2, "Transformation & Partnerships"),
    (1, "Finances"),
    (2, "Dedicated Schools Grant"),
    (3, "Statutory override"),
    (1, "Workforce – HR update"),
]

# The whole outline as a reader meets it: section headings (H), chart titles (chart), case study
# titles (case study), inspection group headings (group) and table captions (table).
SEED_OUTLINE: list[tuple[str, str]] = [
    ("H", "Introduction"),
    ("H", "Commissioning"),
    ("H", "Sufficiency"),
    ("chart", "Children Looked After by placement type"),
    ("H", "Homes and Horizons (H&H) Strategic Partnership"),
    ("H", "Connect Somerset"),
    ("H", "Transformation"),
    ("H", "Early Help"),
    ("H", "Household Support Fund"),
    ("case study", "Case Study"),
    ("H", "Holiday Activities and Food"),
    ("H", "Young Carers"),
    ("H", "Children's Social Care"),
    ("H", "Social Care"),
    ("chart", "Rate of Children Looked After (CLA), per 10,000 children aged under 18"),
    ("chart", "Number of adoptions in the last 12 months"),
    ("H", "Children with Disabilities"),
    ("H", "Children Looked After"),
    ("H", "Leaving Care"),
    ("H", "Quality Assurance for children's social care and SEND"),
    ("H", "Prevention Services"),
    ("H", "Family Intervention Service"),
    ("H", "Assessment & Safeguarding"),
    ("H", "Voice of the Child"),
    ("H", "Education Partnerships and Skills"),
    ("chart", "Somerset difference from England Average for Expected Standard or better (%)"),
    ("H", "Education Operations"),
    ("H", "Curriculum and Literacy"),
    ("H", "Education Places"),
    ("H", "Education Leadership"),
    ("H", "Recent Ofsted inspection results"),
    ("group", "Good rating"),
    ("group", "Inadequate rating"),
    ("group", "Outstanding"),
    ("group", "Requires improvement"),
    ("H", "Inclusion Somerset"),
    ("H", "Inclusion Somerset"),
    ("H", "Inclusion"),
    ("H", "School Attendance"),
    ("H", "Special Educational Needs and Disabilities (SEND)"),
    ("H", "Educational Psychology"),
    ("H", "Vulnerable Learners"),
    ("H", "Suspensions"),
    ("table", "Suspensions"),
    ("H", "Exclusions"),
    ("table", "Exclusions"),
    ("H", "Attendance"),
    ("table", "Attendance"),
    ("table", ""),  # children looked after: suspensions (the seed prints no caption)
    ("table", ""),  # children looked after: part-time timetables
    ("H", "Transformation & Partnerships"),
    ("H", "Finances"),
    ("table", "2022/23 Children's Services as at the end of December 2022 (Month 9)"),
    ("H", "Dedicated Schools Grant"),
    ("table", ""),  # the DSG blocks' allocation
    ("table", "Table 7: 2022/23 DSG as at the end of December 2022 (Month 9)"),
    ("table", ""),  # the DSG deficit and its forecast
    ("H", "Statutory override"),
    ("H", "Workforce – HR update"),
]

TABLE_KINDS = {"breakdown_table", "indicator_table", "budget_table", "dsg_table"}
TEXT_KINDS = {"narrative", "case_study", "quote"}

# Cells of the seed's tables that no sentence of the seed repeats. (Small counts such as the
# permanent exclusions' 7, 13 or 16, and "580", which is also the introduction's number of
# children in care, are left out: prose may state them for its own reasons. A negative figure in
# prose, such as the KS2 gap's "-5.8", is not the budget table's 5.8.)
PERFORMANCE_FIGURES = [
    # Suspensions
    "503", "677", "825", "507", "71", "551", "1105", "585", "778", "667", "849", "1216", "638",
    "451",
    # Attendance
    "37291", "6363", "17.06%", "94.26%", "127", "108", "85.04%", "54.59%", "29630", "7068",
    "23.85%", "91.41%", "936", "321", "34.29%", "83.09%",
    # Children looked after: suspensions, part-time timetables
    "70", "57", "41", "31", "10.5", "30.0",
]  # fmt: skip
FINANCE_FIGURES = [
    # Budget monitoring, Month 9
    "5.7", "5.8", "12.8", "12.4", "(0.4)", "27.4", "41.9", "14.5", "8.9", "10.6", "1.7", "3.6",
    "4.0", "2.6", "2.5", "(0.1)", "4.4", "5.3", "2.2", "2.0", "1.1", "70.2", "87.9", "17.7",
    "10.8", "10.9", "11.1", "11.2", "1.5", "5.0", "5.1", "12.3", "6.6", "8.1", "22.5", "25.5",
    "3.0", "105.3", "126.1", "20.8",
    # DSG allocation, DSG Month 9, deficit
    "76.3", "8.8", "67.5", "5.6", "29.1", "357.0", "233.3", "123.7", "468.0", "242.1", "225.9",
    "71.6", "4.1", "(0.2)", "28.9", "1.8", "1.9", "104.0", "107.9", "3.9", "(0.0)", "£20.1m",
    "£24m",
]  # fmt: skip
TABLE_FIGURES = PERFORMANCE_FIGURES + FINANCE_FIGURES

# A figure typed as text: "1105", "17.06%", "(0.4)", "£24m".
BARE_FIGURE = re.compile(r"^[£(]*-?[\d,]+(\.\d+)?[)%m]*$")


def _blocks() -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    for section in SECTIONS:
        for block in section["blocks"]:
            yield section, block


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


def _outline() -> list[tuple[str, str]]:
    outline: list[tuple[str, str]] = []
    for section in SECTIONS:
        outline.append(("H", section["title"]))
        for block in section["blocks"]:
            if block["kind"] == "indicator_chart":
                outline.append(("chart", block["title"]))
            elif block["kind"] == "case_study":
                outline.append(("case study", block["title"]))
            elif block["kind"] == "inspections_list":
                outline += [("group", group["heading"]) for group in block["groups"]]
            elif block["kind"] in TABLE_KINDS:
                outline.append(("table", block["caption"]))
    return outline


def test_template_and_edition():
    assert TEMPLATE == {
        "slug": "members-quarterly",
        "title": "Members' Quarterly Report",
        "audience": "members",
    }
    assert EDITION["period"] == "2023-03"
    assert EDITION["subtitle"] == "January to March 2023"
    assert EDITION["cover_text"] == ["Somerset", "Council"]


def test_sections_follow_the_seed_headings_in_order():
    assert [(s["level"], s["title"]) for s in SECTIONS] == SEED_HEADINGS


def test_the_whole_outline_follows_the_seed():
    assert _outline() == SEED_OUTLINE


def test_every_section_has_a_unique_slug_a_title_and_a_level_that_nests():
    slugs = [s["slug"] for s in SECTIONS]
    assert len(slugs) == len(set(slugs))
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug) and len(slug) <= 80 for slug in slugs)
    assert SECTIONS[0]["level"] == 1
    previous = 1
    for section in SECTIONS:
        assert section["title"].strip() == section["title"] != ""
        assert section["level"] in (1, 2, 3)
        assert section["level"] <= previous + 1, section["title"]  # never skips a level
        previous = section["level"]


def test_every_block_is_of_a_documented_kind_with_its_keys():
    assert set(BLOCK_KEYS) == set(BLOCK_KINDS)
    for section, block in _blocks():
        kind = block["kind"]
        assert kind in BLOCK_KINDS, (section["title"], kind)
        missing = BLOCK_KEYS[kind] - set(block)
        assert not missing, (section["title"], kind, missing)


def test_every_text_is_present_and_tidy():
    texts = [block for _s, block in _blocks() if block["kind"] in TEXT_KINDS]
    assert len(texts) == 46  # 43 narratives, 1 case study, 2 quotes
    for block in texts:
        markdown = block["markdown"]
        assert markdown.strip() == markdown != ""
        assert "\n\n\n" not in markdown
        assert not any(line != line.rstrip() for line in markdown.split("\n"))


def test_the_narrative_holds_the_seeds_words():
    """A few sentences, word for word, as spot checks of the transcription."""
    text = "\n\n".join(b["markdown"] for _s, b in _blocks() if b["kind"] in TEXT_KINDS)
    for sentence in (
        "the corporate parent for 580 children and young people and 395? Young people leaving our "
        "care.",
        "We have 1200 staff, a service budget of £105m (excluding schools) and manage an annual "
        "dedicated schools grant of £468m.",
        "- Put in place a new **team around the school** model with named professionals "
        "supporting each school",
        "The number of adoptions in Somerset has continued to rise with 50 children adopted over "
        "the last 12 months.",
        "We have worked alongside partners to develop a shared understanding of the thresholds "
        "for coming into care",
        "  - Supervision templates have been updated",
        "'The family safeguarding model is helping me and my family, the sessions with my "
        "domestic abuse worker have been great.'",
        "30 schools were inspected by Ofsted in the last quarter.",
        "into the existing School Transport Cost Management Strategy",
        "includes a deep analysis of data systems to inform from all services together.",
        "the SEND Strategy going forwards",
    ):
        assert sentence in text, sentence


def test_no_text_holds_a_figure_of_a_table():
    for section, block in _blocks():
        if block["kind"] not in TEXT_KINDS:
            continue
        for figure in TABLE_FIGURES:
            pattern = r"(?<![\w.£(-])" + re.escape(figure) + r"(?![\w%]|\.\d)"
            assert not re.search(pattern, block["markdown"]), (section["title"], figure)


def test_no_table_chart_or_tile_holds_a_figure_typed_as_text():
    for section, block in _blocks():
        if block["kind"] in TEXT_KINDS:
            continue
        for text in _strings(block):
            assert not BARE_FIGURE.match(text), (section["title"], block["kind"], text)


def test_tables_name_their_records():
    tables = [block for _s, block in _blocks() if block["kind"] in TABLE_KINDS]
    assert [(b["kind"], b.get("indicator") or b.get("table", "")) for b in tables] == [
        ("breakdown_table", "SUSPENSIONS"),
        ("breakdown_table", "PERMANENT-EXCLUSIONS"),
        ("indicator_table", ""),
        ("indicator_table", ""),
        ("indicator_table", ""),
        ("budget_table", ""),
        ("dsg_table", "allocation"),
        ("dsg_table", "monitoring"),
        ("dsg_table", "deficit"),
    ]
    indicator_tables = [b for b in tables if b["kind"] == "indicator_table"]
    assert [[i["code"] for i in b["indicators"]] for b in indicator_tables] == [
        ["PUPILS-ON-ROLL", "PERSISTENT-ABSENCE", "PERSISTENT-ABSENCE-PCT", "ATTENDANCE-PCT"],
        ["CLA-SUSPENSIONS", "CLA-SUSPENDED-CYP"],
        ["CLA-PTT-AVERAGE"],
    ]
    finance = [b for b in tables if b["kind"] in ("budget_table", "dsg_table")]
    # Month 9 of 2022/23, compared with Month 7; the DSG allocation is for 2022/23.
    assert [b.get("period") for b in finance] == ["2022-12", None, "2022-12", "2022-12"]
    assert [b.get("compare_with") for b in finance] == ["2022-10", None, "2022-10", None]
    assert finance[1]["financial_year"] == 2022


def test_charts_say_where_their_figures_would_come_from():
    charts = [block for _s, block in _blocks() if block["kind"] == "indicator_chart"]
    assert [(c["title"], c["indicator"]) for c in charts] == [
        ("Children Looked After by placement type", ""),
        ("Rate of Children Looked After (CLA), per 10,000 children aged under 18", ""),
        ("Number of adoptions in the last 12 months", "ADOPTIONS-12M"),
        (
            "Somerset difference from England Average for Expected Standard or better (%)",
            "KS2-GAP-ENGLAND",
        ),
    ]
    for chart in charts:
        assert "no data is held" in chart["note"]


# --- References into the performance demo data (skipped until that module is present) --------


def _somerset() -> ModuleType:
    try:
        return importlib.import_module("boardpack.performance.demo_data.somerset")
    except ImportError:
        pytest.skip("boardpack.performance.demo_data.somerset is not importable here")


def _indicator_codes() -> list[str]:
    codes: list[str] = []
    for _section, block in _blocks():
        if block["kind"] == "headline_figures":
            codes += block["indicators"]
        elif block["kind"] in ("indicator_chart", "breakdown_table") and block["indicator"]:
            codes.append(block["indicator"])
        elif block["kind"] == "indicator_table":
            codes += [item["code"] for item in block["indicators"]]
    return codes


def test_indicator_codes_exist_in_the_performance_demo_data():
    somerset = _somerset()
    defined = {i["code"]: i for i in somerset.INDICATORS}
    held_back = {i["code"] for i in getattr(somerset, "HELD_BACK_INDICATORS", [])}
    codes = _indicator_codes()
    assert codes
    unknown = [code for code in codes if code not in defined and code not in held_back]
    assert not unknown
    # Only the KS2 chart names an indicator the loader holds back (a negative difference).
    assert {code for code in codes if code not in defined} <= {"KS2-GAP-ENGLAND"}


def test_every_table_cell_has_an_observation():
    somerset = _somerset()
    dims = {i["code"]: set(i["dimensions"]) for i in somerset.INDICATORS}
    held = {
        (o["indicator"], tuple(sorted(o["breakdown"].items())))
        for o in somerset.OBSERVATIONS
        if o["value"] is not None
    }
    for _section, block in _blocks():
        if block["kind"] == "breakdown_table":
            code = block["indicator"]
            assert dims[code] == {block["rows"], block["columns"]}
            assert set(block["row_labels"]) == set(block["row_values"])
            for row in block["row_values"]:
                for column in block["column_values"]:
                    key = tuple(sorted({block["rows"]: row, block["columns"]: column}.items()))
                    assert (code, key) in held, (code, row, column)
        elif block["kind"] == "indicator_table":
            for item in block["indicators"]:
                assert dims[item["code"]] == {block["dimension"]}
                for value in block["values"]:
                    assert (item["code"], ((block["dimension"], value),)) in held


def test_headline_figures_have_observations_for_what_they_show():
    somerset = _somerset()
    dims = {i["code"]: set(i["dimensions"]) for i in somerset.INDICATORS}
    held = {
        (o["indicator"], tuple(sorted(o["breakdown"].items())))
        for o in somerset.OBSERVATIONS
        if o["date"] <= "2023-03-31"
    }
    for section, block in _blocks():
        if block["kind"] != "headline_figures":
            continue
        breakdown = block.get("breakdown", {})
        for dimension in breakdown:
            assert any(dimension in dims[code] for code in block["indicators"]), section["title"]
        for code in block["indicators"]:
            wanted = [
                ((dimension, value),)
                for dimension, values in breakdown.items()
                if dimension in dims[code]
                for value in values
            ] or [()]
            for key in wanted:
                assert (code, key) in held, (section["title"], code, key)


def test_the_inspections_window_holds_the_seeds_thirty():
    somerset = _somerset()
    (block,) = [b for _s, b in _blocks() if b["kind"] == "inspections_list"]
    inside = [
        i
        for i in somerset.INSPECTIONS
        if block["published_from"] <= i["date"] <= block["published_to"]
    ]
    assert len(inside) == 30
    judgements = {j["judgement"] for i in inside for j in i["judgements"]}
    assert judgements == {group["judgement"] for group in block["groups"]}


# --- Agreement with the finance demo data (the same seed, transcribed for the finance app) -------


def _finance_cells() -> set[str]:
    from boardpack.demo.data import somerset_finance as finance

    rows = finance.BUDGET_ROWS + finance.DSG_ALLOCATION_ROWS + finance.DSG_ROWS
    cells = {cell for row in rows for cell in row[1:]}
    return cells | {f"£{amount}m" for _kind, _as_at, amount in finance.DSG_DEFICIT}


def test_finance_captions_and_text_agree_with_the_finance_demo_data():
    from boardpack.demo.data import somerset_finance as finance

    budget = [b for _s, b in _blocks() if b["kind"] == "budget_table"]
    dsg = {b["table"]: b for _s, b in _blocks() if b["kind"] == "dsg_table"}
    assert [b["caption"] for b in budget] == [finance.BUDGET_TITLE]
    assert budget[0]["period"] == finance.MONTH_9
    assert budget[0]["compare_with"] == finance.MONTH_7
    assert dsg["monitoring"]["caption"] == finance.DSG_TITLE
    assert dsg["monitoring"]["period"] == dsg["deficit"]["period"] == finance.MONTH_9
    assert dsg["allocation"]["financial_year"] == finance.DSG_FINANCIAL_YEAR
    (section,) = [s for s in SECTIONS if s["title"] == "Dedicated Schools Grant"]
    assert section["blocks"][0] == {"kind": "narrative", "markdown": finance.DSG_INTRO}


def test_the_finance_figures_kept_out_of_the_prose_are_real_cells():
    assert set(FINANCE_FIGURES) <= _finance_cells()


def test_the_performance_figures_kept_out_of_the_prose_are_real_cells():
    somerset = _somerset()
    cells: set[str] = set()
    for _label, _year, by_month in somerset.SUSPENSIONS_TABLE:
        cells |= set(by_month)
    for row in somerset.ATTENDANCE_TABLE:
        cells |= set(row[1:])
    for _label, _code, by_year in somerset.CLA_SUSPENSIONS_TABLE + somerset.CLA_PTT_TABLE:
        cells |= set(by_year)
    assert set(PERFORMANCE_FIGURES) <= cells


def test_row_labels_agree_with_the_performance_demo_data():
    somerset = _somerset()
    tables = {b["indicator"]: b for _s, b in _blocks() if b["kind"] == "breakdown_table"}
    for code, rows in (
        ("SUSPENSIONS", somerset.SUSPENSIONS_TABLE),
        ("PERMANENT-EXCLUSIONS", somerset.PERMANENT_EXCLUSIONS_TABLE),
    ):
        assert tables[code]["row_labels"] == {year: label for label, year, _cells in rows}
        assert tables[code]["column_values"] == list(somerset.MONTHS)
    labels = {
        item["code"]: item["label"]
        for _s, b in _blocks()
        if b["kind"] == "indicator_table"
        for item in b["indicators"]
    }
    for label, code, _cells in somerset.CLA_SUSPENSIONS_TABLE + somerset.CLA_PTT_TABLE:
        assert labels[code] == label


def test_every_headline_figure_is_one_its_section_states_in_words():
    """A tile repeats a figure of the prose around it: the seed's wording of it is in the text."""
    somerset = _somerset()
    dims = {i["code"]: set(i["dimensions"]) for i in somerset.INDICATORS}
    seed_002 = [o for o in somerset.OBSERVATIONS if o["source"] == "seed-002"]
    for section in SECTIONS:
        text = "\n".join(b["markdown"] for b in section["blocks"] if b["kind"] in TEXT_KINDS)
        text = text.replace("**", "")
        for block in section["blocks"]:
            if block["kind"] != "headline_figures":
                continue
            breakdown = block.get("breakdown", {})
            for code in block["indicators"]:
                wanted = [
                    {dimension: value}
                    for dimension, values in breakdown.items()
                    if dimension in dims[code]
                    for value in values
                ] or [{}]
                for key in wanted:
                    written = [
                        o["as_written"]
                        for o in seed_002
                        if o["indicator"] == code and o["breakdown"] == key
                    ]
                    assert any(w in text for w in written), (section["title"], code, key)
