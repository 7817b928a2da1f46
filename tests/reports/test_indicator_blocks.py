"""The members' quarterly report's block kinds, built from real records in the database.

Headline figures (value as written, qualifier, RAG and direction), an indicator against its
comparators (chart with alt text and data table; "no data is held" when empty), indicator and
breakdown tables (a blank stays blank), the inspections list grouped by judgement, case studies
and quotes, "what has changed since the last quarter" over the indicators, and suppression by
audience. Each is laid out by every renderer.
"""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import docx
import pytest
from pptx import Presentation

from boardpack.core.models import Organisation, ReportingPeriod
from boardpack.performance import services as perf
from boardpack.performance.models import Area, Indicator, Source
from boardpack.reports.assemble import build_document
from boardpack.reports.document import Chart, Notice, Paragraph, Table, Tiles, from_dict, to_dict
from boardpack.reports.models import Audience, Block, ReportTemplate, TemplateSection
from boardpack.reports.rendering import render
from tests.reports.helpers import html_tables, pdf_text, squash

pytestmark = pytest.mark.django_db

Q4 = dt.date(2023, 3, 31)
Q3 = dt.date(2022, 12, 31)


@pytest.fixture
def quarter(somerset: Organisation) -> ReportingPeriod:
    return ReportingPeriod.objects.get(organisation=somerset, month="2023-03-01")


@pytest.fixture
def source(somerset: Organisation, quarter: ReportingPeriod) -> Source:
    return perf.source_set(
        organisation=somerset, key="test-q4", title="Test figures", date=Q4, period=quarter
    )


def _indicator(org: Organisation, code: str, **fields) -> Indicator:
    defaults = {
        "title": code.title(),
        "unit": "count",
        "polarity": "lower_is_better",
        "frequency": "quarterly",
        "service_area": "Tests",
        "dimensions": [],
    }
    return perf.indicator_set(organisation=org, code=code, **(defaults | fields))


def _template(org: Organisation, audience: str, *blocks: tuple[str, dict]) -> ReportTemplate:
    template = ReportTemplate.objects.create(
        organisation=org, slug="test-blocks", title="Test blocks", audience=audience
    )
    section = TemplateSection.objects.create(template=template, slug="s", title="Figures", order=1)
    for order, (kind, config) in enumerate(blocks, start=1):
        Block.objects.create(section=section, order=order, kind=kind, config=config)
    return template


def _nodes(template: ReportTemplate, period: ReportingPeriod, **kwargs) -> list:
    document = build_document(template, template.organisation, period, **kwargs)
    assert from_dict(to_dict(document)) == document  # every new node round-trips through JSON
    return list(document.sections[0].nodes)


def test_headline_figures_show_the_figure_as_written_with_rag_and_direction(
    somerset, quarter, source
):
    indicator = _indicator(somerset, "TEST-WAITING", title="Children waiting")
    perf.target_set(indicator=indicator, date=Q4, value=Decimal("1300"))
    perf.observation_set(
        indicator=indicator, date=Q3, source=source, value=Decimal("1400"), as_written="1,400"
    )
    perf.observation_set(
        indicator=indicator,
        date=Q4,
        source=source,
        value=Decimal("1200"),
        qualifier="approximate",
        as_written="circa 1200",
    )
    template = _template(
        somerset, Audience.OFFICERS, ("headline_figures", {"indicators": ["TEST-WAITING"]})
    )
    [tiles] = _nodes(template, quarter)
    assert isinstance(tiles, Tiles)
    [tile] = tiles.tiles
    assert (tile.label, tile.qualifier, tile.value, tile.exact) == (
        "Children waiting",
        "circa",
        "1200",
        "1200",
    )
    assert (tile.rag, tile.rag_text, tile.direction, tile.arrow) == ("G", "Green", "Improving", "↑")
    assert tile.note == "31 March 2023"

    document = build_document(template, somerset, quarter)
    html = render(document, "html").decode()
    assert 'class="bp-tile__qualifier">circa</span> 1200' in html
    assert "Green" in html and "Improving" in html
    assert "circa 1200" in squash(pdf_text(render(document, "pdf")))
    word = docx.Document(io.BytesIO(render(document, "docx")))
    cell_text = squash(word.tables[0].cell(0, 0).text)
    assert cell_text.startswith("circa 1200 Children waiting Green · ↑ Improving")


