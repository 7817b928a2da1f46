"""The PowerPoint renderer, read back with python-pptx and opened by LibreOffice."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE
from pptx.util import Inches, Pt

from boardpack.reports.renderers.pptx import render_pptx
from tests.reports import office
from tests.reports.sample_documents import (
    DIRECTOR_SUMMARY,
    LONG_POINT,
    MTFP_LINES,
    MTFP_TOTALS,
    SUMMARIES,
    VISION,
    hostile_document,
    mtfp_chart,
    scrutiny_deck,
)


@pytest.fixture(scope="module")
def deck_bytes() -> bytes:
    return render_pptx(scrutiny_deck())


@pytest.fixture(scope="module")
def deck(deck_bytes: bytes) -> Any:
    return Presentation(BytesIO(deck_bytes))


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, Path]:
    data = render_pptx(hostile_document())
    path = tmp_path_factory.mktemp("hostile") / "hostile.pptx"
    path.write_bytes(data)
    return Presentation(BytesIO(data)), path


def _title(slide: Any) -> str:
    return str(slide.shapes.title.text_frame.text) if slide.shapes.title is not None else ""


def _text(slides: list[Any], *, body_only: bool = False) -> str:
    """The slides' text, whitespace normalised; ``body_only`` leaves out titles and footers."""
    parts = []
    for slide in slides:
        for shape in slide.shapes:
            if body_only and (
                shape == slide.shapes.title or shape.name in ("Footer", "Slide number")
            ):
                continue
            if shape.has_text_frame:
                parts.append(shape.text_frame.text)
    return " ".join(" ".join(parts).split())


def _slides_titled(deck: Any, title: str) -> list[Any]:
    return [s for s in deck.slides if _title(s).replace(" (continued)", "") == title]


def _tables(slides: list[Any]) -> list[Any]:
    return [shape for slide in slides for shape in slide.shapes if shape.has_table]


def _rows(table: Any) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def test_a_16_by_9_deck_from_the_slide_master_with_a_title_slide(deck: Any) -> None:
    assert (deck.slide_width, deck.slide_height) == (12192000, 6858000)  # 13.333 x 7.5 in
    assert [layout.name for layout in deck.slide_layouts] == [
        "Title Slide",
        "Title and Content",
        "Title Only",
    ]
    first = deck.slides[0]
    assert first.slide_layout.name == "Title Slide"
    assert first.shapes.title.text_frame.text == "Included, Educated & Cared For"
    text = _text([first])
    assert "June 2024 – Progress Report for Scrutiny" in text
    assert " ".join(VISION.split()) in text
    assert "Draft — not for publication" in text
    assert deck.core_properties.title == "Included, Educated & Cared For"
    assert deck.core_properties.language == "en-GB"
    for slide in list(deck.slides)[1:]:
        assert slide.slide_layout.name in ("Title and Content", "Title Only")


def test_every_section_starts_a_slide_and_lists_are_word_for_word(deck: Any) -> None:
    document = scrutiny_deck()
    titles = [_title(s) for s in deck.slides]
    for section in document.sections:
        assert section.title in titles, section.title
    director = _text(_slides_titled(deck, "Director's Progress Summary"))
    for point in DIRECTOR_SUMMARY:
        assert " ".join(point.split()) in director
    for workstream, lists in SUMMARIES.items():
        slides = _slides_titled(deck, workstream)
        text = _text(slides)
        for heading, items in lists.items():
            assert heading in text
            for item in items:
                assert " ".join(item.split()) in text, item
        # one slide per list: Projects, Working well, Not working well, To escalate (at least)
        assert len(slides) >= 4


def test_the_mtfp_tracker_is_a_real_table_split_with_its_header_repeated(deck: Any) -> None:
    slides = _slides_titled(deck, "Children's Transformation Programme – MTFP Tracker")
    tables = _tables(slides)
    assert tables, "the tracker is not a PowerPoint table"
    header = [["MTFP", "", "24/25", "", "", "", "", ""]]
    header.append(
        ["Ref", "Saving", "£", "Over-achieved", "Achieved", "On track", "At risk", "Comments"]
    )
    body: list[list[str]] = []
    for shape in tables:
        rows = _rows(shape.table)
        assert rows[:2] == header  # the header rows on every part of the table
        assert shape.table.first_row
        body.extend(rows[2:])
    assert [row[0] for row in body[:-1]] == [line[0] for line in MTFP_LINES]
    for row, line in zip(body, MTFP_LINES, strict=False):
        assert row == list(line)
    assert body[-1][1:7] == ["TOTALS", *MTFP_TOTALS]
    if len(tables) > 1:
        assert all(_title(s).endswith("(continued)") for s in slides[1:])
    # figures are right-aligned, text is not
    first = tables[0].table
    assert first.cell(2, 2).text_frame.paragraphs[0].alignment is not None
    assert first.cell(2, 2).text_frame.paragraphs[0]._p.pPr.get("algn") == "r"
    assert first.cell(2, 1).text_frame.paragraphs[0]._p.pPr.get("algn") == "l"


