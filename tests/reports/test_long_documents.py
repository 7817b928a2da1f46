"""Long-document quality, for any template: the PDF and the Word file opened as a reader would.

Each property is read back from the real file:
- a cover;
- contents: in the PDF, page numbers that are the pages the sections start on; in Word, a TOC
  field filled with entries that link to the headings, each with a PAGEREF field that Word
  updates on opening;
- headings that make a navigable outline (PDF bookmarks; Word heading styles with outline levels,
  which LibreOffice turns into bookmarks too);
- table rows never split across pages, header rows repeated;
- charts with alt text and their data table;
- "Page x of y".

The pages are rendered (WeasyPrint's PDF, and the Word file through LibreOffice) and checked: none
blank, no word off its page. Two documents: the scrutiny deck (seed 001) and a long one built here,
whose tables run over several pages and whose headings go three levels deep.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from boardpack.reports.document import (
    BulletList,
    Cell,
    Document,
    Heading,
    ListItem,
    Paragraph,
    Row,
    Section,
    Table,
)
from boardpack.reports.renderers.docx import render_docx
from boardpack.reports.renderers.pdf import render_pdf
from tests.reports import office
from tests.reports.sample_documents import mtfp_chart, scrutiny_deck

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
LONG_ROWS = 70


def _long_table() -> Table:
    """More rows than three pages hold; every tenth row wraps over several lines."""
    rows = []
    for number in range(1, LONG_ROWS + 1):
        label = f"Line L{number:03d}"
        if number % 10 == 0:
            label += (
                " " + "with a description long enough to wrap over lines " * 3 + f"(end {number})"
            )
        rows.append(
            Row(
                cells=(
                    Cell(label, header=True),
                    Cell(f"{number * 1000:,}", str(number * 1000), numeric=True),
                    Cell(f"{number * 7:,}", str(number * 7), numeric=True),
                    Cell(f"R{number:03d}", numeric=True),
                )
            )
        )
    total = Row(
        cells=(Cell("Total", header=True), Cell("2,485,000", "2485000", numeric=True)),
        role="total",
    )
    return Table(
        caption="Every line of the long table (£)",
        header_rows=(
            Row(
                cells=(
                    Cell("Line"),
                    Cell("Budget", numeric=True),
                    Cell("Variance", numeric=True),
                    Cell("Row ref", numeric=True),
                )
            ),
        ),
        rows=(*rows, total),
        notes=("Figures in £.",),
    )


def long_document() -> Document:
    words = "The service continued to improve over the quarter, as the figures below show. " * 6
    sections = [
        Section(
            title="Introduction",
            slug="introduction",
            nodes=(
                Paragraph.of(words),
                Heading("Background", level=2),
                Paragraph.of(words),
                Heading("How the figures are gathered", level=3),
                Paragraph.of(words),
            ),
        ),
        Section(
            title="The long table",
            slug="long-table",
            nodes=(Heading("All lines", level=2), _long_table()),
        ),
        Section(title="Savings chart", slug="chart", nodes=(mtfp_chart(),)),
    ]
    for number in range(1, 6):
        sections.append(
            Section(
                title=f"Service area {number}",
                slug=f"service-{number}",
                nodes=(
                    Paragraph.of(words),
                    Heading(f"What went well in area {number}", level=2),
                    BulletList(items=tuple(ListItem.of(f"Point {i}: {words}") for i in range(4))),
                ),
            )
        )
    return Document(
        title="Members' Quarterly Report",
        subtitle="January to March 2023",
        organisation="A Council",
        period_label="March 2023",
        sections=tuple(sections),
        cover_text=("For the members of the Children and Families Scrutiny Committee.",),
    )


DOCUMENTS = {"scrutiny deck": scrutiny_deck, "long document": long_document}


@dataclass(frozen=True)
class Rendered:
    document: Document
    pdf: Path
    pages: list[office.Page]


def _heading_texts(document: Document) -> list[tuple[int, str]]:
    """(level, text): level 1 the section titles, below them the document's headings."""
    found: list[tuple[int, str]] = []
    for section in document.sections:
        found.append((1, section.title))
        found += [(min(n.level, 3), n.text) for n in section.nodes if isinstance(n, Heading)]
    return found


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _page_of(pages: list[office.Page], text: str, start: int) -> int:
    """The 1-based number of the first page from ``start`` whose text holds ``text``."""
    wanted = _squash(text)
    for number in range(start, len(pages) + 1):
        if wanted in _squash(pages[number - 1].text):
            return number
    raise AssertionError(f"{text!r} is on no page from page {start}")


