"""The Word renderer, read back with python-docx and opened by LibreOffice."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from boardpack.reports.renderers.docx import render_docx
from tests.reports import office
from tests.reports.sample_documents import (
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
def word_bytes() -> bytes:
    return render_docx(scrutiny_deck())


@pytest.fixture(scope="module")
def word(word_bytes: bytes) -> Any:
    return docx.Document(BytesIO(word_bytes))


@pytest.fixture(scope="module")
def hostile_bytes() -> bytes:
    return render_docx(hostile_document())


def _texts(document: Any, style: str) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name == style]


def _all_text(document: Any) -> str:
    return " ".join(p.text for p in document.paragraphs)


def _table_rows(table: Any) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def _mtfp(word: Any) -> Any:
    return next(t for t in word.tables if t.rows[0].cells[0].text == "MTFP")


def test_cover_contents_and_headings(word: Any) -> None:
    assert word.core_properties.title == "Included, Educated & Cared For"
    assert word.core_properties.language == "en-GB"
    assert _texts(word, "Title") == ["Included, Educated & Cared For"]
    assert _texts(word, "Subtitle") == ["June 2024 – Progress Report for Scrutiny"]
    assert VISION in _all_text(word)
    assert "Draft — not for publication" in _all_text(word)
    body = word.element.body
    instructions = [t.text for t in body.iter(qn("w:instrText"))]
    assert any('TOC \\o "1-3"' in text for text in instructions)
    update = word.settings.element.find(qn("w:updateFields"))
    assert update is not None and update.get(qn("w:val")) == "true"  # page numbers on opening
    headings = _texts(word, "Heading 1")
    assert headings == [section.title for section in scrutiny_deck().sections]
    hostile = docx.Document(BytesIO(render_docx(hostile_document())))
    assert _texts(hostile, "Heading 2") == ["Sub-heading with <i>tags</i> & things"]
    assert _texts(hostile, "Heading 3") == ["A third-level heading"]


def test_lists_are_real_list_styles_with_nested_items(word: Any) -> None:
    top = _texts(word, "List Bullet")
    nested = _texts(word, "List Bullet 2")
    assert "Local mainstream school is the right choice for most children" in top
    assert "Mainstream Plus" in nested
    assert "Construction delays for Homes and Horizons homes 6 to 8" in nested
    for lists in SUMMARIES.values():
        for items in lists.values():
            for item in items:
                assert item in top


def test_numbered_lists_each_start_at_one(hostile_bytes: bytes) -> None:
    document = docx.Document(BytesIO(hostile_bytes))
    numbered = [p for p in document.paragraphs if p.style.name == "List Number"]
    assert [p.text for p in numbered] == [
        "First",
        "Second with a bell",
        "Again first",
        "Again second",
    ]
    ids = [p._p.pPr.numPr.numId.val for p in numbered]
    assert ids[0] == ids[1] and ids[2] == ids[3] and ids[0] != ids[2]


def test_the_mtfp_table_repeats_its_header_and_keeps_rows_whole(word: Any) -> None:
    table = _mtfp(word)
    rows = _table_rows(table)
    assert rows[1] == [
        "Ref",
        "Saving",
        "£",
        *("Over-achieved", "Achieved", "On track", "At risk"),
        "Comments",
    ]
    assert rows[2:-1] == [list(line) for line in MTFP_LINES]
    assert rows[-1][1:7] == ["TOTALS", *MTFP_TOTALS]
    for index, row in enumerate(table.rows):
        tr_pr = row._tr.trPr
        assert tr_pr is not None and tr_pr.find(qn("w:cantSplit")) is not None
        assert (tr_pr.find(qn("w:tblHeader")) is not None) == (index < 2)
    figure = table.rows[2].cells[2].paragraphs[0]
    assert figure.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert table.rows[2].cells[1].paragraphs[0].alignment is None
    assert all(run.bold for cell in table.rows[-1].cells for run in cell.paragraphs[0].runs)
    assert not any(run.bold for run in table.rows[3].cells[1].paragraphs[0].runs)


def test_the_wide_table_gets_a_landscape_section(word: Any) -> None:
    orientations = [section.orientation for section in word.sections]
    assert WD_ORIENT.LANDSCAPE in orientations
    assert orientations[0] == WD_ORIENT.PORTRAIT and orientations[-1] == WD_ORIENT.PORTRAIT
    landscape = next(s for s in word.sections if s.orientation == WD_ORIENT.LANDSCAPE)
    assert landscape.page_width > landscape.page_height


def test_charts_are_pictures_with_alt_text_then_their_data_table(word: Any) -> None:
    chart = mtfp_chart()
    pictures = word.inline_shapes
    assert len(pictures) == 1
    props = pictures[0]._inline.docPr
    assert props.get("descr") == chart.alt_text
    assert props.get("title") == chart.title
    tables = [t for t in word.tables if t.rows[0].cells[0].text == "Ref"]
    assert _table_rows(tables[0])[1][0] == "CFE001"
    assert _table_rows(tables[0])[0] == ["Ref", "Over-achieved", "Achieved", "On track", "At risk"]


def test_status_is_written_and_shaded_and_notices_are_visible(word: Any) -> None:
    paragraph = next(p for p in word.paragraphs if p.text.startswith("Overarching status"))
    rag = next(run for run in paragraph.runs if run.text.strip() == "Red")
    shading = rag._r.rPr.find(qn("w:shd"))
    assert shading is not None and shading.get(qn("w:fill")) == "D4351C"
    assert "May/June 2024" in paragraph.text
    assert any(
        p.text.startswith("Missing: No summary report for Sufficient homes")
        for p in word.paragraphs
    )


def test_footer_says_page_x_of_y(word: Any) -> None:
    footer = word.sections[0].footer
    instructions = [t.text.strip() for t in footer._element.iter(qn("w:instrText"))]
    assert instructions == ["PAGE", "NUMPAGES"]
    assert footer.paragraphs[1].text.startswith("Page ") and " of " in footer.paragraphs[1].text
    assert footer.paragraphs[1].alignment == WD_ALIGN_PARAGRAPH.RIGHT


def test_user_text_is_plain_and_links_are_only_safe_ones(hostile_bytes: bytes) -> None:
    document = docx.Document(BytesIO(hostile_bytes))
    text = _all_text(document)
    assert "<script>alert('x')</script> Report & Pack" in text
    assert "Read the guidance or this & <script>alert(2)</script>" in text
    assert LONG_POINT in [p.text for p in document.paragraphs]
    long_row = next(
        row for table in document.tables for row in table.rows if row.cells[0].text == LONG_POINT
    )
    assert long_row._tr.trPr is None or long_row._tr.trPr.find(qn("w:cantSplit")) is None
    assert "Nothing to report in this section." in text
    assert "Missing: No budget monitoring data for July 2024." in text
    assert "Warning: The chart has no data yet." in text
    assert "The chart picture is not available" in text  # a chart without a spec keeps its table
    links = [r.target_ref for r in document.part.rels.values() if r.reltype.endswith("/hyperlink")]
    assert links == ["https://www.gov.uk/guidance"]


def test_libreoffice_opens_the_word_files_and_pages_are_not_blank(
    word_bytes: bytes, hostile_bytes: bytes, tmp_path: Path
) -> None:
    for data, expected in ((word_bytes, "9,568,900"), (hostile_bytes, "<script>alert(2)</script>")):
        pdf = office.to_pdf(data, ".docx", tmp_path)
        pages = office.words(pdf)
        text = " ".join(page.text for page in pages)
        assert expected in text
        assert f"Page 1 of {len(pages)}" in text
        pngs = office.to_pngs(pdf)
        assert len(pngs) == len(pages) >= 3
        for png in pngs:
            assert office.ink_fraction(png) > 0.002, f"{png.name} is blank"


user_text = st.text(max_size=400)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    title=user_text,
    items=st.lists(user_text, max_size=8),
    cells=st.lists(user_text, min_size=1, max_size=12),
    href=st.one_of(st.text(max_size=40), st.text(max_size=40).map(lambda t: "https://" + t)),
)
def test_any_text_renders_as_plain_text(
    title: str, items: list[str], cells: list[str], href: str
) -> None:
    from boardpack.reports.document import (
        BulletList,
        Cell,
        Document,
        ListItem,
        Paragraph,
        Row,
        Run,
        Section,
        Table,
    )
    from boardpack.reports.renderers.pptx import clean

    header = (Row(cells=tuple(Cell(f"h{i}") for i in range(len(cells)))),)
    body = (Row(cells=tuple(Cell(c, numeric=i % 2 == 0) for i, c in enumerate(cells))),)
    nodes = (
        Paragraph(runs=(Run(title), Run("link", href=href))),
        BulletList(items=tuple(ListItem.of(t) for t in items), title=title),
        Table(title, header, body),
    )
    document = Document(title, title, title, title, (Section(title, nodes, notes=title),))
    read = docx.Document(BytesIO(render_docx(document)))
    text = _all_text(read) + " ".join(c.text for t in read.tables for r in t.rows for c in r.cells)
    for value in [title, *items, *cells]:
        for word in clean(value).split():
            assert word in text
    for rel in read.part.rels.values():
        if rel.reltype.endswith("/hyperlink"):
            assert rel.target_ref.lower().startswith(("http://", "https://", "mailto:"))