def test_long_tables_continue_on_further_slides() -> None:
    from boardpack.reports.document import Cell, Document, Row, Section, Table

    rows = tuple(
        Row(cells=(Cell(f"Line {n}"), Cell(f"{n:,}", str(n), numeric=True))) for n in range(60)
    )
    table = Table("Sixty lines", (Row(cells=(Cell("Line"), Cell("£", numeric=True))),), rows)
    document = Document("T", "S", "Org", "June 2024", (Section("Many rows", (table,)),))
    deck = Presentation(BytesIO(render_pptx(document)))
    slides = _slides_titled(deck, "Many rows")
    assert len(slides) >= 3
    seen = []
    for shape in _tables(slides):
        rows_read = _rows(shape.table)
        assert rows_read[0] == ["Line", "£"]
        seen.extend(rows_read[1:])
    assert seen == [[f"Line {n}", f"{n:,}"] for n in range(60)]
    assert [_title(s) for s in slides[1:]] == ["Many rows (continued)"] * (len(slides) - 1)


def test_the_delivery_chart_is_a_native_chart_with_gaps_and_alt_text(deck: Any) -> None:
    chart_doc = mtfp_chart()
    frames = [
        (slide, shape)
        for slide in deck.slides
        for shape in slide.shapes
        if getattr(shape, "has_chart", False) and shape.has_chart
    ]
    assert len(frames) == 1
    slide, frame = frames[0]
    chart = frame.chart
    assert chart.chart_type == XL_CHART_TYPE.BAR_STACKED
    assert chart.chart_title.text_frame.text == chart_doc.title
    plot = chart.plots[0]
    assert tuple(plot.categories) == chart_doc.categories
    for series, expected in zip(plot.series, chart_doc.series, strict=True):
        assert series.name == expected.name
        assert series.values == tuple(None if v is None else float(v) for v in expected.values)
    assert any(v is None for s in plot.series for v in s.values)  # blanks stay gaps, not 0
    assert chart._chartSpace.xpath("c:chart/c:dispBlanksAs/@val") == ["gap"]
    props = frame._element.xpath("./p:nvGraphicFramePr/p:cNvPr")[0]
    assert props.get("descr") == chart_doc.alt_text
    assert props.get("title") == chart_doc.title
    # its data table follows, on the next slide as it does not fit beside the chart
    index = list(deck.slides).index(slide)
    following = _tables([deck.slides[index + 1]])
    assert following and _rows(following[0].table)[1][0] == "CFE001"


def test_notes_status_and_notices(deck: Any) -> None:
    finance = _slides_titled(
        deck, "Children's Transformation Programme – Overarching Finance Summary"
    )
    notes = finance[0].notes_slide.notes_text_frame.text
    assert notes == "The overarching finance status is red for May/June 2024."
    status = [s for s in finance[0].shapes if s.name == "Status R"]
    assert status and status[0].text_frame.text == "Red"
    assert str(status[0].fill.fore_color.rgb) == "D4351C"
    assert "Overarching status" in _text(finance[:1])
    sufficient = [s for s in deck.slides if _title(s).startswith("Sufficient homes")]
    assert "Missing: No summary report for Sufficient homes" in _text(sufficient)


def test_every_run_is_set_in_the_measured_font_with_no_autofit(deck: Any) -> None:
    for slide in deck.slides:
        for shape in slide.shapes:
            if not shape.has_text_frame or not shape.text_frame.text:
                continue
            body_pr = shape.text_frame._txBody.bodyPr
            assert body_pr.find("{*}normAutofit") is None and body_pr.find("{*}spAutoFit") is None
            for paragraph in shape.text_frame.paragraphs:
                for run in paragraph.runs:
                    assert run.font.name == "Arial"
                    assert run.font.size is not None and run.font.size >= Pt(10)