def _section_page(pages: list[office.Page], title: str, start: int) -> int:
    """Sections begin on a new page: the first page from ``start`` whose top holds the title."""
    first = title.split()[0]
    for number in range(start, len(pages) + 1):
        page = pages[number - 1]
        if any(w.text == first and w.y0 < page.height / 5 for w in page.words):
            if _squash(title) in _squash(page.text):
                return number
    raise AssertionError(f"no page from {start} begins with {title!r}")


def _off_page_words(pages: list[office.Page]) -> list[str]:
    problems = []
    for number, page in enumerate(pages, start=1):
        for word in page.words:
            if word.x0 < -office.TOLERANCE or word.y0 < -office.TOLERANCE:
                problems.append(f"page {number}: {word.text!r} starts off the page")
            if word.x1 > page.width + office.TOLERANCE or word.y1 > page.height:
                problems.append(f"page {number}: {word.text!r} runs off the page")
    return problems


def _assert_rows_whole(pages: list[office.Page], table: Table, first_page: int) -> list[int]:
    """Each row's own words (those in no other row nor the header) are all on one page: a row
    split over two pages fails. Returns the page each row is on."""
    header = {w for row in table.header_rows for cell in row.cells for w in cell.text.split()}
    rows = [{w for cell in row.cells for w in cell.text.split()} for row in table.rows]
    on_pages = []
    page = first_page
    for index, words in enumerate(rows):
        others = header.union(*rows[:index], *rows[index + 1 :])
        own = (words - others) or words
        found = next(
            (n for n in range(page, len(pages) + 1) if own <= {w.text for w in pages[n - 1].words}),
            None,
        )
        assert found, f"the row {sorted(own)} is split over pages (or missing) from page {page}"
        on_pages.append(found)
        page = found
    return on_pages


def _assert_header_on(pages: list[office.Page], table: Table, numbers: set[int]) -> None:
    """Every header cell is on each page the table's rows are on."""
    header = [_squash(cell.text) for row in table.header_rows for cell in row.cells]
    for number in sorted(numbers):
        text = _squash(pages[number - 1].text)
        missing = [cell for cell in header if cell not in text]
        assert not missing, f"page {number} lacks the header's {missing}"


def _assert_pages_look_right(pdf: Path, pages: list[office.Page]) -> None:
    assert not _off_page_words(pages)
    footer = re.compile(r"Page (\d+) of (\d+)")
    for number, page in enumerate(pages[1:], start=2):  # the cover has no running footer
        found = footer.findall(page.text)
        assert (str(number), str(len(pages))) in found, f"page {number} says {found}"
    pngs = office.to_pngs(pdf, resolution=30)
    assert len(pngs) == len(pages)
    for png in pngs:
        assert office.ink_fraction(png) > 0.002, f"{png.name} is blank"


# -- PDF ------------------------------------------------------------------------------------------