def test_a_missing_headline_figure_is_said_in_place(somerset, quarter):
    _indicator(somerset, "TEST-EMPTY", title="Nothing recorded")
    template = _template(
        somerset, Audience.OFFICERS, ("headline_figures", {"indicators": ["TEST-EMPTY"]})
    )
    [notice] = _nodes(template, quarter)
    assert isinstance(notice, Notice) and "Nothing recorded" in notice.text
    template.delete()
    template = _template(
        somerset, Audience.OFFICERS, ("headline_figures", {"indicators": ["NO-SUCH-CODE"]})
    )
    [notice] = _nodes(template, quarter)
    assert "No performance indicator 'NO-SUCH-CODE'" in notice.text


def test_an_indicator_chart_against_its_comparators_with_alt_text_and_data(
    somerset, quarter, source
):
    indicator = _indicator(somerset, "TEST-RATE", title="Rate of children looked after")
    for date, area, value in [
        (Q3, Area.AUTHORITY, "48"),
        (Q4, Area.AUTHORITY, "51"),
        (Q3, Area.ENGLAND, "70"),
        (Q4, Area.ENGLAND, "71"),
        (Q4, Area.REGION, "60"),
    ]:
        perf.observation_set(
            indicator=indicator, date=date, source=source, value=Decimal(value), area=area
        )
    template = _template(
        somerset,
        Audience.OFFICERS,
        (
            "indicator_chart",
            {"title": "CLA rate", "indicator": "TEST-RATE", "comparators": ["england"]},
        ),
        ("indicator_chart", {"title": "By placement type", "indicator": ""}),
    )
    chart, notice = _nodes(template, quarter)
    assert isinstance(chart, Chart) and chart.title == "CLA rate"
    assert chart.categories == ("31 December 2022", "31 March 2023")
    assert [(s.name, s.values) for s in chart.series] == [
        ("Somerset Council", ("48", "51")),
        ("England", ("70", "71")),
    ]  # the region was not asked for
    assert "Somerset Council" in chart.alt_text and chart.spec["title"] == "CLA rate"
    assert [[c.text for c in r.cells] for r in chart.table.rows] == [
        ["31 December 2022", "48", "70"],
        ["31 March 2023", "51", "71"],
    ]
    assert isinstance(notice, Notice)
    assert notice.text == "No data is held for the chart “By placement type”."
    document = build_document(template, somerset, quarter)
    html = render(document, "html").decode()
    assert f'aria-label="{chart.alt_text}"' in html and "<svg" in html
    assert "Not available:</span> No data is held for the chart" in html
    word = docx.Document(io.BytesIO(render(document, "docx")))
    [picture] = word.inline_shapes
    assert picture._inline.docPr.get("descr") == chart.alt_text


def test_tables_leave_a_missing_figure_blank_never_zero(somerset, quarter, source):
    roll = _indicator(somerset, "TEST-ROLL", title="On roll", dimensions=["school_type"])
    absent = _indicator(somerset, "TEST-ABSENT", title="Absent", dimensions=["school_type"])
    perf.observation_set(
        indicator=roll, date=Q4, source=source, value=Decimal("120"), breakdown={"school_type": "A"}
    )
    perf.observation_set(
        indicator=roll, date=Q4, source=source, value=Decimal("0"), breakdown={"school_type": "B"}
    )
    perf.observation_set(
        indicator=absent,
        date=Q4,
        source=source,
        value=Decimal("30"),
        breakdown={"school_type": "A"},
    )
    grid = _indicator(somerset, "TEST-GRID", title="Grid", dimensions=["academic_year", "month"])
    perf.observation_set(
        indicator=grid,
        date=Q4,
        source=source,
        value=Decimal("44"),
        breakdown={"academic_year": "2022/23", "month": "Sep"},
    )
    template = _template(
        somerset,
        Audience.OFFICERS,
        (
            "indicator_table",
            {
                "caption": "By school type",
                "layout": "indicators_in_columns",
                "dimension": "school_type",
                "values": ["A", "B"],
                "header": "School type",
                "indicators": [
                    {"code": "TEST-ROLL", "label": "On roll"},
                    {"code": "TEST-ABSENT", "label": "Absent"},
                ],
            },
        ),
        (
            "breakdown_table",
            {
                "caption": "Grid",
                "indicator": "TEST-GRID",
                "rows": "academic_year",
                "row_values": ["2022/23"],
                "row_labels": {"2022/23": "This year"},
                "row_header": "Year",
                "columns": "month",
                "column_values": ["Sep", "Oct"],
            },
        ),
    )
    by_type, by_month = _nodes(template, quarter)
    assert [[c.text for c in r.cells] for r in by_type.rows] == [
        ["A", "120", "30"],
        ["B", "0", ""],  # a held nought is 0; nothing held is blank
    ]
    assert by_type.rows[1].cells[2].value is None
    assert by_type.notes == ("A blank cell: no figure is held.",)
    assert [[c.text for c in r.cells] for r in by_month.header_rows + by_month.rows] == [
        ["Year", "Sep", "Oct"],
        ["This year", "44", ""],
    ]
    html = render(build_document(template, somerset, quarter), "html").decode()
    rows = [t["rows"] for t in html_tables(html) if t["caption"].strip() == "By school type"][0]
    assert rows[2] == ["B", "0", ""]


