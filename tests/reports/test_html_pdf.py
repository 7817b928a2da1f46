"""The HTML page and the PDF of the June 2024 scrutiny report, read back."""

import io
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from boardpack.reports.assemble import build_document
from boardpack.reports.document import Cell, Document, Row, Section, Table
from boardpack.reports.renderers.html import render_html
from boardpack.reports.renderers.pdf import render_pdf
from tests.reports.helpers import (
    MTFP_REFS,
    MTFP_TOTALS,
    html_table,
    html_tables,
    june,
    pdf_text,
    scrutiny,
    somerset,
    squash,
)

_rendered: dict[str, bytes] = {}  # the PDF takes seconds: render it once for this module


@pytest.fixture
def document(db):
    return build_document(scrutiny(), somerset(), june(), status_label="Draft")


@pytest.fixture
def pdf(document) -> bytes:
    if "pdf" not in _rendered:
        _rendered["pdf"] = render_pdf(document)
    return _rendered["pdf"]


def test_html_is_accessible_markup(document):
    html = render_html(document)
    assert '<html lang="en-GB">' in html
    assert "<title>Included, Educated &amp; Cared For: June 2024 – Progress Report" in html
    assert html.count("<h1") == 1
    assert '<h2 class="govuk-heading-l bp-section__title"' in html
    tables = html_tables(html)
    assert all(t["caption"].strip() for t in tables)
    assert all(scope in ("col", "row") for t in tables for scope in t["scopes"])
    assert 'role="img" aria-label="Stacked bar chart of 15 savings' in html
    assert "<svg" in html  # the chart is drawn, and its data table follows
    assert "Data for the chart" in html
    assert "<script" not in html
    assert '<strong class="govuk-tag govuk-tag--red">Red</strong>' in html  # RAG in words


def test_html_mtfp_table_has_every_line_and_the_totals(document):
    rows = html_table(render_html(document), "MTFP Tracker")
    assert [r[0] for r in rows[1:-1]] == MTFP_REFS
    assert rows[-1][1] == "TOTALS"
    assert [rows[-1][i] for i in (2, 4, 5, 6)] == MTFP_TOTALS
    assert rows[-1][3] == ""


def test_pdf_text_holds_headings_refs_and_totals(pdf):
    text = squash(pdf_text(pdf))
    for heading in (
        "Contents",
        "Director's Progress Summary",
        "Children's Transformation Programme – MTFP Tracker",
        "Families can access support early",
    ):
        assert heading in text
    for ref in MTFP_REFS:
        assert ref in text
    for total in MTFP_TOTALS:
        assert total in text
    assert "Page 1 of" in text


def test_pdf_is_tagged_titled_in_english_with_bookmarks(pdf):
    reader = PdfReader(io.BytesIO(pdf))
    root = reader.trailer["/Root"]
    assert reader.metadata.title == (
        "Included, Educated & Cared For: June 2024 – Progress Report for Scrutiny"
    )
    assert root["/Lang"] == "en-GB"
    assert "/StructTreeRoot" in root
    assert root["/MarkInfo"]["/Marked"]
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert "Director's Progress Summary" in titles
    assert "Children's Transformation Programme – MTFP Tracker" in titles
    assert "Contents" not in titles  # the contents page is not a bookmark of itself


def test_pdf_contents_gives_page_numbers(pdf):
    reader = PdfReader(io.BytesIO(pdf))
    contents = squash(reader.pages[1].extract_text())
    assert "Contents" in contents
    mtfp_page = next(
        n
        for n, page in enumerate(reader.pages, start=1)
        if "MTFP Tracker 24/25" in (page.extract_text() or "")
    )
    assert f"MTFP Tracker {'.' * 3}" in contents.replace(" .", ".") or str(mtfp_page) in contents


def _long_table_document() -> Document:
    header = Row(cells=(Cell("Ref", header=True), Cell("Amount £", header=True, numeric=True)))
    rows = tuple(
        Row(cells=(Cell(f"LINE{n:03}", header=True), Cell(f"{n},000", f"{n}000", numeric=True)))
        for n in range(1, 121)
    )
    table = Table(caption="A long table", header_rows=(header,), rows=rows)
    section = Section(title="Long", nodes=(table,), slug="long")
    return Document(
        title="Long",
        subtitle="Test",
        organisation="Somerset Council",
        period_label="June 2024",
        sections=(section,),
    )


def test_pdf_table_header_repeats_on_every_page_it_spans(tmp_path: Path):
    source = tmp_path / "report.pdf"
    source.write_bytes(render_pdf(_long_table_document()))
    pages = []
    for number in range(1, 12):
        result = subprocess.run(
            ["pdftotext", "-f", str(number), "-l", str(number), str(source), "-"],
            capture_output=True,
            text=True,
        )
        if "LINE" in result.stdout:
            pages.append(squash(result.stdout))
    assert len(pages) >= 3
    for page in pages:
        assert "Ref Amount £" in page
    assert "LINE120 120,000" in pages[-1]


def test_pdf_pages_render_to_png(pdf, tmp_path: Path):
    source = tmp_path / "report.pdf"
    source.write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "30", "-f", "1", "-l", "3", str(source), str(tmp_path / "p")],
        check=True,
    )
    pictures = sorted(tmp_path.glob("p-*.png"))
    assert len(pictures) == 3
    assert all(p.read_bytes().startswith(b"\x89PNG") for p in pictures)
