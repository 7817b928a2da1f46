"""Benchmarks in a report: the how-we-compare table and one measure's chart, in every format."""

import io

import pytest
from docx import Document as WordDocument
from pptx import Presentation

from boardpack.core.models import ReportingPeriod
from boardpack.reports.assemble import build_document
from boardpack.reports.document import Chart, Notice, Paragraph, Table
from boardpack.reports.models import Block, BlockKind, ReportTemplate, TemplateSection
from boardpack.reports.rendering import render

pytestmark = pytest.mark.django_db


@pytest.fixture
def template(somerset):
    template = ReportTemplate.objects.create(
        organisation=somerset, slug="benchmarks-test", title="How Somerset compares"
    )
    section = TemplateSection.objects.create(
        template=template, title="How we compare", slug="compare", order=1
    )
    Block.objects.create(section=section, kind=BlockKind.BENCHMARKS, order=1, config={})
    Block.objects.create(
        section=section,
        kind=BlockKind.BENCHMARK_MEASURE,
        order=2,
        config={"measure": "CLA-RATE-31-MARCH"},
    )
    return template


def _document(template, somerset, month="2024-06-01"):
    period = ReportingPeriod.objects.get(organisation=somerset, month=month)
    return build_document(template, somerset, period)


def test_the_blocks_carry_the_comparators(template, somerset):
    nodes = _document(template, somerset).sections[0].nodes
    table = next(n for n in nodes if isinstance(n, Table))
    rate = next(
        row
        for row in table.rows
        if row.cells[0].text == "Children looked after on 31 March, rate per 10,000 children"
    )
    texts = [c.text for c in rate.cells]
    assert texts[1:5] == ["2025", "55", "67", "62"]
    assert texts[5].endswith("(10 of 10)")
    assert " of " in texts[6] and texts[7] in {"A", "B", "C", "D"}
    chart = next(n for n in nodes if isinstance(n, Chart))
    assert chart.categories == ("2021", "2022", "2023", "2024", "2025")
    assert [s.name for s in chart.series][:2] == ["Somerset", "England"]
    assert chart.series[0].values[-1] == "55" and chart.series[1].values[-1] == "67"
    assert "Somerset 55, England 67, South West 62" in chart.alt_text
    assert any(isinstance(n, Paragraph) and "quartile band" in n.text for n in nodes)


def test_every_format_holds_the_same_figures(template, somerset):
    document = _document(template, somerset)
    html = render(document, "html").decode()
    assert ">55<" in html and ">67<" in html and ">62<" in html
    word = WordDocument(io.BytesIO(render(document, "docx")))
    cells = [c.text for t in word.tables for row in t.rows for c in row.cells]
    assert {"55", "67", "62"} <= set(cells)
    deck = Presentation(io.BytesIO(render(document, "pptx")))
    slide_cells = {
        cell.text
        for slide in deck.slides
        for shape in slide.shapes
        if shape.has_table
        for row in shape.table.rows
        for cell in row.cells
    }
    assert {"55", "67", "62"} <= slide_cells
    charts = [s for slide in deck.slides for s in slide.shapes if s.has_chart]
    assert charts and list(charts[0].chart.plots[0].categories)[-1] == "2025"


def test_a_period_before_the_figures_says_so_in_place(template, somerset):
    table_block = Block.objects.get(section__template=template, kind=BlockKind.BENCHMARKS)
    table_block.config = {"measures": ["CLA-RATE-31-MARCH"]}  # published from 2021 only
    table_block.save()
    nodes = _document(template, somerset, month="2016-04-01").sections[0].nodes  # 2016/17
    notices = [n.text for n in nodes if isinstance(n, Notice)]
    assert any("No benchmarks are held for the year ending in 2017" in t for t in notices)
    assert any("No figures for Children looked after on 31 March" in t for t in notices)