def test_members_see_small_numbers_as_c_and_the_officers_preview_marks_them(
    somerset, quarter, source
):
    indicator = _indicator(somerset, "TEST-SMALL", title="Small counts", dimensions=["month"])
    for month, value in (("Sep", "3"), ("Oct", "12"), ("Nov", "40")):
        perf.observation_set(
            indicator=indicator,
            date=Q4,
            source=source,
            value=Decimal(value),
            breakdown={"month": month},
        )
    config = {
        "caption": "Small counts",
        "layout": "indicators_in_rows",
        "dimension": "month",
        "values": ["Sep", "Oct", "Nov"],
        "indicators": [{"code": "TEST-SMALL", "label": "Small counts"}],
    }
    template = _template(somerset, Audience.MEMBERS, ("indicator_table", config))
    [members] = _nodes(template, quarter)
    assert [c.text for c in members.rows[0].cells] == ["Small counts", "c", "12", "40"]
    assert not any(c.suppressed for c in members.rows[0].cells)
    assert members.notes == ()  # nothing blank, nothing marked: nothing to explain
    [preview] = _nodes(template, quarter, officers_preview=True)
    cells = preview.rows[0].cells
    assert [c.text for c in cells] == ["Small counts", "3", "12", "40"]
    assert [c.suppressed for c in cells] == [False, True, False, False]
    assert any("members and the public see it as c" in n for n in preview.notes)
    document = build_document(template, somerset, quarter, officers_preview=True)
    html = render(document, "html").decode()
    assert '<span class="bp-suppressed">3<span aria-hidden="true">†</span>' in html
    word = docx.Document(io.BytesIO(render(document, "docx")))
    assert [c.text for c in word.tables[0].rows[1].cells] == ["Small counts", "3†", "12", "40"]
    # The public template sees what members see.
    template.audience = Audience.PUBLIC
    template.save()
    [public] = _nodes(template, quarter)
    assert public.rows[0].cells[1].text == "c"


def test_inspections_grouped_by_judgement_with_counts(somerset, quarter, source):
    template = _template(
        somerset,
        Audience.MEMBERS,
        (
            "inspections_list",
            {
                "published_from": "2023-01-01",
                "published_to": "2023-01-31",
                "groups": [
                    {"judgement": "Good", "heading": "Good rating"},
                    {"judgement": "Inadequate", "heading": "Inadequate rating"},
                    {"judgement": "Outstanding", "heading": "Outstanding"},
                    {"judgement": "Requires improvement", "heading": "Requires improvement"},
                ],
            },
        ),
    )
    counts, *groups = _nodes(template, quarter)
    assert [[c.text for c in r.cells] for r in counts.rows] == [
        ["Good rating", "4"],
        ["Inadequate rating", "1"],
        ["Outstanding", "1"],
        ["Requires improvement", "3"],
        ["Total", "9"],
    ]
    assert [t.caption for t in groups] == [
        "Good rating (4)",
        "Inadequate rating (1)",
        "Outstanding (1)",
        "Requires improvement (3)",
    ]
    assert [c.text for c in groups[2].rows[0].cells] == [
        "Enmore Church of England Primary School",
        "Bridgwater",
        "25 January 2023",
        "137437",
        "Outstanding",
    ]
    # An inspection outside the window is not listed; one added inside it is.
    perf.inspection_set(
        organisation=somerset,
        establishment="A New School",
        date=dt.date(2023, 1, 30),
        source=source,
        judgements=[("Overall effectiveness", "Good")],
    )
    counts, *groups = _nodes(template, quarter)
    assert counts.rows[0].cells[1].text == "5" and counts.rows[-1].cells[1].text == "10"
    assert groups[0].rows[-1].cells[0].text == "A New School"