@pytest.fixture(scope="module", params=sorted(DOCUMENTS))
def pdf(request: Any, tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    document = DOCUMENTS[request.param]()
    path = tmp_path_factory.mktemp("pdf") / "report.pdf"
    path.write_bytes(render_pdf(document))
    return Rendered(document, path, office.words(path))


def test_pdf_cover_then_contents_with_the_pages_the_sections_start_on(pdf: Rendered) -> None:
    cover = pdf.pages[0].text
    for text in (pdf.document.title, pdf.document.subtitle, pdf.document.organisation):
        assert _squash(text) in _squash(cover)
    contents = pdf.pages[1]
    assert "Contents" in contents.text
    tokens = [word.text for word in contents.words]
    at, started = 0, 3
    for section in pdf.document.sections:
        started = _section_page(pdf.pages, section.title, started)
        # The entry: the title's words, a leader of dots, then the page number.
        title = section.title.split()
        at = next(i for i in range(at, len(tokens)) if tokens[i : i + len(title)] == title) + len(
            title
        )
        while tokens[at].strip(".") == "":
            at += 1
        assert tokens[at].lstrip(".") == str(started), (
            f"{section.title!r} starts on page {started}; the contents say {tokens[at]}"
        )


def _outline(reader: PdfReader, items: list[Any], level: int = 1) -> list[tuple[int, str, int]]:
    found: list[tuple[int, str, int]] = []
    for item in items:
        if isinstance(item, list):
            found += _outline(reader, item, level + 1)
        else:
            page = reader.get_destination_page_number(item)
            assert page is not None, f"the bookmark {item.title!r} leads nowhere"
            found.append((level, item.title, page + 1))
    return found


def test_pdf_bookmarks_follow_the_headings_to_their_pages(pdf: Rendered) -> None:
    reader = PdfReader(pdf.pdf)
    outline = _outline(reader, reader.outline)
    assert [(level, title) for level, title, _ in outline] == _heading_texts(pdf.document)
    for _, title, page in outline:
        assert _squash(title) in _squash(pdf.pages[page - 1].text)


def _figures(node: Any) -> list[DictionaryObject]:
    """The /Figure elements of the tagged PDF's structure tree."""
    node = node.get_object()
    found = []
    if isinstance(node, DictionaryObject):
        if node.get("/S") == "/Figure":
            found.append(node)
        kids = node.get("/K")
        if kids is not None:
            kids = kids.get_object()
            for kid in kids if isinstance(kids, list) else [kids]:
                found += _figures(kid)
    elif isinstance(node, list):
        for kid in node:
            found += _figures(kid)
    return found


def test_pdf_charts_have_alt_text_and_their_data_table(pdf: Rendered) -> None:
    reader = PdfReader(pdf.pdf)
    figures = _figures(reader.root_object["/StructTreeRoot"])
    chart = mtfp_chart()
    assert [str(figure.get("/Alt")) for figure in figures] == [chart.alt_text]
    first = _page_of(pdf.pages, chart.table.caption, 3)
    on_pages = _assert_rows_whole(pdf.pages, chart.table, first)
    _assert_header_on(pdf.pages, chart.table, set(on_pages))


def test_pdf_table_rows_stay_whole_and_headers_repeat(pdf: Rendered) -> None:
    tables = [
        node
        for section in pdf.document.sections
        for node in section.nodes
        if isinstance(node, Table) and len(node.rows) > 10
    ]
    assert tables
    for table in tables:
        first = _page_of(pdf.pages, table.caption, 3)
        on_pages = _assert_rows_whole(pdf.pages, table, first)
        _assert_header_on(pdf.pages, table, set(on_pages))
        if pdf.document.title.startswith("Members"):
            assert len(set(on_pages)) >= 3  # the long table runs over pages


def test_pdf_pages_are_not_blank_say_page_x_of_y_and_nothing_runs_off(pdf: Rendered) -> None:
    _assert_pages_look_right(pdf.pdf, pdf.pages)


# -- Word ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class WordFile:
    document: Document
    data: bytes
    word: Any


@pytest.fixture(scope="module", params=sorted(DOCUMENTS))
def word(request: Any) -> WordFile:
    document = DOCUMENTS[request.param]()
    data = render_docx(document)
    return WordFile(document, data, docx.Document(BytesIO(data)))


def _paragraphs_before_first_break(word: Any) -> list[str]:
    texts = []
    for paragraph in word.paragraphs:
        if paragraph._p.xpath(".//w:br[@w:type='page']"):
            break
        texts.append(paragraph.text)
    return texts


def test_word_cover_comes_first(word: WordFile) -> None:
    cover = " ".join(_paragraphs_before_first_break(word.word))
    for text in (word.document.title, word.document.subtitle, word.document.organisation):
        assert text in cover
    assert word.word.paragraphs[0].style.name == "Title"


def test_word_headings_are_heading_styles_with_bookmarks_the_contents_links_to(
    word: WordFile,
) -> None:
    headings = [
        (int(p.style.name.split()[-1]), p.text)
        for p in word.word.paragraphs
        if p.style.name.startswith("Heading")
    ]
    assert headings == _heading_texts(word.document)
    styles = word.word.styles
    for level in (1, 2, 3):  # the navigation pane shows paragraphs with an outline level
        outline = styles[f"Heading {level}"].element.find(f"{W}pPr/{W}outlineLvl")
        assert outline is not None and outline.get(qn("w:val")) == str(level - 1)
    bookmarks = {
        p.text: p._p.find(qn("w:bookmarkStart")).get(qn("w:name"))
        for p in word.word.paragraphs
        if p.style.name.startswith("Heading")
    }
    body = word.word.element.body
    instructions = [t.text.strip() for t in body.iter(qn("w:instrText"))]
    assert instructions[0] == 'TOC \\o "1-3" \\h \\z \\u'
    entries = [p for p in word.word.paragraphs if p.style.name.startswith("toc ")]
    assert [(int(p.style.name[-1]), p.text.strip()) for p in entries] == _heading_texts(
        word.document
    )
    for paragraph in entries:
        link = paragraph._p.find(qn("w:hyperlink"))
        anchor = link.get(qn("w:anchor"))
        assert bookmarks[paragraph.text.strip()] == anchor
        codes = [t.text.strip() for t in paragraph._p.iter(qn("w:instrText"))]
        assert f"PAGEREF {anchor} \\h" in codes
    update = word.word.settings.element.find(qn("w:updateFields"))
    assert update is not None and update.get(qn("w:val")) == "true"


def test_word_tables_keep_rows_whole_and_repeat_their_header(word: WordFile) -> None:
    assert word.word.tables
    for table in word.word.tables:
        rows = table.rows
        headers = [
            row._tr.trPr is not None and row._tr.trPr.find(qn("w:tblHeader")) is not None
            for row in rows
        ]
        assert headers[0], "the first row is a header row, repeated on every page"
        assert headers == sorted(headers, reverse=True)  # header rows first, then none
        for row in rows:
            assert row._tr.trPr is not None and row._tr.trPr.find(qn("w:cantSplit")) is not None


def test_word_charts_have_alt_text_then_their_data_table(word: WordFile) -> None:
    pictures = list(word.word.element.body.iter(qn("wp:docPr")))
    chart = mtfp_chart()
    assert [p.get("descr") for p in pictures] == [chart.alt_text]
    captions = [p.text for p in word.word.paragraphs if p.style.name == "Caption"]
    at = captions.index(chart.title)
    assert captions[at + 1] == chart.table.caption


def test_word_footer_says_page_x_of_y(word: WordFile) -> None:
    for section in word.word.sections:
        footer = section.footer
        codes = [t.text.strip() for t in footer._element.iter(qn("w:instrText"))]
        assert codes == ["PAGE", "NUMPAGES"]
        assert "Page" in footer.paragraphs[-1].text and "of" in footer.paragraphs[-1].text


def test_word_opened_by_libreoffice_is_navigable_whole_and_on_its_pages(
    word: WordFile, tmp_path: Path
) -> None:
    pdf = office.to_pdf(word.data, ".docx", tmp_path)
    pages = office.words(pdf)
    _assert_pages_look_right(pdf, pages)
    # LibreOffice exports the heading outline as PDF bookmarks: the navigation pane's outline.
    reader = PdfReader(pdf)
    outline = _outline(reader, reader.outline)
    assert [(level, title) for level, title, _ in outline] == _heading_texts(word.document)
    for _, title, page in outline:
        assert _squash(title) in _squash(pages[page - 1].text)
    for node in (n for s in word.document.sections for n in s.nodes):
        if isinstance(node, Table) and len(node.rows) > 10:
            first = _page_of(pages, node.caption, 3)
            on_pages = _assert_rows_whole(pages, node, first)
            _assert_header_on(pages, node, set(on_pages))