def test_user_text_stays_plain_and_long_points_continue(hostile: tuple[Any, Path]) -> None:
    deck, _path = hostile
    text = _text(list(deck.slides))
    assert "<script>alert('x')</script> Report & Pack" in text
    assert "& <script>alert(2)</script>" in text
    long_slides = _slides_titled(deck, "Points typed by users <script>")
    # 5,000 characters in one point: every word kept, in order, over several slides
    # (each further slide repeats the list's title, "(continued)")
    body = _text(long_slides, body_only=True)
    assert body.count("A long point (continued)") >= 1
    assert " ".join(LONG_POINT.split()) in body.replace("A long point (continued) ", "")
    assert len(long_slides) >= 3
    assert sum(_text([s]).count("word") for s in long_slides) == LONG_POINT.count("word")
    assert "Nothing to report in this section." in text
    assert (
        "1. First 2. Second with a bell More numbered steps 1. Again first 2. Again second" in text
    )
    assert "Missing: The table 'A table with no rows' has no rows." in text
    assert "Missing: No budget monitoring data for July 2024." in text
    addresses = [
        rel.target_ref
        for slide in deck.slides
        for rel in slide.part.rels.values()
        if rel.reltype.endswith("/hyperlink")
    ]
    assert addresses == ["https://www.gov.uk/guidance"]
    notes = [s.notes_slide.notes_text_frame.text for s in deck.slides if s.has_notes_slide]
    assert "<script>alert('notes')</script> & more" in notes


def test_libreoffice_opens_the_deck_and_no_text_leaves_its_box(
    deck_bytes: bytes, hostile: tuple[Any, Path], tmp_path: Path
) -> None:
    path = tmp_path / "deck.pptx"
    path.write_bytes(deck_bytes)
    for source, expected in ((path, "9,568,900"), (hostile[1], "<script>alert(2)</script>")):
        pdf = office.to_pdf(source.read_bytes(), ".pptx", tmp_path)
        assert office.overflowing_words(source, pdf) == []
        assert expected in " ".join(page.text for page in office.words(pdf))
        pngs = office.to_pngs(pdf)
        assert len(pngs) == len(Presentation(str(source)).slides)
        for png in pngs:
            assert office.ink_fraction(png) > 0.003, f"{png.name} is blank"


def test_the_overflow_check_catches_text_that_leaves_its_box(tmp_path: Path) -> None:
    """The check above can fail: a box too small for its text is reported."""
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    box = slide.shapes.add_textbox(Inches(1), Inches(1), Inches(3), Inches(0.6))
    box.text_frame.word_wrap = True
    box.text_frame.text = " ".join(f"overflowing{n}" for n in range(80))
    path = tmp_path / "overflow.pptx"
    prs.save(str(path))
    pdf = office.to_pdf(path.read_bytes(), ".pptx", tmp_path)
    problems = office.overflowing_words(path, pdf)
    assert any("lies outside" in p for p in problems)
    assert any("characters not drawn" in p for p in problems)  # cut off at the slide's foot


user_text = st.text(max_size=400)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    title=user_text,
    items=st.lists(user_text, max_size=8),
    nested=st.lists(st.text(min_size=1, max_size=2000), max_size=3),
    cells=st.lists(user_text, min_size=1, max_size=12),
)
def test_any_text_renders_and_every_item_is_kept(
    title: str, items: list[str], nested: list[str], cells: list[str]
) -> None:
    from boardpack.reports.document import (
        BulletList,
        Cell,
        Document,
        ListItem,
        Row,
        Section,
        Status,
        Table,
    )
    from boardpack.reports.renderers.pptx import clean

    parent = ListItem.of(title or "parent")
    parent = ListItem(parent.runs, children=tuple(ListItem.of(t) for t in nested))
    listing = BulletList(items=(parent, *(ListItem.of(t) for t in items)), title=title)
    table = Table(
        title,
        (Row(cells=tuple(Cell(f"h{i}") for i in range(len(cells)))),),
        (Row(cells=tuple(Cell(c, numeric=i % 2 == 0) for i, c in enumerate(cells))),),
    )
    status = Status(label=title, rag="G", text="Green", note=title)
    section = Section(title=title, nodes=(status, listing, table), notes=title)
    document = Document(title, title, title, title, (section,), status_label=title)
    deck = Presentation(BytesIO(render_pptx(document)))
    slides = list(deck.slides)[1:]
    body = _text(slides, body_only=True)
    body += " ".join(" ".join(sum(_rows(shape.table), [])) for shape in _tables(slides))
    for text in [*items, *nested, *cells]:
        words = clean(text).split()
        for word in words:
            assert word in body


def test_every_picture_chart_and_table_has_alt_text(deck: Any) -> None:
    frames = 0
    for slide in deck.slides:
        for shape in slide.shapes:
            element = shape._element
            if element.tag.endswith("}pic") or element.tag.endswith("}graphicFrame"):
                frames += 1
                props = element.xpath("./*[1]/p:cNvPr")[0]
                assert props.get("descr"), f"{shape.name} has no alt text"
    assert frames >= 4  # the tracker's tables, the chart and its data table