def test_case_studies_and_quotes_are_the_editions_words(somerset, quarter):
    template = _template(
        somerset,
        Audience.MEMBERS,
        ("case_study", {"title": "Case Study", "text": "A family was *helped*."}),
        ("quote", {"text": "'It helped.'\n\n'It really did.'"}),
    )
    heading, story, first, second = _nodes(template, quarter)
    assert (heading.text, story.text) == ("Case Study", "A family was helped.")
    assert [p.style for p in (first, second)] == ["quote", "quote"]
    assert isinstance(first, Paragraph) and first.text == "'It helped.'"
    html = render(build_document(template, somerset, quarter), "html").decode()
    assert '<blockquote class="bp-quote"><p class="govuk-body-l">&#x27;It helped.&#x27;' in html


def test_what_has_changed_since_the_last_quarter_over_indicators(somerset, quarter, source):
    waiting = _indicator(somerset, "TEST-WAIT", title="Children waiting")
    perf.target_set(indicator=waiting, date=Q4, value=Decimal("100"))
    perf.observation_set(indicator=waiting, date=Q3, source=source, value=Decimal("120"))
    perf.observation_set(indicator=waiting, date=Q4, source=source, value=Decimal("90"))
    rate = _indicator(somerset, "TEST-RATE2", title="Rate of repeat referrals")
    for date, area, value in [
        (Q3, Area.AUTHORITY, "20"),
        (Q4, Area.AUTHORITY, "25"),
        (Q3, Area.ENGLAND, "22"),
        (Q4, Area.ENGLAND, "22"),
    ]:
        perf.observation_set(
            indicator=rate, date=date, source=source, value=Decimal(value), area=area
        )
    template = _template(somerset, Audience.MEMBERS, ("indicator_changes", {}))
    text = " ".join(n.text for n in _nodes(template, quarter) if hasattr(n, "text"))
    text += " ".join(i.text for n in _nodes(template, quarter) if n.kind == "list" for i in n.items)
    assert "Compared with 31 December 2022" in text
    assert (
        "Children waiting now meets its target (100): 90 at 31 March 2023, from 120 at "
        "31 December 2022." in text
    )
    assert "Rate of repeat referrals is now worse than England (was better than)" in text
    # The seed's inspections published from January to March 2023, by judgement.
    assert (
        "9 inspection reports published since 31 December 2022: 1 outstanding, 4 good, "
        "3 requires improvement, 1 inadequate." in text
    )


def test_every_renderer_lays_out_tiles_and_marked_cells(somerset, quarter, source):
    indicator = _indicator(somerset, "TEST-TILE", title="Small tile")
    perf.observation_set(indicator=indicator, date=Q4, source=source, value=Decimal("4"))
    template = _template(
        somerset, Audience.MEMBERS, ("headline_figures", {"indicators": ["TEST-TILE"]})
    )
    members = build_document(template, somerset, quarter)
    [tiles] = [n for n in members.sections[0].nodes if isinstance(n, Tiles)]
    assert tiles.tiles[0].value == "c" and tiles.tiles[0].exact is None
    preview = build_document(template, somerset, quarter, officers_preview=True)
    [tiles] = [n for n in preview.sections[0].nodes if isinstance(n, Tiles)]
    assert tiles.tiles[0].value == "4" and tiles.tiles[0].suppressed
    table = tiles.as_table()
    assert isinstance(table, Table) and table.rows[0].cells[1].suppressed
    deck = Presentation(io.BytesIO(render(preview, "pptx")))
    cells = [
        c.text
        for slide in deck.slides
        for shape in slide.shapes
        if shape.has_table
        for row in shape.table.rows
        for c in row.cells
    ]
    assert "Small tile" in cells and "4†" in cells
